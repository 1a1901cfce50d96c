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
}
