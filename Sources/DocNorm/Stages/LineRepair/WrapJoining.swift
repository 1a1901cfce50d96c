/// Stage 2, hard wraps:
///
/// - `lines.text-column`: the document's text-column width is the peak of its
///   line-width histogram in display columns; documents with no peak (one
///   paragraph per line) are never joined. Without a peak it is measured
///   again without the lines that lost runs of spaces (table rows laid out
///   in columns), which blur it.
/// - `lines.join-wrap`: a line continues on the next non-blank line when it
///   reached the column, where "reached" allows for what the layout could not
///   fit: the first unbreakable unit of the next line (a number, a URL, a CJK
///   character with the punctuation that may not open a line) and, on a
///   paragraph's first line, the indent the extractor dropped. A next line
///   opening with heading numbering, or a full stop (。！？) before a blank
///   line, ends the paragraph; so does a numbered first line without a mark
///   of running text (，。；、) when the next line has one: a heading that
///   happened to fill the column (a heading's wrapped tail has none). So
///   does a full stop at the column before a line set in from the lines on
///   either side (a first-line indent pdftotext -layout kept). A next
///   line opening with punctuation no line may start with (，。、）) always
///   continues. CJK joins with no space, Latin with one, a wrapped
///   URL, e-mail or number (`0435-⏎87315120`, `https://⏎www…`) with none.
/// - `lines.join-bracket`: a line the widths would end a paragraph at goes on
///   in the next one right after it when the paragraph, running text the
///   column wrapped already, leaves a bracket open (（电话：…；电子邮箱：⏎
///   blqcgj@…）。), unless that line is numbered or a table's.
/// - `lines.join-scattered`: a run of lines holding one Han character each is
///   one justified line whose letter spacing an extractor took for line breaks.
extension LineRepair {
    /// The text-column width: the most common line width in the widest window
    /// of `window` columns that holds enough lines, with almost no line wider;
    /// nil when the document is not hard-wrapped.
    func columnWidth<Lines: Sequence>(_ lines: Lines) -> Int? where Lines.Element == SourceLine {
        // Only the widths are kept (not a copy of the lines).
        columnWidth(widths: lines.lazy.compactMap { columnsUnlessTab($0.text) })
    }

    /// `columnWidth` of lines measured already: the display widths of those
    /// without a TAB.
    func columnWidth<Widths: Sequence>(widths: Widths) -> Int? where Widths.Element == Int {
        var w = widths.filter { $0 >= file.wrap.minLineColumns }
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
        // hashed (window + 1) numbers per line).
        var candidates: [Int] = []
        var covered = Int.min
        for width in w {
            let low = max(width, covered + 1), high = min(width + file.wrap.window, w[w.count - 1])
            guard low <= high else { continue }
            candidates.append(contentsOf: low...high)
            covered = high
        }
        candidates.reverse()
        // Widest first, so both ends of the window only move down the sorted
        // widths: two pointers instead of two binary searches per candidate
        // (a paragraph read back is thousands of columns wide, and so are the
        // candidates below it).
        var upTo = w.count, below = w.count  // atMost(width), atMost(width - window - 1)
        for width in candidates {
            while upTo > 0 && w[upTo - 1] > width { upTo -= 1 }
            while below > 0 && w[below - 1] > width - file.wrap.window - 1 { below -= 1 }
            let inWindow = upTo - below
            if inWindow >= needed {
                let wider = w.count - upTo
                guard Double(wider) <= file.wrap.maxWiderShare * Double(w.count) else { return nil }
                // The column is the most common width in the window (a few lines
                // run wider, e.g. with narrow Latin digits); ties go to the wider.
                var counts: [Int: Int] = [:]
                for x in w[atMost(width - file.wrap.window - 1)..<atMost(width)] { counts[x, default: 0] += 1 }
                return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key
            }
        }
        return nil
    }

