/// 64-bit FNV-1a: a small, stable, non-cryptographic hash for telling whether
/// an input or a rule set changed between runs (not for security).
public struct FNV1a64: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ bytes: [UInt8]) {
        var h = value
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        value = h
    }

    /// The value as 16 lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func hex(of bytes: [UInt8]) -> String {
        var hash = FNV1a64()
        hash.combine(bytes)
        return hash.hex
    }
}
