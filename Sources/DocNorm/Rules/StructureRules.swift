import ICUKit

/// Rules/structure.json, version docnorm-rules/1.
struct StructureRulesFile: VersionedRuleFile {
    struct Style: Decodable {
        var id: String
        var open: String
        var numerals: String
        var close: String
        var level: Int
    }
    struct Heading: Decodable {
        var maxColumns: Int
        /// A numbered line up to this wide is a heading too when it is
        /// written only in Han and `wordsOnlyMarks` (nil: no such allowance).
        var wordsOnlyMaxColumns: Int?
        var wordsOnlyMarks: String?
        var runInMaxColumns: Int
        var runInClosers: String
        var notHeadingEndings: String
    }
    struct ReportNames: Decodable {
        var suffixes: [String]
        var yearMarker: String
        var openingLines: Int
        /// `structure.issuing-body-spelling` (IssuingBodySpelling.swift); nil: off.
        var bodySpelling: BodySpelling?
    }
    struct BodySpelling: Decodable, Sendable {
        var maxDifferences: Int
        var minRepeats: Int
        var openingBlocks: Int
        var closingBlocks: Int
    }
    struct SectionTitles: Decodable {
        struct Tails: Decodable {
            var minimumScalars: Int
            var junkMarks: Int
            var junkHan: Int
        }
        var style: String
        var noise: String
        struct Pinned: Decodable {
            var charactersPerEdit: Int
        }
        struct MisreadNumbering: Decodable {
            var marks: String
            var maxMarks: Int
        }
        var charactersPerEdit: Int
        var pinned: Pinned
        var tails: Tails
        var misreadNumbering: MisreadNumbering
        var sections: [[String]]
    }
    var format: String
    var numerals: [String: String]
    var numbering: [Style]
    var heading: Heading
    var reportNames: ReportNames
    var sectionTitles: SectionTitles
}

/// Heading numbering (一、 （一） 1. （1） ①), compiled from Rules/structure.json:
/// stage 2 asks whether a line opens with numbering (a numbered line starts a
/// new paragraph), stage 4 which style and number it is.
public struct HeadingNumbering: Sendable {
    /// A class, not a struct: every line opening with a digit tries each
    /// style, and a struct's copy retained and released its six fields.
    final class Style: Sendable {
        let id: String
        let open: [Unicode.Scalar]
        let numerals: [Unicode.Scalar: Int]
        let isChinese: Bool
        let close: [Unicode.Scalar]
        let level: Int
        /// `numerals` as a table by scalar value less `numeralBase` (-1 where
        /// no numeral): every scalar after a line's opening numeral is asked,
        /// and a subtraction and a load answer it (a search of the keys in
        /// hash order took a dozen comparisons for a late digit).
        let numeralBase: UInt32
        let numeralTable: [Int16]
        /// What the style's numbering opens with: its open mark, or its
        /// numerals when it has none. Styles that cannot open a line are
        /// not tried on it.
        let firsts: ScalarSet

        init(id: String, open: [Unicode.Scalar], numerals: [Unicode.Scalar: Int], isChinese: Bool, close: [Unicode.Scalar],
             level: Int) {
            self.id = id
            self.open = open
            self.numerals = numerals
            self.isChinese = isChinese
            self.close = close
            self.level = level
            let values = numerals.keys.map(\.value)
            let base = values.min() ?? 0
            var table = [Int16](repeating: -1, count: values.isEmpty ? 0 : Int((values.max() ?? base) - base) + 1)
            for (scalar, value) in numerals { table[Int(scalar.value - base)] = Int16(clamping: value) }
            numeralBase = base
            numeralTable = table
            firsts = ScalarSet(ranges: (open.first.map { [$0] } ?? Array(numerals.keys)).map { $0.value...$0.value }, pattern: "\(id) openers")
        }

        @inline(__always)
        func numeral(_ s: Unicode.Scalar) -> Int? { numeral(s.value) }

