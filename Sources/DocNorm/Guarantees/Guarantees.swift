import ICUKit

/// One broken promise found by `Guarantees.check`.
public struct GuaranteeViolation: Sendable, Equatable, CustomStringConvertible {
    /// Which guarantee: `refusal`, `json`, `untraced`, `utf8`, `controls`, `idempotence`, `han`, `table-text`.
    public var guarantee: String
    public var detail: String

    public var description: String { "\(guarantee): \(detail)" }
}

/// What docnorm promises for every input (README, "Guarantees"), as a check
/// that the property tests and the fuzz target run on any bytes:
///
/// - a refusal is one of the documented errors (empty, binary, encoding), never
///   an internal failure; a document renders as JSON too;
/// - the canonical text is valid UTF-8 with no control character but LF and TAB;
/// - a run without tracing (the CLI's, whose stage 1 takes a fused path)
///   gives the same text as the traced run the check reads;
/// - normalizing the output again changes nothing;
/// - nothing is lost silently: the output's Han characters are the input's Han
///   characters in order, except where a traced rule step removed, added or
///   replaced them (radical folding, page furniture, …). The check replays
///   every traced step's Han characters over the input's and compares;
/// - nothing a table takes in is lost silently either: a line that a table
///   stage's step replaces and that holds a Han character in none of the
///   templates' labels (so no cell of any table) stands in the step's result
///   (written after the table) or in a diagnostic. The `han` replay accepts
///   whatever a traced step drops; this one asks the step to say it.
public enum Guarantees {
    static let han = try! ScalarSet(pattern: "[:Han:]")
    /// Stage 4's rules that change text outside tables.
    static let outsideTables: Set<String> = ["structure.section-title", "structure.section-title-pinned", "structure.section-tail",
                                                   "structure.section-numeral-misread", "structure.numbering-sequence", "structure.duplicate-heading"]

    /// The Han scalars of `text`, in order.
    static func hanScalars<S: Sequence>(_ text: S) -> [UInt32] where S.Element == Unicode.Scalar {
        text.lazy.map(\.value).filter { han.contains($0) }
    }

    public static func check(_ bytes: [UInt8], pipeline: Pipeline, encoding: String? = nil) -> [GuaranteeViolation] {
        let options = PipelineOptions(encoding: encoding, tracing: true)
        let document: Document
        do { document = try pipeline.run(bytes, options: options) } catch let error as DocNormError {
            if case .icu = error { return [GuaranteeViolation(guarantee: "refusal", detail: "internal failure: \(error)")] }
            if case .invalidRules = error { return [GuaranteeViolation(guarantee: "refusal", detail: "\(error)")] }
            return []
        } catch {
            return [GuaranteeViolation(guarantee: "refusal", detail: "undocumented error: \(error)")]
        }
        var violations: [GuaranteeViolation] = []
        do { _ = try JSONRenderer.render(document) } catch {
            violations.append(GuaranteeViolation(guarantee: "json", detail: "--format json fails: \(error)"))
        }
        let output = TextRenderer.render(document)
        // Without tracing stage 1 takes its fused path (the CLI's): it must
        // run and give the same text, or the check tests another program.
        do {
            let untraced = TextRenderer.render(try pipeline.run(bytes, options: PipelineOptions(encoding: encoding)))
            if untraced != output {
                violations.append(GuaranteeViolation(guarantee: "untraced", detail: firstDifference(output, untraced)))
            }
        } catch {
            violations.append(GuaranteeViolation(guarantee: "untraced", detail: "refused without tracing only: \(error)"))
        }
        let outputBytes = Array(output.utf8)
        if String(validating: outputBytes, as: UTF8.self) == nil {
            violations.append(GuaranteeViolation(guarantee: "utf8", detail: "output is not valid UTF-8"))
        }
        if let bad = output.unicodeScalars.first(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) {
            violations.append(GuaranteeViolation(guarantee: "controls", detail: "output holds U+\(hexValue(bad.value))"))
        }
        if !outputBytes.isEmpty {
            // The output is UTF-8 by construction, so the second run is not forced.
            do {
                let again = TextRenderer.render(try pipeline.run(outputBytes))
                if again != output {
                    violations.append(GuaranteeViolation(guarantee: "idempotence", detail: firstDifference(output, again)))
                }
            } catch {
                violations.append(GuaranteeViolation(guarantee: "idempotence", detail: "the output is refused as input: \(error)"))
            }
        }
        // Han characters: replay the traced steps over the input's lines.
        let decoded: DecodedText
        do { decoded = try Decoder(rules: pipeline.rules).decode(bytes, encoding: encoding, context: PipelineContext(tracing: false)) } catch {
            violations.append(GuaranteeViolation(guarantee: "refusal", detail: "decoding a second time failed: \(error)"))
            return violations
        }
        if let detail = unexplainedHanChange(input: decoded.text, trace: document.trace, output: output) {
            violations.append(GuaranteeViolation(guarantee: "han", detail: detail))
        }
        if let detail = unsaidTableText(trace: document.trace, diagnostics: document.diagnostics,
                                        labelScalars: pipeline.tables.spanText.labelScalars.values.reduce(into: Set()) { $0.formUnion($1) }) {
            violations.append(GuaranteeViolation(guarantee: "table-text", detail: detail))
        }
        return violations
    }

