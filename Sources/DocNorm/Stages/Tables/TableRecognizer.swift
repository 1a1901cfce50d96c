import ICUKit

/// Stage 3, table regions: a table opens at a line that starts with one of a
/// template's anchors (第二十条第（一）项, （本列数据的勾稽关系…, 行政复议) and
/// ends at the last line its template consumed, so 四、结转下年度继续办理 stays
/// in the table while 四、政府信息公开行政复议… after it does not.
///
/// Every template with that anchor is laid over the cell stream (stage 4's
/// TemplateMatcher); the best-matching one wins, when it finds at least
/// `minFoundShare` of its labels and values, or `minFoundShareWhenMany` when
/// that is at least `many` of them (`tables.region`). Ties go to the
/// edition (2021 or 2019) of the tables already found in the document.
/// Where none is accepted but a template's labels stand there as a
/// table's do, the stretch stays text and is reported as that table with
/// its values unplaced (`tables.unplaced`), naming the table's cells.
struct TableRecognizer: Sendable {
    let rules: TableRules
    let matcher: TemplateMatcher
    let readingOrder: ReadingOrderRecovery
    let labelledColumns: LabelledColumnRecovery
    let headerRuns: HeaderRunRecovery
    let debris: TableDebris
    let spanText: SpanText

    /// Each template's anchors as scalars, and their first scalars: made
    /// once, not per reading (the read-backs read every document again).
    let anchors: [[[Unicode.Scalar]]]
    let anchorFirsts: ScalarSet
    /// The anchors as UTF-8, made once: every line of every reading is
    /// asked whether one opens it (`templatesAnchored`), on its bytes.
    let anchorUTF8: [[[UInt8]]]
    /// Every answer `templatesAnchored` can give, by the bits of its
    /// templates (bit t: template t), made once where there are at most
    /// `maxAnchoredSetTemplates` templates (nil: more, and each answer is
    /// made as it is found).
    let anchoredSets: [[Int]]?
    static let maxAnchoredSetTemplates = 10
    /// The anchors as UTF-8, each non-empty one once, with the bits of the
    /// templates it is an anchor of, and the bits of those with an empty
    /// anchor: what `templatesAnchored` compares where `anchoredSets` is made.
    let distinctAnchors: DistinctAnchors
    struct DistinctAnchors: Sendable {
        var bytes: [[UInt8]] = []
        var masks: [Int] = []
        var emptyAnchorMask = 0

        init(_ anchorUTF8: [[[UInt8]]]) {
            guard anchorUTF8.count <= TableRecognizer.maxAnchoredSetTemplates else { return }
            for (t, anchors) in anchorUTF8.enumerated() {
                for anchor in anchors {
                    if anchor.isEmpty { emptyAnchorMask |= 1 << t; continue }
                    if let a = bytes.firstIndex(of: anchor) { masks[a] |= 1 << t } else { bytes.append(anchor); masks.append(1 << t) }
                }
            }
        }
    }
    /// Each template's `headerLabels`, made once: a heading after a table
    /// asks for them (`tables.interleaved-heading`), and making them there
    /// was most of that stage's time.
    let templateHeaderLabels: [[[Character]]]
    /// Every row label of every template (each label of a row's path) as
    /// scalars, made once: a section heading after a table's numbers is
    /// compared with all of them (`tables.interleaved-heading`), and making
    /// them per heading (counting and copying each label's scalars) was
    /// ~100 M instructions of the 1 MB bench.
    let rowLabelScalars: [[Unicode.Scalar]]
    /// `anchorLabels(_:)` of the templates, made once.
    let anchorLabels: [String: [[AnchorLabel]]]
    /// The section numerals as a bitmap, made once: every line of every
    /// reading is asked whether it opens with one
    /// (`tables.interleaved-heading`), and the set made per document cost
    /// ~10 K instructions each.
    let sectionNumeralSet: ScalarSet
    /// Each template's edition, made once: `edition(inForceIn:)` is asked
    /// for every reading, and mapping and filtering the templates there made
    /// two arrays a call (~4,000 allocations of the 1 MB bench).
    let editions: [Int]
    /// Each template's index by its id (the first with it), and its cells
    /// as `knownReading` tests a grid against them, made once: the settle
    /// probe asks that of every table of every document, and finding the
    /// template and switching over its cells there (a copy of each label)
    /// cost ~18 M instructions of the 1 MB bench.
    let templateIndexByID: [String: Int]
    let wholeGridCells: [KnownReading.Cells]

