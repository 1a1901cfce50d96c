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
    let numbering: HeadingNumbering

    /// Display columns of every BMP scalar, from ICU's East Asian Width, built
    /// once per process.
    static let widths: [UInt8] = (0..<0x10000).map { UInt8(UnicodeProperties.columns(UInt32($0))) }

    init(file: LineRulesFile, rules: RuleSet, numbering: HeadingNumbering) {
        self.file = file
        cjk = rules.cjk
        self.numbering = numbering
    }

    public static func load(from source: RuleSource, rules: RuleSet, numbering: HeadingNumbering) throws -> LineRepair {
        LineRepair(file: try source.decode(LineRulesFile.self, from: "lines.json"), rules: rules, numbering: numbering)
    }

    func columns(_ text: String) -> Int { Self.columns(text.unicodeScalars) }

    /// Display columns of a text (East Asian Wide and Fullwidth count 2).
    static func columns<Scalars: Sequence>(_ scalars: Scalars) -> Int where Scalars.Element == Unicode.Scalar {
        var n = 0
        for s in scalars { n += s.value < 0x10000 ? Int(widths[Int(s.value)]) : 2 }
        return n
    }

    /// Page furniture and duplicate headings out (`lines.page-number`,
    /// `lines.duplicate-heading`); runs before table regions are found, so a
    /// page number inside a table does not split it.
    public func removeFurniture(_ input: [SourceLine], context: PipelineContext) -> [SourceLine] {
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
        kept.reserveCapacity(lines.count)
        var previous: String?
        for line in lines {
            if !line.text.isEmpty {
                if startsWithNumbering(line.text), previous == line.text {
                    context.traced(.lines, "lines.duplicate-heading", line: line.number, before: line.text, after: "")
                    continue
                }
                previous = line.text
            }
            kept.append(line)
        }
        return kept
    }

    /// Joins hard wraps and the split title in each stretch of prose; tables
    /// separate the stretches, and no paragraph crosses one. The text column
    /// is measured over all stretches together; the title can only open the first.
    public func joinLines(_ segments: [ArraySlice<SourceLine>], context: PipelineContext) -> [[LogicalLine]] {
        let prose = segments.flatMap { $0.filter { !$0.text.isEmpty } }
        let fullWidth = columnWidth(prose)
        let followedByBlank = segments.reduce(0) { count, segment in
            count + segment.indices.filter { !segment[$0].text.isEmpty && $0 + 1 < segment.endIndex && segment[$0 + 1].text.isEmpty }.count
        }
        let doubleSpaced = Double(followedByBlank) >= file.wrap.doubleSpacedShare * Double(max(prose.count, 1))
        return segments.enumerated().map { index, segment in
            join(Array(segment.filter { !$0.text.isEmpty }), fullWidth: fullWidth, doubleSpaced: doubleSpaced,
                 allowTitle: index == 0, context: context)
        }
    }

    /// The whole of stage 2 on a document without tables.
    public func repair(_ input: [SourceLine], context: PipelineContext) -> [LogicalLine] {
        let lines = removeFurniture(input, context: context)
        return joinLines([lines[...]], context: context)[0]
    }

    func join(_ lines: [SourceLine], fullWidth: Int?, doubleSpaced: Bool, allowTitle: Bool, context: PipelineContext) -> [LogicalLine] {
        var output: [LogicalLine] = []
        var position = 0
        if allowTitle, let title = joinedTitle(lines, context: context) {
            output.append(title.line)
            position = title.count
        }
        while position < lines.count {
            let first = lines[position]
            var text = first.text
            var last = first
            while let full = fullWidth, position + 1 < lines.count {
                let next = lines[position + 1]
                let blanks = next.number - last.number - 1
                guard continues(last, into: next.text, fullWidth: full, blankBetween: blanks > 0 && !doubleSpaced) else { break }
                let joined = join(text, next.text)
                context.traced(.lines, "lines.join-wrap", line: last.number, before: last.text + "⏎" + next.text, after: join(last.text, next.text))
                text = joined
                last = next
                position += 1
            }
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
                return (LogicalLine(text: text, lines: lines[0].number...line.number, role: .title), i + 1)
            }
        }
        return nil
    }

    /// The text-column width: the most common line width in the widest window
    /// of `window` columns that holds enough lines, with almost no line wider;
    /// nil when the document is not hard-wrapped.
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

    func continues(_ line: SourceLine, into next: String, fullWidth: Int, blankBetween: Bool) -> Bool {
        if line.text.contains("\t") || next.contains("\t") || startsWithNumbering(next) { return false }
        if width(line) < fullWidth - file.wrap.window { return false }
        if endsSentence(line.text) && blankBetween { return false }
        return true
    }

    /// A line's width on the page: as extracted when known (spaces an extractor
    /// put around digits took room on the page too), else as it stands.
    func width(_ line: SourceLine) -> Int {
        max(line.extractedColumns ?? 0, columns(line.text))
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

    /// Heading numbering (Rules/structure.json) at the start of a line, followed by text.
    func startsWithNumbering(_ text: String) -> Bool { numbering.parse(text) != nil }
}
