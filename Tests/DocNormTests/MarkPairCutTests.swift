import Testing
@testable import DocNorm

/// `lines.join-mark-pair`: Chromium draws the second of two adjacent
/// full-width marks half an em back, and pdftotext -raw starts a new line
/// there; pieces that together measure the column (40 here) are one line.
@Suite struct MarkPairCutTests {
    /// 24 + 14 columns, cut at 》（, before a line the joined line wraps into.
    let cut = "根据《政府信息公开条例》\n（以下简称《条\n例》）要求，编制本报告。\n"

    @Test func piecesThatMeasureTheColumnAreOneLine() throws {
        let text = column + "结束。\n" + cut
        #expect(try repaired(text).last == "根据《政府信息公开条例》（以下简称《条例》）要求，编制本报告。")
        let document = try document(text, tracing: true)
        #expect(document.trace.contains { $0.rule == "lines.join-mark-pair" && $0.after == "根据《政府信息公开条例》（以下简称《条" })
        // The paragraph's source lines reach its last piece's.
        let lastBlock = document.blocks.last
        #expect(lastBlock?.lines == 8...10)
    }

    /// Three pieces (…（试行）⏎〉的通知》⏎（国办…) are one line too.
    @Test func aRunOfPiecesIsOneLine() throws {
        let text = column + "结束。\n" + "关于印发《报告格式（试行）\n〉的通知》\n（国办公开\n办函）要求，编制本报告。\n"
        #expect(try repaired(text).last == "关于印发《报告格式（试行）〉的通知》（国办公开办函）要求，编制本报告。")
    }

    /// A sentence that goes on in its paragraph after a full stop
    /// (…处理费。⏎《条例》第五十条…) is cut so too.
    @Test func aSentenceAfterAFullStopGoesOn() throws {
        let text = column + "结束。\n" + String(repeating: "政", count: 10) + "。\n《条例》第五十条规定\n的考核结果已公开。\n"
        #expect(try repaired(text).last == String(repeating: "政", count: 10) + "。《条例》第五十条规定的考核结果已公开。")
    }

    /// A paragraph's last line and the numbered heading after it measure
    /// the column together, and stay apart; so do pieces short of it.
    @Test func aHeadingAfterAFullStopAndShortPiecesStayApart() throws {
        let heading = column + "结束。\n" + String(repeating: "政", count: 14) + "。\n（二）依申请公开\n" + fullLine + "\n结束。\n"
        #expect(try repaired(heading).contains("（二）依申请公开"))
        #expect(try !document(heading, tracing: true).trace.contains { $0.rule == "lines.join-mark-pair" })
        let short = column + "结束。\n根据《条例》\n（以下简称）编制。\n"
        #expect(try repaired(short).last == "（以下简称）编制。")
    }
}