        @inline(__always)
        func numeral(_ value: UInt32) -> Int? {
            let offset = value &- numeralBase
            guard offset < UInt32(numeralTable.count) else { return nil }
            let value = numeralTable.withUnsafeBufferPointer { $0[Int(offset)] }
            return value < 0 ? nil : Int(value)
        }
    }
    let styles: [Style]
    /// Every scalar a numbering can open with (a style's open mark, or its
    /// numerals when it has none): most lines open with none, and `parse`
    /// answers them without trying each style.
    let firstScalars: ScalarSet
    /// The first UTF-8 bytes of `firstScalars`. Most lines open with a byte
    /// no numbering opens with (a Han character other than a numeral), and
    /// are answered from that byte without decoding their head in place: a
    /// document with no numbered line asked that of each of its lines.
    let firstBytes: ScalarSet

    init(_ file: StructureRulesFile) throws {
        styles = try file.numbering.map { style in
            guard let digits = file.numerals[style.numerals] else {
                throw DocNormError.invalidRules(file: "structure.json", line: nil,
                                                reason: "numbering style '\(style.id)' names unknown numerals '\(style.numerals)'")
            }
            let scalars = Array(digits.unicodeScalars)
            var values: [Unicode.Scalar: Int] = [:]
            // Position is value: 〇一…十 and 0…9 from 0, ①… from 1.
            for (i, s) in scalars.enumerated() { values[s] = style.numerals == "circled" ? i + 1 : i }
            return Style(id: style.id, open: Array(style.open.unicodeScalars), numerals: values,
                         isChinese: style.numerals == "chinese", close: Array(style.close.unicodeScalars), level: style.level)
        }
        let firsts = styles.flatMap { style in style.open.first.map { [$0] } ?? Array(style.numerals.keys) }
        firstScalars = ScalarSet(ranges: firsts.map { $0.value...$0.value }, pattern: "numbering openers")
        firstBytes = ScalarSet(ranges: firsts.map { s in let b = UInt32(String(s).utf8.first!); return b...b }, pattern: "numbering openers' first bytes")
    }

    /// The numbering that opens `text`, when text follows it: its written
    /// form, style, value and nominal level. `1.5万` and `2024.` are not
    /// numbering (after Arabic numerals, a digit or nothing follows the mark).
    public func parse(_ text: String) -> (numbering: Numbering, level: Int, rest: Substring.UnicodeScalarView)? {
        guard let (style, value, length) = opening(text) else { return nil }
        let scalars = text.unicodeScalars
        let i = scalars.index(scalars.startIndex, offsetBy: length)
        let written = String(Substring(scalars[scalars.startIndex..<i]))  // the bytes copied, not scalar by scalar
        return (Numbering(text: written, style: style.id, value: value), style.level, Substring(text).unicodeScalars[i...])
    }

    /// What `parse` finds as places, no strings built: the numbering's
    /// nominal level and the UTF-8 offset in `text` where the text after it
    /// (`parse`'s `rest`) starts. Stage 2 asks whether that rest has running
    /// text of every numbered line that may end as a heading; the copy of
    /// the numbering and the substring `parse` makes were most of the cost.
    public func levelAndRestOffset(_ text: String) -> (level: Int, restUTF8Offset: Int)? {
        guard let (style, _, length) = opening(text) else { return nil }
        // `length` scalars, counted on the UTF-8 in place.
        let offset = text.utf8.withContiguousStorageIfAvailable { utf8 -> Int in
            var i = 0
            for _ in 0..<length { i += decodeUTF8Scalar(utf8, at: i).length }
            return i
        } ?? text.unicodeScalars.prefix(length).reduce(0) { $0 + UTF8.width($1) }
        return (style.level, offset)
    }

    /// The numbering that opens `text` as its style, value and the UTF-8
    /// offset of the text after it, no strings built: stage 2 asks whether a
    /// numbered line is the next item (same style, one more) of the numbered
    /// line before it (`lines.join-item-sibling`).
    func styleValueAndRestOffset(_ text: String) -> (style: ObjectIdentifier, value: Int, restUTF8Offset: Int)? {
        guard let (style, value, length) = opening(text) else { return nil }
        var offset = 0
        for s in text.unicodeScalars.prefix(length) { offset += UTF8.width(s) }
        return (ObjectIdentifier(style), value, offset)
    }

    /// Whether numbering opens `text` (what `parse` finds, without building
    /// its strings): stage 2 asks this of every line.
    /// Its first byte asked inline: most lines are turned away without a call.
    @inline(__always)
    public func opens(_ text: String) -> Bool { firstBytes.contains(UInt32(text.firstUTF8Byte)) && opening(text) != nil }

