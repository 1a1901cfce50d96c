/// Stage 2, runs a page seam carried apart from their sentence's end mark:
///
/// - `lines.page-seam-run`: a sentence left open at a page's end goes on at
///   the next page's top with a number (84.2%) or Latin word in the Latin
///   font, and its Han end mark; a Chromium-printed PDF draws the two on
///   other baselines, and pdftotext emits the mark on a line of its own,
///   the run apart from it: right after it (`-layout`), or, keeping the
///   drawing order, at the end of the mark's block (`-raw`: after the next
///   heading):
///
///         …关注人数增加到3427人，增长         …关注人数增加到3427人，增长
///         -1-                                 -1-
///         。                                  。
///         84.2%                               （五）监督保障。…
///         （五）监督保障。…                   二、主动公开政府信息情况
///                                             84.2%
///
///   The lone mark is the sentence's (stage 2 joins it, a mark no line may
///   start with, to the line before the page break), and so is the run: it
///   goes back before the mark (84.2%。), and the sentence reads whole.
///   Only where nothing else can claim the run: the line before the page
///   break (page numbers and blank lines aside, at least one page number:
///   the seam) ends no sentence; the run is a line of its own of
///   `displacedRun.characters` (a digit among them, `numberSuffixes` after
///   them) or a Latin word; no run of digits follows it (a table's column of
///   values); and, at the block's end, the line before it is a heading with
///   no running text or ends a sentence (a paragraph's own last word stays).
///
///   The same holds where the mark is no lone end mark but opens the page's
///   first line, text after it (a line that opens with ；，、：。 lost what
///   stood before the mark, since no line may open with one): Chromium
///   draws the number that opened the line (16.3%) on another baseline,
///   and pdftotext emits it right after that line (`-layout`) or at the end
///   of its block (default mode), and it goes back before the mark:
///
///         …全市主动公开政府信息28.47万条，较上年增长
///         -1-
///         ；收到政府信息公开申请2186件，较上年增长21.5%；因
///         政府信息公开引发的行政复议案件41件、行政诉讼案件23件。
///         16.3%
///
///   (held-out wencheng-city-2020, Chromium pdftotext default and -layout:
///   16.3%；收到…). Where no run stands so, the line is reported: what
///   opened it was drawn elsewhere or lost (`lines.page-seam-run`, a suspicion).
extension LineRepair {
    /// Puts runs carried apart at a page seam back before their sentence's
    /// lone end mark. Looks further only at lines of one mark.
    func restorePageSeamRuns(_ lines: inout [SourceLine], context: PipelineContext) {
        // The runs taken, removed in one pass at the end (a removal per run
        // moved every line after it: quadratic on a page of such seams).
        var taken: Set<Int> = []
        // The last line of the block last walked: marks in one block walk it once.
        var blockEnd = -1
        for i in lines.indices {
            // The line's length and lead byte, read once for both questions
            // below (the first changes the line only where it goes on).
            let length = lines[i].text.utf8.count, lead = Int(lines[i].text.firstUTF8Byte)
            // A line opening with a mark, text after it, at a page's top
            // (its lead byte told first: most lines open otherwise).
            if length > 4, markLineLeads[lead],
               opensWithMark(lines[i].text), followsOpenSentenceAcrossPage(lines, mark: i) {
                guard let run = seamRun(lines, after: i, blockEnd: &blockEnd), !taken.contains(run) else {
                    context.report(.lines, "lines.page-seam-run", .suspicion,
                                   "'\(lines[i].text)' opens with a mark no line may open with, after a page break that cut a sentence short: what stood before the mark was drawn elsewhere or lost; left as it stands",
                                   line: lines[i].number)
                    continue
                }
                let line = lines[i].text, text = lines[run].text + line
                context.traced(.lines, "lines.page-seam-run", line: lines[i].number,
                               before: line + "⏎…⏎" + lines[run].text, after: text)
                lines[i].text = text
                taken.insert(run)
                continue
            }
            // A lone mark is one to four bytes opening with a mark's lead
            // byte: told on the bytes here, so that most lines (a table's
            // values are short too) are not handed to `isLoneEndMark` (a
            // call, its String retained, for every line was most of this pass).
            guard length &- 1 < 4, strongFinalLeads[lead],
                  isLoneEndMark(lines[i].text), followsOpenSentenceAcrossPage(lines, mark: i),
                  let run = seamRun(lines, after: i, blockEnd: &blockEnd), !taken.contains(run) else { continue }
            let mark = lines[i].text, text = lines[run].text + mark
            context.traced(.lines, "lines.page-seam-run", line: lines[i].number,
                           before: mark + "⏎…⏎" + lines[run].text, after: text)
            lines[i].text = text
            taken.insert(run)
        }
        guard !taken.isEmpty else { return }
        var kept = 0
        for i in lines.indices where !taken.contains(i) {
            if kept != i { lines.swapAt(kept, i) }
            kept += 1
        }
        lines.removeLast(lines.count - kept)
    }

