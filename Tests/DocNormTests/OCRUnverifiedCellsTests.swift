import Testing
@testable import DocNorm

/// `structure.ocr-unverified` (OCRUnverifiedCells.swift) and the table 二
/// bounds that check cells no relation read before (Rules/templates).
@Suite struct OCRUnverifiedCellsTests {
    static let licences = ["第二十条第（五）项", "行政许可"], decisions = ["处理决定数量"]

    /// Table 二 (2019) as Tesseract reads it: one caption's opening
    /// parenthesis read as “ (第二十条第“五）项, mended by stage 1c, which
    /// makes the document read as OCR), and 行政许可's 处理决定数量 31 read
    /// as 3, the line otherwise clean (as held-out mingxi-shanmu-xiang-2020's).
    static func table2019(ocr: Bool) -> String {
        activeDisclosureTable(regulations: "1 1 6").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            switch line {
            case "第二十条第（五）项" where ocr: "第二十条第“五）项"
            case "行政许可 0 0 0": "行政许可 2 0 3"
            default: String(line)
            }
        }.joined(separator: "\n")
    }

    /// Table 二 (2021) one line a row; `regulations` are 行政规范性文件's three values.
    static func table2021(regulations: String, ocr: Bool) -> String {
        ["二、主动公开政府信息情况",
         ocr ? "第二十条第“一）项" : "第二十条第（一）项", "信息内容 本年制发件数 本年废止件数 现行有效件数",
         "规章 0 0 0", "行政规范性文件 \(regulations)",
         "第二十条第（五）项", "信息内容 本年处理决定数量", "行政许可 31",
         "第二十条第（六）项", "信息内容 本年处理决定数量", "行政处罚 4", "行政强制 0",
         "第二十条第（八）项", "信息内容 本年收费金额（单位：万元）", "行政事业性收费 0",
         "三、收到和处理政府信息公开申请情况"].joined(separator: "\n") + "\n"
    }

    @Test func anOCRValueNoRelationChecksIsNamedUnverifiedOncePerTable() throws {
        let doc = try document(Self.table2019(ocr: true))
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(doc.tables[0].records.contains { $0.row == Self.licences && $0.column == Self.decisions && $0.value == "3" })
        let found = doc.diagnostics.filter { $0.rule == "structure.ocr-unverified" }
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.kind == .unverified && d.stage == .structure && d.line == 2)
        #expect(d.message.contains("no relation or bound of the template checks"))
        let cells = try #require(d.cells)
        #expect(cells.table == "2019-active-disclosure" && cells.row == nil && cells.column == nil)
        // 处理决定数量 of every block that has one, and 政府集中采购's cells:
        // 4 + 2 values no sum or bound reads.
        #expect(cells.covers(table: "2019-active-disclosure", row: Self.licences, column: Self.decisions))
        #expect(cells.covers(table: "2019-active-disclosure", row: ["第二十条第（九）项", "政府集中采购"], column: ["采购总金额"]))
        #expect(cells.each?.count == 6)
        // Checked: last year's items and the change (active.items-not-below-zero),
        // and 规章's three (active.published-within-total, active.made-within-total).
        #expect(!cells.covers(table: "2019-active-disclosure", row: Self.licences, column: ["上一年项目数量"]))
        #expect(!cells.covers(table: "2019-active-disclosure", row: ["第二十条第（一）项", "规范性文件"], column: ["本年新制作数量"]))
        // Nothing else flags the misread value: it is unverified, not in doubt.
        let record = QualityReport.ExpectedRecord(table: "2019-active-disclosure", row: Self.licences, column: Self.decisions, value: "31")
        #expect(!QualityReport.flagged(record, in: doc))
        #expect(QualityReport.unverified(record, in: doc))
    }

    /// A text layer's values are what the PDF says: none is named.
    @Test func aTextLayerIsNotNamed() throws {
        let doc = try document(Self.table2019(ocr: false))
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(!doc.diagnostics.contains { $0.rule == "structure.ocr-unverified" || $0.kind == .unverified })
    }

    /// Eval counts a wrong value named unverified as told (right or flagged)
    /// and a right one as unverified, not flagged.
    @Test func evalCountsUnverifiedApartFromFlagged() throws {
        let licences = QualityReport.ExpectedRecord(table: "2019-active-disclosure", row: Self.licences, column: Self.decisions, value: "31")
        let penalties = QualityReport.ExpectedRecord(table: "2019-active-disclosure", row: ["第二十条第（六）项", "行政处罚"], column: Self.decisions, value: "4")
        let input = Self.table2019(ocr: true)
        let c = QualityReport.Case(document: "t", extractor: "ocr-tesseract", input: Array(input.utf8), gold: input, records: [licences, penalties])
        let score = QualityReport.score(c, pipeline: pipeline, rawEdits: false)
        #expect(score.valuesRight == 1 && score.valuesAccountedFor == 2 && score.unflagged.isEmpty)
        #expect(score.valuesRightFlagged == 0 && score.valuesRightUnverified == 1)
        let summary = QualityReport.summarize([(c, score)]).overall
        #expect(summary.rightValuesUnverified == 1 && summary.rightValuesFlagged == 0 && summary.valuesRightOrFlagged == 1)
        #expect(summary.measures.contains { $0.name == "right-values-unverified" && !$0.higherIsBetter })
        // The JSON names each cell.
        let json = try JSONRenderer.render(try pipeline.run(Array(input.utf8)))
        #expect(json.contains("\"each\""))
    }

    /// 本年制发件数 ≤ 现行有效件数 (2021, `active.issued-within-in-force`):
    /// 31 in force read as 3 below 5 issued is reported on the total's cell.
    @Test func issuedAboveInForceBreaksTheBound() throws {
        let doc = try document(Self.table2021(regulations: "5 0 3", ocr: false))
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure"])
        let bound = try #require(doc.diagnostics.first { $0.rule == "structure.bound" })
        #expect(bound.message.contains("active.issued-within-in-force"))
        #expect(bound.cells == DiagnosticCells(table: "2021-active-disclosure", row: ["第二十条第（一）项", "行政规范性文件"], column: ["现行有效件数"]))
        let holds = try document(Self.table2021(regulations: "5 0 31", ocr: false))
        #expect(!holds.diagnostics.contains { $0.rule == "structure.bound" })
    }

    /// In OCR, 2021's table 二 names all but the bound's cells.
    @Test func the2021TableNamesAllButItsBoundsCells() throws {
        let doc = try document(Self.table2021(regulations: "5 0 31", ocr: true))
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure"])
        let cells = try #require(doc.diagnostics.first { $0.rule == "structure.ocr-unverified" }?.cells)
        #expect(cells.covers(table: "2021-active-disclosure", row: Self.licences, column: ["本年处理决定数量"]))
        #expect(cells.covers(table: "2021-active-disclosure", row: ["第二十条第（一）项", "行政规范性文件"], column: ["本年废止件数"]))
        #expect(!cells.covers(table: "2021-active-disclosure", row: ["第二十条第（一）项", "行政规范性文件"], column: ["现行有效件数"]))
        // 废止 ×2, 许可, 处罚, 强制, 收费.
        #expect(cells.each?.count == 6)
    }
}
