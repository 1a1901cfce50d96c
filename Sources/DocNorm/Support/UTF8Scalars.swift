#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import ICUKit

/// The scalar whose UTF-8 encoding starts at `bytes[i]`, and its length in
/// bytes. `bytes` is a String's UTF-8, valid by construction: no checks.
/// (The stages' hot loops read a line's bytes, not its scalar view, whose
/// index steps are validated one by one.)
@inline(__always)
func decodeUTF8Scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
    let b = UInt32(bytes[i])
    if b < 0x80 { return (b, 1) }
    if b < 0xE0 { return ((b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
    if b < 0xF0 { return ((b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3) }
    return ((b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
}

/// Whether the scalar whose UTF-8 starts at `bytes[i]` is a CJK unified
/// ideograph of U+4E00…U+9FFF (most of the text; three bytes each), told
/// without decoding it: lead byte E5…E9, or E4 before a second byte of B8
/// or more (U+4E00…U+4FFF). Valid UTF-8: an E4 lead has its continuation.
@inline(__always)
func opensUnifiedIdeograph(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    let b = bytes[i]
    return b &- 0xE5 <= 0xE9 - 0xE5 || (b == 0xE4 && bytes[i &+ 1] >= 0xB8)
}

/// The value of the last scalar of the well-formed UTF-8 `bytes[..<end]`
/// (`end` > 0): back over its continuation bytes to its lead byte, then
/// decoded. Every reader of a text's last scalar on its bytes asks this.
@inline(__always)
func decodeLastUTF8Scalar(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> UInt32 {
    var start = end - 1
    while bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return decodeUTF8Scalar(bytes, at: start).value
}

extension String {
    /// The first and the last scalar (nil when empty), read from the UTF-8
    /// bytes: `unicodeScalars.first` and `.last` without the view's
    /// validated index steps (a test every line of a stretch passes through).
    /// Read in place (`withUTF8` on a copy retained and released the string
    /// at each call, most of the cost).
    var outerScalars: (first: Unicode.Scalar, last: Unicode.Scalar)? {
        func ends(_ bytes: UnsafeBufferPointer<UInt8>) -> (first: Unicode.Scalar, last: Unicode.Scalar)? {
            guard !bytes.isEmpty else { return nil }
            let first = decodeUTF8Scalar(bytes, at: 0).value, last = decodeLastUTF8Scalar(bytes, before: bytes.count)
            return (Unicode.Scalar(first).unsafelyUnwrapped, Unicode.Scalar(last).unsafelyUnwrapped)
        }
        if let found = utf8.withContiguousStorageIfAvailable(ends) { return found }
        var text = self
        return text.withUTF8(ends)
    }
}

extension String {
    /// The last scalar (nil when empty), read from the UTF-8 in place:
    /// `outerScalars?.last` without decoding the first scalar too
    /// (`LineRepair.append` asks it of the paragraph at every seam).
    var lastScalar: Unicode.Scalar? {
        utf8.withContiguousStorageIfAvailable { bytes -> Unicode.Scalar? in
            bytes.isEmpty ? nil : Unicode.Scalar(decodeLastUTF8Scalar(bytes, before: bytes.count)).unsafelyUnwrapped
        } ?? outerScalars?.last
    }

    /// The first scalar (nil when empty), read from the UTF-8 in place:
    /// `outerScalars?.first` without walking back to the last scalar
    /// (`LineRepair.append` asks it of the piece at every seam).
    var firstScalar: Unicode.Scalar? {
        utf8.withContiguousStorageIfAvailable { bytes -> Unicode.Scalar? in
            bytes.isEmpty ? nil : Unicode.Scalar(decodeUTF8Scalar(bytes, at: 0).value).unsafelyUnwrapped
        } ?? outerScalars?.first
    }

    /// The first UTF-8 byte, 0 for an empty text, read in place: `utf8.first`
    /// was a call (Collection's `first`, some 24 instructions) on every line
    /// stage 2 asks by its first byte.
    @inline(__always)
    var firstUTF8Byte: UInt8 { utf8.isEmpty ? 0 : utf8[utf8.startIndex] }

    /// Whether every UTF-8 byte is an ASCII digit (true for an empty
    /// text), read in place: through the UTF-8 view's iterator each byte
    /// cost ~28 instructions (callgrind).
    var isASCIIDigitsOnly: Bool {
        func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            while i < bytes.count {
                guard bytes[i] &- 0x30 < 10 else { return false }
                i += 1
            }
            return true
        }
        if let found = utf8.withContiguousStorageIfAvailable(digits) { return found }
        var text = self
        return text.withUTF8(digits)
    }

    /// The last UTF-8 byte, 0 for an empty text, read in place (`utf8.last`
    /// is a call too).
    @inline(__always)
    var lastUTF8Byte: UInt8 { utf8.isEmpty ? 0 : utf8[utf8.index(before: utf8.endIndex)] }

    /// Whether both are the same string value bit for bit: the same
    /// storage, or the same small string's bytes. Then they are the same
    /// UTF-8 bytes (a shared storage is never changed); told in two
    /// compares, without a call. False says nothing: `hasSameUTF8` decides.
    @inline(__always)
    func isBitwiseIdentical(to other: String) -> Bool {
        let a = unsafeBitCast(self, to: (UInt64, UInt64).self), b = unsafeBitCast(other, to: (UInt64, UInt64).self)
        return a.0 == b.0 && a.1 == b.1
    }

    /// Whether both texts are the same UTF-8 bytes: a test of their lengths
    /// and one `memcmp`. (`==` is canonical equivalence: equal texts may
    /// differ in bytes, Å as one scalar or as A and a ring.)
    func hasSameUTF8(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        // In place (no copy of either string to make it contiguous).
        if let same = utf8.withContiguousStorageIfAvailable({ x in
            other.utf8.withContiguousStorageIfAvailable { y in sameBytes(x, y) }
        }), let same { return same }
        var a = self, b = other
        return a.withUTF8 { x in b.withUTF8 { y in sameBytes(x, y) } }
    }

    /// Whether the text holds `byte` in its UTF-8, found in place with
    /// `memchr` (the generic `utf8.contains` stepped the view byte by byte).
    func holdsUTF8Byte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }

    /// Whether the text holds `pattern` in its UTF-8 (`containsSequence`, in place).
    func holdsUTF8(_ pattern: [UInt8]) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ containsSequence(pattern, in: $0) }) { return found }
        var text = self
        return text.withUTF8 { containsSequence(pattern, in: $0) }
    }

    /// Whether the text's UTF-8 is `bytes` (`hasSameUTF8` against a buffer).
    func hasUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count == bytes.count else { return false }
        if let same = utf8.withContiguousStorageIfAvailable({ sameBytes($0, bytes) }) { return same }
        var text = self
        return text.withUTF8 { sameBytes($0, bytes) }
    }
}

