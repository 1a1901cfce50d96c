import Testing
@testable import DocNorm

/// `tables.diagonal-runs`: a 2019 table 二 as pdftotext's default mode reads
/// a Chromium PDF whose value cells stand apart from the header lines: the
/// label column, every header, then each column of each block as a run of
/// its own, by anti-diagonals of the grid (column index plus block index),
/// in an order inside one anti-diagonal that the widths of the numbers
/// decide. The tables here are made up; their order is the kind of order
/// that dialect gives.
@Suite struct DiagonalRunsTests {
    static func value(_ doc: Document, _ row: String, _ column: String) -> String? {
        LabelledColumnTests.value(doc, row, column)
    }

    static let labels = ["信息内容", "规章", "规范性文件", "信息内容", "行政许可", "其他对外管理服务事项", "信息内容", "行政处罚", "行政强制",
                         "信息内容", "行政事业性收费", "信息内容", "政府集中采购", ""]

    /// One page: every header, then the runs. `runs`: the runs of （一）
    /// （五）（六）, each a column of a block, between blank lines.
    static func onePage(_ runs: [[String]]) -> String {
        var lines = ["二、主动公开政府信息情况"] + labels
            + ["第二十条第（一）项", "本年新制作数量", "", "本年新公开数量", "", "对外公开总数量", "", "第二十条第（五）项", "上一年项目数量", "本年增/减", "",
               "处理决定数量", "", "第二十条第（六）项", "上一年项目数量", "本年增/减", "", "处理决定数量", ""]
        for (k, run) in runs.enumerated() {
            lines += run + [""]
            // （八）'s and （九）'s first column, each after its header, in
            // the middle of the runs (where its block stands on the page).
            if k == 5 { lines += ["第二十条第（八）项", "上一年项目数量", "3", "第二十条第（九）项", "采购项目数量", "8", ""] }
        }
        lines += ["本年增/减", "0", "", "采购总金额", "57.4万元", "", "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// 规章 0 0 0 ⏐ 规范性文件 5 5 40; 行政许可 31 增2 917 ⏐ 其他 6 减1 88;
    /// 行政处罚 9 0 27 ⏐ 行政强制 45 0 3, read by anti-diagonals: （一）'s
    /// first column; （一）'s second, （五）'s first; （一）'s third, （五）'s
    /// second, （六）'s first; （五）'s third, （六）'s second; （六）'s third.
    static let byDiagonals = [["0", "5"], ["0", "5"], ["31", "6"], ["0", "40"], ["增2", "减1"], ["9", "45"],
                              ["917", "88"], ["0", "0"], ["27", "3"]]

    /// Every reading that keeps the drawing order leaves 917 88 and 0 0 to
    /// trade places, and 31 6 and 0 5, 0 40 and 9 45; by anti-diagonals
    /// with the signed column's kind, 0 0 is （六）'s 本年增/减 (917 is no
    /// change without a sign), 917 88 （五）'s 处理决定数量; with the bound
    /// 本年新公开数量 ≤ 对外公开总数量, 0 5 is （一）'s 本年新公开数量 (31 6
    /// exceeds both runs that could be 对外公开总数量) and 31 6 （五）'s
    /// 上一年项目数量; 0 40 and 9 45, one anti-diagonal, both unsigned, both
    /// above 0 5, still trade places: their cells stay empty, reported.
    @Test func runsByAntiDiagonalsPlaceTheCellsTheyAgreeOn() throws {
        let doc = try document(Self.onePage(Self.byDiagonals))
        #expect(doc.tables.first?.templateID == "2019-active-disclosure")
        let placed: [(String, String, String)] = [
            ("规章", "本年新制作数量", "0"), ("规范性文件", "本年新制作数量", "5"),
            ("规章", "本年新公开数量", "0"), ("规范性文件", "本年新公开数量", "5"),
            ("行政许可", "上一年项目数量", "31"), ("其他对外管理服务事项", "上一年项目数量", "6"),
            ("行政许可", "本年增/减", "增2"), ("其他对外管理服务事项", "本年增/减", "减1"),
            ("行政许可", "处理决定数量", "917"), ("其他对外管理服务事项", "处理决定数量", "88"),
            ("行政处罚", "本年增/减", "0"), ("行政强制", "本年增/减", "0"),
            ("行政处罚", "处理决定数量", "27"), ("行政强制", "处理决定数量", "3"),
            ("行政事业性收费", "上一年项目数量", "3"), ("行政事业性收费", "本年增/减", "0"),
            ("政府集中采购", "采购项目数量", "8"), ("政府集中采购", "采购总金额", "57.4万元")]
        for (row, column, value) in placed { #expect(Self.value(doc, row, column) == value, "\(row) × \(column)") }
        let inDoubt: [(String, String)] = [
            ("规章", "对外公开总数量"), ("规范性文件", "对外公开总数量"), ("行政处罚", "上一年项目数量"), ("行政强制", "上一年项目数量")]
        for (row, column) in inDoubt { #expect(Self.value(doc, row, column) == nil, "\(row) × \(column)") }
        #expect(doc.diagnostics.contains { $0.rule == "tables.diagonal-runs" && $0.kind == .repair })
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("9 45")
            && $0.message.contains("differs between the readings") })
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "行政强制" })
    }

