internal import CICU

/// A byte sequence the converter could not map, at its offset in the input.
public struct InvalidBytes: Sendable, Equatable {
    public let offset: Int
    public let bytes: [UInt8]
}

/// Decoding through ICU's converters (`ucnv`): any charset ICU knows
/// (GB18030, GBK, Big5, Shift_JIS, UTF-16LE, …) to UTF-16.
public enum Converter {
    /// Whether ICU knows a converter by this name (or alias).
    public static func isKnown(_ charset: String) -> Bool {
        var status = U_ZERO_ERROR
        guard let c = cicu_ucnv_open(charset, &status), status.rawValue <= 0 else { return false }
        cicu_ucnv_close(c)
        return true
    }

    /// ICU's canonical name for a charset alias.
    public static func canonicalName(_ charset: String) -> String? {
        var status = U_ZERO_ERROR
        guard let c = cicu_ucnv_open(charset, &status), status.rawValue <= 0 else { return nil }
        defer { cicu_ucnv_close(c) }
        return cicu_ucnv_getName(c, &status).map { String(cString: $0) }
    }

    /// Converts `bytes` to UTF-16. Each unmappable or malformed sequence becomes
    /// U+FFFD and is reported with its byte offset; conversion then goes on.
    public static func decode(_ bytes: [UInt8], charset: String) throws -> (utf16: [UInt16], invalid: [InvalidBytes]) {
        var status = U_ZERO_ERROR
        guard let converter = cicu_ucnv_open(charset, &status) else {
            throw ICUError(operation: "ucnv_open(\(charset))", code: status.rawValue)
        }
        try check(status, "ucnv_open(\(charset))")
        defer { cicu_ucnv_close(converter) }
        cicu_ucnv_setToUCallBackStop(converter, &status)
        try check(status, "ucnv_setToUCallBack")

        // One UTF-16 unit per input byte is enough for the CJK charsets and UTF-16
        // (a 200 MB input must not reserve 800 MB); the loop grows it otherwise.
        var output = [UInt16](repeating: 0, count: bytes.count + 64)
        var invalid: [InvalidBytes] = []
        var written = 0
        try bytes.withUnsafeBufferPointer { inBuf in
            try inBuf.withMemoryRebound(to: CChar.self) { src in
                let start = src.baseAddress ?? UnsafePointer<CChar>(bitPattern: 1)!
                var source: UnsafePointer<CChar>? = start
                let sourceLimit = start + src.count
                var lastError: (source: UnsafePointer<CChar>?, written: Int)?
                while true {
                    if output.count - written < 64 { output += [UInt16](repeating: 0, count: output.count) }
                    status = U_ZERO_ERROR
                    output.withUnsafeMutableBufferPointer { outBuf in
                        var target: UnsafeMutablePointer<UChar>? = outBuf.baseAddress! + written
                        cicu_ucnv_toUnicode(converter, &target, outBuf.baseAddress! + outBuf.count,
                                            &source, sourceLimit, 1, &status)
                        written = target! - outBuf.baseAddress!
                    }
                    if status == U_BUFFER_OVERFLOW_ERROR { continue }
                    // Bad input, not a failure: malformed or unmappable bytes, and in
                    // the ISO-2022 family a broken or unknown escape sequence.
                    if status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND || status == U_TRUNCATED_CHAR_FOUND
                        || status == U_ILLEGAL_ESCAPE_SEQUENCE || status == U_UNSUPPORTED_ESCAPE_SEQUENCE {
                        var bad = [CChar](repeating: 0, count: 32)
                        var badLen: Int8 = 32
                        var s2 = U_ZERO_ERROR
                        cicu_ucnv_getInvalidChars(converter, &bad, &badLen, &s2)
                        let consumed = source! - start
                        let badBytes = bad.prefix(Int(max(badLen, 0))).map { UInt8(bitPattern: $0) }
                        invalid.append(InvalidBytes(offset: max(0, consumed - badBytes.count), bytes: badBytes))
                        // The same error again without progress would loop forever:
                        // give up on the rest, reported as one invalid place.
                        if let last = lastError, last.source == source, last.written == written {
                            invalid[invalid.count - 1] = InvalidBytes(offset: consumed, bytes: Array(bytes[consumed...].prefix(16)))
                            source = sourceLimit
                        }
                        if output.count - written < 2 { output += [UInt16](repeating: 0, count: 64) }
                        output[written] = 0xFFFD
                        written += 1
                        lastError = (source, written)
                        if source! >= sourceLimit { break }
                        continue
                    }
                    try check(status, "ucnv_toUnicode(\(charset))")
                    break
                }
            }
        }
        output.removeSubrange(written...)
        return (output, invalid)
    }
}
