internal import CICU

/// The bare ICU round trip UTF-8 → UTF-16 → NFKC → UTF-8, the ceiling for
/// docnorm's first stage: `docnorm bench` runs the same bytes through it and
/// reports docnorm's speed as a ratio of this one, which holds on a shared
/// machine where absolute figures drift. Buffers are reused between calls, as
/// a tuned C loop would; one instance per thread.
public final class NFKCBaseline {
    private let nfkc: OpaquePointer
    private var utf16: [UInt16] = []
    private var normalized: [UInt16] = []
    private var utf8: [UInt8] = []

    public init() throws {
        var status = U_ZERO_ERROR
        guard let n = cicu_unorm2_getNFKCInstance(&status) else {
            throw ICUError(operation: "unorm2_getNFKCInstance", code: status.rawValue)
        }
        try check(status, "unorm2_getNFKCInstance")
        nfkc = n
    }

    /// Normalizes one document of valid UTF-8; returns the output's byte count
    /// (so the work cannot be optimized away).
    public func run(_ input: [UInt8]) throws -> Int {
        var status = U_ZERO_ERROR
        if utf16.count < input.count + 1 { utf16 = [UInt16](repeating: 0, count: input.count + 1) }
        var units: Int32 = 0
        input.withUnsafeBufferPointer { src in
            src.withMemoryRebound(to: CChar.self) { chars in
                utf16.withUnsafeMutableBufferPointer { dest in
                    _ = cicu_u_strFromUTF8(dest.baseAddress, Int32(dest.count), &units, chars.baseAddress, Int32(chars.count), &status)
                }
            }
        }
        try check(status, "u_strFromUTF8")
        var length: Int32 = 0
        while true {
            if normalized.count < Int(units) * 2 + 16 { normalized = [UInt16](repeating: 0, count: Int(units) * 2 + 16) }
            status = U_ZERO_ERROR
            length = utf16.withUnsafeBufferPointer { src in
                normalized.withUnsafeMutableBufferPointer { dest in
                    cicu_unorm2_normalize(nfkc, src.baseAddress, units, dest.baseAddress, Int32(dest.count), &status)
                }
            }
            if status == U_BUFFER_OVERFLOW_ERROR {
                normalized = [UInt16](repeating: 0, count: Int(length) + 16)
                continue
            }
            try check(status, "unorm2_normalize")
            break
        }
        if utf8.count < Int(length) * 3 + 1 { utf8 = [UInt8](repeating: 0, count: Int(length) * 3 + 1) }
        var bytes: Int32 = 0
        status = U_ZERO_ERROR
        normalized.withUnsafeBufferPointer { src in
            utf8.withUnsafeMutableBufferPointer { dest in
                dest.withMemoryRebound(to: CChar.self) { chars in
                    _ = cicu_u_strToUTF8(chars.baseAddress, Int32(chars.count), &bytes, src.baseAddress, length, &status)
                }
            }
        }
        try check(status, "u_strToUTF8")
        return Int(bytes)
    }
}
