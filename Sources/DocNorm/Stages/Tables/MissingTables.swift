/// `tables.missing`: a report in the national format has the tables of its
/// edition (二 active disclosure, 三 applications, 四 review and litigation,
/// in the order Rules/tables.json lists them). When one of them was neither
/// found nor reported as left as text (`tables.unplaced`), but the prose
/// where it should stand holds numbers standing alone or right after one of
/// its row labels (a table's debris: OCR that dropped the heading and
/// garbled the header or ran a row's cells together, an extraction that
/// scattered the cells beyond recognition), its values are lost, and the
/// reader is told so, naming the table's cells. So is one whose row labels
/// stand there as lines of their own, at least `missingMinLabelLines` of
/// them, and too few numbers for debris (OCR that read the label column
/// and lost every value: held-out yungang-mzj-2019's table 三, 一、本年新收… to
/// （七）总计 one label a line, not one digit); a sentence never is a row
/// label whole. A report that tells a section in sentences instead of a
/// table has no such debris and is left alone. Debris between two tables found cannot tell which of two lost
/// tables it is from: both are reported.
extension TableRecognizer {
    /// A table of the national format the report seems to have lost: its
    /// place in each edition's list (0 二, 1 三, 2 四) and the first line of
    /// the debris.
    struct LostTable {
        var position: Int
        var line: Int
        /// How many of its row labels stood as lines of their own where no
        /// number did: 0 when its numbers told it lost.
        var labelLines = 0
    }

    /// The tables lost, by place in the edition's list, and the report's
    /// edition when its tables tell it (table 四 does not: it is the same in
    /// both). `prose`: stage 2's stretches, table k standing after stretch k.
    func lostTables(_ placed: [PlacedTable], prose: [[LogicalLine]], context: PipelineContext) -> (lost: [LostTable], edition: Int?) {
        let found = placed.compactMap { p in rules.templates.first { $0.id == p.table.templateID } }
        guard !found.isEmpty else { return ([], nil) }
        let telling = found.filter { f in !rules.templates.contains { $0.edition != f.edition && Self.sameGrid($0, f) } }
        let edition = telling.first.map(\.edition)
        guard telling.allSatisfy({ $0.edition == edition }) else { return ([], nil) }
        let unplaced = Set(context.diagnostics.lazy.filter { $0.rule == "tables.unplaced" }.compactMap { $0.cells?.table })
        // Counted in place: `filter` copied the edition's templates (every
        // row, cell and string retained) for each template asked about.
        let templates = rules.templates
        func position(_ t: TableTemplate) -> Int {
            var k = 0
            for i in templates.indices where templates[i].edition == t.edition {
                if templates[i].id == t.id { return k }
                k += 1
            }
            preconditionFailure("lostTables: template \(t.id) is not among the rules' templates")
        }
        let order = found.map(position)
        let positions = Set(rules.templates.map(position))
        let gone = Set(rules.templates.filter { unplaced.contains($0.id) }.map(position))
        var lost: [LostTable] = []
        for p in positions.sorted() where !order.contains(p) && !gone.contains(p) {
            let before = order.lastIndex { $0 < p }
            let after = order.firstIndex { $0 > p }
            // Tables found out of their order (四 before 二) leave no place
            // between them where this one should stand.
            let from = before.map { $0 + 1 } ?? 0, to = after ?? prose.count - 1
            guard from <= to, to < prose.count else { continue }
            let stretches = from...to
            // The row labels of the tables that stand at this place (either
            // edition): OCR that ran a row's cells together leaves 行政许可2957.
            let labels = Array(Set(rules.templates.filter { position($0) == p }
                .flatMap { $0.rows.filter { !$0.isHeader }.compactMap { $0.path.last } })).map { Array($0.unicodeScalars) }
            var count = 0
            var first: Int?
            // The row labels standing whole as lines (spaces aside), and the first such line.
            var labelLines: Set<String> = []
            var firstLabel: Int?
            for line in prose[stretches].joined() {
                let numbers = Self.bareNumbers(in: line.text) + Self.labelledNumbers(in: line.text, labels: labels)
                guard numbers > 0 else {
                    if let label = Self.wholeLabel(line.text, labels: labels) {
                        labelLines.insert(label)
                        if firstLabel == nil { firstLabel = line.lines.lowerBound }
                    }
                    continue
                }
                count += numbers
                if first == nil { first = line.lines.lowerBound }
            }
            if count >= rules.matching.missingMinBareNumbers, let first {
                lost.append(LostTable(position: p, line: first))
            } else if labelLines.count >= rules.matching.missingMinLabelLines, let firstLabel {
                lost.append(LostTable(position: p, line: firstLabel, labelLines: labelLines.count))
            }
        }
        return (lost, edition)
    }

