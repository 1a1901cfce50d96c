import ICUKit

/// Stage 3, idempotence of the table readings (`tables.settle`):
///
/// A table is read from damaged text: its template is laid over whatever the
/// extractor left, stray text is passed over, missing labels are restored,
/// and the region ends where the template stopped consuming. The output
/// holds the table as its clean grid, and a second run reads that grid and
/// the prose beside it, not the damaged text. It may read them otherwise:
/// a line opening with the table's anchor that stayed prose before the table
/// now leads into a clean header and opens the table; values after a row
/// whose values were missing (stray text stood between them, and the grid
/// no longer holds it) now fill the row; header text left as prose is read
/// into the table; two tables become one. So the readings are taken to their
/// fixpoint within one run, as stage 2 does with its joins (JoinFixpoint.swift):
/// the output is read back as a second run reads it (each logical line one
/// line, each table its grid rows, a blank line between blocks), and where
/// that reading finds other tables or other places, they are taken, the
/// prose they left is joined again, and the output is read back once more.
/// On canonical text the reading finds the same tables in the same places;
/// that costs one more match per table. The reading is in the edition a
/// second run takes (the pipeline asks `ReadBack.opening`): the one of the
/// year named in the output's opening lines, stage 2's joined lines, which
/// can reach a title the first run's opening lines did not.
extension TableRecognizer {
    /// A table of the document and the source line numbers it came from.
    struct PlacedTable {
        var table: Table
        var lines: ClosedRange<Int>
    }

    /// Rounds of reading back that bring no progress (`settleBlocks` not
    /// below its least so far) after which the readings are taken as they
    /// stand: a bound, not a rule (on the corpus no round is needed; most of
    /// the fuzzer's damaged tables settle in one). Rounds with progress are
    /// not counted: a cascade takes one per table (copies of a table each
    /// missing its last value, the last one's value after it: read back, the
    /// last takes the value, then the one before takes in the last, which
    /// now ends in it, and so on back), and stopping it part way left an
    /// output a second run read on (fuzz run 24). Those rounds end: the
    /// count of blocks falls at each.
    static let maxSettleRounds = 4

    /// Blocks of a reading, its tables and its logical lines of prose: a
    /// settle round that takes text into a table or two tables into one
    /// leaves fewer (`maxSettleRounds`).
    static func settleBlocks(_ prose: [[LogicalLine]], tables: [PlacedTable]) -> Int {
        prose.reduce(tables.count) { $0 + $1.count }
    }

    /// The document as stage 2 and stage 3 left it (`prose` has one stretch
    /// more than `tables`: before, between and after them), read back as a
    /// second run reads it. Returns the prose and tables of that reading, with
    /// its steps and findings in the first run's line numbers, or nil when it
    /// reads the same tables in the same places: the tables are then a
    /// fixpoint of stage 3.
    /// `memo` holds the reading-order searches of the first recognition
    /// (and of earlier rounds): those the reading meets again are not run
    /// again.
    ///
    /// The reading is first only probed (`readsTheSame`), over the stretches
    /// a table can be read from and keeping no table it reads as the first
    /// run did; reading it in full, which holds every line, table and finding
    /// of it once more, is done only when something changes, which on the
    /// corpus is never (JoinFixpoint.swift does the same).
    func settled(_ prose: [[LogicalLine]], tables: [PlacedTable], reportEdition: Int? = nil, memo: ReadingOrderRecovery.Memo? = nil,
                 context: PipelineContext) -> (prose: [[LogicalLine]], tables: [PlacedTable])? {
        let readBack = ReadBack(prose: prose, tables: tables)
        let probedSame = readsTheSame(readBack, reportEdition: reportEdition, memo: memo)
        // Debug builds (the tests) read every document in full as well: the
        // probe must say what the full reading says.
        assert(probedSame == (readInFull(readBack, reportEdition: reportEdition, memo: memo, context: PipelineContext(tracing: false)) == nil),
               "tables.settle: the probe and the full reading disagree")
        guard !probedSame else { return nil }
        return readInFull(readBack, reportEdition: reportEdition, memo: memo, context: context)
    }

