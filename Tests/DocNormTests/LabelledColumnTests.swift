import Testing
@testable import DocNorm

/// `tables.labelled-columns`: table 二 (no arithmetic) read column by column,
/// its values placed by the column headers and row labels they follow. The
/// inputs are written by hand after what pdfminer and pdftotext -raw return
/// for a LibreOffice PDF; the expected values are read off the layout.
@Suite struct LabelledColumnTests {
    static func value(_ doc: Document, _ row: String, _ column: String) -> String? {
        doc.tables.flatMap(\.records).first { $0.row.last == row && $0.column.last == column }?.value
    }

    /// The blocks （五）（六）（八） of the 2021 table, one column box each.
    static let smallBlocks = ["第二十条第（五）项", "信息内容", "行政许可", "本年处理决定数量", "3268",
                              "第二十条第（六）项", "信息内容", "行政处罚", "行政强制", "本年处理决定数量", "412", "9",
                              "第二十条第（八）项", "信息内容", "行政事业性收费", "本年收费金额（单位：万元）", "86.42"]

    /// pdfminer: each column a box of its own, header then values down the
    /// column; the 现行有效件数 box stands before the caption.
    @Test func columnBoxesArePlacedUnderTheirHeaders() throws {
        let lines = ["二、主动公开政府信息情况", "现行有效件数", "0", "22",
                     "第二十条第（一）项", "信息内容", "规章", "行政规范性文件",
                     "本年制发件数", "0", "5", "本年废止件数", "0", "4"] + Self.smallBlocks
            + ["三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure"])
        #expect(Self.value(doc, "规章", "本年制发件数") == "0")
        #expect(Self.value(doc, "规章", "现行有效件数") == "0")
        #expect(Self.value(doc, "行政规范性文件", "本年制发件数") == "5")
        #expect(Self.value(doc, "行政规范性文件", "本年废止件数") == "4")
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "22")
        #expect(Self.value(doc, "行政许可", "本年处理决定数量") == "3268")
        #expect(Self.value(doc, "行政处罚", "本年处理决定数量") == "412")
        #expect(Self.value(doc, "行政强制", "本年处理决定数量") == "9")
        #expect(Self.value(doc, "行政事业性收费", "本年收费金额（单位：万元）") == "86.42")
        #expect(doc.tables.flatMap(\.records).count == 10)
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair })
        #expect(!doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion })
        let once = try canonical(Array(text.utf8))
        #expect(once.hasPrefix("二、主动公开政府信息情况\n\n第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t5\t4\t22\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// pdftotext -raw: two headers of block （一） together, then their four
    /// values. Read row by row (规章 0 0, 行政规范性文件 5 4) and column by
    /// column (本年制发件数 0 5, 本年废止件数 0 4) they give different tables
    /// and extractors do both, so those four cells stay empty and are
    /// reported; the lone 现行有效件数 column and the other blocks are placed.
    @Test func twoHeadersWhoseReadingsDifferLeaveTheirCellsEmpty() throws {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "行政规范性文件", "",
                     "第二十条第（一）项", "本年制发件数", "本年废止件数", "0", "0", "5", "4",
                     "现行有效件数", "0", "22"] + Self.smallBlocks
            + ["三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure"])
        #expect(Self.value(doc, "规章", "现行有效件数") == "0")
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "22")
        #expect(Self.value(doc, "行政强制", "本年处理决定数量") == "9")
        for row in ["规章", "行政规范性文件"] {
            for column in ["本年制发件数", "本年废止件数"] {
                #expect(Self.value(doc, row, column) == nil)
                #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == row && $0.cells?.column?.last == column })
            }
        }
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("0 0 5 4") })
        // The row labels read before the caption are the table's, not text;
        // read back, the grid keeps its empty cells where they are.
        let once = try canonical(Array(text.utf8))
        #expect(once.hasPrefix("二、主动公开政府信息情况\n\n第二十条第（一）项\t\t\t\n"))
        #expect(once.contains("\n规章\t\t\t0\n行政规范性文件\t\t\t22\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// A page break inside block （一）: the first page has row 规章 under
    /// each header cell, the second the row 行政规范性文件 with its values.
    @Test func aColumnsTopPartBeforeAPageBreakIsItsFirstRow() throws {
        let lines = ["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "规章",
                     "本年制发件数", "1", "本年废止件数", "2", "现行有效件数", "3",
                     "行政规范性文件", "4", "5", "6"] + Self.smallBlocks
            + ["三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(Self.value(doc, "规章", "本年制发件数") == "1")
        #expect(Self.value(doc, "规章", "本年废止件数") == "2")
        #expect(Self.value(doc, "规章", "现行有效件数") == "3")
        #expect(Self.value(doc, "行政规范性文件", "本年制发件数") == "4")
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "6")
        #expect(doc.tables.flatMap(\.records).count == 10)
    }

    /// pdfminer put the 现行有效件数 box before the section heading: its
    /// header stands nowhere in the table but there, alone on its line with
    /// exactly the block's two values after it, so it is read from there and
    /// those lines are the table's: not written as text too.
    @Test func aColumnSetApartBeforeTheHeadingIsReadFromThere() throws {
        let lines = ["全年未收取信息处理费。", "", "现行有效件数", "0", "22", "", "二、主动公开政府信息情况", "",
                     "第二十条第（一）项", "信息内容", "规章", "行政规范性文件",
                     "本年制发件数", "0", "5", "本年废止件数", "0", "4"] + Self.smallBlocks
            + ["三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(Self.value(doc, "规章", "现行有效件数") == "0")
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "22")
        #expect(doc.tables.flatMap(\.records).count == 10)
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("column 现行有效件数") && $0.line == 3 })
        let once = try canonical(Array((lines.joined(separator: "\n") + "\n").utf8))
        // Its header stands in the table's header row, and only there.
        #expect(once.contains("\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"))
        #expect(once.hasPrefix("全年未收取信息处理费。\n\n二、主动公开政府信息情况\n"))
        #expect(!once.contains("\n现行有效件数\n") && !once.contains("\n22\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array((lines.joined(separator: "\n") + "\n").utf8), pipeline: pipeline).isEmpty)
    }

    /// pdftotext -raw of a Chromium PDF (2019 format) drew the 采购总金额
    /// cell of block （九） after the next section's heading: the column is
    /// the table's, and its header and value are not also left as text
    /// under that heading (nothing doubled). With 58.6万元 counted as a
    /// value, those lines make the table whole, so the heading goes after
    /// them before the table is read (traced).
    @Test func aColumnSetApartAfterTheNextHeadingIsNotAlsoText() throws {
        let lines = ["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "规章", "规范性文件",
                     "本年新制作数量", "0", "2", "本年新公开数量", "0", "2", "对外公开总数量", "0", "17",
                     "第二十条第（五）项", "信息内容", "行政许可", "其他对外管理服务事项",
                     "上一年项目数量", "14", "3", "本年增/减", "-1", "0", "处理决定数量", "326", "41",
                     "第二十条第（六）项", "信息内容", "行政处罚", "行政强制",
                     "上一年项目数量", "0", "0", "本年增/减", "0", "0", "处理决定数量", "0", "0",
                     "第二十条第（八）项", "信息内容", "行政事业性收费", "上一年项目数量", "0", "本年增/减", "0",
                     "第二十条第（九）项", "信息内容", "政府集中采购", "", "采购项目数量", "4", "",
                     "三、收到和处理政府信息公开申请情况", "", "采购总金额", "58.6万元", "", "全年未收到申请。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text, tracing: true)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "政府集中采购", "采购总金额") == "58.6万元")
        #expect(Self.value(doc, "政府集中采购", "采购项目数量") == "4")
        // 58.6万元 counted, the lines make the table whole: the heading goes after them.
        #expect(doc.trace.contains { $0.rule == "tables.interleaved-heading" && $0.before.hasPrefix("三、收到和处理政府信息公开申请情况⏎⏎采购总金额⏎58.6万元") })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("\n政府集中采购\t4\t58.6万元\t\n"))
        #expect(once.contains("\n三、收到和处理政府信息公开申请情况\n\n全年未收到申请。\n"))
        #expect(!once.contains("\n采购总金额\n") && !once.contains("\n58.6万元\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// Fuzzing item 30, readable: two anchors of the 2019 table 二 with a
    /// column set apart (采购总金额⏎09) between them. The first copy reads it
    /// after its lines; the second's window before its anchor began right
    /// after the first copy's own lines, so it read the same two lines again
    /// (one input line in two grids, traced twice). A line one table took
    /// apart is not offered to the next.
    @Test func aColumnOneCopyReadApartIsNotReadByTheNextCopy() throws {
        let text = ["况", "第二十条第（一）项", "斅", "采购总金额", "09", "况", "第二十条第（一）项", "a"].joined(separator: "\n") + "\n"
        let doc = try document(text, tracing: true)
        let read = doc.tables.indices.filter { t in doc.tables[t].records.contains { $0.column.last == "采购总金额" && $0.value == "09" } }
        #expect(read == [0])
        #expect(doc.trace.filter { $0.rule == "tables.labelled-columns" && $0.before == "采购总金额⏎09" }.count == 1)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// The case fuzz30 left open: the column stands past the next copy's
    /// anchor (第二十条第（一）项⏎斅⏎第二十条第（一）项⏎采购总金额⏎09). Main's
    /// first copy read it apart after its region and the second read it
    /// forward, right under its anchor: 09 in both grids, one input line in
    /// two tables. A column apart after a table is looked for only up to the
    /// next copy's anchor: the second copy alone reads it (the first, with
    /// nothing else to place, is its anchor line as text).
    @Test func aColumnPastTheNextCopysAnchorIsThatCopys() throws {
        let text = ["况", "第二十条第（一）项", "斅", "第二十条第（一）项", "采购总金额", "09", "a"].joined(separator: "\n") + "\n"
        let doc = try document(text, tracing: true)
        let read = doc.tables.indices.filter { t in doc.tables[t].records.contains { $0.column.last == "采购总金额" && $0.value == "09" } }
        #expect(read.count == 1)
        #expect(doc.trace.filter { $0.rule == "tables.labelled-columns" && $0.before.contains("采购总金额⏎09") }.count == 1)
        let once = try canonical(Array(text.utf8))
        #expect(once.split(separator: "\n").filter { $0.contains("09") }.count == 1)
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// Fuzzing item 32, readable: the column set apart (采购总金额⏎09) stands
    /// after the second copy's anchor, within the first copy's reach. Main
    /// at fuzz109 had the first copy read it and the second read the same
    /// two lines again (its earliest line held at its anchor, item 31, and
    /// its window after its own lines began there). Since the first copy
    /// looks only up to the next anchor (`ownedAfter`), the second copy
    /// reads it and the first, with nothing else to place, is no table
    /// (`aColumnApartIsReadByTheNearestCopyBeforeIt`): the one table is the one
    /// at the second anchor (line 5).
    @Test func aColumnOneCopyReadApartPastTheNextAnchorIsNotReadAgain() throws {
        let text = ["况", "第二十条第（一）项", "斅", "况", "第二十条第（一）项", "a", "采购总金额", "09", "况"].joined(separator: "\n") + "\n"
        let doc = try document(text, tracing: true)
        let read = doc.tables.indices.filter { t in doc.tables[t].records.contains { $0.column.last == "采购总金额" && $0.value == "09" } }
        #expect(read == [0])
        #expect(doc.trace.filter { $0.rule == "tables.labelled-columns" && $0.before.hasPrefix("第二十条") }.map(\.line) == [5])
        #expect(doc.trace.filter { $0.rule == "tables.labelled-columns" && $0.before == "采购总金额⏎09" }.count == 1)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// Which copy owns a column read apart (the rule stated where the
    /// forward readers start, TableRecognizer): the copy whose anchor stands
    /// nearest before it. Both earlier cases together: a 况 line between
    /// the copies (fuzzing item 32's) and the column right under the second
    /// anchor (fuzz30's open case), or past the second copy's region with a
    /// third copy after. Main at fuzz109 read 09 into two tables in both;
    /// the output has it once, in the table at the second anchor (line 5),
    /// and the first copy, with nothing else to place, stays text.
    @Test(arguments: [
        ["况", "第二十条第（一）项", "斅", "况", "第二十条第（一）项", "采购总金额", "09", "况"],
        ["况", "第二十条第（一）项", "斅", "况", "第二十条第（一）项", "a", "采购总金额", "09", "况", "第二十条第（一）项", "b"],
    ])
    func aColumnApartIsReadByTheNearestCopyBeforeIt(lines: [String]) throws {
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text, tracing: true)
        let read = doc.tables.indices.filter { t in doc.tables[t].records.contains { $0.column.last == "采购总金额" && $0.value == "09" } }
        #expect(read.count == 1)
        #expect(doc.trace.filter { $0.rule == "tables.labelled-columns" && $0.before.contains("采购总金额⏎09") }.count == 1)
        #expect(doc.trace.filter { $0.rule == "tables.labelled-columns" && $0.before.hasPrefix("第二十条") }.map(\.line) == [5])
        let once = try canonical(Array(text.utf8))
        #expect(once.split(separator: "\n").filter { $0.contains("09") }.count == 1)
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// pdftotext -raw of a Chromium PDF (2019 format) drew the right-hand
    /// columns of blocks （八） and （九） after the next section's heading:
    /// 本年增/减 heads three blocks and stands in the table twice (（五）
    /// and （六）, both filled), so the one after the heading is （八）'s (with
    /// 减2 and 1520.4万元 counted, those lines make the table whole and the
    /// heading goes after them; the third 本年增/减 is （八）'s by its order).
    @Test func aSharedHeaderSetApartAfterTheNextHeadingIsTheEmptyBlocks() throws {
        let lines = ["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "规章", "规范性文件",
                     "本年新制作数量", "0", "2", "本年新公开数量", "0", "2", "对外公开总数量", "0", "17",
                     "第二十条第（五）项", "信息内容", "行政许可", "其他对外管理服务事项",
                     "上一年项目数量", "14", "3", "本年增/减", "增1", "0", "处理决定数量", "326", "41",
                     "第二十条第（六）项", "信息内容", "行政处罚", "行政强制",
                     "上一年项目数量", "5", "1", "本年增/减", "0", "减1", "处理决定数量", "37", "2",
                     "第二十条第（八）项", "信息内容", "行政事业性收费", "上一年项目数量", "4",
                     "第二十条第（九）项", "信息内容", "政府集中采购", "", "采购项目数量", "9", "",
                     "三、收到和处理政府信息公开申请情况", "", "本年增/减", "减2", "采购总金额", "1520.4万元", "", "全年未收到申请。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text, tracing: true)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "行政事业性收费", "本年增/减") == "减2")
        #expect(Self.value(doc, "行政事业性收费", "上一年项目数量") == "4")
        #expect(Self.value(doc, "政府集中采购", "采购总金额") == "1520.4万元")
        #expect(Self.value(doc, "行政强制", "本年增/减") == "减1")
        // 减2 and 1520.4万元 counted, the lines make the table whole: the heading goes after them.
        #expect(doc.trace.contains { $0.rule == "tables.interleaved-heading" })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("\n行政事业性收费\t4\t减2\t\n"))
        #expect(once.contains("\n三、收到和处理政府信息公开申请情况\n\n全年未收到申请。\n"))
        #expect(!once.contains("\n本年增/减\n") && !once.contains("\n减2\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// With its shared header standing in the table as often as the template
    /// has it, a column after the heading is no block's: it stays text.
    @Test func aSharedHeaderTheTableAlreadyHoldsIsNotReadApart() throws {
        let lines = ["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "规章", "规范性文件",
                     "本年新制作数量", "0", "2", "本年新公开数量", "0", "2", "对外公开总数量", "0", "17",
                     "第二十条第（五）项", "信息内容", "行政许可", "其他对外管理服务事项",
                     "上一年项目数量", "14", "3", "本年增/减", "增1", "0", "处理决定数量", "326", "41",
                     "第二十条第（六）项", "信息内容", "行政处罚", "行政强制",
                     "上一年项目数量", "5", "1", "本年增/减", "0", "减1", "处理决定数量", "37", "2",
                     "第二十条第（八）项", "信息内容", "行政事业性收费", "上一年项目数量", "4", "本年增/减",
                     "第二十条第（九）项", "信息内容", "政府集中采购", "", "采购项目数量", "9", "",
                     "三、收到和处理政府信息公开申请情况", "", "本年增/减", "减2", "采购总金额", "1520.4万元", "", "全年未收到申请。"]
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(Self.value(doc, "行政事业性收费", "本年增/减") == nil || Self.value(doc, "行政事业性收费", "本年增/减") == "")
        #expect(Self.value(doc, "政府集中采购", "采购总金额") == "1520.4万元")
    }

    /// A column box with one value too many for its block is placed nowhere.
    @Test func aRunOfTheWrongLengthIsPlacedNowhere() throws {
        var blocks = Self.smallBlocks
        blocks.insert("7", at: blocks.firstIndex(of: "9")! + 1)
        let lines = ["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "规章", "行政规范性文件",
                     "本年制发件数", "0", "5", "本年废止件数", "0", "4", "现行有效件数", "0", "22"] + blocks
            + ["三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(Self.value(doc, "行政处罚", "本年处理决定数量") == nil)
        #expect(Self.value(doc, "行政强制", "本年处理决定数量") == nil)
        #expect(Self.value(doc, "行政许可", "本年处理决定数量") == "3268")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("412 9 7") })
    }

    /// pdftotext -raw of a LibreOffice PDF: the header of block （六）'s only
    /// column, its two values, a blank line (a jump), then a value drawn
    /// there that belongs elsewhere. The two before the blank are the
    /// column; the one after it is placed nowhere and reported.
    @Test func aValuePastABlankLineAfterAnOnlyColumnIsNotItsBlocks() throws {
        var blocks = Self.smallBlocks
        blocks.insert(contentsOf: ["", "7"], at: blocks.firstIndex(of: "9")! + 1)
        let lines = ["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "规章", "行政规范性文件",
                     "本年制发件数", "0", "5", "本年废止件数", "0", "4", "现行有效件数", "0", "22"] + blocks
            + ["三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(Self.value(doc, "行政处罚", "本年处理决定数量") == "412")
        #expect(Self.value(doc, "行政强制", "本年处理决定数量") == "9")
        #expect(Self.value(doc, "行政事业性收费", "本年收费金额（单位：万元）") == "86.42")
        #expect(doc.tables.flatMap(\.records).count == 10)
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion
            && $0.message.contains("number(s) 7 ") && $0.message.contains("drawn elsewhere") })
    }

    /// pdftotext -raw of a Chromium PDF: the row labels first, then each
    /// column's values down the page with a blank line at every jump; the
    /// third header of block （一） is drawn after （六）'s header, right
    /// above its values, and （六）'s values come after them.
    static func chromiumRaw(lastRun: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "行政规范性文件", "信息内容", "行政许可",
                     "信息内容", "行政处罚", "行政强制", "信息内容", "行政事业性收费", "",
                     "第二十条第（一）项", "本年制发件数", "本年废止件数", "0", "8", "", "0", "3", "",
                     "第二十条第（五）项", "本年处理决定数量", "23618", "第二十条第（六）项", "本年处理决定数量", "",
                     "现行有效件数", "0", "57", ""] + lastRun
            + ["", "第二十条第（八）项", "本年收费金额（单位：万元）", "318.27", "", "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func runsBetweenBlankLinesAreColumnsOfTheHeadersStillWithout() throws {
        let doc = try document(Self.chromiumRaw(lastRun: ["4127", "362"]))
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure"])
        #expect(Self.value(doc, "规章", "本年制发件数") == "0")
        #expect(Self.value(doc, "行政规范性文件", "本年制发件数") == "8")
        #expect(Self.value(doc, "规章", "本年废止件数") == "0")
        #expect(Self.value(doc, "行政规范性文件", "本年废止件数") == "3")
        #expect(Self.value(doc, "规章", "现行有效件数") == "0")
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "57")
        #expect(Self.value(doc, "行政许可", "本年处理决定数量") == "23618")
        #expect(Self.value(doc, "行政处罚", "本年处理决定数量") == "4127")
        #expect(Self.value(doc, "行政强制", "本年处理决定数量") == "362")
        #expect(Self.value(doc, "行政事业性收费", "本年收费金额（单位：万元）") == "318.27")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair && $0.message.contains("between blank lines") })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
    }

    /// pdftotext -raw of a Chromium PDF: （六）'s header, then the caption of
    /// （八）, a page break, and （六）'s values on the next page: the one
    /// header still without values takes them.
    static func valuesAcrossAPageBreak(_ values: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "行政规范性文件", "信息内容", "行政许可",
                     "信息内容", "行政处罚", "行政强制", "", "第二十条第（一）项", "本年制发件数", "本年废止件数",
                     "0", "3", "", "0", "2", "", "第二十条第（五）项", "本年处理决定数量", "17",
                     "第二十条第（六）项", "本年处理决定数量", "第二十条第（八）项", "- 2 -", ""] + values
            + ["", "现行有效件数", "0", "19", "", "信息内容", "行政事业性收费", "", "本年收费金额（单位：万元）", "6.5", "",
               "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aRunAfterAPageBreakGoesToTheOneHeaderStillWithout() throws {
        let doc = try document(Self.valuesAcrossAPageBreak(["412", "9"]))
        #expect(Self.value(doc, "行政处罚", "本年处理决定数量") == "412")
        #expect(Self.value(doc, "行政强制", "本年处理决定数量") == "9")
        #expect(Self.value(doc, "规章", "本年制发件数") == "0")
        #expect(Self.value(doc, "行政规范性文件", "本年制发件数") == "3")
        #expect(Self.value(doc, "行政规范性文件", "本年废止件数") == "2")
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "19")
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
    }

    /// Three values for （六）'s two rows: no run is placed.
    @Test func aRunAfterAPageBreakThatFitsNoColumnPlacesNoRun() throws {
        let doc = try document(Self.valuesAcrossAPageBreak(["412", "9", "5"]))
        #expect(Self.value(doc, "行政处罚", "本年处理决定数量") == nil)
        #expect(Self.value(doc, "规章", "本年制发件数") == nil)
    }

    /// A run that is no column of the header it would go to (three values
    /// for a block of two rows): none of the runs is placed.
    @Test func aRunThatFitsNoColumnPlacesNoRun() throws {
        let doc = try document(Self.chromiumRaw(lastRun: ["4127", "362", "5"]))
        #expect(Self.value(doc, "规章", "本年制发件数") == nil)
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == nil)
        #expect(Self.value(doc, "行政处罚", "本年处理决定数量") == nil)
        #expect(Self.value(doc, "行政许可", "本年处理决定数量") == "23618")
        #expect(!doc.diagnostics.contains { $0.message.contains("between blank lines") })
    }

    /// pdfminer of a Chromium PDF: every header a box of its own between
    /// blank lines, and the column boxes in another order (现行有效件数's
    /// first). A run's place in that order says nothing: block （一） is not
    /// filled column by column in reading order. Its row 规章 reads 0 0 0 in
    /// every order of the boxes and is placed (`tables.column-boxes`); the
    /// row 行政规范性文件 (57 8 3 in some order) stays empty and reported.
    @Test func headersSetApartTakeNoRunByOrder() throws {
        let lines = ["二、主动公开政府信息情况", "", "信息内容", "规章", "行政规范性文件", "", "信息内容", "行政许可", "",
                     "信息内容", "行政处罚", "行政强制", "", "信息内容", "行政事业性收费", "",
                     "第二十条第（一）项", "", "本年制发件数", "", "本年废止件数", "", "现行有效件数", "",
                     "0", "57", "", "0", "8", "第二十条第（五）项", "", "0", "3", "", "本年处理决定数量", "", "23618", "",
                     "第二十条第（六）项", "", "本年处理决定数量", "", "4127", "362", "",
                     "第二十条第（八）项", "", "本年收费金额（单位：万元）", "", "318.27", "",
                     "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure"])
        #expect(Self.value(doc, "行政处罚", "本年处理决定数量") == "4127")
        for column in ["本年制发件数", "本年废止件数", "现行有效件数"] {
            #expect(Self.value(doc, "规章", column) == "0")
            #expect(Self.value(doc, "行政规范性文件", column) == nil)
        }
        #expect(!doc.diagnostics.contains { $0.message.contains("between blank lines") })
        #expect(doc.diagnostics.contains { $0.rule == "tables.column-boxes" && $0.kind == .repair })
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "行政规范性文件" })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "规章" })
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("57 8 3") })
    }

    /// The same boxes, every value of block （一） zero: every order of the
    /// boxes gives the same block, which is placed whole.
    @Test func columnBoxesAllAlikeArePlacedWhole() throws {
        let doc = try document(Self.boxes(["0", "0", "", "0", "0", "第二十条第（五）项", "", "0", "0"]))
        for row in ["规章", "行政规范性文件"] {
            for column in ["本年制发件数", "本年废止件数", "现行有效件数"] { #expect(Self.value(doc, row, column) == "0") }
        }
        #expect(Self.value(doc, "行政许可", "本年处理决定数量") == "23618")
        #expect(doc.tables.flatMap(\.records).count == 10)
        #expect(doc.diagnostics.contains { $0.rule == "tables.column-boxes" && $0.kind == .repair })
        #expect(!doc.diagnostics.contains { $0.kind == .suspicion })
    }

    /// Boxes that are not one number a line, or not as many as the block's
    /// columns, or a box not after a blank line: nothing says they are
    /// columns, and block （一） stays empty and reported.
    @Test func boxesThatAreNotColumnsPlaceNothing() throws {
        for values in [["0 0", "", "0", "0", "第二十条第（五）项", "", "0", "0"],
                       ["0", "0", "", "0", "0", "第二十条第（五）项", "", "0", "0", "", "0", "0"],
                       ["0", "0", "0", "0", "第二十条第（五）项", "", "0", "0"]] {
            let doc = try document(Self.boxes(values))
            #expect(Self.value(doc, "规章", "本年制发件数") == nil)
            #expect(!doc.diagnostics.contains { $0.rule == "tables.column-boxes" })
        }
    }

    /// pdfminer of a Chromium PDF, 2019 format: block （一）'s three headers
    /// as boxes, then its column boxes apart from one another, the second
    /// after 第（五）项's caption and the third after 第（九）项's, among the
    /// other blocks' header boxes (placed by their headers). Every other
    /// block is placed and nothing else is loose, so the three boxes are
    /// （一）'s columns in an order nothing names (`tables.column-boxes`).
    /// 规章 reads 0 0 0 in every order; of 规范性文件's 3 3 12, the bound
    /// 本年新公开数量 ≤ 对外公开总数量 leaves (3 3 12) and (12 3 3), and since ocr114 本年新制作数量 ≤ 对外公开总数量 leaves (3 3 12) alone: placed whole (before, 本年新公开数量
    /// was 3 in both and placed, the other two left empty and reported).
    @Test func scatteredColumnBoxesKeepTheTemplatesBounds() throws {
        let doc = try document(Self.boxes2019(["0", "3"], ["0", "3"], ["0", "12"]))
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        for column in ["本年新制作数量", "本年新公开数量", "对外公开总数量"] { #expect(Self.value(doc, "规章", column) == "0") }
        #expect(Self.value(doc, "规范性文件", "本年新公开数量") == "3")
        #expect(Self.value(doc, "规范性文件", "本年新制作数量") == "3")
        #expect(Self.value(doc, "规范性文件", "对外公开总数量") == "12")
        #expect(Self.value(doc, "行政许可", "本年增/减") == "增2")
        #expect(Self.value(doc, "行政强制", "处理决定数量") == "35")
        #expect(Self.value(doc, "政府集中采购", "采购总金额") == "186.52")
        #expect(doc.tables.flatMap(\.records).count == 22)
        #expect(doc.diagnostics.contains { $0.rule == "tables.column-boxes" && $0.kind == .repair && $0.message.contains("bounds") })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "规范性文件" })
        #expect(!doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("3 12") })
    }

    /// The same, every box of （一） alike: every order gives one block,
    /// placed whole. Without the bound (a box that breaks it in every
    /// order is not read by it), the cells all orders agree on still are.
    @Test func scatteredColumnBoxesAllAlikeArePlacedWhole() throws {
        let doc = try document(Self.boxes2019(["0", "0"], ["0", "0"], ["0", "0"]))
        for row in ["规章", "规范性文件"] {
            for column in ["本年新制作数量", "本年新公开数量", "对外公开总数量"] { #expect(Self.value(doc, row, column) == "0") }
        }
        #expect(doc.tables.flatMap(\.records).count == 22)
        #expect(!doc.diagnostics.contains { $0.kind == .suspicion })
    }

    /// Boxes apart from （一）'s headers place nothing where another block
    /// is not placed whole (a box may then be its column), or where a
    /// loose value stands outside the boxes.
    @Test func scatteredBoxesWithAnotherBlockOpenPlaceNothing() throws {
        // 第（九）项's 采购项目数量 header and box gone: two blocks open.
        // (Its box 7 left alone between blank lines is now that cell's by
        // its kind, `aLoneBoxFillsTheOneCellOpenInItsColumn`.)
        let open = Self.boxes2019(["0", "3"], ["0", "3"], ["0", "12"]).replacing("采购项目数量\n\n7\n", with: "\n")
        // One more loose number.
        let extra = Self.boxes2019(["0", "3"], ["0", "3"], ["0", "12", "", "5"])
        for text in [open, extra] {
            let doc = try document(text)
            #expect(Self.value(doc, "规章", "本年新制作数量") == nil)
            #expect(!doc.diagnostics.contains { $0.rule == "tables.column-boxes" })
        }
    }

    /// pdfminer's table 二 of a Chromium PDF (2019 format): the row labels'
    /// boxes, block （一）'s headers each a box, then `first` right after
    /// them, `second` after 第（五）项's caption and `third` after 第（九）项's,
    /// the other blocks' columns each in its header's box or right after it.
    /// 第（九）项's 采购项目数量 header gone, its box 7 left alone between
    /// blank lines: the one loose box of one for the one cell open in its
    /// column (boxes of one by their kinds, LabelledColumnRecovery+LoneBoxes),
    /// so （九） is whole and （一）'s boxes are its scattered columns, as
    /// pdfminer of a LibreOffice 2021 PDF prints 行政强制's cell after
    /// 第（八）项's caption (liaocheng-rmyy-2021, nanchuan-kfq-2023).
    @Test func aLoneBoxFillsTheOneCellOpenInItsColumn() throws {
        let text = Self.boxes2019(["0", "3"], ["0", "3"], ["0", "12"]).replacing("采购项目数量\n\n7\n", with: "\n7\n")
        let doc = try document(text)
        #expect(Self.value(doc, "政府集中采购", "采购项目数量") == "7")
        for column in ["本年新制作数量", "本年新公开数量", "对外公开总数量"] { #expect(Self.value(doc, "规章", column) == "0") }
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair
            && $0.message.contains("each alone between blank lines") })
    }

    static func boxes2019(_ first: [String], _ second: [String], _ third: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "", "信息内容", "规章", "规范性文件", "", "信息内容", "行政许可", "其他对外管理服务事项", "",
                     "信息内容", "行政处罚", "行政强制", "", "信息内容", "行政事业性收费", "",
                     "第二十条第（一）项", "", "本年新制作数量", "", "本年新公开数量", "", "对外公开总数量", ""]
            + first + ["", "第二十条第（五）项", ""] + second
            + ["", "本年增/减", "增2", "0", "", "本年增/减", "减4", "0", "", "上一年项目数量", "", "46", "18", "第二十条第（六）项", "",
               "上一年项目数量", "", "312", "21", "第二十条第（八）项", "", "上一年项目数量", "", "5", "", "第二十条第（九）项", ""]
            + third
            + ["", "处理决定数量", "", "1352", "2745", "", "处理决定数量", "", "268", "35", "", "本年增/减", "减1", "",
               "采购总金额", "", "186.52", "", "信息内容", "政府集中采购", "", "采购项目数量", "", "7", "",
               "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// pdfminer's table 二 of a Chromium PDF (2021 format), block （一）'s
    /// three headers as boxes, then `values`, then the other blocks.
    static func boxes(_ values: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "", "信息内容", "规章", "行政规范性文件", "", "信息内容", "行政许可", "",
                     "信息内容", "行政处罚", "行政强制", "", "信息内容", "行政事业性收费", "",
                     "第二十条第（一）项", "", "本年制发件数", "", "本年废止件数", "", "现行有效件数", ""]
            + values + ["", "本年处理决定数量", "", "23618", "",
                        "第二十条第（六）项", "", "本年处理决定数量", "", "4127", "362", "",
                        "第二十条第（八）项", "", "本年收费金额（单位：万元）", "", "318.27", "",
                        "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// pdftotext -raw of a LibreOffice PDF (2019 format): the last column of
    /// every block comes after （六）'s values, each header right above its
    /// run. 对外公开总数量 of block （一） ends what caption （六） says, so the
    /// first 处理决定数量 after it is （五）'s, the second （六）'s.
    @Test func aHeaderOfAnotherBlockEndsTheCaptionsSay() throws {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "信息内容", "行政许可", "其他对外管理服务事项",
                     "信息内容", "行政处罚", "行政强制", "", "第二十条第（一）项", "本年新制作数量", "本年新公开数量",
                     "2", "2", "14", "14", "第二十条第（五）项", "上一年项目数量", "本年增/减", "286", "减 12", "154", "增6",
                     "第二十条第（六）项", "上一年项目数量", "本年增/减", "2876", "减 35", "112", "0", "",
                     "对外公开总数量", "31", "126", "处理决定数量", "8421", "25637", "处理决定数量", "1934", "206", "",
                     "信息内容", "行政事业性收费", "", "第二十条第（八）项", "上一年项目数量", "43", "", "本年增/减", "减5", "",
                     "信息内容", "政府集中采购", "", "第二十条第（九）项", "采购项目数量", "126", "", "采购总金额", "4826.35 万元", "",
                     "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "规章", "对外公开总数量") == "31")
        #expect(Self.value(doc, "行政许可", "处理决定数量") == "8421")
        #expect(Self.value(doc, "其他对外管理服务事项", "处理决定数量") == "25637")
        #expect(Self.value(doc, "行政处罚", "处理决定数量") == "1934")
        #expect(Self.value(doc, "行政强制", "处理决定数量") == "206")
    }

    /// pdftotext -raw of a LibreOffice PDF (2019 format, holdout
    /// pingxi-dzj-2020): （五）'s caption at the page's foot, （一）'s last
    /// column after the page number, then （五）'s and （六）'s first two
    /// columns, and only then both 处理决定数量 columns, the upper first
    /// (`second`: what follows the second header). The first is （五）'s by
    /// the header's order, （六）'s by the caption read last, so it is not
    /// settled where it is read.
    static func bothDecisionColumnsLast(_ second: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "", "第二十条第（一）项", "本年新制作数量", "本年新公开数量",
                     "0", "0", "1", "1", "第二十条第（五）项", "", "-1-", "", "对外公开总数量", "0", "6", "",
                     "信息内容", "行政许可", "其他对外管理服务事项", "信息内容", "行政处罚", "行政强制", "",
                     "上一年项目数量", "2", "5", "", "本年增/减", "增1", "减1", "第二十条第（六）项", "上一年项目数量", "本年增/减",
                     "1", "0", "0", "0", "", "处理决定数量", "14", "38", "处理决定数量"] + second
            + ["", "信息内容", "行政事业性收费", "", "第二十条第（八）项", "上一年项目数量", "1", "", "本年增/减", "减1", "",
               "信息内容", "政府集中采购", "", "第二十条第（九）项", "采购项目数量", "3", "", "采购总金额", "12.6 万元", "",
               "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The second 处理决定数量 is （六）'s by its order and the caption alike,
    /// and fills （六）'s column: 14 38, under the same header, can only be
    /// the column of （五）, the one block with that header still without it.
    @Test func aSharedHeadersRunGoesToTheOneBlockStillWithoutItsColumn() throws {
        let text = Self.bothDecisionColumnsLast(["2", "0"])
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        let expected: [(String, String, String)] = [
            ("规章", "对外公开总数量", "0"), ("规范性文件", "对外公开总数量", "6"),
            ("行政许可", "上一年项目数量", "2"), ("行政许可", "本年增/减", "增1"), ("行政许可", "处理决定数量", "14"),
            ("其他对外管理服务事项", "上一年项目数量", "5"), ("其他对外管理服务事项", "本年增/减", "减1"),
            ("其他对外管理服务事项", "处理决定数量", "38"),
            ("行政处罚", "上一年项目数量", "1"), ("行政处罚", "本年增/减", "0"), ("行政处罚", "处理决定数量", "2"),
            ("行政强制", "上一年项目数量", "0"), ("行政强制", "本年增/减", "0"), ("行政强制", "处理决定数量", "0")]
        for (row, column, value) in expected { #expect(Self.value(doc, row, column) == value, "\(row) × \(column)") }
        // （一）'s 0 0 1 1 read row by row or column by column stay in doubt
        // here (no table 三 to show the order): only （五）（六） are asked about.
        for row in ["行政许可", "其他对外管理服务事项", "行政处罚", "行政强制"] {
            #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == row }, "\(row)")
        }
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("none: that column") })
        let once = try canonical(Array(text.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// The second run one value short: （六）'s column is not filled, so
    /// which block 14 38 belongs to is not known; both runs stay out and
    /// are reported.
    @Test func aSharedHeadersRunStaysOutWhileAnotherBlockLacksItsColumn() throws {
        let doc = try document(Self.bothDecisionColumnsLast(["2"]))
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "行政许可", "处理决定数量") == nil)
        #expect(Self.value(doc, "其他对外管理服务事项", "处理决定数量") == nil)
        #expect(Self.value(doc, "行政处罚", "处理决定数量") == nil)
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "行政许可" })
        #expect(!doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("none: that column") })
    }

    /// pdftotext -raw, 2019 table 二: blocks （五） and （六） each with two
    /// headers and their four values (holdout tongxi-lyj-2020). Read column
    /// by column, 18 增2 6 减1 would set 增2 under 上一年项目数量, which names
    /// no sign, so the rows' reading is the only one (行政许可 18 增2); 9 0 3 5
    /// has no sign and both readings stand, so it stays out and is reported.
    @Test func aSignRulesOutTheColumnReadingOfABlock() throws {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "信息内容", "行政许可", "其他对外管理服务事项",
                     "信息内容", "行政处罚", "行政强制", "", "第二十条第（一）项", "本年新制作数量", "本年新公开数量", "对外公开总数量",
                     "0", "0", "0", "2", "2", "9", "",
                     "第二十条第（五）项", "上一年项目数量", "本年增/减", "18", "增2", "6", "减1",
                     "第二十条第（六）项", "上一年项目数量", "本年增/减", "9", "0", "3", "5", "",
                     "信息内容", "行政事业性收费", "", "第二十条第（八）项", "上一年项目数量", "2", "", "本年增/减", "减1", "",
                     "信息内容", "政府集中采购", "", "第二十条第（九）项", "采购项目数量", "11", "", "采购总金额", "86.72", "",
                     "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "行政许可", "上一年项目数量") == "18")
        #expect(Self.value(doc, "行政许可", "本年增/减") == "增2")
        #expect(Self.value(doc, "其他对外管理服务事项", "上一年项目数量") == "6")
        #expect(Self.value(doc, "其他对外管理服务事项", "本年增/减") == "减1")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair
            && $0.message.contains("增2 would stand under 上一年项目数量") })
        // No sign: row by row and column by column both stand; left out.
        #expect(Self.value(doc, "行政处罚", "上一年项目数量") == nil)
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "行政处罚" })
        let once = try canonical(Array(text.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// pdfminer of a Chromium PDF, 2019 table 二 (holdout ranxi-xzspj-2019):
    /// 第（一）项's 对外公开总数量 column (0 9) comes after the page footer,
    /// right under 第（八）项's caption and headers. One row, so its row and
    /// column readings agree; but 9 would stand unsigned under 本年增/减 in a
    /// table whose changes are signed both ways (`changes`: 增12 减3). A
    /// change of that table is never a bare non-zero number, so the run is
    /// another column's: left out, reported, its cells empty and reported.
    static func bareChangeUnderAnotherBlock(changes: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "规章", "规范性文件",
                     "本年新制作数量", "0", "2", "本年新公开数量", "0", "2", "对外公开总数量", "",
                     "第二十条第（五）项", "信息内容", "行政许可", "其他对外管理服务事项",
                     "上一年项目数量", "186", "43", "本年增/减"] + changes + ["处理决定数量", "8642", "2175", "",
                     "第二十条第（六）项", "信息内容", "行政处罚", "行政强制",
                     "上一年项目数量", "0", "0", "本年增/减", "0", "0", "处理决定数量", "0", "0", "",
                     "第二十条第（八）项", "信息内容", "上一年项目数量", "本年增/减", "", "- 2 -", "", "0", "9", "",
                     "行政事业性收费", "", "第二十条第（九）项", "信息内容", "政府集中采购",
                     "采购项目数量", "5", "采购总金额", "126.4", "",
                     "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aBareChangeWhereChangesAreSignedLeavesItsRunOut() throws {
        let doc = try document(Self.bareChangeUnderAnotherBlock(changes: ["增12", "减3"]))
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "行政许可", "本年增/减") == "增12")
        #expect(Self.value(doc, "行政事业性收费", "上一年项目数量") == nil)
        #expect(Self.value(doc, "行政事业性收费", "本年增/减") == nil)
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion
            && $0.message.contains("0 9") && $0.message.contains("9, unsigned, under 本年增/减") })
        for column in ["上一年项目数量", "本年增/减"] {
            #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "行政事业性收费"
                && ($0.cells?.column == nil || $0.cells?.column?.last == column) })
        }
    }

    /// The same where the table signs only its decreases (减3 beside a bare
    /// 12): an unsigned change may be an increase, and the run is placed.
    @Test func aBareChangeWhereOnlyOneSignIsShownIsPlaced() throws {
        let doc = try document(Self.bareChangeUnderAnotherBlock(changes: ["12", "减3"]))
        #expect(Self.value(doc, "行政许可", "本年增/减") == "12")
        #expect(Self.value(doc, "行政事业性收费", "本年增/减") == "9")
    }

    /// As `bareChangeUnderAnotherBlock`, but with 第（六）项's caption drawn
    /// before 第（五）项's 本年增/减 column (pdfminer's Chromium PDF, holdout
    /// ranxi-xzspj-2019): that header, shared by （五）（六）（八）, stands
    /// alone and its block is unsettled (its first occurrence would be
    /// （五）, the caption says （六）). Its run goes into the one block
    /// still without that column; （八）'s, whose run was left out as a bare
    /// change, counts as answered: the header stood there with a run of its
    /// own. Counted as open, （八） made two blocks without the column, and
    /// 增12 减3 was placed nowhere.
    @Test func aLoneSharedHeadersRunSkipsTheBlockWhoseBareChangeWasLeftOut() throws {
        let lines = ["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "规章", "规范性文件",
                     "本年新制作数量", "0", "2", "本年新公开数量", "0", "2", "对外公开总数量", "",
                     "第二十条第（五）项", "信息内容", "行政许可", "其他对外管理服务事项",
                     "上一年项目数量", "186", "43", "处理决定数量", "8642", "2175", "",
                     "第二十条第（六）项", "", "本年增/减", "增12", "减3", "",
                     "信息内容", "行政处罚", "行政强制",
                     "上一年项目数量", "0", "0", "本年增/减", "0", "0", "处理决定数量", "0", "0", "",
                     "第二十条第（八）项", "信息内容", "上一年项目数量", "本年增/减", "", "- 2 -", "", "0", "9", "",
                     "行政事业性收费", "", "第二十条第（九）项", "信息内容", "政府集中采购",
                     "采购项目数量", "5", "采购总金额", "126.4", "",
                     "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "行政许可", "本年增/减") == "增12")
        #expect(Self.value(doc, "其他对外管理服务事项", "本年增/减") == "减3")
        #expect(Self.value(doc, "行政处罚", "本年增/减") == "0")
        #expect(Self.value(doc, "行政事业性收费", "本年增/减") == nil)
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("9, unsigned, under 本年增/减") })
    }

    /// pdftotext -raw of a LibreOffice PDF, 2019 table 二 (holdout
    /// liping-gaj-2020): each row of （五） comes as 41 3120 增5, its 本年增/减
    /// cell drawn after the others. Only 本年增/减 names a sign, each row
    /// holds one signed value at the same place (so no column by column
    /// reading gives them) and the headers came left to right: 增5 goes under
    /// 本年增/减, 41 3120 keep their order. （六）'s second row has no sign
    /// (8 640 0): nothing says where its 0 goes, so the block stays out.
    @Test func aSignedCellDrawnLastGoesUnderTheSignHeader() throws {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "信息内容", "行政许可", "其他对外管理服务事项",
                     "信息内容", "行政处罚", "行政强制", "信息内容", "行政事业性收费", "信息内容", "",
                     "第二十条第（一）项", "本年新制作数量", "本年新公开数量", "0", "0", "1", "1", "", "对外公开总数量", "0", "6", "",
                     "第二十条第（五）项", "上一年项目数量", "本年增/减", "处理决定数量", "41", "3120", "增5", "12", "806", "减2",
                     "第二十条第（六）项", "上一年项目数量", "本年增/减", "处理决定数量", "97", "5214", "增3", "8", "640", "0",
                     "第二十条第（八）项", "上一年项目数量", "本年增/减", "7", "减1",
                     "第二十条第（九）项", "采购项目数量", "采购总金额", "", "-2-", "", "政府集中采购", "", "9", "", "215.6", "",
                     "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "行政许可", "上一年项目数量") == "41")
        #expect(Self.value(doc, "行政许可", "本年增/减") == "增5")
        #expect(Self.value(doc, "行政许可", "处理决定数量") == "3120")
        #expect(Self.value(doc, "其他对外管理服务事项", "上一年项目数量") == "12")
        #expect(Self.value(doc, "其他对外管理服务事项", "本年增/减") == "减2")
        #expect(Self.value(doc, "其他对外管理服务事项", "处理决定数量") == "806")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair
            && $0.message.contains("not under 本年增/减") })
        // A row without a sign: the block's order is not certain; left out.
        #expect(Self.value(doc, "行政处罚", "本年增/减") == nil)
        #expect(Self.value(doc, "行政强制", "处理决定数量") == nil)
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "行政处罚" })
        let once = try canonical(Array(text.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// Table 二 of the 2019 template as pdftotext -raw reads a LibreOffice
    /// PDF (after stage 1: full-width ＋２ is +2), each block's headers
    /// together, then its rows; `five` and `six` the runs of （五） and （六）.
    static func signedBlocks(five: [String], six: [String]) -> [SourceLine] {
        let texts = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "信息内容", "行政许可", "其他对外管理服务事项",
                     "信息内容", "行政处罚", "行政强制", "信息内容", "行政事业性收费", "信息内容", "",
                     "第二十条第（一）项", "本年新制作数量", "本年新公开数量", "0", "0", "1", "1", "", "对外公开总数量", "0", "6", "",
                     "第二十条第（五）项", "上一年项目数量", "本年增/减", "处理决定数量"] + five
            + ["第二十条第（六）项", "上一年项目数量", "本年增/减", "处理决定数量"] + six
            + ["第二十条第（八）项", "上一年项目数量", "本年增/减", "5", "0",
               "第二十条第（九）项", "采购项目数量", "采购总金额", "", "政府集中采购", "", "14", "", "683.25", "",
               "三、收到和处理政府信息公开申请情况"]
        return texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
    }

    /// `signedBlocks` placed by the labels, read with the document's evidence
    /// that its extractor reads rows (its table 三's only reading steps up a
    /// row only across a blank line), as the pipeline does for a LibreOffice
    /// PDF through pdftotext -raw.
    static func placedByRows(_ lines: [SourceLine]) throws -> LabelledColumnRecovery.Placement {
        let recovery = pipeline.tables.labelledColumns
        let template = try #require(recovery.rules.templates.first { $0.id == "2019-active-disclosure" })
        let evidence = ColumnOrderEvidence(table: "2019-applications", firstLine: lines.count + 1, stepsUp: 3)
        return try #require(recovery.recover(lines, anchorAt: 1, earliest: 1, template: template, stretchEnd: lines.count - 1,
                                             rowOrder: evidence))
    }

    static func cell(_ p: LabelledColumnRecovery.Placement, _ row: String, _ column: String) -> String? {
        guard let r = p.template.rows.firstIndex(where: { !$0.isHeader && $0.path.last == row }),
              let slot = p.template.rows[r].columnPaths.firstIndex(where: { $0.last == column }) else { return nil }
        return p.values[r][slot]
    }

    /// A change written with + or − (full-width ＋２ －３ in the PDF, whose
    /// glyphs sit on the Han baseline) is drawn after the row's other cells,
    /// as 增2 is: 38 26418 +2. A signed value stands only under the header
    /// that names the sign, so each goes under 本年增/减 and the others keep
    /// their order. (Before, +2 was no sign: the rows were placed as read,
    /// 26418 under 本年增/减 and +2 under 处理决定数量, with no report.)
    @Test func aPlusOrMinusCellDrawnLastGoesUnderTheSignHeader() throws {
        let p = try Self.placedByRows(Self.signedBlocks(five: ["38", "26418", "+2", "16", "4265", "-3"],
                                                        six: ["142", "8637", "+6", "24", "1372", "-1"]))
        #expect(Self.cell(p, "行政许可", "上一年项目数量") == "38")
        #expect(Self.cell(p, "行政许可", "本年增/减") == "+2")
        #expect(Self.cell(p, "行政许可", "处理决定数量") == "26418")
        #expect(Self.cell(p, "其他对外管理服务事项", "本年增/减") == "-3")
        #expect(Self.cell(p, "其他对外管理服务事项", "处理决定数量") == "4265")
        #expect(Self.cell(p, "行政处罚", "本年增/减") == "+6")
        #expect(Self.cell(p, "行政强制", "处理决定数量") == "1372")
        #expect(p.bySignedCell.map(\.value) == ["+2", "+6"])
        #expect(p.unplaced.isEmpty)
    }

    /// A bare 0 change (full-width ０ in the PDF) is drawn last too, but
    /// nothing in the row says so: 142 8637 0 reads 8637 under 本年增/减 as
    /// written and 0 there drawn last. Where the table shows that its
    /// extractor draws that cell last (+2 after 26418 in （五）), such a
    /// block is left empty and reported, whether it comes before or after
    /// the block that shows it. (Before, 8637 stood under 本年增/减 and 0
    /// under 处理决定数量, with no report.)
    @Test func aBareZeroChangeIsInDoubtWhereASignedCellWasDrawnLast() throws {
        for (five, six) in [(["38", "26418", "+2", "16", "4265", "-3"], ["142", "8637", "0", "24", "1372", "0"]),
                            (["142", "8637", "0", "24", "1372", "0"], ["38", "26418", "+2", "16", "4265", "-3"])] {
            let p = try Self.placedByRows(Self.signedBlocks(five: five, six: six))
            let (signed, zero) = five.contains("+2") ? (("行政许可", "其他对外管理服务事项"), ("行政处罚", "行政强制"))
                : (("行政处罚", "行政强制"), ("行政许可", "其他对外管理服务事项"))
            #expect(Self.cell(p, signed.0, "本年增/减") == "+2")
            #expect(Self.cell(p, signed.1, "处理决定数量") == "4265")
            for row in [zero.0, zero.1] {
                for column in ["上一年项目数量", "本年增/减", "处理决定数量"] { #expect(Self.cell(p, row, column) == nil, "\(row) \(column)") }
            }
            #expect(p.unplaced.map(\.text) == ["142", "8637", "0", "24", "1372", "0"])
            #expect(p.unplaced.allSatisfy { $0.reason.contains("may hold its 本年增/减 cell last, as +2 was drawn in this table") })
            // The rows of the block left out are not reported as read row by row.
            #expect(p.byEvidence.allSatisfy { !$0.headers.contains("本年增/减") })
        }
    }

    /// Where no signed cell of the table was drawn last, a row with a bare 0
    /// change is read as before (Chromium's PDF draws every cell in place:
    /// 38 +2 26418 then 16 0 4265).
    @Test func aBareZeroChangeIsReadAsBeforeWhereNoSignedCellWasDrawnLast() throws {
        let p = try Self.placedByRows(Self.signedBlocks(five: ["38", "+2", "26418", "16", "0", "4265"],
                                                        six: ["142", "0", "8637", "24", "-1", "1372"]))
        #expect(Self.cell(p, "其他对外管理服务事项", "本年增/减") == "0")
        #expect(Self.cell(p, "其他对外管理服务事项", "处理决定数量") == "4265")
        #expect(Self.cell(p, "行政处罚", "本年增/减") == "0")
        #expect(Self.cell(p, "行政处罚", "处理决定数量") == "8637")
        #expect(p.unplaced.isEmpty)
    }

    /// Every change a bare 0 (full-width ０ in the PDF, drawn last), no
    /// signed cell anywhere in the table: nothing shows where the change
    /// cells were drawn. The blocks are read row by row only on table 三's
    /// evidence, so in each row the cells from 本年增/减 on are left empty and
    /// reported; 上一年项目数量 is the same either way and placed. (Before,
    /// 26418 stood under 本年增/减 and 0 under 处理决定数量, with no report.)
    @Test func bareZeroChangesWithNoSignedCellAreInDoubtWhenReadOnlyByEvidence() throws {
        let p = try Self.placedByRows(Self.signedBlocks(five: ["38", "26418", "0", "16", "4265", "0"],
                                                        six: ["142", "8637", "0", "24", "1372", "0"]))
        for (row, previous) in [("行政许可", "38"), ("其他对外管理服务事项", "16"), ("行政处罚", "142"), ("行政强制", "24")] {
            #expect(Self.cell(p, row, "上一年项目数量") == previous)
            #expect(Self.cell(p, row, "本年增/减") == nil, "\(row)")
            #expect(Self.cell(p, row, "处理决定数量") == nil, "\(row)")
        }
        #expect(Self.cell(p, "行政事业性收费", "本年增/减") == "0")
        #expect(p.unplaced.map(\.text) == ["26418", "0", "4265", "0", "8637", "0", "1372", "0"])
        #expect(p.unplaced.allSatisfy { $0.reason.contains("may hold its unsigned 本年增/减 cell last") })
    }

    /// `signedBlocks` with a page break between （六）'s rows: its first row
    /// alone before the break (one row's worth under its three headers), its
    /// second after the break behind its own row label (行政强制, no longer in
    /// the label stack; the page number is gone by this stage). Each reads
    /// the same row by row and column by column, so no order evidence is
    /// asked.
    static func sixSplitByAPage(five: [String], six: [String]) -> [SourceLine] {
        let texts = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "信息内容", "行政许可", "其他对外管理服务事项",
                     "信息内容", "行政处罚", "信息内容", "行政事业性收费", "信息内容", "",
                     "第二十条第（一）项", "本年新制作数量", "本年新公开数量", "0", "0", "1", "1", "", "对外公开总数量", "0", "6", "",
                     "第二十条第（五）项", "上一年项目数量", "本年增/减", "处理决定数量"] + five
            + ["第二十条第（六）项", "上一年项目数量", "本年增/减", "处理决定数量"] + six.prefix(3)
            + ["", "行政强制"] + six.suffix(3)
            + ["第二十条第（八）项", "上一年项目数量", "本年增/减", "5", "0",
               "第二十条第（九）项", "采购项目数量", "采购总金额", "", "政府集中采购", "", "14", "", "683.25", "",
               "三、收到和处理政府信息公开申请情况"]
        return texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
    }

    /// A row placed alone (a block's top row before a page break, a row
    /// label then its values) whose change is an unsigned 0, in a table
    /// where a signed change was drawn after its row's other cells
    /// (38 26418 +2): 142 8637 0 may be 142 0 8637. Before, both rows of
    /// （六） were placed as read, 8637 and 1372 under 本年增/减 and 0 under
    /// 处理决定数量, unreported; now those cells are left empty and reported.
    @Test func aSingleRowsUnsignedChangeIsInDoubtWhereASignedOneWasDrawnLast() throws {
        let p = try Self.placedByRows(Self.sixSplitByAPage(five: ["38", "26418", "+2", "16", "4265", "-3"],
                                                           six: ["142", "8637", "0", "24", "1372", "0"]))
        #expect(Self.cell(p, "行政许可", "本年增/减") == "+2")
        #expect(Self.cell(p, "其他对外管理服务事项", "处理决定数量") == "4265")
        for (row, previous) in [("行政处罚", "142"), ("行政强制", "24")] {
            #expect(Self.cell(p, row, "上一年项目数量") == previous)
            #expect(Self.cell(p, row, "本年增/减") == nil, "\(row)")
            #expect(Self.cell(p, row, "处理决定数量") == nil, "\(row)")
        }
        #expect(Set(p.unplaced.map(\.text)) == ["8637", "0", "1372"])
        #expect(p.unplaced.count == 4)
        #expect(p.unplaced.allSatisfy { $0.reason.contains("may hold its 本年增/减 cell last, as +2 was drawn in this table") })
    }

    /// The same rows where the signed change was drawn in its place
    /// (38 +2 26418): nothing says the extractor draws that cell last, and
    /// the single rows are placed as read.
    @Test func aSingleRowIsPlacedAsReadWhereTheSignedChangeWasDrawnInPlace() throws {
        let p = try Self.placedByRows(Self.sixSplitByAPage(five: ["38", "+2", "26418", "16", "-3", "4265"],
                                                           six: ["142", "0", "8637", "24", "0", "1372"]))
        #expect(Self.cell(p, "行政处罚", "本年增/减") == "0")
        #expect(Self.cell(p, "行政处罚", "处理决定数量") == "8637")
        #expect(Self.cell(p, "行政强制", "处理决定数量") == "1372")
        #expect(p.unplaced.isEmpty)
    }

    /// `lines` as stage 1 leaves them: full-width digits folded, each line
    /// with its width as extracted (a full-width ０ is 2 columns, its text
    /// 0 one).
    static func measured(_ lines: [SourceLine]) -> [SourceLine] {
        lines.map { line in
            let folded = String(String.UnicodeScalarView(line.text.unicodeScalars.map {
                (0xFF10...0xFF19).contains($0.value) ? Unicode.Scalar($0.value - 0xFF10 + 0x30)! : $0
            }))
            return SourceLine(number: line.number, text: folded, extractedColumns: DisplayWidth.columns(line.text))
        }
    }

    /// The single rows of （六） (its top row before a page break, 行政强制's
    /// label then its values) whose change is a full-width ０, in a table
    /// with no signed cell: pdftotext -raw of a LibreOffice PDF draws ０
    /// after the row's other cells, as it does 增2, and the line shows it
    /// (2 columns for the text 0). Before, both rows were placed as read,
    /// 8637 and 1372 under 本年增/减 and 0 under 处理决定数量, unreported;
    /// now those cells are left empty and reported. Typed full-width
    /// throughout, every cell sits on one baseline and is drawn in its
    /// place: nothing stands out, and the rows are placed as read.
    @Test func aSingleRowsFullWidthZeroDrawnLastPutsItInDoubt() throws {
        let five = ["38", "26418", "0", "16", "4265", "0"]
        let p = try Self.placedByRows(Self.measured(Self.sixSplitByAPage(five: five, six: ["142", "8637", "０", "24", "1372", "０"])))
        for (row, previous) in [("行政处罚", "142"), ("行政强制", "24")] {
            #expect(Self.cell(p, row, "上一年项目数量") == previous)
            #expect(Self.cell(p, row, "本年增/减") == nil, "\(row)")
            #expect(Self.cell(p, row, "处理决定数量") == nil, "\(row)")
        }
        let wide = p.unplaced.filter { $0.reason.contains("as its last value 0 was drawn full-width") }
        #expect(wide.map(\.text).sorted() == ["0", "0", "1372", "8637"])

        let full = try Self.placedByRows(Self.measured(Self.sixSplitByAPage(five: five, six: ["１４２", "８６３７", "０", "２４", "１３７２", "０"])))
        #expect(Self.cell(full, "行政处罚", "本年增/减") == "8637")
        #expect(Self.cell(full, "行政强制", "处理决定数量") == "0")
        #expect(!full.unplaced.contains { $0.reason.contains("full-width") })
    }

    /// A row held in doubt (`bareZeroChangesWithNoSignedCellAreInDoubtWhenReadOnlyByEvidence`)
    /// whose cells another run already holds: 行政许可 read first alone, its
    /// label then 38 999 5, then again in （五）'s block. Two runs claim
    /// each of its cells, so none keeps a value and every value is reported,
    /// as for any cell two runs claim. (Before, the held cells kept the
    /// other run's 999 and 5, unreported, while 38 was reported.)
    @Test func aHeldRowsCellsClaimedByAnotherRunAreLeftEmptyAndReported() throws {
        var lines = Self.signedBlocks(five: ["38", "26418", "0", "16", "4265", "0"], six: ["142", "8637", "0", "24", "1372", "0"]).map(\.text)
        let caption = try #require(lines.firstIndex(of: "第二十条第（五）项"))
        lines.insert(contentsOf: ["行政许可", "38", "999", "5"], at: caption)
        let p = try Self.placedByRows(lines.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) })
        for column in ["上一年项目数量", "本年增/减", "处理决定数量"] { #expect(Self.cell(p, "行政许可", column) == nil, "\(column)") }
        #expect(Self.cell(p, "其他对外管理服务事项", "上一年项目数量") == "16")
        let reported = p.unplaced.map(\.text)
        for text in ["38", "999", "5", "26418", "0"] { #expect(reported.contains(text), "\(text)") }
        #expect(p.unplaced.contains { $0.text == "999" && $0.reason == "two runs of values claim its cell" })
        #expect(p.unplaced.contains { $0.text == "26418" && $0.reason.contains("may hold its unsigned 本年增/减 cell last") })
    }

    /// pdftotext -raw of a LibreOffice PDF with a page break inside table 二:
    /// 现行有效件数 right above its run 0 9, then the page (its number read
    /// before the break, the extractor's form feed before 186) and the run
    /// of （五）'s 本年处理决定数量. A row going down across a page break stays
    /// in its block; a run after the break that goes to another block's
    /// header is a column of its own and is placed.
    static func pageBreakBeforeAnotherBlock(lastRun: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "行政规范性文件", "信息内容", "",
                     "第二十条第（一）项", "本年制发件数", "本年废止件数", "0", "0", "0", "0",
                     "第二十条第（五）项", "本年处理决定数量", "", "-2-", "", "现行有效件数", "0", "9", ""]
            + lastRun
            + ["", "行政许可", "信息内容", "行政处罚", "行政强制", "信息内容", "行政事业性收费", "",
               "第二十条第（六）项", "本年处理决定数量", "7", "0", "第二十条第（八）项", "本年收费金额（单位：万元）", "0", "",
               "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aRunAfterAPageBreakGoesToAnotherBlocksHeader() throws {
        let doc = try document(Self.pageBreakBeforeAnotherBlock(lastRun: ["\u{0C}186"]))
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure"])
        #expect(Self.value(doc, "规章", "现行有效件数") == "0")
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "9")
        #expect(Self.value(doc, "行政许可", "本年处理决定数量") == "186")
        #expect(Self.value(doc, "行政处罚", "本年处理决定数量") == "7")
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
    }

    /// The same page, but two values after it where （五）'s column holds
    /// one: no run is placed (the cells stay empty and reported).
    @Test func aRunAfterAPageBreakThatFitsNoColumnPlacesNone() throws {
        let doc = try document(Self.pageBreakBeforeAnotherBlock(lastRun: ["\u{0C}186", "3"]))
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == nil)
        #expect(Self.value(doc, "行政许可", "本年处理决定数量") == nil)
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" })
    }

    /// pdftotext -raw of a LibreOffice PDF (2019 format) with block （五）'s
    /// headers before a page break and its row labels after it, then its
    /// columns as runs between blank lines, the signed 本年增/减 drawn last:
    /// 上一年项目数量, 处理决定数量, 本年增/减. The header that names the sign
    /// is kept for the run that holds it; the runs before it go to the other
    /// headers in their order.
    static func signedColumnLast(_ signedRun: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "",
                     "第二十条第（一）项", "本年新制作数量", "本年新公开数量", "0", "0", "0", "0", "",
                     "对外公开总数量", "0", "31", "", "信息内容", "",
                     "第二十条第（五）项", "上一年项目数量", "本年增/减", "", "处理决定数量", "", "-2-", "",
                     "行政许可", "其他对外管理服务事项", "信息内容", "行政处罚", "行政强制", "",
                     "52", "17", "", "2480", "966", ""] + signedRun
            + ["", "第二十条第（六）项", "上一年项目数量", "本年增/减", "88", "5", "5", "减2", "",
               "处理决定数量", "73", "9", "", "信息内容", "行政事业性收费", "",
               "第二十条第（八）项", "上一年项目数量", "3", "", "本年增/减", "0", "",
               "信息内容", "政府集中采购", "", "第二十条第（九）项", "采购项目数量", "12", "", "采购总金额", "210.5 万元", "",
               "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aSignedRunKeepsItsHeaderWhileTheRunsBeforeItGoInOrder() throws {
        let doc = try document(Self.signedColumnLast(["减4", "增1"]))
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "行政许可", "上一年项目数量") == "52")
        #expect(Self.value(doc, "其他对外管理服务事项", "上一年项目数量") == "17")
        #expect(Self.value(doc, "行政许可", "处理决定数量") == "2480")
        #expect(Self.value(doc, "其他对外管理服务事项", "处理决定数量") == "966")
        #expect(Self.value(doc, "行政许可", "本年增/减") == "减4")
        #expect(Self.value(doc, "其他对外管理服务事项", "本年增/减") == "增1")
        #expect(Self.value(doc, "行政强制", "本年增/减") == "减2")
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
        #expect(doc.diagnostics.contains { $0.message.contains("as many as the rows under 处理决定数量") && $0.message.contains("but 本年增/减, kept for the signed values") })
    }

    /// The same, but the signed run is one value short: it fits no column,
    /// so none of the block's runs is placed (no unsigned run goes to
    /// 本年增/减 instead), and the cells are reported.
    @Test func aSignedRunThatFitsNoColumnPlacesNone() throws {
        let doc = try document(Self.signedColumnLast(["减4"]))
        #expect(Self.value(doc, "行政许可", "上一年项目数量") == nil)
        #expect(Self.value(doc, "行政许可", "处理决定数量") == nil)
        #expect(Self.value(doc, "行政许可", "本年增/减") == nil)
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "行政许可" })
    }

    /// Table 二 as its grid (a first run's output read back), the last row's
    /// first cell empty, and numbers the first run placed nowhere left as
    /// text under it. The row-by-row match fills that row from the left with
    /// them (27.8 0, left over 4); the grid keeps 27.8 in its column, and the
    /// numbers are reported, not put in a cell.
    @Test func strayNumbersUnderAGridDoNotShiftItsRow() throws {
        let lines = ["二、主动公开政府信息情况", "",
                     "第二十条第（一）项\t\t\t", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
                     "规章\t0\t0\t0", "规范性文件\t1\t1\t5",
                     "第二十条第（五）项\t\t\t", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
                     "行政许可\t3\t0\t12", "其他对外管理服务事项\t14\t增2\t2371",
                     "第二十条第（六）项\t\t\t", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
                     "行政处罚\t6\t减1\t23", "行政强制\t2\t0\t7",
                     "第二十条第（八）项\t\t\t", "信息内容\t上一年项目数量\t本年增/减\t",
                     "行政事业性收费\t1\t0\t",
                     "第二十条第（九）项\t\t\t", "信息内容\t采购项目数量\t采购总金额\t",
                     "政府集中采购\t\t27.8\t", "", "0", "", "4", "",
                     "三、收到和处理政府信息公开申请情况", "", "全年无申请。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "政府集中采购", "采购总金额") == "27.8")
        #expect(Self.value(doc, "政府集中采购", "采购项目数量") == nil)
        #expect(Self.value(doc, "行政处罚", "处理决定数量") == "23")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion && $0.message.contains("0 4") })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.surplus-value" })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("政府集中采购\t\t27.8\t\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// pdftotext -raw of a Chromium PDF (2019 format): every row label
    /// first, a late-drawn run (增3 3517, of another block) right after the
    /// last one, 政府集中采购, then the blocks, （九）'s headers followed by
    /// `lastRun`. A signed change stands only under a header that names the
    /// sign, so that run is no row of 政府集中采购: it is reported, and does
    /// not claim the row's cells.
    static func lateSignedRun(lastRun: [String], earlyRun: [String] = ["增3", "3517"]) -> String {
        let zeros = [String](repeating: "0", count: 6)
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "信息内容", "行政许可", "其他对外管理服务事项",
                     "信息内容", "行政处罚", "行政强制", "信息内容", "行政事业性收费", "信息内容", "政府集中采购", ""]
            + earlyRun + ["", "第二十条第（一）项", "本年新制作数量", "本年新公开数量", "对外公开总数量"] + zeros
            + ["", "第二十条第（五）项", "上一年项目数量", "本年增/减", "处理决定数量"] + zeros
            + ["", "第二十条第（六）项", "上一年项目数量", "本年增/减", "处理决定数量"] + zeros
            + ["", "第二十条第（八）项", "上一年项目数量", "本年增/减", "0", "0",
               "", "第二十条第（九）项", "采购项目数量", "采购总金额"] + lastRun
            + ["", "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aSignedValueAfterARowLabelGoesOnlyUnderASignHeader() throws {
        let doc = try document(Self.lateSignedRun(lastRun: ["18", "352.6万元"]))
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "政府集中采购", "采购项目数量") == "18")
        #expect(Self.value(doc, "政府集中采购", "采购总金额") == "352.6万元")
        #expect(Self.value(doc, "行政处罚", "处理决定数量") == "0")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion && $0.message.contains("增3 would stand under 采购项目数量") })
        #expect(!doc.diagnostics.contains { $0.message.contains("two runs of values claim") })
    }

    /// The same with one value too many under （九）'s headers: no run is
    /// that row's, and the signed one is still put in no cell of it.
    @Test func aSignedRunAfterARowLabelIsNotThatRowsWhenNothingElseIs() throws {
        let text = Self.lateSignedRun(lastRun: ["18", "352.6万元", "21"])
        let doc = try document(text)
        #expect(Self.value(doc, "政府集中采购", "采购项目数量") != "增3")
        #expect(Self.value(doc, "政府集中采购", "采购总金额") != "3517")
        #expect(doc.diagnostics.contains { $0.message.contains("增3 would stand under 采购项目数量") })
        #expect(doc.diagnostics.contains { $0.kind == .suspicion && $0.cells?.row?.last == "政府集中采购" })
        let once = try canonical(Array(text.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// pdftotext -raw, the labels of several blocks stacked as one column:
    /// an unsigned run after that stack, past a blank line, is a column beside
    /// it (上一年项目数量 of 行政处罚, 行政强制), not 政府集中采购 read left to
    /// right, so it takes none of that row's cells and the row keeps its own.
    @Test func aRunPastABlankLineAfterAStackOfRowLabelsIsNotTheLastRows() throws {
        let text = Self.lateSignedRun(lastRun: ["18", "352.6万元"], earlyRun: ["35", "8"])
        let doc = try document(text)
        #expect(Self.value(doc, "政府集中采购", "采购项目数量") == "18")
        #expect(Self.value(doc, "政府集中采购", "采购总金额") == "352.6万元")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion && $0.message.contains("across a blank line") })
        #expect(!doc.diagnostics.contains { $0.message.contains("two runs of values claim") })
        let once = try canonical(Array(text.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// pdftotext -raw of a Chromium PDF (2019 format): every header of
    /// blocks （一）（五）（六） is read before any of their values, which follow
    /// as runs of two between blank lines, six before the page number and
    /// three after it. Chromium drew them 一·1 一·2 五·1 一·3 五·2 六·1, then
    /// 五·3 六·2 六·3; but read down each column, each block left to right
    /// and the blocks top to bottom, several orders fit these runs (as they
    /// do the signs and 本年新公开数量 ≤ 对外公开总数量), and other PDFs draw
    /// the same blocks in other orders. So only the runs every such order
    /// puts in one place are placed (1 5 the first column, the signed -2 1
    /// （五）'s 本年增/减, 2 0 after both its neighbours （六）'s 处理决定数量, by
    /// `OneReading`): each other value is reported and its cells left empty.
    /// （八）（九）, whose values follow their headers, are placed.
    @Test func runsAfterTheHeadersOfSeveralBlocksInNoOrderTheyTellAreLeftFlagged() throws {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "信息内容", "行政许可", "其他对外管理服务事项",
                     "信息内容", "行政处罚", "行政强制", "信息内容", "行政事业性收费", "",
                     "第二十条第（一）项", "本年新制作数量 本年新公开数量", "", "对外公开总数量", "",
                     "第二十条第（五）项", "上一年项目数量", "本年增/减", "", "处理决定数量", "",
                     "第二十条第（六）项", "上一年项目数量", "本年增/减", "", "处理决定数量", "",
                     "1", "5", "", "1", "4", "", "20", "7", "", "3", "30", "", "-2", "1", "", "0", "1", "",
                     "第二十条第（八）项", "上一年项目数量", "2", "第二十条第（九）项", "-2-", "",
                     "150", "60", "", "0", "0", "", "2", "0", "", "本年增/减", "0", "",
                     "信息内容", "政府集中采购", "", "采购项目数量", "3", "", "采购总金额", "12.5万元", "",
                     "三、收到和处理政府信息公开申请情况", "全年未收到申请。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        let placed: [(String, String, String)] = [
            ("规章", "本年新制作数量", "1"), ("规范性文件", "本年新制作数量", "5"), ("行政许可", "本年增/减", "-2"),
            ("其他对外管理服务事项", "本年增/减", "1"), ("行政处罚", "处理决定数量", "2"), ("行政强制", "处理决定数量", "0")]
        for (row, column, value) in placed { #expect(Self.value(doc, row, column) == value, "\(row) × \(column)") }
        for row in ["规章", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制"] {
            #expect(doc.tables.flatMap(\.records).filter { $0.row.last == row && !$0.value.isEmpty }.count == 1)
            #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == row })
        }
        #expect(Self.value(doc, "行政事业性收费", "上一年项目数量") == "2")
        #expect(Self.value(doc, "行政事业性收费", "本年增/减") == "0")
        #expect(Self.value(doc, "政府集中采购", "采购总金额") == "12.5万元")
        let reported = doc.diagnostics.filter { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion }.map(\.message)
        #expect(reported.contains { $0.contains("1 4 20 7 3 30 0 1 150 60 0 0") && $0.contains("differs between the readings") })
        let once = try canonical(Array(text.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// pdftotext of a Chromium PDF whose table 二 a page break cuts after
    /// 规章's row: that row's cells under their headers, the page number, a
    /// form feed, then the labels of the rows on the next page and the cells
    /// of 行政规范性文件 with no header above them, among the other blocks'
    /// (`middle`: what stands between its second cell and （八）).
    static func cutAfterTheFirstRow(_ middle: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "", "第二十条第（一）项", "本年制发件数", "本年废止件数", "2", "",
                     "1", "", "-2-", "", "现行有效件数", "15", "", "\u{0C}行政规范性文件", "信息内容", "行政许可", "信息内容",
                     "行政处罚", "行政强制", "信息内容", "行政事业性收费", "", "7", "", "4", ""] + middle
            + ["", "第二十条第（八）项", "本年收费金额（单位：万元）", "86.5", "", "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each value after its row label and header, after the cells above and
    /// to its left, 316 25 down one column, 2210 right under its header:
    /// one reading only, taken.
    @Test func aTableCutByAPageBreakIsReadInItsOneReading() throws {
        let text = Self.cutAfterTheFirstRow(["第二十条第（五）项", "本年处理决定数量", "2210", "第二十条第（六）项", "本年处理决定数量", "",
                                             "83", "", "316", "25"])
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure"])
        #expect(Self.value(doc, "规章", "本年制发件数") == "2")
        #expect(Self.value(doc, "规章", "本年废止件数") == "1")
        #expect(Self.value(doc, "规章", "现行有效件数") == "15")
        #expect(Self.value(doc, "行政规范性文件", "本年制发件数") == "7")
        #expect(Self.value(doc, "行政规范性文件", "本年废止件数") == "4")
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "83")
        #expect(Self.value(doc, "行政许可", "本年处理决定数量") == "2210")
        #expect(Self.value(doc, "行政处罚", "本年处理决定数量") == "316")
        #expect(Self.value(doc, "行政强制", "本年处理决定数量") == "25")
        #expect(Self.value(doc, "行政事业性收费", "本年收费金额（单位：万元）") == "86.5")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair && $0.message.contains("exactly one reading") })
        #expect(!doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
        let once = try canonical(Array(text.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// 2210 and 83 both after （六）'s header, each between blank lines:
    /// either may be 行政许可's or 行政规范性文件's last cell. Two readings:
    /// those cells stay empty and reported.
    @Test func aTableCutByAPageBreakWithTwoReadingsIsLeftFlagged() throws {
        let text = Self.cutAfterTheFirstRow(["第二十条第（五）项", "本年处理决定数量", "第二十条第（六）项", "本年处理决定数量", "",
                                             "2210", "", "83", "", "316", "25"])
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure"])
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == nil)
        #expect(Self.value(doc, "行政许可", "本年处理决定数量") == nil)
        #expect(!doc.diagnostics.contains { $0.message.contains("exactly one reading") })
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "行政许可" })
    }

    /// The same row read as boxes (pdfminer: every caption and header set
    /// apart by blank lines, the row's right cell first): whether a row's
    /// cells come left to right is not known there, so no reading is sought
    /// and its cells stay empty and reported.
    @Test func aTableReadAsBoxesIsNotReadInOneReading() throws {
        let lines = ["二、主动公开政府信息情况", "", "第二十条第（一）项", "", "信息内容", "规章", "", "本年制发件数", "", "本年废止件数", "",
                     "现行有效件数", "", "2", "", "1", "", "15", "", "- 2 -", "", "行政规范性文件", "", "信息内容", "行政许可", "",
                     "信息内容", "行政处罚", "行政强制", "", "信息内容", "行政事业性收费", "", "83", "", "7", "第二十条第（五）项", "", "4", "",
                     "本年处理决定数量", "", "2210", "", "第二十条第（六）项", "", "本年处理决定数量", "", "316", "25", "",
                     "第二十条第（八）项", "", "本年收费金额（单位：万元）", "", "86.5", "", "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure"])
        #expect(Self.value(doc, "行政规范性文件", "本年制发件数") == nil)
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == nil)
        #expect(!doc.diagnostics.contains { $0.message.contains("exactly one reading") })
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "行政规范性文件" })
    }

    /// Chromium's 2019-format table 二 through pdftotext: the label column
    /// first, then text blocks in the page's order, not row by row; the
    /// blocks of the right-hand column after the heading 三、, set on the left
    /// below the table. Placed by no header or run, the stretch holds all 22
    /// values only with the lines after that heading.
    static func readByBlocks(after heading: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "信息内容", "行政许可", "其他对外管理服务事项",
                     "信息内容", "行政处罚", "行政强制", "信息内容", "行政事业性收费", "信息内容", "政府集中采购", "",
                     "第二十条第（一）项", "本年新制作数量 本年新公开数量", "1", "5", "", "对外公开总数量", "", "0", "3", "", "2", "40", "",
                     "第二十条第（五）项", "上一年项目数量", "本年增/减", "0", "0", "9", "增1",
                     "第二十条第（六）项", "上一年项目数量", "本年增/减", "7", "0", "",
                     "第二十条第（八）项", "上一年项目数量", "2", "第二十条第（九）项", "采购项目数量", "",
                     "处理决定数量", "0", "1830", "", "处理决定数量", "", "0", "0", "", "3", "",
                     "三、收到和处理政府信息公开申请情况", ""] + heading + ["", "全年未收到政府信息公开申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// 0⏎0⏎9⏎增1 is one block of two rows of two columns, read row by row;
    /// 0⏎3 and 2⏎40 would make one rectangle stacked if read across a row
    /// each (one block then, not two), so they are columns; zeros that trade
    /// cells give the same table; 15 0, 本年增/减 0 and 采购总金额 12.5 stand
    /// after the heading. One reading: taken, and the lines after the heading
    /// are the table's, not text (with 增1 counted, they make the table
    /// whole, so the heading goes after them before the table is read).
    @Test func aTableReadByBlocksPastTheNextHeadingIsReadInItsOneReading() throws {
        let text = Self.readByBlocks(after: ["15", "0", "", "本年增/减", "0", "", "采购总金额", "12.5"])
        let doc = try document(text, tracing: true)
        #expect(doc.tables.first?.templateID == "2019-active-disclosure")
        let expected: [(String, String, String)] = [
            ("规章", "本年新制作数量", "1"), ("规章", "本年新公开数量", "0"), ("规章", "对外公开总数量", "2"),
            ("规范性文件", "本年新制作数量", "5"), ("规范性文件", "本年新公开数量", "3"), ("规范性文件", "对外公开总数量", "40"),
            ("行政许可", "上一年项目数量", "0"), ("行政许可", "本年增/减", "0"), ("行政许可", "处理决定数量", "0"),
            ("其他对外管理服务事项", "上一年项目数量", "9"), ("其他对外管理服务事项", "本年增/减", "增1"), ("其他对外管理服务事项", "处理决定数量", "1830"),
            ("行政处罚", "上一年项目数量", "7"), ("行政处罚", "本年增/减", "0"), ("行政处罚", "处理决定数量", "15"),
            ("行政强制", "上一年项目数量", "0"), ("行政强制", "本年增/减", "0"), ("行政强制", "处理决定数量", "0"),
            ("行政事业性收费", "上一年项目数量", "2"), ("行政事业性收费", "本年增/减", "0"),
            ("政府集中采购", "采购项目数量", "3"), ("政府集中采购", "采购总金额", "12.5")]
        for (row, column, value) in expected { #expect(Self.value(doc, row, column) == value, "\(row) × \(column)") }
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("exactly one reading") })
        #expect(doc.trace.contains { $0.rule == "tables.interleaved-heading" })
        #expect(!doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("政府集中采购\t3\t12.5\t\n\n三、收到和处理政府信息公开申请情况\n\n全年未收到政府信息公开申请。\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// One number more after the heading: the stretch and those lines hold
    /// 23 values for 22 cells, so nothing is read past the heading and the
    /// cells stay empty and reported, as before.
    @Test func moreValuesPastTheNextHeadingThanTheTableLacksAreNotRead() throws {
        let doc = try document(Self.readByBlocks(after: ["15", "0", "", "本年增/减", "0", "", "采购总金额", "12.5", "", "4"]))
        #expect(doc.tables.first?.templateID == "2019-active-disclosure")
        #expect(Self.value(doc, "行政处罚", "处理决定数量") == nil)
        #expect(!doc.diagnostics.contains { $0.message.contains("exactly one reading") })
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.message.contains("行政处罚") })
    }

    /// Chromium's PDF through pdftotext -raw, a 2019 table 二 broken by a
    /// page inside （五） (the kind of holdout pingxi-dzj-2020): the row after
    /// the break comes with its signed cell first (减1 5 38), so no reading
    /// of the whole table holds, and the table's rest, headers with it
    /// (处理决定数量 7 0, 本年增/减 减1, 采购总金额 8.5万元), is drawn after
    /// section 三's heading. Counted with their signs and units, those values
    /// make the table whole (as bare numbers they did not): the heading goes
    /// after them and their headers place them; the cells no header places
    /// stay empty and reported.
    static func restAfterTheNextHeading(_ rest: [String], pageTwoRow: [String] = ["减1", "5", "38"], captionsApart: Bool = false) -> String {
        let lines = ["二、主动公开政府信息情况", "信息内容", "规章", "规范性文件", "", "第二十条第（一）项", "本年新制作数量", "0", "2", "",
                     "本年新公开数量", "0", "2", "", "对外公开总数量", "1", "9", "",
                     "信息内容", "行政许可", "", "第二十条第（五）项", "上一年项目数量", "3", "", "本年增/减", "增2", "", "处理决定数量", "26", "",
                     "-1-", "", "其他对外管理服务事项"] + pageTwoRow + ["",
                     "信息内容", "行政处罚", "行政强制", "", "第二十条第（六）项", "上一年项目数量", "4", "0", "", "本年增/减", "0", "0", "",
                     "信息内容", "行政事业性收费", "", "第二十条第（八）项", "上一年项目数量", "1", "",
                     "信息内容", "政府集中采购", "", "第二十条第（九）项", "采购项目数量", "2", "",
                     "三、收到和处理政府信息公开申请情况", ""] + rest + ["", "本年共收到政府信息公开申请5件。"]
        return lines.flatMap { captionsApart && $0.hasPrefix("第二十条") ? [$0, ""] : [$0] }.joined(separator: "\n") + "\n"
    }

    @Test func aTablesRestWithItsHeadersAfterTheNextHeadingGoesBack() throws {
        let text = Self.restAfterTheNextHeading(["处理决定数量", "7", "0", "", "本年增/减", "减1", "", "采购总金额", "8.5万元"])
        let doc = try document(text, tracing: true)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(doc.trace.contains { $0.rule == "tables.interleaved-heading" })
        let expected: [(String, String, String)] = [
            ("规章", "本年新制作数量", "0"), ("规范性文件", "对外公开总数量", "9"),
            ("行政处罚", "上一年项目数量", "4"), ("行政处罚", "本年增/减", "0"), ("行政处罚", "处理决定数量", "7"),
            ("行政强制", "上一年项目数量", "0"), ("行政强制", "本年增/减", "0"), ("行政强制", "处理决定数量", "0"),
            ("行政事业性收费", "上一年项目数量", "1"), ("行政事业性收费", "本年增/减", "减1"),
            ("政府集中采购", "采购项目数量", "2"), ("政府集中采购", "采购总金额", "8.5万元")]
        for (row, column, value) in expected { #expect(Self.value(doc, row, column) == value, "\(row) × \(column)") }
        for row in ["行政许可", "其他对外管理服务事项"] {
            #expect(Self.value(doc, row, "上一年项目数量") == nil)
            #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == row }, "\(row)")
        }
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("政府集中采购\t2\t8.5万元\t\n\n三、收到和处理政府信息公开申请情况\n\n本年共收到政府信息公开申请5件。\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// pdfminer's boxes, each caption set apart by a blank line (no one
    /// reading is sought there): a value before the first header after the
    /// heading (38, the row's last cell drawn there) may be any column's. The
    /// piece goes back whole, in its drawing order: 38 stands after a blank
    /// line past 采购项目数量's 2 (the one column of its block still empty,
    /// so drawn elsewhere), nothing places it, and it is reported, not left
    /// as text under the heading.
    @Test func valuesBeforeTheFirstHeaderAfterTheNextHeadingGoBackUnplaced() throws {
        let text = Self.restAfterTheNextHeading(["38", "", "处理决定数量", "7", "0", "", "本年增/减", "减1", "", "采购总金额", "8.5万元"],
                                                pageTwoRow: ["减1", "5"], captionsApart: true)
        let doc = try document(text, tracing: true)
        #expect(doc.trace.contains { $0.rule == "tables.interleaved-heading" && $0.after.hasPrefix("38⏎⏎处理决定数量") })
        #expect(Self.value(doc, "政府集中采购", "采购项目数量") == "2")
        #expect(Self.value(doc, "行政处罚", "处理决定数量") == "7")
        #expect(Self.value(doc, "行政强制", "处理决定数量") == "0")
        #expect(Self.value(doc, "行政事业性收费", "本年增/减") == "减1")
        #expect(Self.value(doc, "其他对外管理服务事项", "处理决定数量") == nil)
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion && $0.message.contains("number(s) 38 ") })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("政府集中采购\t2\t8.5万元\t\n\n三、收到和处理政府信息公开申请情况\n\n本年共收到政府信息公开申请5件。\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// pdfminer of a Chromium PDF, 2019 format (holdouts tongxi-lyj-2020,
    /// congyang-dag-2019, weixi-xiang-2019): 第（一）项's third column box
    /// 0⏎9 drawn right after section 三's heading, before the boxes of
    /// 处理决定数量, 本年增/减 and 采购总金额. Moved back with them, in the
    /// drawing order, it is the third of （一）'s scattered boxes once every
    /// other block is placed (`tables.column-boxes`): 规章 reads 0 0 0 in
    /// every order, 规范性文件's 本年新公开数量 2 in every order that keeps
    /// 本年新公开数量 ≤ 对外公开总数量; its other two cells stay empty and
    /// reported. On main the box stayed as text under the heading and （一）
    /// was left empty.
    @Test func aBoxDrawnBeforeTheFirstHeaderAfterTheNextHeadingIsAScatteredBox() throws {
        let lines = ["二、主动公开政府信息情况", "", "第二十条第（一）项", "", "本年新制作数量", "", "本年新公开数量", "", "对外公开总数量", "",
                     "信息内容", "规章", "规范性文件", "", "0", "2", "", "第二十条第（五）项", "", "0", "2", "",
                     "信息内容", "行政许可", "其他对外管理服务事项", "", "上一年项目数量", "", "18", "6", "", "本年增/减", "增2", "减1", "",
                     "信息内容", "行政处罚", "行政强制", "", "信息内容", "行政事业性收费", "", "第二十条第（六）项", "",
                     "上一年项目数量", "", "9", "3", "", "本年增/减", "0", "增1", "", "第二十条第（八）项", "", "上一年项目数量", "", "2", "",
                     "第二十条第（九）项", "", "信息内容", "政府集中采购", "", "采购项目数量", "", "11", "",
                     "三、收到和处理政府信息公开申请情况", "", "0", "9", "", "处理决定数量", "", "486", "132", "", "处理决定数量", "", "37", "5", "",
                     "本年增/减", "减1", "", "采购总金额", "", "86.72", "", "全年无申请。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text, tracing: true)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        for column in ["本年新制作数量", "本年新公开数量", "对外公开总数量"] { #expect(Self.value(doc, "规章", column) == "0") }
        #expect(Self.value(doc, "规范性文件", "本年新公开数量") == "2")
        #expect(Self.value(doc, "规范性文件", "本年新制作数量") == "2")
        #expect(Self.value(doc, "规范性文件", "对外公开总数量") == "9")
        #expect(Self.value(doc, "其他对外管理服务事项", "处理决定数量") == "132")
        #expect(Self.value(doc, "行政强制", "处理决定数量") == "5")
        #expect(Self.value(doc, "政府集中采购", "采购总金额") == "86.72")
        #expect(doc.diagnostics.contains { $0.rule == "tables.column-boxes" && $0.kind == .repair })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "规范性文件" })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("政府集中采购\t11\t86.72\t\n\n三、收到和处理政府信息公开申请情况\n\n全年无申请。\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// A lone empty mark is no value there (a section may open with 无): with
    /// 无 for 8.5万元 the values after the heading do not make the table
    /// whole, and they stay where they are.
    @Test func anEmptyMarkAfterTheNextHeadingIsNoValueOfTheTable() throws {
        let doc = try document(Self.restAfterTheNextHeading(["处理决定数量", "7", "0", "", "本年增/减", "减1", "", "采购总金额", "无"]), tracing: true)
        #expect(!doc.trace.contains { $0.rule == "tables.interleaved-heading" })
    }

    /// pdfminer of a Chromium PDF, 2019 format: 采购项目数量's box 19, the
    /// page footer printed after it, then 第（一）项's third column box 0⏎17.
    /// Block （九） has one row and two columns; 采购总金额 is filled by its own
    /// run, so 19, exactly its rows' values before the blank, is
    /// 采购项目数量's; 0⏎17 stays loose and is （一）'s third box
    /// (`tables.column-boxes`). `purchaseTotal`: 采购总金额's run (none: its
    /// header and run left out).
    static func runAcrossTheFooter(purchaseTotal: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "", "第二十条第（一）项", "", "本年新制作数量", "", "本年新公开数量", "",
                     "对外公开总数量", "", "信息内容", "规章", "规范性文件", "", "0", "3", "", "第二十条第（五）项", "", "0", "3", "",
                     "信息内容", "行政许可", "其他对外管理服务事项", "", "上一年项目数量", "", "12", "8", "",
                     "本年增/减", "减1", "增2", "", "信息内容", "行政处罚", "行政强制", "", "信息内容", "行政事业性收费", "",
                     "第二十条第（六）项", "", "上一年项目数量", "", "34", "6", "", "本年增/减", "增3", "减2", "",
                     "第二十条第（八）项", "", "上一年项目数量", "", "2", "", "第二十条第（九）项", "", "信息内容", "政府集中采购", "",
                     "采购项目数量", "", "19", "", "- 2 -", "", "0", "17", "", "处理决定数量", "", "286", "1347", "",
                     "处理决定数量", "", "58", "4", "", "本年增/减", "减1"]
            + (purchaseTotal.isEmpty ? [] : ["", "采购总金额"] + purchaseTotal) + ["", "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aRunCutAtABlankUnderOneOfABlocksHeadersTakesItsRows() throws {
        let doc = try document(Self.runAcrossTheFooter(purchaseTotal: ["4126.8万元"]), tracing: true)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "政府集中采购", "采购项目数量") == "19")
        #expect(Self.value(doc, "政府集中采购", "采购总金额") == "4126.8万元")
        for column in ["本年新制作数量", "本年新公开数量", "对外公开总数量"] { #expect(Self.value(doc, "规章", column) == "0") }
        #expect(Self.value(doc, "规范性文件", "本年新公开数量") == "3")
        #expect(Self.value(doc, "规范性文件", "本年新制作数量") == "3")
        #expect(Self.value(doc, "规范性文件", "对外公开总数量") == "17")
        #expect(Self.value(doc, "行政许可", "本年增/减") == "减1")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair && $0.message.contains("every other column of the block") })
        #expect(doc.diagnostics.contains { $0.rule == "tables.column-boxes" && $0.kind == .repair })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "规范性文件" })
    }

    /// The same where 采购总金额 is not filled (its header and value not in
    /// the text): what stands before the blank may be that column, and
    /// 采购项目数量 stays empty and reported.
    @Test func aRunCutAtABlankIsNotTakenWhileAnotherColumnOfItsBlockIsEmpty() throws {
        let doc = try document(Self.runAcrossTheFooter(purchaseTotal: []))
        #expect(Self.value(doc, "政府集中采购", "采购项目数量") == nil)
        #expect(Self.value(doc, "政府集中采购", "采购总金额") == nil)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair && $0.message.contains("every other column of the block") })
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "政府集中采购" })
    }

    /// pdfminer of a Chromium PDF, 2021 format, a page break after 规章:
    /// （一）'s headers, 规章's three cells as boxes of one number each
    /// (`top`), the page footer, then the next page: 行政规范性文件's label and
    /// its cells among the other blocks' boxes in an order of their own.
    static func rowsAboveABreak(_ top: [String], footer: Bool = true) -> String {
        let lines = ["二、主动公开政府信息情况", "", "第二十条第（一）项", "", "信息内容", "规章", "", "本年制发件数", "", "本年废止件数", "",
                     "现行有效件数", ""]
            + top.flatMap { [$0, ""] } + (footer ? ["- 2 -", ""] : [])
            + ["行政规范性文件", "", "信息内容", "行政许可", "", "信息内容", "行政处罚", "行政强制", "", "信息内容", "行政事业性收费", "",
               "31", "", "4", "第二十条第（五）项", "", "3", "", "本年处理决定数量", "", "1286", "", "第二十条第（六）项", "",
               "本年处理决定数量", "", "358", "12", "", "第二十条第（八）项", "", "本年收费金额（单位：万元）", "", "0", "",
               "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The boxes above the break are 规章's columns in an order nothing
    /// names: 0 0 0 reads alike in every order and is placed.
    @Test func boxesOfTheRowsAboveAPageBreakAllAlikeArePlaced() throws {
        let doc = try document(Self.rowsAboveABreak(["0", "0", "0"]))
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure"])
        for column in ["本年制发件数", "本年废止件数", "现行有效件数"] {
            #expect(Self.value(doc, "规章", column) == "0")
            #expect(Self.value(doc, "行政规范性文件", column) == nil)
        }
        #expect(Self.value(doc, "行政许可", "本年处理决定数量") == "1286")
        #expect(Self.value(doc, "行政强制", "本年处理决定数量") == "12")
        #expect(doc.diagnostics.contains { $0.rule == "tables.page-broken-block" && $0.kind == .repair && $0.message.contains("page break") })
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "行政规范性文件" })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "规章" })
    }

    /// 1 0 12 above the break: every cell differs between orders, nothing is
    /// placed; without the footer taken out, nothing says the rows below
    /// are past a page break, and nothing is placed either.
    @Test func boxesAboveAPageBreakThatDifferPlaceNothing() throws {
        for text in [Self.rowsAboveABreak(["1", "0", "12"]), Self.rowsAboveABreak(["0", "0", "0"], footer: false)] {
            let doc = try document(text)
            for column in ["本年制发件数", "本年废止件数", "现行有效件数"] { #expect(Self.value(doc, "规章", column) == nil) }
            #expect(!doc.diagnostics.contains { $0.rule == "tables.page-broken-block" })
        }
    }

    /// pdfminer of a Chromium PDF, 2019 format, a page break inside 第（五）项
    /// after 行政许可: each header's box, then that row's value, the footer,
    /// then 其他对外管理服务事项's label and its values scattered. Each
    /// header names its box: 行政许可's row is placed, the other row stays
    /// empty and reported.
    @Test func aHeadersBoxAboveAPageBreakIsItsColumnsTop() throws {
        let lines = ["二、主动公开政府信息情况", "", "信息内容", "规章", "规范性文件", "", "信息内容", "行政许可", "",
                     "第二十条第（一）项", "", "本年新制作数量", "", "本年新公开数量", "", "对外公开总数量", "", "0", "0", "",
                     "第二十条第（五）项", "", "0", "0", "", "0", "0", "", "上一年项目数量", "", "38", "", "本年增/减", "减2", "",
                     "处理决定数量", "", "1264", "", "- 2 -", "", "其他对外管理服务事项", "", "21", "第二十条第（六）项", "", "增3", "",
                     "信息内容", "行政处罚", "行政强制", "", "信息内容", "行政事业性收费", "", "本年增/减", "0", "减1", "",
                     "上一年项目数量", "", "96", "12", "第二十条第（八）项", "", "上一年项目数量", "", "2", "", "第二十条第（九）项", "",
                     "信息内容", "政府集中采购", "", "采购项目数量", "", "18", "", "3517", "", "处理决定数量", "", "87", "5", "",
                     "本年增/减", "0", "", "采购总金额", "352.6万元", "", "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "行政许可", "上一年项目数量") == "38")
        #expect(Self.value(doc, "行政许可", "本年增/减") == "减2")
        #expect(Self.value(doc, "行政许可", "处理决定数量") == "1264")
        for column in ["上一年项目数量", "本年增/减", "处理决定数量"] { #expect(Self.value(doc, "其他对外管理服务事项", column) == nil) }
        #expect(doc.diagnostics.contains { $0.rule == "tables.page-broken-block" && $0.kind == .repair })
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "其他对外管理服务事项" })
    }

    /// pdfminer of a Chromium 2019 table 二 (huangchuan-fgj-2020): the
    /// 本年增/减 boxes of （八）, （五） and （六） in that order, each right
    /// under a copy of the header, the k-th copy not the k-th block and the
    /// captions read before them not settling it. Each box is its block's
    /// column whole: by their sizes (1, 2, 2 against rows 2, 2, 1) 减2 is
    /// （八）'s and both second rows are 减1 whichever 2-row box is whose;
    /// 增2 and 增3 trade places between the two ways and stay out, reported.
    @Test func sharedHeaderBoxesArePlacedByTheirSizes() throws {
        let lines = ["二、主动公开政府信息情况", "", "第二十条第（一）项", "", "本年新制作数量", "", "本年新公开数量", "",
                     "对外公开总数量", "", "0", "12", "", "处理决定数量", "", "236", "147", "", "处理决定数量", "", "42", "5", "",
                     "本年增/减", "减2", "", "采购总金额", "", "862.47", "", "信息内容", "规章", "规范性文件", "", "0", "3", "",
                     "第二十条第（五）项", "", "0", "3", "", "信息内容", "行政许可", "其他对外管理服务事项", "", "上一年项目数量", "",
                     "18", "9", "", "本年增/减", "增2", "减1", "", "信息内容", "行政处罚", "行政强制", "", "信息内容", "行政事业性收费", "",
                     "第二十条第（六）项", "", "上一年项目数量", "", "7", "3", "", "本年增/减", "增3", "减1", "",
                     "第二十条第（八）项", "", "上一年项目数量", "", "2", "", "第二十条第（九）项", "", "信息内容", "政府集中采购", "",
                     "采购项目数量", "", "14", "", "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "行政事业性收费", "本年增/减") == "减2")
        #expect(Self.value(doc, "其他对外管理服务事项", "本年增/减") == "减1")
        #expect(Self.value(doc, "行政强制", "本年增/减") == "减1")
        #expect(Self.value(doc, "行政许可", "本年增/减") == nil)
        #expect(Self.value(doc, "行政处罚", "本年增/减") == nil)
        #expect(Self.value(doc, "行政许可", "上一年项目数量") == "18")
        #expect(Self.value(doc, "行政强制", "处理决定数量") == "5")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair
            && $0.message.contains("copies of 本年增/减") })
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion
            && $0.message.contains("增2") && $0.message.contains("增3") && $0.message.contains("its size leaves in doubt") })
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "行政许可" })
    }

    /// The same boxes whose sizes match the blocks in no way (a box of
    /// three under a header of 2-, 2- and 1-row blocks) place nothing.
    @Test func sharedHeaderBoxesOfNoFittingSizePlaceNothing() throws {
        let lines = ["二、主动公开政府信息情况", "", "第二十条第（一）项", "", "本年新制作数量", "", "本年新公开数量", "",
                     "对外公开总数量", "", "0", "12", "", "处理决定数量", "", "236", "147", "", "处理决定数量", "", "42", "5", "",
                     "本年增/减", "减2", "增4", "减1", "", "采购总金额", "", "862.47", "", "信息内容", "规章", "规范性文件", "", "0", "3", "",
                     "第二十条第（五）项", "", "0", "3", "", "信息内容", "行政许可", "其他对外管理服务事项", "", "上一年项目数量", "",
                     "18", "9", "", "本年增/减", "增2", "", "信息内容", "行政处罚", "行政强制", "", "信息内容", "行政事业性收费", "",
                     "第二十条第（六）项", "", "上一年项目数量", "", "7", "3", "", "本年增/减", "增3", "减1", "",
                     "第二十条第（八）项", "", "上一年项目数量", "", "2", "", "第二十条第（九）项", "", "信息内容", "政府集中采购", "",
                     "采购项目数量", "", "14", "", "三、收到和处理政府信息公开申请情况", "全年无申请。"]
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        for row in ["行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费"] {
            #expect(Self.value(doc, row, "本年增/减") == nil)
        }
        #expect(!doc.diagnostics.contains { $0.message.contains("copies of 本年增/减") })
    }

    /// pdfminer of a Chromium 2019 table 二 (ranxi-xzspj-2019): （八）'s
    /// 上一年项目数量 box 7 drawn past 政府集中采购's label and its 本年增/减
    /// box 减2 past 采购项目数量's value, each a box of one between blank
    /// lines; （一）'s boxes 0⏎3, 0⏎3, 0⏎11 scattered among the others. The
    /// loose values are exactly boxes of one for （八）'s two open cells and
    /// boxes of two for （一）'s six: 减2 goes only under 本年增/减, and 7, a
    /// bare number where the table signs its changes both ways, only under
    /// 上一年项目数量. With （八） whole, （一）'s boxes are its columns
    /// (`tables.column-boxes`): 规章 0 0 0 and 规范性文件's 本年新公开数量 3.
    static func loneBoxes(_ eight: [String]) -> String {
        let lines = ["二、主动公开政府信息情况", "", "第二十条第（一）项", "", "本年新制作数量", "", "本年新公开数量", "", "对外公开总数量", "",
                     "信息内容", "规章", "规范性文件", "", "信息内容", "行政许可", "其他对外管理服务事项", "", "0", "3", "",
                     "第二十条第（五）项", "", "0", "3", "", "上一年项目数量", "", "186", "43", "第二十条第（六）项", "",
                     "本年增/减", "增12", "减3", "", "信息内容", "行政处罚", "行政强制", "", "上一年项目数量", "", "0", "0", "",
                     "本年增/减", "0", "0", "", "第二十条第（八）项", "", "信息内容", "", "上一年项目数量", "", "本年增/减", "", "- 2 -", "",
                     "0", "11", "", "处理决定数量", "", "8642", "2175", "", "处理决定数量", "", "0", "0", "", "行政事业性收费", "",
                     "信息内容", "政府集中采购", "", eight[0], "", "第二十条第（九）项", "", "采购项目数量", "", "5", "", eight[1], "",
                     "采购总金额", "", "126.4", "", "三、收到和处理政府信息公开申请情况", "", "全年无申请。"]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func loneBoxesGoToTheOneRowCellsTheirKindsLeaveThem() throws {
        let text = Self.loneBoxes(["7", "减2"])
        let doc = try document(text, tracing: true)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "行政事业性收费", "上一年项目数量") == "7")
        #expect(Self.value(doc, "行政事业性收费", "本年增/减") == "减2")
        for column in ["本年新制作数量", "本年新公开数量", "对外公开总数量"] { #expect(Self.value(doc, "规章", column) == "0") }
        #expect(Self.value(doc, "规范性文件", "本年新公开数量") == "3")
        #expect(Self.value(doc, "规范性文件", "本年新制作数量") == "3")
        #expect(Self.value(doc, "规范性文件", "对外公开总数量") == "11")
        #expect(Self.value(doc, "政府集中采购", "采购项目数量") == "5")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair
            && $0.message.contains("each alone between blank lines") && $0.message.contains("减2 行政事业性收费/本年增/减") })
        #expect(doc.diagnostics.contains { $0.rule == "tables.column-boxes" && $0.kind == .repair })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("行政事业性收费\t7\t减2\t\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// Two bare numbers for （八）'s two cells: neither may stand under
    /// 本年增/减 where the table signs its changes both ways, so no way
    /// places them; both stay loose and reported, （八） empty.
    @Test func loneBoxesTheirKindsDoNotPlacePlaceNothing() throws {
        let doc = try document(Self.loneBoxes(["7", "3"]), tracing: true)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "行政事业性收费", "上一年项目数量") == nil)
        #expect(Self.value(doc, "行政事业性收费", "本年增/减") == nil)
        #expect(!doc.diagnostics.contains { $0.message.contains("each alone between blank lines") })
    }

    /// Two zeros for （八）'s two cells, each a box of its own (jingyang-xfj-2020,
    /// Chromium pdfminer: 其他对外管理服务事项's three zeros past a page
    /// break): each fits either cell, so neither is forced to one, but every
    /// way of placing them gives the same row, 0 0; placed, and with （八）
    /// whole （一）'s boxes are its columns as above.
    @Test func loneBoxesThatReadAlikeGoToTheCellsTheyAllFit() throws {
        let text = Self.loneBoxes(["0", "0"])
        let doc = try document(text, tracing: true)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(Self.value(doc, "行政事业性收费", "上一年项目数量") == "0")
        #expect(Self.value(doc, "行政事业性收费", "本年增/减") == "0")
        for column in ["本年新制作数量", "本年新公开数量", "对外公开总数量"] { #expect(Self.value(doc, "规章", column) == "0") }
        #expect(Self.value(doc, "规范性文件", "本年新公开数量") == "3")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair
            && $0.message.contains("each alone between blank lines") && $0.message.contains("0 行政事业性收费/本年增/减") })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("行政事业性收费\t0\t0\t\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// Two values of one line (`0 TAB 0`, `0 0`) in a run under a header
    /// of a block with several: no line stands between them, so no blank
    /// line either. The range between their lines was built reversed and
    /// trapped (fuzz item 36, run 61: main 8e1953b crashed on
    /// 第二十条第（一）项本年制发件数 ⏎ 0 ⏎ 0 TAB 0, kept in
    /// Tests/Fixtures/fuzz-regressions).
    @Test func valuesOfOneLineHaveNoBlankLineBetweenThem() throws {
        for text in ["第二十条第（一）项本年制发件数\n0\n0\t0", "第二十条第（一）项\n本年制发件数\n0\n0 0\n",
                     "第二十条第（一）项本年制发件数\n0\n0\t0\n\n0\n"] {
            #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
        }
        let recovery = pipeline.tables.labelledColumns
        let lines = ["本年制发件数", "0", "0\t0", "", "5"].enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        #expect(recovery.firstAfterBlank([("0", 1), ("0", 2), ("0", 2)], lines) == nil)
        #expect(recovery.firstAfterBlank([("0", 1), ("0", 2), ("0", 2), ("5", 4)], lines) == 3)
    }
}
