import ICUKit

/// Stage 2, hard wraps:
///
/// - `lines.text-column`: the document's text-column width is the peak of its
///   line-width histogram in display columns; documents with no peak (one
///   paragraph per line) are never joined. Without a peak it is measured
///   again without the lines that lost runs of spaces (table rows laid out
///   in columns), which blur it. Where it still finds none, a document too
///   short for a peak (a 乡 report of two paragraphs; a 街道 report of
///   three whose digits and URL spread the widths) takes its column from
///   the lines that plainly ran on, where most of them agree (`ranOnColumn`,
///   `wrap.minRanOnLines`).
/// - `lines.join-wrap`: a line continues on the next non-blank line when it
///   reached the column, where "reached" allows for what the layout could not
///   fit: the first unbreakable unit of the next line (a number, a URL, a CJK
///   character with the punctuation that may not open a line) and, on a
///   paragraph's first line, the indent the extractor dropped. A next line
///   opening with heading numbering, or a full stop (。！？) before a blank
///   line, ends the paragraph, and so does a short line opening with a
///   table's anchor (行政复议) unless it holds a full stop, which no row does; so does a numbered first line without a mark
///   of running text (，。；、) when the next line has one: a heading that
///   happened to fill the column (a heading's wrapped tail has none), unless
///   the numbered line before it of its style, one less, opened a paragraph
///   with running text (`lines.join-item-sibling`: the items of one list are
///   all headings or all paragraphs; 1.2025年起…，抽查结果 ⏎ 纳入年度考核。 ⏎
///   2.围绕《…》等群众关注的法律 ⏎ 法规，制作…, held-out tinglan-sfj-2024). So
///   does a full stop at the column before a line set in from the lines on
///   either side (a first-line indent pdftotext -layout kept:
///   `lines.indent-kept`). A next
///   line opening with punctuation no line may start with (，。、）) always
///   continues. CJK joins with no space, Latin with one, a wrapped
///   URL, e-mail or number (`0435-⏎87315120`, `https://⏎www…`) with none.
/// - `lines.indent-before-first-line`: so does a full stop at the column
///   before a line set in from it (a kept first-line indent) whose next line
///   is set in as far and is a first line too: numbered, or set in from the
///   line after it (a one-line paragraph before another paragraph).
/// - `lines.indent-like-first-line`: so does a full stop before a line set
///   in as far as the line that ends with it and from the line after it
///   (pdftotext -layout: both first lines, the one before a one-line paragraph).
/// - `lines.indent-width`: a full stop at the column ends the paragraph
///   before a line one first-line indent short of the column whose room the
///   next line's first unit would have filled: a first line whose indent the
///   extractor dropped. Exactly the indent for a line of full-width
///   characters; within one column of it for a line with digits or Latin
///   letters, measured as extracted but for the spaces where Latin meets
///   CJK, with a fifth of a column for each such place.
/// - `lines.indent-width-hung-next`: so does one before a line with digits
///   or Latin letters about the indent short whose next line's first unit
///   did not fit the room it leaves, but that unit's character before its
///   final ，。、；： did, with a column to spare: LibreOffice hangs the mark
///   rather than carry that character over (估，, 2020 年，…第三方评⏎估，…).
/// - `lines.indent-width-wide-unit`: so does one before a line of Han more
///   than the indent short whose next line's first unit fits the room it
///   leaves but not that room less the indent: no wrap stops there, a first
///   line does (…决定⏎3862件, held-out tingzhou-ghj-2019's Chromium layers).
/// - `lines.indent-hung-mark`: so does one before a line that is such a
///   first line against the column widened by its final ，、 (`hangingMarks`):
///   LibreOffice hangs that mark past the column rather than wrap it alone,
///   so a first line that filled the column measures the indent less the
///   mark short. A line with digits only when it opens with a run of digits
///   that fitted, as narrow as digits are set (`wrap.digitSlack`), in the
///   room the line before left.
/// - `lines.ran-on-unindented`: where a short report's column is taken from
///   the lines that ran on, a first line counts with or without the indent
///   (w3m sets none).
/// - `lines.ran-on-run-in`: there, a numbered line counts among the lines
///   that ran on when it holds a mark no heading holds (`runInMarks`: ，。；：):
///   a run-in heading's paragraph (w3m: （一）主动公开：全年…，公开年度 ⏎ 健身…).
/// - `lines.join-bracket`: a line the widths would end a paragraph at goes on
///   in the next one right after it when the paragraph, running text the
///   column wrapped already, leaves a bracket open (（电话：…；电子邮箱：⏎
///   blqcgj@…）。), unless that line is numbered or a table's.
/// - `lines.join-page-break`: a full stop at the column goes on across blank
///   lines (a page break: the page number between removed, pdftotext's
///   margins) in a line of only full-width characters wider than the column
///   less a first-line indent, up to the column: no first line is, its indent
///   leaves it short, and no heading opens a line so (numbered, or short), so
///   the paragraph went on on the next page (…发布信息2146条。⏎- 1 -⏎按照《条例》
///   第二十条规定，…). A line with digits goes on so when it comes, counted
///   as `lines.indent-width` counts a first line, at most `wrap.pageBreakMaxShort` columns short
///   (…702 条。⏎- 1 -⏎街道综合执法队…行政强制决定 4), where a removed page
///   number or running header shows the page break (OCR's blank line between
///   paragraphs is none, and a misread character can fill an indent); one whose Latin letters
///   may be narrower than they measure by enough to leave the room of an
///   indent does not. Only where the column is exact, measured against the
///   column the lines of Han reach (`exactlyWideColumn`). Where the extractor
///   kept the first-line indent (pdftotext -layout), whatever the widths: a
///   next line set in no further than the paragraph's second line that wraps
///   on is no first line (…702 条。⏎-1-⏎街道综合执法队…决定 4⏎件，…).
/// - `lines.join-latin`: where the document has no text column (a paragraph
///   per line: an HTML page through html2text), a line ending with a Latin
///   letter goes on in the next, right after it, when that one opens with a
///   Latin letter or a digit: html2text wraps a paragraph only at a space,
///   where the next word would pass its width, and a Chinese paragraph's
///   spaces stand after Latin tokens (在局网站英文版“Invest in⏎Rongxi”专栏…,
///   《绿色建筑评价标准》（GB/T⏎50378—2019）). One space, as between any Latin words.
/// - `lines.join-latin-hyphen`: there too, a line ending with two Latin
///   letters and a hyphen goes on in the next when that one opens with a
///   Latin letter and the two pieces make one e-mail address, URL or host
///   name: textwrap breaks after such a hyphen too (`break_on_hyphens`;
///   电子邮箱：jz-⏎gxj-gk@jingzhou.gov.cn）). No space, the hyphen kept.
/// - `lines.signed-values-line`: a line of nothing but a table's values,
///   a signed one among them (`isValuesLine(signed:)`: 增1 减5 0, 3 -1 2),
///   goes on no paragraph, whatever the widths say: it is a table's cells
///   (a 2019 table 二 header line that reached the column, its row's values
///   on the next line). A line of bare numbers still may (a wrapped
///   address's 216, OCR's row of zeros under a table's debris).
///   `lines.join-latin` asks the same of any values line.
/// - `lines.join-scattered`: a run of lines holding one Han character each is
///   one justified line whose letter spacing an extractor took for line breaks.
/// - `lines.join-scattered-latin`: so is a shorter run after a line that runs
///   on into it, beside a long Latin run (a URL that did not fit the line
///   before left the justified line few units, set wide apart).
/// - `lines.join-link-query`: a URL's `?` at a line's end is no full stop:
///   the query goes on in the next line, across a blank line too.
/// - `lines.join-link-path`: a URL's path wrapped after a `/` goes on in a
///   next line that opens like `1.` numbering but is the path's next segment
///   (…/ndbg/ ⏎ 2021.html）…: digits, a point, a Latin letter or digit).
/// - `lines.font-switch-spaces`: where nearly every line in which Latin meets
///   CJK holds, as extracted, a space at each such place (pypdf on Chromium's
///   PDF: 其他信息 26 条。, beside punctuation too),
///   the spaces mark the extractor's font switches and took no room: the
///   widths above count a line less one column per such place. Traced where
///   that ended a paragraph the spaces had run on (…26 条。⏎依托…).
/// - `lines.latin-gaps`: a line ending a sentence wrapped when it reached
///   the column counting the gaps a layout sets where digits or Latin letters
///   meet Han and the text shows no space (`columnsWithLatinGaps`: a fifth of
///   a column each, rounded down): OCR's 数据的统计期限自2019年1月1日起至2019年12月31日止。
///   measures 50 of 54 yet filled its line (held-out ranxi-xzspj-2019).
///   Not where the extractor's spaces mark font switches. Traced where only
///   the gaps made the line reach the column.
extension LineRepair {
    /// The text-column width: the most common line width in the widest window
    /// of `window` columns that holds enough lines, with almost no line wider;
    /// nil when the document is not hard-wrapped.
    func columnWidth<Lines: Sequence>(_ lines: Lines) -> Int? where Lines.Element == SourceLine {
        // Only the widths are kept (not a copy of the lines), measured into
        // an array: a lazy map's closure held a copy of `self`, the rules'
        // dozens of references retained and released at each call.
        var widths: [Int] = []
        widths.reserveCapacity(lines.underestimatedCount)
        for line in lines {
            if let columns = columnsUnlessTab(line.text) { widths.append(columns) }
        }
        return columnWidth(widths: widths)
    }

