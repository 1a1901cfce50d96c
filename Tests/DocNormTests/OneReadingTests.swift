import Testing
@testable import DocNorm

/// `tables.labelled-columns`, the one reading, on what pdftotext -raw gives
/// for a LibreOffice PDF's table 二 (nanchuan-kfq-2023, yanxi-tjj-2023,
/// tongxi-lyj-2020): a block's cells a rectangle row by row, and a row
/// drawn on the next page with its label after its cell. The inputs are
/// written by hand after those extractions; the expected values are read
/// off the layout.
@Suite struct OneReadingTests {
    static func value(_ doc: Document, _ row: String, _ column: String) -> String? {
        LabelledColumnTests.value(doc, row, column)
    }

    /// Table 二 as pdftotext -raw read nanchuan's: the label column first,
    /// `first` after （一）'s caption, （五） and （六）'s top cell, the page
    /// number -2-, 现行有效件数's column, then, after a form feed, 行政强制's
    /// cell before its label, which stands among （八）'s labels.
    static func lastRowAfterItsCell(_ first: [String]) -> [String] {
        ["二、主动公开政府信息情况", "信息内容", "规章", "行政规范性文件", "", "第二十条第（一）项"] + first
            + ["", "信息内容", "行政许可", "", "第二十条第（五）项", "本年处理决定数量", "2316", "",
               "信息内容", "行政处罚", "", "第二十条第（六）项", "本年处理决定数量", "37", "", "-2-", "", "现行有效件数", "0", "23", "",
               "\u{0C}2", "", "行政强制", "信息内容", "行政事业性收费", "", "第二十条第（八）项", "本年收费金额（单位：万元）", "0.5", ""]
    }

