#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Stage 4, document structure: blocks from the repaired lines and the
/// recognised tables, heading levels, and what the report says about itself.
///
/// - `structure.heading`: a line that opens with numbering (Rules/structure.json),
///   is short and ends no sentence is a heading. Its level comes from the
///   numbering style (一、 1, （一） 2, 1. 3, （1） 4) and from its position:
///   a style already open continues at its level, an odd form that continues
///   a sibling's count takes that sibling's level (（一）…（2）…（三）: （2） is
///   level 2, reported), and a level never skips one below its parent.
/// - `structure.run-in`: a short numbered phrase closed by 。 with running text
///   after it (（一）主动公开情况。为保证…) stays a paragraph and is marked.
/// - `structure.section-title`: a section heading whose title OCR misread
///   (noise from underlines and rules, a character or two wrong, a last
///   character read as a mark no title ends with: 情况 → 情，) gets the
///   national format's title and that section's number back, traced:
///   一、主动公\开政府言息情况 → 二、主动公开政府信息情况. A section
///   title is a top-level heading whatever numbered lines came before it.
/// - `structure.section-title-pinned`: a noisy section title too far from
///   every title for that, standing where its siblings pin it as section N
///   (N-1 before it, N+1 after), is restored as N's title within the looser
///   allowance of Rules/structure.json `sectionTitles.pinned`:
///   一、主动公\开政府信百心、息情况 between 一、 and 三、 → 二、主动公开政府信息情况.
/// - `structure.duplicate-heading`: a heading so restored that repeats the
///   heading right before it is one (stage 2's `lines.duplicate-heading`
///   saw them as written: 一、总体情况 ⏎ 一、总体情况/).
/// - `structure.section-tail`: a section heading OCR kept only the last part
///   of, standing alone where the section sequence misses it, gets its whole
///   title back; a junk line right before it is dropped (SectionTail.swift).
/// - `structure.section-numeral-misread`: in the same place, a line opening
///   with the section's numeral misread (一-、 for 二、) before one of its
///   whole titles is that section's heading (SectionTail.swift).
/// - `structure.numbering-sequence`: a sibling's misread number, pinned by
///   the siblings on either side, is restored and traced (see `misnumbered`).
/// - `structure.metadata`: issuing body and year from the title, or from a
///   report name in 《…》 in the opening paragraphs.
struct StructureRecovery: Sendable {
    let rules: StructureRules
    /// The tables' numbered row labels (四、结转下年度继续办理, 1.属于国家秘密),
    /// as scalars: a line opening as one does is a table's row left as text.
    let tableRowLabels: [[Unicode.Scalar]]
    /// Every label of each table, as scalars, per table: stage 3's
    /// `ReadingOrderRecovery.opensRow` asks them of a line opening with a
    /// section numeral (`opensAsTableRow` asks the same).
    let templateLabels: [[[Unicode.Scalar]]]

    init(rules: StructureRules, tables: [TableTemplate] = []) {
        self.rules = rules
        templateLabels = tables.map(ReadingOrderRecovery.labels(of:))
        var seen = Set<String>()
        tableRowLabels = tables.flatMap(\.rows).filter { !$0.isHeader }.flatMap(\.cells).compactMap { cell in
            guard case .label(let label) = cell, rules.numbering.parse(label) != nil, seen.insert(label).inserted else { return nil }
            return Array(label.unicodeScalars)
        }
    }

    /// An open heading on the path from the document to the current line.
    struct Open {
        var level: Int
        var style: String
        var value: Int
    }

