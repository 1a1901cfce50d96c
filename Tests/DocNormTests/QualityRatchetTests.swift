import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// Issue 3's ratchet: every measure of the quality report over Corpus/eval
/// and over the held-out Corpus/holdout (per extractor and overall) stays at
/// least at the level recorded in that corpus's quality-baseline.json. Raise
/// a baseline with `docnorm eval --no-raw DIR --write-baseline
/// DIR/quality-baseline.json` when a change improves it.
@Suite struct QualityRatchetTests {
    @Test(arguments: [("Corpus/eval", 178), ("Corpus/holdout", 1744)])
    func noMeasureFallsBelowItsRecordedLevel(corpus: String, minimumCases: Int) throws {
        let root = repositoryRoot.appendingPathComponent(corpus)
        let baselineData = try #require(FileManager.default.contents(atPath: root.appendingPathComponent("quality-baseline.json").path))
        let baseline = try JSONDecoder().decode(QualityBaseline.self, from: baselineData)
        let cases = try QualityReport.cases(in: root)
        #expect(cases.count >= minimumCases)
        let scored = cases.map { ($0, QualityReport.score($0, pipeline: pipeline, rawEdits: false)) }
        let (by, overall) = QualityReport.summarize(scored)
        let regressions = baseline.regressions(by: by, overall: overall)
        #expect(regressions.isEmpty, "\(regressions.joined(separator: "\n"))")
        // Normalizing any output again changes nothing, whatever the extractor.
        #expect(overall.idempotent == overall.cases)
    }

    @Test func aWrongValueCountsAsFlaggedOnlyWhereTheOutputSaysSo() throws {
        // Row 一 reads 2 natural persons but a total of 1: its row relation
        // fails, and no one cell mends it (自然人 at 1 or 总计 at 2 would still
        // break their column's balance), so it flags the whole row.
        let document = try pipeline.run(Array(applicationsTable { $0 == "new" ? [2, 0, 0, 0, 0, 0, 1] : [0, 0, 0, 0, 0, 0, 0] }.utf8))
        let table = try #require(document.tables.first)
        func record(_ row: String, _ column: Int, _ value: String) -> QualityReport.ExpectedRecord {
            let path = table.records.filter { $0.row.last == row }
            return QualityReport.ExpectedRecord(table: "2021-applications", row: path[column].row, column: path[column].column, value: value)
        }
        // The gold says the total is 2: wrong in the output, and its row's relation fails.
        let total = QualityReport.flagged(record("一、本年新收政府信息公开申请数量", 6, "2"), in: document)
        #expect(total)
        // The gold says 3 商业企业 in row 二, where the output has 0 and the row's
        // and the column's relations hold: not flagged.
        let business = QualityReport.flagged(record("二、上年结转政府信息公开申请数量", 1, "3"), in: document)
        #expect(!business)
    }

    @Test func aFailureOneCellExplainsFlagsThatCellOnly() throws {
        // Row 一 reads 1 natural person but a total of 0: its row relation and
        // column 自然人's balance fail, and 自然人 at 0 alone mends both (the
        // total at 1 would break column 总计's balance). The relations name
        // that cell: a gold saying the total is 1 instead (two errors: column
        // 总计 holds with its 0s) goes unflagged. The proof assumes one error,
        // as the sums' other proofs do.
        let document = try pipeline.run(Array(applicationsTable { $0 == "new" ? [1, 0, 0, 0, 0, 0, 0] : [0, 0, 0, 0, 0, 0, 0] }.utf8))
        let table = try #require(document.tables.first)
        let row = table.records.filter { $0.row.last == "一、本年新收政府信息公开申请数量" }
        func record(_ column: Int, _ value: String) -> QualityReport.ExpectedRecord {
            QualityReport.ExpectedRecord(table: "2021-applications", row: row[column].row, column: row[column].column, value: value)
        }
        #expect(QualityReport.flagged(record(0, "0"), in: document))
        #expect(!QualityReport.flagged(record(6, "1"), in: document))
    }

    @Test func editDistanceCountsSubstitutionsOnce() {
        #expect(QualityReport.editDistance("政府信息公开", "政府信息公开") == 0)
        #expect(QualityReport.editDistance("政府信息公开", "政府倍息公开") == 1)
        #expect(QualityReport.editDistance("政府信息公开", "政府公开") == 2)
        #expect(QualityReport.editDistance("", "abc") == 3)
    }

    @Test func regressionsAreNamed() {
        var better = QualityReport.Summary()
        better.cases = 2; better.exact = 2; better.goldValues = 10; better.valuesRight = 10
        var worse = better
        worse.exact = 1; worse.valuesRight = 9
        let baseline = QualityBaseline(by: ["pymupdf": better], overall: better)
        let found = baseline.regressions(by: ["pymupdf": worse], overall: worse)
        #expect(found.contains { $0.hasPrefix("pymupdf exact") })
        #expect(found.contains { $0.hasPrefix("overall value-accuracy") })
        #expect(baseline.regressions(by: ["pymupdf": better], overall: better).isEmpty)
    }
}