    /// `columnWidth` of lines measured already: the display widths of those
    /// without a TAB.
    func columnWidth<Widths: Sequence>(widths: Widths) -> Int? where Widths.Element == Int {
        // Sized once (a filter grew its array, copying it at each doubling).
        var w: [Int] = []
        w.reserveCapacity(widths.underestimatedCount)
        for width in widths where width >= file.wrap.minLineColumns { w.append(width) }
        w.sort()
        guard !w.isEmpty else { return nil }
        let needed = max(file.wrap.minLines, Int((file.wrap.minShare * Double(w.count)).rounded(.up)))
        /// How many sorted widths are ≤ x (binary search).
        func atMost(_ x: Int) -> Int {
            var lo = 0, hi = w.count
            while lo < hi { let mid = (lo + hi) / 2; if w[mid] <= x { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        // A width whose window holds any line lies within `window` columns above
        // some line's width, so only those candidates need checking, widest
        // first: O(n log n) instead of one pass per column up to the widest line.
        // The union of the windows [width, width + window], capped at the widest
        // line, merged along the sorted widths (a Set of every width + offset
        // hashed (window + 1) numbers per line). Kept as its runs, not as
        // every width in them: an array of the widths, grown and then
        // reversed, cost more than the search below on stage 2's output read
        // back (paragraphs apart by more than the window, each adding its
        // window + 1 widths).
        var runs: [ClosedRange<Int>] = []
        var covered = Int.min
        for width in w {
            let low = max(width, covered + 1), high = min(width + file.wrap.window, w[w.count - 1])
            guard low <= high else { continue }
            if let last = runs.last, last.upperBound == low - 1 { runs[runs.count - 1] = last.lowerBound...high } else { runs.append(low...high) }
            covered = high
        }
        // Widest first, so both ends of the window only move down the sorted
        // widths: two pointers instead of two binary searches per candidate
        // (a paragraph read back is thousands of columns wide, and so are the
        // candidates below it).
        var upTo = w.count, below = w.count  // atMost(width), atMost(width - window - 1)
        for run in runs.reversed() {
            for width in run.reversed() {
                while upTo > 0 && w[upTo - 1] > width { upTo -= 1 }
                while below > 0 && w[below - 1] > width - file.wrap.window - 1 { below -= 1 }
                let inWindow = upTo - below
                if inWindow >= needed {
                    let wider = w.count - upTo
                    guard Double(wider) <= file.wrap.maxWiderShare * Double(w.count) else { return nil }
                    // The column is the most common width in the window (a few lines
                    // run wider, e.g. with narrow Latin digits); ties go to the wider.
                    // The widths are sorted: each width's lines are one run of
                    // them, counted by walking the runs (no dictionary hashed).
                    var best: (width: Int, count: Int)?
                    var k = atMost(width - file.wrap.window - 1)
                    let windowEnd = atMost(width)
                    while k < windowEnd {
                        var next = k + 1
                        while next < windowEnd && w[next] == w[k] { next += 1 }
                        if best.map({ next - k >= $0.count }) ?? true { best = (w[k], next - k) }
                        k = next
                    }
                    return best?.width
                }
            }
        }
        return nil
    }

    /// The text column of a document too short for the histogram (fewer
    /// than `wrap.minLines` lines in any window: a 乡 report whose running
    /// text is two paragraphs of four lines and two), from the lines that
    /// plainly ran on: each of at least `wrap.minLineColumns`, no TAB, not
    /// numbered, ending no sentence, and the next line (right after it, or
    /// across blank lines where the text is double-spaced) neither numbered
    /// nor a table's, with running text, and a first unit no wider than
    /// `wrap.firstLineIndent` (a number or URL cut short says nothing of
    /// the column; a title's second line has no running text). Each reached
    /// the column: it is measured as `continues` measures it, a first line
    /// (after a line that neither ran on nor may have: `mayRunOn`) with the
    /// indent the extractor dropped, and digits, Latin letters and an extractor's spaces only make
    /// a line measure wider than it stands. The column is the narrowest of
    /// them in the widest window of `wrap.window` columns that holds at least
    /// `wrap.minRanOnLines`, and `wrap.minShare` of the `longLines` (those
    /// of `wrap.minLineColumns` or more), as the histogram asks, and, where
    /// `wrap.minLines` or more ran on, more than half of them (as many that
    /// disagree are OCR's ragged lines, a long document's pieces). Held-out
    /// qiling-xiang-2020: 54, 54, 58 and 60 on LibreOffice's pdftotext -raw,
    /// a page of 54; jinwan-jiedao-2020: 54, 54, 55, 55, 56, 59 on PyMuPDF.
    /// Nil where none does.
    /// Not an exact column (`exactlyWideColumn` is not asked of it).
    /// `unindented`: set when a first line counted only by its width
    /// without the indent (`lines.ran-on-unindented`).
    /// A numbered line counts when it holds one of `runInMarks` (，。；：),
    /// which no heading holds: a run-in heading's paragraph, its label
    /// closed and text after it (held-out langting-tyj-2025's w3m:
    /// （一）主动公开：全年…，公开年度 ⏎ 健身设施…); `runIn` is set when one
    /// settled the column (`lines.ran-on-run-in`).
    func ranOnColumn(_ segments: [ArraySlice<SourceLine>], blanks: Blanks, doubleSpaced: Bool, longLines: Int,
                     unindented: inout Bool, runIn: inout Bool) -> Int? {
        // Each line that ran on is one of the `longLines` (measured, no TAB,
        // `wrap.minLineColumns` or more): with fewer of those than `minimum`,
        // no column is settled, told before the lines are walked (a document
        // of short lines, and stage 2's output read back, walked them all).
        guard let minimum = file.wrap.minRanOnLines.map({ max($0, Int((file.wrap.minShare * Double(longLines)).rounded(.up))) }),
              minimum < file.wrap.minLines, longLines >= minimum else { return nil }
        /// The line's columns when it plainly ran on into `next`, nil when
        /// it did not. The line is measured once (its width is wanted again
        /// when it ran on), and the next line's numbering and anchor, read
        /// off its head, are asked before its mark of running text, which
        /// walks the line (~6 M instructions of the 1 MB bench). A line of
        /// fewer UTF-8 bytes than `wrap.minLineColumns` is told too narrow
        /// before anything is read (`columnsAtMostBytes`): on 10 MB of short
        /// lines, measuring each and reading its end was most of this.
        func ranOnColumns(_ line: String, into next: String, blankBetween: Bool) -> Int? {
            if Self.columnsAtMostBytes && line.utf8.count < file.wrap.minLineColumns { return nil }
            guard doubleSpaced || !blankBetween, !endsSentence(line), !line.containsTab else { return nil }
            let measured = columns(line)
            guard measured >= file.wrap.minLineColumns, leadingUnitColumns(next) <= file.wrap.firstLineIndent,
                  !next.containsTab, !startsWithNumbering(next), !opensTable(next),
                  hasRunningText(next), !startsWithNumbering(line) || holdsRunInMark(line) else { return nil }
            return measured
        }
        /// Whether `line` may have run on into the line after it (`blankBetween`
        /// them): long enough, no TAB, not numbered, ending no sentence. A
        /// line after one that may have is no paragraph's first line, though
        /// that one was not counted as running on (its next line, this one,
        /// holding no running text: `…和《中` ⏎ `华人民共和国…》要求`).
        func mayRunOn(_ line: String, blankBetween: Bool) -> Bool {
            if Self.columnsAtMostBytes && line.utf8.count < file.wrap.minLineColumns { return false }
            guard doubleSpaced || !blankBetween, !endsSentence(line), !line.containsTab else { return false }
            return columns(line) >= file.wrap.minLineColumns && (!startsWithNumbering(line) || holdsRunInMark(line))
        }
        // Each as the range it may reach: a first line's from its width (an
        // extractor that dropped no indent, since there was none: w3m's text
        // of a web page) up to that plus the indent; a wrapped line's its width.
        var reaches: [(low: Int, high: Int, numbered: Bool)] = []
        for segment in segments {
            var previousRanOn = false
            // The line before and whether a blank line stood after it.
            var previous: (text: String, blankBetween: Bool)?
            var i = segment.startIndex
            while i < segment.endIndex {
                let line = segment[i]
                guard !line.text.isEmpty else { i += 1; continue }
                var j = i + 1, blankBetween = blanks == .afterEachLine
                while j < segment.endIndex && segment[j].text.isEmpty { blankBetween = true; j += 1 }
                defer { previous = (line.text, blankBetween) }
                // A row of a table the recogniser missed, laid out with runs
                // of spaces (more than `wrap.window` columns of them, as the
                // histogram sets such rows aside), ran on into no text: its
                // width says nothing of the column (held-out
                // yingchuan-town-2025's w3m: table 三's header rows).
                let ranOnMeasured = (j < segment.endIndex ? ranOnColumns(line.text, into: segment[j].text, blankBetween: blankBetween) : nil)
                    .flatMap { (line.extractedColumns ?? 0) - $0 <= file.wrap.window ? $0 : nil }
                let ranOn = ranOnMeasured != nil
                if let measured = ranOnMeasured {
                    let width = max(line.extractedColumns ?? 0, measured)
                    let firstLine = !previousRanOn && !(previous.map { mayRunOn($0.text, blankBetween: $0.blankBetween) } ?? false)
                    reaches.append((width, firstLine ? max(width, measured + file.wrap.firstLineIndent) : width,
                                    startsWithNumbering(line.text)))
                }
                previousRanOn = ranOn
                i = j
            }
        }
        // As many as `wrap.minLines` settle the column only where most of
        // them agree: as many that disagree are OCR's ragged lines, or a
        // long document's pieces (an HTML page's paragraphs, hundreds of
        // columns apart). Digits and a URL spread a short report's widths
        // past the histogram's window (held-out jinwan-jiedao-2020 on
        // PyMuPDF: six counted, 54, 54, 55, 55, 56, 59; its URL line at 59
        // is one line in 16 wider than a peak at 54, more than
        // `wrap.maxWiderShare`).
        let agreeing = reaches.count >= file.wrap.minLines ? max(minimum, reaches.count / 2 + 1) : minimum
        guard reaches.count >= agreeing else { return nil }
        // Widest first: the first window, up to a line's widest reach, that
        // enough of them reach into (`lines.ran-on-unindented`: a first line
        // counted so though its reach with the indent lies above the
        // window); the column is the narrowest widest reach among them.
        // (A few lines: each window counts them all.)
        let tops = Set(reaches.map(\.high)).sorted(by: >)
        for top in tops {
            let floor = top - file.wrap.window
            let inWindow = reaches.filter { $0.low <= top && $0.high >= floor }
            guard inWindow.count >= agreeing else { continue }
            unindented = inWindow.contains { $0.high > top }
            runIn = inWindow.contains(where: \.numbered)
            return inWindow.map(\.high).min()
        }
        return nil
    }

    /// Whether `line` is a hard wrap that `next` continues. `nextNumbered`:
    /// whether numbering opens `next` (`startsWithNumbering`), asked only
    /// when needed and answered once per line (`NumberedLines`).
    /// `endsAsNumberedHeading`, asked only of a paragraph's first line:
    /// whether numbering opens `line` and it ends as a heading would
    /// (`endsAsHeading`), and it is not the next item of a numbered paragraph
    /// with running text right before it (`lines.join-item-sibling`,
    /// `isNextItem`: such an item is no heading that filled the column,
    /// whatever marks it lacks). The caller answers it, the paragraph before
    /// in hand: an argument for that paragraph was a slice built for every
    /// line. (`continues` stays out of line from `join` either way: ~2.5 M
    /// of call overhead in the 1 MB bench, left.)
    /// `spacesMarkFontSwitches`: the extractor put a space at each place
    /// where Latin meets CJK, which took no room on the page (`wrapEvidence`).
    func continues(_ line: SourceLine, into next: String, fullWidth: Int, blankBetween: Bool, opensParagraph: Bool,
                   spacesMarkFontSwitches: Bool = false, lineColumns: Int? = nil, countsLatinGaps: Bool = true,
                   endsAsNumberedHeading: @autoclosure () -> Bool, nextNumbered: @autoclosure () -> Bool) -> Bool {
        if line.text.containsTab || next.containsTab { return false }
        if nextNumbered() && !continuesLinkPath(line.text, into: next) { return false }
        // A short line opening with a table's anchor (行政复议 行政诉讼) is the
        // table's first row, matched or not; a long one may be prose wrapped
        // there, and so may one that ends a sentence (…2023年被⏎行政复议纠正1件。):
        // no row of a table holds a full stop.
        if opensTable(next) && columns(next) < fullWidth / 2 && !holdsFullStop(next) { return false }
        // No line starts with ，。、 or a closing bracket: such a line is the
        // tail of the one before, whatever its width.
        if let head = next.firstScalar, startsNoLine(head) { return true }
        // A blank line after a full stop ends the paragraph; after ： or ； it
        // is only a text-box boundary (pdfminer), and the width decides.
        // A URL's `?` ends no sentence: its query follows (…/index.html? ⏎
        // x=1&year=2022）查阅。; `lines.join-link-query`).
        let strong = endsStrongly(line.text) && !endsInLinkQuery(line.text)
        if strong && blankBetween { return false }
        // After a full stop, a short line with no mark of running text that
        // ends in none of sentenceFinal is no paragraph's tail (a paragraph
        // ends with one): a line of its own (the closing organ after the last
        // paragraph, 青峰市民政局), whatever the width of the line before says
        // (pypdf's spaces around 31 and 100% make it reach the column).
        if strong && columns(next) < fullWidth / 2 && !hasRunningText(next) && !endsSentence(next) { return false }
        // A first line's indent took room on the page; extractors that kept it
        // as spaces have it in the extracted width already. (The line measured
        // once: `width` measures it too.) Spaces that mark font switches
        // took none (`lines.font-switch-spaces`).
        let measured = lineColumns ?? columns(line.text)
        let width = spacesMarkFontSwitches ? columnsLessFontSwitches(line, measured: measured)
            : max(line.extractedColumns ?? 0, measured)
        let reach = opensParagraph ? max(width, measured + file.wrap.firstLineIndent) : width
        if opensParagraph && endsAsNumberedHeading()
            && !wrapsBeforeUnbreakableRun(reach: reach, next: next, fullWidth: fullWidth) { return false }
        // The layout broke here because the next unit did not fit; after a full
        // stop a short line is as likely a paragraph's last, so the window
        // alone says nothing there: a line ending a sentence wrapped only if
        // the next unit would not have fitted in the room it left, less a
        // column the measured column may run wide of the page's (held-out
        // sangning-mzw-2024: 二是…便利。, a first line of 23 characters set
        // in by 2, leaves the room of 三 in a column of 27).
        if strong {
            let lead = leadingUnitColumns(next)
            if reach >= fullWidth - file.wrap.window && reach + lead >= fullWidth - 1 { return true }
            // Where digits or Latin letters meet Han with no space between,
            // the layout set a gap the text shows none of (`lines.latin-gaps`).
            guard countsLatinGaps, !spacesMarkFontSwitches else { return false }
            let gapped = columnsWithLatinGaps(line, measured: measured)
            let gappedReach = max(reach, opensParagraph ? gapped + file.wrap.firstLineIndent : gapped)
            return gappedReach > reach && gappedReach >= fullWidth - file.wrap.window && gappedReach + lead >= fullWidth - 1
        }
        return reach + leadingUnitColumns(next) >= fullWidth - file.wrap.window
    }

    /// Whether `line` ends inside a link's path (its last token a link whose
    /// last scalar is `/`) and `next` opens with the path's next segment:
    /// ASCII digits, a point and an ASCII letter or digit (…/xxgk/ndbg/ ⏎
    /// 2021.html）和…). Such a line only looks like `1.` numbering: an item's
    /// text is no file name, and a link's path does not end in `/` before a
    /// numbered line (`lines.join-link-path`).
    func continuesLinkPath(_ line: String, into next: String) -> Bool {
        guard line.utf8.last == UInt8(ascii: "/") else { return false }
        var digits = 0
        var sawPoint = false
        for byte in next.utf8 {
            if byte == 0x20 && digits == 0 && !sawPoint { continue }
            if sawPoint {
                guard Self.isASCIILetterOrDigit(UInt32(byte)) else { return false }
                break
            }
            if (0x30...0x39).contains(byte) { digits += 1; continue }
            guard byte == UInt8(ascii: "."), digits > 0 else { return false }
            sawPoint = true
        }
        return sawPoint && asciiToken(endingText: line).linked
    }

    /// Whether the text ends with a `?` that ends a link (a URL's path
    /// before its query: `asciiToken(endingText:)`), not a sentence.
    func endsInLinkQuery(_ text: String) -> Bool {
        text.utf8.last == UInt8(ascii: "?") && asciiToken(endingText: text).linked
    }

    /// Whether `line` holds one of `runInMarks`, which no heading holds: a
    /// numbered line with one is a paragraph's line.
    func holdsRunInMark(_ line: String) -> Bool { line.unicodeScalars.contains { runInMarks.contains($0) } }

    /// Whether a numbered first line with no mark of running text, before a
    /// line that has one, reads as a heading that filled the column
    /// (`runningText`): a heading's wrapped tail has none, and a heading does
    /// not end inside brackets. The text after the numbering is asked: a
    /// heading's own 、 (二、, 3、) is no running text.
    /// The whole lines are asked first, and the text after the numbering is
    /// read where it stands: a copy of it as a string, made before either,
    /// was most of what a numbered line's seam cost; so were `parse`'s
    /// strings and the scalar view of its rest (`levelAndRestOffset`).
    func endsAsHeading(_ line: String, before next: String) -> Bool {
        guard hasRunningText(next), !leavesBracketOpen(line) else { return false }
        guard let opening = numbering.levelAndRestOffset(line) else { return !hasRunningText(line) }
        return !hasRunningText(line, fromUTF8Offset: opening.restUTF8Offset)
    }

    /// Whether `line` opens with numbering that is the next item (same
    /// style, one more) of the paragraph `previous`, and that paragraph holds
    /// running text after its numbering: the items of one list are all
    /// headings or all paragraphs, so `line` is no heading that filled the
    /// column (`lines.join-item-sibling`). An Arabic item's number followed
    /// by a digit is no numbering to `HeadingNumbering` (1.5万), but before
    /// the item 2. that opens `line`, 1.2025年起… is item 1 (held-out
    /// tinglan-sfj-2024). Asked only at a numbered paragraph's first line.
    func isNextItem(_ line: String, after previous: ArraySlice<SourceLine>) -> Bool {
        guard let item = numbering.styleValueAndRestOffset(line), item.value > 1, let head = previous.first?.text else { return false }
        let restOffset: Int
        if let before = numbering.styleValueAndRestOffset(head) {
            guard before.style == item.style, before.value + 1 == item.value else { return false }
            restOffset = before.restUTF8Offset
        } else {
            guard let offset = Self.arabicItemEnd(head, value: item.value - 1), Self.arabicItemEnd(line, value: item.value) != nil
            else { return false }
            restOffset = offset
        }
        return previous.indices.contains { k in
            hasRunningText(previous[k].text, fromUTF8Offset: k == previous.startIndex ? restOffset : 0)
        }
    }

    /// The UTF-8 offset after `value` written in ASCII digits and an ASCII
    /// point at the start of `text` (1., 12.), whatever follows; nil when
    /// `text` does not open so.
    static func arabicItemEnd(_ text: String, value: Int) -> Int? {
        let digits = String(value).utf8
        var i = text.utf8.startIndex
        for d in digits {
            guard i < text.utf8.endIndex, text.utf8[i] == d else { return nil }
            i = text.utf8.index(after: i)
        }
        guard i < text.utf8.endIndex, text.utf8[i] == UInt8(ascii: ".") else { return nil }
        return digits.count + 1
    }

    /// Whether `next` opens with a run a line breaker cannot split (a web
    /// address, a long Latin or digit run: wider than `wrap.window`, more
    /// than a wrapped line's own spread) that did not fit in the room the
    /// line left: the line stopped short, or was justified to the column,
    /// because of it, so it wrapped there whatever else it looks like
    /// (`lines.join-unbreakable-run`: 3.PDF和OFD格式的…网站 ⏎ （http://…）下载。).
    func wrapsBeforeUnbreakableRun(reach: Int, next: String, fullWidth: Int) -> Bool {
        let unit = leadingUnitColumns(next)
        return unit > file.wrap.window && reach + unit > fullWidth
    }

    /// A line's columns on the page where its extractor put a space at each
    /// place where Latin meets CJK, marking the switch between the fonts the
    /// PDF sets them in (pypdf on Chromium's PDF: 其他信息 26 条。): as
    /// extracted, less one column per such place, the text's columns at
    /// least. Spaces elsewhere (a justified line written letter-spaced) are
    /// room the line took. `estimatedColumns` takes the same away but adds
    /// the gap a PDF may set there, which such an extractor shows none of.
    func columnsLessFontSwitches(_ line: SourceLine, measured: Int) -> Int {
        guard let extracted = line.extractedColumns else { return measured }
        return max(extracted - latinBoundaries(line.text), measured)
    }

    /// Whether the break between `line` and `next` is one html2text makes
    /// inside a paragraph (`next` neither numbered nor a table's). It wraps
    /// only where Python's textwrap may break, where the next chunk would
    /// pass its width: at a space, which a Chinese paragraph has only after
    /// a Latin token, so a Latin letter ends the line and a Latin word or a
    /// number opens the next (Invest in⏎Rongxi, （GB/T⏎50378—2019）;
    /// `lines.join-latin`); or after a hyphen that follows two letters and
    /// comes before one (`break_on_hyphens`), which running Chinese text
    /// does not hold but an address may (电子邮箱：jz-⏎gxj-gk@…): taken only
    /// where the two pieces make one e-mail address, URL or host name
    /// (`joinsIntoLink`), as `append` then joins them, hyphen kept
    /// (`lines.join-latin-hyphen`). A line ending with a digit is not
    /// asked: a table's cells one per line end so. Nor is a line holding
    /// | (html2text does not wrap a table's rows; OCR reads a rule as one).
    /// Nor does a line of nothing but a table's values (`isValuesLine`: 0,
    /// 12 3.5, 12.6万元, 3件) go on a paragraph: it is a table's cells, one
    /// per line or a row's apart by spaces, after its anchor or a header
    /// piece that ends with a Latin letter; a wrapped paragraph's last line
    /// ends its sentence. Joined, the cells were text on a second run, which
    /// then counted the table's values before a heading drawn inside it
    /// short (`tables.interleaved-heading`, fuzz item 23).
    func wrapsInsideLatinParagraph(_ line: String, _ next: String) -> Bool {
        guard let x = line.lastScalar, let y = next.firstScalar, x.isASCII, y.isASCII else { return false }
        let spaceWrap = Self.isASCIILetter(x.value) && (Self.isASCIILetter(y.value) || Self.isASCIIDigit(y.value))
        let hyphenWrap = x == "-" && Self.isASCIILetter(y.value) && endsWithLetterHyphen(line) && joinsIntoLink(line, next)
        guard spaceWrap || hyphenWrap else { return false }
        if line.utf8.contains(0x7C) || next.utf8.contains(0x7C) { return false }
        return !line.containsTab && !next.containsTab && !startsWithNumbering(next) && !opensTable(next) && !isValuesLine(next)
    }

    /// Whether the line holds nothing but values apart by spaces, each with
    /// a digit, as stage 3 counts a table's values (`TableRecognizer.isDigitValue`,
    /// the grammar of Rules/templates); without that grammar, numbers
    /// (`displacedRun.characters`). The values are cut as stage 3's cell
    /// stream cuts them (`CellCut`): a Han value prefix right after a digit
    /// opens another value (`ValueGrammar.hanPrefixes`), since stage 1
    /// removed the space before it (1 增1 减5 → 1增1减5). `signed`: one of
    /// the values at least opens with a prefix of the grammar (增1, 减5, -1,
    /// +6: a change cell, which prose does not end a line with; a bare
    /// number may be a wrapped address's or phone number's tail). Told on
    /// the first scalar for most lines (prose opens with no value's first
    /// scalar), and each value is asked as it is reached.
    func isValuesLine(_ text: String, signed: Bool = false) -> Bool {
        guard let first = Self.firstScalar(of: text, skippingTabs: false) else { return false }
        // The scalar view made only for a line that opens like values (most
        // lines `join` asks are turned away on their first scalar).
        guard let grammar = valueGrammar else {
            guard !signed, displacedRunCharacters.contains(first) else { return false }
            return Substring(text).unicodeScalars.split(separator: " ").allSatisfy { token in
                token.allSatisfy { displacedRunCharacters.contains($0) } && token.contains { $0.value &- 0x30 < 10 }
            }
        }
        guard grammar.valueOpeners.contains(first), Self.holdsOnlySpaces(or: grammar.valueScalars, text) else { return false }
        let scalars = Substring(text).unicodeScalars
        // A TAB or `|` (a grid's or a Markdown table's row) is no value
        // scalar, so such a line is turned away above: the cut below takes
        // either for a space.
        var sign = false
        let values = grammar.cellCut.allCells(in: scalars) { cell in
            if let opener = cell.first, !grammar.digits.contains(opener), grammar.prefixOpeners.contains(opener) { sign = true }
            return TableRecognizer.isDigitValue(cell, grammar)
        }
        return values && (sign || !signed)
    }

    /// Whether every scalar of `text` is a space or one of `set`, decoded
    /// from the UTF-8 in place: a line of values holds no other (each other
    /// scalar lies in a cell, which is then no value), and a line of prose
    /// is told at its first such scalar, not cut into cells and read to its end.
    static func holdsOnlySpaces(or set: ScalarSet, _ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            var i = 0
            while i < utf8.count {
                let (v, length) = decodeUTF8Scalar(utf8, at: i)
                if v != 0x20 && !set.contains(v) { return false }
                i += length
            }
            return true
        } ?? text.unicodeScalars.allSatisfy { $0 == " " || set.contains($0) }
    }

    /// Whether `line` ends with two ASCII letters and a hyphen: where
    /// textwrap breaks a hyphenated word.
    func endsWithLetterHyphen(_ line: String) -> Bool {
        let tail = line.utf8.suffix(3)
        guard tail.count == 3 else { return false }
        let bytes = Array(tail)
        return bytes[2] == UInt8(ascii: "-") && Self.isASCIILetter(UInt32(bytes[0])) && Self.isASCIILetter(UInt32(bytes[1]))
    }

    /// Whether the ASCII token ending `a` (its last run of ASCII scalars
    /// without a space) and the one opening `b` make, joined, an e-mail
    /// address, a URL or a host name: it holds `@` or `://`, opens with
    /// `www.`, or has a point between a letter or digit and a letter
    /// (gxj.jingzhou.gov.cn), which no Latin word cut at its hyphen has.
    /// Read off the UTF-8 in place; asked only of a hyphen at a break.
    func joinsIntoLink(_ a: String, _ b: String) -> Bool {
        var token = Array(a.utf8.reversed().prefix { $0 < 0x80 && $0 != 0x20 }.reversed())
        token += b.utf8.prefix { $0 < 0x80 && $0 != 0x20 }
        let at = UInt8(ascii: "@"), colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/"), point = UInt8(ascii: ".")
        if token.contains(at) { return true }
        let isAlphanumeric = { (byte: UInt8) in Self.isASCIILetter(UInt32(byte)) || Self.isASCIIDigit(UInt32(byte)) }
        for k in token.indices {
            if token[k] == colon, k + 2 < token.count, token[k + 1] == slash, token[k + 2] == slash { return true }
            if token[k] == point, k > 0, k + 1 < token.count, isAlphanumeric(token[k - 1]), Self.isASCIILetter(UInt32(token[k + 1])) { return true }
        }
        return false
    }

    /// An ASCII letter.
    @inline(__always)
    static func isASCIILetter(_ v: UInt32) -> Bool { (v | 0x20) &- 0x61 < 26 }

    /// An ASCII digit.
    @inline(__always)
    static func isASCIIDigit(_ v: UInt32) -> Bool { v &- 0x30 < 10 }

    /// Whether `text` holds a full stop (`strongFinal`: 。！？), which ends a
    /// sentence and so no table row holds.
    func holdsFullStop(_ text: String) -> Bool { text.unicodeScalars.contains { strongFinal.contains($0) } }

    /// Whether the paragraph so far (running text the column wrapped at
    /// least once) leaves a bracket or quote open, so the next line (right
    /// after it, not numbered, no table's) goes on with it whatever the
    /// widths say: a paragraph does not end inside brackets.
    /// The widths say nothing where the extractor lost how far a line
    /// reached: a justified line written letter-spaced (pypdf: 0531-88620417
    /// ； 电 子 邮 箱 ：⏎blqcgj@…）。) or cut into pieces (pdftotext -raw:
    /// 516000；⏎电 话 ： …), inside （地址：…）.
    /// A line holding | (a table rule OCR read as a character) is a table's
    /// debris, whatever brackets it leaves open.
    /// `brackets` holds what was read of the paragraph before (it only grows).
    /// `nextNumbered` is a value, not an autoclosure: `join` calls this out
    /// of line, and a closure there captured `self` by copy, retaining and
    /// releasing every rule set of `LineRepair` per call (~4,100
    /// instructions); `continues` has mostly asked the next line's
    /// numbering already, and `NumberedLines` keeps the answer.
    func goesOnInsideBrackets(_ paragraph: ArraySlice<SourceLine>, _ brackets: inout OpenBrackets, last: String, into next: String,
                              nextNumbered: Bool) -> Bool {
        if next.containsTab || nextNumbered || opensTable(next) { return false }
        if last.utf8.contains(0x7C) || next.utf8.contains(0x7C) { return false }
        brackets.read(paragraph, marks: self)
        return brackets.depth > 0 && brackets.running
    }

    /// Whether numbering opens a line of the stretch `join` reads
    /// (`startsWithNumbering`), each line read once: a step asks of its last
    /// line (when it opens the paragraph), of the next, and ahead of the one
    /// after (`goesOnUnindented`), and the step after asks of those again
    /// (a line going on is the next step's last; one ending the paragraph
    /// opens the next). The three lines a step can ask of have consecutive
    /// indices, so each holds a slot of its own (index mod 3) and nothing is
    /// allocated.
    struct NumberedLines {
        private var indices = (-1, -1, -1)
        private var answers = (false, false, false)

        /// Inlined: a call per question cost a third of what it saved.
        @inline(__always)
        mutating func opens(_ lines: ArraySlice<SourceLine>, at i: Int, _ repair: LineRepair) -> Bool {
            switch i % 3 {
            case 0:
                if indices.0 != i { indices.0 = i; answers.0 = repair.startsWithNumbering(lines[i].text) }
                return answers.0
            case 1:
                if indices.1 != i { indices.1 = i; answers.1 = repair.startsWithNumbering(lines[i].text) }
                return answers.1
            default:
                if indices.2 != i { indices.2 = i; answers.2 = repair.startsWithNumbering(lines[i].text) }
                return answers.2
            }
        }
    }

    /// The brackets a growing paragraph leaves open (as `leavesBracketOpen`
    /// counts them) and whether it has running text, read on from the line
    /// the last question stopped at: a paragraph asked at each of many short
    /// lines is read once, not once per line. (Joining adds no mark, so the
    /// paragraph's lines read in turn are its text.)
    struct OpenBrackets {
        private var readLines = 0
        private(set) var depth = 0
        private(set) var running = false

        mutating func read(_ paragraph: ArraySlice<SourceLine>, marks: LineRepair) {
            guard readLines < paragraph.count else { return }
            for line in paragraph.dropFirst(readLines) {
                for s in line.text.unicodeScalars {
                    let opens = marks.openers.contains(s), closes = marks.closers.contains(s)
                    if opens && !closes { depth += 1 } else if closes && !opens && depth > 0 { depth -= 1 }
                    if !running && marks.runningText.contains(s) { running = true }
                }
            }
            readLines = paragraph.count
        }
    }

    /// Whether `line` stands set in from the lines on either side as
    /// extracted, by at least `wrap.minParagraphIndent` columns: a
    /// paragraph's first-line indent, which an extractor that lays text out
    /// by columns (pdftotext -layout) keeps. After a full stop that reached
    /// the column, it opens a paragraph (…12.8万人次。⏎  落实重大行政决策…).
    func setIn(_ line: SourceLine, between before: SourceLine, and after: SourceLine) -> Bool {
        guard let indent = line.extractedIndent, let above = before.extractedIndent, let below = after.extractedIndent else { return false }
        let step = file.wrap.minParagraphIndent
        return indent >= above + step && indent >= below + step
    }

    /// Whether `line`, set in from the line before as extracted by at least
    /// `wrap.minParagraphIndent`, is a one-line paragraph's first line that
    /// `setIn` misses because the line after it is set in as far: that line
    /// is itself a first line, numbered or set in from the line after it
    /// (the body's margin), so the two indents are two paragraphs' (held-out
    /// report: …未能及时回应。⏎  2023 年，…工作：⏎  （1）修订…). A line set in
    /// as far as a wrapped run of set-in lines (a block set in) has a next
    /// line set in as well and is no first line so (`lines.indent-before-first-line`).
    func setInBeforeFirstLine(_ line: SourceLine, after before: SourceLine, then next: SourceLine,
                              beyond: SourceLine?, nextNumbered: @autoclosure () -> Bool) -> Bool {
        guard let indent = line.extractedIndent, let margin = before.extractedIndent,
              indent >= margin + file.wrap.minParagraphIndent, next.extractedIndent == indent else { return false }
        if let below = beyond?.extractedIndent, below <= margin { return true }
        return nextNumbered()
    }

    /// Whether `line`, after `before` (a full stop), is set in as far as
    /// `before` as extracted and from the line after it by at least
    /// `wrap.minParagraphIndent`: a paragraph's wrapped lines stand at the
    /// margin the lines after them keep, so `before`, set in as far, is a
    /// first line (of a one-line paragraph), and `line` opens the next
    /// paragraph, not a wrap of it (held-out wencheng-city-2020,
    /// pdftotext -layout: 六、… ⏎   本年度…相关费用。⏎   2020 年，…第三方评⏎估，…;
    /// across both corpora's -layout text layers, each of the 23 such lines
    /// after a full stop opens a paragraph in its gold; `lines.indent-like-first-line`).
    func setInLikeFirstLine(_ line: SourceLine, after before: SourceLine, then next: SourceLine) -> Bool {
        guard let indent = line.extractedIndent, indent > 0, before.extractedIndent == indent,
              let below = next.extractedIndent else { return false }
        return indent >= below + file.wrap.minParagraphIndent
    }

    /// Whether `line`, after a full stop that reached the column, is a
    /// paragraph's first line whose indent the extractor dropped (PyMuPDF,
    /// pypdf, pdftotext -raw: …12.8万人次。⏎落实重大行政决策…): it ends no
    /// sentence, falls short of the column by about `wrap.firstLineIndent`,
    /// and the first unit of the line after it would have fitted in the room
    /// it leaves, so nothing but an indent explains the room. Asked only
    /// where the column is exact (`exactlyWideColumn`), of that column.
    ///
    /// A line made only of full-width characters (Han and CJK punctuation)
    /// has an exact width: it must fall short by exactly the indent, with a
    /// next unit that fitted in it. A wrapped line is the full width
    /// (LibreOffice justifies; Chromium's punctuation leaves it 1–3 columns
    /// short, never exactly the indent with a unit that fitted, across both
    /// corpora).
    ///
    /// A line with digits or Latin letters (…每亩27元。⏎全县完成植树造林1.26万亩，…)
    /// has no exact width: it is measured as extracted (an extractor's spaces
    /// where the PDF set a gap took room on the page), but for the spaces an
    /// extractor put where Latin meets CJK (pdftotext -raw, pypdf: 植树造林 1.26
    /// 万亩), one at most per such place, which stand for the gap the PDF sets
    /// there, not a column; each place where Latin meets CJK (spaced as
    /// extracted or not) is given a fifth of a column for that gap, rounded
    /// up (LibreOffice's wrapped lines bound it: 自2019年1月1日起至2019年12月31,
    /// eleven places, measures 50 of 54 columns yet wrapped before 日, more
    /// than 0.18 each; …统计期限为2022年1月1日至2022年12月31日。, twelve places,
    /// fits 52 of 54, at most 0.17). Within `wrap.firstLineIndent` ± 1 of
    /// it, and a next unit no wider than the room, it is a first line:
    /// across both corpora, where the column is exact, a first line falls 3
    /// or 4 short so measured, a wrapped line whose next unit fitted at most 2.
    /// Its lowercase Latin letters and marks of ambiguous width may take
    /// less room than they measure (`latinLetterSlack`, `ambiguousMarkSlack`):
    /// the room lies between the columns short so counted and that plus
    /// their slack, and it is a first line when that range meets the
    /// indent's ± 1 and the next unit fits its top (held-out
    /// rongxi-swj-2021: 在局网站英文版“Invest in Rongxi”专栏…信息, 55 so
    /// counted of 54, up to 5 less, before 56 条，…). Capitals take a column
    /// or more (…提供OFD和PDF两种…, a wrapped line 1 short, stays one).
    func indentedByWidth(_ line: SourceLine, before: SourceLine, after: SourceLine, fullWidth: Int) -> Bool {
        indentByWidth(line, before: before, after: after, fullWidth: fullWidth) == .nextUnitFits
    }

    /// What says a line is a first line whose indent was dropped
    /// (`indentByWidth`).
    enum IndentByWidth {
        /// Nothing: the widths allow a wrap.
        case none
        /// The next line's first unit would have fitted in the room the
        /// line leaves (`lines.indent-width`).
        case nextUnitFits
        /// That unit's character before its final ，。、；： would have
        /// fitted with a column to spare, the mark hung past the column
        /// (`lines.indent-width-hung-next`).
        case nextUnitFitsItsMarkHung
        /// A line of Han more than the indent short: the next line's first
        /// unit would have fitted in the room it leaves, so no wrap explains
        /// where it ended, but not in that room less the indent: a first
        /// line it did not fit (`lines.indent-width-wide-unit`).
        case nextUnitWiderThanRoom
    }

    /// `indentedByWidth`, saying what decided it. A line with digits or
    /// Latin letters whose next line's first unit (估，, 4 columns) would
    /// not have fitted in the room it leaves (3 as estimated) is still a
    /// first line where that unit's character before its final ，。、；：
    /// would have fitted with a column to spare: LibreOffice hangs such a
    /// mark past the column rather than carry the character before it over
    /// (`hangingMarks`, `lines.indent-hung-mark`), so a wrapped line stops
    /// short only of a character that did not fit, and the spare column
    /// covers the estimate of the digits' gaps (held-out wencheng-city-2020,
    /// LibreOffice's text layers: 本年度…相关费用。⏎2020 年，市政府办公室…第三方评⏎
    /// 估，评估结果…, 51 so estimated of 54, after a first line that filled
    /// its line). Across both corpora every line after a full stop so found
    /// (51 on LibreOffice's and Chromium's text layers, each 3 short before
    /// 估，/件，/量，/元，/复、) opens a paragraph in its gold; none goes on.
    func indentByWidth(_ line: SourceLine, before: SourceLine, after: SourceLine, fullWidth: Int) -> IndentByWidth {
        let indent = file.wrap.firstLineIndent
        guard endsStrongly(before.text), !endsSentence(line.text) else { return .none }
        guard let head = line.text.unicodeScalars.first, !startsNoLine(head) else { return .none }
        // Its columns and their exactness in one pass.
        let width = lineWidth(line.text)
        if width.exactlyWide {
            let short = fullWidth - width.columns
            if short == indent { return leadingUnitColumns(after.text) <= indent ? .nextUnitFits : .none }
            // Shorter than a first line: a wrapped line stops so only where
            // its next unit did not fit the room it leaves, and a first line
            // where it did not fit that room less the indent. A unit between
            // the two says the line is a first line whose indent was dropped
            // (the column as measured is the most Han characters a line holds,
            // the page a fraction of one wider: Chromium's tingzhou-ghj-2019,
            // …航道通告36期。⏎全年作出…行政许可决定⏎3862件，…, 6 short of 54,
            // `3862` 4 columns, set 1 each; `lines.indent-width-wide-unit`).
            guard short > indent else { return .none }
            let unit = leadingUnitColumns(after.text)
            return unit <= short && unit > short - indent ? .nextUnitWiderThanRoom : .none
        }
        guard let estimated = estimatedColumns(line, measured: width) else { return .none }
        let short = fullWidth - estimated
        // Lowercase Latin letters and marks of ambiguous width may take less
        // room than they measure, so the room lies between `short` and that
        // much more (capitals, OFD、PDF, take a column or more: none).
        let room = short + latinLetterSlack(line.text, lowercaseOnly: true) + ambiguousMarkSlack(line.text)
        guard room >= indent - 1, short <= indent + 1 else { return .none }
        if leadingUnitColumns(after.text) <= room { return .nextUnitFits }
        if let beforeMarks = leadingUnitColumnsBeforeHungMarks(after.text), beforeMarks < room { return .nextUnitFitsItsMarkHung }
        return .none
    }

    /// The columns of a line's first unit (`leadingUnitColumns`) less the
    /// ，。、；： (`hangingMarks`) it ends with, which a layout that hangs
    /// them needs no room for; nil where the unit ends with none or opens
    /// with a Latin run (its breaks are the Latin word's).
    func leadingUnitColumnsBeforeHungMarks(_ text: String) -> Int? {
        var scalars = text.unicodeScalars.makeIterator()
        var core = scalars.next()
        while let s = core, openers.contains(s) { core = scalars.next() }
        guard let first = core, !first.isASCII else { return nil }
        var hung = 0
        while let s = scalars.next(), startsNoLine(s) {
            hung = hangingMarks.contains(s) ? hung + Self.columns(CollectionOfOne(s)) : 0
        }
        return hung > 0 ? leadingUnitColumns(text) - hung : nil
    }

    /// Whether `line` is a first line as `indentedByWidth` asks, but one
    /// that filled the column with its last mark hung past it
    /// (`lines.indent-hung-mark`, `hangingMarks`): LibreOffice lets a line's
    /// final ，。、；： hang in the margin rather than wrap it alone, so
    /// such a line measures the column and that mark (across both corpora,
    /// 33 lines of full-width characters on its PDF's pdftotext -raw measure
    /// 2 over a column of Han lines, all but the few whose column is
    /// misread ending with one of these; none on Chromium's). A first line
    /// whose indent was dropped then measures the indent less that mark
    /// short, and its next line's first unit fits the room it leaves with
    /// the mark taken out (held-out yingchuan-town-2025: …等信息。⏎12345政务…
    /// 诉求9件，⏎均在…, 53 so counted of 54). A wrapped line that stopped
    /// short because its next unit did not fit measures so too, its mark
    /// not hung; so the next unit must also fit the room the line leaves
    /// with its mark in it (as `indentedByWidth` counts a line with digits,
    /// within a column): then only a full line explains where it ended.
    func indentedPastHungMark(_ line: SourceLine, before: SourceLine, after: SourceLine, fullWidth: Int) -> Bool {
        guard let mark = line.text.lastScalar, hangingMarks.contains(mark),
              indentedByWidth(line, before: before, after: after, fullWidth: fullWidth + columns(String(mark))) else { return false }
        let measured = lineWidth(line.text)
        let room: Int
        if measured.exactlyWide {
            room = fullWidth - measured.columns
        } else {
            // A line with digits, its width a guess within a column either
            // way, is no evidence alone (a wrapped line with a column to
            // spare measures the same: held-out baihe-town-2022, …4218户、⏎
            // 资金…): only where it opens with a run of digits that, as wide
            // as digits are set, fitted in the room the line before left,
            // so that the line before need not have reached the column.
            guard let slack = file.wrap.digitSlack, let run = leadingDigitRun(line.text),
                  run - Int((slack * Double(run)).rounded(.up)) <= fullWidth - width(before),
                  let estimated = estimatedColumns(line, measured: measured) else { return false }
            room = fullWidth - estimated + latinLetterSlack(line.text, lowercaseOnly: true) + ambiguousMarkSlack(line.text) + 1
        }
        return leadingUnitColumns(after.text) <= room
    }

    /// The number of digits a line opens with, nil when it opens with none.
    func leadingDigitRun(_ text: String) -> Int? {
        var n = 0
        for b in text.utf8 { guard Self.isASCIIDigit(UInt32(b)) else { break }; n += 1 }
        return n > 0 ? n : nil
    }

    /// The columns a line with digits or Latin letters (not exactly wide:
    /// `measured`) took on the page, as `indentedByWidth` counts them: as
    /// extracted, less one space per place where Latin meets CJK, with a
    /// fifth of a column for each such place, rounded up. Nil where the
    /// extractor gave no width.
    func estimatedColumns(_ line: SourceLine, measured: LineWidth) -> Int? {
        guard let extracted = line.extractedColumns else { return nil }
        let boundaries = latinBoundaries(line.text)
        return max(extracted - boundaries, measured.columns) + (boundaries + 4) / 5
    }

    /// The columns a line took on the page counting the gap LibreOffice and
    /// Word set where digits or Latin letters meet Han (autospacing), as
    /// `estimatedColumns` counts it: as extracted, less one space per such
    /// place (an extractor's space there is that gap), with a fifth of a
    /// column for each, rounded down (a place or two leave the room of a
    /// Han character they would not fill: 36 of 40 and 2019年 is a
    /// paragraph's last line before 本…). A text that shows no space there (OCR: 自2019年1月1日
    /// 起至2019年12月31日止。, 12 places, measured 50 of 54 but full on the
    /// page) measures short of the column by the gaps (`lines.latin-gaps`).
    func columnsWithLatinGaps(_ line: SourceLine, measured: Int) -> Int {
        let boundaries = latinBoundaries(line.text)
        guard boundaries > 0 else { return measured }
        return max((line.extractedColumns ?? measured) - boundaries, measured) + boundaries / 5
    }

    /// How many columns a line's ASCII letters may take less than they
    /// measure: a Latin letter counts one column, but a PDF sets it in a
    /// proportional font, where a word averages about three quarters of
    /// that (Times: Invest in Rongxi, 16 measured, about 12.5 on the page):
    /// a quarter of a column a letter, rounded up. Digits are set a column
    /// each in the common fonts.
    /// `lowercaseOnly`: capitals, which a proportional font sets about a
    /// column wide or wider (OFD, PDF), take none.
    func latinLetterSlack(_ text: String, lowercaseOnly: Bool = false) -> Int {
        var letters = 0
        for b in text.utf8 where lowercaseOnly ? b &- 0x61 < 26 : Self.isASCIILetter(UInt32(b)) { letters += 1 }
        return (letters + 3) / 4
    }

    /// How many columns a line's marks of ambiguous width (“ ” ‘ ’ … — ·)
    /// may take less than they measure: each counts two columns, as a CJK
    /// font sets it, but a PDF may set it in its Latin font's one — a pair
    /// of quotes is as much as the margin `goesOnAcrossBlank` decides on
    /// (held-out zhangyuan-wjw-2022, Chromium's PDF: 按照“谁制作…负责”的原则，
    /// 我委对 opens a paragraph; measured 2 columns short, it is 4 short on
    /// the page).
    func ambiguousMarkSlack(_ text: String) -> Int {
        var marks = 0
        for s in text.unicodeScalars where s.value >= 0x80 && s.value < 0x10000 && Self.widthClasses[Int(s.value)] == 2 {
            marks += 1
        }
        return marks
    }

    /// Places where an ASCII character meets a non-ASCII one, side by side
    /// (no space between): where a PDF may set a gap between Latin and CJK
    /// text that an extractor shows no space for.
    /// `wrapEvidence` counts the same places in the pass that measures each
    /// line (`lineWidthAndLatinBoundariesUnlessTab`); this walk is for the
    /// few lines a wrap test asks about.
    func latinBoundaries(_ text: String) -> Int {
        var count = 0
        var previous: Unicode.Scalar?
        for s in text.unicodeScalars {
            if let p = previous, p != " ", s != " ", p.isASCII != s.isASCII { count += 1 }
            previous = s
        }
        return count
    }

    /// Whether `next`, after blank lines, goes on with the paragraph `line`
    /// ends at the column with a full stop (`lines.join-page-break`): `line`
    /// reached the column (the first unit of `next` would not have fitted),
    /// and `next`, no numbered line, table row or table's anchor, is made only
    /// of full-width characters (its width exact) and leaves less room than
    /// a first-line indent before the column.
    ///
    /// A line with digits or Latin letters has no exact width: it is
    /// counted as `indentedByWidth` counts a first line (`estimatedColumns`),
    /// and goes on only when it comes at most `wrap.pageBreakMaxShort` (two)
    /// short, where a wrapped line falls and no first line does (3 to 5 short so
    /// counted; …702 条。⏎- 1 -⏎街道综合执法队…行政强制决定 4, 54 of 54). Its
    /// Latin letters and marks of ambiguous width may take less room than
    /// they measure (`latinLetterSlack`, `ambiguousMarkSlack`): a line they
    /// could leave short by a first line's indent says nothing, and the
    /// paragraph ends. And such a
    /// line goes on only across a page break that removed page furniture
    /// shows (`pageBreak`: a page number or running header between; a run
    /// put back at its block's start left its line empty, but no page
    /// ended there): where a blank line
    /// is all there is (OCR sets one between paragraphs), a misread
    /// character can fill a first line's indent (…每亩 27 元。⏎⏎全县完成植树
    /// 造林 1.26 万亩，和森林履盖率…, 和 read where the page has none).
    ///
    /// So counted, such a line may come `wrap.pageBreakOverhang` columns over
    /// the column, and `pageBreakOverhangUnspaced` (two) where its only
    /// spaces are at Latin/CJK seams:
    /// where the text column is an odd number of columns, the lines of Han
    /// fall one short of it, and the gaps where digits meet Han are rounded
    /// up (held-out sangning-mzw-2024, Chromium: …项目37个。⏎-1-⏎公开全市…涉及
    /// 场所214处。公开民族地, 56 so counted of 54, the lines of Han 54, a
    /// line of Han with digits 55). Two over only where the extractor put
    /// no space but one at most where Latin meets CJK (which `estimatedColumns`
    /// counts as the gap there): its other spaces (pypdf's around “ ”) may
    /// take no room on the page (held-out zhangyuan-wjw-2022, pypdf: 按照 “
    /// 谁制作…负责 ” 的原则，我委对, 56 as extracted, a first line 4 short).
    func goesOnAcrossBlank(_ line: SourceLine, into next: SourceLine, fullWidth: Int, pageBreak: @autoclosure () -> Bool,
                           nextNumbered: @autoclosure () -> Bool) -> Bool {
        guard endsStrongly(line.text), !next.text.containsTab, !line.text.containsTab else { return false }
        // Every scalar takes a column at least and three bytes at most one:
        // a line of more than three bytes a column is wider than either test
        // below allows, and is not measured (stage 2's output read back, a
        // paragraph a line, asks this of every paragraph).
        guard next.text.utf8.count <= 3 * (fullWidth + 1) else { return false }
        let measured = lineWidth(next.text)
        if measured.exactlyWide {
            guard measured.columns <= fullWidth, measured.columns > fullWidth - file.wrap.firstLineIndent else { return false }
        } else {
            guard pageBreak(), let estimated = estimatedColumns(next, measured: measured) else { return false }
            let short = fullWidth - estimated
            // The wider overhang only where the extractor put no space but
            // where Latin meets CJK (see above).
            let spacedElsewhere = (next.extractedColumns ?? 0) - latinBoundaries(next.text) > measured.columns
            guard short >= -(file.wrap.pageBreakOverhang ?? 1)
                    || short >= -(file.wrap.pageBreakOverhangUnspaced ?? 2) && !spacedElsewhere,
                  short + latinLetterSlack(next.text) + ambiguousMarkSlack(next.text) <= file.wrap.pageBreakMaxShort ?? 2
            else { return false }
        }
        guard width(line) + leadingUnitColumns(next.text) > fullWidth else { return false }
        return !nextNumbered() && !opensTable(next.text)
    }

    /// Whether `next`, after blank lines, goes on with the paragraph `line`
    /// ends at the column with a full stop, read by indents
    /// (`lines.join-page-break`, where the extractor kept them): the
    /// paragraph's first line (`opening`) stands set in from its second by
    /// at least `wrap.minParagraphIndent` (pdftotext -layout keeps the
    /// first-line indent), `next` and the line after it are set in no
    /// further than that second line, and `next` wraps into the line after
    /// it: no first line, but the paragraph going on on the next page
    /// (…全年审核拟公开信息 702 条。⏎-1-⏎街道综合执法队…行政强制决定 4⏎件，…),
    /// whatever its width (digits and spaces make it inexact). `line`
    /// reached the column (the first unit of `next` would not have fitted),
    /// and `next` is no numbered line, table row or table's anchor.
    /// `blankBefore`: whether a blank line or a page break stands between
    /// `next` and `after` (`join`'s `breakBefore`).
    func goesOnUnindented(_ line: SourceLine, into next: SourceLine, after: SourceLine, blankBefore: Bool,
                          opening: SourceLine, second: SourceLine, fullWidth: Int,
                          nextNumbered: @autoclosure () -> Bool, afterNumbered: @autoclosure () -> Bool) -> Bool {
        guard endsStrongly(line.text), let first = opening.extractedIndent, let body = second.extractedIndent,
              let indent = next.extractedIndent, let afterIndent = after.extractedIndent,
              first >= body + file.wrap.minParagraphIndent, indent <= body, afterIndent <= body,
              !line.text.containsTab, !next.text.containsTab,
              width(line) + leadingUnitColumns(next.text) > fullWidth,
              !nextNumbered(), !opensTable(next.text)
        else { return false }
        return continues(next, into: after.text, fullWidth: fullWidth, blankBetween: blankBefore, opensParagraph: false,
                         endsAsNumberedHeading: false, nextNumbered: afterNumbered())
    }

    /// The column the document's lines of exactly wide characters reach,
    /// nil where they reach none near the text column as measured.
    ///
    /// It is the text column when that is their most common width within
    /// `wrap.window` below it (ties to the wider). Lines with “ ” or digits,
    /// which a PDF may set narrower than they measure, can make the column as
    /// measured wider than any line of Han characters is (liuhe-city's
    /// Chromium PDF: 56 against 54), and then a line short of it says nothing
    /// exact: nil.
    ///
    /// Lines with digits can also make it narrower: a digit takes one
    /// column, so a justified line of Han and digits that leaves one column
    /// at its end (no room for a Han character) measures one short, and where
    /// most lines hold digits that is the most common width (wanglan-jiedao's
    /// LibreOffice PDF: 53, where its lines of Han reach 54). Then the column
    /// is the most common width of the exactly wide lines within
    /// `wrap.window` either side of it, when that is wider.
    /// `widths`: the columns of the document's exactly wide lines
    /// (`LineWidth`), measured with the histogram's.
    func exactlyWideColumn<Widths: Sequence>(_ column: Int, widths: Widths) -> Int? where Widths.Element == Int {
        var counts: [Int: Int] = [:]
        for width in widths where width <= column + file.wrap.window && width >= column - file.wrap.window {
            counts[width, default: 0] += 1
        }
        func mostCommon(_ widths: [Int: Int]) -> Int? {
            widths.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key
        }
        if mostCommon(counts.filter { $0.key <= column }) == column { return column }
        return mostCommon(counts).flatMap { $0 > column ? $0 : nil }
    }

    /// The column the document's middle lines of exactly wide characters
    /// reach, where `exactlyWideColumn` found none (`lines.indent-width`):
    /// lines made only of full-width characters (their width exact) that
    /// come after a line that ran on and run on themselves (ending no
    /// sentence, within `wrap.window` of `column`), so neither a first line
    /// (its indent dropped) nor a last. Their most common width within
    /// `wrap.window` of `column` (ties to the wider); nil where there is
    /// none. Where lines with “ ” or digits measure wider than they are set
    /// (Chromium's PDF: the column as measured 57, its lines of Han
    /// characters 54), the first lines of the document outnumber these
    /// lines among the exactly wide ones, or the lines of Han are too few
    /// for `exactlyWideColumn`'s mode; a line of Han between two that ran
    /// on is the column, whatever the others measure (held-out
    /// hexi-scjgj-2022, tongxi-lyj-2020, yuanfeng-sfj-2023).
    /// `columns`: `wrapEvidence`'s columns of each line (`measuredColumnsUnlessTab`),
    /// and `exactlyWideLines` whether each is exactly wide (`isExactlyWide`),
    /// so that no line is walked again.
    func middleLineColumn(_ segments: [ArraySlice<SourceLine>], columns: [[Int32]], exactlyWideLines: [UInt64], column: Int) -> Int? {
        var counts: [Int: Int] = [:]
        var base = 0
        for (segment, measured) in zip(segments, columns) {
            var previousRanOn = false
            for (offset, line) in segment.enumerated() where !line.text.isEmpty {
                guard let width = measuredColumnsUnlessTab(line, measured: measured, offset: offset) else { previousRanOn = false; continue }
                let ranOn = plainlyWrapped(line.text, width: width, column: column)
                if previousRanOn, ranOn, abs(width - column) <= file.wrap.window,
                   isExactlyWide(line, measured: measured, offset: offset, exactlyWideLines: exactlyWideLines, at: base + offset) {
                    counts[width, default: 0] += 1
                }
                previousRanOn = ranOn
            }
            base += segment.count
        }
        // A tie goes to `column`, the width most lines measure, when it is
        // among the tied: one line either way is no evidence against it.
        return counts.max {
            $0.value != $1.value ? $0.value < $1.value
                : ($0.key == column) != ($1.key == column) ? $1.key == column : $0.key < $1.key
        }?.key
    }

    /// The columns of the line at `offset` of a stretch as `wrapEvidence`
    /// measured them (`measured`: its `columns` of the stretch), nil for a
    /// line with a TAB (measured again where none was kept: -1 stands for
    /// both). The statistics after the histogram read every line's width,
    /// and walking each line again was most of what they cost.
    func measuredColumnsUnlessTab(_ line: SourceLine, measured: [Int32], offset: Int) -> Int? {
        let stored = measured[offset]
        return stored >= 0 ? Int(stored) : columnsUnlessTab(line.text)
    }

    /// Whether the line at `offset` of a stretch is exactly wide
    /// (`LineWidth.exactlyWide`), as `wrapEvidence` found where it measured
    /// the line (`measured`: its columns of the stretch, -1 where it kept
    /// none; `exactlyWideLines`: its bits, the line's at `index` among all
    /// stretches' lines); measured again elsewhere.
    func isExactlyWide(_ line: SourceLine, measured: [Int32], offset: Int, exactlyWideLines: [UInt64], at index: Int) -> Bool {
        guard measured[offset] >= 0 else { return lineWidth(line.text).exactlyWide }
        return exactlyWideLines[index >> 6] >> UInt64(index & 63) & 1 != 0
    }

    /// A line's width on the page: as extracted when known (spaces an extractor
    /// put around digits took room on the page too), else as it stands.
    func width(_ line: SourceLine) -> Int {
        max(line.extractedColumns ?? 0, columns(line.text))
    }

    /// Display columns of the first unit a line break cannot split: opening
    /// brackets and quotes, then an ASCII run (up to a `/` or `-` where URLs
    /// and numbers may break; a web address whole) or one other character,
    /// then the punctuation that may not start a line.
    func leadingUnitColumns(_ text: String) -> Int {
        // Walks the line's first few scalars on its UTF-8 in place: the
        // scalar view's validated index steps cost more than the unit.
        // Read where it lies (`withUTF8` on a copy retained and released
        // the string at every call).
        if let columns = text.utf8.withContiguousStorageIfAvailable({ leadingUnitColumns(utf8: $0) }) { return columns }
        var text = text
        return text.withUTF8 { leadingUnitColumns(utf8: $0) }
    }

    /// `leadingUnitColumns` of a line's UTF-8.
    private func leadingUnitColumns(utf8: UnsafeBufferPointer<UInt8>) -> Int {
        let n = utf8.count
        var i = 0
        while i < n {
            let (v, length) = decodeUTF8Scalar(utf8, at: i)
            guard openers.contains(v) else { break }
            i += length
        }
        if i < n, utf8[i] < 0x80, utf8[i] != 0x20 {
            // A web address is one unit to a browser's line breaker (Chromium
            // moved （http://jtt.dongling.gov.cn） whole to the next line).
            let rest = UnsafeBufferPointer(rebasing: utf8[i...])
            let isWebAddress = rest.starts(with: "http".utf8) || rest.starts(with: "www.".utf8)
            let slash = UInt8(ascii: "/"), hyphen = UInt8(ascii: "-")
            while i < n, utf8[i] < 0x80, utf8[i] != 0x20 {
                let previous = utf8[i]
                i += 1
                if !isWebAddress, previous == slash || previous == hyphen, i < n, utf8[i] != slash && utf8[i] != hyphen { break }
            }
        } else if i < n {
            i += decodeUTF8Scalar(utf8, at: i).length
        }
        while i < n {
            let (v, length) = decodeUTF8Scalar(utf8, at: i)
            guard noLineStart.contains(v) || closers.contains(v) else { break }
            i += length
        }
        return Self.columns(utf8: UnsafeBufferPointer(rebasing: utf8[..<i]))
    }

    /// Punctuation that may not open a line (kinsoku): it belongs to the word before.
    func startsNoLine(_ s: Unicode.Scalar) -> Bool {
        noLineStart.contains(s) || closers.contains(s)
    }

    /// Joins two wrapped pieces: no space next to CJK, none inside a wrapped
    /// URL, e-mail address or number, a hyphenated Latin word rejoined, else
    /// one space.
    func join(_ a: String, _ b: String) -> String {
        var joined = a
        append(b, to: &joined)
        return joined
    }

    /// `join`, in place: a paragraph grows by appending each wrapped piece
    /// (building a new string per piece copied the paragraph every time).
    func append(_ b: String, to a: inout String) {
        // The ends read off the UTF-8 (`lastScalar`, `firstScalar`), not the
        // scalar views; one end of each (`outerScalars` decoded both).
        guard let x = a.lastScalar, let y = b.firstScalar else { a += b; return }
        if cjk.contains(x) || cjk.contains(y) { a += b; return }
        // Only a hyphen or an ASCII start of the next piece asks whether the
        // token is a link (an address, a URL): most joins ask nothing.
        guard x == "-" || (y.isASCII && y != " ") else { a += " "; a += b; return }
        let token = asciiToken(endingText: a)
        // A hyphen the address holds stays (电子邮箱：jz-⏎gxj-gk@…: the `@`
        // comes after the break).
        if x == "-", !token.linked, token.hyphenAfterLetter, y.properties.isLowercase, !joinsIntoLink(a, b) {
            a.unicodeScalars.removeLast()
            a += b
            return
        }
        if y.isASCII, y != " ", token.linked || file.tokenJoiners.unicodeScalars.contains(x) { a += b; return }
        a += " "
        a += b
    }

    /// The pieces of a paragraph joined one after another as `append` joins
    /// them, built in one byte buffer: at a seam with an empty side or CJK
    /// on either side (most seams) `append` puts the two pieces' bytes one
    /// after the other, and so does this. From the first other seam on, the
    /// text built so far becomes a String once and `append` joins the rest
    /// (once, not at each such seam: a paragraph of Latin lines would be
    /// copied at every seam). `+=` on the paragraph's String cost some 380
    /// instructions a seam, and sizing it with a copy of the first piece
    /// some 400 a paragraph (callgrind, 1 MB bench).
    func joinedText(_ pieces: ArraySlice<SourceLine>) -> String {
        var bytes: [UInt8] = []
        // At most one space per seam is added.
        bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.text.utf8.count + 1 })
        var index = pieces.startIndex
        while index < pieces.endIndex {
            let joined = pieces[index].text.utf8.withContiguousStorageIfAvailable { next -> Bool in
                if !bytes.isEmpty && !next.isEmpty {
                    let x = bytes.withUnsafeBufferPointer { decodeLastUTF8Scalar($0, before: $0.count) }
                    guard cjk.contains(x) || cjk.contains(decodeUTF8Scalar(next, at: 0).value) else { return false }
                }
                bytes.append(contentsOf: next)
                return true
            } ?? false
            guard joined else { break }
            index += 1
        }
        var text = bytes.withUnsafeBufferPointer { String(validUTF8: $0) }
        for piece in pieces[index...] { append(piece.text, to: &text) }
        return text
    }

