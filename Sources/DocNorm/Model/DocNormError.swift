/// A real failure: docnorm could not produce a document. Each case says what,
/// where and what to do; the CLI prefixes the file name and maps cases to the
/// documented exit codes (README, "Exit codes").
public enum DocNormError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input holds no bytes at all.
    case emptyInput
    /// The input holds only whitespace and invisible characters (e.g. what a
    /// text extractor gives for a scanned PDF without OCR).
    case blankInput(bytes: Int)
    /// The input looks like a binary file (a PDF, an image, NUL bytes…).
    case binaryInput(kind: String, offset: Int)
    /// The named encoding is not one ICU knows.
    case unknownEncoding(String)
    /// The input is not UTF-8 (the first bad byte is at `offset`) and the
    /// detector's best other guess is below the rules' minimum confidence.
    case undetectableEncoding(best: String?, confidence: Int, needed: Int, offset: Int)
    /// A rule file is malformed: the file (its path for a --rules folder),
    /// the line where that can be told (and the column of a JSON syntax
    /// error), and what is wrong. The description opens with `FILE:LINE:`
    /// (`FILE:LINE:COLUMN:`), as the CLI's other messages and compilers do.
    case invalidRules(file: String, line: Int?, column: Int? = nil, reason: String)
    /// An ICU call failed.
    case icu(String)

    public var description: String {
        switch self {
        case .emptyInput:
            return "the input is empty (0 bytes); check that the text extraction wrote something"
        case .blankInput(let bytes):
            return "the input holds no text, only whitespace (\(bytes) bytes); if it came from a scanned PDF, run OCR first"
        case .binaryInput(let kind, let offset):
            let hint = kind == "NUL byte"
                ? "; if it is UTF-16 text without a byte-order mark, name it with --encoding UTF-16LE (or UTF-16BE)"
                : "; run a text extractor (e.g. pdftotext) first"
            return "the input looks like binary data, not text (\(kind) at byte offset \(offset))\(hint)"
        case .unknownEncoding(let name):
            return "unknown encoding '\(name)' given with --encoding; use a name ICU knows, e.g. UTF-8, GB18030, GBK, Big5, UTF-16LE"
        case .undetectableEncoding(let best, let confidence, let needed, let offset):
            let guess = best.map { "the best guess, \($0), has \(confidence)% confidence (\(needed)% needed)" } ?? "no charset fits"
            return "cannot tell the text encoding: the bytes are not UTF-8 (first bad byte at byte offset \(offset)) and \(guess); "
                + "name it with --encoding, e.g. --encoding GB18030 (simplified Chinese) or --encoding Big5 (traditional)"
        case .invalidRules(let file, let line, let column, let reason):
            return "\(file)\(JSONLocation.suffix(line: line, column: column)): invalid rule file: \(reason); fix the file or drop --rules to use the built-in rules"
        case .icu(let message):
            return "ICU error: \(message) (an internal failure; please report it with the input)"
        }
    }
}