    /// `settled` reading the whole document back.
    private func readInFull(_ readBack: ReadBack, reportEdition: Int?, memo: ReadingOrderRecovery.Memo?, context: PipelineContext)
        -> (prose: [[LogicalLine]], tables: [PlacedTable])? {
        let tables = readBack.tables
        typealias Origin = ReadBack.Origin
        var lines: [SourceLine] = []
        var origins: [Origin] = []
        lines.reserveCapacity(readBack.count)
        origins.reserveCapacity(readBack.count)
        readBack.forEachLine { index, line, origin in
            lines.append(SourceLine(number: index + 1, text: line.text))
            origins.append(origin)
        }
        /// Reading lines of each table's rows.
        let tableLines = readBack.tableLines

        let reading = PipelineContext(tracing: context.tracing)
        let again = recognize(lines, reportEdition: reportEdition, memo: memo, context: reading)
        // Looked up, not searched: a long document reads tens of thousands
        // of tables, and a search per region (or per finding, below) was
        // quadratic in them.
        let tableAt = Self.firstIndices(of: tableLines)
        /// A region of the reading that is a table of the first run, in its place and as it reads.
        func same(_ region: Region) -> Bool {
            guard let k = tableAt[region.lines] else { return false }
            return tables[k].table.grid == region.table.grid
        }
        guard again.count != tables.count || !again.allSatisfy(same) else { return nil }

        /// First-run line numbers of a reading line.
        func numbers(_ index: Int) -> ClosedRange<Int>? {
            switch origins[index] {
            case .prose(let line): line.lines
            case .row(let table): tables[table].lines
            case .blank: nil
            }
        }
        func number(_ index: Int) -> Int? {
            var i = index
            while i < lines.count { if let n = numbers(i) { return n.lowerBound }; i += 1 }
            return nil
        }

        var newProse: [[LogicalLine]] = [[]]
        var newTables: [PlacedTable] = []
        var position = 0
        /// Lines of text a table of the reading read beside its region
        /// (`Region.apart`): the table's, not text (as `textStretches` has it).
        let apart = Set(again.flatMap { $0.apart.joined() }.filter { index in !again.contains { $0.lines.contains(index) } })
        func keep(upTo end: Int) {
            while position < end {
                switch origins[position] {
                case .prose(let line) where apart.contains(position):
                    context.traced(.tables, "tables.labelled-columns", line: line.lines.lowerBound, before: line.text, after: "")
                case .prose(let line): newProse[newProse.count - 1].append(line)
                case .row(let table):
                    // A row the reading left out of every table is a line of
                    // text in a second run.
                    newProse[newProse.count - 1].append(
                        LogicalLine(text: lines[position].text, lines: tables[table].lines))
                case .blank: break
                }
                position += 1
            }
        }
        let changed = again.map { !same($0) }
        for (region, isChanged) in zip(again, changed) {
            keep(upTo: region.lines.lowerBound)
            let covered = region.lines.compactMap(numbers)
            let span = covered.map(\.lowerBound).min()!...covered.map(\.upperBound).max()!
            newTables.append(PlacedTable(table: region.table, lines: span))
            newProse.append([])
            position = region.lines.upperBound + 1
            // Running text inside the region's span goes after the table
            // (`tables.span-text`), as `textStretches` puts it.
            for index in region.after {
                switch origins[index] {
                case .prose(let line): newProse[newProse.count - 1].append(line)
                case .row(let table): newProse[newProse.count - 1].append(LogicalLine(text: lines[index].text, lines: tables[table].lines))
                case .blank: break
                }
            }
            guard isChanged else { continue }
            context.traced(.tables, "tables.settle", line: span.lowerBound,
                           before: lines[region.lines].map(\.text).joined(separator: "⏎"),
                           after: (region.table.grid.map { $0.joined(separator: "\t") } + region.after.map { lines[$0].text }).joined(separator: "⏎"))
            context.report(.tables, "tables.settle", .repair,
                           "table \(region.table.templateID ?? "") on lines \(span.lowerBound)–\(span.upperBound) read again as a second run reads the output (the table as its grid, the text beside it as it stands); that reading is kept",
                           line: span.lowerBound)
        }
        keep(upTo: lines.count)

        // Stage 4 has reported nothing yet but what it found matching tables,
        // each finding at or after its table's first line (a value past the
        // table's end is reported where the reading stopped): a finding
        // belongs to the last table opening at or before its line. What was
        // found matching the first run's tables that this reading does not
        // keep is withdrawn; the reading's own findings for the tables it
        // changed are reported instead, and its cell-level steps detail the
        // settle step (its region steps are the settle step, and its stage-3
        // findings speak of the reading's line numbers, not the input's).
        let kept = Set(zip(again, changed).filter { !$0.1 }.compactMap { tableAt[$0.0.lines] })
        context.withdraw { d in
            guard d.stage == .structure, let line = d.line,
                  let k = Self.lastIndex(in: tables, atMost: line, by: \.lines.lowerBound) else { return false }
            return !kept.contains(k)
        }
        func mapped(_ line: Int?) -> (inside: Bool, line: Int?) {
            guard let line, let k = Self.lastIndex(in: again, atMost: line - 1, by: \.lines.lowerBound), changed[k] else { return (false, nil) }
            return (true, number(line - 1))
        }
        for step in reading.trace where step.stage == .structure {
            let (inside, line) = mapped(step.line)
            if inside { context.traced(step.stage, step.rule, line: line, before: step.before, after: step.after) }
        }
        // So are the numbers its tables took in and placed nowhere: text of
        // the first run's output that this reading drops (the stray values
        // under a table 二 whose grid wins over the match, TableRecognizer's
        // `placeByLabels`), reported as the first run reports its own.
        for d in reading.diagnostics
        where d.stage == .structure || d.rule == "tables.labelled-columns" && d.kind == .suspicion || d.rule == "tables.span-text" {
            let (inside, line) = mapped(d.line)
            if inside { context.report(d.stage, d.rule, d.kind, d.message, line: line, cells: d.cells) }
        }
        return (newProse, newTables)
    }
}

