/// Stage 3, `tables.debris`: an arithmetic table all of whose labels and
/// numbers stand in its stretch, in an order nothing can read, becomes its
/// grid with every value cell left empty and reported.
///
/// pdfminer's layout analysis of a Chromium PDF cuts table 三 into boxes
/// (a header cell a glyph per line, 自⏎然⏎人; a row label two or three
/// characters per line; a column's values a box per cell or per few cells,
/// or two columns' cells on one line) and orders the boxes by how near they
/// stand, not by rows or columns: no grammar of reading orders holds, and
/// the column headers' boxes hold none of their cells (or, in table 四, some
/// columns' cells under their headers and the rest after every header). The labels are the
/// template's and the numbers exactly its cells, so the table stands there:
/// scattered text is worse than the table with its values missing and said
/// to be missing, and a value placed by a guess worse than either.
///
/// Applies only where every line of the stretch is numbers or pieces of the
/// template's labels (a number glued to a label's end split off, as the
/// reading-order search splits it), and the numbers are exactly as many as
/// the template's value cells: prose, or a table with cells lost, stays text.
struct TableDebris: Sendable {
    let rules: TableRules
    /// Per template id, its labels as scalars, longest first.
    let labels: [String: [[Unicode.Scalar]]]

    init(rules: TableRules) {
        self.rules = rules
        var labels: [String: [[Unicode.Scalar]]] = [:]
        for template in rules.templates {
            var texts = Set<String>()
            for row in template.rows {
                for cell in row.cells { if case .label(let l) = cell { texts.insert(l) } }
            }
            labels[template.id] = texts.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        }
        self.labels = labels
    }

    /// The grid of `template` with no value placed, read from
    /// `lines[start..<end]` whose numbers `numbers` gives; nil when the
    /// stretch is not that table's debris. The lines are checked first and
    /// the numbers read only then: a stretch of prose fails on its first
    /// line, and its numbers (to the end of a long document) are never read.
    func recover(_ lines: [SourceLine], from start: Int, end: Int, template: TableTemplate,
                 numbers: () -> [ReadingOrderRecovery.Token]) -> LabelledColumnRecovery.Placement? {
        guard let labels = labels[template.id], start < end else { return nil }
        let cells = template.rows.reduce(0) { $0 + ($1.isHeader ? 0 : $1.columnPaths.count) }
        guard cells > 0 else { return nil }
        var lastLine = start
        // Each line's words (between spaces and TABs, ASCII bytes) decoded
        // from its UTF-8 into one buffer: the scalar view split into words,
        // each copied, cost several times as much.
        var word: [Unicode.Scalar] = []
        for index in start..<end {
            var text = lines[index].text
            var any = false, fits = true
            text.withUTF8 { bytes in
                var i = 0
                while i <= bytes.count && fits {
                    guard i == bytes.count || bytes[i] == 0x20 || bytes[i] == 0x09 else {
                        let (value, length) = decodeUTF8Scalar(bytes, at: i)
                        // Valid UTF-8 decodes to a valid scalar.
                        word.append(unsafeBitCast(value, to: Unicode.Scalar.self))
                        i += length
                        continue
                    }
                    i += 1
                    guard !word.isEmpty else { continue }
                    any = true
                    if !rules.isValue(word[...]) {
                        // A number glued to a label's end is a cell (内容仍不明确1).
                        var n = word.count
                        while n > 0 && (rules.digits.contains(word[n - 1]) || word[n - 1] == ".") { n -= 1 }
                        if !Self.isLabelPieces(Array(word[..<n]), labels: labels) { fits = false }
                    }
                    word.removeAll(keepingCapacity: true)
                }
            }
            guard fits else { return nil }
            guard any else { continue }
            lastLine = index
        }
        let numbers = numbers()
        guard numbers.count == cells else { return nil }
        var placement = emptyGrid(template, from: start, to: lastLine)
        placement.unplaced = numbers.map { (text: $0.text, line: $0.line, reason: "the table's numbers stand in no order that can be read") }
        return placement
    }

    /// `template`'s grid on `lines[first...last]` with no value placed:
    /// also how the output, that grid, is read back.
    func emptyGrid(_ template: TableTemplate, from first: Int, to last: Int) -> LabelledColumnRecovery.Placement {
        let values = template.rows.map { [String?](repeating: nil, count: $0.isHeader ? 0 : $0.columnPaths.count) }
        return LabelledColumnRecovery.Placement(template: template, values: values,
                                                rowLines: [Int?](repeating: nil, count: template.rows.count),
                                                firstLine: first, lastLine: last, placed: 0, unplaced: [])
    }

    /// Whether `text` is a run of pieces of `labels` (each piece part of
    /// one label: the extractor cuts labels anywhere and runs a header's
    /// pieces together, 总计其他), longest piece first at each point.
    static func isLabelPieces(_ text: [Unicode.Scalar], labels: [[Unicode.Scalar]]) -> Bool {
        var p = 0
        while p < text.count {
            let longest = longestLabelPiece(text, at: p, labels: labels)
            guard longest > 0 else { return false }
            p += longest
        }
        return true
    }

    /// The length of the longest piece of any of `labels` that `text`
    /// holds from `p` on (0 if its scalar there is in none).
    static func longestLabelPiece(_ text: [Unicode.Scalar], at p: Int, labels: [[Unicode.Scalar]]) -> Int {
        var longest = 0
        for label in labels where label.count > longest {
            var at = 0
            while at < label.count, label.count - at > longest {
                if label[at] == text[p] {
                    var n = 1
                    while p + n < text.count, at + n < label.count, label[at + n] == text[p + n] { n += 1 }
                    longest = max(longest, n)
                }
                at += 1
            }
        }
        return longest
    }
}
