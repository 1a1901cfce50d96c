import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// Issue 3's ratchet: every measure of the quality report over Corpus/eval
/// (per extractor and overall) stays at least at the level recorded in
/// Corpus/eval/quality-baseline.json. Raise the baseline with
/// `docnorm eval --no-raw --write-baseline Corpus/eval/quality-baseline.json`
/// when a change improves it.
@Suite struct QualityRatchetTests {
    @Test func noMeasureFallsBelowItsRecordedLevel() throws {
        let root = repositoryRoot.appendingPathComponent("Corpus/eval")
        let baselineData = try #require(FileManager.default.contents(atPath: root.appendingPathComponent("quality-baseline.json").path))
        let baseline = try JSONDecoder().decode(QualityBaseline.self, from: baselineData)
        let cases = QualityReport.cases(in: root)
        #expect(cases.count >= 150)
        let scored = cases.map { ($0, QualityReport.score($0, pipeline: pipeline, rawEdits: false)) }
        let (by, overall) = QualityReport.summarize(scored)
        let regressions = baseline.regressions(by: by, overall: overall)
        #expect(regressions.isEmpty, "\(regressions.joined(separator: "\n"))")
        // Normalizing any output again changes nothing, whatever the extractor.
        #expect(overall.idempotent == overall.cases)
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
