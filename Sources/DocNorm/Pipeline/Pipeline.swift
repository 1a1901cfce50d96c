/// Options a caller sets per run.
public struct PipelineOptions: Sendable {
    public var encoding: String?
    public var tracing: Bool
    /// Per-stage time collector for `docnorm bench`; nil (off) otherwise.
    public var timings: StageTimings?

    public init(encoding: String? = nil, tracing: Bool = false, timings: StageTimings? = nil) {
        self.encoding = encoding
        self.tracing = tracing
        self.timings = timings
    }
}

/// The stages in their one explicit order, built once from the rules and then
/// reused for every document.
///
/// This session's pipeline runs stage 1 (decode, character normalization) and
/// the prose part of line repair (stage 2); table regions, table tokenization and structure
/// recovery are not built yet (see README, "Status").
public struct Pipeline: Sendable {
    public let rules: RuleSet
    let decoder: Decoder
    let characters: CharacterNormalizer
    let lineRepair: LineRepair

    public init(rules: RuleSet, source: RuleSource = .builtin) throws {
        self.rules = rules
        decoder = Decoder(rules: rules)
        characters = CharacterNormalizer(rules: rules)
        lineRepair = try LineRepair.load(from: source, rules: rules)
    }

    public func run(_ bytes: [UInt8], options: PipelineOptions = PipelineOptions()) throws -> Document {
        let context = PipelineContext(tracing: options.tracing, timings: options.timings)
        let decoded = try context.measure(.decode) { try decoder.decode(bytes, encoding: options.encoding, context: context) }
        let lines = try context.measure(.normalize) { try characters.normalize(decoded.text, context: context) }
        let blocks = context.measure(.lines) {
            lineRepair.repair(lines, context: context).map {
                Block($0.role == .title ? .title($0.text) : .paragraph($0.text, runIn: nil), lines: $0.lines)
            }
        }
        var metadata = DocumentMetadata()
        metadata.encoding = decoded.encoding
        return Document(blocks: blocks, metadata: metadata, diagnostics: context.diagnostics, trace: context.trace)
    }
}
