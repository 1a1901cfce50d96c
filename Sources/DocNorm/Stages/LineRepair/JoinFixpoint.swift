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
    ///
    /// The reading holds one `SourceLine` per logical line and no blank
    /// lines (logical line k is line 2k + 1; the blank lines between are told
    /// to `wrapEvidence` and to `join`). It is first
    /// only probed: joining it in full, which builds its lines and trace, is
    /// done only when something joins, which on the corpus is never.
    public func rejoined(_ prose: [[LogicalLine]], context: PipelineContext) -> [[LogicalLine]]? {
        var segments: [ArraySlice<SourceLine>] = []
        segments.reserveCapacity(prose.count)
        /// Logical lines before each segment, to find a reading line's original.
        var offsets: [Int] = []
        offsets.reserveCapacity(prose.count)
        var count = 0
        for segment in prose {
            offsets.append(count)
            var lines: [SourceLine] = []
            lines.reserveCapacity(segment.count)
            for line in segment {
                count += 1
                lines.append(SourceLine(number: 2 * count - 1, text: line.text))
            }
            segments.append(lines[...])
        }
        // The evidence is measured once, for the probe and the joining both
        // (it was measured again when something joined): it does not depend
        // on the context, which only takes its traces (a scattered run
        // gathered, which the probe counts as a join).
        let reading = PipelineContext(tracing: context.tracing)
        let evidence = wrapEvidence(segments, blanks: .afterEachLine, context: reading)
        guard joinsAny(segments, evidence: evidence) else { return nil }
        let again = evidence.gathered.enumerated().map { index, segment in
            join(segment, blanks: .everyLine, fullWidth: evidence.fullWidth, doubleSpaced: evidence.doubleSpaced, exactColumn: evidence.exactColumn, atTop: index == 0,
                 measured: evidence.columns[index],
                 probing: false, context: reading)!
        }
        func original(_ number: Int) -> LogicalLine {
            let k = (number - 1) / 2
            // The last segment starting at or before k (binary search; empty
            // segments start where the next one does).
            var lo = 0, hi = offsets.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if offsets[mid] <= k { lo = mid } else { hi = mid - 1 }
            }
            return prose[lo][k - offsets[lo]]
        }
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

    /// Whether reading the stretches back joins any two lines: gathers a
    /// scattered run, or joins a title or a wrap (`join` probing).
    /// `evidence`: `wrapEvidence` of the stretches.
    func joinsAny(_ segments: [ArraySlice<SourceLine>],
                  evidence: (gathered: [ArraySlice<SourceLine>], fullWidth: Int?, doubleSpaced: Bool, exactColumn: Int?,
                             spacesMarkFontSwitches: Bool, columns: [[Int32]])) -> Bool {
        let quiet = PipelineContext(tracing: false)
        if zip(evidence.gathered, segments).contains(where: { $0.count != $1.count }) { return true }
        return evidence.gathered.enumerated().contains { index, segment in
            join(segment, blanks: .everyLine, fullWidth: evidence.fullWidth, doubleSpaced: evidence.doubleSpaced, exactColumn: evidence.exactColumn, atTop: index == 0,
                 measured: evidence.columns[index],
                 probing: true, context: quiet) == nil
        }
    }
}