extension TableRecognizer {
    /// Whether a second run reads the same tables in the same places, and
    /// nothing more: `settled`'s test, holding as little as it can.
    /// A table that is its template's whole grid is not matched again where
    /// nothing can change its reading (`KnownReading`): on the 1 MB bench,
    /// most tables (the match, its cell stream and `readsAs` were ~150 M
    /// instructions of the probe's 270 M).
    ///
    /// A table is tried only at a line whose first scalar past TAB and space
    /// opens an anchor (`anchorFirsts`), and what `recognize` reads from there
    /// lies near it: the cell stream an anchor's match reads is built over
    /// `2 × maxLines` lines from that anchor or an earlier one, the
    /// reading-order stretch and the region end within `maxLines`. So only
    /// the reading lines from `maxLines` before such a line to `2 × maxLines`
    /// after it are made (a margin before it too, for a reading that looks
    /// back), each with its number in the whole reading: every anchor sees
    /// the lines it would see in the whole reading, in the same order, and
    /// carries the same edition to the next one. A document of short lines or
    /// blank-line runs has no line to read. (Whatever comes to read further
    /// from an anchor must widen these margins.) Each table read as the first
    /// run read it is kept as its place only, and the findings are not kept:
    /// the full reading, when one is needed, makes them again.
    ///
    /// The rows after the first of a table kept as a known reading are not
    /// read while the recognition keeps nothing but known readings: it goes
    /// from the table's first row to the line after its last, and looks past
    /// that only to the next block's first line. Where such a table's first
    /// row opens its template's anchor (the recognition stops there, and
    /// keeps the table or does more) and no stretch opens inside the table,
    /// those rows are left empty (`lines(in:eliding:)`), made only once the
    /// recognition first does more than keep a known reading (`recognize`'s
    /// `linesInFull`). Joining every row's cells was ~20 M instructions of
    /// the 1 MB bench, and most documents' tables are all known readings.
    func readsTheSame(_ readBack: ReadBack, reportEdition: Int? = nil, memo: ReadingOrderRecovery.Memo?) -> Bool {
        let before = rules.matching.maxLines, after = 2 * rules.matching.maxLines
        // The stretches to read, in order (overlapping ones merged).
        var windows: [Range<Int>] = []
        readBack.forEachLineOpening(with: anchorFirsts) { index in
            let window = max(0, index - before)..<min(readBack.count, index + after)
            if let last = windows.last, last.upperBound >= window.lowerBound {
                windows[windows.count - 1] = last.lowerBound..<window.upperBound
            } else {
                windows.append(window)
            }
        }
        guard !windows.isEmpty else { return readBack.tables.isEmpty }

        let tableAt = Self.firstIndices(of: readBack.tableLines)
        // The tables that are their template's whole grid, by their first reading line.
        var known: [Int: KnownReading] = [:]
        // Those of them in one stretch, and where their first row is in the
        // lines: their rows but the first are left empty until read.
        var elidable: [(table: Int, at: Int)] = []
        var w = 0, windowStart = 0
        for (k, span) in readBack.tableLines.enumerated() where tableAt[span] == k {
            guard let reading = knownReading(readBack.tables[k].table) else { continue }
            known[span.lowerBound] = reading
            while w < windows.count && windows[w].upperBound <= span.lowerBound {
                windowStart += windows[w].count
                w += 1
            }
            if w < windows.count, windows[w].contains(span.lowerBound), windows[w].contains(span.upperBound), span.count > 1 {
                elidable.append((k, windowStart + span.lowerBound - windows[w].lowerBound))
            }
        }
        var draft = readBack.lines(in: windows, eliding: Set(elidable.map(\.table)))
        /// The rows after the first of table `k`, whose first row is `draft[at]`, made.
        func makeRows(of k: Int, at: Int, in lines: inout [SourceLine]) {
            for (r, row) in readBack.tables[k].table.grid.enumerated().dropFirst() { lines[at + r].text = row.joinedByTab }
        }
        // Only where the first row opens the template's anchor: elsewhere the rows are made now.
        var elided: [(table: Int, at: Int)] = []
        for (k, at) in elidable {
            assert(draft[at].number == readBack.tableLines[k].lowerBound + 1, "tables.settle: a table's first row out of place")
            if let reading = known[readBack.tableLines[k].lowerBound],
               templatesAnchored(draft[at].text, emptyAnchors: true).contains(reading.template) {
                elided.append((k, at))
            } else {
                makeRows(of: k, at: at, in: &draft)
            }
        }
        let lines = draft
        var found = 0, allSame = true
        _ = recognize(lines, reportEdition: reportEdition, memo: memo, context: PipelineContext(tracing: false, collecting: false),
                      gridsOnly: true, firstReading: { region in
                          let span = (lines[region.lowerBound].number - 1)...(lines[region.upperBound].number - 1)
                          return tableAt[span].map { readBack.tables[$0].table.grid }
                      }, knownReading: { known.isEmpty ? nil : known[lines[$0].number - 1] },
                      linesInFull: elided.isEmpty ? nil : {
                          var full = lines
                          for (k, at) in elided { makeRows(of: k, at: at, in: &full) }
                          return full
                      }) { region in
            found += 1
            let span = (lines[region.lines.lowerBound].number - 1)...(lines[region.lines.upperBound].number - 1)
            if let k = tableAt[span], readBack.tables[k].table.grid == region.table.grid {} else { allSame = false }
            return Region(lines: region.lines, table: Table(grid: []))
        }
        return allSame && found == readBack.tables.count
    }

