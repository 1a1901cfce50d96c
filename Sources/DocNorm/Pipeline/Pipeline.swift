#if canImport(CSystem)
import CSystem
#endif

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
/// decode → characters → page furniture → table regions and cells → prose
/// line joining → structure → (renderers).
public struct Pipeline: Sendable {
    public let rules: RuleSet
    let decoder: Decoder
    let characters: CharacterNormalizer
    let lineRepair: LineRepair
    let tables: TableRecognizer
    let structure: StructureRecovery
    let ocr: OCRRepairs
    /// The template cells no relation checks, named in a document read as OCR.
    let ocrUnverified: OCRUnverifiedCells

    public init(rules: RuleSet, source: RuleSource = .builtin) throws {
        self.rules = rules
        decoder = Decoder(rules: rules)
        let structureRules = try source.naming { try StructureRules.load(from: source) }
        let tableRules = try source.naming { try TableRules.load(from: source) }
        ocr = try source.naming { try OCRRepairs.load(from: source, numberedLabels: tableRules.numberedLabels) }
        // Stage 3 counts lines only within its table window: a longer run of
        // blank lines is kept only that long (BlankRun).
        characters = CharacterNormalizer(rules: rules, blankRunLimit: tableRules.matching.maxLines, ocrOpeners: ocr.candidates)
        lineRepair = try source.naming { try LineRepair.load(from: source, rules: rules, structure: structureRules,
                                                          tableAnchors: Array(Set(tableRules.templates.flatMap(\.anchors))).sorted(),
                                                          valueGrammar: tableRules.valueGrammar) }
        structure = StructureRecovery(rules: structureRules, tables: tableRules.templates)
        tables = TableRecognizer(rules: tableRules)
        ocrUnverified = OCRUnverifiedCells(templates: tableRules.templates)
    }

    /// `bytes` is let go of once decoded: a caller that hands its input over
    /// (`consume`) does not hold it through the run (peak memory).
    public func run(_ bytes: consuming [UInt8], options: PipelineOptions = PipelineOptions()) throws -> Document {
        let context = PipelineContext(tracing: options.tracing, timings: options.timings)
        let input = consume bytes
        let size = input.count
        var decoded = try context.measure(.decode) { try decoder.decode(input, encoding: options.encoding, context: context) }
        _ = consume input
        var normalized = try context.measure(.normalize) { try characters.normalizeMarking(decoded.text, context: context) }
        decoded.text = ""  // the lines hold the text now; free the copy (peak memory)
        var lines = normalized.lines
        normalized.lines = []  // one reference: the repairs change the array in place
        let mayNeedOCR = normalized.mayNeedOCR
        // The lines whose URL scheme OCR misread: a joined paragraph holding
        // one may get a URL path's lost / back (`OCRRepairs.urlPaths`); and
        // whether the document reads as OCR (`OCRRepairs.percentReadings`).
        let stage1c = context.measure(.normalize) { ocr.repair(&lines, only: mayNeedOCR, characters: characters, context: context) }
        let misreadURLs = stage1c.misreadURLs, readsAsOCR = stage1c.readsAsOCR
        // The lines removed as page numbers and running headers: where pages broke.
        var furniture: [Int] = []
        var kept = context.measure(.lines) { () -> [SourceLine] in
            // Handed over, not shared: stage 2 changes the one array in place.
            let handed = lines
            lines = []
            return lineRepair.removeFurniture(consume handed, furniture: &furniture, context: context)
        }
        // A heading drawn inside a table goes after it first: the regions are read around it.
        context.measure(.tables) { tables.restoreInterleavedHeadings(&kept, context: context) }
        // The reading-order searches of this document, for stage 3's read-back.
        let searches = ReadingOrderRecovery.Memo()
        // The edition of the tables in force in the report's year, from its
        // title: the first table is read in it as the later ones are.
        let reportEdition = context.measure(.tables) { tables.edition(inForceIn: structure.openingYear(kept)) }
        let regions = context.measure(.tables) { tables.recognize(kept, reportEdition: reportEdition, memo: searches, context: context) }
        // Table k stands after stretch of prose k, on these input lines.
        var placed = regions.map { region in
            TableRecognizer.PlacedTable(table: region.table, lines: kept[region.lines.lowerBound].number...kept[region.lines.upperBound].number)
        }
        var prose = context.measure(.lines) { () -> [[LogicalLine]] in
            // Less the lines a table read beside its region (Region.apart).
            let segments = tables.textStretches(kept, regions: regions, context: context)
            // Only the stretches hold the lines now, and they go once joined:
            // the lines and the logical lines are not all held to the end (peak memory).
            kept = []
            return lineRepair.joinLines(segments, furniture: furniture, readsAsOCR: readsAsOCR, context: context)
        }
        context.measure(.normalize) { repunctuateJoined(&prose, unless: [], misreadURLs: misreadURLs, readsAsOCR: readsAsOCR, context: context) }
        // Stage 2 reads its own output back until it joins nothing more, so
        // that a second run finds nothing to join (JoinFixpoint.swift).
        func rejoin() {
            while let more = context.measure(.lines, { lineRepair.rejoined(prose, context: context) }) {
                let finished = Set(prose.joined().map(\.lines))
                prose = more
                context.measure(.normalize) { repunctuateJoined(&prose, unless: finished, misreadURLs: misreadURLs, readsAsOCR: readsAsOCR, context: context) }
            }
        }
        rejoin()
        // Stage 3 reads its own output back too, so that a second run reads
        // the same tables in the same places (TableFixpoint.swift); the prose a
        // changed reading leaves is stage 2's again.
        // It reads them in the edition a second run takes: the one in force
        // in the year the output's opening lines name, which are stage 2's
        // joined lines (a name the first run's opening lines did not reach
        // can stand in them).
        // A round that leaves fewer blocks than any before it is progress and
        // is not counted (a cascade back through copies of a table takes a
        // round per table); the others are, up to `maxSettleRounds`.
        var fewestBlocks = TableRecognizer.settleBlocks(prose, tables: placed)
        var roundsWithoutProgress = 0
        while roundsWithoutProgress < TableRecognizer.maxSettleRounds {
            let readingEdition = context.measure(.tables) {
                tables.edition(inForceIn: structure.openingYear(TableRecognizer.ReadBack.opening(prose, tables: placed, lines: structure.rules.openingLines)))
            }
            guard let reading = context.measure(.tables, { tables.settled(prose, tables: placed, reportEdition: readingEdition, memo: searches, context: context) }) else { break }
            let finished = Set(prose.joined().map(\.lines))
            (prose, placed) = reading
            context.measure(.normalize) { repunctuateJoined(&prose, unless: finished, misreadURLs: misreadURLs, readsAsOCR: readsAsOCR, context: context) }
            rejoin()
            let blocks = TableRecognizer.settleBlocks(prose, tables: placed)
            if blocks < fewestBlocks { fewestBlocks = blocks } else { roundsWithoutProgress += 1 }
        }
        // A lone number the first judgement kept last for the one before it,
        // which stage 2 or 3 then took elsewhere, is a page number to a second
        // run (PageFurniture.swift); the prose without it is joined again.
        if context.measure(.lines, { lineRepair.removeLastPageNumber(&prose, context: context) }) { rejoin() }
        // The paragraphs OCR read from a table's rules or a stain (瑟), named.
        if readsAsOCR { context.measure(.normalize) { ocr.loneCharacters.report(prose, context: context) } }
        let lost = context.measure(.tables) { tables.lostTables(placed, prose: prose, context: context) }
        // The OCR values no relation of their table checks, named (OCRUnverifiedCells.swift).
        if readsAsOCR { context.measure(.structure) { ocrUnverified.report(placed, context: context) } }
        context.measure(.tables) { tables.reportStrayNumbers(placed, prose: prose, context: context) }
        // A large document's lines, cell streams and read-back were freed in
        // millions of small pieces, which the allocator keeps resident: their
        // pages go back to the system before stage 4 adds its blocks, and
        // stage 4's (each stretch of logical lines once it is blocks) before
        // the caller renders (a few milliseconds each; 100 MB of prose peaked
        // 66 MB higher without).
        let releasing = size >= Self.releaseFreedPagesFrom
        if releasing { Self.releaseFreedPages() }
        // Handed over: stage 4 lets go of each stretch once it is blocks.
        let handed = prose
        prose = []
        let (blocks, recovered) = context.measure(.structure) { structure.recover(consume handed, tables: placed, context: context) }
        var metadata = recovered
        context.measure(.tables) { tables.reportLost(lost.lost, edition: lost.edition, year: metadata.year, context: context) }
        metadata.encoding = decoded.encoding
        if releasing { Self.releaseFreedPages() }
        return Document(blocks: blocks, metadata: metadata, diagnostics: context.diagnostics, trace: context.trace)
    }

