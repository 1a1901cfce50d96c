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

    /// Every extractor's output of the evaluation corpus: the damaged text
    /// the OCR and table repairs work on, where a rule that adds or drops Han
    /// characters without tracing it would show.
    @Test func evaluationCorpusKeepsEveryGuarantee() throws {
        let cases = try QualityReport.cases(in: repositoryRoot.appendingPathComponent("Corpus/eval"))
        #expect(cases.count >= 150)
        for c in cases {
            let violations = Guarantees.check(c.input, pipeline: pipeline)
            #expect(violations.isEmpty, "\(c.document) \(c.extractor): \(violations.prefix(3))")
        }
    }
}