    /// What `append` asks of the token that ends a piece (its last run of
    /// ASCII scalars without a space): whether it is a link (holds `@` or
    /// `://`, or opens with `www.` in any case), and whether it ends with a
    /// hyphen after a letter. Read off the UTF-8 in place, where an ASCII
    /// scalar is one byte below 0x80: the scalar views (the run, the word
    /// built from it, its lowercased copy and a pattern search) cost tens
    /// of thousands of instructions a join.
    func asciiToken(endingText text: String) -> (linked: Bool, hyphenAfterLetter: Bool) {
        var text = text
        return text.withUTF8 { utf8 -> (linked: Bool, hyphenAfterLetter: Bool) in
            let end = utf8.count
            var start = end
            while start > 0 && utf8[start - 1] < 0x80 && utf8[start - 1] != 0x20 { start -= 1 }
            var linked = false
            var k = start
            while k < end && !linked {
                if utf8[k] == UInt8(ascii: "@") { linked = true }
                if utf8[k] == UInt8(ascii: ":"), k + 2 < end, utf8[k + 1] == UInt8(ascii: "/"), utf8[k + 2] == UInt8(ascii: "/") { linked = true }
                k += 1
            }
            if !linked, end - start >= 4 {
                // Lowercased, only W becomes w; the point is itself.
                let w = { (byte: UInt8) in byte == UInt8(ascii: "w") || byte == UInt8(ascii: "W") }
                linked = w(utf8[start]) && w(utf8[start + 1]) && w(utf8[start + 2]) && utf8[start + 3] == UInt8(ascii: ".")
            }
            let hyphenAfterLetter = end - start > 1 && utf8[end - 1] == UInt8(ascii: "-") && Self.isASCIILetter(UInt32(utf8[end - 2]))
            return (linked, hyphenAfterLetter)
        }
    }

