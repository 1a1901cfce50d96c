import FoundationEssentials
import ICUKit

/// Rules/lines.json, version docnorm-rules/1.
struct LineRulesFile: VersionedRuleFile {
    struct Wrap: Decodable {
        var minLineColumns: Int
        var window: Int
        var minShare: Double
        var minLines: Int
        var doubleSpacedShare: Double
        /// A text column has almost no line wider than it; more than this share
        /// of wider lines means the peak is not a column (e.g. canonical text).
        var maxWiderShare: Double
    }
    struct Title: Decodable {
        var endings: [String]
        var maxColumns: Int
        var maxLines: Int
    }
    var format: String
    var title: Title
    var pageNumbers: [String]
    var headingNumerals: String
    var sentenceFinal: String
    var closers: String
    var wrap: Wrap
}

/// Stage 2: line repair, each decision a named rule:
///
/// - `lines.page-number`: whole-line page numbers (`- 3 -`, `第3页共12页`, `3/12`,
///   a lone number as the document's last line) are removed.
/// - `lines.duplicate-heading`: a numbered line repeated right after itself is one.
/// - `lines.join-wrap`: hard wraps are joined. The evidence is the document's
///   text-column width, the peak of its line-width histogram in display
///   columns: a line that reaches it and does not end a sentence continues on
///   the next non-blank line (CJK joins with no space, Latin with one). A short
///   line, or a next line opening with heading numbering, ends the paragraph.
///   Documents with no peak (one paragraph per line) are not joined.
///
/// - `lines.join-title`: a title split over the first lines (…工作年度报⏎告) is
///   joined when the joined text ends with a title ending from the rules and
///   no part ends a sentence; a title is never invented.
///
/// Not yet: table regions, split headings, running headers.
public struct LineRepair: Sendable {
    let file: LineRulesFile
    let cjk: ScalarSet
    let numerals: Set<Unicode.Scalar>
    /// Stage 1's punctuation rule, run again over a joined line: context stops
    /// at line ends, so a wrap's seam is decided only once the lines are one
    /// (else a second run would decide it: not idempotent).
    let punctuation: CharacterNormalizer

    /// Display columns of every BMP scalar, from ICU's East Asian Width, built
    /// once per process.
    static let widths: [UInt8] = (0..<0x10000).map { UInt8(UnicodeProperties.columns(UInt32($0))) }

    init(file: LineRulesFile, rules: RuleSet) {
        self.file = file
        cjk = rules.cjk
        numerals = Set(file.headingNumerals.unicodeScalars)
        punctuation = CharacterNormalizer(rules: rules)
    }

    /// `text` joined from several lines, with punctuation decided across the seams.
    func punctuatedJoin(_ text: String, line: Int, context: PipelineContext) -> String {
        var scalars = text.unicodeScalars.map(\.value)
        punctuation.contextualPunctuation(&scalars)
        let result = string(scalars)
        if result != text { context.traced(.lines, "lines.join-punctuation", line: line, before: text, after: result) }
        return result
    }

    public static func load(from source: RuleSource, rules: RuleSet) throws -> LineRepair {
        LineRepair(file: try source.decode(LineRulesFile.self, from: "lines.json"), rules: rules)
    }

    func columns(_ text: String) -> Int {
        var n = 0
        for s in text.unicodeScalars { n += s.value < 0x10000 ? Int(Self.widths[Int(s.value)]) : 2 }
        return n
    }

    public func repair(_ input: [SourceLine], context: PipelineContext) -> [LogicalLine] {
        var lines = input.filter { line in
            guard isPageNumber(line.text, last: false) else { return true }
            context.traced(.lines, "lines.page-number", line: line.number, before: line.text, after: "")
            return false
        }
        // A lone number as the last line, judged after the other page numbers are
        // gone (else the output could end in one that a second run removes), and
        // not when the line before it is a lone number too (a table's last cells).
        if let last = lines.lastIndex(where: { !$0.text.isEmpty }), isPageNumber(lines[last].text, last: true),
           !(lines[..<last].last(where: { !$0.text.isEmpty }).map { isPageNumber($0.text, last: true) } ?? false) {
            context.traced(.lines, "lines.page-number", line: lines[last].number, before: lines[last].text, after: "")
            lines.remove(at: last)
        }
        // Duplicate consecutive headings (blank lines between do not separate them).
        var kept: [SourceLine] = []
        for line in lines {
            if !line.text.isEmpty, startsWithNumbering(line.text),
               kept.last(where: { !$0.text.isEmpty })?.text == line.text {
                context.traced(.lines, "lines.duplicate-heading", line: line.number, before: line.text, after: "")
                continue
            }
            kept.append(line)
        }
        lines = kept
        let nonBlank = lines.indices.filter { !lines[$0].text.isEmpty }
        let fullWidth = columnWidth(nonBlank.map { lines[$0] })
        let followedByBlank = nonBlank.filter { $0 + 1 < lines.count && lines[$0 + 1].text.isEmpty }.count
        let doubleSpaced = Double(followedByBlank) >= file.wrap.doubleSpacedShare * Double(max(nonBlank.count, 1))

        var output: [LogicalLine] = []
        var position = 0
        if let title = joinedTitle(nonBlank.map { lines[$0] }, context: context) {
            output.append(title.line)
            position = title.count
        }
        while position < nonBlank.count {
            let first = lines[nonBlank[position]]
            var text = first.text
            var last = first
            while let full = fullWidth, position + 1 < nonBlank.count {
                let next = lines[nonBlank[position + 1]]
                let blanks = next.number - last.number - 1
                guard continues(last.text, into: next.text, fullWidth: full, blankBetween: blanks > 0 && !doubleSpaced) else { break }
                let joined = join(text, next.text)
                context.traced(.lines, "lines.join-wrap", line: last.number, before: last.text + "⏎" + next.text, after: join(last.text, next.text))
                text = joined
                last = next
                position += 1
            }
            if last.number != first.number { text = punctuatedJoin(text, line: first.number, context: context) }
            output.append(LogicalLine(text: text, lines: first.number...last.number))
            position += 1
        }
        return output
    }

