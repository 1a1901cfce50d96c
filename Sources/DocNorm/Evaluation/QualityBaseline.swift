import FoundationEssentials

/// The measures of a quality report as recorded in Corpus/eval/quality-baseline.json:
/// the level each reached at its last change, which no change may lower (a ratchet).
public struct QualityBaseline: Codable, Sendable {
    public var format = "docnorm-quality/1"
    public var extractors: [String: [String: Double]]
    public var overall: [String: Double]

    public init(by: [String: QualityReport.Summary], overall: QualityReport.Summary) {
        func measures(_ s: QualityReport.Summary) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: s.measures.map { ($0.name, ($0.value * 1e6).rounded() / 1e6) })
        }
        extractors = by.mapValues(measures)
        self.overall = measures(overall)
    }

    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Every measure now worse than recorded (beyond rounding), described.
    public func regressions(by: [String: QualityReport.Summary], overall now: QualityReport.Summary) -> [String] {
        var found: [String] = []
        func compare(_ name: String, _ recorded: [String: Double], _ summary: QualityReport.Summary?) {
            guard let summary else { found.append("\(name): no longer measured"); return }
            for m in summary.measures {
                guard let old = recorded[m.name] else { continue }
                let worse = m.higherIsBetter ? m.value < old - 1e-6 : m.value > old + 1e-6
                if worse { found.append("\(name) \(m.name): \(Self.format(m.value)) is worse than the recorded \(Self.format(old))") }
            }
        }
        for (name, recorded) in extractors.sorted(by: { $0.key < $1.key }) { compare(name, recorded, by[name]) }
        compare("overall", overall, now)
        return found
    }

    static func format(_ x: Double) -> String {
        let scaled = (x * 10000).rounded() / 100
        return "\(scaled)%"
    }

    /// The report as a Markdown table (kept in the README).
    public static func table(by: [String: QualityReport.Summary], overall: QualityReport.Summary, raw: Bool) -> String {
        var lines = ["| extractor | cases | exact | CER raw | CER out | lines | headings | table rows | values | values right or flagged | right values flagged | idempotent |",
                     "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        func row(_ name: String, _ s: QualityReport.Summary) -> String {
            "| \(name) | \(s.cases) | \(format(s.exactRate)) | \(raw ? format(s.cerBefore) : "–") | \(format(s.cerAfter)) | "
                + "\(format(s.lineRecall)) | \(format(s.headingRecall)) | \(format(s.tableRowRecall)) | \(format(s.valueAccuracy)) | \(format(s.valuesRightOrFlagged)) | \(format(s.rightValuesFlagged)) | \(format(s.idempotenceRate)) |"
        }
        for (name, s) in by.sorted(by: { $0.key < $1.key }) { lines.append(row(name, s)) }
        lines.append(row("**overall**", overall))
        // Too wide for another column: a line under the table, naming the
        // extractors that have any.
        if overall.valuesRightUnverified > 0 {
            let named = by.sorted(by: { $0.key < $1.key }).filter { $0.value.valuesRightUnverified > 0 }
                .map { "\($0.key) \(format($0.value.rightValuesUnverified)) (\($0.value.valuesRightUnverified) of \($0.value.valuesRight))" }
            lines.append("")
            lines.append("right values unverified (named by structure.ocr-unverified only: read by OCR where no relation checks them; "
                         + "counted right or flagged, not flagged): \(format(overall.rightValuesUnverified)) overall "
                         + "(\(overall.valuesRightUnverified) of \(overall.valuesRight)); " + named.joined(separator: ", "))
        }
        if overall.allowingLosses > 0 {
            lines.append("")
            lines.append("\(overall.allowingLosses) cases are scored against the gold less the characters their PDF does not draw "
                         + "(known-losses.json); against the gold as written, exact is \(format(Double(overall.exactAsWritten) / Double(overall.cases))) overall"
                         + " (\(overall.exactAsWritten) of \(overall.cases)).")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
