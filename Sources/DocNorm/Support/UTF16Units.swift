/// Writes scalar values as UTF-16 code units into `out`, which has room for
/// two units a scalar; returns how many it wrote. The two NFKC passes (the
/// whole text, `CharacterNormalizer.nfkc`, and line by line,
/// `FusedLineNormalizer`) hand ICU UTF-16 made so.
@inline(__always)
func writeUTF16<Scalars: Sequence>(_ scalars: Scalars, into out: UnsafeMutableBufferPointer<UInt16>) -> Int
where Scalars.Element == UInt32 {
    var n = 0
    for v in scalars {
        if v < 0x10000 {
            out[n] = UInt16(truncatingIfNeeded: v)
            n += 1
        } else {
            out[n] = UInt16(truncatingIfNeeded: 0xD800 + ((v - 0x10000) >> 10))
            out[n + 1] = UInt16(truncatingIfNeeded: 0xDC00 + (v & 0x3FF))
            n += 2
        }
    }
    return n
}