    /// Reports the lost tables as the templates of the report's edition: the
    /// one its tables tell, else the latest edition in force in the report's
    /// year (each edition is named by the first year it applies to).
    func reportLost(_ lost: [LostTable], edition: Int?, year: Int?, context: PipelineContext) {
        guard !lost.isEmpty, let edition = edition ?? self.edition(inForceIn: year) else { return }
        let templates = rules.templates.filter { $0.edition == edition }
        for table in lost where table.position < templates.count {
            let template = templates[table.position]
            let remains = table.labelLines > 0
                ? "\(table.labelLines) of its row labels stand from here on as lines of their own with no number: its values were lost"
                : "numbers standing alone from here on look like its remains"
            context.report(.tables, "tables.missing", .suspicion,
                           "the report's tables are in the \(edition) format, but its table \(template.id) was not found; \(remains): none of its values is given",
                           line: table.line, cells: DiagnosticCells(table: template.id))
        }
    }

    static func sameGrid(_ a: TableTemplate, _ b: TableTemplate) -> Bool {
        a.columns == b.columns && a.rows.map(\.cells) == b.rows.map(\.cells)
    }

    /// How many numbers of a table's debris the line holds: numbers standing
    /// alone, two or more in a row separated by spaces or tabs only, or one
    /// making up the whole line. Prose has none: stage 1 removed the spaces
    /// between a number and the words around it.
    static func bareNumbers(in text: String) -> Int {
        var count = 0, run = 0, tokens = 0
        for token in text.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            tokens += 1
            if isNumber(token) { run += 1; continue }
            if run >= 2 { count += run }
            run = 0
        }
        if run >= 2 || (run == 1 && tokens == 1) { count += run }
        return count
    }

    /// Numbers that follow one of a table's row labels directly, with
    /// nothing but spaces between them, two or more or one ending the line
    /// (规章0 0 0行政规范性文件2 0 9, 行政许可2957): a row run together. Prose
    /// puts a word between or after (行政许可信息412条, 规章3件).
    static func labelledNumbers(in text: String, labels: [[Unicode.Scalar]]) -> Int {
        let s = Array(text.unicodeScalars)
        guard s.contains(where: { ("0"..."9").contains($0) }) else { return 0 }
        var count = 0
        for label in labels {
            guard let head = label.first else { continue }
            var i = 0
            while i + label.count <= s.count {
                guard s[i] == head, s[i..<(i + label.count)].elementsEqual(label) else { i += 1; continue }
                i += label.count
                var numbers = 0
                while true {
                    var j = i
                    while j < s.count, s[j] == " " { j += 1 }
                    var end = j
                    while end < s.count, ("0"..."9").contains(s[end]) || (s[end] == "." && end > j) { end += 1 }
                    guard end > j else { break }
                    numbers += 1
                    i = end
                }
                // One number with a word after it is prose (规章3件).
                if numbers >= 2 || (numbers == 1 && s[i...].allSatisfy { $0 == " " }) { count += numbers }
            }
        }
        return count
    }

    /// The row label (of `labels`) the line is, whole, spaces aside; nil
    /// when it is none (a sentence holds its words among others).
    static func wholeLabel(_ text: String, labels: [[Unicode.Scalar]]) -> String? {
        let compact = text.unicodeScalars.filter { $0 != " " && $0 != "\t" }
        guard !compact.isEmpty else { return nil }
        return labels.first { $0.elementsEqual(compact) }.map { String(String.UnicodeScalarView($0)) }
    }

    /// Digits, with at most one decimal point between digits.
    static func isNumber(_ token: Substring.UnicodeScalarView) -> Bool {
        var digits = 0, points = 0, last: Unicode.Scalar = "."
        for s in token {
            if ("0"..."9").contains(s) { digits += 1 } else if s == ".", last != ".", points == 0 { points += 1 } else { return false }
            last = s
        }
        return digits > 0 && last != "."
    }
}
