/// A real failure: docnorm could not produce a document. Each case says what and
/// where; the CLI maps cases to documented exit codes.
public enum DocNormError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input holds no bytes at all.
    case emptyInput
    /// The input looks like a binary file (a PDF, an image, NUL bytes…).
    case binaryInput(kind: String, offset: Int)
    /// The named encoding is not one ICU knows.
    case unknownEncoding(String)
    /// The encoding could not be determined with enough confidence.
    case undetectableEncoding(best: String?, confidence: Int)
    /// A rule file is malformed.
    case invalidRules(file: String, line: Int?, reason: String)
    /// An ICU call failed.
    case icu(String)

    public var description: String {
        switch self {
        case .emptyInput:
            return "the input is empty"
        case .binaryInput(let kind, let offset):
            return "the input looks like binary data (\(kind) at byte \(offset)), not extracted text; run a text extractor (e.g. pdftotext) first"
        case .unknownEncoding(let name):
            return "unknown encoding '\(name)'; use a name ICU knows, e.g. UTF-8, GB18030, Big5, UTF-16LE"
        case .undetectableEncoding(let best, let confidence):
            let guess = best.map { "best guess \($0) at \(confidence)% confidence" } ?? "no candidate"
            return "cannot tell the text encoding (\(guess)); name it with --encoding, e.g. --encoding GB18030"
        case .invalidRules(let file, let line, let reason):
            return "invalid rule file \(file)\(line.map { ":\($0)" } ?? ""): \(reason)"
        case .icu(let message):
            return "ICU error: \(message)"
        }
    }
}
