/// Stage 4, `structure.section-tail`: OCR can lose the first line of a
/// wrapped section title and keep its last, with a scrap of the lost line
/// before it (四、政府信息公开行政复议、 ⏎ 行政诉讼情况 read as 己 ⏎ 行政诉讼情况:
/// holdouts chengling-jtysj-2024 and dongchuan-slt-2025). Where the sequence
/// of section headings skips N (N-1, then N+1, and no heading N anywhere), a
/// line standing alone between them that is the end of one of section N's
/// titles (Rules/structure.json `sectionTitles.tails`) is that section's
/// heading, its whole title restored and numbered; a junk line right before
/// it is dropped. Both are traced, and the restoration reported: the title's
/// first part is the format's, not the page's.
///
/// `structure.section-numeral-misread`: in such a gap, OCR can also keep the
/// whole heading and misread its numeral as a neighbour with a stroke read as
/// a mark (二、主动公开政府信息情况 read as 一-、主动公\开政府言息情况:
/// holdout langting-tyj-2025), so the line opens with no numbering. A line
/// there opening with a numeral within one of N, one or two such marks and
/// the close, its text after that within the pinned allowance of one of N's
/// whole titles, is section N's heading (Rules/structure.json
/// `sectionTitles.misreadNumbering`).
extension StructureRecovery {
    /// A section heading restored from its title's last part.
    struct SectionTail {
        /// The heading: numbering and the section's whole title.
        var heading: String
        var section: Int
        /// The junk line dropped before the part, if any.
        var junk: String?
        /// `structure.section-tail`, or `structure.section-numeral-misread`
        /// for a whole title after a misread numbering.
        var rule = "structure.section-tail"
    }

    /// The tails found in the gaps of the section sequence, keyed by the
    /// logical line's index over all stretches, and the junk lines before
    /// them to drop (by index). `numbered` and `renumbered` are `recover`'s.
    /// Only the section headings are looked at unless the sequence has a gap.
    func sectionTails(_ prose: [[LogicalLine]], numbered: [(line: Int, parsed: ParsedNumbering)],
                      renumbered: [Int: String]) -> (tails: [Int: SectionTail], junk: Set<Int>) {
        let titles = rules.sectionTitles
        // Most reports name every section after the first (二 to 六)
        // exactly: then no gap can be (a gap is after a first section), and
        // nothing more is asked (the sequence below, asked of every
        // document, was a fifth more of stage 4 on the bench). (A test of
        // N-1 and N+1 by any 一、 line's number rejects almost nothing:
        // tables' rows left as text carry 一、 to 四、.)
        guard titles.sections.count >= 2 else { return ([:], []) }
        var exact = 0  // bit n: section n named exactly
        for entry in numbered where entry.parsed.numbering.style == titles.style {
            if let n = titles.knownNumber(entry.parsed.rest) { exact |= 1 << n }
        }
        guard (2...titles.sections.count).contains(where: { exact & (1 << $0) == 0 }) else { return ([:], []) }
        // The section headings in order: a known section title (as written
        // or restored) gives its section's number, any other 一、 line read as
        // a heading (not a table's row left as text) its own number.
        var sequence: [(line: Int, number: Int)] = []
        for entry in numbered where entry.parsed.numbering.style == titles.style {
            var parsed = entry.parsed
            if let text = renumbered[entry.line], let again = ParsedNumbering(rules.numbering.parse(text)) { parsed = again }
            if let named = titles.knownNumber(parsed.rest) ?? titles.restored(parsed.rest, misreadEndings: rules.notHeadingEndings)?.number {
                sequence.append((entry.line, named))
                continue
            }
            let text = parsed.numbering.text + String(Substring(parsed.rest))
            guard !text.utf8.contains(UInt8(ascii: "\t")), !opensAsTableRow(parsed.numbering.text, parsed.rest), rules.readsAsHeading(text) else { continue }
            sequence.append((entry.line, parsed.numbering.value))
        }
        let present = Set(sequence.map(\.number))
        // Gaps: N-1 then N+1 next, N nowhere, N one of the sections.
        var gaps: [(after: Int, before: Int, section: Int)] = []
        for k in sequence.indices.dropLast() {
            let (a, b) = (sequence[k], sequence[k + 1])
            let n = a.number + 1
            guard b.number == n + 1, !present.contains(n), n <= titles.sections.count else { continue }
            gaps.append((a.line, b.line, n))
        }
        guard !gaps.isEmpty else { return ([:], []) }
        var tails: [Int: SectionTail] = [:]
        var junk = Set<Int>()
        var index = 0  // of the logical line, over all stretches
        var gap = 0
        for stretch in prose {
            var previous: (index: Int, line: LogicalLine)?  // in this stretch
            for line in stretch {
                defer { previous = (index, line); index += 1 }
                while gap < gaps.count, index >= gaps[gap].before { gap += 1 }
                guard gap < gaps.count else { return (tails, junk) }
                guard index > gaps[gap].after, line.role != .title, rules.numbering.parse(line.text) == nil,
                      let numbering = rules.numbering.written(gaps[gap].section, style: titles.style) else { continue }
                let section = gaps[gap].section
                if let title = titles.titleEnding(with: line.text, section: section, tails: rules.sectionTails) {
                    var tail = SectionTail(heading: numbering + title, section: section)
                    if let previous, previous.index > gaps[gap].after, rules.sectionTails.isJunk(previous.line.text) {
                        junk.insert(previous.index)
                        tail.junk = previous.line.text
                    }
                    tails[index] = tail
                } else if let title = titleAfterMisreadNumbering(line.text, section: section) {
                    // The whole heading is there: no line before it is left of it.
                    tails[index] = SectionTail(heading: numbering + title, section: section, rule: "structure.section-numeral-misread")
                } else {
                    continue
                }
                gap += 1  // one heading per gap: the first line that ends its title
            }
        }
        return (tails, junk)
    }
}

