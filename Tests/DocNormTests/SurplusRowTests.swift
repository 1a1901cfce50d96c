import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// `structure.surplus-row` (SurplusRow.swift): a row whose label OCR lost
/// whole, its values kept, read as the row before's surplus. The input is
/// held-out hengzhou-city-2022's Tesseract text, table 三 (its gold in
/// records.jsonl).
@Suite struct SurplusRowTests {
    static func values(_ doc: Document, _ row: String) -> [String] {
        doc.tables.filter { $0.templateID == "2021-applications" }.flatMap(\.records).filter { $0.row.last == row }.map(\.value)
    }

    /// The extraction's text with `target` (which it holds once) replaced.
    static func text(_ target: String = "\n\n", with replacement: String = "\n\n") throws -> String {
        let url = repositoryRoot.appendingPathComponent("Corpus/holdout/hengzhou-city-2022/extracted/ocr-tesseract.txt")
        let text = String(decoding: try #require(FileManager.default.contents(atPath: url.path)), as: UTF8.self)
        guard target != "\n\n" else { return text }
        try #require(text.components(separatedBy: target).count == 2)
        return text.replacingFirst(target, with: replacement)
    }

    /// `5 | 2 |o 0 1 0 8` (3.危及“三安全一稳定”, its label lost) after
    /// 2.其他法律…'s `12 4 1 1 3 2 | 23`, and `4 1 0 0 0 1 6` (3.要求提供公开
    /// 出版物) after 2.重复申请's `27 6 1 2 3 2 | 41`: each row before adds
    /// up on its own, the seven over add up as a row (5+2+0+0+1+0 = 8,
    /// 4+1+0+0+0+1 = 6). Main kept them as surplus (flagged) and left the
    /// restored row empty, or gave it the row after's values read past
    /// that row's label head (9 2 0 0 1 1 13, 4.无正当理由's, left empty).
    @Test func aLostLabelsValuesReadAsSurplusAreItsRowsWhenTheyAddUp() throws {
        let input = try Self.text()
        let doc = try document(input, tracing: true)
        #expect(Self.values(doc, "3.危及“三安全一稳定”") == ["5", "2", "0", "0", "1", "0", "8"])
        #expect(Self.values(doc, "2.其他法律行政法规禁止公开") == ["12", "4", "1", "1", "3", "2", "23"])
        #expect(Self.values(doc, "3.要求提供公开出版物") == ["4", "1", "0", "0", "0", "1", "6"])
        #expect(Self.values(doc, "4.无正当理由大量反复申请") == ["9", "2", "0", "0", "1", "1", "13"])
        #expect(!doc.diagnostics.contains { $0.rule == "structure.surplus-value" })
        let repairs = doc.diagnostics.filter { $0.rule == "structure.surplus-row" }
        #expect(repairs.count == 2 && repairs.allSatisfy { $0.kind == .repair })
        #expect(doc.trace.filter { $0.rule == "structure.surplus-row" }.map(\.after) == ["3.危及“三安全一稳定”", "3.要求提供公开出版物"])
        // The label is still restored, and flagged so.
        #expect(doc.diagnostics.contains { $0.rule == "structure.label-restored" && $0.cells?.row?.last == "3.危及“三安全一稳定”" })
        #expect(Guarantees.check(Array(input.utf8), pipeline: pipeline).isEmpty)
        let once = try canonical(Array(input.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// Values over that do not add up as the row (8 misread 9), or a row
    /// before that does not add up on its own (23 misread 28), stay that
    /// row's surplus, flagged.
    @Test(arguments: [(" 5 | 2 |o  0   1  0 8\n", " 5 | 2 |o  0   1  0 9\n"),
                      ("政法规禁止公| 12   4   1    1    3   2 | 23\n", "政法规禁止公| 12   4   1    1    3   2 | 28\n")])
    func valuesOverThatDoNotAddUpStayASurplus(target: String, replacement: String) throws {
        let doc = try document(try Self.text(target, with: replacement))
        #expect(Self.values(doc, "3.危及“三安全一稳定”").isEmpty)
        #expect(doc.diagnostics.contains { $0.rule == "structure.surplus-value" && $0.cells?.row?.last == "2.其他法律行政法规禁止公开" })
        #expect(doc.diagnostics.filter { $0.rule == "structure.surplus-row" }.count == 1)
    }
}
