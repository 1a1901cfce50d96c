import Testing
@testable import DocNorm

/// Issue 3: a table value the pipeline cannot vouch for is flagged by a
/// diagnostic that names its cells (`Diagnostic.cells`), and the quality
/// report counts it as flagged; values read in place are not flagged.
@Suite struct ValueFlagTests {
    /// The template label path of a row of table 三 (2021).
    func rowPath(_ id: String) -> [String] {
        pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!.rows.first { $0.id == id }!.path
    }

    func record(_ table: Table, _ row: [String], _ column: Int, value: String) -> QualityReport.ExpectedRecord {
        let columns = pipeline.tables.rules.templates.first { $0.id == table.templateID }!.rows.first { $0.path == row && !$0.isHeader }!.columnPaths
        return QualityReport.ExpectedRecord(table: table.templateID!, row: row, column: columns[column], value: value)
    }

    /// OCR lost two of （一）予以公开's cells (gold 22 4 0 1 1 0 28) and all of
    /// （七）总计's: the five left are placed from the left, and no relation
    /// can be evaluated on the row or its columns, so only the placement
    /// diagnostic says they are a guess.
    static func shortRow(_ id: String) -> [Int] {
        switch id {
        case "new": [22, 4, 0, 1, 1, 0, 28]
        case "disclosed": [22, 4, 0, 1, 28]
        case "total": []
        default: [0, 0, 0, 0, 0, 0, 0]
        }
    }

    @Test func aRowWithFewerValuesThanCellsFlagsTheValuesItPlaced() throws {
        let doc = try document(applicationsTable(values: Self.shortRow))
        let table = try #require(doc.tables.first)
        let disclosed = rowPath("disclosed")
        let flag = try #require(doc.diagnostics.first { $0.rule == "structure.missing-value" })
        #expect(flag.cells == DiagnosticCells(table: "2021-applications", row: disclosed))
        #expect(flag.message.contains("5 of 7") && flag.message.contains("guess"))
        // 法律服务机构 (slot 4) holds 28, the gold 1: wrong, and flagged.
        #expect(table.records.contains { $0.row == disclosed && $0.column == record(table, disclosed, 4, value: "").column && $0.value == "28" })
        #expect(QualityReport.flagged(record(table, disclosed, 4, value: "1"), in: doc))
        // A full row elsewhere carries no such flag: a wrong value there
        // (the gold says 7 where the output has 22) is not flagged.
        #expect(!QualityReport.flagged(record(table, rowPath("new"), 0, value: "7"), in: doc))
    }

    @Test func aRowWithNoValuesNamesNoCells() throws {
        // Nothing was placed, so there is nothing to put in doubt: its cells are
        // empty and missing already.
        let doc = try document(applicationsTable { $0 == "disclosed" ? [] : [0, 0, 0, 0, 0, 0, 0] })
        let flag = try #require(doc.diagnostics.first { $0.rule == "structure.missing-value" })
        #expect(flag.cells == nil)
    }

    @Test func surplusValuesFlagTheirRow() throws {
        let doc = try document(applicationsTable().replacingFirst("2.重复申请 0 0 0 0 0 0 0", with: "2.重复申请 0 0 0 0 0 0 0 9"))
        let flag = try #require(doc.diagnostics.first { $0.rule == "structure.surplus-value" })
        #expect(flag.cells == DiagnosticCells(table: "2021-applications", row: rowPath("not-handled-2")))
    }

    @Test func aRestoredRowLabelFlagsItsRow() throws {
        let doc = try document(applicationsTable().replacingFirst("1.属于国家秘密 ", with: ""))
        let flag = try #require(doc.diagnostics.first { $0.rule == "structure.label-restored" })
        #expect(flag.cells == DiagnosticCells(table: "2021-applications", row: rowPath("withheld-1")))
    }

    @Test func aCleanTableHasNoFlaggedValue() throws {
        let doc = try document(applicationsTable())
        let table = try #require(doc.tables.first)
        #expect(!doc.diagnostics.contains { $0.cells != nil })
        #expect(!table.records.contains { r in
            QualityReport.flagged(QualityReport.ExpectedRecord(table: table.templateID!, row: r.row, column: r.column, value: r.value), in: doc)
        })
    }

    /// Table 四 as Tesseract read it: the header labels, then the value cells
    /// recognised as stray characters, not one number.
    static let reviewTableWithoutNumbers = """
        四、政府信息公开行政复议、行政诉讼情况

        行政复议                                                               行政诉讼

        结果 | 结果 | 其他 | 尚未 |总  未经复议直接起诉   复议后起诉

        盖
        涅
        卫
        涅

        五、存在的主要问题及改进情况

        """

    @Test func aTableWhoseLabelsStandButWhoseValuesAreLostIsReported() throws {
        let doc = try document(Self.reviewTableWithoutNumbers)
        #expect(doc.tables.isEmpty)
        let flag = try #require(doc.diagnostics.first { $0.rule == "tables.unplaced" })
        #expect(flag.stage == .tables && flag.kind == .suspicion && flag.line == 3)
        let cells = try #require(flag.cells)
        #expect(cells.table.hasSuffix("-review-litigation") && cells.row == nil && cells.column == nil)
        #expect(flag.message.contains("none of its values"))
        // Every value of that table counts as flagged.
        let total = QualityReport.ExpectedRecord(table: cells.table, row: [], column: ["行政复议", "总计"], value: "2")
        #expect(QualityReport.flagged(total, in: doc))
        #expect(!QualityReport.flagged(QualityReport.ExpectedRecord(table: "2021-applications", row: rowPath("new"), column: ["申请人情况", "自然人"], value: "2"), in: doc))
    }

    @Test func aTableOfTheReportsEditionIsNamed() throws {
        // After a 2021 table 三, the unplaced table 四 is the 2021 one.
        let doc = try document(applicationsTable() + "\n" + Self.reviewTableWithoutNumbers.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n"))
        #expect(doc.tables.first?.templateID == "2021-applications")
        #expect(doc.diagnostics.first { $0.rule == "tables.unplaced" }?.cells == DiagnosticCells(table: "2021-review-litigation"))
    }

    @Test func proseOpeningWithAnAnchorIsNoUnplacedTable() throws {
        let doc = try document("四、政府信息公开行政复议、行政诉讼情况\n\n行政复议和行政诉讼情况：本年度未发生因政府信息公开引起的行政复议和行政诉讼，结果维持、结果纠正均无。\n\n五、存在的主要问题及改进情况\n")
        #expect(doc.tables.isEmpty)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.unplaced" })
    }

    @Test func theReportCountsRightValuesThatAreFlagged() throws {
        // Row 一 of a clean table: right and not flagged. The short row's
        // placed values: right where the gold agrees, and flagged all the same.
        let text = applicationsTable(values: Self.shortRow)
        let doc = try document(text)
        let table = try #require(doc.tables.first)
        let records = table.records.map { QualityReport.ExpectedRecord(table: "2021-applications", row: $0.row, column: $0.column, value: $0.value) }
        let c = QualityReport.Case(document: "d", extractor: "x", input: Array(text.utf8), gold: text, records: records)
        let score = QualityReport.score(c, pipeline: pipeline, rawEdits: false)
        #expect(score.valuesRight == records.count)
        #expect(score.valuesRightFlagged == 5)
    }
}
