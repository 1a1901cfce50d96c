/// The input as decoded, split into lines the way stage 1 numbers them (CR LF,
/// CR, LF, form feed, U+2028, U+2029 each end a line) and otherwise untouched,
/// so line n here is source line n in the trace and in diagnostics.
public struct RawLines: Sendable {
    public let lines: [String]
    public let encoding: String

    /// Decodes with the pipeline's own decoder; fails as the pipeline would.
    public init(_ bytes: [UInt8], pipeline: Pipeline, encoding forced: String? = nil) throws {
        let decoded = try Decoder(rules: pipeline.rules).decode(bytes, encoding: forced, context: PipelineContext(tracing: false))
        encoding = decoded.encoding
        lines = Self.split(decoded.text)
    }

    public static func split(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = scalar == "\r"
            switch scalar.value {
            case 0x0A, 0x0D, 0x0C, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
            default:
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }
}