    /// Input size (bytes) from which a run hands freed pages back: small
    /// documents free little, and a batch runs many of them side by side.
    static let releaseFreedPagesFrom = 1_000_000

    static func releaseFreedPages() {
        #if canImport(CSystem) && os(Linux)
        _ = docnorm_malloc_trim()
        #endif
    }

    /// Lines stage 2 joined (except those in `finished`, done in an earlier
    /// round): a mark met its context only now, and so did an OCR confusion.
    /// `misreadURLs`: the lines whose URL scheme stage 1c mended (in order);
    /// `readsAsOCR`: whether stage 1c changed a line (a percentage cut by a
    /// wrap, 14.7 ⏎ 9%, is read whole only here).
    private func repunctuateJoined(_ prose: inout [[LogicalLine]], unless finished: Set<ClosedRange<Int>>, misreadURLs: [Int], readsAsOCR: Bool,
                                   context: PipelineContext) {
        for i in prose.indices {
            for j in prose[i].indices where prose[i][j].lines.count > 1 && !finished.contains(prose[i][j].lines) {
                let line = prose[i][j].lines.lowerBound
                var urlMisread = !misreadURLs.isEmpty && misreadURLs.contains { prose[i][j].lines.contains($0) }
                if let fixed = ocr.repaired(prose[i][j].text, line: line, urlMisread: &urlMisread, characters: characters, context: context) {
                    prose[i][j].text = fixed
                }
                if readsAsOCR, let fixed = ocr.repairedReadings(prose[i][j].text, line: line, characters: characters, context: context) {
                    prose[i][j].text = fixed
                }
                guard let fixed = characters.repunctuated(prose[i][j].text) else { continue }
                context.traced(.normalize, "normalize.punctuation", line: line, before: prose[i][j].text, after: fixed)
                prose[i][j].text = fixed
            }
        }
    }
}