    /// The style and value of the numbering that opens `text`, and how many
    /// scalars it takes; allocates nothing (at most four numerals, kept in a
    /// SIMD4). Each style reads the line's UTF-8 in place (walking the
    /// string's scalar view style by style, index by index, was most of the
    /// cost).
    private func opening(_ text: String) -> (Style, Int, Int)? {
        guard firstBytes.contains(UInt32(text.firstUTF8Byte)) else { return nil }
        // The head decoded from the UTF-8 in place (`decodeUTF8Scalar`): the
        // scalar view's validated steps cost more than the styles' tests.
        // Read where it lies (`withUTF8` on a copy retained and released the
        // string at every call, most of what a line with no numbering cost).
        if let found = text.utf8.withContiguousStorageIfAvailable({ opening(utf8: $0) }) { return found }
        var text = text
        return text.withUTF8 { opening(utf8: $0) }
    }

    /// `opening` of a line's UTF-8: each style that can open with its first
    /// scalar reads the bytes from the start, decoding only as far as it
    /// goes. Most lines asked open with a numeral's scalar and no numbering
    /// (一是…, 2024年…) and are turned away at their second or third scalar;
    /// decoding a head of seven scalars onto the stack first, for every
    /// style to read, was most of what each such line cost (~430
    /// instructions a line).
    private func opening(utf8: UnsafeBufferPointer<UInt8>) -> (Style, Int, Int)? {
        guard !utf8.isEmpty else { return nil }
        let first = decodeUTF8Scalar(utf8, at: 0).value
        guard firstScalars.contains(first) else { return nil }
        for style in styles where style.firsts.contains(first) {
            if let (value, length) = opening(utf8, style) { return (style, value, length) }
        }
        return nil
    }

    /// The value and length in scalars of the numbering of `style` that
    /// opens the UTF-8 `utf8`, read scalar by scalar from its first byte.
    @inline(__always)
    private func opening(_ utf8: UnsafeBufferPointer<UInt8>, _ style: Style) -> (Int, Int)? {
        var at = 0, i = 0  // the byte read next, and the scalars read before it
        guard reads(style.open, utf8, at: &at, scalars: &i) else { return nil }
        var digits = SIMD4<Int>()
        var count = 0
        while at < utf8.count, count < 4 {
            let (v, length) = decodeUTF8Scalar(utf8, at: at)
            guard let d = style.numeral(v) else { break }
            digits[count] = d
            count &+= 1
            at &+= length
            i &+= 1
        }
        guard count > 0 else { return nil }
        if style.close.isEmpty && count > 1 { return nil }
        guard reads(style.close, utf8, at: &at, scalars: &i) else { return nil }
        // A scalar follows, and after Arabic numerals no ASCII digit (its
        // byte is itself: no multi-byte scalar's lead is below 0x80).
        guard at < utf8.count, style.isChinese || utf8[at] &- 0x30 >= 10 else { return nil }
        let value = style.isChinese ? chineseValue(digits, count: count) : decimal(digits, 0..<count)
        guard value > 0 else { return nil }
        return (value, i)
    }

    /// Whether `marks` (a style's open or close) stand in `utf8` from byte
    /// `at`; moves `at` and the count of `scalars` read past them.
    @inline(__always)
    private func reads(_ marks: [Unicode.Scalar], _ utf8: UnsafeBufferPointer<UInt8>, at: inout Int, scalars: inout Int) -> Bool {
        for mark in marks {
            guard at < utf8.count else { return false }
            let (v, length) = decodeUTF8Scalar(utf8, at: at)
            guard v == mark.value else { return false }
            at &+= length
            scalars &+= 1
        }
        return true
    }

    /// `value` written in the style `id` (open, numeral, close) when one
    /// numeral of the style writes it: 2 in chinese-comma is 二、.
    func written(_ value: Int, style id: String) -> String? {
        guard let style = styles.first(where: { $0.id == id }),
              let numeral = style.numerals.first(where: { $0.value == value })?.key else { return nil }
        return String(String.UnicodeScalarView(style.open + [numeral] + style.close))
    }

    private func decimal(_ digits: SIMD4<Int>, _ range: Range<Int>) -> Int {
        range.reduce(0) { $0 * 10 + digits[$1] }
    }