/// Whether two buffers hold the same bytes: their lengths, then one `memcmp`.
@inline(__always)
func sameBytes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
}

/// Offset of the first `byte` in `bytes` (`bytes.count` when there is none),
/// found with `memchr`, which reads many bytes a step: a prose line has no
/// space, and a loop byte by byte walked all of it.
func offsetOfFirst(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress, !bytes.isEmpty, let found = memchr(base, Int32(byte), bytes.count) else { return bytes.count }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
}

/// Whether `pattern` stands in `bytes` at a start `accept` takes, each
/// occurrence found by the pattern's last byte with `memchr`: for an
/// ideograph that last byte is a continuation byte few of a line's other
/// characters share, so most lines are passed over in a few steps.
func containsSequence(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>,
                      where accept: (_ start: Int) -> Bool = { _ in true }) -> Bool {
    let last = pattern[pattern.count - 1]
    var end = pattern.count - 1  // where the pattern's last byte may stand
    while end < bytes.count {
        end += offsetOfFirst(last, in: UnsafeBufferPointer(rebasing: bytes[end...]))
        guard end < bytes.count else { return false }
        let start = end + 1 - pattern.count
        // One `memcmp` (the slices' `elementsEqual` stepped both byte by byte).
        if pattern.withUnsafeBufferPointer({ sameBytes(UnsafeBufferPointer(rebasing: bytes[start...end]), $0) }) && accept(start) { return true }
        end += 1
    }
    return false
}

/// Scalars read straight from valid UTF-8 (a `String`'s bytes), as
/// `Unicode.Scalar`s: for the searches of stage 4 that look at a few scalars
/// of long text, where the scalar view's walk, which validates every index,
/// cost more than the search.
enum UTF8Scalars {
    /// The scalar whose UTF-8 starts at `i`, and its length in bytes.
    @inline(__always)
    static func scalar(at i: Int, in utf8: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, length: Int) {
        let (v, length) = decodeUTF8Scalar(utf8, at: i)
        return (Unicode.Scalar(v) ?? "\u{FFFD}", length)
    }

    /// The scalar whose UTF-8 ends just before `i` (`i` > 0), and its length.
    @inline(__always)
    static func scalar(endingAt i: Int, in utf8: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, length: Int) {
        var lead = i - 1
        while lead > 0, utf8[lead] & 0xC0 == 0x80 { lead -= 1 }
        return scalar(at: lead, in: utf8)
    }
}

extension Substring.UnicodeScalarView {
    /// `body` on the UTF-8 of these scalars (a native string's own bytes: no
    /// copy). Offsets into it are offsets from `startIndex` in the UTF-8 view.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        var text = Substring(self)
        return try text.withUTF8(body)
    }

    /// The first scalar in `set`, found on the UTF-8 (what
    /// `firstIndex(where: set.contains)` finds).
    func firstIndex(in set: ScalarSet) -> String.Index? {
        let offset = withUTF8 { utf8 -> Int? in
            var i = 0
            while i < utf8.count {
                let (scalar, length) = UTF8Scalars.scalar(at: i, in: utf8)
                if set.contains(scalar) { return i }
                i += length
            }
            return nil
        }
        let text = Substring(self)
        return offset.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }
}

extension Unicode.Scalar {
    /// 0–9 only: the OCR readings ask it of a number's neighbours, where a
    /// full-width or other-script digit is not one of the number's.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    /// a–z or A–Z only: a Latin letter beside a number or a scheme.
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
