import Testing
@testable import DocNorm

/// `tables.labelled-columns`, bare changes (BareChanges.swift): where a
/// table writes an increase with its sign (增2), a bare number other than 0
/// under 本年增/减 is no change; where one is placed there, it and the
/// column its run may belong to are reported, naming their cells.
///
/// The input is written the way Chromium's PDF read by pdftotext in its
/// default mode gives a 2019 table 二 (the row labels first, then the
/// columns, a blank line at every jump): （五）'s 处理决定数量 148 37 printed
/// after （九）'s 采购项目数量 header and before their own header, （六）'s
/// 本年增/减 0 0 right after that header, the rest after 三's heading.
@Suite struct BareChangeTests {
    static func table(change: String) -> String {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "信息内容", "行政许可", "其他对外管理服务事项",
                     "信息内容", "行政处罚", "行政强制", "信息内容", "行政事业性收费", "信息内容", "政府集中采购", "",
                     "第二十条第（一）项", "本年新制作数量 本年新公开数量", "1", "0", "", "对外公开总数量", "", "1", "0", "", "5", "3", "",
                     "第二十条第（五）项", "上一年项目数量", "本年增/减", "7", change, "12", "0",
                     "第二十条第（六）项", "上一年项目数量", "本年增/减", "3", "1", "",
                     "第二十条第（八）项", "上一年项目数量", "2", "第二十条第（九）项", "采购项目数量", "",
                     "148", "37", "", "处理决定数量", "", "0", "0", "", "4", "",
                     "三、收到和处理政府信息公开申请情况", "-2-", "", "处理决定数量", "", "9", "2", "",
                     "本年增/减", "0", "", "采购总金额", "23.5", "", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as its author wrote it: each cell (row, column) and value.
    static let gold: [(row: String, column: String, value: String)] = [
        ("规章", "本年新制作数量", "1"), ("规章", "本年新公开数量", "1"), ("规章", "对外公开总数量", "5"),
        ("规范性文件", "本年新制作数量", "0"), ("规范性文件", "本年新公开数量", "0"), ("规范性文件", "对外公开总数量", "3"),
        ("行政许可", "上一年项目数量", "7"), ("行政许可", "本年增/减", "增2"), ("行政许可", "处理决定数量", "148"),
        ("其他对外管理服务事项", "上一年项目数量", "12"), ("其他对外管理服务事项", "本年增/减", "0"),
        ("其他对外管理服务事项", "处理决定数量", "37"),
        ("行政处罚", "上一年项目数量", "3"), ("行政处罚", "本年增/减", "0"), ("行政处罚", "处理决定数量", "9"),
        ("行政强制", "上一年项目数量", "1"), ("行政强制", "本年增/减", "0"), ("行政强制", "处理决定数量", "2"),
        ("行政事业性收费", "上一年项目数量", "2"), ("行政事业性收费", "本年增/减", "0"),
        ("政府集中采购", "采购项目数量", "4"), ("政府集中采购", "采购总金额", "23.5"),
    ]

    static func value(_ doc: Document, _ row: String, _ column: String) -> String? {
        doc.tables.flatMap(\.records).first { $0.row.last == row && $0.column.last == column }?.value
    }

    /// Whether a suspicion or a missing value names the cell (as `eval`
    /// counts a value flagged).
    static func flagged(_ doc: Document, _ row: String, _ column: String) -> Bool {
        doc.diagnostics.contains { d in
            d.kind != .repair && d.cells?.row?.last == row && (d.cells?.column == nil || d.cells?.column?.last == column)
        }
    }

    /// 增2 shows the table writes its increases signed: every cell holds
    /// its value or is flagged, and no right value is flagged by the rule.
    @Test func everyValueRightOrFlaggedWhereAnIncreaseIsSigned() throws {
        let doc = try document(Self.table(change: "增2"))
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        for cell in Self.gold {
            let value = Self.value(doc, cell.row, cell.column)
            #expect(value == cell.value || Self.flagged(doc, cell.row, cell.column),
                    "\(cell.row) × \(cell.column): \(value ?? "nil") unflagged, gold \(cell.value)")
            if value == cell.value {
                #expect(!doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion
                    && $0.cells?.row?.last == cell.row && $0.cells?.column?.last == cell.column },
                        "\(cell.row) × \(cell.column): right, flagged")
            }
        }
    }

    /// 增2 shows the table writes its increases signed, so 148 37 are not
    /// （六）'s 本年增/减: the run printed right before （五）'s 处理决定数量 is
    /// that column, 0 0 after it （六）'s 本年增/减, in the table's one
    /// reading. Every cell holds its author's value.
    @Test func theRunBeforeItsHeaderIsThatColumnWhereAnIncreaseIsSigned() throws {
        let doc = try document(Self.table(change: "增2"))
        for cell in Self.gold {
            #expect(Self.value(doc, cell.row, cell.column) == cell.value,
                    "\(cell.row) × \(cell.column): \(Self.value(doc, cell.row, cell.column) ?? "nil"), gold \(cell.value)")
        }
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair
            && $0.message.contains("left for the one reading") })
    }

    /// Where the table signs only a decrease (减2), a bare number may be an
    /// increase: nothing is reported as a bare change.
    @Test func aBareChangeIsNoDoubtWhereOnlyADecreaseIsSigned() throws {
        let doc = try document(Self.table(change: "减2"))
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(!doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion && $0.cells != nil })
    }
}