    /// 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23.
    func chineseValue(_ digits: SIMD4<Int>, count: Int) -> Int {
        guard let ten = (0..<count).first(where: { digits[$0] == 10 }) else { return decimal(digits, 0..<count) }
        let tens = ten == 0 ? 1 : decimal(digits, 0..<ten)
        let ones = decimal(digits, (ten + 1)..<count)
        return tens * 10 + ones
    }
}

/// The six sections' titles (Rules/structure.json `sectionTitles`), for
/// restoring a section heading OCR misread: 一、主动公\开政府言息情况 is
/// 二、主动公开政府信息情况.
struct SectionTitles: Sendable {
    let style: String
    /// A bitmap, not a `Set`: every 一、 line (table rows too) is searched for it.
    let noise: ScalarSet
    let charactersPerEdit: Int
    /// The allowance for a title standing where the section sequence pins
    /// its number (`structure.section-title-pinned`).
    let pinnedCharactersPerEdit: Int
    /// Per section, in order, its titles as scalar values.
    let sections: [[[Int]]]
    /// `sections` with each title's scalar values sorted, for `sharedScalars`.
    let sortedSections: [[[Int]]]
    /// Every section's titles, as UTF-8.
    let titlesUTF8: [[UInt8]]
    /// The section number (1-based) of each of `titlesUTF8`.
    let titleSections: [Int]
    /// The longest title's UTF-8 count: a line as long is no title's rest.
    let longestUTF8: Int
    /// The marks OCR reads from a numeral's stroke between a section
    /// heading's numeral and its close (一-、 for 二、), and how many
    /// (`structure.section-numeral-misread`).
    let misreadNumberingMarks: ScalarSet
    let maxMisreadNumberingMarks: Int

    init(_ file: StructureRulesFile.SectionTitles) throws {
        guard file.charactersPerEdit > 0 else {
            throw DocNormError.invalidRules(file: "structure.json", line: nil, reason: "sectionTitles.charactersPerEdit must be positive")
        }
        guard file.pinned.charactersPerEdit > 0 else {
            throw DocNormError.invalidRules(file: "structure.json", line: nil, reason: "sectionTitles.pinned.charactersPerEdit must be positive")
        }
        pinnedCharactersPerEdit = file.pinned.charactersPerEdit
        style = file.style
        noise = ScalarSet(ranges: file.noise.unicodeScalars.map { $0.value...$0.value }, pattern: "sectionTitles.noise")
        charactersPerEdit = file.charactersPerEdit
        sections = file.sections.map { $0.map { $0.unicodeScalars.map { Int($0.value) } } }
        sortedSections = sections.map { $0.map { $0.sorted() } }
        titlesUTF8 = file.sections.joined().map { Array($0.utf8) }
        titleSections = file.sections.enumerated().flatMap { k, titles in titles.map { _ in k + 1 } }
        longestUTF8 = titlesUTF8.map(\.count).max() ?? 0
        misreadNumberingMarks = ScalarSet(ranges: file.misreadNumbering.marks.unicodeScalars.map { $0.value...$0.value },
                                          pattern: "sectionTitles.misreadNumbering.marks")
        maxMisreadNumberingMarks = file.misreadNumbering.maxMarks
    }

    /// Whether `title` is one of the sections' titles as written: its UTF-8
    /// compared with theirs in place (the same scalars are the same bytes),
    /// not its scalars copied into an array for every 一、 line.
    func isKnown(_ title: Substring.UnicodeScalarView) -> Bool {
        title.withUTF8 { bytes in
            titlesUTF8.contains { title in title.withUnsafeBufferPointer { sameBytes($0, bytes) } }
        }
    }

    /// The number of the section whose title `title` is as written, else
    /// nil: compared as UTF-8 in place, like `isKnown`, no array made
    /// (`sameBytes`, one memcmp: `elementsEqual` stepped an iterator a byte
    /// at a time, a tenth of `sectionTails` on the bench).
    func knownNumber(_ title: Substring.UnicodeScalarView) -> Int? {
        title.withUTF8 { bytes in
            titlesUTF8.firstIndex { title in title.withUnsafeBufferPointer { sameBytes($0, bytes) } }
        }.map { titleSections[$0] }
    }

    /// The number of the section whose title `title` is, as written or
    /// restored from a misreading (`restored`); nil for any other title.
    func number(named title: Substring.UnicodeScalarView, misreadEndings: Set<Unicode.Scalar> = []) -> Int? {
        if isKnown(title) {
            let scalars = title.map { Int($0.value) }
            return sections.firstIndex { $0.contains(scalars) }.map { $0 + 1 }
        }
        return restored(title, misreadEndings: misreadEndings)?.number
    }

