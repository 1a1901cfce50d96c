import ICUKit

/// Stage 3, a section heading drawn inside a table:
///
/// - `tables.interleaved-heading`: where a table runs onto a new page,
///   LibreOffice draws the next section's heading, which stands under the
///   table on that page, before the table's cells there, and pdftotext
///   `-raw`, which keeps the drawing order, emits it between the table's
///   pieces (…1⏎0⏎五、存在的主要问题及改进情况⏎-4-⏎复议后起诉⏎结果 其他 尚未 总⏎…⏎0⏎0⏎2024年，…).
///   The table then stops at the heading short of its values, and its last
///   piece is left as text. Chromium's PDF does the same with a row's last
///   values alone, no header piece among them (…3⏎0⏎五、…⏎-4-⏎1⏎2⏎…⏎一是…).
///   The heading goes after that piece when it follows a value of a table
///   opened since the last heading, what follows it up to the next other
///   text is nothing but pieces of that table's header labels and values
///   (at least one value, no anchor), and with those values the table's
///   values are exactly its value cells (a template with that anchor), as
///   without them they are not: a section opens with prose, so values that
///   make the table whole are its. A value is a number, or one with a sign
///   or a unit (a 2019 table 二's 增1, 减1, 12.6万元: Chromium's PDF broken
///   inside table 二 drew 38⏎处理决定数量⏎2⏎0⏎本年增/减⏎减1⏎采购总金额⏎12.6万元
///   after section 三's heading, and counted as bare numbers they did not
///   make the table whole); an empty mark alone (无, /) is not counted, as a
///   section may open with one. The lines keep their
///   numbers in order (the heading takes the piece's last). Chromium's PDF
///   may draw the section's first sub-heading there too (…0⏎五、…⏎（一）存在的主要问题⏎-4-⏎2⏎…):
///   a run of up to `readingOrder.maxInterleavedHeadings` headings, the
///   section heading and the sub-headings right after it, none a row label,
///   goes after the piece whole, on the same evidence.
extension TableRecognizer {
    func restoreInterleavedHeadings(_ lines: inout [SourceLine], context: PipelineContext) {
        // Every line is asked; the tests read these copies, since a closure
        // that reads `self` copied the whole recogniser each time. The
        // numerals as a bitmap: the rules' Set hashed every line's first scalar.
        let numerals = sectionNumeralSet
        let anchorFirsts = self.anchorFirsts
        /// The templates of the table opened since the last heading, and its anchor's line.
        var open: (templates: [Int], anchor: Int)?
        var i = 0
        while i < lines.count {
            guard let first = LineRepair.firstScalar(of: lines[i].text, skippingTabs: true).flatMap(Unicode.Scalar.init) else { i += 1; continue }
            if numerals.contains(first), isSectionHeading(lines[i]) {
                if let table = open, let (found, rule) = interleavedPiece(lines, heading: i, table: table).map({ ($0, "tables.interleaved-heading") })
                    ?? trailingPiece(lines, heading: i, table: table).map({ ($0, "tables.interleaved-sections") }) {
                    let (start, end) = found
                    let moved = Array(lines[i...end])
                    // The piece whole, in its drawing order, then the headings and the blank lines after them.
                    // Values before its first header (pdfminer's box of a column drawn next to the heading) go
                    // back too: the table's labels place them where only they can be (`tables.column-boxes`'s
                    // scattered boxes, a run cut at a blank line) or leave them loose and reported, not text.
                    let piece = start - i
                    var reordered = Array(moved[piece...] + moved[..<piece])
                    for k in reordered.indices { reordered[k].number = moved[k].number }
                    context.traced(.tables, rule, line: lines[i].number,
                                   before: moved.map(\.text).joined(separator: "⏎"), after: reordered.map(\.text).joined(separator: "⏎"))
                    lines.replaceSubrange(i...end, with: reordered)
                    i = end + 1
                    open = nil
                    continue
                }
                open = nil
            } else if anchorFirsts.contains(first.value), let templates = anchoredTemplates(lines[i]) {
                // An anchor in a grid row (a TAB) is a table already written: a second run reading
                // the first's output. The grid does not give back the values the first run counted
                // (one dropped as fitting no cell, one drawn before the anchor taken in: fuzz item 37,
                // where the second count filled a template the first did not), and where the headings
                // go was decided by the run that read the table: it opens no table for these rules.
                open = lines[i].text.containsTab ? nil : (templates, i)
            }
            i += 1
        }
    }

