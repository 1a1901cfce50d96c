/// Part of `tables.labelled-columns`: what the document's own arithmetic
/// tables say about how its extractor reads a block of several columns.
///
/// pdftotext -raw gives a block of table 二 as its header cells and then its
/// values: LibreOffice's PDF row by row (本年制发件数⏎本年废止件数⏎0⏎0⏎5⏎4:
/// 规章 0 0, 行政规范性文件 5 4), Chromium's column by column (0⏎5⏎⏎0⏎4).
/// Table 二 has no arithmetic, so its values cannot tell. What tells is a
/// step back up the page: reading column by column goes from the bottom of
/// one column up to the top of the next; reading row by row never goes up.
/// Where the extractor marks every step up with a blank line — as the
/// reading of the document's table 三, the only reading that satisfies its
/// arithmetic, shows at every place it goes up a row — a block's values
/// with no blank line among them were read without going up: row by row.
/// A block with a blank line among its values stays unplaced (a blank line
/// may also stand where a row goes down: a page break), and so does every
/// block of a document whose table 三 gives no such reading.
struct ColumnOrderEvidence: Sendable, Equatable {
    /// The table whose reading is the evidence, and what it shows.
    var table: String
    var firstLine: Int
    /// Steps up a row in its reading, each across a blank line.
    var stepsUp: Int
    /// The reading holds but for one cell (an author's error): it is still
    /// the only one, and its order is the extractor's.
    var butForOneCell = false

    var description: String {
        let holds = butForOneCell ? "satisfies its arithmetic but for one cell" : "satisfies its arithmetic"
        return "table \(table) from line \(firstLine): its only reading that \(holds) goes up a row \(stepsUp) times, each time across a blank line"
    }

    /// The evidence of an accepted reading: every step from one value to
    /// the next (in the order the extractor gave them) that goes to a row
    /// above crosses a blank line, and there is at least one. Nil otherwise.
    static func of(_ reading: ReadingOrderRecovery.Reading, tokens: [ReadingOrderRecovery.Token], lines: [SourceLine]) -> ColumnOrderEvidence? {
        var rowOf = [Int?](repeating: nil, count: tokens.count)
        for (r, cells) in reading.cells.enumerated() { for t in cells { rowOf[t] = r } }
        var stepsUp = 0
        var previous: Int?
        for t in tokens.indices {
            guard let row = rowOf[t] else { continue }
            defer { previous = t }
            guard let p = previous, let above = rowOf[p], row < above else { continue }
            let between = (tokens[p].lineIndex + 1)..<max(tokens[p].lineIndex + 1, tokens[t].lineIndex)
            guard between.contains(where: { isBlank(lines[$0]) }) else { return nil }
            stepsUp += 1
        }
        guard stepsUp > 0 else { return nil }
        return ColumnOrderEvidence(table: reading.template.id, firstLine: tokens.first.map { $0.line } ?? 0, stepsUp: stepsUp,
                                   butForOneCell: !reading.suspects.isEmpty)
    }

    static func isBlank(_ line: SourceLine) -> Bool {
        line.text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Whether one blank line or more, and nothing else, stands between
    /// lines `from` and `to` (indices into `lines`): a column printed apart
    /// from its header, a block broken by a page.
    static func onlyBlankLines(_ lines: [SourceLine], between from: Int, and to: Int) -> Bool {
        to - from >= 2 && (from + 1..<to).allSatisfy { isBlank(lines[$0]) }
    }
}

extension TableRecognizer {
    /// The evidence of the first arithmetic table after `from` that the
    /// reading-order search recovers (of the report's `edition`), read as
    /// the recognition will read it there (the memo then spares it the
    /// search). Only asked for where a block of table 二 is in doubt.
    ///
    /// The search ends at the next anchor of a table without arithmetic
    /// (another table 二: another report's): the evidence is this report's
    /// extractor's, and a text of many reports was searched to its end from
    /// every doubtful block (quadratic: 73% of a 10 MB document's run).
    ///
    /// Each search made here is the one the recognition makes on reaching
    /// that anchor (the memo spares it the table's `read`): its outcome is
    /// left in `searched` for the recognition to take, so the stretch is not
    /// bounded and tokenized again either.
    func columnOrderEvidence(_ lines: [SourceLine], from: Int, edition: Int?, memo: ReadingOrderRecovery.Memo?,
                             searched: inout [ReadingOrderRecovery.SearchAt: ReadingOrderRecovery.Outcome]) -> ColumnOrderEvidence? {
        let arithmetic = rules.templates.filter { !$0.checks.isEmpty && ReadingOrderRecovery.uniformSlots($0) != nil }
        let plainAnchors = rules.templates.filter { $0.checks.isEmpty }.flatMap { $0.anchors.map { Array($0.unicodeScalars) } }
        var k = from
        while k < lines.count {
            let head = lines[k].text.unicodeScalars.drop { $0 == "\t" || $0 == " " }
            // Most lines open with no anchor's first scalar.
            guard let first = head.first, anchorFirsts.contains(first) else { k += 1; continue }
            if plainAnchors.contains(where: { head.starts(with: $0) }) { return nil }
            let candidates = arithmetic.filter { t in t.anchors.contains { head.starts(with: $0.unicodeScalars) } }
            let inEdition = candidates.filter { t in edition.map { t.edition == $0 } ?? true }
            guard !candidates.isEmpty else { k += 1; continue }
            let tried = inEdition.isEmpty ? candidates : inEdition
            let outcome = readingOrder.recover(lines, from: k, candidates: tried, edition: edition, memo: memo)
            searched[ReadingOrderRecovery.SearchAt(start: k, candidates: tried.map(\.id), edition: edition)] = outcome
            switch outcome {
            case .recovered(let reading, let tokens, let last):
                if let evidence = ColumnOrderEvidence.of(reading, tokens: tokens, lines: lines) { return evidence }
                k = last + 1
            case .rejected(_, let end, _):
                k = max(k + 1, end)
            case .notApplicable:
                k += 1
            }
        }
        return nil
    }
}