    /// Whether `head`, a section heading's title cut short (a proper prefix
    /// of a known title: 收到和处理政府信息公), and `tail` are one known title
    /// together: OCR puts a blank line where the title wrapped on the page.
    /// Compared as UTF-8 in place (the same scalars are the same bytes).
    func completes(_ head: Substring.UnicodeScalarView, with tail: String) -> Bool {
        var head = Substring(head), tail = tail
        return head.withUTF8 { h in
            tail.withUTF8 { t in
                !h.isEmpty && !t.isEmpty && titlesUTF8.contains { known in
                    known.count == h.count + t.count && known.prefix(h.count).elementsEqual(h) && known.suffix(t.count).elementsEqual(t)
                }
            }
        }
    }

    /// Whether `head`, a section heading's title cut short (a proper prefix
    /// of a known title as written, not itself a title), and `tail` are one
    /// known title once the noise and spaces OCR read from an underline are
    /// taken out of `tail` (主动公 ⏎ \开政府信  /心\ 息情况): `tail` must
    /// hold noise, and what is left of it be within the title's edit
    /// allowance of the title's rest, so that `restored` gives stage 4 the title.
    func completesThroughNoise(_ head: Substring.UnicodeScalarView, with tail: String) -> Bool {
        guard !head.isEmpty, Substring(tail).unicodeScalars.firstIndex(in: noise) != nil, !isKnown(head) else { return false }
        let start = head.map { Int($0.value) }
        let clean = tail.unicodeScalars.filter { !noise.contains($0) && $0 != " " }.map { Int($0.value) }
        guard !clean.isEmpty else { return false }
        return sections.joined().contains { known in
            guard known.count > start.count, known.starts(with: start) else { return false }
            let rest = Array(known[start.count...])
            return abs(rest.count - clean.count) * charactersPerEdit <= known.count
                && LineDiff.characterEdits(clean, rest, anchoring: true) * charactersPerEdit <= known.count
        }
    }

    /// The section number and title a heading's title (after its numbering)
    /// was misread from, or nil: only a title with noise in it, or ending in
    /// one of `misreadEndings` (no title ends so: OCR read 况 as ，), close to
    /// one known title and not itself a known title, is restored.
    /// `pinned`: the section the heading's place in the sequence pins it as
    /// (`structure.section-title-pinned`): only that section's titles are
    /// tried, within `pinnedCharactersPerEdit`, and only for a title with
    /// noise in it.
    func restored(_ title: Substring.UnicodeScalarView, misreadEndings: Set<Unicode.Scalar> = [],
                  pinned: Int? = nil) -> (number: Int, title: String)? {
        if let pinned {
            guard pinned >= 1, pinned <= sections.count, title.firstIndex(in: noise) != nil else { return nil }
        } else {
            guard title.firstIndex(in: noise) != nil || title.last.map(misreadEndings.contains) == true else { return nil }
        }
        let charactersPerEdit = pinned == nil ? self.charactersPerEdit : pinnedCharactersPerEdit
        let clean = withoutNoise(title)
        let sortedClean = clean.sorted()
        var best: (number: Int, title: [Int], edits: Int)?
        for (k, titles) in sections.enumerated() where pinned.map({ $0 == k + 1 }) ?? true {
            for (t, known) in titles.enumerated() {
                guard abs(known.count - clean.count) * charactersPerEdit <= known.count else { continue }
                // Each scalar of either that the other lacks is an edit
                // whatever the script: a title failing on that count alone is
                // not diffed (diffing every title was most of this, for lines
                // close to none: table rows with rules read as noise).
                let fewest = max(clean.count, known.count) - Self.sharedScalars(sortedClean, sortedSections[k][t])
                guard fewest * charactersPerEdit <= known.count, fewest < best?.edits ?? Int.max else { continue }
                let edits = LineDiff.characterEdits(clean, known, anchoring: true)
                if edits * charactersPerEdit <= known.count, edits < best?.edits ?? Int.max { best = (k + 1, known, edits) }
            }
        }
        guard let best else { return nil }
        return (best.number, String(String.UnicodeScalarView(best.title.compactMap { Unicode.Scalar(UInt32($0)) })))
    }

