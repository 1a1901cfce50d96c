import Testing
@testable import DocNorm

/// `tables.interleaved-heading` (InterleavedHeadings.swift): a section
/// heading drawn inside a table's run goes after the run's last piece when
/// the values with that piece make the table whole. Its evidence is the count
/// of the raw values between the table's anchor and the heading, so it is
/// asked of a table not yet read, never of one already written as its grid.
@Suite struct InterleavedHeadingTests {
    /// pdftotext -raw of a damaged 2019 table 二 (the shape of fuzz item 37):
    /// the first run reads it by its labels (`tables.labelled-columns`), drops
    /// 减2, which fits no cell (reported), writes the 2019 grid and leaves
    /// 2 减1 19 4126.8万元 as text before the heading. It counted seven values
    /// before the heading, and with the four after it no template's cells
    /// (2019: 22, 2021: 10), so the heading stayed. Read again, the grid's
    /// 3 and 17 and the four lines made six, and with the four after the
    /// heading 2021's ten cells: the heading moved on the second run. A grid
    /// row's anchor opens no table for the rule: where the headings go was
    /// decided by the run that read the table.
    static let tableTwoWithADroppedValue = [
        "二、主动公开政府信息情况", "第二十条第（一）项", "本年新制作数量", "3", "17", "上一年项目数量", "减2",
        "第二十条第（八）项", "2", "减1", "19", "4126.8万元",
        "三、收到和处理政府信息公开申请情况", "42", "5", "减2", "862.47", "本年共收到政府信息公开申请42件。",
    ].joined(separator: "\n") + "\n"

    @Test func aTableWrittenAsItsGridOpensNoRunForTheNextHeading() throws {
        let first = try document(Self.tableTwoWithADroppedValue, tracing: true)
        #expect(first.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(first.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("减2") })
        #expect(!first.trace.contains { $0.rule == "tables.interleaved-heading" })
        let once = TextRenderer.render(first)
        #expect(once.contains("\n4126.8万元\n\n三、收到和处理政府信息公开申请情况\n\n42\n"))
        let second = try document(once, tracing: true)
        #expect(!second.trace.contains { $0.rule == "tables.interleaved-heading" })
        #expect(TextRenderer.render(second) == once)
        #expect(Guarantees.check(Array(Self.tableTwoWithADroppedValue.utf8), pipeline: pipeline).isEmpty)
    }
}
