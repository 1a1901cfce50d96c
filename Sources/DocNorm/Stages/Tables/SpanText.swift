import ICUKit

/// Stage 3, `tables.span-text`: the lines inside a table's span that are
/// not the table's.
///
/// A table's grid replaces every line of its span, from its anchor to the
/// end of the stretch its cells were read from; a stretch ends only at a
/// full stop or the next section, so text the extractor drew among the
/// table's boxes, or a footnote's first line right under it (pdfminer:
/// 注：申请人情况按…，同一申⏎⏎请人提出…统计。), stands inside it. A line
/// holding a Han character that is in none of the template's labels is no
/// cell. Running text (a mark of it, and enough of the line outside pieces
/// of the labels) is written after the table, in order; any other such
/// line is reported with its text. Nothing leaves the output unsaid.
struct SpanText: Sendable {
    let rules: TableRulesFile.SpanText
    let tableRules: TableRules
    let runningText: Set<Unicode.Scalar>
    /// Per template id, its labels' scalars (a line with no other Han is the table's).
    let labelScalars: [String: Set<Unicode.Scalar>]
    /// Per template id, its labels as scalars, longest first, indexed.
    let labels: [String: TableDebris.LabelPieces]
    /// Per template id, the Han characters none of its labels has, compiled
    /// by ICU (`[[:Ideographic:]-[labels]]`): every line of every span takes
    /// this test, one bit per scalar instead of a property lookup and a hash.
    let foreignHan: [String: ScalarSet]

    /// `labels`: `TableDebris.labelPieces(of:)` of the rules' templates,
    /// made once and shared with `TableDebris`.
    init(rules: TableRules, labels: [String: TableDebris.LabelPieces]) {
        self.rules = rules.spanText
        tableRules = rules
        runningText = Set(rules.spanText.runningText.unicodeScalars)
        self.labels = labels
        var labelScalars: [String: Set<Unicode.Scalar>] = [:]
        var foreignHan: [String: ScalarSet] = [:]
        for template in rules.templates {
            var texts = Set<String>()
            for row in template.rows {
                for cell in row.cells { if case .label(let l) = cell { texts.insert(l) } }
            }
            labelScalars[template.id] = Set(texts.flatMap(\.unicodeScalars))
            let labelHan = labelScalars[template.id, default: []].filter(\.properties.isIdeographic)
                .sorted { $0.value < $1.value }.map { "\\x{\(String($0.value, radix: 16))}" }.joined()
            let foreign = try? ScalarSet(pattern: "[[:Ideographic:]-[\(labelHan)]]")
            // `holds` steps over ASCII bytes without a lookup: no ideograph is ASCII.
            precondition(!(foreign.map { set in (0..<0x80).contains { set.contains(UInt32($0)) } } ?? false),
                         "SpanText: a foreign Han set holds ASCII")
            foreignHan[template.id] = foreign
        }
        self.labelScalars = labelScalars
        self.foreignHan = foreignHan
    }

    /// The lines of `lines[range]` that are not `template`'s: `running`,
    /// written after the table; `stray`, reported where they stand.
    struct Found: Equatable {
        var running: [Int] = []
        var stray: [Int] = []
        var isEmpty: Bool { running.isEmpty && stray.isEmpty }
    }

