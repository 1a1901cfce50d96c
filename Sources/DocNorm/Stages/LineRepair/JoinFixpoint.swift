/// Stage 2, idempotence of the wrap decisions:
///
/// - `lines.join-wrap` on its own output: the wrap evidence (the text column,
///   Rules/lines.json `wrap`) is a statistic of the line widths, and stage 2
///   changes the lines it is measured on. Full lines that were joined leave
///   the histogram as paragraphs, so a narrower peak may be left standing; a
///   paragraph that runs into a one-character line is read back as a line
///   that reached the column; a title joined from pieces too short to count
///   is one more full-width line. A second run measures that output, may find
///   a column the first did not, and reads each joined paragraph as one line
///   that reached it. So the decisions are taken to their fixpoint within one
///   run: the output is read back as a second run reads it (each logical line
///   one line, measured as it stands, a blank line after each) and joined
///   again until a reading joins nothing. Each round that changes anything
///   joins at least two lines into one, so there are at most as many rounds
///   as lines; on the corpus the first reading already joins nothing
///   (canonical text has no peak), which costs one width histogram.
extension LineRepair {
    /// Stage 2's output as a second run would see it, joined again: each
    /// logical line one source line measured as it stands, a blank line after
    /// each (blocks are separated by one), the tables in their places. Returns
    /// the lines joined further, their ranges and the trace in the first
    /// run's line numbers, or nil when the reading joins nothing: the output
    /// is then a fixpoint of the wrap decisions.
    public func rejoined(_ prose: [[LogicalLine]], context: PipelineContext) -> [[LogicalLine]]? {
        // Logical line k (over all segments) reads back as line 2k + 1.
        var flat: [LogicalLine] = []
        flat.reserveCapacity(prose.reduce(0) { $0 + $1.count })
        let endsWithProse = prose.last?.isEmpty == false
        var segments: [ArraySlice<SourceLine>] = []
        segments.reserveCapacity(prose.count)
        for (s, segment) in prose.enumerated() {
            var lines: [SourceLine] = []
            lines.reserveCapacity(2 * segment.count)
            for (i, line) in segment.enumerated() {
                flat.append(line)
                lines.append(SourceLine(number: 2 * flat.count - 1, text: line.text))
                if !(endsWithProse && s == prose.count - 1 && i == segment.count - 1) {
                    lines.append(SourceLine(number: 2 * flat.count, text: ""))
                }
            }
            segments.append(lines[...])
        }
        let reading = PipelineContext(tracing: context.tracing)
        let again = joinLines(segments, context: reading)
        guard zip(again, prose).contains(where: { $0.count != $1.count }) else { return nil }
        func original(_ number: Int) -> LogicalLine { flat[(number - 1) / 2] }
        for step in reading.trace {
            context.traced(step.stage, step.rule, line: step.line.map { original($0).lines.lowerBound },
                           before: step.before, after: step.after)
        }
        for d in reading.diagnostics {
            context.report(d.stage, d.rule, d.kind, d.message, line: d.line.map { original($0).lines.lowerBound })
        }
        return again.map { segment in
            segment.map { line in
                LogicalLine(text: line.text,
                            lines: original(line.lines.lowerBound).lines.lowerBound...original(line.lines.upperBound).lines.upperBound,
                            role: line.role)
            }
        }
    }
}
