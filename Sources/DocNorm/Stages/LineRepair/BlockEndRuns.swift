/// Stage 2, runs emitted at the end of their block:
///
/// - `lines.block-end-run`: the run of Latin digits that opens a block (a
///   paragraph's year, a heading's 1.), set in another font, is drawn after
///   the block's other text in a Chromium-printed PDF, and pdftotext `-raw`,
///   which keeps the drawing order, emits it on a line of its own at the
///   block's end, before the blank line that marks its jump back down the
///   page (or, where the block ends its page, between blank lines before
///   the page number):
///
///         年，我局因政府信息公开工作被申请行政复议1件，经
///         桐川县人民政府复议，维持原答复。
///         2019
///         ⏎
///
///   It goes back to the start of the block's first line when that line
///   opens with Han text and needs it: a line that the run makes numbered
///   and that is not numbered already (1. + 公开总体情况, 1 + 、公开…), or, for a bare
///   run of digits or a decimal, one opening with a unit a number must
///   precede (`displacedRun.numberedUnits`: 2019 + 年，我局…, 486.3 + 亿元，…). Only the block's
///   first line qualifies, so a run that stands at the end of a block of
///   table values (1843 after 处理决定数量) stays; so does a run followed by
///   more numbers (a table's cells, 7. of 7.属于行政执法案卷 among them):
///   those are stage 3's to read, as the extractor left them; so does a run
///   right after another (a column read top to bottom under a header piece:
///   人⏎5⏎1⏎2 is 自然人's values, not 2 + 人). A run between
///   blank lines qualifies only before a page number: canonical text sets
///   every block between blank lines and has no page numbers, so a run its
///   first reading left alone stays alone in a second.
///   `lines.block-end-run-page-top`: so does one between blank lines right
///   after a block that opens its page (a page number before it): the page's
///   first block drawn before its own number, the item number of a list
///   carried over a page break (-1- ⏎ 审计机关权责清单… ⏎ 6. ⏎ （二）…); canonical
///   text has no page numbers, so this too never acts on a second reading.
///
///   An opening quote set in the Latin font (`displacedRun.quotes`) is such
///   a run too, on a line of its own: it goes back when the block's first
///   line holds its closer before any opener of its kind (双随机、一公开”…
///   then, at the block's end, “).
///
///   So is a Latin word (APP, H5: ASCII letters, digits among them), or a
///   time of day (17:30, which pdftotext's default mode emits so too:
///   14:30- ⏎ -1- ⏎ 受理当面申请… ⏎ … ⏎ 17:30), where
///   the block's first line, Han text and no heading, goes on with a
///   sentence the text before the block left open (通过“云岭农业” ⏎ -1- ⏎
///   和微信公众号…), and the line before the word cannot go on into it (a
///   heading with no running text, or a sentence's end): a word that ends
///   its own line of a paragraph stays.
extension LineRepair {
    /// Puts runs emitted at their block's end back at its start, in the one
    /// array (no copy). Looks at lines of nothing but the rule's characters.
    func restoreBlockEndRuns(_ lines: inout [SourceLine], context: PipelineContext) {
        let limit = file.displacedRun.maxColumns
        var kept = 0
        // The kept index of the current block's first line, and of the block
        // before the last blank line (for a run that is a block of its own).
        var blockStart: Int?
        var previousBlockStart: Int?
        for i in lines.indices {
            if lines[i].text.isEmpty {
                if blockStart != nil { previousBlockStart = blockStart }
                blockStart = nil
            } else if lines[i].text.utf8.count <= limit, i + 1 == lines.count || lines[i + 1].text.isEmpty,
                      let target = blockStart ?? previousBlockStart,
                      !(blockStart != nil && kept - 1 > target && isNumberLine(lines[kept - 1].text)),
                      isDisplacedRun(lines[i].text)
                        ? opensBlock(lines[target].text, after: lines[i].text)
                            || isClockTime(lines[i].text) && blockStart != nil && latinWordOpens(lines, block: target, before: kept - 1)
                        : isLatinWord(lines[i].text) ? blockStart != nil && latinWordOpens(lines, block: target, before: kept - 1)
                        : quoteOpens(lines[target].text, run: lines[i].text),
                      endsBlock(lines, at: i, alone: blockStart == nil) || blockStart == nil && opensPage(lines, block: target) && endsBlock(lines, at: i, alone: false) {
                let run = lines[i], line = lines[target]
                let text = run.text + line.text
                let pageTop = blockStart == nil && !endsBlock(lines, at: i, alone: true)
                context.traced(.lines, pageTop ? "lines.block-end-run-page-top" : "lines.block-end-run", line: line.number,
                               before: line.text + "⏎…⏎" + run.text, after: text)
                lines[target].text = text
                continue
            } else if blockStart == nil {
                blockStart = kept
            }
            // No write until a run has gone: most documents have none.
            if kept != i { lines.swapAt(kept, i) }
            kept += 1
        }
        if kept < lines.count { lines.removeLast(lines.count - kept) }
    }

    /// A line of nothing but a run of the rule's characters (a table's value
    /// as pdftotext -raw sets one per line): a run right after one is a
    /// column's last value, not a block's displaced opening.
    func isNumberLine(_ text: String) -> Bool {
        text.utf8.count <= file.displacedRun.maxColumns && isDisplacedRun(text)
    }

