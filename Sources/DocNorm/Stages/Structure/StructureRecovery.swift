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
/// - `structure.numbering-sequence`: a sibling's misread number, pinned by
///   the siblings on either side, is restored and traced (see `misnumbered`).
/// - `structure.metadata`: issuing body and year from the title, or from a
///   report name in 《…》 in the opening paragraphs.
struct StructureRecovery: Sendable {
    let rules: StructureRules

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
        let renumbered = misnumbered(numbered)
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
                if line.role == .title {
                    blocks.append(Block(.title(line.text), lines: line.lines))
                    continue
                }
                if !renumbered.isEmpty, let text = renumbered[index] {
                    context.traced(.structure, "structure.numbering-sequence", line: line.lines.lowerBound, before: line.text, after: text)
                    line.text = text
                    parsed = rules.numbering.parse(text)
                }
                blocks.append(Block(classify(line, parsed: parsed, open: &open, context: context), lines: line.lines))
            }
            prose[s] = []
            if s < tables.count { blocks.append(Block(.table(tables[s].table), lines: tables[s].lines)) }
        }
        return (blocks, metadata(blocks))
    }

    /// What `HeadingNumbering.parse` finds at the start of a line.
    typealias ParsedNumbering = (numbering: Numbering, level: Int, rest: Substring.UnicodeScalarView)

    /// The prose lines (not titles) that open with numbering, parsed, with
    /// the logical line's index over all stretches, in order. Parsed once:
    /// `misnumbered` and `classify` both need it, and parsing every line
    /// twice was a third of this stage.
    func numberedLines(_ prose: [[LogicalLine]]) -> [(line: Int, parsed: ParsedNumbering)] {
        var numbered: [(line: Int, parsed: ParsedNumbering)] = []
        for (index, line) in prose.joined().enumerated() {
            guard line.role != .title, let parsed = rules.numbering.parse(line.text) else { continue }
            numbered.append((index, parsed))
        }
        return numbered
    }

    /// `structure.numbering-sequence`: a sibling whose number OCR misread,
    /// pinned by its neighbours: between （一） and （三） of the same style,
    /// with no numbering of a higher level in between, （三） or （五） is （二）.
    /// Keyed by the logical line's index over all stretches, the line's text
    /// with the number restored. (Tables between stretches do not end a run.)
    func misnumbered(_ numbered: [(line: Int, parsed: ParsedNumbering)]) -> [Int: String] {
        // Runs of siblings per style; numbering of a higher level ends the runs below it.
        var runs: [[(line: Int, parsed: ParsedNumbering, value: Int)]] = []
        // Style → index in runs, for the few styles open: a short list, not a
        // dictionary hashing the style's name twice per numbered line.
        var current: [(style: String, run: Int)] = []
        for (index, parsed) in numbered {
            current.removeAll { runs[$0.run].last!.parsed.level > parsed.level }
            if let k = current.firstIndex(where: { $0.style == parsed.numbering.style }) {
                runs[current[k].run].append((index, parsed, parsed.numbering.value))
            } else {
                current.append((parsed.numbering.style, runs.count))
                runs.append([(index, parsed, parsed.numbering.value)])
            }
        }
        var renumbered: [Int: String] = [:]
        for var run in runs where run.count >= 3 {
            // Left to right, each on the numbers already restored before it.
            for k in 1..<(run.count - 1) {
                let (before, here, after) = (run[k - 1].value, run[k].value, run[k + 1].value)
                let parsed = run[k].parsed
                guard after == before + 2, here != before + 1,
                      let written = rules.numbering.written(before + 1, style: parsed.numbering.style) else { continue }
                renumbered[run[k].line] = written + String(Substring(parsed.rest))
                run[k].value = before + 1
            }
        }
        return renumbered
    }

    /// The block of a prose line; `parsed` is the numbering it opens with.
    func classify(_ line: LogicalLine, parsed: ParsedNumbering?, open: inout [Open], context: PipelineContext) -> BlockKind {
        guard var parsed else { return .paragraph(line.text, runIn: nil) }
        var line = line
        if parsed.numbering.style == rules.sectionTitles.style, let section = rules.sectionTitles.restored(parsed.rest, misreadEndings: rules.notHeadingEndings),
           let numbering = rules.numbering.written(section.number, style: parsed.numbering.style),
           let reparsed = rules.numbering.parse(numbering + section.title) {
            context.traced(.structure, "structure.section-title", line: line.lines.lowerBound, before: line.text, after: numbering + section.title)
            line.text = numbering + section.title
            parsed = reparsed
        }
        // A section of the national format is a top-level heading whatever
        // came before it (an unrecognised table's numbered rows, say).
        if parsed.numbering.style == rules.sectionTitles.style, rules.sectionTitles.isKnown(parsed.rest) { open.removeAll() }
        let rest = parsed.rest
        if let closer = rest.firstIndex(where: { rules.runInClosers.contains($0) }), closer > rest.startIndex,
           rest.index(after: closer) < rest.endIndex,
           LineRepair.columns(rest[..<closer]) <= rules.heading.runInMaxColumns {
            let level = place(parsed.numbering, nominal: parsed.level, open: &open, line: line.lines.lowerBound, context: context)
            let heading = RunInHeading(level: level, numbering: parsed.numbering, text: String(Substring(rest[..<closer])))
            return .paragraph(line.text, runIn: heading)
        }
        guard LineRepair.columns(line.text.unicodeScalars) <= rules.heading.maxColumns,
              let last = line.text.unicodeScalars.last, !rules.notHeadingEndings.contains(last) else {
            return .paragraph(line.text, runIn: nil)
        }
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
    /// Characters finds (`quotedNamesByCharacter`), found in one pass over
    /// the UTF-8 when every scalar of `text` is a Character of its own there
    /// (walking the scalars three times — for 《, for the check, for the
    /// names — was a fifth of stage 4 where an opening paragraph is long).
    static func quotedNames(_ text: String) -> [String] {
        var text = text
        let found = text.withUTF8 { utf8 -> (names: [String], hasOpener: Bool, allOwn: Bool) in
            // Most paragraphs quote nothing: 《 (E3 80 8A) looked for with memchr first.
            guard let base = utf8.baseAddress, Self.containsOpener(base, count: utf8.count) else { return ([], false, true) }
            var names: [String] = []
            var hasOpener = false
            var start: Int?  // of the name after an open 《
            var i = 0
            while i < utf8.count {
                let b = UInt32(utf8[i])
                let v: UInt32, length: Int
                if b < 0x80 { v = b; length = 1 }
                else if b < 0xE0 { v = (b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); length = 2 }
                else if b < 0xF0 { v = (b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); length = 3 }
                else { v = 0x10000; length = 4 }  // above the BMP: in none of the blocks
                if v >= 0x10000 || !isAlwaysOwnCharacter(Unicode.Scalar(v)!) {
                    // Told by Characters, if there is a 《 at all (E3 80 8A).
                    var k = i
                    while !hasOpener && k + 2 < utf8.count {
                        hasOpener = utf8[k] == 0xE3 && utf8[k + 1] == 0x80 && utf8[k + 2] == 0x8A
                        k += 1
                    }
                    return ([], hasOpener, false)
                }
                if v == 0x300A {  // 《
                    hasOpener = true
                    if start == nil { start = i + length }
                } else if v == 0x300B, let from = start {  // 》
                    names.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[from..<i]), as: UTF8.self))
                    start = nil
                }
                i += length
            }
            return (names, hasOpener, true)
        }
        guard found.hasOpener else { return [] }
        return found.allOwn ? found.names : quotedNamesByCharacter(text)
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
            guard let suffix = rules.reportSuffixes.first(where: { name.hasSuffix($0) }) else { continue }
            metadata.reportTitle = name
            if let (year, body) = yearAndBody(before: name.dropLast(suffix.count)) {
                metadata.year = year
                if !body.isEmpty { metadata.issuingBody = body }
            }
            break
        }
        return metadata
    }

    /// The year of a report name's head (what stands before its suffix): the
    /// last four digits followed by the year marker (2024年), and the text
    /// before them (the issuing body).
    func yearAndBody(before head: Substring) -> (year: Int, body: String)? {
        let scalars = Array(head.unicodeScalars)
        guard let (year, digits) = year(before: scalars[...]) else { return nil }
        return (year, String(String.UnicodeScalarView(scalars[..<digits])))
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
    func openingYear(_ source: [SourceLine]) -> Int? {
        // The lines' scalars, one after another (as the lines joined read).
        var opening: [Unicode.Scalar] = []
        var taken = 0
        for line in source where !line.text.isEmpty {
            guard taken < rules.openingLines else { break }
            opening.append(contentsOf: line.text.unicodeScalars)
            taken += 1
        }
        // The name that ends first, and what stands before its suffix.
        var name: Range<Int>?
        for suffix in rules.reportSuffixes {
            guard let found = Self.firstRange(of: Array(suffix.unicodeScalars), in: opening) else { continue }
            if name.map({ found.upperBound < $0.upperBound }) ?? true { name = found }
        }
        guard let name else { return nil }
        return year(before: opening[..<name.lowerBound])?.year
    }

    /// Where `needle` first stands in `text`. Not the standard library's
    /// `firstRange(of:)`: that is generic code of _StringProcessing, run
    /// unspecialized, and on every document it cost more than all of
    /// stage 3's table matching (callgrind).
    static func firstRange(of needle: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Range<Int>? {
        guard let first = needle.first, needle.count <= text.count else { return nil }
        for start in 0...(text.count - needle.count) where text[start] == first {
            if text[start..<(start + needle.count)].elementsEqual(needle) { return start..<(start + needle.count) }
        }
        return nil
    }
}
