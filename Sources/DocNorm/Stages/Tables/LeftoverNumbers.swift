/// Stage 3, `tables.leftover-numbers`: a table whose stretch holds more
/// numbers than its value cells because the table before it left numbers
/// over, read from what follows them.
///
/// pdfminer of a LibreOffice PDF reads table 三 by its column boxes
/// (`tables.header-runs`, most cells left empty) and prints some of those
/// boxes after table 四's heading and anchor, before 四's own header and
/// values (四、政府信息公开行政复议… ⏎ 行政复议 ⏎ 行政诉讼 ⏎ 1 ⏎ 0 ⏎ … ⏎ 结果 ⏎ 维持
/// ⏎ … ⏎ 2 ⏎ 1 …): 54 numbers for 15 cells, and table 四 was lost.
///
/// Where the table right before (nothing but blank lines and a section
/// heading between) was placed in no reading order (`tables.header-runs`,
/// `tables.debris`) and left value cells empty, up to that many numbers at the
/// stretch's head are set apart as its leftovers, at each line end in turn,
/// and the table is read from the rest as the reading-order search reads a
/// stretch. A reading counts only when every relation of the template
/// holds (no cell let off) and it agrees with the header pieces drawn
/// between its numbers (`HeaderPieceEvidence`: the rest opens with the
/// table's header, not in the leftovers' middle). It is taken only when
/// every way of setting numbers apart gives that one table; where two
/// tables hold, nothing is read, and that is reported (a wrong value is
/// worse than a missing one). The numbers set apart are reported, not
/// placed: which cells of the table before they are, nothing says.
extension TableRecognizer {
    /// The table before a stretch, with value cells left empty: its
    /// template, how many, and the index of its region's last line.
    struct OpenCells {
        var table: String
        var count: Int
        var lastLine: Int
    }

    /// A table read past the leftovers of the table before it.
    struct PastLeftovers {
        var reading: ReadingOrderRecovery.Reading
        var tokens: [ReadingOrderRecovery.Token]
        var lastLine: Int
        /// The numbers set apart (the table before's), in order.
        var setApart: [ReadingOrderRecovery.Token]
    }

    /// The empty value cells of a placement (nil: none).
    static func openCells(_ placement: LabelledColumnRecovery.Placement) -> OpenCells? {
        let count = placement.values.reduce(0) { $0 + $1.reduce(0) { $1 == nil ? $0 + 1 : $0 } }
        return count > 0 ? OpenCells(table: placement.template.id, count: count, lastLine: placement.lastLine) : nil
    }

