/// Options a caller sets per run.
public struct PipelineOptions: Sendable {
    public var encoding: String?
    public var tracing: Bool

    public init(encoding: String? = nil, tracing: Bool = false) {
        self.encoding = encoding
        self.tracing = tracing
    }
}

/// The stages in their one explicit order, built once from the rules and then
/// reused for every document.
///
/// decode → characters → page furniture → table regions and cells → prose
/// line joining → structure → (renderers).
public struct Pipeline: Sendable {
    public let rules: RuleSet
    let decoder: Decoder
    let characters: CharacterNormalizer
    let lineRepair: LineRepair
    let tables: TableRecognizer

    public init(rules: RuleSet, source: RuleSource = .builtin) throws {
        self.rules = rules
        decoder = Decoder(rules: rules)
        characters = CharacterNormalizer(rules: rules)
        lineRepair = try LineRepair.load(from: source, rules: rules)
        tables = TableRecognizer(rules: try TableRules.load(from: source))
    }

    public func run(_ bytes: [UInt8], options: PipelineOptions = PipelineOptions()) throws -> Document {
        let context = PipelineContext(tracing: options.tracing)
        let decoded = try decoder.decode(bytes, encoding: options.encoding, context: context)
        let lines = try characters.normalize(decoded.text, context: context)
        let kept = lineRepair.removeFurniture(lines, context: context)
        let regions = tables.recognize(kept, context: context)
        var segments: [ArraySlice<SourceLine>] = []
        var position = 0
        for region in regions {
            segments.append(kept[position..<region.lines.lowerBound])
            position = region.lines.upperBound + 1
        }
        segments.append(kept[position...])
        let prose = lineRepair.joinLines(segments, context: context)
        var blocks: [Block] = []
        for (index, segment) in prose.enumerated() {
            blocks += segment.map { Block($0.role == .title ? .title($0.text) : .paragraph($0.text, runIn: nil), lines: $0.lines) }
            if index < regions.count {
                let region = regions[index]
                blocks.append(Block(.table(region.table), lines: kept[region.lines.lowerBound].number...kept[region.lines.upperBound].number))
            }
        }
        var metadata = DocumentMetadata()
        metadata.encoding = decoded.encoding
        return Document(blocks: blocks, metadata: metadata, diagnostics: context.diagnostics, trace: context.trace)
    }
}