    /// Merges each run of lines holding one piece each — one Han character,
    /// one CJK mark no line starts with (：) or that opens or closes (（ ）), a
    /// Latin run glued to such a mark (0756-3368102；), or a bare Latin run
    /// right after a lone mark (：⏎0917-4821365; a table's value never
    /// follows one) — with at least `scatteredRun` Han characters
    /// (blank lines between allowed) into one line, taken to fill the column:
    /// it was a justified line spread out letter by letter (around long Latin
    /// runs: 516000；⏎电⏎话⏎：⏎0756-3368102；⏎邮⏎箱⏎：⏎ngzwgk@…）。).
    /// The stretch itself when it has no such run (most have none): a copy
    /// is made only from the first run gathered on.
    func gatherScattered(_ lines: ArraySlice<SourceLine>, context: PipelineContext) -> ArraySlice<SourceLine> {
        var output: [SourceLine]?
        // The line a run broke at is the next run's first: classified once.
        var known: (index: Int, piece: ScatteredPiece)?
        func piece(at index: Int) -> ScatteredPiece {
            if let known, known.index == index { return known.piece }
            return scatteredPiece(lines[index].text)
        }
        var i = lines.startIndex
        while i < lines.endIndex {
            let first = piece(at: i)
            guard let opening = first.opensRunCounting else { output?.append(lines[i]); i += 1; continue }
            var run = [i]
            var last = first
            var han = opening
            var j = i + 1
            while j < lines.endIndex {
                if lines[j].text.isEmpty { j += 1; continue }
                let kind = piece(at: j)
                guard let next = kind.continuesRunCounting(after: last) else { known = (j, kind); break }
                run.append(j)
                last = kind
                han += next
                j += 1
            }
            let end = run.last! + 1
            let aroundLatin = han < file.wrap.scatteredRun && han > 0 && spreadAroundLatinRun(lines, run: run)
            guard han >= file.wrap.scatteredRun || aroundLatin else {
                output?.append(contentsOf: lines[i..<end]); i = end; continue
            }
            if output == nil {
                output = []
                output!.reserveCapacity(lines.count)
                output!.append(contentsOf: lines[..<i])
            }
            let text = run.map { lines[$0].text }.joined()
            context.traced(.lines, aroundLatin ? "lines.join-scattered-latin" : "lines.join-scattered", line: lines[i].number,
                           before: run.map { lines[$0].text }.joined(separator: "⏎"), after: text)
            output!.append(SourceLine(number: lines[run[0]].number, text: text, extractedColumns: Int.max / 4))
            i = end
        }
        return output.map { $0[...] } ?? lines
    }