    /// The same table, （一）'s second column equal to （五）'s first (0 6),
    /// （一）'s third to （六）'s first (0 40): the runs that trade places in
    /// one anti-diagonal give one table, and every cell is placed.
    @Test func oneTableByAntiDiagonalsIsPlacedWhole() throws {
        var runs = Self.byDiagonals
        (runs[1], runs[2], runs[3], runs[5]) = (["0", "6"], ["0", "6"], ["0", "40"], ["0", "40"])
        let doc = try document(Self.onePage(runs))
        let placed: [(String, String, String)] = [
            ("规范性文件", "本年新公开数量", "6"), ("其他对外管理服务事项", "上一年项目数量", "6"),
            ("规范性文件", "对外公开总数量", "40"), ("行政强制", "上一年项目数量", "40"),
            ("行政许可", "处理决定数量", "917"), ("行政处罚", "本年增/减", "0"), ("行政强制", "处理决定数量", "3")]
        for (row, column, value) in placed { #expect(Self.value(doc, row, column) == value, "\(row) × \(column)") }
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
        #expect(doc.diagnostics.contains { $0.rule == "tables.diagonal-runs" })
    }

    /// 规章 0 0 0 ⏐ 规范性文件 0 0 0; 行政许可 4 +1 1386 ⏐ 其他 2 0 46;
    /// 行政处罚 6 -2 213 ⏐ 行政强制 2 0 38 by anti-diagonals (qushui-ycj-2020's
    /// Chromium PDF through pdftotext's default mode). Besides this table,
    /// the drawing order, the signed column's kind and 本年新公开数量 ≤
    /// 对外公开总数量 leave the one where 4 2 is （一）'s 本年新公开数量, 6 2
    /// its 对外公开总数量 and 0 0 （五）'s and （六）'s 上一年项目数量: there
    /// 行政处罚 would keep 0 - 2 items this year. The bound 0 ≤ 上一年项目数量
    /// + 本年增/减 leaves one table, placed whole, with a change written
    /// with a Han sign (减2) as with an ASCII one.
    @Test(arguments: [("+1", "-2"), ("增1", "减2")])
    func aChangeThatLeavesFewerThanNoItemsRulesOutAReading(increase: String, decrease: String) throws {
        let runs = [["0", "0"], ["0", "0"], ["4", "2"], ["0", "0"], [increase, "0"], ["6", "2"],
                    ["1386", "46"], [decrease, "0"], ["213", "38"]]
        let doc = try document(Self.onePage(runs))
        #expect(doc.tables.first?.templateID == "2019-active-disclosure")
        let placed: [(String, String, String)] = [
            ("规章", "本年新公开数量", "0"), ("规范性文件", "对外公开总数量", "0"),
            ("行政许可", "上一年项目数量", "4"), ("其他对外管理服务事项", "上一年项目数量", "2"),
            ("行政许可", "本年增/减", increase), ("行政许可", "处理决定数量", "1386"),
            ("行政处罚", "上一年项目数量", "6"), ("行政强制", "上一年项目数量", "2"),
            ("行政处罚", "本年增/减", decrease), ("行政处罚", "处理决定数量", "213")]
        for (row, column, value) in placed { #expect(Self.value(doc, row, column) == value, "\(row) × \(column)") }
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.bound" })
    }

    /// The runs column after column (（一）（五）（六）'s first, then their
    /// second, then their third): an order a grid's drawing order allows,
    /// but not by anti-diagonals (0 40 and 917 88, both unsigned and not
    /// zero, would be one （五）'s third column and the other （六）'s
    /// change): no reading keeps it, and the rule takes no part.
    @Test func runsOutOfTheAntiDiagonalOrderAreNotReadByIt() throws {
        let b = Self.byDiagonals
        let doc = try document(Self.onePage([b[0], b[2], b[5], b[1], b[4], b[7], b[3], b[6], b[8]]))
        #expect(doc.tables.first?.templateID == "2019-active-disclosure")
        #expect(!doc.diagnostics.contains { $0.rule == "tables.diagonal-runs" })
    }
}