    /// A table of the first run that is its template's whole grid: each
    /// label cell the template's label, each value slot one value token,
    /// each empty cell empty, every relation holding. Its rows read
    /// back, the template's match finds each label where it stands and each
    /// value as the token it is, leaves no slot empty and repairs nothing:
    /// it reads the grid whole and as it is, score 1 (`readsAs`), and the
    /// probe keeps it without matching (`recognize`'s `knownReading`).
    struct KnownReading {
        /// Index of the template in the rules.
        var template: Int
        var grid: [[String]]

        /// A template's cells, row after row, as `knownReading` tests a
        /// grid against them: a label cell its label's bytes, an empty
        /// cell empty, a value slot one value token.
        struct Cells: Sendable {
            enum Kind: UInt8, Sendable { case label, empty, value }
            let rows: Int
            let columns: Int
            let kinds: [Kind]
            /// Each label cell's label ("" at the other cells).
            let labels: [String]
            /// Whether a grid can be the template's whole grid: every row
            /// has `columns` cells and no label is empty (an empty label is
            /// never found, and a row of other width never fills the grid).
            let canBeWhole: Bool

            init(_ template: TableTemplate) {
                var kinds: [Kind] = [], labels: [String] = []
                var canBeWhole = true
                for row in template.rows {
                    if row.cells.count != template.columns { canBeWhole = false }
                    for cell in row.cells {
                        switch cell {
                        case .label(let label):
                            if label.isEmpty { canBeWhole = false }
                            kinds.append(.label)
                            labels.append(label)
                        case .empty:
                            kinds.append(.empty)
                            labels.append("")
                        case .value:
                            kinds.append(.value)
                            labels.append("")
                        }
                    }
                }
                rows = template.rows.count
                columns = template.columns
                self.kinds = kinds
                self.labels = labels
                self.canBeWhole = canBeWhole
            }
        }
    }

