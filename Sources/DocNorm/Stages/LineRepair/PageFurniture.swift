/// Stage 2, page furniture: what stands on the page (or in a converter's
/// markup) but is not part of the text.
///
/// - `lines.markdown-emphasis`: a line an HTML-to-Markdown converter wrapped
///   in emphasis (html2text: `**标题****2024****年**`) loses every marker.
///   Only whole wrapped lines are touched, so a lone `**` in text stays.
/// - `lines.page-number`: whole-line page numbers (`- 3 -`, `\- 3 -`,
///   `第3页共12页`, `3/12`, a lone number as the document's last line) are removed.
/// - `lines.running-header`: a short line that stands next to most page breaks
///   (a removed page number, the document's start or end), the same each time,
///   is a running header or footer (单位名称 over every page) and is removed.
///   Each of its lines counts for one break only: a header repeats, and a
///   line that stands once near several breaks (the closing organ line on a
///   last page of three lines) is text.
/// - `lines.duplicate-heading`: a heading repeated right after itself is one
///   (an extractor or a page break that repeated it). Only a line stage 4
///   reads as a heading as written (`StructureRules.readsAsHeading`: short,
///   ending no sentence) counts: a numbered paragraph repeated is text, and
///   the paragraphs stage 2 joins from lines repeated apart
///   (7.属于…⏎…⏎7.属于…⏎…) stand right after each other only in its output,
///   where a second run would take them for a duplicate the first did not.
///   Two headings equal once stage 4 restores a noisy section title
///   (一、总体情况 ⏎ 一、总体情况/) are compared so too (`headingAsRestored`).
///   Two equal headings joined from pieces are one in stage 4
///   (`structure.duplicate-heading`), so a second run finds none left.
extension LineRepair {
    /// Runs before table regions are found, so a page number inside a table
    /// does not split it; takes run-on page numbers off (RunOnPageNumbers.swift)
    /// and puts displaced runs back first (PageSeamRuns.swift,
    /// DisplacedRuns.swift, BlockEndRuns.swift, NumbersApart.swift).
    ///
    /// Works on the one array it is handed, in place, pass by pass: an array
    /// per pass held three copies of every line at once (ten million lines
    /// for 10 MB of blank lines).
    ///
    /// `furniture` gets the numbers of the lines removed as page numbers or
    /// running headers, sorted: where a page broke (`joinLines`). Not the
    /// runs put back elsewhere, nor a duplicate heading: their lines are
    /// gone too, but no page need have ended there.
    public func removeFurniture(_ input: consuming [SourceLine], furniture: inout [Int], context: PipelineContext) -> [SourceLine] {
        var lines = consume input
        // First the page's last line a run-on page number ended: the runs
        // below ask what the text before a page break left open.
        restoreRunOnPageNumbers(&lines, context: context)
        // Then: a run put back at its line's start is no lone number (a
        // page number when it is the last line).
        restorePageSeamRuns(&lines, context: context)
        restoreDisplacedRuns(&lines, context: context)
        restoreBlockEndRuns(&lines, context: context)
        restoreNumbersApart(&lines, context: context)
        // Most lines open with no marker's first byte: asked here, not in a
        // call per line that copied the line's text and the table.
        let leads = emphasisLeads
        for i in lines.indices {
            if let leads, !leads[Int(lines[i].text.firstUTF8Byte)] { continue }
            guard let plain = withoutEmphasis(lines[i].text) else { continue }
            context.traced(.lines, "lines.markdown-emphasis", line: lines[i].number, before: lines[i].text, after: plain)
            lines[i].text = plain
        }
        var breaks: [Int] = [0]
        var count = 0  // lines kept so far, moved to the front
        // Moved in the buffer: every line after a document's first page
        // number moves, and the array's `swapAt` retained and released both
        // lines' texts (some 80 instructions a line, most of this loop).
        lines.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices {
                guard isPageNumber(buffer[i].text, last: false) else {
                    // No write until a line has gone: most documents have few.
                    if count != i { buffer.swapAt(count, i) }
                    count += 1
                    continue
                }
                context.traced(.lines, "lines.page-number", line: buffer[i].number, before: buffer[i].text, after: "")
                furniture.append(buffer[i].number)
                if breaks.last != count { breaks.append(count) }
            }
        }
        lines.removeLast(lines.count - count)
        breaks.append(lines.count)
        lines = withoutRunningHeaders(lines, breaks: breaks, furniture: &furniture, context: context)
        // A lone number as the last line, judged after the other page numbers are
        // gone (else the output could end in one that a second run removes), and
        // not when the line before it is a lone number too (a table's last cells).
        if let last = lines.lastIndex(where: { !$0.text.isEmpty }), isPageNumber(lines[last].text, last: true),
           !(lines[..<last].last(where: { !$0.text.isEmpty }).map { isPageNumber($0.text, last: true) } ?? false) {
            context.traced(.lines, "lines.page-number", line: lines[last].number, before: lines[last].text, after: "")
            furniture.append(lines[last].number)
            lines.remove(at: last)
        }
        // Page numbers, then running headers: one sort puts them in order.
        furniture.sort()
        // Duplicate consecutive headings (blank lines between do not separate them).
        // The last line's first scalar is kept with it: each line's is read once, not once per comparison.
        // The last line is kept by its index (where it stands once moved to
        // the front, which no later line moves): a copy of its text retained
        // and released every line's (8 M instructions of the 1 MB bench).
        var previous: Int?, previousFirst: UInt32?
        // Whether `previous` is a heading, once asked: a run of equal
        // lines (a table's column of 0s) asks it once, not once per line.
        var previousHeading: Bool?
        count = 0
        for i in lines.indices {
            if !lines[i].text.isEmpty {
                let first = Self.inertFirst(lines[i].text)
                var heading: Bool?
                // The equal text first: a heading is looked for only on a repeat.
                // The same bytes are equal texts: `==` (canonical equivalence,
                // hundreds of instructions for texts in two buffers) is asked
                // only of texts in other bytes.
                if let previous, !Self.startsDiffer(previousFirst, first), case let sameBytes = lines[previous].text.hasSameUTF8(as: lines[i].text),
                   sameBytes || (!Self.differAtInertScalar(lines[previous].text, lines[i].text) && lines[previous].text == lines[i].text) {
                    // The same bytes have the previous line's answer (equal
                    // texts in other bytes are asked again).
                    let isHeading = (sameBytes ? previousHeading : nil) ?? structure.readsAsHeading(lines[i].text)
                    heading = isHeading
                    if isHeading {
                        context.traced(.lines, "lines.duplicate-heading", line: lines[i].number, before: lines[i].text, after: "")
                        if sameBytes { previousHeading = true }
                        continue
                    }
                } else if let previous, let first, !Self.startsDiffer(previousFirst, first), first >= 0x4E00, structure.sectionOpeners.contains(first),
                          structure.mayRestoreSectionTitle(lines[i].text) || structure.mayRestoreSectionTitle(lines[previous].text),
                          let restored = structure.headingAsRestored(lines[i].text), structure.headingAsRestored(lines[previous].text) == restored {
                    // Equal as stage 4 restores them (一、总体情况 ⏎ 一、总体情况/):
                    // a line stage 4 drops is not left for the tables stage
                    // to read, or a second run reads a table across one
                    // heading line where the first met two (fuzz item 43).
                    // Asked only of two lines opening with one section
                    // numeral, one of them a title stage 4 may restore: asked of every
                    // pair opening alike with a numbering's first scalar
                    // (digits in a table) it cost 15 M of the 1 MB bench.
                    context.traced(.lines, "lines.duplicate-heading", line: lines[i].number, before: lines[i].text, after: "")
                    continue
                }
                previous = count
                previousFirst = first
                previousHeading = heading
            }
            if count != i { lines.swapAt(count, i) }
            count += 1
        }
        lines.removeLast(lines.count - count)
        return lines
    }

    /// `lines.page-number`'s lone number last, judged once more on the
    /// output as a second run reads it (fuzz item 40). `removeFurniture`
    /// keeps a lone number last when the line before it is a lone number
    /// too (a table's last cells); stage 2 may then join that line onto the
    /// paragraph before it (a wrapped address's 216: `lines.join-wrap`), or
    /// stage 3 take it into a table, and a second run finds the lone number
    /// after prose or a grid row and removes it. So the last logical line is
    /// judged where it now stands (a grid row before it, when it opens the
    /// stretch after a table, is no lone number). Returns whether it went.
    /// On the corpora the first judgement stands: nothing goes here.
    public func removeLastPageNumber(_ prose: inout [[LogicalLine]], context: PipelineContext) -> Bool {
        guard let s = prose.indices.last, let last = prose[s].lastIndex(where: { !$0.text.isEmpty }),
              isPageNumber(prose[s][last].text, last: true),
              !(prose[s][..<last].last(where: { !$0.text.isEmpty }).map { isPageNumber($0.text, last: true) } ?? false)
        else { return false }
        context.traced(.lines, "lines.page-number", line: prose[s][last].lines.lowerBound, before: prose[s][last].text, after: "")
        prose[s].remove(at: last)
        return true
    }

    /// Whether two texts are unequal by their first scalars alone: both
    /// ASCII or CJK unified ideographs (starters without a decomposition, so
    /// each stands first in its text's canonical decomposition too) and not
    /// the same. `==` compares Han lines by canonical equivalence, hundreds
    /// of instructions each, and stage 2 compares every line with the last.
    static func startsDiffer(_ a: String, _ b: String) -> Bool { startsDiffer(inertFirst(a), inertFirst(b)) }

    /// `startsDiffer` of two texts' `inertFirst` scalars.
    static func startsDiffer(_ x: UInt32?, _ y: UInt32?) -> Bool {
        guard let x, let y else { return false }
        return x != y
    }

    /// Whether two texts are unequal by the first scalar where their bytes
    /// part: one is a prefix of the other (a canonical decomposition is
    /// as long as the decompositions of its scalars), or both scalars there
    /// are `isInert` (each stands at the same place in its text's canonical
    /// decomposition, after the same prefix, so the decompositions differ
    /// there). `==` compared lines that open alike (1.属于… and 1.不予…,
    /// 公开，… and 公开情况) by canonical equivalence, some 400 instructions each.
    static func differAtInertScalar(_ a: String, _ b: String) -> Bool {
        a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let n = min(x.count, y.count)
                var i = 0
                while i < n && x[i] == y[i] { i += 1 }
                if i == n { return x.count != y.count }
                // Back to the scalar's first byte: the bytes before are the
                // same in both, and so is where the scalar starts.
                while i > 0 && x[i] & 0xC0 == 0x80 { i -= 1 }
                return isInert(decodeUTF8Scalar(x, at: i).value) && isInert(decodeUTF8Scalar(y, at: i).value)
            } ?? false
        } ?? false
    }

    /// A starter (canonical combining class 0) without a canonical
    /// decomposition, in the blocks the documents are written in: ASCII,
    /// the dashes and quotes of General Punctuation (U+2010…U+2027), CJK
    /// symbols and punctuation but the tone marks U+302A…U+302F, CJK unified
    /// ideographs (not the compatibility ideographs, each a decomposition)
    /// and the halfwidth and fullwidth forms (their decompositions are
    /// compatibility ones). Not U+2000…U+2001, nor Latin-1 (À is A and a grave).
    static func isInert(_ v: UInt32) -> Bool {
        v < 0x80 || v &- 0x4E00 <= 0x9FFF - 0x4E00 || v &- 0xFF00 <= 0xFFEF - 0xFF00
            || v &- 0x3000 <= 0x3029 - 0x3000 || v &- 0x3030 <= 0x303F - 0x3030 || v &- 0x2010 <= 0x2027 - 0x2010
    }

    /// A text's first scalar when it is ASCII or a CJK unified ideograph;
    /// nil otherwise (and for an empty text). Read off the UTF-8
    /// (`unicodeScalars.first` cost more than the comparisons it saved).
    static func inertFirst(_ s: String) -> UInt32? {
        s.utf8.withContiguousStorageIfAvailable { p -> UInt32? in
            guard let lead = p.first else { return nil }
            if lead < 0x80 { return UInt32(lead) }
            guard lead >= 0xE4, lead <= 0xE9, p.count >= 3 else { return nil }  // U+4E00…U+9FFF: 3 bytes
            let v = UInt32(lead & 0x0F) << 12 | UInt32(p[1] & 0x3F) << 6 | UInt32(p[2] & 0x3F)
            return (0x4E00...0x9FFF).contains(v) ? v : nil
        } ?? nil
    }

    /// The line without its emphasis markers when it is wholly wrapped in one
    /// (`**…**`); nil when it is not, or when nothing but spaces or TABs is
    /// inside (`**⇥**` left a line of a TAB: whitespace a second run refuses).
    /// The spaces stage 1 kept beside a marker (`** a **`) are spaced again
    /// as stage 1 spaces text, else a second run would trim them.
    func withoutEmphasis(_ text: String) -> String? {
        // Most lines open with no marker's first byte: asked once, not per marker.
        if let leads = emphasisLeads, !leads[Int(text.utf8.first ?? 0)] { return nil }
        for (marker, firstByte) in zip(file.markdownEmphasis, emphasisFirstBytes) where !marker.isEmpty {
            // hasPrefix compares characters, and every line is asked: an
            // ASCII marker's first byte is compared first.
            if let firstByte, text.utf8.first != firstByte { continue }
            // Counting characters walks the line: ask last, when the markers stand.
            guard text.hasPrefix(marker), text.hasSuffix(marker), text.count > 2 * marker.count else { continue }
            let plain = string(CharacterNormalizer.canonicalSpacing(scalarValues(text.replacing(marker, with: "")), cjk: cjk))
            return plain.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" }) ? nil : plain
        }
        return nil
    }

    func isPageNumber(_ text: String, last: Bool) -> Bool {
        // Stops at the 25th non-space character: most lines are no page number.
        // The 24 it may keep stand on the stack (an array per line was a
        // tenth of stage 2).
        // The first scalar that is no space is no page number's opener on
        // most lines: asked before the scalars are gathered.
        guard let first = Self.firstScalar(of: text, skippingTabs: false), pageNumberOpeners.contains(first) else { return false }
        // Digits and spaces alone (a table's value: most lines that get
        // here) are a page number only as the last line or by a pattern of
        // digits alone, and the rules have none: answered on the bytes, not
        // gathered as scalars (some 160 instructions a value).
        if !last && digitsOnlyPageNumberPatterns.isEmpty && Self.holdsDigitsAndSpacesOnly(text) { return false }
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: 24) { buffer in
            var count = 0, digitsOnly = true
            // Decoded from the UTF-8 in place (`decodeUTF8Scalar`): the
            // scalar view's validated steps were most of the cost, and every
            // line opening with a digit (a table's) gets here.
            var text = text
            let gathered = text.withUTF8 { utf8 -> Bool in
                var i = 0
                while i < utf8.count {
                    let (v, length) = decodeUTF8Scalar(utf8, at: i)
                    i += length
                    if v == 0x20 { continue }
                    if count == 24 || (count == 0 && !pageNumberOpeners.contains(v)) || !pageNumberCharacters.contains(v) { return false }
                    buffer.initializeElement(at: count, to: Unicode.Scalar(v).unsafelyUnwrapped)
                    count += 1
                    digitsOnly = digitsOnly && v &- 0x30 < 10
                }
                return true
            }
            guard gathered else { return false }
            let compact = UnsafeBufferPointer(rebasing: buffer[..<count])
            guard !compact.isEmpty else { return false }
            if last && digitsOnly && compact.count <= 4 { return true }
            for pattern in digitsOnly ? digitsOnlyPageNumberPatterns : pageNumberPatterns where matches(pattern, compact) { return true }
            return false
        }
    }

    /// Whether every byte of the text is an ASCII digit or a space (false
    /// for a text whose UTF-8 is not contiguous: the caller then asks on).
    static func holdsDigitsAndSpacesOnly(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            utf8.allSatisfy { $0 &- 0x30 < 10 || $0 == 0x20 }
        } ?? false
    }

    /// Whether the text holds ，: its three UTF-8 bytes, found in place
    /// (valid UTF-8 holds them only as that scalar; the scalar view's walk
    /// cost some 480 instructions a line near a page break).
    static func holdsFullWidthComma(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            var i = 0
            while i + 2 < utf8.count {
                if utf8[i] == 0xEF && utf8[i + 1] == 0xBC && utf8[i + 2] == 0x8C { return true }
                i += 1
            }
            return false
        } ?? text.unicodeScalars.contains("，")
    }

    /// Whether a scalar of the text is alphabetic: an ASCII letter or a CJK
    /// unified ideograph (U+4E00…U+9FFF, all alphabetic) answered without
    /// the property lookup, which a line near a page break asked per scalar.
    static func holdsAlphabetic(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            if s.isASCII { return isASCIILetter(s.value) }
            return s.value &- 0x4E00 <= 0x9FFF - 0x4E00 || s.properties.isAlphabetic
        }
    }

    /// `#` matches one or more ASCII digits; every other character itself.
    func matches(_ pattern: [Unicode.Scalar], _ text: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        var i = 0
        for p in pattern {
            if p == "#" {
                let start = i
                while i < text.count && ("0"..."9").contains(text[i]) { i += 1 }
                if i == start { return false }
            } else {
                guard i < text.count, text[i] == p else { return false }
                i += 1
            }
        }
        return i == text.count
    }

    /// Whether a text may be a running header or footer by itself: a header
    /// or footer names something; a sentence (无。) or a table value (0)
    /// that happens to stand next to page breaks is text.
    func mayBeRunningHeader(_ text: String) -> Bool {
        !text.containsTab && columns(text) <= file.runningHeaders.maxColumns && !startsWithNumbering(text)
            && !endsSentence(text) && !Self.holdsFullWidthComma(text) && Self.holdsAlphabetic(text)
    }

    /// Whether some text may stand near `needed` page breaks: false only
    /// when none can, so that `withoutRunningHeaders` would remove nothing.
    /// A document without running headers cost 23 M instructions of the
    /// 1 MB bench there, a dictionary of lines near breaks and every such
    /// text hashed as a String (canonical equivalence, normalizing Han).
    ///
    /// Counts the breaks near each line's bytes, keyed by a hash of its
    /// scalars in a table of its own; a slot holds one text's bytes (a
    /// collision found sends the document down the exact path). Equal bytes
    /// are equal texts, and texts of `isInert` scalars alone are equal only
    /// in the same bytes (each is its own canonical decomposition). A line
    /// with another scalar that could be a header is answered true: it may
    /// equal a line in other bytes. `mayBeRunningHeader` is asked of a text
    /// only when it stands near enough breaks (无。 near most of them is
    /// text): once, for every line in its bytes.
    func mayRepeatNearBreaks(_ lines: [SourceLine], breaks: [Int], window: Int, needed: Int) -> Bool {
        // Each near line takes at most one slot: the table at most half full.
        var size = 16
        while size < 2 * min(lines.count, breaks.count * 2 * window) { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)  // 0: an empty slot
        var first = [Int](repeating: 0, count: size)  // the slot's first line
        var lastBreak = [Int](repeating: -1, count: size)
        var counts = [Int](repeating: 0, count: size)  // -1: no header, asked
        // A text of more Han columns than a header has fails it: its walk
        // stops there (a paragraph's line near a break, most of the cost).
        let maxHan = LineRepair.hanIsWide ? file.runningHeaders.maxColumns / 2 : Int.max
        // Whether line `i`, near break `b`, makes some text's count reach `needed`.
        func reaches(_ i: Int, _ b: Int) -> Bool {
            var inert = true
            let walked = lines[i].text.utf8.withContiguousStorageIfAvailable { utf8 -> UInt64? in
                var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(utf8.count)
                var j = 0, han = 0
                while j < utf8.count {
                    let (v, length) = decodeUTF8Scalar(utf8, at: j)
                    j += length
                    if v &- 0x4E00 <= 0x9FFF - 0x4E00 {
                        han += 1
                        if han > maxHan { return nil }
                    } else {
                        inert = inert && Self.isInert(v)
                    }
                    h = (h ^ UInt64(v)) &* 0x100_0000_01B3
                }
                return h | 1
            }
            guard let walked else { return mayBeRunningHeader(lines[i].text) }  // not contiguous
            guard let hash = walked else { return false }  // too wide for a header
            guard inert else { return mayBeRunningHeader(lines[i].text) }
            var slot = Int(truncatingIfNeeded: hash >> 7) & (size - 1)
            while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & (size - 1) }
            if keys[slot] == 0 {
                keys[slot] = hash
                first[slot] = i
            } else if !lines[first[slot]].text.hasSameUTF8(as: lines[i].text) {
                return true
            }
            // A break's lines are counted together: a text counts it once.
            guard counts[slot] >= 0, lastBreak[slot] != b else { return false }
            lastBreak[slot] = b
            counts[slot] += 1
            guard counts[slot] >= needed else { return false }
            if mayBeRunningHeader(lines[i].text) { return true }
            counts[slot] = -1
            return false
        }
        for (b, position) in breaks.enumerated() {
            var found = 0, i = position - 1
            while i >= 0 && found < window {
                if !lines[i].text.isEmpty { if reaches(i, b) { return true }; found += 1 }
                i -= 1
            }
            found = 0; i = position
            while i < lines.count && found < window {
                if !lines[i].text.isEmpty { if reaches(i, b) { return true }; found += 1 }
                i += 1
            }
        }
        return false
    }

    /// Lines around each page break (the nearest `window` non-blank lines on
    /// each side) that repeat, word for word, at most breaks are removed.
    func withoutRunningHeaders(_ lines: [SourceLine], breaks: [Int], furniture: inout [Int], context: PipelineContext) -> [SourceLine] {
        let rule = file.runningHeaders
        // Page breaks proper (not only the document's two ends) are the evidence.
        guard breaks.count - 2 >= rule.minRepeats - 1 else { return lines }
        let needed = max(rule.minRepeats, Int((rule.minShareOfPages * Double(breaks.count)).rounded(.up)))
        // Most documents have none: told so on the bytes first.
        guard mayRepeatNearBreaks(lines, breaks: breaks, window: rule.window, needed: needed) else { return lines }
        // Line index → breaks it is near. An array, not a set: a break's two
        // sides are disjoint and each line is asked once per side, so no
        // break is added twice (a one-element set per line allocated and
        // hashed more than the rule's other work).
        var near: [Int: [Int]] = [:]
        // Sized once (at most `window` lines on each side of each break):
        // growing rehashed every entry at each doubling.
        near.reserveCapacity(min(lines.count, breaks.count * 2 * rule.window))
        for (b, position) in breaks.enumerated() {
            var found = 0, i = position - 1
            while i >= 0 && found < rule.window { if !lines[i].text.isEmpty { near[i, default: []].append(b); found += 1 }; i -= 1 }
            found = 0; i = position
            while i < lines.count && found < rule.window { if !lines[i].text.isEmpty { near[i, default: []].append(b); found += 1 }; i += 1 }
        }
        // Text → the breaks each of its lines stands near, one entry a line.
        var breaksByText: [String: [[Int]]] = [:]
        breaksByText.reserveCapacity(near.count)
        for (i, bs) in near {
            let text = lines[i].text
            guard mayBeRunningHeader(text) else { continue }
            breaksByText[text, default: []].append(bs)
        }
        let running = Set(breaksByText.filter { Self.distinctBreaksMatched($0.value) >= needed }.keys)
        guard !running.isEmpty else { return lines }
        return lines.enumerated().compactMap { i, line in
            guard near[i] != nil, running.contains(line.text) else { return line }
            context.traced(.lines, "lines.running-header", line: line.number, before: line.text, after: "")
            furniture.append(line.number)
            return nil
        }
    }

    /// How many breaks a text's lines stand at, each line counted at one
    /// break only: a header repeats as distinct lines on distinct pages.
    /// One line on a short page stands near several breaks at once (a last
    /// page of three lines: the closing organ line is near the page number
    /// above, its own and the document's end), and counted for each it
    /// passed `minRepeats` alone. Each entry is one line's breaks, a run
    /// of neighbours in order; taken by the earliest last break first,
    /// each line gets the earliest break still free (greedy matching,
    /// the most lines that can each have a break of their own).
    static func distinctBreaksMatched(_ lineBreaks: [[Int]]) -> Int {
        var taken = Set<Int>()
        for bs in lineBreaks.sorted(by: { ($0.max() ?? 0, $0.min() ?? 0) < ($1.max() ?? 0, $1.min() ?? 0) }) {
            if let free = bs.sorted().first(where: { !taken.contains($0) }) { taken.insert(free) }
        }
        return taken.count
    }
}
