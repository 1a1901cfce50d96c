import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

@Suite struct GuaranteeTests {
    @Test(arguments: GoldenCase.all().map(\.name))
    func corpusKeepsEveryGuarantee(_ name: String) throws {
        let golden = GoldenCase.all().first { $0.name == name }!
        let violations = Guarantees.check(golden.input, pipeline: pipeline)
        #expect(violations.isEmpty, "\(violations)")
    }

    /// Every extractor's output of the evaluation corpus and of the held-out
    /// one: the damaged text the OCR and table repairs work on, where a rule
    /// that adds or drops Han characters without tracing it would show. The
    /// guarantees hold for any input, so the held-out reports are checked too
    /// (the ratchet checks only their idempotence).
    @Test(arguments: [("Corpus/eval", 178), ("Corpus/holdout", 1744)])
    func evaluationCorpusKeepsEveryGuarantee(corpus: String, minimumCases: Int) throws {
        let cases = try QualityReport.cases(in: repositoryRoot.appendingPathComponent(corpus))
        #expect(cases.count >= minimumCases)
        for c in cases {
            let violations = Guarantees.check(c.input, pipeline: pipeline)
            #expect(violations.isEmpty, "\(c.document) \(c.extractor): \(violations.prefix(3))")
        }
    }
}
