import ArgumentParser
import DocNorm

/// Options every command that runs the pipeline shares.
struct PipelineArguments: ParsableArguments {
    @Option(help: "Input encoding (any name ICU knows); detected when omitted.") var encoding: String?
    @Option(help: "Rules folder replacing the built-in rules.") var rules: String?

    var source: RuleSource { rules.map { .directory($0) } ?? .builtin }

    /// The pipeline built once from the chosen rules; a bad rule file exits 7.
    func pipeline() throws -> Pipeline {
        try Self.checked(Result { try Pipeline(rules: try RuleSet.load(from: source), source: source) })
    }

    /// `count` pipelines from the chosen rules, one per worker (workers
    /// sharing one contend on its objects' reference counts), built at once
    /// on `count` threads: one after the other, each took about 90 M
    /// instructions (the built-in rules) while the other cores waited or
    /// worked alone. A bad rule file exits 7, said once.
    func pipelines(_ count: Int) throws -> [Pipeline] {
        guard count > 1 else { return [try pipeline()] }
        let source = source
        let built = Locked([Result<Pipeline, Error>?](repeating: nil, count: count))
        runThreads(count) { k in
            let result = Result { try Pipeline(rules: try RuleSet.load(from: source), source: source) }
            built.withLock { $0[k] = result }
        }
        return try built.withLock { $0 }.map { try Self.checked($0!) }
    }

    private static func checked(_ result: Result<Pipeline, Error>) throws -> Pipeline {
        do { return try result.get() } catch let error as DocNormError {
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
