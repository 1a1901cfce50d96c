extension String {
    /// A string of `bytes` that are valid UTF-8 already (a valid string's
    /// bytes cut at scalar boundaries, or valid scalars just encoded), copied
    /// without validating them again: `String(unsafeUninitializedCapacity:)`
    /// and `String(decoding:as:)` validate every byte, about half of what
    /// building a line of Han cost (callgrind: ~875 against ~440 instructions
    /// a line, allocation included). `isASCII` when the caller knows it;
    /// else the bytes are checked for it (a word at a time), so the string's
    /// flags are the ones validation would have set.
    init(validUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool? = nil) {
        guard !bytes.isEmpty else { self = ""; return }
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            var span = unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII ?? false)
            if isASCII == nil { _ = span.checkForASCII() }
            self = String(copying: span)
        } else {
            self = String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// Whether `bytes` are well-formed UTF-8 (Unicode's table 3-7: no overlong
/// form, no surrogate, nothing past U+10FFFF, no sequence cut short): what
/// `String(validating:as:)` accepts; `isASCII` when every byte is below
/// 0x80. Every input is asked once, and the standard library's check cost
/// about twelve instructions a byte of Han (callgrind: 36 M of the 1 MB
/// bench); this loop reads two three-byte scalars (Han, CJK punctuation)
/// or eight ASCII bytes a step, and anything else scalar by scalar.
func utf8Validity(_ bytes: UnsafeBufferPointer<UInt8>) -> (isValid: Bool, isASCII: Bool) {
    guard let p = bytes.baseAddress else { return (true, true) }
    let n = bytes.count
    var i = 0, ascii = true
    while i < n {
        if i &+ 8 <= n {
            // Two three-byte scalars in one word: leads 1110xxxx, each with
            // two bytes 10xxxxxx after it, and neither lead E0 nor ED (whose
            // second byte has a narrower range, checked below).
            let word = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            let lead = word & 0x0F, nextLead = word >> 24 & 0x0F  // their low four bits
            if word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0, lead != 0x0, lead != 0xD, nextLead != 0x0, nextLead != 0xD {
                ascii = false
                i &+= 6
                continue
            }
        }
        let b = p[i]
        if b < 0x80 {
            if i &+ 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i &+= 8
            } else {
                i &+= 1
            }
            continue
        }
        ascii = false
        if b < 0xE0 {
            // C0 and C1 lead only overlong forms; 80…BF lead nothing.
            guard b >= 0xC2, i &+ 1 < n, p[i &+ 1] & 0xC0 == 0x80 else { return (false, false) }
            i &+= 2
        } else if b < 0xF0 {
            // E0 A0…BF (no overlong form), ED 80…9F (no surrogate).
            guard i &+ 2 < n else { return (false, false) }
            let second = p[i &+ 1]
            let low: UInt8 = b == 0xE0 ? 0xA0 : 0x80, high: UInt8 = b == 0xED ? 0x9F : 0xBF
            guard second >= low, second <= high, p[i &+ 2] & 0xC0 == 0x80 else { return (false, false) }
            i &+= 3
        } else {
            // F0 90…BF (no overlong form), F4 80…8F (nothing past U+10FFFF).
            guard b <= 0xF4, i &+ 3 < n else { return (false, false) }
            let second = p[i &+ 1]
            let low: UInt8 = b == 0xF0 ? 0x90 : 0x80, high: UInt8 = b == 0xF4 ? 0x8F : 0xBF
            guard second >= low, second <= high, p[i &+ 2] & 0xC0 == 0x80, p[i &+ 3] & 0xC0 == 0x80 else { return (false, false) }
            i &+= 4
        }
    }
    return (true, ascii)
}

extension String {
    /// The text of `bytes` when they are valid UTF-8, else nil: what
    /// `String(validating: bytes, as: UTF8.self)` gives, checked by
    /// `utf8Validity` and copied without a second check.
    init?(wellFormedUTF8 bytes: [UInt8]) {
        guard let text = bytes.withUnsafeBufferPointer({ p -> String? in
            let validity = utf8Validity(p)
            return validity.isValid ? String(validUTF8: p, isASCII: validity.isASCII) : nil
        }) else { return nil }
        self = text
    }
}