    /// The first and last lines of the table's piece that the heading at
    /// `heading` (and the sub-headings right after it) interrupts, or nil
    /// when it interrupts none.
    func interleavedPiece(_ lines: [SourceLine], heading: Int, table: (templates: [Int], anchor: Int)) -> (start: Int, end: Int)? {
        var before = heading - 1
        while before > table.anchor, Self.isBlank(lines[before]) { before -= 1 }
        guard before > table.anchor, valuesOnly(lines[before]) != nil else { return nil }
        // Read from copies: a closure that reads `self` copies the recogniser.
        let allTemplates = rules.templates, allHeaders = templateHeaderLabels
        let templates = table.templates.map { allTemplates[$0] }
        let headers = table.templates.map { allHeaders[$0] }
        // The headings drawn in a row: this one, then the sub-headings right after it.
        var headings = [heading]
        var k = heading + 1
        while headings.count < rules.readingOrder.maxInterleavedHeadings {
            var next = k
            while next < lines.count, Self.isBlank(lines[next]) { next += 1 }
            guard next < lines.count, isSubsectionHeading(lines[next]) else { break }
            headings.append(next)
            k = next + 1
        }
        var start: Int?, end: Int?, numbers = 0
        while k < lines.count {
            if Self.isBlank(lines[k]) { k += 1; continue }
            if let count = valuesOnly(lines[k]) {
                numbers += count
            } else if anchoredTemplates(lines[k]) != nil || !Self.holdsOnlyHeaderText(lines[k], templates: templates, headers: headers, within: self) {
                break
            }
            start = start ?? k
            end = k
            k += 1
        }
        guard let start, let end, numbers > 0 else { return nil }
        var read = 0
        for line in lines[table.anchor..<heading] { read += valuesOnly(line) ?? gridRowValues(line) }
        var fits = false, fitsWithout = false
        for template in templates {
            let cells = template.rows.reduce(0) { $0 + $1.columnPaths.count }
            fits = fits || cells == read + numbers
            fitsWithout = fitsWithout || cells == read
        }
        guard fits && !fitsWithout else { return nil }
        // Asked last, as the rarest to matter and the dearest: every template's row labels.
        // A row label that opens with a section numeral (四、结转下年度继续办理) is a table's, not the next
        // section: any template's, not only the open table's (a table 三 row left as text after table 二's
        // numbers was moved on a second run, fuzz item 17).
        for heading in headings {
            let headingText = Array(lines[heading].text.unicodeScalars.filter { $0 != " " && $0 != "\t" })
            if rowLabelScalars.contains(where: { label in label.starts(with: headingText) || headingText.starts(with: label) }) { return nil }
        }
        return (start, end)
    }