    /// `cells`: line numbers read as cells whatever their text (a unit line
    /// joined to the amount above it, `tables.unit-line`).
    func find(_ lines: [SourceLine], in range: ClosedRange<Int>, template id: String?, cells: [Int] = []) -> Found {
        var found = Found()
        guard let id, let known = labelScalars[id], let labels = labels[id] else { return found }
        let foreign = foreignHan[id]
        func isForeign(_ scalar: Unicode.Scalar) -> Bool {
            if let foreign { return foreign.contains(scalar) }
            return scalar.properties.isIdeographic && !known.contains(scalar)
        }
        // The set unwrapped once, not at each line (a copy of it, three
        // retains, per line).
        let holdsForeign: (String) -> Bool
        if let foreign { holdsForeign = { Self.holds(foreign, in: $0) } } else { holdsForeign = { $0.unicodeScalars.contains(where: isForeign) } }
        for index in range {
            guard holdsForeign(lines[index].text), cells.isEmpty || !cells.contains(lines[index].number) else { continue }
            let scalars = lines[index].text.unicodeScalars
            // A value with its unit (4826.35万元) is a cell.
            let words = lines[index].text.blankSeparatedWords
            guard words.contains(where: { word in
                !tableRules.isValue(String(word)) && word.unicodeScalars.contains(where: isForeign)
            }) else { continue }
            if isRunningText(Array(scalars.filter { $0 != " " && $0 != "\t" }), labels: labels) {
                found.running.append(index)
            } else {
                found.stray.append(index)
            }
        }
        return found
    }

    /// Whether `text` holds a scalar of `set`, read from its UTF-8 in place:
    /// every line of every span takes this test, at each recognition and
    /// probe of `tables.settle` (106 K lines of the 1 MB bench), and most
    /// hold no such scalar, so it reads the whole line; the scalar view's
    /// validated steps and a closure call per scalar cost ~350 instructions
    /// a line. `set` holds no ASCII scalar (the foreign Han sets, checked
    /// when made): an ASCII byte, a table line's digits, spaces and TABs,
    /// is stepped over with no decoding and no lookup.
    static func holds(_ set: ScalarSet, in text: String) -> Bool {
        func holds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            while i < bytes.count {
                if bytes[i] < 0x80 { i &+= 1; continue }
                let (value, length) = decodeUTF8Scalar(bytes, at: i)
                if set.contains(value) { return true }
                i &+= length
            }
            return false
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(holds) { return found }
        return text.unicodeScalars.contains { set.contains($0) }
    }

    /// A mark of running text, and at least `minRunningScalars` Han
    /// characters, more than half of the line's, outside pieces of the
    /// labels two or more scalars long (longest first at each point, as
    /// `TableDebris.isLabelPieces` cuts). Han only: OCR reads a table's
    /// rules as ，。| beside a misread row's numbers, which are no running text.
    func isRunningText(_ text: [Unicode.Scalar], labels: TableDebris.LabelPieces) -> Bool {
        guard text.contains(where: runningText.contains) else { return false }
        var p = 0, outside = 0
        while p < text.count {
            let longest = TableDebris.longestLabelPiece(text, at: p, labels: labels)
            if longest >= 2 { p += longest } else {
                if text[p].properties.isIdeographic { outside += 1 }
                p += 1
            }
        }
        let han = text.count { $0.properties.isIdeographic }
        return outside >= rules.minRunningScalars && outside * 2 > han
    }

    /// Reports what `found` holds of the span `range` of table `id` (its
    /// running lines go after the table: `Region.after`) and traces each
    /// move; returns the running lines' texts, for the region's step.
    func report(_ found: Found, lines: [SourceLine], table id: String, context: PipelineContext) -> [String] {
        for index in found.running {
            let line = lines[index]
            context.traced(.tables, "tables.span-text", line: line.number, before: line.text, after: line.text)
            context.report(.tables, "tables.span-text", .repair,
                           "line \(line.number) inside table \(id)'s span, '\(line.text)', is running text, not a cell: written after the table",
                           line: line.number)
        }
        if !found.stray.isEmpty {
            let texts = found.stray.map { "\(lines[$0].number): '\(lines[$0].text)'" }.joined(separator: "; ")
            context.report(.tables, "tables.span-text", .suspicion,
                           "text inside table \(id)'s span holds characters none of its labels has and is no cell; it stands in the grid's place, not in the output (\(texts))",
                           line: lines[found.stray[0]].number)
        }
        return found.running.map { lines[$0].text }
    }
}
