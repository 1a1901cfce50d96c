import Testing
@testable import DocNorm

/// `tables.leftover-numbers`: table 三 read by its column boxes
/// (`tables.header-runs`, most cells left empty) with some of its boxes
/// printed after table 四's heading and anchor, before 四's own header and
/// values, as pdfminer prints a LibreOffice PDF (chengling-jtysj-2024,
/// dongchuan-slt-2025). The inputs are written by hand after pdfminer's
/// output; the expected values are read off the layout.
@Suite struct LeftoverNumbersTests {
    /// Table 三 as `HeaderRunTests` has it: rows 一, 二 and （一） placed by
    /// its header boxes, the rest of its cells left empty.
    static let applications = HeaderRunTests.text(headers: [
        "自", "然", "人", "31", "2", "8", "", "商业", "企业", "2", "0", "0", "",
        "申请人情况", "法人或其他组织", "社会公益", "组织", "0", "0", "0", "", "科研", "机构", "0", "0", "0", "",
        "法律服务", "机构", "3", "0", "1", "", "总", "计", "", "其", "他", "0 36", "2", "0", "0", "9", ""])
        .split(separator: "\n", omittingEmptySubsequences: false)
        .prefix { $0 != "四、政府信息公开行政复议、行政诉讼情况" }.joined(separator: "\n") + "\n"

    /// Table 三's leftover boxes, then table 四's header pieces each with
    /// the values under it, as pdfminer prints them.
    static func text(leftovers: [String], header: Bool = true) -> String {
        let values: [String] = header
            ? ["结果", "维持", "", "结果", "纠正", "", "其他", "结果", "", "尚未", "审结", "", "2", "", "1", "", "0", "", "0", "",
               "总", "计", "", "3", "", "未经复议直接起诉", "", "复议后起诉", "",
               "结果", "维持", "1", "", "结果", "纠正", "0", "", "其他", "结果", "0", "", "尚未", "审结", "1", "", "总", "计", "2", "",
               "结果", "维持", "0", "", "结果", "纠正", "0", "", "其他", "结果", "0", "", "尚未", "审结", "0", "", "总", "计", "0", ""]
            : ["2", "1", "0", "0", "3", "1", "0", "0", "1", "2", "0", "0", "0", "0", "0", ""]
        let lines = ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "", "行政诉讼", ""]
            + leftovers.flatMap { [$0, ""] } + values
            + ["五、存在的主要问题及改进情况", "", "本年度我局政府信息公开工作仍存在一些不足。", ""]
        return applications + lines.joined(separator: "\n")
    }

    static let leftovers = ["1", "0", "0", "0", "0", "0", "0", "0", "21", "0", "1", "0", "0", "0", "4", "1", "5", "2", "0", "1",
                            "0", "0", "0", "0", "2", "0", "0", "4", "1", "0", "0", "0", "2", "2 100", "4", "0"]

    @Test func tableFourIsReadPastTableThreesLeftovers() throws {
        let doc = try document(Self.text(leftovers: Self.leftovers))
        let table = try #require(doc.tables.first { $0.templateID == "2021-review-litigation" })
        #expect(table.records.map(\.value) == ["2", "1", "0", "0", "3", "1", "0", "0", "1", "2", "0", "0", "0", "0", "0"])
        #expect(doc.diagnostics.contains { $0.rule == "tables.leftover-numbers" && $0.kind == .repair })
        // The numbers set apart are reported as table 三's, not placed.
        #expect(doc.diagnostics.contains { $0.rule == "tables.leftover-numbers" && $0.kind == .suspicion
                && $0.message.contains("table 2021-applications") && $0.message.contains("2 100 4 0") })
        #expect(!doc.diagnostics.contains { $0.rule == "tables.missing" })
        // Table 三 is read as before.
        #expect(HeaderRunTests.value(doc, "一、本年新收政府信息公开申请数量", "总计") == "36")
        let once = try canonical(Array(Self.text(leftovers: Self.leftovers).utf8))
        #expect(once.contains("\n2\t1\t0\t0\t3\t1\t0\t0\t1\t2\t0\t0\t0\t0\t0\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// Without table 四's header between the leftovers and its values
    /// nothing says where table 三's numbers end: table 四 stays unread
    /// and reported, no value guessed.
    @Test func withoutItsHeaderPiecesTableFourIsNotRead() throws {
        let doc = try document(Self.text(leftovers: Self.leftovers, header: false))
        #expect(doc.tables.first { $0.templateID == "2021-review-litigation" }?.records.isEmpty ?? true)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.leftover-numbers" && $0.kind == .repair })
        #expect(doc.diagnostics.contains { $0.rule == "tables.missing" || $0.rule == "tables.unplaced" || $0.rule == "tables.reading-order" })
    }

    /// More leftovers than table 三 has empty cells (154) are not its leftovers.
    @Test func noMoreLeftoversThanEmptyCells() throws {
        let many = Array(repeating: "0", count: 155)
        let doc = try document(Self.text(leftovers: many))
        #expect(doc.tables.first { $0.templateID == "2021-review-litigation" }?.records.isEmpty ?? true)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.leftover-numbers" && $0.kind == .repair })
    }
}