    /// The scalar values of `text` with noise and spaces left out. Appended
    /// to an array, not `filter`ed: filtering a scalar view builds a string
    /// scalar by scalar (most of `restored`'s cost on the bench).
    func withoutNoise<Scalars: Sequence<Unicode.Scalar>>(_ text: Scalars) -> [Int] {
        var clean: [Int] = []
        clean.reserveCapacity(text.underestimatedCount)
        for scalar in text where !noise.contains(scalar) && scalar != " " { clean.append(Int(scalar.value)) }
        return clean
    }

    /// How many scalars two texts have in common, each counted as often as
    /// both have it; `a` and `b` are sorted scalar values. An edit script
    /// keeps at most these as equal, so it has at least the longer count
    /// less these edits (`LineDiff.characterEdits` counts a changed run as
    /// the longer of its deleted and inserted parts).
    static func sharedScalars(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1; i += 1; j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }
}

/// Stage 4 rules, compiled once.
public struct StructureRules: Sendable {
    public let numbering: HeadingNumbering
    let heading: StructureRulesFile.Heading
    /// A bitmap, not a `Set`: every numbered line's text is searched for one
    /// (hashing each scalar was most of stage 4's classifying).
    let runInClosers: ScalarSet
    let notHeadingEndings: Set<Unicode.Scalar>
    /// `heading.wordsOnlyMarks`: the marks a long heading may hold (`isHeadingShaped`).
    let wordsOnlyMarks: Set<Unicode.Scalar>
    let reportSuffixes: [String]
    let yearMarker: String
    /// The non-blank lines at the top searched for the report's name (its year).
    let openingLines: Int
    /// How the title's issuing body is compared with the names the text repeats.
    let bodySpelling: StructureRulesFile.BodySpelling?
    let sectionTitles: SectionTitles
    /// What a section title's last part must be to stand for it (`structure.section-tail`).
    let sectionTails: SectionTailRules
    /// The scalars the section titles' numbering opens with (一…十).
    let sectionOpeners: ScalarSet