    /// `tables.interleaved-sections`: the table's last values drawn after
    /// whole sections. Chromium's PDF through pdftotext -raw may draw a
    /// row's last values after everything else on the last page, past the
    /// next sections' headings and paragraphs and the page number (…0⏎0⏎
    /// 五、…⏎其段落。⏎六、…⏎无。⏎-3-⏎0⏎0): the document ends with values alone,
    /// right after a page break, and the table before the sections is short
    /// of exactly that many. They go back when nothing else can be theirs and
    /// the table adds up with them: the line before the heading is one of
    /// the table's values; between the heading and them stand at most
    /// `maxInterleavedHeadings` section headings (no row label, no anchor)
    /// with their prose, within `maxApartLines` lines; after them nothing
    /// but blank lines; a line removed between them and the text before
    /// (the page number, stage 2); the table's values with them are exactly
    /// its value cells, as without them they are not; and the table then
    /// reads in one order that holds every relation of its template (an
    /// arithmetic template only: `tables.reading-order`, no number dropped).
    /// Returns the piece's first and last lines.
    func trailingPiece(_ lines: [SourceLine], heading: Int, table: (templates: [Int], anchor: Int)) -> (start: Int, end: Int)? {
        var before = heading - 1
        while before > table.anchor, Self.isBlank(lines[before]) { before -= 1 }
        guard before > table.anchor, valuesOnly(lines[before]) != nil else { return nil }
        let allTemplates = rules.templates
        let templates = table.templates.map { allTemplates[$0] }
        guard templates.allSatisfy({ !$0.checks.isEmpty }) else { return nil }
        // The document's last text: lines of values alone.
        var end = lines.count - 1
        while end > heading, Self.isBlank(lines[end]) { end -= 1 }
        var start = end + 1, numbers = 0, k = end
        while k > heading {
            if Self.isBlank(lines[k]) { k -= 1; continue }
            guard let count = valuesOnly(lines[k]) else { break }
            numbers += count
            start = k
            k -= 1
        }
        guard numbers > 0, start <= end, start - heading <= rules.readingOrder.maxApartLines else { return nil }
        // Right after a page break: a line taken out between the piece and the text before it.
        var prose = start - 1
        while prose > heading, Self.isBlank(lines[prose]) { prose -= 1 }
        guard prose > heading, lines[start].number - lines[prose].number > start - prose else { return nil }
        // Between: section headings (no row label) and their prose, no table.
        var headings = 0
        for j in heading...prose where !Self.isBlank(lines[j]) {
            if anchoredTemplates(lines[j]) != nil { return nil }
            guard isSectionHeading(lines[j]) else { continue }
            headings += 1
            let text = Array(lines[j].text.unicodeScalars.filter { $0 != " " && $0 != "\t" })
            if rowLabelScalars.contains(where: { $0.starts(with: text) || text.starts(with: $0) }) { return nil }
        }
        guard headings <= rules.readingOrder.maxInterleavedHeadings else { return nil }
        var read = 0
        for line in lines[table.anchor..<heading] { read += valuesOnly(line) ?? gridRowValues(line) }
        let fits = templates.contains { t in t.rows.reduce(0) { $0 + $1.columnPaths.count } == read + numbers }
        let fitsWithout = templates.contains { t in t.rows.reduce(0) { $0 + $1.columnPaths.count } == read }
        guard fits && !fitsWithout else { return nil }
        // The arithmetic decides: the table with them reads in one order that holds.
        let joined = Array(lines[table.anchor..<heading]) + Array(lines[start...end])
        guard case .recovered(let reading, _, _) = readingOrder.recover(joined, from: 0, candidates: templates, edition: nil),
              reading.dropped.isEmpty, reading.suspects.isEmpty else { return nil }
        return (start, end)
    }

    /// Whether the line is a sub-heading: （, section numerals, ）, then
    /// text that ends no sentence (a run-in heading's paragraph is prose).
    func isSubsectionHeading(_ line: SourceLine) -> Bool {
        let sectionNumerals = rules.sectionNumerals
        let head = line.text.unicodeScalars.drop { $0 == " " || $0 == "\t" }
        guard head.first == "（" else { return false }
        let numerals = head.dropFirst().prefix { sectionNumerals.contains($0) }
        let rest = head.dropFirst(1 + numerals.count)
        guard !numerals.isEmpty, rest.first == "）", rest.count > 1,
              let last = rest.last(where: { $0 != " " && $0 != "\t" }), !rules.sentenceEnds.contains(last)
        else { return false }
        return true
    }

