import Testing
@testable import DocNorm

/// `lines.join-open-quote`: OCR's paragraph cut at a page break inside an
/// open quotation (held-out shuchuan-wjw-2020 五: …发布“双人 ⏎⏎ -4- ⏎⏎
/// 复核”制度，…), joined only in a document that reads as OCR.
@Suite struct OCRQuoteBreakTests {
    /// A wrapped column, then a paragraph cut at a page break inside “…”;
    /// `sign`: a line with a misreading stage 1c repairs (5一10 → 5—10) or
    /// not. The cut line falls short of the column (a full one is a wrap
    /// whatever the marks say).
    func document(sign: Bool, cut: String = "2021年，我委将建立“双人", rest: String = "复核”制度，全年审核信息86条。") -> String {
        (0..<6).map { _ in fullLine }.joined(separator: "\n")
            + "\n本机关" + (sign ? "在5一10个工作日内" : "按期") + "答复。\n\n" + cut + "\n\n-4-\n\n\u{0C}" + rest + "\n"
    }

    @Test func quotationCutAtAPageBreakJoinsInOCR() throws {
        let paragraphs = try repaired(document(sign: true))
        #expect(paragraphs.last == "2021年，我委将建立“双人复核”制度，全年审核信息86条。")
        let doc = try pipeline.run(Array(document(sign: true).utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "lines.join-open-quote" })
    }

    @Test(arguments: [
        ("我局印发《政府信息公开", "保密审查办法》，全年审核信息86条。"),
        ("全年审核信息86条（其中主动", "公开52条），均按期完成。"),
    ])
    func titleOrParenthesisCutAtAPageBreakJoinsInOCR(_ cut: String, _ rest: String) throws {
        #expect(try repaired(document(sign: true, cut: cut, rest: rest)).last == cut + rest)
    }

    /// A text layer is not read so: its page's lines are left as they are.
    @Test func textLayerKeepsTheBreak() throws {
        let paragraphs = try repaired(document(sign: false))
        #expect(Array(paragraphs.suffix(2)) == ["2021年，我委将建立“双人", "复核”制度，全年审核信息86条。"])
    }

    @Test(arguments: [
        // A table's label cut in its cell: no running text in either.
        ("3.危及“三安全", "一稳定”"),
        // The next block opens a quotation of its own first.
        ("2021年，我委将建立“双人", "“复核”制度，全年审核信息86条。"),
        // A numbered line opens a section of its own.
        ("2021年，我委将建立“双人", "（二）复核”制度，全年审核信息86条。"),
        // Nothing open.
        ("2021年，我委将建立“双人”", "复核”制度，全年审核信息86条。"),
    ])
    func otherBreaksStay(_ cut: String, _ rest: String) throws {
        let paragraphs = try repaired(document(sign: true, cut: cut, rest: rest))
        #expect(!paragraphs.contains { $0.contains(cut + rest) })
    }
}
