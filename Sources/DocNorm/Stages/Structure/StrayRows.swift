/// Stage 4, `structure.stray-rows`: data rows whose labels OCR garbled past
/// reading, their values kept, in the text skipped to reach the next label
/// read (held-out hengzhou-city-2022's Tesseract text: `（三）不4.保沪第三广21 8
/// 1 2 6 3 | 41`, `予公开 合法权益`, `5.属于三美内14 5 2 1 4 2 | 28` for
/// 4.保护第三方合法权益 and 5.属于三类内部事务信息, the first value run into
/// the label when the spaces between Han and digits went). Those rows'
/// labels are restored and none of their values read; the next row's label
/// is found further on (`findAhead`, past text that fits no cell) and the
/// text skipped to it holds runs of values, each after text. The runs are
/// those rows' values, in order, when the rows' own arithmetic says so:
/// - the runs are exactly as many as those rows, each exactly its row's
///   count of values;
/// - the text before each run holds its row's numbering (4., 5.; its dot
///   may be lost, 4保沪), or, the numbering lost, the label's whole text in
///   order with other text between its pieces (a label cut in two round
///   the group label's last line: `（五）不予|信访举报投诉` ⏎ `处理 类申请
///   1 0 0 0 0 0 | 1` for 1.信访举报投诉类申请, held-out huangchuan-fgj-2020
///   and eval tongchuan-scjg-2019's Tesseract text), so each run stands
///   where its row's label was;
/// - each run keeps every row relation of its row that can be evaluated
///   (at least one), one of them with a term that is not 0 (0s add up
///   anywhere).
/// They are placed, the rows' missing-value findings replaced by a repair
/// saying why, traced; the rows' labels stay flagged as restored unless the
/// table's final arithmetic proves them as it proves an unreadable label's
/// values (`structure.placement-proven`, PlacementProof.swift: column sums
/// too, wherever they can be evaluated). Anything less stays stray text,
/// flagged.
extension TemplateMatcher {
    /// Per row of `restored` (template data rows, in order), the ranges of
    /// its values in `stray` (stream positions, one a value), as above; nil
    /// unless every condition holds.
    func strayRowValues(_ template: TableTemplate, rows restored: [Int], in stray: Range<Int>,
                        stream: CellStream) -> [[Range<Int>]]? {
        guard !restored.isEmpty else { return nil }
        var runs: [[Range<Int>]] = [], texts: [Range<Int>] = []
        var q = stray.lowerBound
        while q < stray.upperBound {
            let start = valueEnd(in: stream, at: q) != nil ? q : nextValueStart(in: stream, after: q, limit: stray.upperBound - q)
            guard start < stray.upperBound else { break }
            var run: [Range<Int>] = [], end = start
            while end < stray.upperBound, let e = valueEnd(in: stream, at: end), e <= stray.upperBound {
                run.append(end..<e)
                end = e
            }
            guard !run.isEmpty, runs.count < restored.count else { return nil }
            texts.append(q..<start)
            runs.append(run)
            q = end
        }
        guard runs.count == restored.count else { return nil }
        let digits = rules.digits
        for (i, row) in restored.enumerated() {
            let values = runs[i]
            guard values.count == template.rows[row].valueColumns.count,
                  let label = template.rows[row].labelScalars.last(where: { !$0.isEmpty }) else { return nil }
            // The row's numbering: its label's digits (4 of 4.), standing in
            // the text before the run as a number of their own, with its
            // mark or without (OCR drops the dot: 4保沪第三广), not inside a
            // longer number (14).
            let numbering = label.prefix { digits.contains($0) }
            guard !numbering.isEmpty, numbering.count < label.count else { return nil }
            let before = stream.scalars[texts[i]]
            let numbered = before.count > numbering.count
                && (before.startIndex..<(before.endIndex - numbering.count)).contains(where: { at in
                    before[at..<at + numbering.count].elementsEqual(numbering)
                        && (at == before.startIndex || !digits.contains(before[at - 1]))
                        && !digits.contains(before[at + numbering.count])
                })
            guard numbered || holdsInPieces(label.dropFirst(numbering.count).drop { !$0.properties.isAlphabetic }, before)
            else { return nil }
            guard let relations = rowRelations(template, row: row, number: { TableArithmetic.number(stream.text(values[$0])) }),
                  relations.hold, relations.nonZero else { return nil }
        }
        return runs
    }

    /// Whether `text` (a label's words, its numbering dropped) stands whole
    /// in `stretch`, in order, in pieces at most as far apart as the text
    /// is long: a label OCR cut round another cell's line, every character
    /// read right. (A misread character or a lost one fails: the numbering
    /// is the other evidence.)
    private func holdsInPieces(_ text: ArraySlice<Unicode.Scalar>, _ stretch: ArraySlice<Unicode.Scalar>) -> Bool {
        guard text.count >= 2 else { return false }
        var first: Int?, at = stretch.startIndex
        for c in text {
            guard let found = stretch[at...].firstIndex(of: c) else { return false }
            if first == nil { first = found }
            at = found + 1
        }
        return at - first! <= 2 * text.count
    }
}
