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
///
/// `tables.rotated-row`: a table of one data row (四) whose numbers, read as
/// that row started at another column and wrapped round, hold its
/// arithmetic. pdfminer groups Chromium's table 四 right-hand columns
/// first (未经复议直接起诉's 总计 and the 复议后起诉 columns, each under its
/// header's box, then the nine columns left of them after all their
/// headers): the row rotated. Which column it starts at the text does not
/// say, and the three groups of five share their labels and their relation
/// (总计 = the other four), so a rotation by a whole group holds whenever one
/// does: only the cells that read alike in every rotation that holds are
/// placed; the others stay empty and reported.
struct TableDebris: Sendable {
    let rules: TableRules
    /// Per template id, its labels as scalars, longest first, indexed.
    let labels: [String: LabelPieces]
    /// Per template id of one data row with arithmetic: that row's index
    /// among the template's rows, and its relations (`tables.rotated-row`).
    let oneRow: [String: (row: Int, relations: TemplateRelations)]

    /// `labels`: `labelPieces(of:)` of the rules' templates, made once and
    /// shared with `SpanText`.
    init(rules: TableRules, labels: [String: LabelPieces]) {
        self.rules = rules
        self.labels = labels
        var oneRow: [String: (row: Int, relations: TemplateRelations)] = [:]
        for template in rules.templates where !template.checks.isEmpty {
            let data = template.rows.indices.filter { !template.rows[$0].isHeader }
            guard data.count == 1, template.rows[data[0]].columnPaths.count > 1 else { continue }
            let relations = TemplateRelations(template, dataRows: data)
            guard !relations.rowChecks.isEmpty else { continue }
            oneRow[template.id] = (data[0], relations)
        }
        self.oneRow = oneRow
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
        if let one = oneRow[template.id], let rotated = Self.rotatedRow(numbers, relations: one.relations),
           rotated.cells.contains(where: { $0 != nil }) {
            placement.values[one.row] = rotated.cells
            placement.placed = rotated.cells.filter { $0 != nil }.count
            placement.rotations = rotated.holding
            // The numbers no placed cell took: the same texts in every
            // rotation (the placed cells' values are), the first of each.
            var left = numbers
            for value in rotated.cells.compactMap({ $0 }) {
                if let k = left.firstIndex(where: { $0.text == value }) { left.remove(at: k) }
            }
            placement.unplaced = left.map {
                (text: $0.text, line: $0.line, reason: "its row read from another column holds in \(rotated.holding) ways that put them in other cells")
            }
        }
        return placement
    }

    /// `tables.rotated-row`: the values of a one-row table whose numbers
    /// `numbers` (in the text's order) are its row started at some column
    /// and wrapped round: per slot, the text every rotation whose row
    /// relations hold puts there, nil where two of them differ; with how
    /// many rotations hold. Nil when none holds.
    static func rotatedRow(_ numbers: [ReadingOrderRecovery.Token], relations: TemplateRelations) -> (cells: [String?], holding: Int)? {
        let n = numbers.count
        guard n == relations.columns, n > 1 else { return nil }
        var cells: [String?]? = nil
        var holding = 0
        for shift in 0..<n {
            // Slot c holds the number read (c − shift) mod n-th.
            guard relations.rowHolds({ numbers[($0 - shift + n) % n].number }) else { continue }
            holding += 1
            let read = (0..<n).map { numbers[($0 - shift + n) % n].text }
            if let known = cells {
                cells = zip(known, read).map { $0 == $1 ? $0 : nil }
            } else {
                cells = read
            }
        }
        guard let cells else { return nil }
        return (cells, holding)
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
    static func isLabelPieces(_ text: [Unicode.Scalar], labels: LabelPieces) -> Bool {
        var p = 0
        while p < text.count {
            let longest = longestLabelPiece(text, at: p, labels: labels)
            guard longest > 0 else { return false }
            p += longest
        }
        return true
    }

    /// `isLabelPieces` with the labels indexed on the spot.
    static func isLabelPieces(_ text: [Unicode.Scalar], labels: [[Unicode.Scalar]]) -> Bool {
        isLabelPieces(text, labels: LabelPieces(labels))
    }

    /// The length of the longest piece of any of `labels` that `text`
    /// holds from `p` on (0 if its scalar there is in none): the longest
    /// match from each place of that scalar in the labels, the places with
    /// the most scalars after them first, until none left could be longer.
    static func longestLabelPiece(_ text: [Unicode.Scalar], at p: Int, labels: LabelPieces) -> Int {
        guard let places = labels.places[text[p]] else { return 0 }
        var longest = 0
        for place in places {
            let label = labels.labels[Int(place.label)], at = Int(place.at)
            guard label.count - at > longest else { break }
            var n = 1
            while p + n < text.count, at + n < label.count, label[at + n] == text[p + n] { n += 1 }
            longest = max(longest, n)
        }
        return longest
    }

    /// Per template id, its labels as scalars, longest first, indexed: made
    /// once per rule set for both `TableDebris` and `SpanText` (each made
    /// its own, ~1.4 M instructions apiece).
    static func labelPieces(of templates: [TableTemplate]) -> [String: LabelPieces] {
        var labels: [String: LabelPieces] = [:]
        for template in templates {
            var texts = Set<String>()
            for row in template.rows {
                for cell in row.cells { if case .label(let l) = cell { texts.insert(l) } }
            }
            labels[template.id] = LabelPieces(texts.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count })
        }
        return labels
    }

    /// A template's labels, each scalar's places in them indexed once: a
    /// piece is sought at every scalar of every line of a table's stretch
    /// (`recover`, `SpanText.isRunningText`), and comparing that scalar
    /// with every scalar of every label cost 7 M instructions in the 1 MB
    /// bench.
    struct LabelPieces: Sendable {
        struct Place: Sendable {
            var label: Int32
            var at: Int32
        }
        let labels: [[Unicode.Scalar]]
        /// Per scalar, each label and offset where it stands, the most
        /// scalars left in the label from there first.
        let places: [Unicode.Scalar: [Place]]

        init(_ labels: [[Unicode.Scalar]]) {
            self.labels = labels
            var places: [Unicode.Scalar: [Place]] = [:]
            for (l, label) in labels.enumerated() {
                for (at, scalar) in label.enumerated() { places[scalar, default: []].append(Place(label: Int32(l), at: Int32(at))) }
            }
            self.places = places.mapValues { $0.sorted { labels[Int($0.label)].count - Int($0.at) > labels[Int($1.label)].count - Int($1.at) } }
        }
    }
}
