import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// `structure.value-kind`: a value is never left silently in a cell whose
/// kind it contradicts (an amount, 4126.8万元 or 4126.8, under 采购项目数量,
/// a count column). The inputs are held-out juzhou-lsj-2019's 2019 table 二
/// as PyMuPDF extracts it, one cell a line, with only the lines of block
/// （九） changed as a PDF extractor may give them; the gold row is
/// 政府集中采购 19 4126.8万元.
@Suite struct ValueKindTests {
    static let blocksAbove = [
        "二、主动公开政府信息情况",
        "第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
        "规章", "0", "0", "0", "规范性文件", "3", "3", "17",
        "第二十条第（五）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
        "行政许可", "12", "减1", "286", "其他对外管理服务事项", "8", "增2", "1347",
        "第二十条第（六）项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
        "行政处罚", "34", "增3", "58", "行政强制", "6", "减2", "4",
        "第二十条第（八）项", "信息内容", "上一年项目数量", "本年增/减", "行政事业性收费", "2", "减1",
        "第二十条第（九）项", "信息内容",
    ]
    static let after = ["三、收到和处理政府信息公开申请情况", "全年无申请。"]

    static func text(_ block: [String]) -> String {
        (blocksAbove + block + after).joined(separator: "\n") + "\n"
    }

    static func cell(_ doc: Document, _ column: String) -> String? {
        doc.tables.flatMap(\.records).first { $0.row.last == "政府集中采购" && $0.column.last == column }?.value
    }

    static func flagged(_ doc: Document, _ column: String) -> Bool {
        doc.diagnostics.contains { d in
            d.kind != .repair && d.cells?.covers(table: "2019-active-disclosure", row: ["第二十条第（九）项", "政府集中采购"], column: [column]) == true
        }
    }

