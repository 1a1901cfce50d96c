import ArgumentParser
import DocNorm
import FoundationEssentials

/// `docnorm eval [DIR]`: the extraction-invariance quality report (issue 3)
/// over Corpus/eval, per extractor and overall, with a ratchet against a
/// recorded baseline.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score every extractor's output of the gold documents against the gold.",
        discussion: """
            For each <doc>/gold.txt under DIR, runs <doc>/extracted/*.txt and extracted/chromium/*.txt \
            through the pipeline and prints per extractor: exact-match rate, character error rate of the \
            raw extraction and of the output against the gold, gold-line recall, heading recall, table-row \
            recall, table value accuracy (<doc>/records.jsonl, which every <doc>/gold.txt needs: \
            an empty file when it has no template table) and idempotence.
            """)

    @Argument(help: "The evaluation corpus.") var directory = "Corpus/eval"
    @Flag(help: "Skip the raw→gold character error rate (slow on scrambled tables; independent of docnorm).") var noRaw = false
    @Option(help: "Fail (exit 1) when any measure falls below this baseline file.") var check: String?
    @Option(help: "Write the measures to this baseline file.") var writeBaseline: String?
    @Flag(help: "After the table, list every gold value the output has wrong or lacks without a diagnostic that says so.")
    var misses = false
    @Flag(help: "After the table, list every gold value the output has right but puts in doubt all the same, with what flags it (diagnostic rule and the cells it names, or failed relation and its axis).")
    var flagged = false
    @OptionGroup var pipelineArguments: PipelineArguments

    func run() throws {
        let pipeline = try pipelineArguments.pipeline()
        // A malformed baseline is refused before the corpus is scored.
        let baseline = try check.map(Self.baseline)
        let cases: [QualityReport.Case]
        do { cases = try QualityReport.cases(in: URL(fileURLWithPath: directory)) } catch DocNormError.invalidRules(let file, let line, let column, let reason) {
            // Raised here only by known-losses.json, which is no rule file: no --rules hint.
            throw failure(.unreadable, "\(directory)/\(file)\(JSONLocation.suffix(line: line, column: column)): not a known-losses file: \(reason)")
        } catch let error as DocNormError {
            throw failure(ExitStatus.of(error), "\(directory)/\(error)")
        } catch let error as QualityReport.GoldRecordError {
            // A gold record left out would make the value scores lie: refused, not skipped.
            throw failure(.unreadable, "\(directory)/\(error)")
        } catch let error as QualityReport.MissingGoldRecordsError {
            throw failure(.unreadable, "\(directory)/\(error)")
        } catch {
            let path = "\(directory)/known-losses.json"
            let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let (line, column, reason) = JSONLocation.describe(error, in: text)
            throw failure(.unreadable, "\(path)\(JSONLocation.suffix(line: line, column: column)): not a known-losses file: \(reason)")
        }
        guard !cases.isEmpty else { throw failure(.unreadable, "\(directory): no <doc>/gold.txt with extracted/*.txt found") }
        let scored = cases.map { ($0, QualityReport.score($0, pipeline: pipeline, rawEdits: !noRaw)) }
        // An extraction the pipeline refuses scores as no output; say which and why.
        for (c, score) in scored {
            if let error = score.error {
                writeStandardError("docnorm eval: \(directory)/\(c.document)/extracted/\(c.extractor).txt: \(error); scored as no output\n")
            }
        }
        let (by, overall) = QualityReport.summarize(scored)
        try writeStandardOutput(QualityBaseline.table(by: by, overall: overall, raw: !noRaw))
        if misses { try writeStandardOutput(Self.misses(scored)) }
        if flagged { try writeStandardOutput(Self.rightFlagged(scored)) }
        if let writeBaseline {
            try writeAtomically(Array(try QualityBaseline(by: by, overall: overall).encoded().utf8), to: writeBaseline)
        }
        if let baseline {
            let regressions = baseline.regressions(by: by, overall: overall)
            for r in regressions { writeStandardError("docnorm eval: regression: \(r)\n") }
            if !regressions.isEmpty { throw ExitCode(ExitStatus.someFailed.rawValue) }
        }
    }

    /// The baseline file `--check` names; one that cannot be read or is not
    /// a baseline exits 2 with its place, never 1 (a measure that fell).
    static func baseline(_ path: String) throws -> QualityBaseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw failure(.unreadable, "\(path): cannot read the baseline; write one with --write-baseline")
        }
        do { return try JSONDecoder().decode(QualityBaseline.self, from: data) } catch {
            let (line, column, reason) = JSONLocation.describe(error, in: String(decoding: data, as: UTF8.self))
            throw failure(.unreadable, "\(path)\(JSONLocation.suffix(line: line, column: column)): not a quality baseline: \(reason); write one with --write-baseline")
        }
    }

    /// One line per right but flagged gold value: document, extractor,
    /// table, row and column path, value, and what flags it.
    static func rightFlagged(_ scored: [(QualityReport.Case, QualityReport.Score)]) -> String {
        var out = ""
        for (c, score) in scored {
            for (r, by) in score.rightFlagged {
                let path = (r.row + ["|"] + r.column).joined(separator: "/")
                out += "\(c.document)\t\(c.extractor)\t\(r.table)\t\(path)\t\(r.value)\tflagged by \(by.joined(separator: " "))\n"
            }
        }
        return out.isEmpty ? "\nno right value flagged\n" : "\n" + out
    }

    /// One line per unflagged gold value: document, extractor, table, row and
    /// column path, the gold value and what the output has in that cell.
    static func misses(_ scored: [(QualityReport.Case, QualityReport.Score)]) -> String {
        var out = ""
        for (c, score) in scored {
            for miss in score.unflagged {
                let r = miss.expected
                let path = (r.row + ["|"] + r.column).joined(separator: "/")
                out += "\(c.document)\t\(c.extractor)\t\(r.table)\t\(path)\tgold \(r.value)\tout \(miss.found ?? "none")\n"
            }
        }
        return out.isEmpty ? "\nno unflagged values\n" : "\n" + out
    }
}