    /// The first line a table stage's step took in that holds a Han
    /// character in no label (`labelScalars`) and stands neither in the
    /// step's result nor in a diagnostic (spaces and TABs aside), or nil.
    /// (Lines are cut at ⏎ and looked for by their scalars, as UTF-8:
    /// `split` and `String.contains` go by characters, and a line that opens
    /// with a combining mark (fuzz item 29: U+064E) is part of the character
    /// before it, the ⏎ of a step's `before` and `after` or the quote of a
    /// message, so it was read with the line before it and never found.)
    static func unsaidTableText(trace: [TraceStep], diagnostics: [Diagnostic], labelScalars: Set<Unicode.Scalar>) -> String? {
        func holds(_ text: String, _ line: String) -> Bool { text.utf8.firstRange(of: line.utf8) != nil }
        func squeezed(_ text: some StringProtocol) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text.unicodeScalars.lazy.filter { $0 != " " && $0 != "\t" })
            return String(view)
        }
        var said: String?
        for step in trace where step.stage == .tables {
            let after = squeezed(step.after)
            for line in step.before.unicodeScalars.split(separator: "⏎").map({ String(String.UnicodeScalarView($0)) }) {
                guard line.unicodeScalars.contains(where: { han.contains($0.value) && !labelScalars.contains($0) }) else { continue }
                let text = squeezed(line)
                if holds(after, text) { continue }
                if said == nil { said = diagnostics.map { squeezed($0.message) }.joined(separator: "\n") }
                if holds(said!, text) { continue }
                return "trace step [\(step.stage.rawValue)/\(step.rule)] line \(step.line.map(String.init) ?? "-") "
                    + "drops \(String(line).debugDescription), which no label holds, without a diagnostic"
            }
        }
        return nil
    }

    /// Replays each traced step that changes Han characters over the input's
    /// lines (split as `normalize.line-breaks` splits them): the step's `before`
    /// Han characters must stand at its line (or, without a line, anywhere) and
    /// become its `after` Han characters. What is left must be the output's Han
    /// characters. Returns nil when it is, else what went wrong.
    static func unexplainedHanChange(input: String, trace: [TraceStep], output: String) -> String? {
        var lines: [[UInt32]] = [[]]
        var previous: Unicode.Scalar?
        for s in input.unicodeScalars {
            switch s {
            case "\n" where previous == "\r": break
            case "\n", "\r", "\u{0C}", "\u{2028}", "\u{2029}": lines.append([])
            default: if han.contains(s.value) { lines[lines.count - 1].append(s.value) }
            }
            previous = s
        }
        // Stage 4's cell-level table steps detail the table region step of
        // stage 3, which already carries the region's whole before and after;
        // its heading repairs stand outside tables and are replayed.
        var emptied = Set<Int>()
        for step in trace where step.stage != .structure || outsideTables.contains(step.rule) {
            let before = hanLines(step.before), after = hanLines(step.after)
            if before.joined().elementsEqual(after.joined()) { continue }
            let first = absorbingLine(max(0, min((step.line ?? 1) - 1, lines.count - 1)), in: lines, emptied: emptied)
            guard replace(before, with: after, in: &lines, from: first, emptied: &emptied) else {
                return "trace step [\(step.stage.rawValue)/\(step.rule)] line \(step.line.map(String.init) ?? "-") "
                    + "removes Han characters not found there: \(step.before.debugDescription) → \(step.after.debugDescription)"
            }
        }
        let expected = Array(lines.joined())
        let actual = hanScalars(output.unicodeScalars)
        guard expected != actual else { return nil }
        let index = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, actual.count)
        func around(_ s: [UInt32]) -> String { string(s[max(0, index - 8)..<min(s.count, index + 8)]) }
        return "Han characters changed without a trace step at Han character \(index): "
            + "input \(around(expected).debugDescription), output \(around(actual).debugDescription) "
            + "(\(expected.count) in, \(actual.count) out)"
    }

    /// The Han scalars of each line of a trace step's text (a step over
    /// several lines joins them with ⏎).
    static func hanLines(_ text: String) -> [[UInt32]] {
        var result: [[UInt32]] = [[]]
        for s in text.unicodeScalars {
            if s == "⏎" { result.append([]) } else if han.contains(s.value) { result[result.count - 1].append(s.value) }
        }
        return result
    }

    /// The nearest line at or before `first` that still holds Han, when an
    /// earlier step emptied `first` (`emptied`): a later step on a line whose
    /// Han an earlier step over several lines took into a line of its own (a
    /// table region's grid) finds it in that line — not in a copy of the same
    /// text further on, where a search from its own, emptied line would take
    /// it. A line that held no Han (Hangul around a ㈰, which NFKC makes
    /// （日）) is `first` itself: what a step adds there goes at that line,
    /// not before the Han of the line above it (item 27).
    static func absorbingLine(_ first: Int, in lines: [[UInt32]], emptied: Set<Int>) -> Int {
        guard emptied.contains(first) else { return first }
        var line = first
        while line > 0 && lines[line].isEmpty { line -= 1 }
        return line
    }

    /// Replaces the first occurrence of `before`'s Han (its lines joined) at
    /// or after line `first` (it may span lines) with `after`'s, put where
    /// the occurrence starts, except for the lines `targetLines` sends back
    /// to their own line. An empty `before` inserts at the start of `first`.
    /// Adds each line the cut leaves without Han to `emptied`.
    /// The search stops at the first match, so replaying a trace costs about
    /// the distance of each step.
    static func replace(_ before: [[UInt32]], with after: [[UInt32]], in lines: inout [[UInt32]], from first: Int,
                        emptied: inout Set<Int>) -> Bool {
        let needle = Array(before.joined())
        if needle.isEmpty { lines[first].insert(contentsOf: after.joined(), at: 0); return true }
        var flat: [UInt32] = []
        var lineStarts: [Int] = []
        var match: Int?
        search: for line in first..<lines.count {
            let old = flat.count
            lineStarts.append(old)
            flat += lines[line]
            guard flat.count > old, flat.count >= needle.count else { continue }
            for i in max(0, old - needle.count + 1)...(flat.count - needle.count) where flat[i] == needle[0] {
                if flat[i..<(i + needle.count)].elementsEqual(needle) { match = i; break search }
            }
        }
        guard let start = match else { return false }
        // The last line starting at or before a position holds it (empty
        // lines before it share its start offset).
        func lineHolding(_ position: Int) -> Int { first + lineStarts.lastIndex { $0 <= position }! }
        let startLine = lineHolding(start)
        let offset = start - lineStarts[startLine - first]
        var beforeLines: [Int] = []
        var position = start
        for part in before { beforeLines.append(lineHolding(position)); position += part.count }
        var remaining = needle.count
        var cut = startLine, at = offset
        while remaining > 0 {
            let n = min(remaining, lines[cut].count - at)
            lines[cut].removeSubrange(at..<(at + n))
            if lines[cut].isEmpty { emptied.insert(cut) }
            remaining -= n
            cut += 1
            at = 0
        }
        // The lines the occurrence spanned are empty now but for the text
        // before it on the first and after it on the last, so each part goes
        // after the parts put on its line before it.
        var line = startLine
        at = offset
        for (part, target) in zip(after, targetLines(after: after, before: before, beforeLines: beforeLines, start: startLine)) where !part.isEmpty {
            if target != line { line = target; at = 0 }
            lines[line].insert(contentsOf: part, at: at)
            at += part.count
        }
        return true
    }

    /// The line each of a step's `after` lines is replayed at. A step over
    /// several lines is one change of the trace, but lines it keeps as they
    /// were (the running text a table region writes after its grid) are
    /// still their own lines' text: a later step on one of them (a heading
    /// renumbered there) must find it there, not in another copy of the
    /// same text that the step also holds (the fuzzer's copies, item 26). So
    /// an `after` line with the Han of a `before` line goes back to the line
    /// where that line's Han stood (`beforeLines`), matched from the end, where a
    /// region's running text stands, so that the lines stay in order; any
    /// other goes with the line before it, the first ones to `start`. The
    /// Han order is the same as with the whole `after` at `start`.
    static func targetLines(after: [[UInt32]], before: [[UInt32]], beforeLines: [Int], start: Int) -> [Int] {
        var matched = [Int?](repeating: nil, count: after.count)
        var limit = before.count
        for i in after.indices.reversed() where !after[i].isEmpty {
            if let k = before[..<limit].lastIndex(of: after[i]) { matched[i] = beforeLines[k]; limit = k }
        }
        var line = start
        return matched.map { if let target = $0 { line = target }; return line }
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? String(x[i]) : "<none>", r = i < y.count ? String(y[i]) : "<none>"
            if l != r { return "line \(i + 1) changes on a second run: \(l.debugDescription) → \(r.debugDescription)" }
        }
        return "outputs differ"
    }

    static func hexValue(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