    init(rules: TableRules) {
        self.rules = rules
        matcher = TemplateMatcher(rules: rules)
        readingOrder = ReadingOrderRecovery(rules: rules)
        labelledColumns = LabelledColumnRecovery(rules: rules)
        headerRuns = HeaderRunRecovery(rules: rules)
        let labelPieces = TableDebris.labelPieces(of: rules.templates)
        debris = TableDebris(rules: rules, labels: labelPieces)
        spanText = SpanText(rules: rules, labels: labelPieces)
        anchors = rules.templates.map { t in t.anchors.map { Array($0.unicodeScalars) } }
        anchorFirsts = ScalarSet(ranges: anchors.joined().compactMap { $0.first.map { $0.value...$0.value } }, pattern: "table anchors")
        anchorUTF8 = rules.templates.map { t in t.anchors.map { Array($0.utf8) } }
        distinctAnchors = DistinctAnchors(anchorUTF8)
        let templateCount = rules.templates.count
        anchoredSets = templateCount > Self.maxAnchoredSetTemplates ? nil
            : (0..<(1 << templateCount)).map { mask in (0..<templateCount).filter { mask >> $0 & 1 == 1 } }
        templateHeaderLabels = rules.templates.map(\.headerLabelCharacters)
        rowLabelScalars = rules.templates.flatMap { $0.rows.flatMap { $0.path.map { Array($0.unicodeScalars) } } }
        anchorLabels = Self.anchorLabels(rules.templates)
        sectionNumeralSet = ScalarSet(ranges: rules.sectionNumerals.map { $0.value...$0.value }, pattern: "section numerals")
        editions = rules.templates.map(\.edition)
        templateIndexByID = Dictionary(rules.templates.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        wholeGridCells = rules.templates.map(KnownReading.Cells.init)
    }

    /// The templates (their indices, in order) one of whose anchors opens
    /// `text` after its leading TABs and spaces, whose first scalar opens an
    /// anchor; `emptyAnchors`: whether an empty anchor opens such a text.
    /// Compared on the line's UTF-8 bytes, in place: a run of scalars opens
    /// another exactly when its UTF-8 opens the other's (the scalar view's
    /// `drop`, `first` and `starts(with:)`, each step validated, cost ~40 M
    /// instructions of the 1 MB bench, asked of every line of every reading).
    func templatesAnchored(_ text: String, emptyAnchors: Bool) -> [Int] {
        // Every other line of a reading back is the blank line between two
        // blocks: no anchor opens it, and nothing of it need be looked at.
        guard !text.isEmpty else { return [] }
        let anchorUTF8 = self.anchorUTF8, anchorFirsts = self.anchorFirsts
        let anchoredSets = self.anchoredSets, distinctAnchors = self.distinctAnchors
        func anchored(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
            var start = 0
            while start < bytes.count && (bytes[start] == 0x09 || bytes[start] == 0x20) { start += 1 }
            guard start < bytes.count, anchorFirsts.contains(decodeUTF8Scalar(bytes, at: start).value) else { return [] }
            let count = bytes.count - start
            func opens(_ t: Int) -> Bool {
                anchorUTF8[t].contains { anchor in
                    guard !anchor.isEmpty else { return emptyAnchors }
                    guard anchor.count <= count else { return false }
                    var k = 0
                    while k < anchor.count && anchor[k] == bytes[start + k] { k += 1 }
                    return k == anchor.count
                }
            }
            // Each distinct anchor compared once, its templates taken
            // together (both editions share every anchor), and the answer
            // one of the few sets of templates, made once (`anchoredSets`):
            // an array appended to at each call was ~11,000 allocations of
            // the 1 MB bench.
            if let sets = anchoredSets {
                var mask = emptyAnchors ? distinctAnchors.emptyAnchorMask : 0
                for a in distinctAnchors.bytes.indices {
                    let anchor = distinctAnchors.bytes[a]
                    guard anchor.count <= count else { continue }
                    var k = 0
                    while k < anchor.count && anchor[k] == bytes[start + k] { k += 1 }
                    if k == anchor.count { mask |= distinctAnchors.masks[a] }
                }
                return sets[mask]
            }
            var templates: [Int] = []
            for t in anchorUTF8.indices where opens(t) { templates.append(t) }
            return templates
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(anchored) { return found }
        var copy = text
        return copy.withUTF8(anchored)
    }

    /// The edition in force in `year`: the latest one named by a year at or
    /// before it (each edition is named by the first year it applies to).
    func edition(inForceIn year: Int?) -> Int? {
        guard let year else { return nil }
        var latest: Int?
        for edition in editions where edition <= year { latest = max(latest ?? edition, edition) }
        return latest
    }

    /// A recognised table and the lines (indices into the input array) it spans.
    struct Region {
        var lines: ClosedRange<Int>
        var table: Table
        /// Lines outside `lines` whose cells the table holds: a column the
        /// extractor set apart from it (`tables.labelled-columns`), read where
        /// its header stands. They are the table's, not text.
        var apart: [ClosedRange<Int>] = []
        /// Lines inside `lines` that are running text, not the table's
        /// (`tables.span-text`): written after the table, in order.
        var after: [Int] = []

        /// The last line the table took: its own or one of a column it read
        /// apart after them (`apart`).
        var lastTakenLine: Int { apart.reduce(lines.upperBound) { max($0, $1.upperBound) } }
    }

    /// The stretches of text around `regions` (one more than the regions:
    /// before, between and after them), less the lines a table read beside
    /// its region (`Region.apart`): a line read into a table is not written
    /// as text too (its header and values would stand twice, in the grid and
    /// after it). Lines inside another region are that table's already. Each
    /// line taken out is traced to the rule that read it.
    func textStretches(_ lines: [SourceLine], regions: [Region], context: PipelineContext) -> [ArraySlice<SourceLine>] {
        var taken = Set<Int>()
        for region in regions {
            for range in region.apart {
                let out = range.filter { index in !regions.contains { $0.lines.contains(index) } }
                guard let first = out.first else { continue }
                taken.formUnion(out)
                context.traced(.tables, "tables.labelled-columns", line: lines[first].number,
                               before: out.map { lines[$0].text }.joined(separator: "⏎"), after: "")
            }
        }
        var stretches: [ArraySlice<SourceLine>] = []
        stretches.reserveCapacity(regions.count + 1)
        func stretch(_ range: Range<Int>) -> ArraySlice<SourceLine> {
            guard !taken.isEmpty, range.contains(where: taken.contains) else { return lines[range] }
            return ArraySlice(range.filter { !taken.contains($0) }.map { lines[$0] })
        }
        var position = 0
        var carried: [Int] = []
        for region in regions {
            stretches.append(carried.isEmpty ? stretch(position..<region.lines.lowerBound)
                : ArraySlice(carried.map { lines[$0] } + stretch(position..<region.lines.lowerBound)))
            position = region.lines.upperBound + 1
            carried = region.after
        }
        stretches.append(carried.isEmpty ? stretch(position..<lines.count)
            : ArraySlice(carried.map { lines[$0] } + stretch(position..<lines.count)))
        return stretches
    }

    /// `structure.anchor-label`: the header label whose opening the region's
    /// first line starts with (its anchor: （本列数据的勾稽关系…) is in the grid
    /// even when the rest of it was too damaged to match, in the template's
    /// wording, traced. The table's first line then carries its anchor again,
    /// so normalized text is recognised as the same table (idempotence). A
    /// cell-level step, like stage 4's: the region step carries the grid.
    func keepAnchorLabel(_ m: inout TemplateMatcher.Match, lineText: Substring.UnicodeScalarView, line: Int, context: PipelineContext) {
        guard let a = m.template.anchors.firstIndex(where: { lineText.starts(with: $0.unicodeScalars) }),
              let cells = anchorLabels[m.template.id]?[a] else { return }
        for cell in cells {
            guard cell.row < m.gridRowOf.count, let g = m.gridRowOf[cell.row] else { continue }
            if m.grid[g][cell.column].isEmpty {
                m.grid[g][cell.column] = cell.label
                context.traced(.structure, "structure.anchor-label", line: line, before: String(String.UnicodeScalarView(lineText)), after: cell.label)
            }
            return
        }
    }

    /// A header cell whose label opens with one of its template's anchors.
    struct AnchorLabel: Sendable {
        var row: Int
        var column: Int
        var label: String
    }

    /// For each template (by id) and each of its anchors, the header cells
    /// whose label opens with that anchor, row by row and cell by cell: what
    /// `keepAnchorLabel` looks for at every table of both readings.
    static func anchorLabels(_ templates: [TableTemplate]) -> [String: [[AnchorLabel]]] {
        var byTemplate: [String: [[AnchorLabel]]] = [:]
        for template in templates where byTemplate[template.id] == nil {
            byTemplate[template.id] = template.anchors.map { anchor in
                template.rows.enumerated().filter { $0.element.isHeader }.flatMap { r, row in
                    row.cells.enumerated().compactMap { column, cell -> AnchorLabel? in
                        guard case .label(let label) = cell, label.hasPrefix(anchor) else { return nil }
                        return AnchorLabel(row: r, column: column, label: label)
                    }
                }
            }
        }
        return byTemplate
    }

    /// `memo`: the reading-order searches of this document so far, shared by
    /// the first recognition and the read-backs of `tables.settle`.
    /// `keep`: what of each region found is kept (all of it, but for the
    /// probe of `tables.settle`, which keeps only its place).
    /// `reportEdition`: the edition in force in the report's year, when its
    /// title tells it; the report's tables are taken to be in it from the
    /// first, as they are once one of them is read (a report keeps one format).
    /// `gridsOnly`: each table's grid is all that is looked at (the probe
    /// compares grids), so its spans and arithmetic are not worked out.
    /// `firstReading`: the probe's, with `gridsOnly`: the grid the first run
    /// read on the lines a region would span (indices into `lines`), if it
    /// read one there. A match that reads as exactly that grid is kept as
    /// that grid without being materialized (`readsAs`).
    /// `knownReading`: the probe's too: the first run's table whose rows open
    /// at `lines[i]`, where its grid is its template's whole grid
    /// (`KnownReading`). Where that template is the first tried there and
    /// nothing after the grid can be read into it, the table is kept as that
    /// grid without matching (`readsOnlyItself`).
    /// `linesInFull`: the probe's too, where `lines` leaves the rows of
    /// known readings after their first empty (`readsTheSame`): the lines
    /// with every row, taken the first time an anchor is not kept as a
    /// known reading, before anything may read those rows.
    func recognize(_ lines: [SourceLine], reportEdition: Int? = nil, memo: ReadingOrderRecovery.Memo? = nil, context: PipelineContext,
                   gridsOnly: Bool = false, firstReading: ((ClosedRange<Int>) -> [[String]]?)? = nil,
                   knownReading: ((Int) -> KnownReading?)? = nil, linesInFull: (() -> [SourceLine])? = nil,
                   keep: (Region) -> Region = { $0 }) -> [Region] {
        var lines = lines, inFull = linesInFull
        /// Every row in `lines` from now on (`linesInFull`).
        func readAllRows() {
            guard let full = inFull else { return }
            lines = full()
            inFull = nil
        }
        // The closures below read the templates and the matching limits
        // from these copies: a closure that reads `rules` (or `self`) copies
        // the whole `TableRules` into it (a retain and a release of each of
        // its sets and arrays), ~4,000 times a reading of the 1 MB bench.
        let rules = self.rules
        let templates = rules.templates, matching = rules.matching
        var regions: [Region] = []
        /// The first line a table found after `regions` may read (its header
        /// fragments, a column set apart before its anchor): past every line
        /// those regions took, the columns they read apart included. Without
        /// the apart lines, two copies of table 二 read the same column standing
        /// between them, one input line given to two tables (fuzzing item 30).
        /// Kept up as regions are appended (they are only appended): every
        /// anchor asks it, and a reduce over every region found so far was
        /// quadratic in a document's tables (the bench's 100 MB document: its
        /// tables stage 5.0–5.5 s → 7.0–7.5 s).
        var freeLine = 0, freeLineCounted = 0
        func firstFreeLine() -> Int {
            while freeLineCounted < regions.count {
                freeLine = max(freeLine, regions[freeLineCounted].lastTakenLine + 1)
                freeLineCounted += 1
            }
            return freeLine
        }
        var edition = reportEdition
        /// The last window: the lines its stream is built over, and the
        /// stream once an anchor needs it (a table kept as a known reading
        /// needs none: built for it, it cost the probe ~37 M instructions
        /// of the 1 MB bench, most documents' every anchor being one).
        var window: (from: Int, end: Int, stream: CellStream?)?
        var hinted: Int?
        var triedUntil = 0
        /// Stretches that look like a template table none of whose values
        /// were placed, with the match that says so (`tables.unplaced`).
        var unplaced: [(match: TemplateMatcher.Match, lines: ClosedRange<Int>)] = []
        /// Stretches that hold exactly one template's numbers in no order
        /// that satisfies its arithmetic, where no template was accepted:
        /// left as text, that table's values are not given (`tables.unplaced`).
        var unread: [(table: String, lines: ClosedRange<Int>)] = []
        /// The table last read, where it was placed in no reading order
        /// (`tables.header-runs`, `tables.debris`) and left value cells
        /// empty: the numbers after the next anchor may begin with its
        /// leftovers (`tables.leftover-numbers`). Only there: asked after
        /// every other table, the stretch's numbers were read once more at
        /// each rejected anchor (+7 M instructions of the 1 MB bench).
        var openBefore: OpenCells?
        /// The searches `columnOrderEvidence` made ahead, taken when the recognition reaches them.
        var searchedAhead: [ReadingOrderRecovery.SearchAt: ReadingOrderRecovery.Outcome] = [:]
        var i = 0
        while i < lines.count {
            // Most lines open with no anchor's first scalar: they are passed at once.
            let candidates = templatesAnchored(lines[i].text, emptyAnchors: true)
            guard !candidates.isEmpty else { i += 1; continue }
            // The stream covers a window from the anchor on (`maxLines`), not
            // the document: it is built only where a table may start. It is
            // built over twice that many lines, and the window of every later
            // anchor that ends inside it is that stream cut at the window's end,
            // so each line is put in a stream about twice, however many anchors
            // there are.
            let maxLines = matching.maxLines
            if window.map({ $0.end < min(lines.count, i + maxLines) }) ?? true {
                window = (i, min(lines.count, i + 2 * maxLines), nil)
            }
            // The edition already found first; a perfect match cannot be beaten
            // (and would win the tie), so the others are not tried after one.
            // One array, the edition's templates first (two `filter`s and
            // their sum were three arrays per anchor).
            var ordered: [Int] = []
            ordered.reserveCapacity(candidates.count)
            for t in candidates where templates[t].edition == edition { ordered.append(t) }
            let inEditionCount = ordered.count
            for t in candidates where templates[t].edition != edition { ordered.append(t) }
            // The probe of `tables.settle` at a table of the first run that
            // is its template's whole grid: the match of that template, the
            // first tried, would read it whole and as it is (score 1: no other
            // is tried) and no further, and keep it as the match below keeps
            // one that `readsAs` the first run's grid. Debug builds (the
            // tests) match it as well: the two must agree.
            if gridsOnly, let knownReading, !context.tracing, !context.collecting, let t = ordered.first,
               let known = knownReading(i), known.template == t, case let last = i + known.grid.count - 1, last < lines.count,
               lines[last].number - lines[i].number == last - i, readsOnlyItself(lines, through: last) {
                // (In every row: the match may read past the grid.)
                assert(matchReads(known.grid, template: templates[t], in: inFull?() ?? lines, window: window!.from..<window!.end, at: i,
                                  through: last),
                       "tables.settle: a known reading that the match does not read")
                regions.append(keep(Region(lines: i...last, table: Self.gridOnly(known.grid))))
                hinted = templates[t].edition
                edition = templates[t].edition
                openBefore = nil
                i = last + 1
                continue
            }
            readAllRows()
            if window!.stream == nil {
                window!.stream = cellStream(lines[window!.from..<window!.end])
            }
            let from = window!.from
            let stream = window!.stream!.ending(atLine: i - from + maxLines)
            let start = i - from < stream.lineStart.count ? stream.lineStart[i - from] : stream.count
            /// Whether a match is a table: enough of its labels and values, a
            /// lower share when that is many of them, lower still for the
            /// edition the report's tables so far are in (a report keeps one
            /// format: with most of OCR's cells lost, the 2019 grid, one group
            /// of rows smaller, scores as well as the 2021 one on a 2021 table).
            func accepted(_ m: TemplateMatcher.Match) -> Bool {
                let many = m.found >= matching.many
                let share = !many ? matching.minFoundShare
                    : m.template.edition == edition ? matching.minFoundShareInEdition : matching.minFoundShareWhenMany
                return m.score >= share && m.end > start
            }
            var matches: [TemplateMatcher.Match] = []
            for (k, t) in ordered.enumerated() {
                // Once the report's edition is known and one of its templates
                // is accepted here, that one is kept whatever the others
                // score, and the others' matches would serve only the hint for
                // a report whose edition is not known yet (and `looksLikeTable`,
                // where none is kept): they are not made.
                if k == inEditionCount, edition != nil, matches.contains(where: accepted) { break }
                matches.append(matcher.match(templates[t], in: stream, from: start, tracing: context.tracing, reporting: context.collecting))
                if matches.last!.score >= 1 { break }
            }
            // The best match and the one of the report's edition are chosen by
            // index: `max(by:)` of the matches, and the `filter` before it,
            // copied whole `Match` values (and their templates) only to drop them.
            let best = matches.indices.max(by: { a, b in
                let (a, b) = (matches[a], matches[b])
                return a.score != b.score ? a.score < b.score : (a.template.edition == edition) == false && b.template.edition == edition
            })
            // The edition whose template matched best here, even below the bar:
            // the evidence for a table recovered later whose shape both share (四).
            if let best, matches[best].score > 0,
               !matches.contains(where: { $0.template.edition != matches[best].template.edition && $0.score >= matches[best].score }) {
                hinted = matches[best].template.edition
            }
            // That edition wins whenever its template is accepted here.
            let sameEdition = edition.flatMap { e in
                matches.indices.lazy.filter { matches[$0].template.edition == e && accepted(matches[$0]) }
                    .max(by: { matches[$0].score < matches[$1].score })
            }
            // A match that reaches over the opening of another copy of its
            // table read two tables as one (`reachesAnotherOpening`): not kept.
            let chosen = (sameEdition ?? best.flatMap { accepted(matches[$0]) ? $0 : nil }).flatMap { c in
                reachesAnotherOpening(lines, after: i, through: from + lineIndex(of: max(start, matches[c].end - 1), in: stream),
                                      template: ordered[c]) ? nil : c
            }
            // The probe of `tables.settle`: a match that reads as the first
            // run's grid on its lines, complete and every relation holding,
            // is kept as that grid, as the rest of this loop would keep it
            // (nothing below changes the state for a complete match but the
            // region, the edition and the next line); nothing is materialized.
            if gridsOnly, let firstReading, let chosen, !context.tracing, !context.collecting {
                let m = matches[chosen]
                let last = from + lineIndex(of: m.end - 1, in: stream)
                if let grid = firstReading(i...last),
                   readsAs(m, grid: grid, in: stream, lineText: lines[i].text.unicodeScalars.drop { $0 == "\t" || $0 == " " }) {
                    regions.append(keep(Region(lines: i...last, table: Self.gridOnly(grid))))
                    edition = m.template.edition
                    openBefore = nil
                    i = last + 1
                    continue
                }
            }
            // The match kept here, its text made now: the matches tried hold
            // stream positions only (TemplateMatcher.materialized). Taken out
            // of `matches`, not copied (a retain and a release of each of its
            // arrays and its template's, for every table): the matches are
            // read again below only where none was chosen (`looksLikeTable`).
            let matched = chosen.map { matcher.materialized(matches.remove(at: $0), in: stream) }
            // Value slots left empty or values over: the extractor may have read
            // the cells out of order (pdftotext -raw, pdfminer).
            // A later anchor of the same stretch (申请人情况 after （本列数据…) has
            // the same numbers or fewer: it is not tried again.
            // A report keeps one format: once its tables are in one edition,
            // only that edition's templates are read in another order (with
            // every value 0, table 三 of either edition satisfies its
            // arithmetic in some order, and the other edition's is no reading
            // of this report).
            let reorderable = ordered.filter { t in edition.map { templates[t].edition == $0 } ?? true }
            /// Whether the reading-order search ran here, and the stretch it read.
            let searched = i >= triedUntil
            var searchedEnd: Int?
            /// The templates whose value cells the stretch's numbers fill, in no order that holds.
            var fittingHere: [String] = []
            /// Whether no match is kept here or the one kept misses values or has values over.
            let incomplete = matched.map { $0.missingValues > 0 || $0.surplus > 0 } ?? true
            if i >= triedUntil, incomplete {
                let tried = (reorderable.isEmpty ? ordered : reorderable).map { templates[$0] }
                // Searched already where the evidence for a block of table 二 was sought (the same stretch, the same outcome).
                let ahead = searchedAhead.isEmpty ? nil
                    : searchedAhead.removeValue(forKey: ReadingOrderRecovery.SearchAt(start: i, candidates: tried.map(\.id), edition: edition ?? hinted))
                var outcome = ahead ?? readingOrder.recover(lines, from: i, candidates: tried, edition: edition ?? hinted, memo: memo)
                if case .rejected(_, let end, _) = outcome,
                   let past = readPastLeftovers(lines, at: i, end: end, open: openBefore, candidates: tried, context: context) {
                    reportLeftovers(past, open: openBefore!, lines: lines, at: i, context: context)
                    outcome = .recovered(past.reading, tokens: past.tokens, lastLine: past.lastLine)
                }
                switch outcome {
                case .recovered(let reading, let tokens, let last):
                    // The lines among the values that are not the table's; the
                    // header and label fragments read on either side below hold
                    // only pieces of its labels, so none of them is.
                    let notCells = spanText.find(lines, in: i...last, template: reading.template.id)
                    if let prose = runningTextHoldingValues(notCells, reading: reading, tokens: tokens) {
                        triedUntil = last + 1
                        searchedEnd = last + 1
                        fittingHere = [reading.template.id]
                        context.report(.tables, "tables.reading-order", .suspicion,
                                       "the numbers after line \(lines[i].number) fit table \(reading.template.id) in an order that holds, but line \(lines[prose].number) they stand in is running text: not read as the table, so none of its values are given",
                                       line: lines[prose].number, cells: DiagnosticCells(table: reading.template.id))
                        break
                    }
                    let first = headerFragmentsStart(lines, anchorAt: i, template: reading.template,
                                                     earliest: min(firstFreeLine(), i))
                    if first < i {
                        context.report(.tables, "tables.header-fragments", .repair,
                                       "line(s) \(lines[first..<i].map(\.text).filter { !$0.isEmpty }.joined(separator: " ")) before the anchor of table \(reading.template.id) hold only pieces of its header labels: read as part of the table's header",
                                       line: lines[first].number)
                    }
                    var end = headerFragmentsEnd(lines, lastValueAt: last, tableFrom: first, template: reading.template)
                    if end == last, let pieces = labelFragmentsEnd(lines, lastValueAt: last, template: reading.template) {
                        context.report(.tables, "tables.label-fragments", .repair,
                                       "line(s) \(lines[(last + 1)...pieces].map(\.text).filter { !$0.isEmpty }.joined(separator: " ")) after the last value of table \(reading.template.id), before the next section heading, hold only pieces of the labels its grid has: read as part of the table",
                                       line: lines[last + 1].number)
                        end = pieces
                    } else if end > last {
                        let before = lines[(end + 1)...].first { !$0.text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }
                        let why = before.map(isSectionHeading) ?? false
                            ? "before the next section heading, hold only pieces of its header labels"
                            : "with no section heading after them, are exactly the header labels the table does not show"
                        context.report(.tables, "tables.header-fragments", .repair,
                                       "line(s) \(lines[(last + 1)...end].map(\.text).filter { !$0.isEmpty }.joined(separator: " ")) after the last value of table \(reading.template.id), \(why): read as part of the table's header",
                                       line: lines[last + 1].number)
                    }
                    regions.append(keep(region(reading, tokens: tokens, lines: lines, from: first, to: end, notCells: notCells,
                                               context: context, gridsOnly: gridsOnly)))
                    edition = reading.template.edition
                    openBefore = nil
                    i = end + 1
                    continue
                case .rejected(let reason, let end, let fitting):
                    triedUntil = end
                    searchedEnd = end
                    fittingHere = fitting
                    if matched == nil, fitting.count == 1, end > i { unread.append((fitting[0], i...(end - 1))) }
                    context.report(.tables, "tables.reading-order", .suspicion,
                                   "the numbers after line \(lines[i].number) were not put in table order: \(reason)", line: lines[i].number)
                case .notApplicable:
                    break
                }
            }
            // A table without arithmetic read column by column (table 二 from
            // pdfminer, pdftotext -raw): its values placed by the headers they follow.
            // Made only where it is read (no complete match kept here): most
            // anchors keep a complete one, and the copy of each candidate
            // template was made and dropped for nothing.
            let labelled = incomplete ? (reorderable.isEmpty ? ordered : reorderable).map { templates[$0] } : []
            // May lie past the anchor: a column an earlier table read apart
            // may stand after it (fuzz run 49), and is then not this table's
            // to read apart again (fuzz run 53); LabelledColumnRecovery keeps
            // its windows from this line on.
            // The readers from here on read FORWARD from the anchor, and
            // nothing above keeps them off the lines an earlier table read
            // apart after this anchor. A column read apart is not such a line
            // for another copy of that table: it is looked for only up to the
            // next line that opens with one of the table's anchors
            // (LabelledColumnRecovery, `ownedAfter`; two copies of table 二
            // read 采购总金额⏎09 standing under the second's anchor, fuzz30's
            // open case).
            // The rule, then: of two copies of a table, a column read apart
            // is the copy's whose anchor stands nearest before it. The lines
            // after an anchor are that copy's, read forward (its match, its
            // labelled columns) or, past its region, apart; the copy before
            // stops at that anchor and, with nothing else to place, is no
            // table (its lines stay text). The column is read once, into
            // one table, whose missing cells are reported: nothing lost,
            // nothing read twice (LabelledColumnTests,
            // `aColumnApartIsReadByTheNearestCopyBeforeIt`: a 况 line between
            // the copies, the column under the second anchor or past its
            // region). (The lines read past the next section's heading,
            // `pastHeading`, are not bounded so; no input shows a copy's
            // anchor among them.) Another template's table still may: 二's column
            // past a page break after 三 has begun (the case apart columns
            // are read for) lies in 三's stretch, and 三's reading reports its
            // numbers dropped and its header as text in its span
            // (`tables.reading-order`, `tables.span-text`) while 二 places them;
            // the output holds them once (in 二's grid: span text stands in
            // the grid's place, `Region.apart` keeps them out of the text).
            let earliest = firstFreeLine()
            let matchedLast = matched.map { from + lineIndex(of: max(start, $0.end - 1), in: stream) }
            // A placement in doubt that lost to the match (its block left
            // unplaced, the match read more): its table and last line.
            var lostInDoubt: (edition: Int, lastLine: Int)?
            var found = incomplete ? placeByLabels(lines, at: i, candidates: labelled, matched: matched, matchedLast: matchedLast,
                                                   edition: edition ?? hinted, earliest: earliest, lostInDoubt: &lostInDoubt) : nil
            // Lost to the match only for the block in doubt: with the
            // evidence it may read more (pdftotext -raw of a LibreOffice PDF:
            // 规章 0 0 4 read as a row by the match).
            if incomplete, found == nil, let lost = lostInDoubt,
               let evidence = columnOrderEvidence(lines, from: lost.lastLine + 1, edition: lost.edition, memo: memo, searched: &searchedAhead),
               let again = placeByLabels(lines, at: i, candidates: labelled, matched: matched, matchedLast: matchedLast, edition: edition ?? hinted,
                                         earliest: earliest, rowOrder: evidence, lostInDoubt: &lostInDoubt),
               !again.byEvidence.isEmpty {
                reportRowOrder(again, evidence: evidence, context: context)
                found = again
            }
            if incomplete, var placement = found {
                // A block in doubt: the document's arithmetic table may say
                // how its extractor reads (the same lines, or nothing changes).
                if placement.orderInDoubt,
                   let evidence = columnOrderEvidence(lines, from: placement.lastLine + 1, edition: placement.template.edition, memo: memo,
                                                       searched: &searchedAhead),
                   let again = placeByLabels(lines, at: i, candidates: labelled, matched: matched, matchedLast: matchedLast, edition: edition ?? hinted,
                                             earliest: earliest, rowOrder: evidence, lostInDoubt: &lostInDoubt),
                   again.template.id == placement.template.id, again.firstLine == placement.firstLine, again.lastLine == placement.lastLine,
                   !again.byEvidence.isEmpty || again.byRuns.count > placement.byRuns.count {
                    reportRowOrder(again, evidence: evidence, context: context)
                    if again.byRuns.count > placement.byRuns.count, let first = again.byRuns.first {
                        context.report(.tables, "tables.labelled-columns", .repair,
                                       "headers of table \(again.template.id) set apart by blank lines take the runs of values after them in their order: the extractor marks every step up the page with a blank line (evidence: \(evidence.description))",
                                       line: first.line)
                    }
                    placement = again
                }
                regions.append(keep(region(placement, lines: lines, context: context, gridsOnly: gridsOnly)))
                edition = placement.template.edition
                openBefore = nil
                i = placement.lastLine + 1
                continue
            }
            // A table in no reading order (tables 三 and 四 from pdfminer).
            // Not again at a later anchor of a stretch searched already.
            if matched == nil || matchesGridWithGaps(matched, lines: lines, at: i), searched,
               let unordered = placeUnordered(lines, at: i, end: searchedEnd, fitting: fittingHere, candidates: labelled,
                                              edition: edition ?? hinted, listingUnplaced: context.collecting) {
                let placement = unordered.placement
                regions.append(keep(region(placement, lines: lines, context: context, rule: unordered.rule, how: unordered.how,
                                           gridsOnly: gridsOnly)))
                reportLabelLines(placement, context: context)
                edition = placement.template.edition
                openBefore = Self.openCells(placement)
                i = placement.lastLine + 1
                continue
            }
            if matched == nil, let look = looksLikeTable(matches, edition: edition ?? hinted) {
                let last = from + lineIndex(of: max(start, look.end - 1), in: stream)
                if let k = unplaced.indices.last, unplaced[k].match.template.id == look.template.id, unplaced[k].lines.contains(i) {
                    // Another anchor of the same stretch (申请人情况 after （本列数据…).
                    unplaced[k].lines = unplaced[k].lines.lowerBound...max(unplaced[k].lines.upperBound, last)
                } else {
                    unplaced.append((look, i...last))
                }
            }
            guard var best = matched else { i += 1; continue }
            let last = from + lineIndex(of: best.end - 1, in: stream)
            // `tables.unit-line`: the units the stream joined, before the
            // kinds settle the rows (a count's cell takes none, UnitLines.swift).
            let units = stream.unitLines.isEmpty ? [] : unitLines(lines[i...last], stream: stream)
            let refusedUnits = units.isEmpty ? [] : refuseUnits(units, in: &best)
            settleKinds(&best)
            // The probe compares grids only: where every relation holds, the
            // repair changes nothing and its relations are not asked for.
            let relations = gridsOnly && TableArithmetic.allHold(best.template, values: best.values) ? []
                : matcher.repairRulesReadAsDigits(&best, tracing: context.tracing)
            keepAnchorLabel(&best, lineText: lines[i].text.unicodeScalars.drop { $0 == "\t" || $0 == " " }, line: lines[i].number, context: context)
            if !gridsOnly {
                matcher.clearProvenPlacements(&best, relations: relations, context: context)
                matcher.clearProvenShortRows(&best, context: context)
            }

            if context.tracing { traceLayoutRepairs(lines[i...last], stream: stream, context: context) }
            // A row number stage 2 left where it stood (lines.displaced-run:
            // its place in the line above unknown) that this table's reading
            // put first: that finding no longer holds.
            let placedNumbers = stream.rowNumberLines.filter { (lines[i].number...lines[last].number).contains($0) }
            if !placedNumbers.isEmpty {
                context.withdraw { $0.rule == "lines.displaced-run" && $0.line.map(placedNumbers.contains) == true }
            }
            for d in best.diagnostics { context.report(d.stage, d.rule, d.kind, d.message, line: d.line, cells: d.cells) }
            for step in best.trace { context.traced(step.stage, step.rule, line: step.line, before: step.before, after: step.after) }
            let unitLines = units.isEmpty ? [] : reportUnitLines(units, refused: refusedUnits, lines: lines, template: best.template, values: best.values, context: context)
            let nextLineStart = last + 1 - from < stream.lineStart.count ? stream.lineStart[last + 1 - from] : stream.count
            if best.end < nextLineStart {
                var rest = String.UnicodeScalarView()
                rest.append(contentsOf: stream.scalars[best.end..<nextLineStart])
                context.report(.tables, "tables.unplaced-text", .suspicion,
                               "text '\(String(rest))' after the end of table \(best.template.id) fits no cell", line: lines[last].number)
            }
            // The whole region, as it stood and as the table reads: the step the
            // trace replays; stage 4's cell-level steps explain it in detail.
            // The region's last line holds the table's last cell (the match
            // ends there), so it is never running text written after the
            // table: its values would stand twice, in the grid and in the
            // text, and each read-back took them into the grid once more
            // (fuzz run 31: a row gained a value a round). Its text is
            // reported where it stands instead, as any other line of the span
            // that is no cell.
            var notCells = spanText.find(lines, in: i...last, template: best.template.id, cells: unitLines)
            if notCells.running.last == last {
                notCells.running.removeLast()
                notCells.stray.append(last)
            }
            let running = notCells.isEmpty ? [] : spanText.report(notCells, lines: lines, table: best.template.id, context: context)
            context.traced(.tables, "tables.region", line: lines[i].number,
                           before: lines[i...last].map(\.text).joined(separator: "⏎"),
                           after: (best.grid.map { $0.joined(separator: "\t") } + running).joined(separator: "⏎"))
            context.report(.tables, "tables.region", .repair,
                           "table \(best.template.id) recognised on lines \(lines[i].number)–\(lines[last].number) (\(best.found) of \(best.expected) labels and values found)",
                           line: lines[i].number)
            if gridsOnly {
                regions.append(keep(Region(lines: i...last, table: Self.gridOnly(best.grid), after: notCells.running)))
            } else {
                let checks = TableArithmetic.check(best.template, relations: relations, values: best.values, lines: best.rowLines, rules: rules, context: context)
                let spans = CellSpans.spans(of: best.grid, isHeader: best.gridRowIsHeader) { rules.isValue($0) }
                regions.append(keep(Region(lines: i...last,
                                           table: Table(grid: best.grid, spans: spans, templateID: best.template.id,
                                                        records: best.records, checks: checks),
                                           after: notCells.running)))
            }
            edition = best.template.edition
            openBefore = nil
            i = last + 1
        }
        for (m, range) in unplaced where !regions.contains(where: { $0.lines.overlaps(range) }) {
            let (first, last) = (lines[range.lowerBound].number, lines[range.upperBound].number)
            let place = first == last ? "line \(first) looks" : "lines \(first)–\(last) look"
            let read = m.valuesFound == 0 ? "none of its values" : "only \(m.valuesFound) of the first \(m.valuesExpected) values"
            context.report(.tables, "tables.unplaced", .suspicion,
                           "\(place) like table \(m.template.id) (\(m.found - m.valuesFound) of its labels stand there) but \(read) could be read in place: left as text, so none of its values are given",
                           line: first, cells: DiagnosticCells(table: m.template.id))
        }
        for (table, range) in unread where !regions.contains(where: { $0.lines.overlaps(range) })
            && !unplaced.contains(where: { $0.match.template.id == table && $0.lines.overlaps(range) }) {
            context.report(.tables, "tables.unplaced", .suspicion,
                           "lines \(lines[range.lowerBound].number)–\(lines[range.upperBound].number) hold the numbers of table \(table) but in no order that satisfies its arithmetic: left as text, so none of its values are given",
                           line: lines[range.lowerBound].number, cells: DiagnosticCells(table: table))
        }
        return regions
    }

    /// `tables.header-fragments`: where the table read at the anchor
    /// `lines[start]` begins. pdftotext -raw may emit the top line of a
    /// header cell (结果 of 结果⏎维持) before the anchor, right after the
    /// section heading (四、政府信息公开行政复议、行政诉讼情况⏎结果⏎⏎行政复议…).
    /// Lines between the heading and the anchor each of whose words is part
    /// of one of the template's header labels belong to the table, whose
    /// grid holds those labels; any other text there, or no heading
    /// before them (at or after `earliest`), and the table begins at its anchor.
    func headerFragmentsStart(_ lines: [SourceLine], anchorAt start: Int, template: TableTemplate, earliest: Int) -> Int {
        let headers = headerLabels(template)
        var first = start, k = start - 1
        while k >= earliest {
            if lines[k].text.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" }) { k -= 1; continue }
            guard holdsOnlyHeaderPieces(lines[k], headers) else { break }
            first = k
            k -= 1
        }
        guard first < start, k >= earliest, isSectionHeading(lines[k]) else { return start }
        return first
    }

    /// `tables.header-fragments`, at the other end: where the table whose
    /// last value stands on `lines[last]` ends. pdfminer may emit a header
    /// cell's box (未经复议直接起诉, 复议后起诉) after every value of the table,
    /// right before the next section heading. Lines between the last value
    /// and that heading each of whose words is part of one of the
    /// template's header labels belong to the table. Where a paragraph
    /// follows instead of a heading (Chromium pdfminer of tongchuan-scjg),
    /// the lines belong to the table only if they are, one whole label a
    /// line, exactly the labels the table's lines from `first` on lack: a
    /// paragraph of a label alone that the table also lacks is not text a
    /// report writes. Anything else and the table ends at its last value.
    func headerFragmentsEnd(_ lines: [SourceLine], lastValueAt last: Int, tableFrom first: Int, template: TableTemplate) -> Int {
        let headers = headerLabels(template)
        var end = last, k = last + 1
        while k < lines.count {
            if lines[k].text.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" }) { k += 1; continue }
            guard holdsOnlyHeaderPieces(lines[k], headers) else { break }
            end = k
            k += 1
        }
        guard end > last else { return last }
        if k < lines.count, isSectionHeading(lines[k]) { return end }
        return areTheLabelsLacking(lines[(last + 1)...end], table: lines[first...last], headers) ? end : last
    }

    /// `tables.label-fragments`: where the table whose last value stands on
    /// `lines[last]` ends when pdfminer prints the boxes of its row labels
    /// after its values (Chromium pdfminer of tingqiao-jiedao-2023: an
    /// all-zero table 三, then （五）不予⏎处理⏎（六）其他⏎处理⏎（七）总计⏎
    /// 四、结转下年度继续办理 right before section 四). The grid holds those
    /// labels already: lines between the last value and the next section
    /// heading each of whose words is part of one of the template's labels,
    /// header or row, are table debris, not prose. Any other text there, or
    /// no heading after them, and nil: the table ends at its last value.
    func labelFragmentsEnd(_ lines: [SourceLine], lastValueAt last: Int, template: TableTemplate) -> Int? {
        var end = last, k = last + 1
        var labels: [[Character]]?
        while k < lines.count {
            if lines[k].text.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" }) { k += 1; continue }
            if labels == nil {
                // Most tables end right at a heading that opens no label of
                // theirs (四、结转下年度继续办理 and its piece 四、结转 do):
                // that is seen on scalars, and the labels, as characters,
                // made only past it (made for every table read in another
                // order, they were ~0.7% of a short document's instructions).
                if isSectionHeading(lines[k]) {
                    let text = lines[k].text.unicodeScalars.drop { $0 == " " || $0 == "\t" }
                    guard template.rows.contains(where: { $0.path.contains { $0.unicodeScalars.starts(with: text) } }) else { return nil }
                }
                labels = Self.labels(template)
            }
            guard holdsOnlyHeaderPieces(lines[k], labels!) else { break }
            end = k
            k += 1
        }
        guard end > last, k < lines.count, isSectionHeading(lines[k]) else { return nil }
        return end
    }

    /// Every label of `template`: its header labels and each label of its
    /// rows' paths (（五）不予处理 and 1.信访举报投诉类申请 both), as characters.
    static func labels(_ template: TableTemplate) -> [[Character]] { template.labelCharacters }

    /// Whether the non-blank `fragments` are, one whole label a line, each
    /// header label that `table` does not show, and no other. A label is
    /// shown where it stands in the table's lines run together without
    /// whitespace (结果⏎维持), or where it is words of those lines end to end
    /// (尚未 总⏎结果⏎审结 计 shows 尚未审结 and 总计).
    func areTheLabelsLacking(_ fragments: ArraySlice<SourceLine>, table: ArraySlice<SourceLine>, _ headers: [[Character]]) -> Bool {
        func squeezed(_ text: String) -> [Character] { text.filter { $0 != " " && $0 != "\t" }.map { $0 } }
        let shown = table.flatMap { squeezed($0.text) }
        let words = Set(table.flatMap { $0.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { Array($0) } })
        func inWords(_ label: ArraySlice<Character>) -> Bool {
            words.contains(Array(label))
                || (1..<max(label.count, 1)).contains { cut in
                    words.contains(Array(label.prefix(cut))) && inWords(label.dropFirst(cut)) }
        }
        func shows(_ label: [Character]) -> Bool {
            if label.count <= shown.count,
               (0...(shown.count - label.count)).contains(where: { at in label.indices.allSatisfy { shown[at + $0] == label[$0] } }) {
                return true
            }
            return inWords(label[...])
        }
        let lacking = Set(headers.filter { !shows($0) }.map { String($0) })
        let given = fragments.map { String(squeezed($0.text)) }.filter { !$0.isEmpty }
        return !given.isEmpty && Set(given).count == given.count && Set(given) == lacking
    }

    /// The template's header labels, as characters: compared as
    /// `String.contains` compares them (its searcher, set up for every label
    /// and word, was most of `headerFragmentsStart`). Made with the template.
    func headerLabels(_ template: TableTemplate) -> [[Character]] { template.headerLabelCharacters }

    /// Whether each word of `line` is part of one of `headers` (or of any
    /// labels given: `labelFragmentsEnd` gives every label of a template).
    func holdsOnlyHeaderPieces(_ line: SourceLine, _ headers: [[Character]]) -> Bool {
        func contains(_ label: [Character], _ word: [Character]) -> Bool {
            guard word.count <= label.count else { return false }
            return (0...(label.count - word.count)).contains { at in word.indices.allSatisfy { label[at + $0] == word[$0] } }
        }
        let words = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return !words.isEmpty && words.allSatisfy { word in let w = Array(word); return headers.contains { contains($0, w) } }
    }

    /// Whether a line after `i`, up to `last`, opens with template `t`'s
    /// first anchor, the line its table opens with ((本列数据的勾稽关系…),
    /// 第二十条第（一）项, 行政复议), after a line of nothing but values:
    /// another copy of the table starts there. A table's values stand
    /// under its header, and its opening line above it (an extractor may
    /// put a header cell such as 申请人情况 first: html2text, w3m), so values
    /// before that line are another table's. A match at `i` that reaches it
    /// reads the pieces before it and the copy's rows as one table, passing
    /// over whatever stands between as stray text (fuzz item 28: a stray
    /// 申请人情况 and a few values took the stretch up to the report's clean
    /// table 三, two section headings and four lines of prose with it, on a
    /// second run only: on the first the copy's damage kept the match below
    /// the bar). The copy is read at its own opening instead.
    func reachesAnotherOpening(_ lines: [SourceLine], after i: Int, through last: Int, template t: Int) -> Bool {
        guard let opening = anchorUTF8[t].first, !opening.isEmpty, i < last else { return false }
        let end = min(last, lines.count - 1)
        guard i + 1 <= end else { return false }
        // The last line opening with the anchor first (a byte comparison; most
        // spans hold none), then a line of values before it: the same answer
        // as reading the lines in order, without splitting every line into words.
        func opensWithAnchor(_ text: String) -> Bool {
            var bytes = text.utf8.makeIterator(), b = bytes.next()
            while b == 0x09 || b == 0x20 { b = bytes.next() }
            for o in opening {
                guard b == o else { return false }
                b = bytes.next()
            }
            return true
        }
        guard let copy = (i + 1...end).last(where: { opensWithAnchor(lines[$0].text) }) else { return false }
        return (i + 1..<copy).contains { k in
            let words = lines[k].text.blankSeparatedWords
            return !words.isEmpty && words.allSatisfy { rules.isValue(String($0)) }
        }
    }

    /// Whether `line` is a section heading (四、…), not prose.
    /// (The numerals are read from a copy: a closure reading `rules` copied
    /// the whole recogniser at every call, most of its cost.)
    func isSectionHeading(_ line: SourceLine) -> Bool { isSectionHeading(text: line.text) }

    /// Whether `text` opens as a section heading does (四、…).
    func isSectionHeading(text: String) -> Bool {
        let sectionNumerals = rules.sectionNumerals
        let head = text.unicodeScalars.drop { $0 == " " || $0 == "\t" }
        let numerals = head.prefix { sectionNumerals.contains($0) }
        return !numerals.isEmpty && head.dropFirst(numerals.count).starts(with: rules.readingOrder.sectionMark.unicodeScalars)
    }

    /// The cell stream's repairs of pdftotext `-layout` rows in a table read:
    /// `tables.row-number` (a row number cut off its label, or printed on a
    /// line of its own under the label's first line, put back first) and `tables.split-row` (a label line read after the values below it).
    func traceLayoutRepairs(_ region: ArraySlice<SourceLine>, stream: CellStream, context: PipelineContext) {
        for (k, line) in region.enumerated() {
            if let moved = CellStream.rowNumberFirst(line.text, rowNumbers: rules.rowNumbers) {
                context.traced(.tables, "tables.row-number", line: line.number,
                               before: line.text, after: String(String.UnicodeScalarView(moved)))
            }
            if stream.rowNumberLines.contains(line.number), k > 0 {
                let label = region[region.index(region.startIndex, offsetBy: k - 1)]
                let values = CellStream.valuesAfterRowNumber(line.text)
                let after = values.isEmpty ? line.text + label.text : line.text[..<values.startIndex] + label.text + "⏎" + values.drop { $0 == " " }
                context.traced(.tables, "tables.row-number", line: line.number,
                               before: label.text + "⏎" + line.text, after: after)
            }
            if stream.splitRowLabels.contains(line.number), k + 1 < region.count {
                let values = region[region.index(region.startIndex, offsetBy: k + 1)]
                context.traced(.tables, "tables.split-row", line: line.number,
                               before: line.text + "⏎" + values.text, after: values.text + "⏎" + line.text)
            }
        }
    }

    /// The lines of `region` the cell stream read as an amount's unit
    /// alone ending the number on the line before (`tables.unit-line`).
    func unitLines(_ region: ArraySlice<SourceLine>, stream: CellStream) -> [UnitLine] {
        region.indices.dropFirst().compactMap { k in
            guard stream.unitLines.contains(region[k].number) else { return nil }
            let amount = region[k - 1].text
            let number = UnitLine.lastWord(of: amount).map(String.init) ?? amount
            return UnitLine(after: k - 1, number: number, unitText: region[k].text)
        }
    }

    /// The units of `units` the kinds of a match's row refuse
    /// (`TableRules.unitsKindsRefuse`), taken out of its values and grid.
    func refuseUnits(_ units: [UnitLine], in m: inout TemplateMatcher.Match) -> [(unit: UnitLine, row: Int, slot: Int)] {
        let refused = rules.unitsKindsRefuse(units, values: &m.values, template: m.template)
        for (unit, row, slot) in refused where row < m.gridRowOf.count {
            let columns = m.template.rows[row].valueColumns
            if let g = m.gridRowOf[row], slot < columns.count { m.grid[g][columns[slot]] = unit.number }
        }
        return refused
    }

    /// `tables.unit-line` in a table read: each line of an amount's unit
    /// alone read as the end of the number on the line before (4126.8⏎万元
    /// → 4126.8万元), reported and traced; one the row's kinds refused
    /// (`refused`: a count takes no unit, 168⏎万元⏎32516.8) reported as a
    /// doubt naming the row's amount cell, its number placed alone (the
    /// region's step traces the unit's line taken).
    /// Returns their line numbers: cells, not text left over in the table's span.
    func reportUnitLines(_ units: [UnitLine], refused: [(unit: UnitLine, row: Int, slot: Int)], lines: [SourceLine],
                         template: TableTemplate, values: [[String?]], context: PipelineContext) -> [Int] {
        let table = template.id
        for unit in units {
            let (amount, number, text) = (lines[unit.amountLine].text, unit.number, lines[unit.unitLine].text)
            guard let hit = refused.first(where: { $0.unit == unit }) else {
                context.report(.tables, "tables.unit-line", .repair,
                               "'\(text)' on a line of its own after \(number) in table \(table) is that amount's unit (an extractor put the cell's second line apart): read as \(number)\(text)",
                               line: lines[unit.unitLine].number)
                context.traced(.tables, "tables.unit-line", line: lines[unit.amountLine].number,
                               before: amount + "⏎" + text, after: amount + text)
                continue
            }
            let (row, s) = (template.rows[hit.row], hit.slot)
            let amounts = row.slotIsAmount.indices.filter { row.slotIsAmount[$0] && $0 != s }
            let column = amounts.count == 1 ? row.columnPaths[amounts[0]] : row.columnPaths[s]
            let under = row.columnPaths[s].joined(separator: " / ")
            let amountValue = amounts.count == 1 && hit.row < values.count && amounts[0] < values[hit.row].count ? values[hit.row][amounts[0]] : nil
            let owner = UnitLine.refusedUnitsAmount(amountValue, column: column.joined(separator: " / "), amountsInRow: amounts.count)
            context.report(.tables, "tables.unit-line", .suspicion,
                           "'\(text)' on a line of its own after \(number) in table \(table) is not that number's unit: \(number) stands under \(under), which holds a count (a count takes no unit), and with the unit no placement of the row's values keeps every value's kind; an amount's unit follows it, and no amount stands right before: \(number) placed as written, the unit left out (\(owner))",
                           line: lines[unit.unitLine].number, cells: DiagnosticCells(table: table, row: row.path, column: column))
            // No step of its own: the table's region step already takes the
            // unit's line in and gives the number alone, and a second step
            // dropping the same Han would have the guarantees' replay look
            // for them where they are already gone (fuzz run 54).
        }
        return units.map { lines[$0.unitLine].number }
    }

    /// `tables.unplaced`: of the matches tried at an anchor, none accepted,
    /// the one that shows a template table stands there: at least
    /// `unplacedMinLabels` of its labels found in place after the anchor
    /// (`Match.labelsInPlace`), and `unplacedMinLabelShare` of the labels
    /// tried (OCR kept the header and row labels but lost or garbled the
    /// numbers). A paragraph that opens with an anchor's words (行政复议和
    /// 行政诉讼…，结果维持、结果纠正…) has them apart, with its own words between.
    /// The report's edition first, then the best score.
    func looksLikeTable(_ matches: [TemplateMatcher.Match], edition: Int?) -> TemplateMatcher.Match? {
        let tables = matches.filter { m in
            let found = m.found - m.valuesFound, tried = m.expected - m.valuesExpected
            return m.labelsInPlace >= rules.matching.unplacedMinLabels
                && Double(found) >= rules.matching.unplacedMinLabelShare * Double(tried)
        }
        return tables.filter { $0.template.edition == edition }.max(by: { $0.score < $1.score })
            ?? tables.max(by: { $0.score < $1.score })
    }

    /// The first line of running text (`tables.span-text`, `notCells` of
    /// the reading's stretch) the reading took values from, if any. Such a
    /// line is written after the table whole, its numbers with it, so a
    /// table read from the numbers that end sentences (…尚未审结总计0 0 0,
    /// fuzz item 42) would stand twice in the output and be read once more
    /// by every read-back: the numbers are the prose's, and the reading is none.
    func runningTextHoldingValues(_ notCells: SpanText.Found, reading: ReadingOrderRecovery.Reading,
                                  tokens: [ReadingOrderRecovery.Token]) -> Int? {
        notCells.running.first { line in reading.cells.contains { $0.contains { tokens[$0].lineIndex == line } } }
    }

    /// The region of a table whose numbers ReadingOrderRecovery put in order:
    /// lines `start...last`, reported and traced like a matched one.
    /// `notCells`: the lines of the stretch that are not the table's, as the
    /// caller found them to check the reading (`runningTextHoldingValues`).
    func region(_ reading: ReadingOrderRecovery.Reading, tokens: [ReadingOrderRecovery.Token], lines: [SourceLine],
                from start: Int, to last: Int, notCells: SpanText.Found,
                context: PipelineContext, gridsOnly: Bool = false) -> Region {
        let template = reading.template
        let text = Self.cellText(lines[start...last])
        var filled = readingOrder.fill(reading, tokens: tokens, text: text)
        // `structure.value-kind`, as every other placement asks it: an order
        // holds on the numbers alone, so a value of the other kind (0万元 in
        // a count cell) was written as read, and only a second run, reading
        // the grid, emptied it (fuzz item 39).
        var values = filled.values
        let settled = rules.settleKinds(&values, template: template)
        if !settled.isEmpty {
            filled = readingOrder.fill(template, values: values, rowLines: filled.rowLines, text: text)
            for one in settled {
                reportKinds(one, template: template, line: filled.rowLines[one.row] ?? lines[start].number, context: context)
            }
        }
        if !reading.dropped.isEmpty {
            let dropped = reading.dropped.map { tokens[$0].text }.joined(separator: " ")
            context.report(.tables, "tables.reading-order", .suspicion,
                           "number(s) \(dropped) near table \(template.id) fit no cell; dropped", line: tokens[reading.dropped[0]].line)
        }
        let running = notCells.isEmpty ? [] : spanText.report(notCells, lines: lines, table: template.id, context: context)
        context.traced(.tables, "tables.reading-order", line: lines[start].number,
                       before: lines[start...last].map(\.text).joined(separator: "⏎"),
                       after: (filled.grid.map { $0.joined(separator: "\t") } + running).joined(separator: "⏎"))
        let holds = reading.suspects.isEmpty ? "satisfies its arithmetic" : "satisfies its arithmetic but for one cell"
        context.report(.tables, "tables.reading-order", .repair,
                       "table \(template.id) on lines \(lines[start].number)–\(lines[last].number): its numbers were read out of order and are the only order that \(holds) (\(reading.plan.joined(separator: "; ")))",
                       line: lines[start].number)
        let checks = gridsOnly ? [] : TableArithmetic.check(template, values: filled.values, lines: filled.rowLines, rules: rules, context: context)
        if !gridsOnly { reportSuspects(reading, tokens: tokens, checks: checks, context: context) }
        guard !gridsOnly else { return Region(lines: start...last, table: Self.gridOnly(filled.grid), after: notCells.running) }
        let spans = CellSpans.spans(of: filled.grid, isHeader: filled.gridRowIsHeader) { rules.isValue($0) }
        return Region(lines: start...last,
                      table: Table(grid: filled.grid, spans: spans, templateID: template.id, records: filled.records, checks: checks),
                      after: notCells.running)
    }

    /// A region's table as `gridsOnly` asks for it: the grid as read and
    /// nothing else (not its records, nor copied to its size as a table the
    /// document keeps is: the probe of `tables.settle` compares it and lets go).
    static func gridOnly(_ grid: [[String]]) -> Table {
        var table = Table(grid: [])
        table.grid = grid
        return table
    }

    /// A reading that holds but for one cell: each cell that alone breaks the
    /// arithmetic (the author's error, or the extractor's), named with the
    /// value that would make every relation hold and the relations that fail.
    func reportSuspects(_ reading: ReadingOrderRecovery.Reading, tokens: [ReadingOrderRecovery.Token], checks: [ArithmeticCheck],
                        context: PipelineContext) {
        guard !reading.suspects.isEmpty else { return }
        let template = reading.template
        let dataRows = template.rows.filter { !$0.isHeader }
        let failing = checks.filter { !$0.holds }.map { "\($0.check) (\($0.subject))" }.joined(separator: ", ")
        let alone = reading.suspects.count == 1 ? "alone breaks" : "may alone break (one of \(reading.suspects.count) cells that could)"
        for suspect in reading.suspects {
            let row = dataRows[suspect.row], token = tokens[reading.cells[suspect.row][suspect.slot]]
            let name = row.path.isEmpty ? "" : "'\(row.path.joined(separator: " / "))' × "
            context.report(.tables, "tables.reading-order", .suspicion,
                           "cell \(name)'\(row.columnPaths[suspect.slot].joined(separator: " / "))' of table \(template.id), read as \(token.text), \(alone) the arithmetic: \(TableArithmetic.format(suspect.holdingValue)) would satisfy every relation (failing: \(failing)); the values are placed as read",
                           line: token.line, cells: DiagnosticCells(table: template.id, row: row.path, column: row.columnPaths[suspect.slot]))
        }
    }

    /// Reports each first value a row label's line gave (`tables.label-line-values`).
    func reportLabelLines(_ placement: LabelledColumnRecovery.Placement, context: PipelineContext) {
        for cell in placement.byLabelLine {
            let row = placement.template.rows[cell.row]
            context.report(.tables, "tables.label-line-values", .repair,
                           "\(cell.value) stands on one line with a piece of row '\(row.path.joined(separator: " / "))''s own label in table \(placement.template.id), whose numbers fit no reading order: placed as that row's first value (\(row.columnPaths.first?.joined(separator: " / ") ?? "")), the row's other cells left empty",
                           line: cell.line)
        }
    }

    /// Reports each block of `placement` placed row by row on the document's
    /// evidence of how its extractor reads.
    func reportRowOrder(_ placement: LabelledColumnRecovery.Placement, evidence: ColumnOrderEvidence, context: PipelineContext) {
        for block in placement.byEvidence {
            context.report(.tables, "tables.labelled-columns", .repair,
                           "the values under \(block.headers) of table \(placement.template.id) read row by row and column by column give different tables; placed row by row: no blank line stands among them, and the extractor marks every step up the page with one (evidence: \(evidence.description))",
                           line: block.line)
        }
    }

    /// `tables.labelled-columns` at the anchor `lines[start]`: the placement
    /// of the candidate without arithmetic whose labels place the most
    /// values, when that is at least as many as the row-by-row match placed
    /// (`matched`), other values than it, and no template of another edition
    /// places as many (the report's edition wins a tie). Its own grid read
    /// back (a value after an empty cell) places as many as the match, which
    /// reads it from the left, and wins.
    /// It wins with fewer too where the match moves a value of a TAB grid
    /// row out of the column its TABs put it in: the match filled that row
    /// from the left with numbers that stand after the grid (a first run's
    /// stray values, left as text under its table: 政府集中采购⏎⏎27.8 then 0 0 4
    /// read as 27.8 0, left over 4), and the grid is the first run's reading.
    /// The table then still reaches as far as the match read
    /// (`matchedLast`): the numbers it took are reported, not put back.
    /// `lostInDoubt`: set to a placement's table edition and last line where
    /// it lost to the match with a block in doubt.
    func placeByLabels(_ lines: [SourceLine], at start: Int, candidates: [TableTemplate], matched: TemplateMatcher.Match?,
                       matchedLast: Int? = nil, edition: Int?, earliest: Int, rowOrder: ColumnOrderEvidence? = nil,
                       lostInDoubt: inout (edition: Int, lastLine: Int)?) -> LabelledColumnRecovery.Placement? {
        var best: [LabelledColumnRecovery.Placement] = []
        let placeable = candidates.filter { labelledColumns.shapes[$0.id] != nil }
        guard !placeable.isEmpty else { return nil }
        // One stretch for all (the editions' tables 二 share their anchor).
        let end = readingOrder.stretchEnd(lines, from: start, templates: placeable)
        for template in placeable {
            guard var p = labelledColumns.recover(lines, anchorAt: start, earliest: earliest, template: template, stretchEnd: end,
                                                          rowOrder: rowOrder) else { continue }
            if let m = matched, p.placed < m.valuesFound {
                if p.orderInDoubt, lostInDoubt == nil { lostInDoubt = (template.edition, p.lastLine) }
                guard p.gridMoved(by: m), let through = matchedLast, m.template.id == template.id,
                      let wide = labelledColumns.recover(lines, anchorAt: start, earliest: earliest, template: template, stretchEnd: end,
                                                         rowOrder: rowOrder, through: through) else { continue }
                p = wide
            }
            // The same values as the match (a grid read back whose values
            // stand from the left): the match, and what it reported, stand.
            if let m = matched, m.template.id == template.id,
               template.rows.indices.allSatisfy({ template.rows[$0].isHeader || m.values[$0] == p.values[$0] }) { continue }
            if let b = best.first, b.placed > p.placed { continue }
            if let b = best.first, b.placed < p.placed { best = [] }
            best.append(p)
        }
        guard !best.isEmpty else { return nil }
        if best.count == 1 { return best[0] }
        return best.first { $0.template.edition == edition }
    }

    /// A table whose numbers fit no reading order at the anchor
    /// `lines[start]`, with the rule that placed it and how, for the region's
    /// report: the rows its column headers' boxes give beyond doubt
    /// (`tables.header-runs`, table 三 from pdfminer), else, where the
    /// stretch holds its labels and exactly its numbers in no order at all,
    /// its grid with every value cell left empty (`tables.debris`, tables 三
    /// and 四 from pdfminer on a Chromium PDF).
    /// `listingUnplaced`: whether a placement lists the numbers it placed
    /// nowhere, which only findings name (`HeaderRunRecovery.recover`).
    func placeUnordered(_ lines: [SourceLine], at start: Int, end: Int?, fitting: [String], candidates: [TableTemplate],
                        edition: Int?, listingUnplaced: Bool = true) -> (placement: LabelledColumnRecovery.Placement, rule: String, how: String)? {
        if let placement = placeByHeaderRuns(lines, at: start, end: end, candidates: candidates, edition: edition,
                                             listingUnplaced: listingUnplaced) {
            return (placement, "tables.header-runs",
                    "its numbers fit no reading order; the rows whose every cell the column headers' boxes give, and that add up, are placed")
        }
        if let placement = placeAsDebris(lines, at: start, end: end, fitting: fitting, candidates: candidates) {
            if placement.rotations == 0 {
                return (placement, "tables.rotated-row",
                        "its grid read back, each value of its one row in its column (the cells its rotations read otherwise left empty)")
            }
            if let holding = placement.rotations {
                return (placement, "tables.rotated-row",
                        "its labels and exactly its numbers stand there, its one row started at another column and wrapped round (the extractor grouped the right-hand columns first); \(holding) rotations hold its arithmetic, the cells alike in every one are placed, the others left empty")
            }
            return (placement, "tables.debris",
                    "its labels and exactly its numbers stand there in no order that can be read; every value cell is left empty")
        }
        return nil
    }

    /// `tables.header-runs` at the anchor `lines[start]`: the placement of
    /// the candidate whose header runs place the most values; a tie goes to
    /// the report's edition, or to neither.
    /// `end`: the stretch the reading-order search read here, if it did.
    func placeByHeaderRuns(_ lines: [SourceLine], at start: Int, end: Int?, candidates: [TableTemplate], edition: Int?,
                           listingUnplaced: Bool = true) -> LabelledColumnRecovery.Placement? {
        let placeable = candidates.filter { headerRuns.shapes[$0.id] != nil }
        guard !placeable.isEmpty else { return nil }
        let end = end ?? readingOrder.stretchEnd(lines, from: start, templates: placeable)
        let found = placeable.compactMap { headerRuns.recover(lines, from: start, end: end, template: $0, listingUnplaced: listingUnplaced) }
        guard let most = found.map(\.placed).max() else { return nil }
        let best = found.filter { $0.placed == most }
        if best.count == 1 { return best[0] }
        let inEdition = best.filter { $0.template.edition == edition }
        return inEdition.count == 1 ? inEdition[0] : nil
    }

    /// `tables.debris`: the grid, no value placed, of the one template of
    /// `candidates` whose cells the stretch's numbers fill in no order
    /// (`fitting`), or whose grid with every value cell empty the stretch is
    /// (the output read back).
    func placeAsDebris(_ lines: [SourceLine], at start: Int, end: Int?, fitting: [String],
                       candidates: [TableTemplate]) -> LabelledColumnRecovery.Placement? {
        let arithmetic = candidates.filter { ReadingOrderRecovery.uniformSlots($0) != nil && !$0.checks.isEmpty }
        guard !arithmetic.isEmpty else { return nil }
        if fitting.count == 1, let end, let template = arithmetic.first(where: { $0.id == fitting[0] }) {
            return debris.recover(lines, from: start, end: end, template: template, numbers: { readingOrder.numbers(in: lines[start..<end]) })
        }
        // The output read back: the empty grid, its rows TAB-separated. Asked
        // first, since every other anchor where nothing matched comes here
        // (the stretch's end and its grid rows, worked out at each anchor of
        // a long report with no table, doubled stage 3's time there).
        guard lines[start].text.utf8.contains(0x09) else { return nil }
        let end = end ?? readingOrder.stretchEnd(lines, from: start, templates: arithmetic)
        for template in arithmetic where headerRuns.shapes[template.id] != nil {
            guard let grid = headerRuns.gridRows(lines, from: start, end: end, template: template, shape: headerRuns.shapes[template.id]!),
                  grid.rows.allSatisfy({ $0.allSatisfy { $0 == nil } }) else { continue }
            return debris.emptyGrid(template, from: start, to: grid.last)
        }
        // `tables.rotated-row`'s output read back: its one row's values each
        // in its column, the cells the rotations read otherwise empty.
        for template in arithmetic {
            guard let one = debris.oneRow[template.id],
                  let grid = headerRuns.gridRows(lines, from: start, end: end, template: template, dataRows: [one.row], slots: one.relations.columns),
                  grid.rows[0].contains(where: { $0 != nil }) else { continue }
            var placement = debris.emptyGrid(template, from: start, to: grid.last)
            placement.values[one.row] = grid.rows[0]
            placement.placed = grid.rows[0].filter { $0 != nil }.count
            placement.rotations = 0
            return placement
        }
        return nil
    }

    /// Whether `matched`, a match of a one-row table with arithmetic
    /// (`tables.rotated-row`), is of that table's grid written out with a
    /// value right of an empty cell: `tables.rotated-row`'s output, whose
    /// row the match fills from the left; `placeAsDebris` reads each value
    /// in its column instead.
    func matchesGridWithGaps(_ matched: TemplateMatcher.Match?, lines: [SourceLine], at start: Int) -> Bool {
        guard let m = matched, m.missingValues > 0, let one = debris.oneRow[m.template.id],
              lines[start].text.utf8.contains(0x09) else { return false }
        let end = min(lines.count, start + m.template.rows.count)
        guard let grid = headerRuns.gridRows(lines, from: start, end: end, template: m.template, dataRows: [one.row], slots: one.relations.columns) else { return false }
        let row = grid.rows[0]
        guard let last = row.lastIndex(where: { $0 != nil }) else { return false }
        return row[..<last].contains { $0 == nil }
    }

    /// The region of a table whose values `LabelledColumnRecovery` placed:
    /// every value placed nowhere and every cell left empty reported (the
    /// cells as stage 4's `structure.missing-value` reports them, so that
    /// `tables.settle` carries them over as it does the match's).
    func region(_ placement: LabelledColumnRecovery.Placement, lines: [SourceLine], context: PipelineContext,
                rule: String = "tables.labelled-columns",
                how: String = "its values were read column by column and are placed by the headers and row labels they follow",
                gridsOnly: Bool = false) -> Region {
        let template = placement.template
        var placement = placement
        let range = placement.firstLine...placement.lastLine
        // `tables.unit-line`: the units the word loop joined, before the
        // kinds settle the rows (a count's cell takes none, UnitLines.swift).
        let units = labelledColumns.unitLines(in: range, lines) + (placement.pastHeading.map { labelledColumns.unitLines(in: $0, lines) } ?? [])
        let refusedUnits = units.isEmpty ? [] : rules.unitsKindsRefuse(units, values: &placement.values, template: template)
        for settled in rules.settleKinds(&placement.values, template: template) {
            reportKinds(settled, template: template, line: placement.rowLines[settled.row] ?? lines[placement.firstLine].number, context: context)
        }
        let first = lines[range.lowerBound].number
        // The headers of columns read apart stand in the table's header too.
        var text = Self.cellText(lines[range])
        for column in placement.apart { text.append(column.header.unicodeScalars) }
        if let past = placement.pastHeading { for line in lines[past] { text.append(line.text.unicodeScalars) } }
        let apartLines = placement.apart.map(\.lines) + (placement.pastHeading.map { [$0] } ?? [])
        let filled = readingOrder.fill(template, values: placement.values, rowLines: placement.rowLines, text: text)
        var reasons: [String] = []
        for u in placement.unplaced where !reasons.contains(u.reason) { reasons.append(u.reason) }
        for reason in reasons {
            let those = placement.unplaced.filter { $0.reason == reason }
            context.report(.tables, rule, .suspicion,
                           "number(s) \(those.map(\.text).joined(separator: " ")) near table \(template.id) fit no cell (\(reason)); dropped",
                           line: those[0].line)
        }
        for (header, line, passedOver) in placement.byRuns {
            let kept = passedOver.isEmpty ? "" : " but \(passedOver.joined(separator: " ")), kept for the signed values after them"
            context.report(.tables, "tables.labelled-columns", .repair,
                           "the values from line \(line) of table \(template.id) stand between blank lines, as many as the rows under \(header), the first header before them still without values\(kept): that column (the extractor reads column by column and marks every jump with a blank line)",
                           line: line)
        }
        for (headers, placed, left, line, scattered, bounded) in placement.byBoxes {
            let others = left.isEmpty ? "" : "; row(s) \(left.joined(separator: " ")) read otherwise in another order, left empty"
            let apart = scattered ? ", standing apart from its headers among other blocks' columns (every other block placed, nothing else loose)" : ""
            let orders = bounded ? "every order that keeps the template's bounds" : "every order"
            context.report(.tables, "tables.column-boxes", .repair,
                           "the values from line \(line) of table \(template.id) stand in boxes of one number a line, as many as the columns under \(headers), each as long as the block has rows\(apart): its columns, in an order nothing in the text names; row(s) \(placed.joined(separator: " ")) read the same in \(orders): placed\(others)",
                           line: line)
        }
        for (headers, placed, rows, line, bounded) in placement.byBoxesAboveBreak {
            let orders = bounded ? "every order that keeps the template's bounds" : "every order"
            context.report(.tables, "tables.page-broken-block", .repair,
                           "the values from line \(line) of table \(template.id), right after \(headers), stand in boxes of one number a line, each as long as the rows labelled before them (\(rows.joined(separator: " "))), and the next row's label comes past a line taken out (page furniture): those rows' cells above a page break (the extractor printed the page's part of the block on its own), a box after one header its column, boxes after every header of the block its columns in an order nothing in the text names; \(placed.joined(separator: " ")) read the same in \(orders): placed, the other cells left empty",
                           line: line)
        }
        reportBareChanges(placement, first: first, context: context)
        for (why, line) in placement.leftForReading {
            context.report(.tables, "tables.labelled-columns", .repair,
                           "in table \(template.id), \(why): left for the one reading of the table, which placed them",
                           line: line)
        }
        for (header, line) in placement.byCutRun {
            context.report(.tables, "tables.labelled-columns", .repair,
                           "the values from line \(line) of table \(template.id) after \(header) are as many as its block's rows before a blank line, and every other column of the block is filled by values of its own: that column; what follows the blank was drawn elsewhere",
                           line: line)
        }
        for (header, placed, left, line) in placement.bySize {
            let others = left.isEmpty ? "" : "; \(left.joined(separator: " ")) differ between those ways, left empty"
            context.report(.tables, "tables.labelled-columns", .repair,
                           "the values from line \(line) of table \(template.id) stand in boxes right under copies of \(header), a header several blocks share, one box a block, none of those columns filled by their order or captions: each box is its block's column whole, so its size is the block's number of rows; \(placed.joined(separator: " ")) read the same in every way the sizes match the blocks: placed\(others)",
                           line: line)
        }
        for (header, boxes, limit, cells, line) in placement.bySizeCut {
            let why = switch limit {
            case .boxes: "\(boxes) boxes, more than readingOrder.maxSizedBoxes (\(rules.readingOrder.maxSizedBoxes)): not tried"
            case .assignments: "their sizes match the blocks in more than readingOrder.maxSizedAssignments (\(rules.readingOrder.maxSizedAssignments)) ways: stopped there"
            }
            context.report(.tables, "tables.labelled-columns", .suspicion,
                           "the values from line \(line) of table \(template.id) stand in boxes right under copies of \(header), a header several blocks share, one box a block; matching them to the blocks by their sizes: \(why); \(cells.joined(separator: " ")) not placed by size",
                           line: line)
        }
        for (cells, line) in placement.byKind {
            context.report(.tables, "tables.labelled-columns", .repair,
                           "the values from line \(line) of table \(template.id) left loose stand each alone between blank lines, no line taken out next to them, as many as its cells open one to a column (a one-row block's cell, a column's one row still empty), and the other loose values stand in boxes as long as the other columns' open rows (pdfminer prints a block's column as one box): each such a cell, the one its kind leaves it (a signed value only under the header naming its sign, no bare number but zero there where the table signs its changes both ways): \(cells.joined(separator: ", ")) placed",
                           line: line)
        }
        for (header, row, line) in placement.byHeaderLeft {
            context.report(.tables, "tables.labelled-columns", .repair,
                           "the values from line \(line) of table \(template.id) follow \(header), a header several blocks share, whose block neither its order nor the caption read last settles; every other block has its \(header) column and the block of \(row) none: that column",
                           line: line)
        }
        if let line = placement.byReading {
            let label = placement.readingAllowed.labelAfter
                ? "each after its column header (its row label, where no reading keeps every one before its cells, may come after)"
                : "each after its row label and its column header"
            context.report(.tables, "tables.labelled-columns", .repair,
                           "the values from line \(line) of table \(template.id) fit its cells in \(placement.readingAllowed.inDoubt.isEmpty ? "exactly one reading" : "readings that agree on the cells placed"): \(label) and after the cells above it and to its left, each run of values without a blank line filling a rectangle of one block row by row (down one column, across one row, or rows of a few columns) and no two runs on one page one such rectangle stacked, a run right after headers under the first of them still without values, signed values under a header that names the sign\(placement.readingAllowed.runBeforeHeader ? ", a run of as many values as its block's rows right before one of its headers, blank lines only between, that header's column, and no bare number but zero under a header naming a sign where the table writes its changes with their sign" : "") (the extractor read the table by blocks of text, not row by row)",
                           line: line)
        }
        if let line = placement.byReading, placement.readingAllowed.byDiagonal {
            context.report(.tables, "tables.diagonal-runs", .repair,
                           "of the readings of table \(template.id)'s values from line \(line), only those taken whose runs read apart from their headers are each one column of one block and come by anti-diagonals (column index plus block index never smaller than the run's before), with no unsigned value but zero under a header that names a sign, every bound of the template holding (the extractor read every value block after the headers, in the order its block sort gives)",
                           line: line)
        }
        if let (line, rows, inDoubt) = placement.byPageBreak {
            let doubt = inDoubt == 0 ? "exactly one reading" : "readings that agree on the cells placed (\(inDoubt) value(s) in doubt, left empty and reported)"
            context.report(.tables, "tables.page-broken-block", .repair,
                           "a page break cuts a block of table \(template.id): the next row's label comes after the values, with a line taken out between them (page furniture); the values from line \(line) fit the rows above the break (\(rows.joined(separator: " "))) in \(doubt), each after its row label and its column header, after the cells above it and to its left, a run right after headers under the first of them still without values (read with the headers, before the block over it) (the extractor read each page's part of the table as a grid of its own)",
                           line: line)
        }
        if let (line, rows, cells) = placement.byPageBreakRest {
            context.report(.tables, "tables.page-broken-rest", .repair,
                           "below the page break in table \(template.id), the values left are exactly as many as the empty cells of the rows there (\(rows.joined(separator: " ")), \(cells) cells), and only one table comes of the assignments of them that keep each value's kind (a signed value only under the header naming its sign, no bare number but zero there where the table signs its changes both ways) and the template's bounds: placed (the extractor read the next page's part of the table in an order of its own)",
                           line: line)
        }
        for (headers, value, header, line) in placement.bySign {
            context.report(.tables, "tables.labelled-columns", .repair,
                           "the values under \(headers) of table \(template.id) read row by row and column by column give different tables; placed row by row: column by column, \(value) would stand under \(header), which names no such sign",
                           line: line)
        }
        for (headers, value, header, line) in placement.bySignedCell {
            context.report(.tables, "tables.labelled-columns", .repair,
                           "the values under \(headers) of table \(template.id) read row by row hold one signed value a row, at one place in each but not under \(header), the one header that names its sign: each moved there (\(value) the first), the row's other values in its headers' order (the extractor drew the signed cell after the others)",
                           line: line)
        }
        if let past = placement.pastHeading {
            let (from, to) = (lines[past.lowerBound].number, lines[past.upperBound].number)
            context.report(.tables, "tables.labelled-columns", .repair,
                           "lines \(from)–\(to), after the next section's heading, hold the rest of table \(template.id)'s values, read in its one reading (the extractor reads a page's blocks left before right, the heading on the left before the table's right-hand cells); those lines are the table's, not text",
                           line: from)
        }
        for (header, apart) in placement.apart {
            let (from, to) = (lines[apart.lowerBound].number, lines[apart.upperBound].number)
            context.report(.tables, "tables.labelled-columns", .repair,
                           "column \(header) of table \(template.id) read from lines \(from)–\(to), where the extractor set it apart from the table; those lines are the table's, not text",
                           line: from)
        }
        for (index, row) in template.rows.enumerated() where !row.isHeader {
            let slots = placement.values[index]
            guard slots.contains(where: { $0 == nil }) else { continue }
            let line = placement.rowLines[index] ?? first
            if slots.allSatisfy({ $0 == nil }) {
                context.report(.structure, "structure.missing-value", .suspicion,
                               "row '\(row.path.joined(separator: " / "))' of table \(template.id): no value could be placed by its labels; left empty",
                               line: line, cells: DiagnosticCells(table: template.id, row: row.path))
                continue
            }
            for (slot, value) in slots.enumerated() where value == nil {
                context.report(.structure, "structure.missing-value", .suspicion,
                               "cell '\(row.path.joined(separator: " / "))' × '\(row.columnPaths[slot].joined(separator: " / "))' of table \(template.id): no value could be placed by its labels; left empty",
                               line: line, cells: DiagnosticCells(table: template.id, row: row.path, column: row.columnPaths[slot]))
            }
        }
        let unitCells = units.isEmpty ? [] : reportUnitLines(units, refused: refusedUnits, lines: lines, template: template, values: placement.values, context: context)
        let notCells = spanText.find(lines, in: range, template: template.id, cells: unitCells)
        let running = notCells.isEmpty ? [] : spanText.report(notCells, lines: lines, table: template.id, context: context)
        context.traced(.tables, rule, line: first,
                       before: lines[range].map(\.text).joined(separator: "⏎"),
                       after: (filled.grid.map { $0.joined(separator: "\t") } + running).joined(separator: "⏎"))
        context.report(.tables, rule, .repair,
                       "table \(template.id) on lines \(first)–\(lines[range.upperBound].number): \(how) (\(placement.placed) of \(filled.values.reduce(0) { $0 + $1.count }) cells)",
                       line: first)
        let checks = gridsOnly ? [] : TableArithmetic.check(template, values: filled.values, lines: filled.rowLines, rules: rules, context: context)
        guard !gridsOnly else { return Region(lines: range, table: Self.gridOnly(filled.grid), apart: apartLines, after: notCells.running) }
        let spans = CellSpans.spans(of: filled.grid, isHeader: filled.gridRowIsHeader) { text in
            rules.isValue(Array(text.unicodeScalars)[...])
        }
        return Region(lines: range, table: Table(grid: filled.grid, spans: spans, templateID: template.id, records: filled.records, checks: checks),
                      apart: apartLines, after: notCells.running)
    }

    /// A row whose values `settleKinds` moved or emptied, reported and
    /// traced straight to the context (a placement with no findings list
    /// of its own: a reading order's, a labelled-column placement's).
    func reportKinds(_ settled: TableRules.KindSettlement, template: TableTemplate, line: Int, context: PipelineContext) {
        for d in rules.kindDiagnostics(settled, template: template, line: line) {
            context.report(d.stage, d.rule, d.kind, d.message, line: d.line, cells: d.cells)
        }
        let step = rules.kindTrace(settled, line: line)
        context.traced(step.stage, step.rule, line: step.line, before: step.before, after: step.after)
    }

    /// `structure.value-kind` on a match kept (ValueKinds.swift): its rows
    /// whose values contradict their cells' kinds settled in its values and
    /// its grid, reported and traced with the match's own findings.
    func settleKinds(_ m: inout TemplateMatcher.Match) {
        let template = m.template
        for settled in rules.settleKinds(&m.values, template: template) {
            let line = settled.row < m.rowLines.count ? m.rowLines[settled.row] : nil
            if settled.row < m.gridRowOf.count, let g = m.gridRowOf[settled.row] {
                for (slot, column) in template.rows[settled.row].valueColumns.enumerated() {
                    m.grid[g][column] = m.values[settled.row][slot] ?? ""
                }
            }
            // A row read short was placed from the left, its flag says: now
            // it was placed by kind.
            if settled.moved, let k = m.diagnostics.firstIndex(where: {
                $0.rule == "structure.missing-value" && $0.cells?.row == template.rows[settled.row].path && $0.cells?.column == nil
            }) {
                m.diagnostics[k].message = rules.kindPlacedMissingMessage(settled, template: template)
            }
            m.diagnostics += rules.kindDiagnostics(settled, template: template, line: line)
            m.trace.append(rules.kindTrace(settled, line: line))
        }
    }

    /// The region's scalars but its separators (space, TAB, `|`), in which
    /// `fill` looks for the header labels, and where each line ends: into
    /// one array, scalar by scalar (a filtered array per line, then joined,
    /// cost several times as much; this runs for every table read out of
    /// order, in both readings of `tables.settle`).
    static func cellText(_ lines: ArraySlice<SourceLine>) -> ReadingOrderRecovery.RegionText {
        var text = ReadingOrderRecovery.RegionText()
        text.scalars.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count })
        text.lineEnds.reserveCapacity(lines.count)
        // On the lines' UTF-8 in place (`RegionText.append(utf8:)`).
        for line in lines {
            if line.text.utf8.withContiguousStorageIfAvailable({ text.append(utf8: $0) }) == nil { text.append(line.text.unicodeScalars) }
        }
        return text
    }

    /// The cell stream of `lines`, as the recognition reads them.
    func cellStream(_ lines: ArraySlice<SourceLine>) -> CellStream {
        CellStream(lines, opensAfterDigit: rules.hanPrefixes, rowNumbers: rules.rowNumbers, numberedLabels: rules.numberedLabels,
                   amountUnits: rules.amountUnits,
                   isValue: rules.valueGrammar.isValue, digitsAreValues: rules.valueGrammar.plainDigitsAreValues,
                   valueEnders: rules.valueGrammar.valueEnders)
    }

    /// Index of the line holding stream position `index` (binary search).
    func lineIndex(of index: Int, in stream: CellStream) -> Int {
        var lo = 0, hi = stream.lineStart.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if stream.lineStart[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