    /// `tables.leftover-numbers` at the anchor `lines[start]`, whose stretch
    /// (to `end`) the reading-order search rejected: the one table of
    /// `candidates` read from the numbers after the leftovers of `open`, or
    /// nil (reported when more than one table would be read).
    func readPastLeftovers(_ lines: [SourceLine], at start: Int, end: Int, open: OpenCells?, candidates: [TableTemplate],
                           context: PipelineContext) -> PastLeftovers? {
        guard let open, open.lastLine < start, start < end,
              lines[(open.lastLine + 1)..<start].allSatisfy({ line in
                  line.text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } || isSectionHeading(line)
              }) else { return nil }
        let usable = candidates.filter { ReadingOrderRecovery.uniformSlots($0) != nil && !$0.checks.isEmpty }
        guard !usable.isEmpty else { return nil }
        let tokens = readingOrder.numbers(in: lines[start..<end])
        let limit = rules.readingOrder.maxDroppedTokens
        /// Every table read, by its values' texts: the cheapest reading of it.
        var found: [[String]: PastLeftovers] = [:]
        for template in usable {
            let cells = template.rows.reduce(0) { $0 + ($1.isHeader ? 0 : $1.columnPaths.count) }
            // Only numbers over what the search itself may drop.
            guard tokens.count > cells + 2 * limit else { continue }
            var k = 0
            while k < tokens.count {
                // Set apart up to a line's end: numbers 0..<k.
                let line = tokens[k].lineIndex
                while k < tokens.count && tokens[k].lineIndex == line { k += 1 }
                guard k <= open.count, tokens.count - k >= cells else { break }
                guard tokens.count - k <= cells + 2 * limit else { continue }
                let rest = readingOrder.numbers(in: lines[(line + 1)..<end], refusingSigned: readingOrder.refusesSigned(template))
                let readings: [ReadingOrderRecovery.Reading]
                switch readingOrder.read(template, tokens: rest, explain: false) {
                case .success(let reading): readings = [reading]
                case .failure(let failure): readings = failure.ties
                }
                let (evidence, slotLabels) = readingOrder.headerPieces(template, lines: lines[(line + 1)..<end], tokens: rest)
                // The numbers set apart are exactly those before the rest:
                // none of the rest's first dropped as well.
                for reading in readings where reading.suspects.isEmpty && !reading.dropped.contains(0) {
                    guard !evidence.groups.isEmpty, evidence.agrees(readingOrder.labelling(reading, slotLabels)) else { continue }
                    let key = reading.cells.flatMap { $0.map { rest[$0].text } }
                    if let known = found[key], known.reading.cost <= reading.cost { continue }
                    let last = rest[reading.cells.flatMap { $0 }.max() ?? 0].lineIndex
                    found[key] = PastLeftovers(reading: reading, tokens: rest, lastLine: last, setApart: Array(tokens[..<k]))
                }
            }
        }
        guard found.count <= 1 else {
            context.report(.tables, "tables.leftover-numbers", .suspicion,
                           "the numbers after line \(lines[start].number) are more than the cells of table \(usable.map(\.id).joined(separator: ", ")); set apart the leftovers of table \(open.table) before them, \(found.count) readings with different values hold: none is taken",
                           line: lines[start].number)
            return nil
        }
        return found.values.first
    }

    /// The numbers set apart, reported as the table before's, and traced.
    /// The report names no cells: the empty cells they may fill are
    /// reported already, and its placed cells are right.
    func reportLeftovers(_ past: PastLeftovers, open: OpenCells, lines: [SourceLine], at start: Int, context: PipelineContext) {
        guard let first = past.setApart.first, let last = past.setApart.last else { return }
        let numbers = past.setApart.map(\.text).joined(separator: " ")
        let cells = past.reading.cells.reduce(0) { $0 + $1.count }
        context.report(.tables, "tables.leftover-numbers", .repair,
                       "table \(past.reading.template.id) after line \(lines[start].number): its stretch holds \(past.setApart.count + past.tokens.count) numbers for \(cells) cells; the first \(past.setApart.count), before its header, set apart as leftovers of table \(open.table) (\(open.count) of its cells left empty), the rest read in the only order that holds and agrees with its header pieces",
                       line: lines[start].number)
        context.report(.tables, "tables.leftover-numbers", .suspicion,
                       "number(s) \(numbers) after the anchor of table \(past.reading.template.id) look like leftovers of table \(open.table), whose empty cells they may fill; not placed",
                       line: first.line)
        context.traced(.tables, "tables.leftover-numbers", line: first.line,
                       before: lines[first.lineIndex...last.lineIndex].map(\.text).joined(separator: "⏎"), after: "")
    }
}

/// `tables.leftover-numbers`, numbers left standing between two tables:
/// a table with value cells left empty, then, before the next table,
/// nothing but section headings and paragraphs of lone numbers.
///
/// Chromium pdfminer prints a 2019 table 二's 对外公开总数量 column after the
/// next section heading (三、收到和处理政府信息公开申请情况 ⏎ 0 ⏎ 4 ⏎ 处理决定数量 …):
/// the table's other values are placed and its empty cells reported, but the
/// numbers stood as paragraphs with nothing said. A number alone as a
/// paragraph outside any table, where the table before lacks values, is that
/// table's debris: reported as its possible leftovers, not placed (which of
/// its empty cells they are, nothing says). Asked of the settled reading, so
/// only numbers that stay text are reported.
extension TableRecognizer {
    /// Reports the lone numbers of each stretch of `prose` between two
    /// tables of `placed` (table k stands after stretch k) when every line
    /// of the stretch is a section heading or lone numbers, and they are no
    /// more than the empty value cells of the table before. Nothing is
    /// changed: the finding is the step.
    func reportStrayNumbers(_ placed: [PlacedTable], prose: [[LogicalLine]], context: PipelineContext) {
        for k in placed.indices.dropLast() where k + 1 < prose.count {
            guard let id = placed[k].table.templateID, let template = rules.templates.first(where: { $0.id == id }) else { continue }
            let cells = template.rows.reduce(0) { $0 + ($1.isHeader ? 0 : $1.columnPaths.count) }
            let empty = cells - placed[k].table.records.reduce(0) { $0 + ($1.value.isEmpty ? 0 : 1) }
            guard empty > 0 else { continue }
            var numbers: [String] = []
            var first: Int?
            var onlyNumbers = true
            for line in prose[k + 1] {
                if isSectionHeading(text: line.text) { continue }
                let words = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard !words.isEmpty, words.allSatisfy({ rules.isValue(String($0)) }) else { onlyNumbers = false; break }
                numbers += words.map(String.init)
                if first == nil { first = line.lines.lowerBound }
            }
            guard onlyNumbers, let first, numbers.count <= empty else { continue }
            context.report(.tables, "tables.leftover-numbers", .suspicion,
                           "number(s) \(numbers.joined(separator: " ")) stand alone between table \(id) and the next table, outside both, and look like leftovers of table \(id), whose \(empty) empty cell(s) they may fill; not placed",
                           line: first)
        }
    }
}
