import ICUKit

/// Stage 2, `lines.join-mark-pair`: a visual line that an extractor cut in
/// pieces where two full-width marks meet, put back together.
///
/// Chromium sets a pair of adjacent full-width marks tighter: the second is
/// drawn half an em back, over the first's advance (…办法》 ends at x 224.3,
/// （国卫办发〔 starts at 216.4, same baseline), and an extractor that follows
/// the content stream (pdftotext -raw) starts a new line wherever the pen
/// moves back. One line of the column becomes two or three short lines
/// (根据《…条例》⏎《医疗卫生机构), each of which would end its paragraph.
/// The evidence is their width: lines right after one another (no blank
/// line, no page furniture between), each ending with one of
/// `markPairs.lineEnds` before one opening with one of
/// `markPairs.lineStarts`, that together measure the text column within
/// `wrap.window` are one line, joined with no space. A paragraph's last
/// line before a numbered heading (…公开。⏎（二）…) is no such pair: after
/// one of `strongFinal` the next piece opens with no heading numbering
/// (298 such seams in Chromium's `pdftotext -raw`, 34 of them one column
/// wide together), while a sentence that goes on in its paragraph does
/// (…处理费。⏎《条例》第五十条…). A table's row (a TAB, an anchor, OCR's |)
/// is none.
extension LineRepair {
    /// Mark sets of `markPairs` (Rules/lines.json), as bit sets.
    struct MarkPairs {
        let lineEnds: ScalarSet
        let lineStarts: ScalarSet
        /// Per byte, whether it is the last UTF-8 byte of one of `lineEnds`:
        /// most lines end with no such mark, told from their last byte
        /// without copying the line or decoding its ends (3 M instructions
        /// of the 1 MB bench went on that).
        let lineEndLastBytes: [Bool]

        init(lineEnds marks: String, lineStarts: ScalarSet, set: (String) -> ScalarSet) {
            lineEnds = set(marks)
            self.lineStarts = lineStarts
            var bytes = [Bool](repeating: false, count: 256)
            for s in marks.unicodeScalars { bytes[Int(String(s).utf8.last!)] = true }
            lineEndLastBytes = bytes
        }
    }

    /// The stretch with every run of pieces cut at mark pairs joined into
    /// the line it was, against `column` (the text column measured with
    /// the pieces in it); nil when nothing joined. `spans`: the number of
    /// each joined line's last piece, by the line's (its first piece's)
    /// number, so that its paragraph's source lines reach it.
    func gatherMarkPairCuts(_ lines: ArraySlice<SourceLine>, column: Int, spans: inout [Int: Int],
                            context: PipelineContext) -> ArraySlice<SourceLine>? {
        markPairCuts(lines, column: column, spans: &spans, context: context).joined
    }

    /// `gatherMarkPairCuts`, and whether any line of the stretch ends
    /// where the next was cut from it (`holdsCut`), joined or not: where
    /// none does, no part of the stretch joins against any column
    /// (`gatherTopBlockMarkPairCuts` need not look for its block).
    func markPairCuts(_ lines: ArraySlice<SourceLine>, column: Int, spans: inout [Int: Int],
                      context: PipelineContext) -> (joined: ArraySlice<SourceLine>?, holdsCut: Bool) {
        guard let pairs = markPairs else { return (nil, false) }
        let low = column - file.wrap.window, high = column + file.wrap.window
        var output: [SourceLine]?
        var holdsCut = false
        /// Whether the line at `index` ends with a mark that the line right
        /// after it may have been cut from, that one opening with a mark.
        func cutAfter(_ index: Int) -> Bool {
            guard pairs.lineEndLastBytes[Int(lines[index].text.lastUTF8Byte)] else { return false }
            let line = lines[index], next = lines[index + 1]
            // The ends read off the UTF-8 (`lastScalar`, `firstScalar`): the scalar
            // views' validated steps cost more than the rest of the test.
            guard next.number == line.number + 1, let end = line.text.lastScalar, pairs.lineEnds.contains(end),
                  let start = next.text.firstScalar, pairs.lineStarts.contains(start) else { return false }
            // After a full stop a numbered line is a heading of its own (…公开。⏎（二）…).
            if strongFinal.contains(end) && startsWithNumbering(next.text) { return false }
            // OCR's table rows hold | for the rules.
            let cut = !line.text.containsTab && !next.text.containsTab && !opensTable(next.text)
                && !line.text.utf8.contains(0x7C) && !next.text.utf8.contains(0x7C)
            if cut { holdsCut = true }
            return cut
        }
        var i = lines.startIndex
        while i < lines.endIndex {
            // Most lines end with no mark: told on the last scalar before anything is measured.
            guard i + 1 < lines.endIndex, !lines[i].text.isEmpty, cutAfter(i) else {
                output?.append(lines[i]); i += 1; continue
            }
            var total = columns(lines[i].text), end = i, best: Int?
            var j = i
            while j + 1 < lines.endIndex, cutAfter(j) {
                total += columns(lines[j + 1].text)
                guard total <= high else { break }
                j += 1
                if total >= low { best = j }
            }
            guard let last = best else { output?.append(lines[i]); i += 1; continue }
            end = last
            if output == nil {
                output = []
                output!.reserveCapacity(lines.count)
                output!.append(contentsOf: lines[..<i])
            }
            let pieces = lines[i...end]
            let text = pieces.map(\.text).joined()
            context.traced(.lines, "lines.join-mark-pair", line: lines[i].number,
                           before: pieces.map(\.text).joined(separator: "⏎"), after: text)
            let extracted = pieces.allSatisfy { $0.extractedColumns != nil } ? pieces.reduce(0) { $0 + $1.extractedColumns! } : nil
            output!.append(SourceLine(number: lines[i].number, text: text, extractedColumns: extracted))
            spans[lines[i].number] = lines[end].number
            i = end + 1
        }
        return (output.map { $0[...] }, holdsCut)
    }

    /// The first stretch with the pieces cut at mark pairs inside a block at
    /// the top set in a column of its own (`topBlockColumn`: a preamble in a
    /// narrower column than the body) joined against that block's column:
    /// measured against the body's, which they fall well short of together,
    /// they stayed apart (度报告格式》⏎（国办公开办函〔2021〕30号）, 12 and 28
    /// columns, the block's column 40, the body's 54). The block is found
    /// as `join` finds it, on the stretch's non-blank lines, the title's
    /// short lines in it (no peak of a block's widths). Nil when nothing joined.
    func gatherTopBlockMarkPairCuts(_ lines: ArraySlice<SourceLine>, bodyWidth: Int, spans: inout [Int: Int],
                                    context: PipelineContext) -> ArraySlice<SourceLine>? {
        guard markPairs != nil else { return nil }
        // Sized once (a filter grew its array, copying it at each doubling).
        var text: [SourceLine] = []
        text.reserveCapacity(lines.count)
        for line in lines where !line.text.isEmpty { text.append(line) }
        guard let block = topBlockColumn(text[...], bodyWidth: bodyWidth, context: nil), block.end > 0 else { return nil }
        let lastNumber = text[block.end - 1].number
        let end = lines.firstIndex { $0.number > lastNumber } ?? lines.endIndex
        guard let joined = gatherMarkPairCuts(lines[..<end], column: block.width, spans: &spans, context: context) else { return nil }
        return (Array(joined) + lines[end...])[...]
    }
}
