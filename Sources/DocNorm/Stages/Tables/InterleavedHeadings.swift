/// Stage 3, a section heading drawn inside a table:
///
/// - `tables.interleaved-heading`: where a table runs onto a new page,
///   LibreOffice draws the next section's heading, which stands under the
///   table on that page, before the table's cells there, and pdftotext
///   `-raw`, which keeps the drawing order, emits it between the table's
///   pieces (…1⏎0⏎五、存在的主要问题及改进情况⏎-4-⏎复议后起诉⏎结果 其他 尚未 总⏎…⏎0⏎0⏎2024年，…).
///   The table then stops at the heading short of its values, and its last
///   piece is left as text. The heading goes after that piece when it
///   follows a value of a table opened since the last heading, what follows
///   it up to the next other text is nothing but pieces of that table's
///   header labels and bare numbers (at least one of each, no anchor), and
///   with those numbers the table's numbers are exactly its value cells
///   (a template with that anchor), as without them they are not. The lines
///   keep their numbers in order (the heading takes the piece's last).
extension TableRecognizer {
    func restoreInterleavedHeadings(_ lines: inout [SourceLine], context: PipelineContext) {
        /// The templates of the table opened since the last heading, and its anchor's line.
        var open: (templates: [Int], anchor: Int)?
        var i = 0
        while i < lines.count {
            if isSectionHeading(lines[i]) {
                if let table = open, let end = interleavedPieceEnd(lines, heading: i, table: table) {
                    let moved = Array(lines[i...end])
                    // The piece (from its first line), then the heading and the blank lines after it.
                    let piece = moved.indices.dropFirst().first { !isBlank(moved[$0]) }!
                    var reordered = Array(moved[piece...] + moved[..<piece])
                    for k in reordered.indices { reordered[k].number = moved[k].number }
                    context.traced(.tables, "tables.interleaved-heading", line: lines[i].number,
                                   before: moved.map(\.text).joined(separator: "⏎"), after: reordered.map(\.text).joined(separator: "⏎"))
                    lines.replaceSubrange(i...end, with: reordered)
                    i = end + 1
                    open = nil
                    continue
                }
                open = nil
            } else if let templates = anchoredTemplates(lines[i]) {
                open = (templates, i)
            }
            i += 1
        }
    }

    /// The last line of the table's piece that the heading at `heading`
    /// interrupts, or nil when it interrupts none.
    func interleavedPieceEnd(_ lines: [SourceLine], heading: Int, table: (templates: [Int], anchor: Int)) -> Int? {
        guard let before = lines[table.anchor..<heading].last(where: { !isBlank($0) }), numbersOnly(before) != nil else { return nil }
        let headers = table.templates.map { headerLabels(rules.templates[$0]) }
        var end: Int?, pieces = 0, numbers = 0
        var k = heading + 1
        while k < lines.count {
            if isBlank(lines[k]) { k += 1; continue }
            if let count = numbersOnly(lines[k]) {
                numbers += count
            } else if anchoredTemplates(lines[k]) == nil, holdsOnlyHeaderText(lines[k], templates: table.templates, headers: headers) {
                pieces += 1
            } else {
                break
            }
            end = k
            k += 1
        }
        guard let end, pieces > 0, numbers > 0 else { return nil }
        let read = lines[table.anchor..<heading].reduce(0) { $0 + (numbersOnly($1) ?? 0) }
        let cells = table.templates.map { t in rules.templates[t].rows.reduce(0) { $0 + $1.columnPaths.count } }
        return cells.contains(read + numbers) && !cells.contains(read) ? end : nil
    }

    /// Whether the line is nothing but pieces of the header labels of one of
    /// the templates: each word part of a label, or, where stage 1 took out
    /// the spaces between the pieces of several cells (结果 其他 尚未 总 →
    /// 结果其他尚未总), every character one of its header labels'.
    func holdsOnlyHeaderText(_ line: SourceLine, templates: [Int], headers: [[[Character]]]) -> Bool {
        zip(templates, headers).contains { t, labels in
            holdsOnlyHeaderPieces(line, labels)
                || line.text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || rules.templates[t].headerScalars.contains($0) }
        }
    }

    /// The templates whose anchor opens the line; nil for none.
    func anchoredTemplates(_ line: SourceLine) -> [Int]? {
        let head = line.text.unicodeScalars.drop { $0 == "\t" || $0 == " " }
        guard let first = head.first, anchorFirsts.contains(first) else { return nil }
        let templates = rules.templates.indices.filter { t in anchors[t].contains { !$0.isEmpty && head.starts(with: $0) } }
        return templates.isEmpty ? nil : templates
    }

    /// How many numbers the line holds when it holds nothing else.
    func numbersOnly(_ line: SourceLine) -> Int? {
        let tokens = line.text.unicodeScalars.split { $0 == " " || $0 == "\t" }
        return !tokens.isEmpty && tokens.allSatisfy(Self.isNumber) ? tokens.count : nil
    }

    func isBlank(_ line: SourceLine) -> Bool { line.text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }
}