    /// The blocks of stage 2's stretches of prose and the tables between
    /// them (table k after stretch k), one block per logical line or table.
    /// Each stretch is let go of once it is blocks (peak memory: a document's
    /// logical lines and its blocks were held together, and an array of
    /// pieces besides).
    func recover(_ stretches: consuming [[LogicalLine]], tables: [TableRecognizer.PlacedTable],
                 context: PipelineContext) -> (blocks: [Block], metadata: DocumentMetadata) {
        var prose = stretches
        var blocks: [Block] = []
        blocks.reserveCapacity(prose.reduce(tables.count) { $0 + $1.count })  // one block per piece; no growth copies
        var open: [Open] = []
        let numbered = numberedLines(prose)
        let (renumbered, pinned) = misnumbered(numbered)
        let (tails, junk) = sectionTails(prose, numbered: numbered, renumbered: renumbered)
        var index = 0  // of the logical line, over all stretches
        var next = 0  // in `numbered`, the first line not yet reached
        for s in prose.indices {
            for var line in prose[s] {
                defer { index += 1 }
                var parsed: ParsedNumbering?
                if next < numbered.count, numbered[next].line == index {
                    parsed = numbered[next].parsed
                    next += 1
                }
                // `misnumbered` keys its findings by numbered lines only: the
                // others are not looked up (a hash per line, every line).
                let isNumbered = parsed != nil
                if line.role == .title {
                    blocks.append(Block(.title(line.text), lines: line.lines))
                    continue
                }
                if isNumbered, !renumbered.isEmpty, let text = renumbered[index] {
                    context.traced(.structure, "structure.numbering-sequence", line: line.lines.lowerBound, before: line.text, after: text)
                    line.text = text
                    parsed = ParsedNumbering(rules.numbering.parse(text))
                }
                if !junk.isEmpty, junk.contains(index) {
                    context.traced(.structure, "structure.section-tail", line: line.lines.lowerBound, before: line.text, after: "")
                    continue
                }
                if !tails.isEmpty, let tail = tails[index] {
                    context.traced(.structure, tail.rule, line: line.lines.lowerBound, before: line.text, after: tail.heading)
                    let what = tail.rule == "structure.section-tail"
                        ? "is the end of its title: the heading '\(tail.heading)' restored from that part"
                        : "is its title after a misread numbering: the heading '\(tail.heading)' restored"
                    context.report(.structure, tail.rule, .repair,
                                   "section \(tail.section) has no heading and '\(line.text)' standing alone in its place \(what)"
                                   + (tail.junk.map { " (the line '\($0)' before it, what was left of the rest, dropped)" } ?? ""),
                                   line: line.lines.lowerBound)
                    line.text = tail.heading
                    parsed = ParsedNumbering(rules.numbering.parse(tail.heading))
                }
                let kind = classify(line, parsed: parsed, pinned: !isNumbered || pinned.isEmpty ? nil : pinned[index], open: &open, context: context)
                // Stage 2 compared headings as written; one whose title was
                // restored here can repeat the heading right before it.
                if case .heading(_, _, let text) = kind, case .heading(_, _, let before)? = blocks.last?.kind, text == before {
                    context.traced(.structure, "structure.duplicate-heading", line: line.lines.lowerBound, before: text, after: "")
                    continue
                }
                blocks.append(Block(kind, lines: line.lines))
            }
            prose[s] = []
            if s < tables.count { blocks.append(Block(.table(tables[s].table), lines: tables[s].lines)) }
        }
        var recovered = self.metadata(blocks)
        checkIssuingBodySpelling(&recovered, blocks: blocks, context: context)
        return (blocks, recovered)
    }

    /// What `HeadingNumbering.parse` finds at the start of a line. A struct,
    /// not the tuple `parse` returns: copies of the tuple went through the
    /// runtime's generic tuple copy, a tenth of this stage.
    struct ParsedNumbering {
        var numbering: Numbering
        var level: Int
        var rest: Substring.UnicodeScalarView

        init?(_ parsed: (numbering: Numbering, level: Int, rest: Substring.UnicodeScalarView)?) {
            guard let parsed else { return nil }
            (numbering, level, rest) = parsed
        }
    }

    /// The prose lines (not titles) that open with numbering, parsed, with
    /// the logical line's index over all stretches, in order. Parsed once:
    /// `misnumbered` and `classify` both need it, and parsing every line
    /// twice was a third of this stage.
    /// The stretches are walked by index, not as `prose.joined()`, whose
    /// iterator copied every line out (a retain and release of each of its
    /// strings) to look at its role and first byte.
    func numberedLines(_ prose: [[LogicalLine]]) -> [(line: Int, parsed: ParsedNumbering)] {
        var numbered: [(line: Int, parsed: ParsedNumbering)] = []
        var index = 0  // of the logical line, over all stretches
        for s in prose.indices {
            for k in prose[s].indices {
                defer { index += 1 }
                guard prose[s][k].role != .title, let parsed = ParsedNumbering(rules.numbering.parse(prose[s][k].text)) else { continue }
                numbered.append((index, parsed))
            }
        }
        return numbered
    }

