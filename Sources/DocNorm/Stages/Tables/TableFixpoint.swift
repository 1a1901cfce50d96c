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
/// that costs one more match per table.
extension TableRecognizer {
    /// A table of the document and the source line numbers it came from.
    struct PlacedTable {
        var table: Table
        var lines: ClosedRange<Int>
    }

    /// Rounds of reading back after which the readings are taken as they
    /// stand: a bound, not a rule (on the corpus none is needed; the fuzzer's
    /// damaged tables settle in one).
    static let maxSettleRounds = 4

    /// The document as stage 2 and stage 3 left it (`prose` has one stretch
    /// more than `tables`: before, between and after them), read back as a
    /// second run reads it. Returns the prose and tables of that reading, with
    /// its steps and findings in the first run's line numbers, or nil when it
    /// reads the same tables in the same places: the tables are then a
    /// fixpoint of stage 3.
    /// `memo` holds the reading-order searches of the first recognition
    /// (and of earlier rounds): those the reading meets again are not run
    /// again.
    func settled(_ prose: [[LogicalLine]], tables: [PlacedTable], memo: ReadingOrderRecovery.Memo? = nil, context: PipelineContext)
        -> (prose: [[LogicalLine]], tables: [PlacedTable])? {
        /// Where each line of the reading came from: a logical line of the
        /// prose, a row of a table, or the blank line between two blocks.
        enum Origin { case prose(LogicalLine), row(table: Int), blank }
        var lines: [SourceLine] = []
        var origins: [Origin] = []
        /// Reading lines of each table's rows.
        var tableLines: [ClosedRange<Int>] = []
        func add(_ text: String, _ origin: Origin) {
            if !lines.isEmpty {
                lines.append(SourceLine(number: lines.count + 1, text: ""))
                origins.append(.blank)
            }
            lines.append(SourceLine(number: lines.count + 1, text: text))
            origins.append(origin)
        }
        for (s, segment) in prose.enumerated() {
            for line in segment { add(line.text, .prose(line)) }
            guard s < tables.count else { continue }
            let grid = tables[s].table.grid
            // A table is one block: a blank line before it, none between its rows.
            // (Stage 4 always gives a table its header rows; an empty grid,
            // were there one, would be no lines and match no region.)
            guard !grid.isEmpty else { tableLines.append(-1...(-1)); continue }
            add(grid[0].joined(separator: "\t"), .row(table: s))
            let first = lines.count - 1
            for row in grid.dropFirst() {
                lines.append(SourceLine(number: lines.count + 1, text: row.joined(separator: "\t")))
                origins.append(.row(table: s))
            }
            tableLines.append(first...(lines.count - 1))
        }

        let reading = PipelineContext(tracing: context.tracing)
        let again = recognize(lines, memo: memo, context: reading)
        /// A region of the reading that is a table of the first run, in its place and as it reads.
        func same(_ region: Region) -> Bool {
            guard let k = tableLines.firstIndex(of: region.lines) else { return false }
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
        func keep(upTo end: Int) {
            while position < end {
                switch origins[position] {
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
            guard isChanged else { continue }
            context.traced(.tables, "tables.settle", line: span.lowerBound,
                           before: lines[region.lines].map(\.text).joined(separator: "⏎"),
                           after: region.table.grid.map { $0.joined(separator: "\t") }.joined(separator: "⏎"))
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
        let kept = Set(zip(again, changed).filter { !$0.1 }.compactMap { tableLines.firstIndex(of: $0.0.lines) })
        context.withdraw { d in
            guard d.stage == .structure, let line = d.line,
                  let k = tables.lastIndex(where: { $0.lines.lowerBound <= line }) else { return false }
            return !kept.contains(k)
        }
        func mapped(_ line: Int?) -> (inside: Bool, line: Int?) {
            guard let line, let k = again.lastIndex(where: { $0.lines.lowerBound <= line - 1 }), changed[k] else { return (false, nil) }
            return (true, number(line - 1))
        }
        for step in reading.trace where step.stage == .structure {
            let (inside, line) = mapped(step.line)
            if inside { context.traced(step.stage, step.rule, line: line, before: step.before, after: step.after) }
        }
        for d in reading.diagnostics where d.stage == .structure {
            let (inside, line) = mapped(d.line)
            if inside { context.report(d.stage, d.rule, d.kind, d.message, line: line) }
        }
        return (newProse, newTables)
    }
}
