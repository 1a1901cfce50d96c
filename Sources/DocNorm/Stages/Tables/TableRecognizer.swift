import ICUKit

/// Stage 3, table regions: a table opens at a line that starts with one of a
/// template's anchors (第二十条第（一）项, （本列数据的勾稽关系…, 行政复议) and
/// ends at the last line its template consumed, so 四、结转下年度继续办理 stays
/// in the table while 四、政府信息公开行政复议… after it does not.
///
/// Every template with that anchor is laid over the cell stream (stage 4's
/// TemplateMatcher); the best-matching one wins, when it finds at least
/// `minFoundShare` of its labels and values, or `minFoundShareWhenMany` when
/// that is at least `many` of them (`tables.region`). Ties go to the
/// edition (2021 or 2019) of the tables already found in the document.
struct TableRecognizer: Sendable {
    let rules: TableRules
    let matcher: TemplateMatcher

    init(rules: TableRules) {
        self.rules = rules
        matcher = TemplateMatcher(rules: rules)
    }

    /// A recognised table and the lines (indices into the input array) it spans.
    struct Region {
        var lines: ClosedRange<Int>
        var table: Table
    }

    func recognize(_ lines: [SourceLine], context: PipelineContext) -> [Region] {
        let anchors = rules.templates.map { t in t.anchors.map { Array($0.unicodeScalars) } }
        // Most lines open with no anchor's first scalar: they are passed at once.
        let anchorFirsts = ScalarSet(ranges: anchors.joined().compactMap { $0.first.map { $0.value...$0.value } }, pattern: "table anchors")
        var regions: [Region] = []
        var edition: Int?
        /// The last stream built and the line it starts at.
        var window: (from: Int, stream: CellStream)?
        var i = 0
        while i < lines.count {
            let head = lines[i].text.unicodeScalars.drop { $0 == "\t" || $0 == " " }
            guard let first = head.first, anchorFirsts.contains(first) else { i += 1; continue }
            let candidates = rules.templates.indices.filter { t in anchors[t].contains { head.starts(with: $0) } }
            guard !candidates.isEmpty else { i += 1; continue }
            // The stream covers a window from the anchor on (`maxLines`), not
            // the document: it is built only where a table may start. It is
            // built over twice that many lines, and the window of every later
            // anchor that ends inside it is that stream cut at the window's end,
            // so each line is put in a stream about twice, however many anchors
            // there are.
            let maxLines = rules.matching.maxLines
            if window.map({ $0.from + $0.stream.lineStart.count < min(lines.count, i + maxLines) }) ?? true {
                window = (i, CellStream(lines[i..<min(lines.count, i + 2 * maxLines)], opensAfterDigit: rules.hanPrefixes))
            }
            let from = window!.from
            let stream = window!.stream.ending(atLine: i - from + maxLines)
            let start = i - from < stream.lineStart.count ? stream.lineStart[i - from] : stream.count
            // The edition already found first; a perfect match cannot be beaten
            // (and would win the tie), so the others are not tried after one.
            let ordered = candidates.filter { rules.templates[$0].edition == edition } + candidates.filter { rules.templates[$0].edition != edition }
            var matches: [TemplateMatcher.Match] = []
            for t in ordered {
                matches.append(matcher.match(rules.templates[t], in: stream, from: start, tracing: context.tracing))
                if matches.last!.score >= 1 { break }
            }
            guard let best = matches.max(by: { a, b in
                a.score != b.score ? a.score < b.score : (a.template.edition == edition) == false && b.template.edition == edition
            }), best.score >= rules.matching.minFoundShare
                || (best.score >= rules.matching.minFoundShareWhenMany && best.found >= rules.matching.many),
                best.end > start else { i += 1; continue }

            let last = from + lineIndex(of: best.end - 1, in: stream)
            for d in best.diagnostics { context.report(d.stage, d.rule, d.kind, d.message, line: d.line) }
            for step in best.trace { context.traced(step.stage, step.rule, line: step.line, before: step.before, after: step.after) }
            let nextLineStart = last + 1 - from < stream.lineStart.count ? stream.lineStart[last + 1 - from] : stream.count
            if best.end < nextLineStart {
                var rest = String.UnicodeScalarView()
                rest.append(contentsOf: stream.scalars[best.end..<nextLineStart])
                context.report(.tables, "tables.unplaced-text", .suspicion,
                               "text '\(String(rest))' after the end of table \(best.template.id) fits no cell", line: lines[last].number)
            }
            // The whole region, as it stood and as the table reads: the step the
            // trace replays; stage 4's cell-level steps explain it in detail.
            context.traced(.tables, "tables.region", line: lines[i].number,
                           before: lines[i...last].map(\.text).joined(separator: "⏎"),
                           after: best.grid.map { $0.joined(separator: "\t") }.joined(separator: "⏎"))
            context.report(.tables, "tables.region", .repair,
                           "table \(best.template.id) recognised on lines \(lines[i].number)–\(lines[last].number) (\(best.found) of \(best.expected) labels and values found)",
                           line: lines[i].number)
            let checks = TableArithmetic.check(best.template, values: best.values, lines: best.rowLines, context: context)
            let spans = CellSpans.spans(of: best.grid, isHeader: best.gridRowIsHeader) { text in
                rules.isValue(Array(text.unicodeScalars)[...])
            }
            regions.append(Region(lines: i...last,
                                  table: Table(grid: best.grid, spans: spans, templateID: best.template.id,
                                               records: best.records, checks: checks)))
            edition = best.template.edition
            i = last + 1
        }
        return regions
    }

    /// Index of the line holding stream position `index` (binary search).
    func lineIndex(of index: Int, in stream: CellStream) -> Int {
        var lo = 0, hi = stream.lineStart.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if stream.lineStart[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