    /// `structure.numbering-sequence`: a sibling whose number OCR misread,
    /// pinned by its neighbours: between （一） and （三） of the same style,
    /// with no numbering of a higher level in between, （三） or （五） is （二）.
    /// Table rows left as text (a line with a TAB) take no part, and neither
    /// a line opening as a table's row label nor one whose section title
    /// names another number is renumbered.
    /// Keyed by the logical line's index over all stretches, the line's text
    /// with the number restored. (Tables between stretches do not end a run.)
    /// Also the section headings (`sectionTitles.style`) whose number, as
    /// written or restored, the siblings on either side pin (N-1 before, N+1
    /// after), by index: the section a noisy title there is restored as
    /// (`structure.section-title-pinned`).
    func misnumbered(_ numbered: [(line: Int, parsed: ParsedNumbering)]) -> (renumbered: [Int: String], pinned: [Int: Int]) {
        // Runs of siblings per style, as positions in `numbered`; numbering
        // of a higher level ends the runs below it (a style's level is its
        // run's: every line of a run has that style).
        var runs: [[Int]] = []
        // Style → index in runs, for the few styles open: a short list, not a
        // dictionary hashing the style's name twice per numbered line.
        var current: [(style: String, level: Int, run: Int)] = []
        // A line with a TAB is a table's row left as text (四、结转下年度继续办理⇥0⇥0),
        // numbered by the template, not a sibling: it neither joins a run nor
        // is renumbered. (The TAB byte is looked for with memchr: the scalar
        // view's `contains` walked each numbered paragraph scalar by scalar,
        // every step validated, ~26 M instructions of the 1 MB bench.)
        for k in numbered.indices where !numbered[k].parsed.rest.withUTF8({ offsetOfFirst(0x09, in: $0) < $0.count }) {
            let level = numbered[k].parsed.level, style = numbered[k].parsed.numbering.style
            current.removeAll { $0.level > level }
            if let open = current.firstIndex(where: { $0.style == style }) {
                runs[current[open].run].append(k)
            } else {
                current.append((style, level, runs.count))
                runs.append([k])
            }
        }
        var renumbered: [Int: String] = [:]
        var pinned: [Int: Int] = [:]
        for run in runs where run.count >= 3 {
            // Left to right, each on the numbers already restored before it.
            var values = run.map { numbered[$0].parsed.numbering.value }
            for k in 1..<(run.count - 1) {
                let (before, here, after) = (values[k - 1], values[k], values[k + 1])
                guard after == before + 2, here != before + 1 else { continue }
                let parsed = numbered[run[k]].parsed
                // A section's own title names its number; the neighbours'
                // count does not overrule it (一、总体情况 twice before 三、
                // is a repeated heading, not a misread 二、).
                if parsed.numbering.style == rules.sectionTitles.style,
                   let named = rules.sectionTitles.number(named: parsed.rest, misreadEndings: rules.notHeadingEndings),
                   named != before + 1 { continue }
                // Nor is a line that opens as a table's numbered row label
                // (四、结转下年度继续办理 0 0 0, a row left as text, its
                // values spaced): the template numbers it. (It still counts
                // as a neighbour: it stands where its siblings' count has it.)
                guard !opensAsTableRow(parsed.numbering.text, parsed.rest),
                      let written = rules.numbering.written(before + 1, style: parsed.numbering.style) else { continue }
                renumbered[numbered[run[k]].line] = written + String(Substring(parsed.rest))
                values[k] = before + 1
            }
            guard numbered[run[0]].parsed.numbering.style == rules.sectionTitles.style else { continue }
            for k in 1..<(run.count - 1) where values[k - 1] + 1 == values[k] && values[k + 1] == values[k] + 1 {
                pinned[numbered[run[k]].line] = values[k]
            }
        }
        return (renumbered, pinned)
    }

    /// Whether a line numbered `numbering` with `rest` after it opens as one
    /// of the tables' numbered row labels: its first word (up to a space or
    /// TAB, at most `rowHeadScalars`, at least two of them past the
    /// numbering) is the start of a label, or is a label and a digit after
    /// it (3.其他0). That is stage 3's test of a line among a table's numbers
    /// (`ReadingOrderRecovery.stretchEnd`: 四、结转下年度继续办理 is a row of
    /// table 三, 四、政府信息公开… is not), so renumbering such a line would
    /// end a second run's table there. Stage 3's own test is asked too (a
    /// label's start run into another's, 四、结转下年度（…: fuzz item 34,
    /// where the renumbered 三、 ended the second run's table 三 a line
    /// early, so its numbers fitted the template and the table, no longer
    /// prose, let the paragraphs' column be measured).
    func opensAsTableRow(_ numbering: String, _ rest: Substring.UnicodeScalarView) -> Bool {
        guard !tableRowLabels.isEmpty else { return false }
        var head = Array(numbering.unicodeScalars)
        let numberingCount = head.count
        for scalar in rest {
            guard head.count < Self.rowHeadScalars, scalar != " ", scalar != "\t" else { break }
            head.append(scalar)
        }
        guard head.count >= numberingCount + 2 else { return false }
        // (A label the head holds whole and that ends before the head does
        // is followed by a scalar that is neither space nor TAB.)
        return tableRowLabels.contains { label in
            label.starts(with: head)
                || label.count < head.count && head.starts(with: label) && ("0"..."9").contains(head[label.count])
        } || templateLabels.contains { ReadingOrderRecovery.opensRow(head, labels: $0, numbered: numberingCount) }
    }