    /// Whether the line is nothing but pieces of the header labels of one of
    /// the templates: each word part of a label, or, where stage 1 took out
    /// the spaces between the pieces of several cells (结果 其他 尚未 总 →
    /// 结果其他尚未总), every character one of its header labels'.
    static func holdsOnlyHeaderText(_ line: SourceLine, templates: [TableTemplate], headers: [[[Character]]],
                                    within recognizer: TableRecognizer) -> Bool {
        // The scalar test first: cheap, and comparing words with labels
        // Character by Character is not.
        for (template, labels) in zip(templates, headers) {
            let scalars = template.headerScalars
            guard let other = line.text.unicodeScalars.first(where: { $0 != " " && $0 != "\t" && !scalars.contains($0) }) else { return true }
            // A scalar no header label holds, and of those whose Character
            // is told by the scalar alone: that word is no label's piece.
            // (Prose after a sub-heading is one long word, and cutting it
            // into Characters was most of this test's cost.)
            if template.headerScalarsHaveNoDecompositions && HeaderPieceEvidence.hasNoCanonicalDecomposition(other) { continue }
            if recognizer.holdsOnlyHeaderPieces(line, labels) { return true }
        }
        return false
    }

    /// The templates whose anchor opens the line; nil for none.
    func anchoredTemplates(_ line: SourceLine) -> [Int]? {
        let templates = templatesAnchored(line.text, emptyAnchors: false)
        return templates.isEmpty ? nil : templates
    }

    /// How many values the line holds when it holds nothing else.
    func valuesOnly(_ line: SourceLine) -> Int? {
        let grammar = rules.valueGrammar
        let scalars = line.text.unicodeScalars
        // The tokens between spaces and TABs one by one, the line answered
        // at its first token that is no value: asked of the line before
        // every section heading after a table, mostly a line of prose, whose
        // tokens were all cut out first and the first one (the whole line,
        // Chinese prose having no spaces) copied into an array for the value
        // grammar (~4,500 instructions a line). A token opening with neither
        // an ASCII digit nor a scalar a value opens with (`valueOpeners`) is
        // no value (`isDigitValue`: `isNumber` opens with a digit, the
        // grammar's values with an opener), told before its end is sought.
        var count = 0
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let first = scalars[i]
            guard first != " " && first != "\t" else { i = scalars.index(after: i); continue }
            guard first.value &- 0x30 < 10 || grammar.valueOpeners.contains(first) else { return nil }
            var end = scalars.index(after: i)
            while end < scalars.endIndex, case let s = scalars[end], s != " " && s != "\t" { end = scalars.index(after: end) }
            guard Self.isDigitValue(scalars[i..<end], grammar) else { return nil }
            count += 1
            i = end
        }
        return count > 0 ? count : nil
    }

    /// Whether the token is a table value with a digit in it: a number, a
    /// signed change (增1, -2), an amount (12.6万元); not an empty mark alone.
    static func isDigitValue(_ token: Substring.UnicodeScalarView, _ grammar: ValueGrammar) -> Bool {
        if isNumber(token) { return true }
        return token.contains { $0.value &- 0x30 < 10 } && grammar.isValue(Array(token)[...])
    }

    /// The values among the TAB-separated cells of a grid row (规章	0		):
    /// the table's values too, where a table already written as its grid is
    /// read again (a second run), so that they count as on the first run,
    /// which read them as values (fuzz item 18); 0 for a line without a TAB.
    func gridRowValues(_ line: SourceLine) -> Int {
        guard line.text.utf8.contains(UInt8(ascii: "\t")) else { return 0 }
        let grammar = rules.valueGrammar
        return line.text.unicodeScalars.split { $0 == "\t" }.filter { cell in
            let tokens = cell.split { $0 == " " }
            return tokens.count == 1 && tokens.allSatisfy { Self.isDigitValue($0, grammar) }
        }.count
    }

    static func isBlank(_ line: SourceLine) -> Bool { line.text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }
}
