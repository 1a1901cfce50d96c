import ICUKit

/// Scalars read straight from valid UTF-8 (a `String`'s bytes): for the
/// searches of stage 4 that look at a few scalars of long text, where the
/// scalar view's walk, which validates every index, cost more than the search.
enum UTF8Scalars {
    /// The scalar whose UTF-8 starts at `i`, and its length in bytes.
    @inline(__always)
    static func scalar(at i: Int, in utf8: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, length: Int) {
        let b = UInt32(utf8[i])
        let v: UInt32, length: Int
        if b < 0x80 {
            v = b; length = 1
        } else if b < 0xE0 {
            v = (b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); length = 2
        } else if b < 0xF0 {
            v = (b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); length = 3
        } else {
            v = (b & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
            length = 4
        }
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
