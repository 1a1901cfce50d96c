internal import CICU

/// NFKC through ICU, restricted to the characters outside a kept set.
///
/// Plain NFKC folds the CJK full-width punctuation (，（）：；！？) and circled
/// numbers to ASCII; canonical text keeps them. ICU's filtered normalizer applies
/// NFKC only to characters in the filter set, so the filter is the complement of
/// the kept set. One instance is immutable after creation and safe to share.
public final class FilteredNormalizer: @unchecked Sendable {
    private let normalizer: OpaquePointer
    private let filter: OpaquePointer
    public let keptPattern: String

    /// `keptPattern` is an ICU UnicodeSet pattern of characters NFKC must not touch.
    public init(keeping keptPattern: String) throws {
        self.keptPattern = keptPattern
        var status = U_ZERO_ERROR
        let nfkc = cicu_unorm2_getNFKCInstance(&status)
        try check(status, "unorm2_getNFKCInstance")
        let pattern = Array(keptPattern.utf16)
        guard let set = cicu_uset_openPattern(pattern, Int32(pattern.count), &status) else {
            throw ICUError(operation: "uset_openPattern(\(keptPattern))", code: status.rawValue)
        }
        try check(status, "uset_openPattern(\(keptPattern))")
        cicu_uset_complement(set)
        cicu_uset_freeze(set)
        filter = set
        guard let n = cicu_unorm2_openFiltered(nfkc, set, &status) else {
            cicu_uset_close(set)
            throw ICUError(operation: "unorm2_openFiltered", code: status.rawValue)
        }
        try check(status, "unorm2_openFiltered")
        normalizer = n
    }

    deinit {
        cicu_unorm2_close(normalizer)
        cicu_uset_close(filter)
    }

    /// Normalizes UTF-16 code units. Text that is already normalized (the usual
    /// case) is detected by ICU's quick check and returned without copying.
    public func normalize(_ input: [UInt16]) throws -> [UInt16] {
        try normalizeIfNeeded(input) ?? input
    }

    /// The normalized code units, or nil when ICU's quick check finds `input`
    /// already normalized (so the caller can keep what it has).
    public func normalizeIfNeeded(_ input: [UInt16]) throws -> [UInt16]? {
        var status = U_ZERO_ERROR
        let yes = cicu_unorm2_spanQuickCheckYes(normalizer, input, Int32(input.count), &status)
        try check(status, "unorm2_spanQuickCheckYes")
        if Int(yes) == input.count { return nil }
        var capacity = input.count + input.count / 4 + 16
        while true {
            var output = [UInt16](repeating: 0, count: capacity)
            status = U_ZERO_ERROR
            let length = output.withUnsafeMutableBufferPointer { out in
                cicu_unorm2_normalize(normalizer, input, Int32(input.count), out.baseAddress, Int32(capacity), &status)
            }
            if status == U_BUFFER_OVERFLOW_ERROR {
                capacity = Int(length) + 16
                continue
            }
            try check(status, "unorm2_normalize")
            output.removeSubrange(Int(length)...)
            return output
        }
    }
}

extension FilteredNormalizer {
    /// Normalizes `input` into `output` (grown when too small) and returns the
    /// number of code units written, or nil when ICU's quick check finds the
    /// input already normalized. For callers that normalize many short pieces
    /// (one line at a time) and reuse their buffers.
    public func normalize(_ input: UnsafeBufferPointer<UInt16>, into output: inout [UInt16]) throws -> Int? {
        var status = U_ZERO_ERROR
        let yes = cicu_unorm2_spanQuickCheckYes(normalizer, input.baseAddress, Int32(input.count), &status)
        try check(status, "unorm2_spanQuickCheckYes")
        if Int(yes) == input.count { return nil }
        let wanted = input.count + input.count / 4 + 16
        if output.count < wanted { output = [UInt16](repeating: 0, count: wanted) }
        while true {
            status = U_ZERO_ERROR
            let length = output.withUnsafeMutableBufferPointer { out in
                cicu_unorm2_normalize(normalizer, input.baseAddress, Int32(input.count), out.baseAddress, Int32(out.count), &status)
            }
            if status == U_BUFFER_OVERFLOW_ERROR {
                output = [UInt16](repeating: 0, count: Int(length) + 16)
                continue
            }
            try check(status, "unorm2_normalize")
            return Int(length)
        }
    }
}
