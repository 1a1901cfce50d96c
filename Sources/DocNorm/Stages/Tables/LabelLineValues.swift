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
    /// Per template id, the labels a piece is looked up in, worked out once:
    /// made per stretch, the column labels' `Set` cost some 500,000
    /// instructions each time a line got as far as asking.
    let labels: [String: TemplateLabels]

    init(rules: TableRules) {
        self.rules = rules
        var labels: [String: TemplateLabels] = [:]
        for template in rules.templates { labels[template.id] = TemplateLabels(template) }
        self.labels = labels
    }

    /// A label, and its scalars when each is a Character of its own
    /// (`StructureRecovery.isAlwaysOwnCharacter`).
    struct Label: Sendable {
        var text: String
        var scalars: [Unicode.Scalar]?

        init(_ text: String) {
            self.text = text
            let scalars = Array(text.unicodeScalars)
            self.scalars = scalars.allSatisfy(StructureRecovery.isAlwaysOwnCharacter) ? scalars : nil
        }

        /// `text.contains(piece.text)`, by scalars where both are scalars
        /// that are Characters of their own, none canonically equivalent to
        /// another: there the Characters are the scalars, and a piece is in
        /// a label exactly when its scalars are. The standard library's
        /// search by Characters cost some 30,000 instructions a label.
        func contains(_ piece: Label) -> Bool {
            guard let scalars, let needle = piece.scalars else { return text.contains(piece.text) }
            guard !needle.isEmpty else { return true }
            guard needle.count <= scalars.count else { return false }
            for start in 0...(scalars.count - needle.count) where scalars[start..<(start + needle.count)].elementsEqual(needle) {
                return true
            }
            return false
        }
    }

    /// Each data row's own label (the last label cell of the row), the most
    /// scalars one has, and the column labels.
    struct TemplateLabels: Sendable {
        var own: [Label?]
        var longestOwn: Int
        var columns: [Label]

        init(_ template: TableTemplate) {
            let own: [String?] = template.rows.filter { !$0.isHeader }.map { row in
                row.cells.reversed().lazy.compactMap { if case .label(let l) = $0 { l } else { nil } }.first
            }
            self.own = own.map { $0.map(Label.init) }
            longestOwn = own.map { $0?.unicodeScalars.count ?? 0 }.max() ?? 0
            columns = Set(template.rows.flatMap { $0.columnPaths.joined() }).map(Label.init)
        }
    }

    /// One cell a label line gives: the data row (index into the template's
    /// data rows), its value, and the line's index.
    struct Cell: Equatable {
        var row: Int
        var value: String
        var line: Int
    }

    /// Whether `text` can be a label line, told on its UTF-8 before it is
    /// cut into words: its last scalar past spaces and TABs ends a value
    /// (`valueEnders`) or is an ASCII digit (the digits cut off the piece
    /// before them), and it holds a byte other than an ASCII digit, space or
    /// TAB (a line of such bytes alone is plain numbers, every word a value:
    /// it names no row). Most lines of a stretch are numbers, header text or
    /// prose; cutting each into words and asking the words was most of the
    /// rule's cost once the labels were made once.
    func mayBeLabelLine(_ text: String) -> Bool {
        let grammar = rules.valueGrammar
        // A blank no value ends with: the last word's last scalar is the
        // line's last one past blanks (else that word could end in one).
        guard !grammar.valueEnders.contains(" "), !grammar.valueEnders.contains("\t") else { return true }
        func screen(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            guard end > 0 else { return false }
            let last = UTF8Scalars.scalar(endingAt: end, in: bytes).scalar
            guard last.value &- 0x30 < 10 || grammar.valueEnders.contains(last) else { return false }
            guard grammar.plainDigitsAreValues else { return true }
            var i = end
            while i > 0 {
                i -= 1
                let byte = bytes[i]
                if byte &- 0x30 >= 10 && byte != 0x20 && byte != 0x09 { return true }
            }
            return false
        }
        if let told = text.utf8.withContiguousStorageIfAvailable(screen) { return told }
        var text = text
        return text.withUTF8(screen)
    }

    /// The first-column cells `lines[start..<end]` give for `template`.
    func cells(_ lines: [SourceLine], from start: Int, end: Int, template: TableTemplate) -> [Cell] {
        var found: [Cell] = []
        var doubtful = Set<Int>()
        for index in start..<max(start, end) {
            let text = lines[index].text
            guard mayBeLabelLine(text) else { continue }
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
            let labels = self.labels[template.id] ?? TemplateLabels(template)
            guard piece.unicodeScalars.count <= labels.longestOwn else { continue }
            let pieceLabel = Label(piece)
            let rows = labels.own.indices.filter { labels.own[$0]?.contains(pieceLabel) == true }
            guard rows.count == 1, !labels.columns.contains(where: { $0.contains(pieceLabel) }) else { continue }
            if let other = found.firstIndex(where: { $0.row == rows[0] }) {
                if found[other].value != value { doubtful.insert(rows[0]) }
                continue
            }
            found.append(Cell(row: rows[0], value: value, line: index))
        }
        return found.filter { !doubtful.contains($0.row) }
    }
}
