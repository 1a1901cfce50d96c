import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// Stage 3: a match that reaches over the opening line of another copy of
/// its table, after values, reads two tables as one and is not kept
/// (`TableRecognizer.reachesAnotherOpening`, fuzz item 28).
@Suite struct TableCopyOpeningTests {
    static let template = pipeline.tables.rules.templates.firstIndex { $0.id == "2019-applications" }!
    static let note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

    static func lines(_ texts: [String]) -> [SourceLine] {
        texts.enumerated().map { SourceLine(number: $0 + 1, text: $1) }
    }

    /// Values, then the table's opening line: another copy starts there.
    /// The opening after header cells only (w3m puts 申请人情况 above the
    /// note) is the same table's.
    @Test func theOpeningLineAfterValuesIsAnotherCopys() {
        let tables = pipeline.tables
        let copy = Self.lines(["申请人情况", "或其他组织", "0 0 0", "一、总体情况", "\t" + Self.note, "申请人情况"])
        #expect(tables.reachesAnotherOpening(copy, after: 0, through: 5, template: Self.template))
        #expect(!tables.reachesAnotherOpening(copy, after: 0, through: 3, template: Self.template))
        let w3m = Self.lines(["申请人情况", Self.note, "自然人", "0 0 0", "二、上年结转政府信息公开申请数量 0 0 0"])
        #expect(!tables.reachesAnotherOpening(w3m, after: 0, through: 4, template: Self.template))
    }

    /// Fuzz run 42 (`damaged-table-note-takes-the-header-on-second-run-min.bin`):
    /// the first run's output, as a second run's stage 3 reads it, holds a
    /// stray 申请人情况 before prose, two section headings and the clean
    /// table 三. The match at that 申请人情况 read up to the grid's rows and
    /// was kept (the section headings and prose dropped as stray text); the
    /// table is read at its own opening, as the first run read it.
    @Test func aStrayHeaderCellDoesNotTakeTheTableAfterIt() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz-regressions")
        let bytes = [UInt8](FileManager.default.contents(
            atPath: folder.appendingPathComponent("damaged-table-note-takes-the-header-on-second-run-min.bin").path) ?? Data())
        let once = TextRenderer.render(try pipeline.run(bytes))
        let lines = Self.lines(once.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(lines.contains { $0.text == "申请人情况" })
        let regions = pipeline.tables.recognize(lines, context: PipelineContext(tracing: false))
        let first = try #require(regions.first)
        #expect(lines[first.lines.lowerBound].text.hasPrefix("（本列数据的勾稽关系"), "\(lines[first.lines.lowerBound].text)")
    }
}