    /// The title at the top, joined from up to `maxLines` lines, and how many
    /// lines it used; nil when the first lines do not form a title.
    func joinedTitle(_ lines: [SourceLine], context: PipelineContext) -> (line: LogicalLine, count: Int)? {
        var text = ""
        for (i, line) in lines.prefix(file.title.maxLines).enumerated() {
            if line.text.contains("\t") || endsSentence(line.text) || (i > 0 && startsWithNumbering(line.text)) { return nil }
            text = i == 0 ? line.text : join(text, line.text)
            if columns(text) > file.title.maxColumns { return nil }
            if file.title.endings.contains(where: { text.hasSuffix($0) }) {
                if i > 0 {
                    context.traced(.lines, "lines.join-title", line: lines[0].number,
                                   before: lines[0...i].map(\.text).joined(separator: "⏎"), after: text)
                }
                if i > 0 { text = punctuatedJoin(text, line: lines[0].number, context: context) }
                return (LogicalLine(text: text, lines: lines[0].number...line.number, role: .title), i + 1)
            }
        }
        return nil
    }

    /// The text-column width: the widest W such that enough lines end within
    /// `window` columns of it and almost none is wider; nil when the document
    /// is not hard-wrapped.
    func columnWidth(_ lines: [SourceLine]) -> Int? {
        let w = lines.filter { !$0.text.contains("\t") }.map { columns($0.text) }.filter { $0 >= file.wrap.minLineColumns }.sorted()
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
        let candidates = Set(w.flatMap { width in (0...file.wrap.window).map { width + $0 } }).filter { $0 <= w[w.count - 1] }.sorted(by: >)
        for width in candidates {
            let inWindow = atMost(width) - atMost(width - file.wrap.window - 1)
            if inWindow >= needed {
                let wider = w.count - atMost(width)
                return Double(wider) <= file.wrap.maxWiderShare * Double(w.count) ? width : nil
            }
        }
        return nil
    }

    func continues(_ line: String, into next: String, fullWidth: Int, blankBetween: Bool) -> Bool {
        if line.contains("\t") || next.contains("\t") || startsWithNumbering(next) { return false }
        if columns(line) < fullWidth - file.wrap.window { return false }
        if endsSentence(line) && blankBetween { return false }
        return true
    }

    func endsSentence(_ line: String) -> Bool {
        for s in line.unicodeScalars.reversed() {
            if file.closers.unicodeScalars.contains(s) { continue }
            return file.sentenceFinal.unicodeScalars.contains(s)
        }
        return false
    }

    func join(_ a: String, _ b: String) -> String {
        guard let x = a.unicodeScalars.last, let y = b.unicodeScalars.first else { return a + b }
        if cjk.contains(x) || cjk.contains(y) { return a + b }
        if x == "-", a.unicodeScalars.count > 1, y.properties.isLowercase { return String(a.unicodeScalars.dropLast()) + b }
        return a + " " + b
    }

    func isPageNumber(_ text: String, last: Bool) -> Bool {
        let compact = Array(text.unicodeScalars.filter { $0 != " " })
        guard !compact.isEmpty, compact.count <= 24 else { return false }
        if last && compact.allSatisfy({ ("0"..."9").contains($0) }) && compact.count <= 4 { return true }
        for pattern in file.pageNumbers where matches(Array(pattern.unicodeScalars), compact) { return true }
        return false
    }

    /// `#` matches one or more ASCII digits; every other character itself.
    func matches(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
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

    /// 一、 （一） 1. 1、 （1） at the start of a line, followed by text.
    func startsWithNumbering(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars.prefix(8))
        let chineseNumerals = numerals
        func digit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        var i = 0
        if s.first == "（" {
            i = 1
            let start = i
            while i < s.count && (chineseNumerals.contains(s[i]) || digit(s[i])) { i += 1 }
            return i > start && i < s.count && s[i] == "）"
        }
        if let c = s.first, chineseNumerals.contains(c) {
            while i < s.count && chineseNumerals.contains(s[i]) { i += 1 }
            return i < s.count && s[i] == "、"
        }
        while i < s.count && digit(s[i]) { i += 1 }
        return i > 0 && i + 1 < s.count && (s[i] == "." || s[i] == "、") && !digit(s[i + 1])
    }
}