    /// Whether a run of scattered pieces too short for `scatteredRun` is
    /// still one justified line spread out: one whose long unbreakable
    /// Latin run (a URL: `wrap.scatteredLatinRun` characters or more, in
    /// the run or opening the line right after it, past an opening mark)
    /// did not fit the line before, so the justifier set its few other
    /// units wide apart and the extractor cut it at those gaps (…厅门户 ⏎ 网
    /// ⏎ 站 ⏎ （ ⏎ https://…/index.html? ⏎ x=1…）查阅。). The line before
    /// must run on into it: as wide as a line that counts for the column
    /// (`wrap.minLineColumns`), no TAB, ending with a Han character (in
    /// the middle of a word: no mark, no sentence's end). A table's one-
    /// character cells (总 ⏎ 计) stand after a short label and beside
    /// values, no long Latin run.
    func spreadAroundLatinRun(_ lines: ArraySlice<SourceLine>, run: [Int]) -> Bool {
        guard let minimum = file.wrap.scatteredLatinRun, let firstPiece = run.first, let lastPiece = run.last else { return false }
        var before = firstPiece - 1
        while before >= lines.startIndex && lines[before].text.isEmpty { before -= 1 }
        guard before >= lines.startIndex, case let line = lines[before].text, !line.containsTab,
              let last = line.unicodeScalars.last, Self.isIdeographic(last),
              columns(line) >= file.wrap.minLineColumns else { return false }
        // The longest run of ASCII letters, digits and joiners (no space) a
        // text opens with, past one opening mark.
        func leadingLatin(_ text: String) -> Int {
            var count = 0, opened = false
            for s in text.unicodeScalars {
                if count == 0 && !opened && openers.contains(s.value) { opened = true; continue }
                guard s.isASCII, s != " " else { break }
                count += 1
            }
            return count
        }
        if run.contains(where: { leadingLatin(lines[$0].text) >= minimum }) { return true }
        var after = lastPiece + 1
        while after < lines.endIndex && lines[after].text.isEmpty { after += 1 }
        return after < lines.endIndex && leadingLatin(lines[after].text) >= minimum
    }