    /// Whether the block whose first line is `block` opens its page: the
    /// line before it (blank lines aside) is a page number.
    func opensPage(_ lines: [SourceLine], block: Int) -> Bool {
        guard let before = lines[..<block].last(where: { !$0.text.isEmpty }) else { return false }
        return isPageNumber(before.text, last: false)
    }

    /// What follows the run at `index` lets it end its block: not a run of
    /// digits (a table's next cell); a page number, where the run stands
    /// `alone` between blank lines.
    func endsBlock(_ lines: [SourceLine], at index: Int, alone: Bool) -> Bool {
        guard let next = lines[(index + 1)...].first(where: { !$0.text.isEmpty }) else { return !alone }
        if next.text.utf8.count <= file.displacedRun.maxColumns && isDisplacedRun(next.text) { return false }
        return !alone || isPageNumber(next.text, last: false)
    }

    /// `run` belongs before `line`, the first line of its block: the line
    /// opens with Han text that the run numbers (1. + 公开总体情况, or a bare
    /// 1 + 、公开总体情况: the closing mark is CJK and stays in place) and
    /// nothing numbers yet, or, for a bare run of digits, with a unit a
    /// number must precede (2019 + 年).
    func opensBlock(_ line: String, after run: String) -> Bool {
        var scalars = line.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        // On the bytes: a scalar that is no ASCII digit has no such byte.
        let bare = run.utf8.allSatisfy { $0 &- 0x30 < 10 }
        if Self.isIdeographic(first) {
            // Digits alone number no Han text (every arabic style has a mark);
            // nor does a decimal (486.3 + 亿元，…).
            if bare || isDecimal(run) { return numberedUnits.contains(first) }
        } else {
            guard bare, noLineStart.contains(first), scalars.next().map(Self.isIdeographic) == true else { return false }
        }
        return !startsWithNumbering(line) && startsWithNumbering(run + line)
    }

    /// `run` is one opening quote of `displacedRun.quotes` and `line` holds
    /// its closer before any opener of the pair: the quote the line lacks.
    func quoteOpens(_ line: String, run: String) -> Bool {
        var runScalars = run.unicodeScalars.makeIterator()
        guard let opener = runScalars.next(), runScalars.next() == nil,
              let pair = file.displacedRun.quotes?.first(where: { $0.unicodeScalars.first == opener }),
              let closer = pair.unicodeScalars.dropFirst().first else { return false }
        for s in line.unicodeScalars {
            if s == opener { return false }
            if s == closer { return true }
        }
        return false
    }

    /// ASCII letters, digits among them (APP, H5), at least one letter.
    func isLatinWord(_ text: String) -> Bool {
        var letter = false
        for s in text.unicodeScalars {
            if ("A"..."Z").contains(s) || ("a"..."z").contains(s) {
                letter = true
            } else if !("0"..."9").contains(s) {
                return false
            }
        }
        return letter
    }

    /// A Latin word at the end of the block whose first line is at `block`
    /// belongs before that line: the line opens with Han text and is no
    /// heading, the last line before the block (blank lines and page
    /// numbers aside) ends no sentence, and the line at `before`, the one
    /// before the word and not the block's first, is a heading with no
    /// running text or ends a sentence.
    func latinWordOpens(_ lines: [SourceLine], block: Int, before: Int) -> Bool {
        guard before > block, let first = lines[block].text.unicodeScalars.first, Self.isIdeographic(first),
              !startsWithNumbering(lines[block].text) else { return false }
        let previous = lines[before].text
        // A heading's own 、 (二、) is no running text: its text after the numbering is asked.
        let heading = numbering.levelAndRestOffset(previous).map { !hasRunningText(previous, fromUTF8Offset: $0.restUTF8Offset) } ?? false
        guard heading || endsSentence(previous) else { return false }
        var j = block - 1
        while j >= 0, lines[j].text.isEmpty || isPageNumber(lines[j].text, last: false) { j -= 1 }
        return j >= 0 && !endsSentence(lines[j].text)
    }

    /// Digits, a colon, two digits (17:30): a time of day, which numbers
    /// no text and is no table's value, so at a block's end it is read as
    /// a Latin word is (`latinWordOpens`). Four or five bytes, the colon
    /// third from the end: told from the byte count before a byte is read
    /// (most runs asked are longer), the bytes read in place (an array of
    /// them was made per run).
    func isClockTime(_ run: String) -> Bool {
        let utf8 = run.utf8
        guard utf8.count == 4 || utf8.count == 5 else { return false }
        let colon = utf8.count - 3
        for (offset, byte) in utf8.enumerated() where offset == colon ? byte != UInt8(ascii: ":") : byte &- 0x30 >= 10 { return false }
        return true
    }

    /// Digits, a point, digits (486.3): never a heading's number (1.).
    /// Read on the bytes (splitting into substrings allocated an array a
    /// run): one point, with ASCII digits and nothing else on either side.
    func isDecimal(_ run: String) -> Bool {
        var points = 0, digitsBefore = 0, digitsAfter = 0
        for byte in run.utf8 {
            if byte == UInt8(ascii: ".") {
                points += 1
            } else if byte &- 0x30 < 10 {
                if points == 0 { digitsBefore += 1 } else { digitsAfter += 1 }
            } else {
                return false
            }
        }
        return points == 1 && digitsBefore > 0 && digitsAfter > 0
    }
}
