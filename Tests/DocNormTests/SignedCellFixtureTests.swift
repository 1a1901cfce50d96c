import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// Golden cases of Tests/Fixtures/signed-cells (its README): LibreOffice
/// PDFs of a 2019 report whose table 二 changes were typed full-width, read
/// by pdftotext -raw, which draws those cells after the row's others. The
/// expectations are the hand-written gold and records.
@Suite struct SignedCellFixtureTests {
    static let root = repositoryRoot.appendingPathComponent("Tests/Fixtures/signed-cells")

    static func score(_ name: String) throws -> QualityReport.Score {
        let c = try #require(try QualityReport.cases(in: root).first { $0.document == name })
        return QualityReport.score(c, pipeline: pipeline, rawEdits: false)
    }

    /// ＋2 －3 … each drawn last: every one under 本年增/减, the output its gold.
    @Test func fullWidthSignsDrawnLastGiveTheGold() throws {
        let score = try Self.score("liping-fullwidth-signs")
        #expect(score.exact)
        #expect(score.valuesRight == score.goldValues)
    }

    /// ０ drawn last beside a ＋2 drawn last: no value wrong unflagged; the
    /// twelve cells of （五） and （六） (a row of each holding a bare 0)
    /// are reported, every other value right.
    @Test func fullWidthZerosDrawnLastAreFlagged() throws {
        let score = try Self.score("liping-fullwidth-zeros")
        #expect(score.unflagged.isEmpty, "\(score.unflagged)")
        #expect(score.valuesRight == score.goldValues - 12)
    }

    /// Every change a ０ drawn last, no signed cell to show it: no value
    /// wrong unflagged; the eight cells of （五） and （六） from 本年增/减 on
    /// are reported, every other value right (38 16 142 24 among them).
    @Test func onlyFullWidthZerosDrawnLastAreFlagged() throws {
        let score = try Self.score("liping-fullwidth-zeros-only")
        #expect(score.unflagged.isEmpty, "\(score.unflagged)")
        #expect(score.valuesRight == score.goldValues - 8)
    }
}