    /// `table` as a `KnownReading`, if it is one. Its cells are tested
    /// against the template's `Cells`, made once; every test is pure, so
    /// their order does not change the answer.
    func knownReading(_ table: Table) -> KnownReading? {
        guard let id = table.templateID, let t = templateIndexByID[id] else { return nil }
        let cells = wholeGridCells[t], grid = table.grid
        guard cells.canBeWhole, grid.count == cells.rows else { return nil }
        // Taken from `rules` once, not at each value cell (a retain and a
        // release of it each time).
        let grammar = rules.valueGrammar
        var k = 0
        for row in grid {
            guard row.count == cells.columns else { return nil }
            for text in row {
                switch cells.kinds[k] {
                // (A label not found, or found further on, is no whole grid.)
                // (Its bytes: the match compares scalars, and `==` takes 行
                // U+FA08 for 行 U+884C. A label cell of the first run's grid
                // is nearly always the template's label itself, told
                // without a call: ~4 M instructions of the 1 MB bench.)
                case .label:
                    guard text.isBitwiseIdentical(to: cells.labels[k]) || text.hasSameUTF8(as: cells.labels[k]) else { return nil }
                case .empty: guard text.isEmpty else { return nil }
                case .value: guard isOneValueToken(text, grammar: grammar) else { return nil }
                }
                k += 1
            }
        }
        let template = rules.templates[t], rows = template.rows
        // Whether every relation holds, as the first run found it: its
        // checks are the relations of these values (`TableArithmetic.check`,
        // after any repair of them), one a site where every value is a
        // number. Summing them again cost ~20 M instructions of the 1 MB bench.
        func allHold() -> Bool {
            TableArithmetic.allHold(template, rows: rows.count, slots: { rows[$0].valueColumns.count },
                                    number: { r, slot in TableArithmetic.number(grid[r][rows[r].valueColumns[slot]]) })
        }
        let holds: Bool
        if table.checks.count == template.checkSites.count {
            holds = table.checks.allSatisfy(\.holds)
            assert(holds == allHold(), "tables.settle: a table's checks are not its grid's")
        } else {
            holds = allHold()
        }
        return holds ? KnownReading(template: t, grid: grid) : nil
    }

    /// Whether the cell `text` is one value as the cell stream cuts it and
    /// the match reads it (`valueEnd`): a value (`isValue`), not empty, and
    /// one cell of the stream's cut (`CellCut`: no separator in it, no Han
    /// prefix right after a digit). ASCII digits (most cells) are told on
    /// their bytes, read in place: through the UTF-8 view's iterator each
    /// byte cost ~28 instructions (callgrind).
    /// `grammar`: the rules' value grammar, taken once by the caller.
    func isOneValueToken(_ text: String, grammar: ValueGrammar? = nil) -> Bool {
        guard !text.isEmpty else { return false }
        if (grammar ?? rules.valueGrammar).plainDigitsAreValues,
           text.utf8.withContiguousStorageIfAvailable({ Self.allASCIIDigits($0) }) ?? text.utf8.allSatisfy({ $0 &- 0x30 < 10 }) {
            return true
        }
        let scalars = text.unicodeScalars
        return (grammar ?? rules.valueGrammar).cellCut.cellEnd(in: scalars, from: scalars.startIndex) == scalars.endIndex && rules.isValue(text)
    }