    static func expectWhole(_ doc: Document) {
        #expect(doc.tables.first?.templateID == "2021-active-disclosure")
        #expect(Self.value(doc, "规章", "本年制发件数") == "0")
        #expect(Self.value(doc, "规章", "本年废止件数") == "0")
        #expect(Self.value(doc, "规章", "现行有效件数") == "0")
        #expect(Self.value(doc, "行政规范性文件", "本年制发件数") == "4")
        #expect(Self.value(doc, "行政规范性文件", "本年废止件数") == "1")
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "23")
        #expect(Self.value(doc, "行政许可", "本年处理决定数量") == "2316")
        #expect(Self.value(doc, "行政处罚", "本年处理决定数量") == "37")
        #expect(Self.value(doc, "行政强制", "本年处理决定数量") == "2")
        #expect(Self.value(doc, "行政事业性收费", "本年收费金额（单位：万元）") == "0.5")
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
    }

    /// Each header with its column (0 4, 0 1), and 2 before its row label
    /// 行政强制: no reading keeps every label before its cells; the one that
    /// keeps all else is taken and reported as such.
    @Test func aRowLabelAfterItsCellIsReadWhenNoReadingKeepsItBefore() throws {
        let text = (Self.lastRowAfterItsCell(["本年制发件数", "0", "4", "", "本年废止件数", "0", "1"])
            + ["三、收到和处理政府信息公开申请情况", "全年无申请。"]).joined(separator: "\n") + "\n"
        let doc = try document(text)
        Self.expectWhole(doc)
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("exactly one reading")
            && $0.message.contains("may come after") })
        let once = try canonical(Array(text.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// 0 0 4 1 right after 本年制发件数 本年废止件数, no blank line among them,
    /// 现行有效件数 read later: the run is a rectangle of the block's two rows
    /// read row by row (pdftotext prints a block's lines left to right), and
    /// the table's one reading (2 before 行政强制 too) is taken, not the
    /// match that read 规章 0 0 4 (the block in doubt is placed again with
    /// the document's table 三 as evidence of how its extractor reads).
    @Test func aRunOnAtTheNextRowIsReadOnTheEvidence() throws {
        let text = (Self.lastRowAfterItsCell(["本年制发件数", "本年废止件数", "0", "0", "4", "1"])
            + ColumnOrderEvidenceTests.applications(blankBeforeColumns: true) + ColumnOrderEvidenceTests.review)
            .joined(separator: "\n") + "\n"
        let doc = try document(text)
        Self.expectWhole(doc)
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("exactly one reading")
            && $0.message.contains("rows of a few columns") })
        let once = try canonical(Array(text.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// Table 二 as pdftotext -raw read rongxi-swj-2021's Chromium PDF: （一）'s
    /// caption and headers, its 本年制发件数 column, （五）'s caption at the
    /// page's foot, `furniture` (the page number), then the 本年废止件数 and
    /// 现行有效件数 columns (the page's right-hand blocks, printed after its
    /// number), the next page's labels and the other blocks.
    static func captionAtThePageFoot(_ furniture: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "行政规范性文件", "", "第二十条第（一）项", "本年制发件数", "本年废止件数",
                     "2", "5", "", "第二十条第（五）项"] + furniture
            + ["", "1", "3", "", "现行有效件数", "7", "26", "", "信息内容", "行政许可", "信息内容", "行政处罚", "行政强制",
               "信息内容", "行政事业性收费", "", "本年处理决定数量", "428", "第二十条第（六）项", "本年处理决定数量", "17", "9", "",
               "第二十条第（八）项", "本年收费金额（单位：万元）", "0.5", "", "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// （五）'s caption stands at the page's foot, its header on the next
    /// page, so it stands in line with none; the page number after it says
    /// so. 2 5 and 1 3 read across a row each (规章 2 5, 行政规范性文件 1 3)
    /// would be a page break between the rows, yet 7 26, one block, holds
    /// cells of both: only the columns' reading is left, and taken.
    @Test func aCaptionAtThePageFootBeforeItsNumberIsRead() throws {
        let text = Self.captionAtThePageFoot(["-2-"])
        let doc = try document(text)
        #expect(doc.tables.first?.templateID == "2021-active-disclosure")
        let expected: [(String, String, String)] = [
            ("规章", "本年制发件数", "2"), ("规章", "本年废止件数", "1"), ("规章", "现行有效件数", "7"),
            ("行政规范性文件", "本年制发件数", "5"), ("行政规范性文件", "本年废止件数", "3"), ("行政规范性文件", "现行有效件数", "26"),
            ("行政许可", "本年处理决定数量", "428"), ("行政处罚", "本年处理决定数量", "17"), ("行政强制", "本年处理决定数量", "9"),
            ("行政事业性收费", "本年收费金额（单位：万元）", "0.5")]
        for (row, column, value) in expected { #expect(Self.value(doc, row, column) == value, "\(row) × \(column)") }
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("exactly one reading") })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
        let once = try canonical(Array(text.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// The same caption set apart from the page number by a blank line (a
    /// box of its own, as pdfminer sets them, 第二十条第（五）项⏎⏎- 2 -): that
    /// it stands at the page's foot with its header on the next page is not
    /// known, so no reading is sought and 本年制发件数 and 本年废止件数 stay
    /// empty and reported.
    @Test func aCaptionSetApartFromThePageNumberIsNotRead() throws {
        let doc = try document(Self.captionAtThePageFoot(["", "-2-"]))
        #expect(doc.tables.first?.templateID == "2021-active-disclosure")
        #expect(Self.value(doc, "规章", "本年制发件数") == nil)
        #expect(Self.value(doc, "行政规范性文件", "本年废止件数") == nil)
        #expect(!doc.diagnostics.contains { $0.message.contains("exactly one reading") })
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "规章" })
    }

    /// Table 二 (2019 format) as pdftotext read censhan-district-2019's
    /// Chromium PDF: the label column, every header, then the values in runs
    /// between blank lines in an order of where their text blocks stand, the
    /// last ones after the next section's heading. Each run stands after
    /// the run over it and the run left of it, and no more is known: 386 142
    /// is （五）'s 上一年项目数量 or （一）'s 本年新公开数量 (the widths of the
    /// numbers decide), so several readings keep the order. Those cells are
    /// left empty and reported; the cells every reading fills alike are
    /// placed (0 12 the first column, the signed runs 本年增/减's, 4127 312
    /// （六）'s 处理决定数量, after -3 of the column left of it), as read off
    /// the layout of the PDF; and, of the readings, those whose runs go by
    /// anti-diagonals with the template's bound (`tables.diagonal-runs`) put
    /// 15872 8236 under （五）'s 处理决定数量 (the one other cell of its
    /// anti-diagonal is （六）'s 本年增/减, which +58 -3 fills), 0 12 under
    /// 本年新公开数量 and 386 142 under （五）'s 上一年项目数量 (386 published
    /// this year would exceed 0 96 and 142 exceed 86, the two runs that
    /// could be 对外公开总数量); 0 96 and 1263 86 still trade places.
    static let chromiumColumns = [
        "二、主动公开政府信息情况", "第二十条第（一）项", "-2-", "", "\u{0C}信息内容", "规章", "规范性文件", "信息内容", "行政许可", "其他对外管理服务事项", "信息内容", "行政处罚",
        "行政强制", "信息内容", "行政事业性收费", "信息内容", "政府集中采购", "", "本年新制作数量", "", "本年新公开数量", "", "对外公开总数量", "", "第二十条第（五）项", "上一年项目数量",
        "本年增/减", "", "处理决定数量", "", "第二十条第（六）项", "上一年项目数量", "本年增/减", "", "处理决定数量", "", "0", "12", "", "386", "142", "", "0", "12",
        "", "0", "96", "", "-24", "+6", "", "1263", "86", "", "第二十条第（八）项", "上一年项目数量", "47", "第二十条第（九）项", "采购项目数量", "", "15872",
        "8236", "", "+58", "-3", "", "168", "", "三、收到和处理政府信息公开申请情况", "", "4127", "312", "", "本年增/减", "-5", "", "采购总金额",
        "32516.8万元",
        "", "全年无申请。"]

    @Test func cellsEveryReadingFillsAlikeArePlacedTheOthersReported() throws {
        let doc = try document(Self.chromiumColumns.joined(separator: "\n") + "\n")
        #expect(doc.tables.first?.templateID == "2019-active-disclosure")
        let placed: [(String, String, String)] = [
            ("规章", "本年新制作数量", "0"), ("规范性文件", "本年新制作数量", "12"),
            ("行政许可", "本年增/减", "-24"), ("其他对外管理服务事项", "本年增/减", "+6"),
            ("行政处罚", "本年增/减", "+58"), ("行政强制", "本年增/减", "-3"),
            ("行政处罚", "处理决定数量", "4127"), ("行政强制", "处理决定数量", "312"),
            ("行政许可", "处理决定数量", "15872"), ("其他对外管理服务事项", "处理决定数量", "8236"),
            ("规章", "本年新公开数量", "0"), ("规范性文件", "本年新公开数量", "12"),
            ("行政许可", "上一年项目数量", "386"), ("其他对外管理服务事项", "上一年项目数量", "142"),
            ("行政事业性收费", "上一年项目数量", "47"), ("行政事业性收费", "本年增/减", "-5"),
            ("政府集中采购", "采购项目数量", "168"), ("政府集中采购", "采购总金额", "32516.8万元")]
        for (row, column, value) in placed { #expect(Self.value(doc, row, column) == value, "\(row) × \(column)") }
        let inDoubt: [(String, String)] = [
            ("规章", "对外公开总数量"), ("规范性文件", "对外公开总数量"), ("行政处罚", "上一年项目数量"), ("行政强制", "上一年项目数量")]
        for (row, column) in inDoubt { #expect(Self.value(doc, row, column) == nil, "\(row) × \(column)") }
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("0 96 1263 86")
            && $0.message.contains("differs between the readings") })
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "行政处罚" })
    }

    /// Table 二 as pdftotext -raw read dongling-county-2019's Chromium PDF
    /// (lines as printed): the 2019 format across a page break, 行政强制's
    /// 增1 drawn as 1 in （六）'s 本年增/减 column (0⏎1) and 增 alone after
    /// the next block (…⏎2816⏎67⏎⏎增⏎⏎146), （八）'s 减3 past the next
    /// heading. `first`: 行政处罚's 本年增/减.
    static func signDrawnApart(_ first: String) -> String {
        (["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "信息内容", "行政许可", "其他对外管理服务事项", "信息内容", "",
          "第二十条第（一）项", "本年新制作数量 本年新公开数量", "0", "12", "", "0", "12", "",
          "第二十条第（五）项", "上一年项目数量", "本年增/减", "126", "增5", "48", "减2", "第二十条第（六）项", "上一年项目数量", "本年增/减",
          "-2-", "", "对外公开总数量", "0", "87", "", "处理决定数量", "15630", "8421", "", "处理决定数量", "",
          "\u{0C}行政处罚", "行政强制", "信息内容", "行政事业性收费", "信息内容", "政府集中采购", "", "35", "8", "",
          "第二十条第（八）项", "上一年项目数量", "21", "第二十条第（九）项", "采购项目数量", "", first, "1", "", "2816", "67", "",
          "增", "", "146", "", "三、收到和处理政府信息公开申请情况", "", "本年增/减", "减3", "采购总金额", "8653.2万元", "",
          "全年无申请。"]).joined(separator: "\n") + "\n"
    }

    /// The one reading places 1 under （六）'s 本年增/减, the one cell under
    /// a header naming 增 whose value, read before the lone 增, is unsigned
    /// and not zero: 增1, and the rest of the table as read.
    @Test func aSignDrawnApartJoinsTheOneUnsignedChangeReadBeforeIt() throws {
        let doc = try document(Self.signDrawnApart("0"))
        #expect(Self.value(doc, "行政处罚", "本年增/减") == "0")
        #expect(Self.value(doc, "行政处罚", "处理决定数量") == "2816")
        #expect(Self.value(doc, "行政强制", "本年增/减") == "增1")
        #expect(Self.value(doc, "行政强制", "处理决定数量") == "67")
        #expect(Self.value(doc, "行政事业性收费", "本年增/减") == "减3")
        #expect(Self.value(doc, "政府集中采购", "采购项目数量") == "146")
        #expect(Self.value(doc, "政府集中采购", "采购总金额") == "8653.2万元")
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
    }

    /// 行政处罚's change 2, not 0: two unsigned changes the 增 may have
    /// come off, so neither is given it, and the reading is not placed (no
    /// 1 where 增1 may have stood).
    @Test func aSignDrawnApartWithTwoUnsignedChangesPlacesNeither() throws {
        let doc = try document(Self.signDrawnApart("2"))
        #expect(Self.value(doc, "行政强制", "本年增/减") == nil)
        #expect(Self.value(doc, "行政处罚", "本年增/减") == nil)
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" })
    }
}
