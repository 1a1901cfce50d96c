import Testing
@testable import DocNorm

/// `tables.page-broken-block`: a 2019 table 二 as pdftotext's default mode
/// reads a Chromium PDF whose first page ends inside （五）: the first page's
/// labels, captions and headers (（五）'s top row right after its headers),
/// its value blocks with the page number among them, then the next page's
/// labels and values in an order of their own. The table is made up; its
/// order is the kind of order that dialect gives.
@Suite struct PageBrokenBlockTests {
    static func value(_ doc: Document, _ row: String, _ column: String) -> String? {
        LabelledColumnTests.value(doc, row, column)
    }

    /// Page 1: 规章 0 0 0 ⏐ 规范性文件 4 2 9 ⏐ 行政许可 7 减3 65; page 2:
    /// 其他对外管理服务事项 12 增1 30, （六） 5 0 8 ⏐ 0 0 0, （八） 2 0,
    /// （九） 6 31.5万元, its cells out of any grid's order (增1 first, 30
    /// after the next section's heading). `pageNumber`: the page-1 footer
    /// among the value blocks.
    static func brokenInsideFive(pageNumber: String? = "-1-") -> String {
        var lines = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "信息内容", "行政许可", "",
                     "第二十条第（一）项", "本年新制作数量 本年新公开数量", "", "对外公开总数量", "",
                     "第二十条第（五）项", "上一年项目数量", "本年增/减", "7", "减3", "", "处理决定数量", "",
                     "0", "4", "", "0", "2", ""]
        if let pageNumber { lines += [pageNumber, ""] }
        lines += ["0", "9", "", "65", "",
                  "其他对外管理服务事项", "信息内容", "行政处罚", "行政强制", "信息内容", "行政事业性收费", "信息内容", "政府集中采购", "",
                  "增1", "第二十条第（六）项", "上一年项目数量", "本年增/减", "12", "", "5", "0", "",
                  "第二十条第（八）项", "上一年项目数量", "2", "第二十条第（九）项", "采购项目数量", "", "0", "0", "", "6", "",
                  "三、收到和处理政府信息公开申请情况", "", "30", "", "处理决定数量", "8", "0", "", "本年增/减", "0",
                  "采购总金额", "31.5万元", "", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The nine values above the break fit 规章, 规范性文件 and 行政许可 in
    /// one way: 7⏎减3 with （五）'s headers is 行政许可's first two cells (減3
    /// signed, under 本年增/减), the runs 0⏎4, 0⏎2, 0⏎9 （一）'s columns left
    /// to right (2 published of 9, not 9 of 2), 65 行政许可's last.
    @Test func theRowsAboveThePageBreakAreReadOnTheirOwn() throws {
        let doc = try document(Self.brokenInsideFive())
        #expect(doc.tables.first?.templateID == "2019-active-disclosure")
        let placed: [(String, String, String)] = [
            ("规章", "本年新制作数量", "0"), ("规章", "本年新公开数量", "0"), ("规章", "对外公开总数量", "0"),
            ("规范性文件", "本年新制作数量", "4"), ("规范性文件", "本年新公开数量", "2"), ("规范性文件", "对外公开总数量", "9"),
            ("行政许可", "上一年项目数量", "7"), ("行政许可", "本年增/减", "减3"), ("行政许可", "处理决定数量", "65")]
        for (row, column, value) in placed { #expect(Self.value(doc, row, column) == value, "\(row) × \(column)") }
        #expect(doc.diagnostics.contains { $0.rule == "tables.page-broken-block" && $0.kind == .repair })
        // No value above the break is reported as fitting no cell.
        #expect(!doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("65") && $0.message.contains("fit no cell") })
    }

    /// Without a line taken out among the values (no page furniture), nothing
    /// says a page break cut the block: the rule takes no part.
    @Test func withoutPageFurnitureTheRuleTakesNoPart() throws {
        let doc = try document(Self.brokenInsideFive(pageNumber: nil))
        #expect(!doc.diagnostics.contains { $0.rule == "tables.page-broken-block" })
    }

    /// `tables.page-broken-rest`: page 1 as `brokenInsideFive`; on page 2
    /// the seven cells of 其他对外管理服务事项 and （六）'s first two columns
    /// as jingyang-xfj-2020's extraction gives them: runs of one or two
    /// values right after the labels, before （六）'s caption and headers
    /// (`rest`, in that order: 1, 1, 2, 2, 1 values), then （八）'s and
    /// （九）'s values after their headers, （六）'s third column and the rest
    /// after the next section's heading.
    static func brokenInsideFive(rest: [String]) -> String {
        let page1 = brokenInsideFive().split(separator: "\n", omittingEmptySubsequences: false)
        let cut = page1.firstIndex(of: "其他对外管理服务事项")!
        var lines = page1[..<cut].map(String.init)
        lines += ["其他对外管理服务事项", "信息内容", "行政处罚", "行政强制", "信息内容", "行政事业性收费", "信息内容", "政府集中采购", "",
                  rest[0], "", rest[1], "", rest[2], rest[3], "", rest[4], rest[5], "", rest[6], "",
                  "第二十条第（六）项", "上一年项目数量", "本年增/减", "第二十条第（八）项", "上一年项目数量", "2",
                  "第二十条第（九）项", "采购项目数量", "6", "",
                  "三、收到和处理政府信息公开申请情况", "", "处理决定数量", "8", "0", "", "本年增/减", "0", "",
                  "采购总金额", "31.5万元", "", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    static let restCells = [("其他对外管理服务事项", "上一年项目数量"), ("其他对外管理服务事项", "本年增/减"), ("其他对外管理服务事项", "处理决定数量"),
                            ("行政处罚", "上一年项目数量"), ("行政处罚", "本年增/减"), ("行政强制", "上一年项目数量"), ("行政强制", "本年增/减")]

    /// Seven zeros for the seven empty cells below the break: whatever
    /// their order, one table.
    @Test func zerosBelowTheBreakFillTheirCells() throws {
        let doc = try document(Self.brokenInsideFive(rest: Array(repeating: "0", count: 7)))
        for (row, column) in Self.restCells { #expect(Self.value(doc, row, column) == "0", "\(row) × \(column)") }
        #expect(Self.value(doc, "行政处罚", "处理决定数量") == "8")
        #expect(doc.diagnostics.contains { $0.rule == "tables.page-broken-rest" && $0.kind == .repair })
        #expect(!doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("fit no cell") })
    }

    /// Three 增2 for the three empty cells under 本年增/减 (a signed value
    /// stands only under the header naming its sign): one table, the zeros
    /// in the other cells.
    @Test func signedValuesGoUnderTheHeaderNamingTheirSign() throws {
        let doc = try document(Self.brokenInsideFive(rest: ["增2", "0", "0", "0", "增2", "增2", "0"]))
        for (row, column) in Self.restCells {
            #expect(Self.value(doc, row, column) == (column == "本年增/减" ? "增2" : "0"), "\(row) × \(column)")
        }
        #expect(doc.diagnostics.contains { $0.rule == "tables.page-broken-rest" })
    }

    /// One 增2 and six zeros: 增2 may stand under any of the three 本年增/减
    /// cells, three tables. Nothing is placed; the values are reported.
    @Test func severalTablesBelowTheBreakPlaceNothing() throws {
        let doc = try document(Self.brokenInsideFive(rest: ["增2", "0", "0", "0", "0", "0", "0"]))
        for (row, column) in Self.restCells { #expect(Self.value(doc, row, column) == nil, "\(row) × \(column)") }
        #expect(!doc.diagnostics.contains { $0.rule == "tables.page-broken-rest" })
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("增2") && $0.message.contains("fit no cell") })
    }
}