    /// Whether every byte is an ASCII digit.
    static func allASCIIDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            guard bytes[i] &- 0x30 < 10 else { return false }
            i += 1
        }
        return true
    }

    /// Whether the match of a whole grid whose last row is `lines[last]`
    /// reads nothing after it: the text that follows (past blank lines and
    /// the cell stream's separators) opens with no value, which the last row
    /// would read as values over (its first token, cut as the stream cuts
    /// it), and no rule scalar (`-` `:` `=`: a rule token the stream drops,
    /// whatever follows it then read). A whole grid's match leaves no group
    /// label open and no label's end to come, so nothing else is looked for
    /// past its last value.
    func readsOnlyItself(_ lines: [SourceLine], through last: Int) -> Bool {
        for line in lines[(last + 1)...] {
            let text = line.text.unicodeScalars
            guard let first = text.firstIndex(where: { !CellCut.isSeparator($0) }) else { continue }
            let opening = text[first]
            guard opening != "-" && opening != ":" && opening != "=" else { return false }
            guard rules.valueOpeners.contains(opening) else { return true }
            return !rules.isValue(Array(text[first..<rules.valueGrammar.cellCut.cellEnd(in: text, from: first)])[...])
        }
        return true
    }

    /// Debug builds: whether the match `recognize` makes at `lines[i]` with
    /// `template`, its stream built over `window`, reads `grid` with score 1
    /// and ends on `lines[last]`: what a `KnownReading` takes without it.
    func matchReads(_ grid: [[String]], template: TableTemplate, in lines: [SourceLine], window: Range<Int>, at i: Int,
                    through last: Int) -> Bool {
        let from = window.lowerBound
        let stream = cellStream(lines[window]).ending(atLine: i - from + rules.matching.maxLines)
        let start = i - from < stream.lineStart.count ? stream.lineStart[i - from] : stream.count
        let m = matcher.match(template, in: stream, from: start, tracing: false, reporting: false)
        return m.score >= 1 && m.end > start && from + lineIndex(of: m.end - 1, in: stream) == last
            && readsAs(m, grid: grid, in: stream, lineText: lines[i].text.unicodeScalars.drop { $0 == "\t" || $0 == " " })
    }

    /// Whether `recognize`, keeping the complete match `m` with `gridsOnly`,
    /// would keep exactly `grid`: no value slot left empty and none over,
    /// every relation holding (so the rules read as digits are not repaired),
    /// and its grid, the anchor's header label filled in as `keepAnchorLabel`
    /// fills it, equal to `grid` cell by cell (`==`, as the probe compares).
    /// Read from the match's placements, as `materialized` reads them, without
    /// building its rows. False where it cannot tell as simply (a value read
    /// from a lookalike, an empty value): the match is then materialized.
    func readsAs(_ m: TemplateMatcher.Match, grid: [[String]], in stream: CellStream, lineText: Substring.UnicodeScalarView) -> Bool {
        guard m.surplus == 0 else { return false }
        let template = m.template, rows = template.rows, columns = template.columns
        // Every value slot holds stream text (`missingValues` is 0).
        for r in 0..<m.rowsRead {
            for column in rows[r].valueColumns {
                guard case .text(let range) = m.placed[r * columns + column], !range.isEmpty else { return false }
            }
        }
        let scalars = stream.scalars
        /// `TableArithmetic.number` of the stream's text in `range`: a run
        /// of 1 to 15 ASCII digits (nearly every value) read on its scalars,
        /// as `number` reads it on its bytes; any other text made and read.
        func number(_ range: Range<Int>) -> Double? {
            guard !range.isEmpty, range.count <= 15 else { return TableArithmetic.number(stream.text(range)) }
            var n = 0
            for k in range {
                let digit = scalars[k].value &- 0x30
                guard digit < 10 else { return TableArithmetic.number(stream.text(range)) }
                n = n * 10 + Int(digit)
            }
            return Double(n)
        }
        guard TableArithmetic.allHold(template, rows: m.rowsRead, slots: { rows[$0].valueColumns.count }, number: { row, slot in
            guard case .text(let range) = m.placed[row * columns + rows[row].valueColumns[slot]] else { return nil }
            return number(range)
        }) else { return false }
        /// Whether the stream's text in `range` is `text`, scalar for scalar
        /// (then `==`; where not, the match is materialized and compared).
        func reads(_ range: Range<Int>, as text: String) -> Bool {
            var k = range.lowerBound
            for scalar in text.unicodeScalars {
                guard k < range.upperBound, scalars[k] == scalar else { return false }
                k += 1
            }
            return k == range.upperBound
        }
        // The header cell `keepAnchorLabel` fills when it is empty (a header
        // row's: always a grid row). Looked for only when a cell is empty
        // where one of the template's anchor labels stands: that label is
        // nearly always found in place, and asking which anchor opens the
        // line at every table cost ~2.5 M instructions of the 1 MB bench.
        let labelsOfAnchors = anchorLabels[template.id] ?? []
        var anchorCellLooked = false
        var anchorCell: AnchorLabel?
        /// The text `keepAnchorLabel` gives the empty cell at row `r`, `column` ("" where none).
        func anchorText(row r: Int, column: Int) -> String {
            guard rows[r].isHeader, labelsOfAnchors.contains(where: { $0.contains { $0.row == r && $0.column == column } }) else { return "" }
            if !anchorCellLooked {
                anchorCellLooked = true
                if let a = template.anchors.firstIndex(where: { lineText.starts(with: $0.unicodeScalars) }), a < labelsOfAnchors.count {
                    anchorCell = labelsOfAnchors[a].first { $0.row < m.rowsRead }
                }
            }
            guard let cell = anchorCell, cell.row == r, cell.column == column else { return "" }
            return cell.label
        }
        var g = 0
        for r in 0..<m.rowsRead {
            let rowCells = rows[r].cells, base = r * columns
            // A row with nothing in it is no grid row (`materialized`).
            var hasText = rows[r].isHeader
            for column in 0..<columns where !hasText {
                switch m.placed[base + column] {
                case .empty: break
                case .label: if case .label(let label) = rowCells[column], !label.isEmpty { hasText = true }
                case .text(let range): hasText = !range.isEmpty
                case .lookalike: return false
                }
            }
            guard hasText else { continue }
            guard g < grid.count, grid[g].count == columns else { return false }
            let expected = grid[g]
            for column in 0..<columns {
                switch m.placed[base + column] {
                case .empty: break
                case .label:
                    if case .label(let label) = rowCells[column], !label.isEmpty {
                        guard label == expected[column] else { return false }
                        continue
                    }
                case .text(let range):
                    if !range.isEmpty { guard reads(range, as: expected[column]) else { return false }; continue }
                case .lookalike: return false
                }
                // An empty cell, or the anchor label `keepAnchorLabel` puts there.
                guard expected[column] == anchorText(row: r, column: column) else { return false }
            }
            g += 1
        }
        return g == grid.count
    }

    /// Each table's reading lines to the first table with them.
    static func firstIndices(of tableLines: [ClosedRange<Int>]) -> [ClosedRange<Int>: Int] {
        var first: [ClosedRange<Int>: Int] = [:]
        for (k, span) in tableLines.enumerated() where first[span] == nil { first[span] = k }
        return first
    }

    /// `lastIndex(where: { key($0) <= bound })` of an array in ascending
    /// order of `key`, by binary search.
    static func lastIndex<Element>(in array: [Element], atMost bound: Int, by key: (Element) -> Int) -> Int? {
        var lo = 0, hi = array.count  // the first index whose key exceeds `bound` is in lo...hi
        while lo < hi {
            let mid = (lo + hi) / 2
            if key(array[mid]) <= bound { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? lo - 1 : nil
    }

    /// The output of stages 2 and 3 as a second run reads it: each logical
    /// line one line, each table its grid rows (cells joined by TAB), a blank
    /// line between blocks. Described, not held: `forEachLine` makes its lines.
    struct ReadBack {
        /// Where each line of the reading came from: a logical line of the
        /// prose, a row of a table, or the blank line between two blocks.
        enum Origin { case prose(LogicalLine), row(table: Int), blank }

        /// A line of the reading: a prose line's text, or a table row's cells,
        /// joined by TAB only when its text is asked for.
        struct Line {
            private let prose: String?
            private let cells: [String]

            init(_ text: String) { prose = text; cells = [] }
            init(cells: [String]) { prose = nil; self.cells = cells }

            var text: String { prose ?? cells.joinedByTab }
        }

        let prose: [[LogicalLine]]
        let tables: [PlacedTable]
        /// Reading lines of each table's rows (-1...-1 for an empty grid,
        /// which would be no lines).
        private(set) var tableLines: [ClosedRange<Int>] = []
        /// Lines of the reading.
        private(set) var count = 0

        init(prose: [[LogicalLine]], tables: [PlacedTable]) {
            self.prose = prose
            self.tables = tables
            // Counted as `forEachLine` makes them, without making their text.
            var index = 0
            for (s, segment) in prose.enumerated() {
                for _ in segment { index += index > 0 ? 2 : 1 }
                guard s < tables.count else { continue }
                // A table is one block: a blank line before it, none between its rows.
                // (Stage 4 always gives a table its header rows; an empty grid,
                // were there one, would be no lines and match no region.)
                let rows = tables[s].table.grid.count
                guard rows > 0 else { tableLines.append(-1...(-1)); continue }
                index += index > 0 ? 2 : 1
                let first = index - 1
                index += rows - 1
                tableLines.append(first...(index - 1))
            }
            count = index
        }

        /// The first `count` non-blank lines of the reading (a logical line,
        /// a table row), as `forEachLine` makes them: what a second run
        /// searches for the report's name (`StructureRecovery.openingYear`).
        static func opening(_ prose: [[LogicalLine]], tables: [PlacedTable], lines count: Int) -> [SourceLine] {
            var lines: [SourceLine] = []
            func add(_ text: String) -> Bool {
                guard lines.count < count else { return false }
                if !text.isEmpty { lines.append(SourceLine(number: lines.count + 1, text: text)) }
                return true
            }
            for (s, segment) in prose.enumerated() {
                for line in segment { guard add(line.text) else { return lines } }
                guard s < tables.count else { continue }
                for row in tables[s].table.grid { guard add(row.joinedByTab) else { return lines } }
            }
            return lines
        }

        /// The index of each line of the reading whose first scalar past TAB
        /// and space is in `firsts`, in order (a blank line has none), read
        /// on each line's or cell's UTF-8 bytes in place. The probe asks it
        /// of every line of every document, most of which opens no window:
        /// making each `forEachLine` `Line` and walking its scalar view cost
        /// ~120 instructions a line (125 M of a 10 MB document of short lines).
        func forEachLineOpening(with firsts: ScalarSet, _ body: (_ index: Int) -> Void) {
            var index = 0
            for (s, segment) in prose.enumerated() {
                for line in segment {
                    if index > 0 { index += 1 }
                    if Self.firstPastBlanks(of: line.text, isIn: firsts) == true { body(index) }
                    index += 1
                }
                guard s < tables.count else { continue }
                let grid = tables[s].table.grid
                guard !grid.isEmpty else { continue }
                if index > 0 { index += 1 }
                for row in grid {
                    // The row's text is its cells joined by TAB, a blank: its
                    // first scalar past blanks is its first non-blank cell's.
                    var opens = false
                    for cell in row {
                        guard let found = Self.firstPastBlanks(of: cell, isIn: firsts) else { continue }
                        opens = found
                        break
                    }
                    if opens { body(index) }
                    index += 1
                }
            }
        }

        /// Whether the first scalar of `text` that is neither TAB nor space
        /// is in `set` (nil: there is none), read on its UTF-8 bytes (TAB and
        /// space are one byte each, so skipping them skips those scalars).
        static func firstPastBlanks(of text: String, isIn set: ScalarSet) -> Bool? {
            func first(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
                var i = 0
                while i < bytes.count && (bytes[i] == 0x09 || bytes[i] == 0x20) { i += 1 }
                guard i < bytes.count else { return nil }
                return set.contains(decodeUTF8Scalar(bytes, at: i).value)
            }
            if let found = text.utf8.withContiguousStorageIfAvailable(first) { return found }
            var copy = text
            return copy.withUTF8(first)
        }

        /// The lines of the reading whose indices `windows` (ascending, apart)
        /// hold, each numbered by its index in the whole reading plus one:
        /// `forEachLine`'s lines there, made without a `Line` for each line
        /// of the reading, and no more looked at past the last window (a
        /// `Line` and an append through `forEachLine`'s closure per line cost
        /// ~400 instructions a line of a 10 MB document of table rows).
        /// `eliding`: tables whose rows after the first are given as empty
        /// lines, their cells not joined (`readsTheSame`).
        func lines(in windows: [Range<Int>], eliding: Set<Int> = []) -> [SourceLine] {
            var lines: [SourceLine] = []
            lines.reserveCapacity(windows.reduce(0) { $0 + $1.count })
            var w = 0, index = 0
            /// The next line, at `index`, if a window holds it.
            func add(_ text: @autoclosure () -> String) {
                while w < windows.count && windows[w].upperBound <= index { w += 1 }
                if w < windows.count && windows[w].contains(index) { lines.append(SourceLine(number: index + 1, text: text())) }
                index += 1
            }
            for (s, segment) in prose.enumerated() {
                guard w < windows.count else { break }
                for line in segment {
                    if index > 0 { add("") }
                    add(line.text)
                }
                guard s < tables.count else { continue }
                let grid = tables[s].table.grid
                guard !grid.isEmpty else { continue }
                if index > 0 { add("") }
                if !eliding.isEmpty, eliding.contains(s) {
                    add(grid[0].joinedByTab)
                    for _ in grid.dropFirst() { add("") }
                } else {
                    for row in grid { add(row.joinedByTab) }
                }
            }
            return lines
        }

        /// Each line of the reading in order: its index, line and origin.
        func forEachLine(_ body: (_ index: Int, _ line: Line, _ origin: Origin) -> Void) {
            var index = 0
            func add(_ line: Line, _ origin: Origin) {
                if index > 0 {
                    body(index, Line(""), .blank)
                    index += 1
                }
                body(index, line, origin)
                index += 1
            }
            for (s, segment) in prose.enumerated() {
                for line in segment { add(Line(line.text), .prose(line)) }
                guard s < tables.count else { continue }
                let grid = tables[s].table.grid
                guard !grid.isEmpty else { continue }
                add(Line(cells: grid[0]), .row(table: s))
                for row in grid.dropFirst() {
                    body(index, Line(cells: row), .row(table: s))
                    index += 1
                }
            }
        }
    }
}