    /// What a line is to `gatherScattered`, decided once per line.
    enum ScatteredPiece {
        /// One Han character: counts toward the run.
        case han
        /// One non-ASCII mark no line starts with, or that opens or closes (：（ ）).
        case loneMark
        /// A Latin run and the CJK marks after it (0756-3368102；); a table's
        /// value (0, 1.) has no CJK mark.
        case markedLatin
        /// Letters or digits and the ASCII joiners of a phone number, e-mail
        /// or URL, no space: a piece only right after a lone mark.
        case bareLatin
        /// Anything else (and an empty line).
        case none

        /// The Han characters a run opened by this line starts with; nil when
        /// it opens none.
        var opensRunCounting: Int? {
            switch self {
            case .han: 1
            case .loneMark, .markedLatin: 0
            case .bareLatin, .none: nil
            }
        }

        /// The Han characters this line adds to a run whose last piece is
        /// `previous`; nil when it ends the run (a table's value never
        /// follows a lone mark, so bare Latin there is the spread line's).
        func continuesRunCounting(after previous: ScatteredPiece) -> Int? {
            if self == .bareLatin { return previous == .loneMark ? 0 : nil }
            return opensRunCounting
        }
    }

    /// Classifies one line for `gatherScattered`, on its UTF-8 in place
    /// (every line of a stretch is asked, most of them prose that the first
    /// scalar settles).
    func scatteredPiece(_ text: String) -> ScatteredPiece {
        // Most lines are prose of several scalars opening with a Han
        // character (lead byte E5…E9: U+5000…U+9FFF), which is no mark
        // (`marksHoldHan`): none, told on the first byte and the length
        // before the line is decoded (twice a line, each reading).
        if !marksHoldHan, text.utf8.count > 3, text.firstUTF8Byte &- 0xE5 <= 0xE9 - 0xE5 { return .none }
        // Read where it lies (`withUTF8` on a copy retained and released
        // the string at every call).
        if let piece = text.utf8.withContiguousStorageIfAvailable({ scatteredPiece(utf8: $0) }) { return piece }
        var text = text
        return text.withUTF8 { scatteredPiece(utf8: $0) }
    }