    /// Whether `line` is a hard wrap that `next` continues.
    func continues(_ line: SourceLine, into next: String, fullWidth: Int, blankBetween: Bool, opensParagraph: Bool) -> Bool {
        if line.text.containsTab || next.containsTab || startsWithNumbering(next) { return false }
        // A short line opening with a table's anchor (行政复议 行政诉讼) is the
        // table's first row, matched or not; a long one may be prose wrapped there.
        if opensTable(next) && columns(next) < fullWidth / 2 { return false }
        // No line starts with ，。、 or a closing bracket: such a line is the
        // tail of the one before, whatever its width.
        if let head = next.unicodeScalars.first, startsNoLine(head) { return true }
        // A blank line after a full stop ends the paragraph; after ： or ； it
        // is only a text-box boundary (pdfminer), and the width decides.
        let strong = endsStrongly(line.text)
        if strong && blankBetween { return false }
        if opensParagraph && startsWithNumbering(line.text) && !hasRunningText(line.text) && !leavesBracketOpen(line.text) && hasRunningText(next) { return false }
        // A first line's indent took room on the page; extractors that kept it
        // as spaces have it in the extracted width already. (The line measured
        // once: `width` measures it too.)
        let measured = columns(line.text)
        let width = max(line.extractedColumns ?? 0, measured)
        var reach = opensParagraph ? max(width, measured + file.wrap.firstLineIndent) : width
        // The layout broke here because the next unit did not fit; after a full
        // stop a short line is as likely a paragraph's last.
        if !strong { reach += leadingUnitColumns(next) }
        return reach >= fullWidth - file.wrap.window
    }

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
    func goesOnInsideBrackets(_ paragraph: String, _ brackets: inout OpenBrackets, last: String, into next: String) -> Bool {
        if next.containsTab || startsWithNumbering(next) || opensTable(next) { return false }
        if last.utf8.contains(0x7C) || next.utf8.contains(0x7C) { return false }
        brackets.read(paragraph, marks: self)
        return brackets.depth > 0 && brackets.running
    }

    /// The brackets a growing paragraph leaves open (as `leavesBracketOpen`
    /// counts them) and whether it has running text, read on from where the
    /// last question stopped: a paragraph asked at each of many short lines
    /// is read once, not once per line.
    struct OpenBrackets {
        private var readBytes = 0
        private(set) var depth = 0
        private(set) var running = false

