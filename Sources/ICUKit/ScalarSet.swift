internal import CICU

/// A set of Unicode scalars compiled once from an ICU UnicodeSet pattern
/// (`[[:Han:][〇]]`, `[\u200B-\u200D]`, …) into a plain value: a bitmap for the
/// BMP and sorted ranges above it. Lookups in hot loops cost a shift and a mask;
/// the value is Sendable, so one compiled rule set serves every thread.
public struct ScalarSet: Sendable, Equatable {
    @usableFromInline var bmp: [UInt64]
    @usableFromInline var supplementary: [ClosedRange<UInt32>]
    /// The pattern this set was compiled from, for messages and the trace.
    public let pattern: String

    /// Compiles an ICU UnicodeSet pattern. Throws when ICU rejects the pattern.
    public init(pattern: String) throws {
        var status = U_ZERO_ERROR
        let utf16 = Array(pattern.utf16)
        guard let set = cicu_uset_openPattern(utf16, Int32(utf16.count), &status) else {
            throw ICUError(operation: "uset_openPattern(\(pattern))", code: status.rawValue)
        }
        defer { cicu_uset_close(set) }
        try check(status, "uset_openPattern(\(pattern))")
        self.init(ranges: ScalarSet.ranges(of: set), pattern: pattern)
    }

    /// A set of explicit ranges (used for sets built from rule tables).
    public init(ranges: [ClosedRange<UInt32>], pattern: String) {
        self.pattern = pattern
        bmp = Array(repeating: 0, count: 1024)
        supplementary = []
        for r in ranges {
            if r.lowerBound <= 0xFFFF {
                for v in r.lowerBound...min(r.upperBound, 0xFFFF) { bmp[Int(v >> 6)] |= 1 << UInt64(v & 63) }
            }
            if r.upperBound > 0xFFFF { supplementary.append(max(r.lowerBound, 0x10000)...r.upperBound) }
        }
    }

    // Inlinable, so the stages' hot loops inline the lookup across modules.
    @inlinable @inline(__always)
    public func contains(_ value: UInt32) -> Bool {
        if value <= 0xFFFF { return bmp.withUnsafeBufferPointer { $0[Int(value >> 6)] } & (1 << UInt64(value & 63)) != 0 }
        for r in supplementary where r.contains(value) { return true }
        return false
    }

    @inlinable @inline(__always)
    public func contains(_ scalar: Unicode.Scalar) -> Bool { contains(scalar.value) }

    /// Calls `body` with every member below U+10000, in ascending order: a
    /// table over the BMP is filled from the set's words in a few thousand
    /// steps, not by asking the set about each of 65,536 scalars.
    public func forEachBMPMember(_ body: (UInt32) -> Void) {
        for (index, word) in bmp.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                body(UInt32(index << 6 | rest.trailingZeroBitCount))
                rest &= rest - 1
            }
        }
    }

    /// The set's ranges as ICU reports them (strings in the set are ignored).
    static func ranges(of set: OpaquePointer) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        let count = cicu_uset_getRangeCount(set)
        for i in 0..<count {
            var start: UChar32 = 0, end: UChar32 = 0, status = U_ZERO_ERROR
            let len = cicu_uset_getItem(set, i, &start, &end, nil, 0, &status)
            if len == 0 && status.rawValue <= 0 { result.append(UInt32(start)...UInt32(end)) }
        }
        return result
    }
}
