import DocNorm

/// Everything the diff views show: the raw (decoded, untouched) lines, the
/// normalized lines, the edit script between them, and the trace steps and
/// diagnostics keyed by source line.
struct DiffModel {
    let name: String
    let encoding: String
    let raw: [String]
    let normalized: [String]
    let edits: [LineDiff.Edit]
    let document: Document
    /// Trace steps by 1-based source line; steps without a line are in `wholeDocument`.
    let stepsByLine: [Int: [TraceStep]]
    let wholeDocument: [TraceStep]

    init(name: String, bytes: [UInt8], pipeline: Pipeline, encoding: String?) throws {
        self.name = name
        let rawLines = try RawLines(bytes, pipeline: pipeline, encoding: encoding)
        self.encoding = rawLines.encoding
        raw = rawLines.lines
        document = try pipeline.run(bytes, options: PipelineOptions(encoding: encoding, tracing: true))
        var text = TextRenderer.render(document)
        if text.hasSuffix("\n") { text.removeLast() }
        normalized = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        edits = LineDiff.edits(raw, normalized)
        var byLine: [Int: [TraceStep]] = [:]
        var whole: [TraceStep] = []
        for step in document.trace {
            if let line = step.line { byLine[line, default: []].append(step) } else { whole.append(step) }
        }
        stepsByLine = byLine
        wholeDocument = whole
    }

    /// The trace steps of the source lines in `range` (0-based, raw side).
    func steps(in range: Range<Int>) -> [TraceStep] {
        range.flatMap { stepsByLine[$0 + 1] ?? [] }
    }

    /// Why the changed lines of a hunk changed, in one line: each stage/rule
    /// with how many of the hunk's source lines it touched; when no stage
    /// recorded a step, what the renderer does.
    func summary(of hunk: LineDiff.Hunk) -> String {
        var rules: [String] = []
        var counts: [String: Int] = [:]
        for step in steps(in: hunk.old) {
            let key = "\(step.stage.rawValue)/\(step.rule)"
            if counts[key] == nil { rules.append(key) }
            counts[key, default: 0] += 1
        }
        if !rules.isEmpty { return rules.map { "\($0) ×\(counts[$0]!)" }.joined(separator: ", ") }
        let changed = hunk.edits.filter { $0.operation != .equal }
        let onlyBlank = changed.allSatisfy { edit in
            edit.old.map { raw[$0].allSatisfy(\.isWhitespace) } ?? edit.new.map { normalized[$0].isEmpty } ?? true
        }
        return onlyBlank ? "render: blank lines between blocks made exactly one" : "no trace step recorded for these lines"
    }

    /// The stage/rule of each step on one source line (0-based), once each.
    func rules(onLine index: Int) -> [String] {
        var seen: [String] = []
        for step in stepsByLine[index + 1] ?? [] where !seen.contains("\(step.stage.rawValue)/\(step.rule)") {
            seen.append("\(step.stage.rawValue)/\(step.rule)")
        }
        return seen
    }

    var changeCounts: (deleted: Int, inserted: Int) {
        edits.reduce(into: (0, 0)) { counts, edit in
            if edit.operation == .delete { counts.0 += 1 }
            if edit.operation == .insert { counts.1 += 1 }
        }
    }
}

/// Shortens a text for one-line annotations.
func clip(_ text: String, to limit: Int = 40) -> String {
    let shown = text.replacingNewlines()
    return shown.count <= limit ? shown : String(shown.prefix(limit)) + "…"
}

extension String {
    func replacingNewlines() -> String {
        String(unicodeScalars.map { $0 == "\n" ? "⏎" : $0 == "\t" ? "⇥" : Character($0) })
    }
}