    /// The scalars of a line's first word compared with the row labels, as
    /// `ReadingOrderRecovery.stretchEnd` compares them.
    static let rowHeadScalars = 8

    /// The block of a prose line; `parsed` is the numbering it opens with,
    /// `pinned` the section its place in the sequence pins it as (`misnumbered`).
    func classify(_ line: LogicalLine, parsed: ParsedNumbering?, pinned: Int? = nil, open: inout [Open], context: PipelineContext) -> BlockKind {
        guard var parsed else { return .paragraph(line.text, runIn: nil) }
        var line = line
        if parsed.numbering.style == rules.sectionTitles.style {
            // A title too far from every title for any heading may still be
            // the one its place in the sequence pins, heading-shaped and noisy.
            var rule = "structure.section-title"
            var section = rules.sectionTitles.restored(parsed.rest, misreadEndings: rules.notHeadingEndings)
            if section == nil, let pinned, !rules.sectionTitles.isKnown(parsed.rest), rules.isHeadingShaped(line.text) {
                section = rules.sectionTitles.restored(parsed.rest, pinned: pinned)
                rule = "structure.section-title-pinned"
            }
            if let section, let numbering = rules.numbering.written(section.number, style: parsed.numbering.style),
               let reparsed = ParsedNumbering(rules.numbering.parse(numbering + section.title)) {
                context.traced(.structure, rule, line: line.lines.lowerBound, before: line.text, after: numbering + section.title)
                line.text = numbering + section.title
                parsed = reparsed
            }
        }
        // A section of the national format is a top-level heading whatever
        // came before it (an unrecognised table's numbered rows, say).
        if parsed.numbering.style == rules.sectionTitles.style, rules.sectionTitles.isKnown(parsed.rest) { open.removeAll() }
        let rest = parsed.rest
        if let closer = rules.runInPhraseEnd(rest) {
            let level = place(parsed.numbering, nominal: parsed.level, open: &open, line: line.lines.lowerBound, context: context)
            let heading = RunInHeading(level: level, numbering: parsed.numbering, text: String(Substring(rest[..<closer])))
            return .paragraph(line.text, runIn: heading)
        }
        guard rules.isHeadingShaped(line.text) else { return .paragraph(line.text, runIn: nil) }
        let level = place(parsed.numbering, nominal: parsed.level, open: &open, line: line.lines.lowerBound, context: context)
        return .heading(level: level, numbering: parsed.numbering, text: line.text)
    }

    /// The level of a numbered heading given the headings open above it.
    func place(_ numbering: Numbering, nominal: Int, open: inout [Open], line: Int, context: PipelineContext) -> Int {
        let level: Int
        if let k = open.lastIndex(where: { $0.style == numbering.style }) {
            level = open[k].level
            open.removeSubrange(k...)
        } else if numbering.value > 1, let k = open.lastIndex(where: { $0.value == numbering.value - 1 }) {
            level = open[k].level
            if level != nominal {
                context.report(.structure, "structure.heading", .suspicion,
                               "'\(numbering.text)' continues the numbering of level \(level) written in another form; kept as written, level \(level)",
                               line: line)
            }
            open.removeSubrange(k...)
        } else {
            while let top = open.last, top.level >= nominal { open.removeLast() }
            level = min(nominal, (open.last?.level ?? 0) + 1)
        }
        open.append(Open(level: level, style: numbering.style, value: numbering.value))
        return level
    }