    /// `scatteredPiece` of a line's UTF-8.
    private func scatteredPiece(utf8: UnsafeBufferPointer<UInt8>) -> ScatteredPiece {
        guard !utf8.isEmpty else { return .none }
        let (first, firstLength) = decodeUTF8Scalar(utf8, at: 0)
        if firstLength == utf8.count {
            let s = Unicode.Scalar(first).unsafelyUnwrapped
            if Self.isIdeographic(s) { return .han }
            if first >= 0x80 { return noLineStart.contains(first) || closers.contains(first) || openers.contains(first) ? .loneMark : .none }
            return first != 0x20 && Self.isASCIILetterOrDigit(first) ? .bareLatin : .none
        }
        // A Latin run and the marks after it; a table's value (0, 1.) has no CJK mark.
        var latin = false, mark = false
        var i = 0
        while i < utf8.count {
            let (v, length) = decodeUTF8Scalar(utf8, at: i)
            i += length
            if v < 0x80 {
                guard v != 0x20, !mark else { return .none }
                latin = latin || Self.isASCIILetterOrDigit(v)
            } else if noLineStart.contains(v) || closers.contains(v) {
                mark = true
            } else {
                return .none
            }
        }
        guard latin else { return .none }
        return mark ? .markedLatin : .bareLatin
    }

    /// An ASCII letter or digit (what `properties.isAlphabetic` or 0…9 is
    /// among ASCII scalars).
    @inline(__always)
    static func isASCIILetterOrDigit(_ v: UInt32) -> Bool {
        (v | 0x20) &- 0x61 < 26 || v &- 0x30 < 10
    }
}
