#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

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

extension String {
    /// The first and the last scalar (nil when empty), read from the UTF-8
    /// bytes: `unicodeScalars.first` and `.last` without the view's
    /// validated index steps (a test every line of a stretch passes through).
    var outerScalars: (first: Unicode.Scalar, last: Unicode.Scalar)? {
        var text = self
        return text.withUTF8 { bytes -> (first: Unicode.Scalar, last: Unicode.Scalar)? in
            guard !bytes.isEmpty else { return nil }
            var start = bytes.count - 1
            while bytes[start] & 0xC0 == 0x80 { start -= 1 }  // back over continuation bytes
            let first = decodeUTF8Scalar(bytes, at: 0).value, last = decodeUTF8Scalar(bytes, at: start).value
            return (Unicode.Scalar(first).unsafelyUnwrapped, Unicode.Scalar(last).unsafelyUnwrapped)
        }
    }
}

/// Offset of the first `byte` in `bytes` (`bytes.count` when there is none),
/// found with `memchr`, which reads many bytes a step: a prose line has no
/// space, and a loop byte by byte walked all of it.
func offsetOfFirst(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress, !bytes.isEmpty, let found = memchr(base, Int32(byte), bytes.count) else { return bytes.count }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
}
