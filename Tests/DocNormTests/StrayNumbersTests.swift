import Testing
@testable import DocNorm

/// `tables.leftover-numbers` between two tables: a table left with value
/// cells empty, then a section heading and numbers standing alone as
/// paragraphs before the next table, as Chromium pdfminer prints a 2019
/// table 二's last column after heading 三. The inputs are written by hand;
/// the numbers are reported as the table before's leftovers, not placed.
@Suite struct StrayNumbersTests {
    /// Table 二 with block （一）'s first two columns left empty (read row by
    /// row and column by column they differ, `LabelledColumnTests`), then
    /// `between`, then heading 四 and table 四 as a grid.
    static func text(between: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "行政规范性文件", "",
                     "第二十条第（一）项", "本年制发件数", "本年废止件数", "0", "0", "5", "4",
                     "现行有效件数", "0", "22"] + LabelledColumnTests.smallBlocks
            + ["", "三、收到和处理政府信息公开申请情况", ""] + between
            + ["", "四、政府信息公开行政复议、行政诉讼情况", "",
               "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t",
               "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
               "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
               "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0", "",
               "五、存在的主要问题及改进情况", "", "工作仍有不足。"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func strays(_ doc: Document) -> [Diagnostic] {
        doc.diagnostics.filter { $0.rule == "tables.leftover-numbers" && $0.kind == .suspicion }
    }

    @Test func loneNumbersAfterTheNextHeadingAreReported() throws {
        let doc = try document(Self.text(between: ["3", "", "1"]), tracing: true)
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure", "2021-review-litigation"])
        let found = Self.strays(doc)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("number(s) 3 1 ") == true)
        #expect(found.first?.message.contains("table 2021-active-disclosure, whose 4 empty cell(s)") == true)
        // Not placed: the empty cells stay empty, the numbers stay text.
        #expect(LabelledColumnTests.value(doc, "规章", "本年制发件数") == nil)
        let once = try canonical(Array(Self.text(between: ["3", "", "1"]).utf8))
        #expect(once.contains("\n三、收到和处理政府信息公开申请情况\n\n3\n\n1\n"))
    }

    /// Prose in the stretch: the numbers may be the section's own.
    @Test func notWhereTheStretchHoldsProse() throws {
        let doc = try document(Self.text(between: ["3", "", "全年无申请。", "", "1"]))
        #expect(Self.strays(doc).isEmpty)
    }

    /// More numbers than the table before has empty cells are not its leftovers.
    @Test func notMoreThanTheEmptyCells() throws {
        let doc = try document(Self.text(between: ["3", "", "1", "", "2", "", "0", "", "7"]))
        #expect(Self.strays(doc).isEmpty)
    }
}
