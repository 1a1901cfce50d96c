import Testing
@testable import DocNorm

/// A hard-wrapped column: six full lines of 20 Han characters (40 columns) make the evidence.
let fullLine = String(repeating: "政", count: 20)

func repaired(_ text: String) throws -> [String] {
    let pipelineOutput = try pipeline.run(Array(text.utf8))
    return pipelineOutput.blocks.compactMap {
        switch $0.kind {
        case .paragraph(let t, _), .heading(_, _, let t): return t
        default: return nil
        }
    }
}

@Suite struct LineRepairTests {
    @Test func fullLinesJoinAcrossBlankLinesAndShortLinesEnd() throws {
        let text = (0..<6).map { _ in fullLine }.joined(separator: "\n") + "\n\n" + fullLine + "\n结束。\n下一段。\n"
        #expect(try repaired(text) == [String(repeating: fullLine, count: 7) + "结束。", "下一段。"])
    }

    @Test func numberedNextLineStartsNewParagraph() throws {
        let text = (0..<6).map { _ in fullLine }.joined(separator: "\n") + "\n（二）依申请公开情况。无。\n"
        #expect(try repaired(text).count == 2)
    }

    @Test func sentenceEndBeforeBlankLineEndsParagraph() throws {
        let text = (0..<6).map { _ in fullLine }.joined(separator: "\n") + String(repeating: "政", count: 19) + "。\n\n新段落。\n"
        #expect(try repaired(text).last == "新段落。")
    }

    @Test func oneParagraphPerLineIsNeverJoined() throws {
        let text = "第一段没有换行，长度各不相同的一整段话。\n第二段。\n" + String(repeating: "政", count: 50) + "\n短\n"
        #expect(try repaired(text).count == 4)
    }

    @Test(arguments: ["- 3 -", "第 3 页", "第3页共12页", "3/12", "— 12 —"])
    func pageNumbersRemoved(_ furniture: String) throws {
        #expect(try repaired("正文一。\n\(furniture)\n正文二。\n") == ["正文一。", "正文二。"])
    }

    @Test func loneNumberInsideTextKeptButLastLineNumberDropped() throws {
        #expect(try repaired("正文。\n7\n正文二。\n1\n") == ["正文。", "7", "正文二。"])
    }

    @Test func duplicateConsecutiveHeadingCollapsed() throws {
        #expect(try repaired("一、总体情况\n\n一、总体情况\n正文。\n") == ["一、总体情况", "正文。"])
    }
}

@Suite struct TitleTests {
    @Test func splitTitleJoined() throws {
        let document = try pipeline.run(Array("\n牧野区医疗保障局2024年政府信息公开工作年度报\n告\n\n一、总体情况\n".utf8))
        #expect(document.title == "牧野区医疗保障局2024年政府信息公开工作年度报告")
    }

    @Test func titleWithSpacesAcrossTwoLines() throws {
        let document = try pipeline.run(Array("金寨县医疗保障局 2024 年政府信息公开\n工作年度报告\n".utf8))
        #expect(document.title == "金寨县医疗保障局2024年政府信息公开工作年度报告")
    }

    @Test func noTitleIsInvented() throws {
        let document = try pipeline.run(Array("根据《条例》要求，我局编制了《新洲区医疗保障局2024年政府信息公开工作年度报告》。\n一、总体情况\n".utf8))
        #expect(document.title == nil)
    }
}