    /// The names quoted in 《…》 in `text`, in order: what a search by
    /// Characters finds (`quotedNamesByCharacter`), found on the UTF-8 where
    /// each 《 and 》 is a Character of its own: where the scalars on either
    /// side of it are of the set no Unicode rule joins to it
    /// (`isAlwaysOwnCharacter`; whether a break stands before or after a
    /// bracket depends on its neighbour alone). Only the brackets and their
    /// neighbours are decoded: decoding every scalar of a long opening
    /// paragraph, and searching by Characters where one was outside that
    /// set, was half of stage 4.
    static func quotedNames(_ text: String) -> [String] {
        var text = text
        let found = text.withUTF8 { utf8 -> (names: [String], standalone: Bool) in
            // Most paragraphs quote nothing: 《 (E3 80 8A) looked for with memchr first.
            guard let base = utf8.baseAddress, Self.containsOpener(base, count: utf8.count) else { return ([], true) }
            var names: [String] = []
            var start: Int?  // of the name after an open 《
            var from = 0
            // Every 《 (E3 80 8A) and 》 (E3 80 8B): E3 is a lead byte, so each is that scalar.
            while from + 2 < utf8.count, let hit = memchr(base + from, 0xE3, utf8.count - 2 - from) {
                let i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                from = i + 1
                guard base[i + 1] == 0x80, base[i + 2] == 0x8A || base[i + 2] == 0x8B else { continue }
                guard i == 0 || isAlwaysOwnCharacter(UTF8Scalars.scalar(endingAt: i, in: utf8).scalar),
                      i + 3 == utf8.count || isAlwaysOwnCharacter(UTF8Scalars.scalar(at: i + 3, in: utf8).scalar) else { return ([], false) }
                if base[i + 2] == 0x8A {  // 《
                    if start == nil { start = i + 3 }
                } else if let name = start {  // 》
                    names.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[name..<i]), as: UTF8.self))
                    start = nil
                }
                from = i + 3
            }
            return (names, true)
        }
        return found.standalone ? found.names : quotedNamesByCharacter(text)
    }

    /// Whether UTF-8 bytes hold 《 (E3 80 8A), found by `memchr` on its lead byte.
    static func containsOpener(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        var from = 0
        while from + 2 < count, let hit = memchr(base + from, 0xE3, count - 2 - from) {
            let k = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if base[k + 1] == 0x80 && base[k + 2] == 0x8A { return true }
            from = k + 1
        }
        return false
    }

    /// The search by Characters, for text with scalars that may join others
    /// in one Character (combining marks, joiners, controls, emoji, …).
    static func quotedNamesByCharacter(_ text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "《"), let close = rest[open...].firstIndex(of: "》") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Scalars whose grapheme cluster break property is Other (no Unicode
    /// rule joins two of them into one Character, so a text made of these
    /// alone has one Character per scalar), in the blocks report text is
    /// written in: printable ASCII, general punctuation, CJK symbols and
    /// punctuation (less the combining tone marks 〪–〯), CJK ideographs,
    /// fullwidth forms. A Character equal to 《 or 》 is that one scalar
    /// (nothing else is canonically equivalent to either).
    static func isAlwaysOwnCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20...0x7E, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F,
             0x4E00...0x9FFF, 0xFF01...0xFF60: return true
        default: return false
        }
    }

    func metadata(_ blocks: [Block]) -> DocumentMetadata {
        var metadata = DocumentMetadata()
        var candidates: [(name: String, line: Int)] = []
        for block in blocks.prefix(4) {
            switch block.kind {
            case .title(let t): candidates.append((t, block.lines.lowerBound))
            case .paragraph(let t, _):
                // Report names quoted in the opening paragraphs: 《…年度报告》.
                for name in Self.quotedNames(t) { candidates.append((name, block.lines.lowerBound)) }
            default: continue
            }
        }
        for (name, _) in candidates {
            var head: Substring?
            for suffix in rules.reportSuffixes {
                if let found = Self.head(of: name, before: suffix) { head = found; break }
            }
            guard let head else { continue }
            metadata.reportTitle = name
            if let (year, body) = yearAndBody(before: head) {
                metadata.year = year
                if !body.isEmpty { metadata.issuingBody = body }
            }
            break
        }
        return metadata
    }

    /// What stands before `suffix` in `name` when `name.hasSuffix(suffix)`
    /// (`name.dropLast(suffix.count)`), else nil. Told by scalars where
    /// scalars are Characters there: the suffix's scalars and the name's last
    /// scalars, one more than the suffix has, all in `isAlwaysOwnCharacter`'s
    /// set (none of which another Character is canonically equivalent to);
    /// otherwise by the standard library's Character comparison, several
    /// times slower on every candidate name.
    static func head(of name: String, before suffix: String) -> Substring? {
        // The head's length in bytes; nil: not the suffix; nil nil: not told by scalars.
        let told: Int?? = name.utf8.withContiguousStorageIfAvailable { n in
            suffix.utf8.withContiguousStorageIfAvailable { s -> Int?? in
                var i = n.count, j = s.count
                var same = true
                while j > 0 {
                    guard i > 0 else { return .none }
                    let a = UTF8Scalars.scalar(endingAt: i, in: n), b = UTF8Scalars.scalar(endingAt: j, in: s)
                    guard isAlwaysOwnCharacter(a.scalar), isAlwaysOwnCharacter(b.scalar) else { return .none }
                    if a.scalar != b.scalar { same = false }
                    i -= a.length
                    j -= b.length
                }
                guard i > 0, isAlwaysOwnCharacter(UTF8Scalars.scalar(endingAt: i, in: n).scalar) else { return .none }
                return .some(same ? i : nil)
            } ?? .none
        } ?? .none
        guard let told else { return name.hasSuffix(suffix) ? name.dropLast(suffix.count) : nil }
        return told.map { name[..<name.utf8.index(name.utf8.startIndex, offsetBy: $0)] }
    }

    /// The year of a report name's head (what stands before its suffix): the
    /// last four digits followed by the year marker (2024年), and the text
    /// before them (the issuing body). The body is the head's own bytes up
    /// to the digits, copied once: appending its scalars one by one to a new
    /// string was three quarters of this (callgrind, 1 MB bench).
    func yearAndBody(before head: Substring) -> (year: Int, body: String)? {
        let scalars = Array(head.unicodeScalars)
        guard let (year, digits) = year(before: scalars[...]) else { return nil }
        let end = head.unicodeScalars.index(head.startIndex, offsetBy: digits)
        return (year, String(head[..<end]))
    }

    /// `yearAndBody`'s year, and where its four digits start in `scalars`:
    /// no string is made (`openingYear` asks it in every run, and making the
    /// body's and the digits' strings was most of that).
    func year(before scalars: ArraySlice<Unicode.Scalar>) -> (year: Int, digits: Int)? {
        let marker = Array(rules.yearMarker.unicodeScalars)
        var index = scalars.startIndex + scalars.count - marker.count
        while index >= scalars.startIndex + 4 {
            if scalars[index..<index + marker.count].elementsEqual(marker),
               scalars[(index - 4)..<index].allSatisfy({ ("0"..."9").contains($0) }),
               index == scalars.startIndex + 4 || !("0"..."9").contains(scalars[index - 5]) {
                let year = scalars[(index - 4)..<index].reduce(0) { $0 * 10 + Int($1.value - 0x30) }
                return (year, index - 4)
            }
            index -= 1
        }
        return nil
    }

    /// The report's year from its opening lines, before stage 2 has joined
    /// them (…年度报⏎告): the first report name in the first non-blank lines
    /// (Rules/structure.json `reportNames.openingLines`) read as one. Stage 3
    /// needs it to know which edition of the tables the report is in before
    /// any table is read (a scrambled OCR table 三 of 2024 matches the 2019
    /// grid, one group of rows smaller, as well as the 2021 one).
    ///
    /// The name that ends first is looked for as the lines are taken, each
    /// end once, in order: the read-back of stage 3 (TableFixpoint.swift)
    /// asks this of stage 2's joined paragraphs, whose first lines may hold
    /// the whole document, and the name stands in the first of them.
    func openingYear(_ source: [SourceLine]) -> Int? {
        let suffixes = rules.reportSuffixes.map { Array($0.unicodeScalars) }
        // The lines' scalars, one after another (as the lines joined read).
        var opening: [Unicode.Scalar] = []
        var taken = 0, end = 0
        for line in source where !line.text.isEmpty {
            guard taken < rules.openingLines else { break }
            opening.append(contentsOf: line.text.unicodeScalars)
            taken += 1
            // The name that ends first (of two ending together, the first
            // listed), and what stands before its suffix.
            while end < opening.count {
                end += 1
                for suffix in suffixes where suffix.count <= end && opening[end - 1] == suffix.last
                    && opening[(end - suffix.count)..<end].elementsEqual(suffix) {
                    return year(before: opening[..<(end - suffix.count)])?.year
                }
            }
        }
        return nil
    }
}