    /// Opens with a full-width mark of `noLineStart` (；，、：。) and holds
    /// Han text after it: a line's tail whose head went elsewhere.
    func opensWithMark(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let mark = scalars.next(), !mark.isASCII, noLineStart.contains(mark),
              let next = scalars.next() else { return false }
        return Self.isIdeographic(next)
    }

    /// One of `strongFinal` (。！？) and nothing else.
    func isLoneEndMark(_ text: String) -> Bool {
        guard text.utf8.count <= 4 else { return false }
        var scalars = text.unicodeScalars.makeIterator()
        guard let mark = scalars.next(), scalars.next() == nil else { return false }
        return strongFinal.contains(mark)
    }

    /// The line at `mark` comes after a page break (a page number, blank
    /// lines) that cut a sentence short: the last line before it, page
    /// numbers and blank lines aside, ends no sentence and is no value.
    ///
    /// That last line may be the run that opens its own block, emitted at
    /// the block's end, right before the page number, by pdftotext's
    /// default mode (the paragraph's year, which `lines.block-end-run` puts
    /// back after this pass): then the sentence is asked of the line before
    /// it (held-out fengchuan-scjgj-2024, Chromium pdftotext default:
    /// 年，我局… ⏎ …较上年增长 ⏎ 2024 ⏎ -1- ⏎ ，其中… ⏎ … ⏎ 8.7%).
    func followsOpenSentenceAcrossPage(_ lines: [SourceLine], mark: Int) -> Bool {
        var j = mark - 1
        var pageNumber = false
        while j >= 0 {
            if isPageNumber(lines[j].text, last: false) {
                pageNumber = true
            } else if !lines[j].text.isEmpty {
                break
            }
            j -= 1
        }
        guard pageNumber, j >= 0 else { return false }
        if j > 0, isNumberLine(lines[j].text), !lines[j - 1].text.isEmpty, !isSeamRun(lines[j - 1].text) {
            var first = j - 1
            while first > 0, !lines[first - 1].text.isEmpty { first -= 1 }
            if opensBlock(lines[first].text, after: lines[j].text) { j -= 1 }
        }
        return !endsSentence(lines[j].text) && !isSeamRun(lines[j].text)
    }

    /// The run the mark at `mark` lost: the line right after it, or the last
    /// line of its block after a heading or a sentence's end; nil when there
    /// is none, or when a run follows it (a table's values). `blockEnd`: the
    /// last line of the block last walked, kept between calls.
    func seamRun(_ lines: [SourceLine], after mark: Int, blockEnd: inout Int) -> Int? {
        let next = mark + 1
        guard next < lines.count, !lines[next].text.isEmpty else { return nil }
        if isSeamRun(lines[next].text) { return followedByRun(lines, at: next) ? nil : next }
        if blockEnd < next {
            blockEnd = next
            while blockEnd + 1 < lines.count, !lines[blockEnd + 1].text.isEmpty { blockEnd += 1 }
        }
        let end = blockEnd
        guard end > next, isSeamRun(lines[end].text), !isPageNumber(lines[end].text, last: false),
              !followedByRun(lines, at: end) else { return nil }
        let previous = lines[end - 1].text
        // A heading's own 、 (二、) is no running text: its text after the numbering is asked.
        let heading = numbering.levelAndRestOffset(previous).map { !hasRunningText(previous, fromUTF8Offset: $0.restUTF8Offset) } ?? false
        return heading || endsSentence(previous) ? end : nil
    }

    /// A run of `displacedRun.characters` with a digit, one of
    /// `numberSuffixes` allowed after it (84.2%), or a Latin word (APP),
    /// within `displacedRun.maxColumns`.
    func isSeamRun(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= file.displacedRun.maxColumns else { return false }
        if isDisplacedRun(text) || isLatinWord(text) { return true }
        guard let last = text.unicodeScalars.last, numberSuffixes.contains(last) else { return false }
        let number = String(text.unicodeScalars.dropLast())
        return !number.isEmpty && isDisplacedRun(number)
    }

    /// The next non-blank line after `index` is a run too: a column of values.
    func followedByRun(_ lines: [SourceLine], at index: Int) -> Bool {
        guard let next = lines[(index + 1)...].first(where: { !$0.text.isEmpty }) else { return false }
        return isSeamRun(next.text)
    }
}
