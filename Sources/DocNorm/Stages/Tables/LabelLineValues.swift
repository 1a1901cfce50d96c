/// Stage 3, `tables.label-line-values`: in a table 三 that `tables.header-runs`
/// reads (pdfminer's boxes), the cells a row label's line gives beside the
/// header runs.
///
/// pdfminer joins characters into a line when they stand closer than twice
/// a character's width. A data row's own label (its last label cell) stands
/// right before the row's first value column, level with the row's centred
/// values, so a line of one piece of that label and one number
/// (`2.重复申请 16`, `内容仍不明确 3`) is the label's line and that row's first
/// value (measured: 235 of 235 such lines in the corpora's pdfminer
/// extractions; `Corpus/eval/tools/pdfminer_boxes.py --label-lines`). The
/// piece names its row only when it is part of exactly one data row's own
/// label and of no column label, and has `readingOrder.minLabelPieceScalars`
/// scalars or more (息 and 作 name nothing), as for `tables.reading-order`'s
/// label pieces. A row two such lines name with other values gets neither.
struct LabelLineValues: Sendable {
    let rules: TableRules

    /// One cell a label line gives: the data row (index into the template's
    /// data rows), its value, and the line's index.
    struct Cell: Equatable {
        var row: Int
        var value: String
        var line: Int
    }

    /// The first-column cells `lines[start..<end]` give for `template`.
    func cells(_ lines: [SourceLine], from start: Int, end: Int, template: TableTemplate) -> [Cell] {
        // Each data row's own label (the last label cell of the row) and the
        // column labels, worked out only when a line gets as far as asking
        // (most stretches hold no label line). The rule's cost on the bench
        // is its per-line screening below, not these.
        var labels: (own: [String?], longestOwn: Int, columns: Set<String>)?
        func templateLabels() -> (own: [String?], longestOwn: Int, columns: Set<String>) {
            if let labels { return labels }
            let own: [String?] = template.rows.filter { !$0.isHeader }.map { row in
                row.cells.reversed().lazy.compactMap { if case .label(let l) = $0 { l } else { nil } }.first
            }
            let longest = own.map { $0?.unicodeScalars.count ?? 0 }.max() ?? 0
            let made = (own: own, longestOwn: longest, columns: Set(template.rows.flatMap { $0.columnPaths.joined() }))
            labels = made
            return made
        }
        var found: [Cell] = []
        var doubtful = Set<Int>()
        for index in start..<max(start, end) {
            let text = lines[index].text
            // Cheap test first: a label line holds a value opener and a non-value.
            guard text.unicodeScalars.contains(where: { rules.valueOpeners.contains($0) }) else { continue }
            // `2.重复申请 16`, or, its space taken out by an earlier stage
            // (Han then digit), `2.重复申请16`: the trailing digits are the value.
            var words = text.blankSeparatedWords.map(String.init)
            guard let last = words.last else { continue }
            if !rules.isValue(last) {
                let digits = last.unicodeScalars.reversed().prefix { ("0"..."9").contains($0) }.count
                guard digits > 0, digits < last.unicodeScalars.count else { continue }
                let scalars = Array(last.unicodeScalars)
                words.removeLast()
                words.append(String(String.UnicodeScalarView(scalars[..<(scalars.count - digits)])))
                words.append(String(String.UnicodeScalarView(scalars[(scalars.count - digits)...])))
            }
            guard words.count >= 2, let value = words.last, rules.isValue(value),
                  !words.dropLast().contains(where: { rules.isValue($0) }) else { continue }
            let piece = words[words.count - 2]
            guard piece.unicodeScalars.count >= rules.readingOrder.minLabelPieceScalars else { continue }
            // A piece longer than every row's own label is in none of them
            // (a line of prose ending in a number): told before any search.
            let (own, longestOwn, columnLabels) = templateLabels()
            guard piece.unicodeScalars.count <= longestOwn else { continue }
            let rows = own.indices.filter { own[$0]?.contains(piece) == true }
            guard rows.count == 1, !columnLabels.contains(where: { $0.contains(piece) }) else { continue }
            if let other = found.firstIndex(where: { $0.row == rows[0] }) {
                if found[other].value != value { doubtful.insert(rows[0]) }
                continue
            }
            found.append(Cell(row: rows[0], value: value, line: index))
        }
        return found.filter { !doubtful.contains($0.row) }
    }
}