        mutating func read(_ paragraph: String, marks: LineRepair) {
            let utf8 = paragraph.utf8
            guard readBytes < utf8.count else { return }
            // Earlier reads ended at the end of an appended piece: a scalar boundary.
            let from = utf8.index(utf8.startIndex, offsetBy: readBytes)
            for s in paragraph.unicodeScalars[from...] {
                let opens = marks.openers.contains(s), closes = marks.closers.contains(s)
                if opens && !closes { depth += 1 } else if closes && !opens && depth > 0 { depth -= 1 }
                if !running && marks.runningText.contains(s) { running = true }
            }
            readBytes = utf8.count
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
        // Walks the scalars in place: the unit is a line's first few, and
        // copying the whole line into an array first was wasted work.
        let s = text.unicodeScalars
        var i = s.startIndex
        while i < s.endIndex, openers.contains(s[i]) { i = s.index(after: i) }
        if i < s.endIndex, s[i].isASCII, s[i] != " " {
            // A web address is one unit to a browser's line breaker (Chromium
            // moved （http://jtt.dongling.gov.cn） whole to the next line).
            // (ASCII here: compared on the UTF-8 bytes, which are the scalars.)
            let isWebAddress = text.utf8[i...].starts(with: "http".utf8) || text.utf8[i...].starts(with: "www.".utf8)
            while i < s.endIndex, s[i].isASCII, s[i] != " " {
                let previous = s[i]
                i = s.index(after: i)
                if !isWebAddress, previous == "/" || previous == "-", i < s.endIndex, s[i] != "/" && s[i] != "-" { break }
            }
        } else if i < s.endIndex {
            i = s.index(after: i)
        }
        while i < s.endIndex, startsNoLine(s[i]) { i = s.index(after: i) }
        // The unit's columns, measured on its UTF-8 in place.
        let bytes = text.utf8.distance(from: text.utf8.startIndex, to: i)
        return text.utf8.withContiguousStorageIfAvailable { Self.columns(utf8: UnsafeBufferPointer(rebasing: $0[..<bytes])) }
            ?? Self.columns(s[..<i])
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
        guard let x = a.unicodeScalars.last, let y = b.unicodeScalars.first else { a += b; return }
        if cjk.contains(x) || cjk.contains(y) { a += b; return }
        // Only a hyphen or an ASCII start of the next piece asks whether the
        // token is a link (an address, a URL): most joins ask nothing.
        guard x == "-" || (y.isASCII && y != " ") else { a += " "; a += b; return }
        let token = a.unicodeScalars.reversed().prefix { $0.isASCII && $0 != " " }
        let word = String(String.UnicodeScalarView(token.reversed()))
        let linked = token.contains("@") || word.contains("://") || word.lowercased().hasPrefix("www.")
        if x == "-", !linked, token.count > 1, token.dropFirst().first?.properties.isAlphabetic == true, y.properties.isLowercase {
            a.unicodeScalars.removeLast()
            a += b
            return
        }
        if y.isASCII, y != " ", linked || file.tokenJoiners.unicodeScalars.contains(x) { a += b; return }
        a += " "
        a += b
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
        /// 1 for one Han character, 0 for another piece, nil for a line that is none.
        func piece(_ line: SourceLine) -> Int? {
            // One scalar, asked without counting the whole line.
            var scalars = line.text.unicodeScalars.makeIterator()
            guard let first = scalars.next() else { return nil }
            if scalars.next() == nil {
                if first.properties.isIdeographic { return 1 }
                return !first.isASCII && isMark(first) ? 0 : nil
            }
            // A Latin run and the marks after it; a table's value (0, 1.) has no CJK mark.
            var latin = false, mark = false
            for s in line.text.unicodeScalars {
                if s.isASCII {
                    guard s != " ", !mark else { return nil }
                    latin = latin || s.properties.isAlphabetic || ("0"..."9").contains(s)
                } else if noLineStart.contains(s) || closers.contains(s) {
                    mark = true
                } else {
                    return nil
                }
            }
            return latin && mark ? 0 : nil
        }
        func isMark(_ s: Unicode.Scalar) -> Bool { noLineStart.contains(s) || closers.contains(s) || openers.contains(s) }
        /// A lone non-ASCII mark (：（，).
        func isLoneMark(_ line: SourceLine) -> Bool {
            var scalars = line.text.unicodeScalars.makeIterator()
            guard let first = scalars.next(), scalars.next() == nil else { return false }
            return !first.isASCII && isMark(first)
        }
        /// Letters or digits and the ASCII joiners of a phone number, e-mail or URL, no space.
        func isBareLatin(_ line: SourceLine) -> Bool {
            var word = false
            for s in line.text.unicodeScalars {
                guard s.isASCII, s != " " else { return false }
                word = word || s.properties.isAlphabetic || ("0"..."9").contains(s)
            }
            return word
        }
        var output: [SourceLine]?
        var i = lines.startIndex
        while i < lines.endIndex {
            guard let opening = piece(lines[i]) else { output?.append(lines[i]); i += 1; continue }
            var run = [i]
            var han = opening
            var j = i + 1
            while j < lines.endIndex {
                if lines[j].text.isEmpty { j += 1; continue }
                guard let next = piece(lines[j]) ?? (isLoneMark(lines[run.last!]) && isBareLatin(lines[j]) ? 0 : nil) else { break }
                run.append(j)
                han += next
                j += 1
            }
            let end = run.last! + 1
            guard han >= file.wrap.scatteredRun else {
                output?.append(contentsOf: lines[i..<end]); i = end; continue
            }
            if output == nil {
                output = []
                output!.reserveCapacity(lines.count)
                output!.append(contentsOf: lines[..<i])
            }
            let text = run.map { lines[$0].text }.joined()
            context.traced(.lines, "lines.join-scattered", line: lines[i].number,
                           before: run.map { lines[$0].text }.joined(separator: "⏎"), after: text)
            output!.append(SourceLine(number: lines[run[0]].number, text: text, extractedColumns: Int.max / 4))
            i = end
        }
        return output.map { $0[...] } ?? lines
    }
}
