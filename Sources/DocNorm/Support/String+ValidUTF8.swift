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
