/// Stage 2, `lines.join-open-quote`: a paragraph OCR cut at a page break
/// while a quotation, parenthesis or title it opened was still open, put
/// back together.
///
/// Tesseract reads a page's last line and the next page's first as two
/// blocks, a blank line (and the page's footer) between them: held-out
/// shuchuan-wjw-2020 五, `2021年，我委将建立疫情信息发布“双人` ⏎⏎ `-4-` ⏎⏎
/// (form feed) `复核”制度，…`. The widths say nothing across the blank line
/// (OCR keeps no column a page's last line could be measured against), so
/// the paragraph ended there. The marks do: where the paragraph so far
/// leaves one of `ocrQuoteBreaks.pairs` (Rules/lines.json) open, the
/// innermost, and the next block's first mark of that pair is its closer,
/// the block is the paragraph going on — no gold of either corpus carries a
/// quotation, parenthesis or title across paragraphs. Only in a document
/// that reads as OCR (`OCRRepairs.LineRepairs.readsAsOCR`): a text layer
/// keeps its page's lines apart otherwise, and none changes. Not where one
/// of the two holds no running text (，。；、: a table's label cut in its
/// cell, 3.危及“三安全 ⏎⏎ 一稳定”), nor into a table row (a TAB, OCR's |,
/// an anchor) or a numbered line.
extension LineRepair {
    /// Whether `next`, after a blank line, closes the pair `paragraph`'s
    /// lines leave open (see above); whether numbering opens `next` the
    /// caller asks after (`NumberedLines`: an autoclosure here copied the
    /// whole `LineRepair` at each `join`, 5.4 M in the 1 MB bench). Most
    /// blocks of OCR's text hold no closer of any pair at all: told on the
    /// bytes of `next` first (`quoteBreakClosers`), the paragraph is read
    /// only where one stands.
    func closesAcrossBreak(_ paragraph: ArraySlice<SourceLine>, into next: String) -> Bool {
        guard !quoteBreakPairs.isEmpty, let last = paragraph.last, !next.containsTab, !next.holdsUTF8Byte(0x7C),
              quoteBreakClosers.contains(where: { next.holdsUTF8($0) }),
              !last.text.containsTab, !last.text.holdsUTF8Byte(0x7C) else { return false }
        // The pairs still open at the paragraph's end, innermost last; a
        // closer of another pair than the innermost's closes the pair it
        // belongs to, with whatever was opened inside it (a mark OCR lost).
        var open: [Int] = []
        var running = false
        for line in paragraph {
            for s in line.text.unicodeScalars {
                if !running && runningText.contains(s) { running = true }
                if let k = quoteBreakPairs.firstIndex(where: { $0.open == s }) {
                    open.append(k)
                } else if let k = quoteBreakPairs.firstIndex(where: { $0.close == s }), let at = open.lastIndex(of: k) {
                    open.removeSubrange(at...)
                }
            }
        }
        guard let innermost = open.last else { return false }
        let pair = quoteBreakPairs[innermost]
        guard let first = next.unicodeScalars.first(where: { $0 == pair.open || $0 == pair.close }), first == pair.close,
              running || next.unicodeScalars.contains(where: { runningText.contains($0) }) else { return false }
        return !opensTable(next)
    }
}