    /// Where the phrase of a run-in heading ends in `rest`, a numbered
    /// line's text after its numbering: at its first closer (。), with text
    /// after it and the phrase short (（一）主动公开情况。为保证…); nil when
    /// the line opens no run-in heading.
    func runInPhraseEnd(_ rest: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView.Index? {
        guard let closer = rest.firstIndex(in: runInClosers), closer > rest.startIndex,
              rest.index(after: closer) < rest.endIndex,
              LineRepair.columns(rest[..<closer]) <= heading.runInMaxColumns else { return nil }
        return closer
    }

    /// Whether a numbered line that opens no run-in heading is a heading:
    /// short, and ending no sentence. A longer one up to
    /// `heading.wordsOnlyMaxColumns` is when, past its numbering, it is
    /// written only in Han and `heading.wordsOnlyMarks` (，、): a long
    /// heading states a task in words (（一）围绕健康璐川建设和医药卫生体制改革
    /// 重点任务持续做好主动公开, 33 characters), where a paragraph's line or
    /// OCR's table debris that wide holds figures, Latin or other marks.
    func isHeadingShaped(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last, !notHeadingEndings.contains(last) else { return false }
        let columns = LineRepair.columns(text.unicodeScalars)
        if columns <= heading.maxColumns { return true }
        guard let widest = heading.wordsOnlyMaxColumns, columns <= widest,
              let rest = numbering.parse(text)?.rest else { return false }
        return !rest.isEmpty && rest.allSatisfy { $0.properties.isIdeographic || wordsOnlyMarks.contains($0) }
    }

    /// Whether stage 4 reads `text` as a heading as it is written, before
    /// any section title is restored (`StructureRecovery.classify`): it opens
    /// with numbering, opens no run-in heading, is short and ends no sentence.
    func readsAsHeading(_ text: String) -> Bool {
        guard let parsed = numbering.parse(text) else { return false }
        return runInPhraseEnd(parsed.rest) == nil && isHeadingShaped(text)
    }

    /// Whether stage 4 may write `text` as another heading than it stands
    /// (`headingAsRestored`): it opens with the section titles' numbering
    /// (一、) and holds a noise scalar or ends with a mark no title ends
    /// with, and no ASCII digit. A scan of its bytes, asked before the
    /// restoring's diffs: a table's last row and the next section's heading
    /// open alike in every report, and a row written with rules
    /// (四、结转下年度继续办理 | 1 | 0 ⏎ 四、政府信息公开行政复议…) holds noise;
    /// its digits say it is no title (restoring such rows cost 2.3 M of
    /// the 1 MB bench). Stage 2 asks it; stage 4 restores without it.
    func mayRestoreSectionTitle(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, sectionOpeners.contains(first),
              Substring(text).unicodeScalars.firstIndex(in: sectionTitles.noise) != nil
                || text.unicodeScalars.last.map(notHeadingEndings.contains) == true else { return false }
        // The digits on the bytes (the UTF-8 view's iterator cost 1,900
        // instructions a line of a table written with spaces).
        var text = text
        return text.withUTF8 { bytes in !bytes.contains { $0 >= 0x30 && $0 <= 0x39 } }
    }

    /// The heading stage 4 writes for `text` (`StructureRecovery.classify`):
    /// a noisy section title restored (一、总体情况/ → 一、总体情况,
    /// `structure.section-title`, which asks nothing of the lines around),
    /// else the text as written; nil where stage 4 reads no heading.
    /// Stage 2 compares a repeated heading by it (`lines.duplicate-heading`):
    /// a repeat only stage 4 saw stood in the lines the tables stage read.
    func headingAsRestored(_ text: String) -> String? {
        guard let parsed = numbering.parse(text) else { return nil }
        if parsed.numbering.style == sectionTitles.style,
           let section = sectionTitles.restored(parsed.rest, misreadEndings: notHeadingEndings),
           let written = numbering.written(section.number, style: parsed.numbering.style) {
            let restored = written + section.title
            return readsAsHeading(restored) ? restored : nil
        }
        return runInPhraseEnd(parsed.rest) == nil && isHeadingShaped(text) ? text : nil
    }

    public static func load(from source: RuleSource) throws -> StructureRules {
        let file = try source.decode(StructureRulesFile.self, from: "structure.json")
        let numbering = try HeadingNumbering(file)
        return StructureRules(numbering: numbering, heading: file.heading,
                              runInClosers: ScalarSet(ranges: file.heading.runInClosers.unicodeScalars.map { $0.value...$0.value },
                                                      pattern: "heading.runInClosers"),
                              notHeadingEndings: Set(file.heading.notHeadingEndings.unicodeScalars),
                              wordsOnlyMarks: Set((file.heading.wordsOnlyMarks ?? "").unicodeScalars),
                              reportSuffixes: file.reportNames.suffixes, yearMarker: file.reportNames.yearMarker,
                              openingLines: file.reportNames.openingLines, bodySpelling: file.reportNames.bodySpelling,
                              sectionTitles: try SectionTitles(file.sectionTitles),
                              sectionTails: try SectionTailRules(file.sectionTitles.tails),
                              sectionOpeners: numbering.styles.first { $0.id == file.sectionTitles.style }?.firsts
                                  ?? ScalarSet(ranges: [], pattern: "sectionTitles.style openers"))
    }
}

/// Rules/structure.json `sectionTitles.tails`: how long a section title's
/// last part must be to stand for the whole (`structure.section-tail`), and
/// what a junk line OCR left of the part it lost looks like.
struct SectionTailRules: Sendable {
    let minimumScalars: Int
    let junkMarks: Int
    let junkHan: Int

    init(_ file: StructureRulesFile.SectionTitles.Tails) throws {
        guard file.minimumScalars > 0 else {
            throw DocNormError.invalidRules(file: "structure.json", line: nil, reason: "sectionTitles.tails.minimumScalars must be positive")
        }
        (minimumScalars, junkMarks, junkHan) = (file.minimumScalars, file.junkMarks, file.junkHan)
    }

    /// Whether `text` (spaces aside) is a scrap OCR leaves of a lost line:
    /// `junkMarks` scalars or fewer with no letter or digit among them
    /// (一 | ; .), or `junkHan` ideographs or fewer and nothing else (己).
    func isJunk(_ text: String) -> Bool {
        let scalars = text.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }
        guard !scalars.isEmpty else { return false }
        if scalars.count <= junkMarks, !scalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
            return true
        }
        return scalars.count <= junkHan && scalars.allSatisfy { $0.properties.isIdeographic }
    }
}