extension StructureRecovery {
    /// Section `section`'s title when `text` opens with its numbering
    /// misread: one numeral of the section style within one of `section`,
    /// one to `maxMisreadNumberingMarks` marks of `misreadNumberingMarks`
    /// (spaces aside), then the style's close, and what follows is one of
    /// the section's whole titles (`SectionTitles.wholeTitle`); else nil.
    func titleAfterMisreadNumbering(_ text: String, section: Int) -> String? {
        let titles = rules.sectionTitles
        guard let style = rules.numbering.styles.first(where: { $0.id == titles.style }) else { return nil }
        var rest = Substring(text).unicodeScalars
        guard rest.starts(with: style.open) else { return nil }
        rest.removeFirst(style.open.count)
        guard let first = rest.first, let value = style.numeral(first), abs(value - section) <= 1 else { return nil }
        rest.removeFirst()
        var marks = 0
        while let scalar = rest.first, scalar == " " || titles.misreadNumberingMarks.contains(scalar) {
            if scalar != " " { marks += 1 }
            rest.removeFirst()
        }
        guard marks >= 1, marks <= titles.maxMisreadNumberingMarks, !style.close.isEmpty, rest.starts(with: style.close) else { return nil }
        rest.removeFirst(style.close.count)
        return titles.wholeTitle(rest, section: section)
    }
}

extension SectionTitles {
    /// The title of section `section` (1-based) that `text` is, whole:
    /// noise and spaces aside, within one edit per `pinnedCharactersPerEdit`
    /// characters of it (the place in the sequence vouches for the section,
    /// as for `structure.section-title-pinned`); the closest if several.
    func wholeTitle(_ text: Substring.UnicodeScalarView, section: Int) -> String? {
        guard section >= 1, section <= sections.count else { return nil }
        let clean = withoutNoise(text)
        var best: (title: [Int], edits: Int)?
        for known in sections[section - 1] where abs(known.count - clean.count) * pinnedCharactersPerEdit <= known.count {
            let edits = LineDiff.characterEdits(clean, known, anchoring: true)
            if edits * pinnedCharactersPerEdit <= known.count, edits < best?.edits ?? Int.max { best = (known, edits) }
        }
        return best.map { String(String.UnicodeScalarView($0.title.compactMap { Unicode.Scalar(UInt32($0)) })) }
    }

    /// The title of section `section` (1-based) that `text` is the end of:
    /// noise and spaces aside, at least `tails.minimumScalars` long, the
    /// title's last scalars or within one edit per `charactersPerEdit` of
    /// them (one scalar more or fewer read too). The standard title is tried
    /// first. Nil for any other text.
    func titleEnding(with text: String, section: Int, tails: SectionTailRules) -> String? {
        guard section >= 1, section <= sections.count else { return nil }
        let clean = withoutNoise(text.unicodeScalars)
        guard clean.count >= tails.minimumScalars else { return nil }
        for known in sections[section - 1] where clean.count <= known.count + 1 {
            for length in [clean.count, clean.count - 1, clean.count + 1] where length >= tails.minimumScalars && length <= known.count {
                let end = Array(known.suffix(length))
                let edits = end == clean ? 0 : LineDiff.characterEdits(clean, end, anchoring: true)
                guard edits * charactersPerEdit <= end.count else { continue }
                return String(String.UnicodeScalarView(known.compactMap { Unicode.Scalar(UInt32($0)) }))
            }
        }
        return nil
    }
}