    /// Values drawn right to left after the row label: the amount first.
    /// Main placed 4126.8万元 under 采购项目数量 and 19 under 采购总金额, unflagged.
    @Test(arguments: ["4126.8 万元", "4126.8万元", "4126.8"])
    func swappedValuesArePlacedByTheirKind(amount: String) throws {
        let input = Self.text(["采购项目数量", "采购总金额", "政府集中采购", amount, "19"])
        let doc = try document(input)
        let written = String(amount.unicodeScalars.filter { $0 != " " })
        #expect(Self.cell(doc, "采购项目数量") == "19")
        #expect(Self.cell(doc, "采购总金额") == written)
        #expect(doc.diagnostics.contains { $0.rule == "structure.value-kind" && $0.kind == .repair })
        let once = try canonical(Array(input.utf8))
        #expect(once.contains("政府集中采购\t19\t\(written)\t\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// The row label after the column headers, the values after it (the
    /// brief's 采购项目数量⏎采购总金额⏎4126.8万元⏎5 with its label first).
    @Test func swappedValuesAfterTheHeadersArePlacedByTheirKind() throws {
        let doc = try document(Self.text(["政府集中采购", "采购项目数量", "采购总金额", "4126.8万元", "5"]))
        #expect(Self.cell(doc, "采购项目数量") == "5")
        #expect(Self.cell(doc, "采购总金额") == "4126.8万元")
    }

    /// Each value after its own column header, in the wrong order
    /// (tables.labelled-columns placed each under the header before it).
    @Test func valuesAfterTheWrongHeadersArePlacedByTheirKind() throws {
        let doc = try document(Self.text(["政府集中采购", "采购项目数量", "4126.8万元", "采购总金额", "19"]))
        #expect(Self.cell(doc, "采购项目数量") == "19")
        #expect(Self.cell(doc, "采购总金额") == "4126.8万元")
        #expect(doc.diagnostics.contains { $0.rule == "structure.value-kind" && $0.kind == .repair })
    }

    /// The count lost: the amount alone goes to 采购总金额, not from the left
    /// under 采购项目数量; the row stays flagged as one value short.
    @Test(arguments: ["4126.8万元", "4126.8"])
    func aLoneAmountGoesUnderTheAmountColumn(amount: String) throws {
        let doc = try document(Self.text(["采购项目数量", "采购总金额", "政府集中采购", amount]))
        #expect(Self.cell(doc, "采购项目数量") == nil)
        #expect(Self.cell(doc, "采购总金额") == amount)
        #expect(Self.flagged(doc, "采购总金额"))
        // Its flag says what was done: placed by kind (main said "placed
        // from the left", which put it under 采购项目数量).
        let flag = try #require(doc.diagnostics.first { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "政府集中采购" })
        #expect(flag.message.contains("placed by kind"))
        #expect(flag.message.contains("\(amount) under 采购总金额"))
        #expect(!flag.message.contains("from the left"))
    }

    /// Values in order are left as they are, and a lone count stays under
    /// 采购项目数量 (flagged as a guess, as before).
    @Test func valuesOfTheirColumnsKindsStay() throws {
        let doc = try document(Self.text(["采购项目数量", "采购总金额", "政府集中采购", "19", "4126.8 万元"]))
        #expect(Self.cell(doc, "采购项目数量") == "19")
        #expect(Self.cell(doc, "采购总金额") == "4126.8万元")
        #expect(!doc.diagnostics.contains { $0.rule == "structure.value-kind" })
        let lone = try document(Self.text(["采购项目数量", "采购总金额", "政府集中采购", "19"]))
        #expect(Self.cell(lone, "采购项目数量") == "19")
        #expect(!lone.diagnostics.contains { $0.rule == "structure.value-kind" })
    }

    /// A decimal in a row of counts alone (行政许可 12 1.5 286 read under
    /// 上一年项目数量 本年增/减 处理决定数量): no cell of the row may hold it,
    /// so its cell is left empty and reported with the value.
    @Test func anAmountNoCellFitsIsLeftOutAndReported() throws {
        let input = Self.text(["采购项目数量", "采购总金额", "政府集中采购", "19", "4126.8万元"])
            .replacingFirst("行政许可\n12\n减1\n286", with: "行政许可\n12.5\n减1\n286")
        let doc = try document(input)
        let permits = doc.tables.flatMap(\.records).filter { $0.row.last == "行政许可" }
        #expect(!permits.contains { $0.value == "12.5" })
        let flag = try #require(doc.diagnostics.first { $0.rule == "structure.value-kind" && $0.kind == .suspicion })
        // The value cleared is in the finding's fields, not in its message only.
        #expect(flag.cells == DiagnosticCells(table: "2019-active-disclosure", row: ["第二十条第（五）项", "行政许可"], column: ["上一年项目数量"],
                                              value: "12.5"))
        #expect(flag.message.contains("12.5"))
        let json = try JSONRenderer.render(doc)
        #expect(json.contains(#""value" : "12.5""#))
        let once = try canonical(Array(input.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// `tables.unit-line`: the amount's unit on a line of its own (an
    /// extractor that breaks a cell's lines). Main ended the table at the
    /// unit: the amount lost it and 万元 stood as a paragraph after the
    /// table; with the count after it (drawn right to left), 19 too.
    @Test(arguments: [
        (["19", "4126.8", "万元"], "4126.8万元"),
        (["4126.8", "万元", "19"], "4126.8万元"),
        (["19", "4126.8", "元"], "4126.8元"),
        (["4126.8", "元", "19"], "4126.8元"),
    ])
    func aUnitOnItsOwnLineEndsItsAmountsCell(values: [String], written: String) throws {
        let input = Self.text(["采购项目数量", "采购总金额", "政府集中采购"] + values)
        let doc = try document(input, tracing: true)
        #expect(Self.cell(doc, "采购项目数量") == "19")
        #expect(Self.cell(doc, "采购总金额") == written)
        #expect(doc.diagnostics.contains { $0.rule == "tables.unit-line" && $0.kind == .repair && $0.message.contains(written) })
        #expect(doc.trace.contains { $0.rule == "tables.unit-line" && $0.after == written })
        let once = try canonical(Array(input.utf8))
        #expect(once.contains("政府集中采购\t19\t\(written)\t\n\n三、"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// A unit line after a blank line is not joined, nor a count's unit (件)
    /// after a value with its unit, nor a word. (A unit between the count
    /// and the amount, 19⏎万元⏎4126.8: `aUnitBetweenACountAndAnAmountIsNeither`.)
    @Test(arguments: [["19", "4126.8", "", "万元"], ["19", "4126.8万元", "件"], ["19", "4126.8", "万元整"]])
    func otherLinesAfterAnAmountAreNotItsUnit(values: [String]) throws {
        let doc = try document(Self.text(["采购项目数量", "采购总金额", "政府集中采购"] + values))
        #expect(!doc.diagnostics.contains { $0.rule == "tables.unit-line" })
    }

    /// `tables.unit-line` by the row's kinds: a unit line between the count
    /// and the amount (19⏎万元⏎4126.8) is not the count's (a count column
    /// never takes a unit: 19万元 and 4126.8 are two amounts for one amount
    /// cell), and not proven the amount's (an amount's unit follows it).
    /// The count and the amount are placed as written, the unit reported
    /// as a doubt naming the amount's cell, not written as text. Main read
    /// 19万元, left 采购项目数量 empty and reported it (`structure.value-kind`).
    /// An integer amount drawn first (4126⏎万元⏎19) stays joined: its kinds
    /// settle it (4126万元 the amount, 19 the count).
    @Test func aUnitBetweenACountAndAnAmountIsNeither() throws {
        let input = Self.text(["采购项目数量", "采购总金额", "政府集中采购", "19", "万元", "4126.8"])
        let doc = try document(input, tracing: true)
        #expect(Self.cell(doc, "采购项目数量") == "19")
        #expect(Self.cell(doc, "采购总金额") == "4126.8")
        #expect(!doc.diagnostics.contains { $0.rule == "structure.value-kind" })
        let doubt = try #require(doc.diagnostics.first { $0.rule == "tables.unit-line" })
        #expect(doubt.kind == .suspicion)
        #expect(doubt.cells == DiagnosticCells(table: "2019-active-disclosure", row: ["第二十条第（九）项", "政府集中采购"], column: ["采购总金额"]))
        // The region's step takes the unit's line in; a step of the rule's
        // own dropping 万元 again broke the Han guarantee (fuzz run 54).
        #expect(!doc.trace.contains { $0.rule == "tables.unit-line" })
        #expect(Guarantees.check(Array(input.utf8), pipeline: pipeline).isEmpty)
        let once = try canonical(Array(input.utf8))
        #expect(once.contains("政府集中采购\t19\t4126.8\t\n\n三、"))
        #expect(try canonical(Array(once.utf8)) == once)

        let first = try document(Self.text(["采购项目数量", "采购总金额", "政府集中采购", "4126", "万元", "19"]))
        #expect(Self.cell(first, "采购项目数量") == "19")
        #expect(Self.cell(first, "采购总金额") == "4126万元")
        #expect(first.diagnostics.contains { $0.rule == "tables.unit-line" && $0.kind == .repair })
    }

    /// The same from a real extraction: held-out censhan-district-2019's
    /// PyMuPDF text (…政府集中采购⏎168⏎32516.8 万元) with the unit drawn
    /// between the values (168⏎万元⏎32516.8). Main left 采购项目数量 empty.
    @Test func aUnitBetweenTheValuesOfARealTableIsNeither() throws {
        let input = try Self.corpusText("holdout/censhan-district-2019/extracted/pymupdf.txt", "168\n32516.8 万元\n", with: "168\n万元\n32516.8\n")
        let doc = try document(input)
        #expect(Self.cell(doc, "采购项目数量") == "168")
        #expect(Self.cell(doc, "采购总金额") == "32516.8")
        #expect(doc.diagnostics.contains { $0.rule == "tables.unit-line" && $0.kind == .suspicion })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.value-kind" })
        #expect(Guarantees.check(Array(input.utf8), pipeline: pipeline).isEmpty)
    }

    /// `tables.unit-line` in pdftotext -raw's columns (LabelledColumnRecovery's
    /// word loop): eval liuhe-city-2020's pdftotext -raw text, its table 二's
    /// amount with its unit on a line of its own (采购总金额⏎4826.35⏎万元).
    /// Main placed 4826.35 and wrote 万元 as a paragraph after the table.
    /// A unit after the count there (采购项目数量⏎126⏎万元) is refused by the
    /// row's kinds, as in the cell stream: 126 placed, the unit reported.
    @Test(arguments: [
        ("4826.35 万元\n", "4826.35\n万元\n", "126", "4826.35万元", Diagnostic.Kind.repair),
        ("4826.35 万元\n", "4826.35\n元\n", "126", "4826.35元", .repair),
        ("采购项目数量\n126\n", "采购项目数量\n126\n万元\n", "126", "4826.35万元", .suspicion),
    ])
    func aUnitOnItsOwnLineInRawColumnsEndsItsAmount(target: String, replacement: String, count: String, amount: String,
                                                     kind: Diagnostic.Kind) throws {
        let input = try Self.corpusText("eval/liuhe-city-2020/extracted/pdftotext-raw.txt", target, with: replacement)
        let doc = try document(input, tracing: true)
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("2019-active-disclosure") })
        #expect(Self.cell(doc, "采购项目数量") == count)
        #expect(Self.cell(doc, "采购总金额") == amount)
        #expect(doc.diagnostics.contains { $0.rule == "tables.unit-line" && $0.kind == kind })
        // A refused unit has no step of its own (the region's takes its line).
        #expect(doc.trace.contains { $0.rule == "tables.unit-line" } == (kind == .repair))
        #expect(Guarantees.check(Array(input.utf8), pipeline: pipeline).isEmpty)
        let once = try canonical(Array(input.utf8))
        #expect(once.contains("政府集中采购\t\(count)\t\(amount)\t\n\n三、"))
        #expect(!once.split(separator: "\n").contains { $0 == "万元" || $0 == "元" })
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// The doubt of a unit the row's kinds refuse says what the amount
    /// holds: a bare number may lack the unit (19⏎万元⏎4126.8), an amount
    /// already written with its unit does not (liuhe-city-2020's -raw with
    /// 采购项目数量⏎126⏎万元 and 4826.35 万元: main said that 4826.35万元
    /// "may lack it").
    @Test func aRefusedUnitsDoubtSaysWhatTheAmountHolds() throws {
        let bare = try document(Self.text(["采购项目数量", "采购总金额", "政府集中采购", "19", "万元", "4126.8"]))
        let lacking = try #require(bare.diagnostics.first { $0.rule == "tables.unit-line" })
        #expect(lacking.kind == .suspicion)
        #expect(lacking.message.hasSuffix("(the amount 采购总金额, 4126.8, may lack it)"))

        let input = try Self.corpusText("eval/liuhe-city-2020/extracted/pdftotext-raw.txt", "采购项目数量\n126\n", with: "采购项目数量\n126\n万元\n")
        let written = try document(input)
        #expect(Self.cell(written, "采购总金额") == "4826.35万元")
        let carried = try #require(written.diagnostics.first { $0.rule == "tables.unit-line" })
        #expect(carried.kind == .suspicion)
        #expect(carried.message.hasSuffix("(the amount 采购总金额 already carries its unit: 4826.35万元)"))
        #expect(!carried.message.contains("may lack"))
    }

    /// A corpus extraction's text with `target` (which it holds once) replaced.
    static func corpusText(_ path: String, _ target: String, with replacement: String) throws -> String {
        let url = repositoryRoot.appendingPathComponent("Corpus").appendingPathComponent(path)
        let text = String(decoding: try #require(FileManager.default.contents(atPath: url.path)), as: UTF8.self)
        try #require(text.components(separatedBy: target).count == 2)
        return text.replacingFirst(target, with: replacement)
    }
}
