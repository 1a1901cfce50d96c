import ArgumentParser
import DocNorm

/// Options every command that runs the pipeline shares.
struct PipelineArguments: ParsableArguments {
    @Option(help: "Input encoding (any name ICU knows); detected when omitted.") var encoding: String?
    @Option(help: "Rules folder replacing the built-in rules.") var rules: String?

    /// The pipeline built once from the chosen rules; a bad rule file exits 7.
    func pipeline() throws -> Pipeline {
        let source: RuleSource = rules.map { .directory($0) } ?? .builtin
        do {
            return try Pipeline(rules: try RuleSet.load(from: source), source: source)
        } catch let error as DocNormError {
            throw failure(ExitStatus.of(error), "\(error)")
        }
    }
}

/// Output formats of the renderers.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json

    func render(_ document: Document) throws -> String {
        switch self {
        case .text: return TextRenderer.render(document)
        case .markdown: return MarkdownRenderer.render(document)
        case .json: return try JSONRenderer.render(document)
        }
    }

    /// The rendering as the bytes to write (JSON and text without a detour
    /// through `String`: JSON is about ten times the input, and a copy of
    /// the text beside it was 90 MB of a 100 MB document's peak).
    func renderUTF8(_ document: Document) throws -> [UInt8] {
        switch self {
        case .json: return try JSONRenderer.renderUTF8(document)
        case .text: return TextRenderer.renderUTF8(document)
        case .markdown: return Array(try render(document).utf8)
        }
    }
}
