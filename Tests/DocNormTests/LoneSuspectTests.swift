import Testing
@testable import DocNorm

/// `structure.arithmetic` names the one cell a failing relation puts in
/// doubt when exactly one cell, given the value the relation asks of it,
/// makes every relation of its row and column hold (`ArithmeticCheck.suspect`);
/// the rest of the row or column is then not flagged on its account.
@Suite struct LoneSuspectTests {
    func rowPath(_ id: String) -> [String] {
        pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!.rows.first { $0.id == id }!.path
    }

    func column(_ slot: Int) -> [String] {
        pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!.rows.first { $0.id == "new" }!.columnPaths[slot]
    }

    func expected(_ row: String, _ slot: Int, _ value: String) -> QualityReport.ExpectedRecord {
        QualityReport.ExpectedRecord(table: "2021-applications", row: rowPath(row), column: column(slot), value: value)
    }

    /// Five applications by 自然人, all disclosed; OCR read （一）予以公开's
    /// 自然人 5 as 8. Its row total and column 自然人's sum of results fail;
    /// only that cell, back at 5, makes both hold (the 总计 cells moved
    /// would break the balance or their own row, the zeros would go below 0).
    static func misread(_ id: String) -> [Int] {
        switch id {
        case "new", "total": [5, 0, 0, 0, 0, 0, 5]
        case "disclosed": [8, 0, 0, 0, 0, 0, 5]
        default: [0, 0, 0, 0, 0, 0, 0]
        }
    }

    @Test func aFailureOneCellExplainsNamesThatCell() throws {
        let doc = try document(applicationsTable(values: Self.misread))
        let table = try #require(doc.tables.first)
        let failing = table.checks.filter { !$0.holds }
        #expect(failing.count == 2)
        let cell = TableCell(row: rowPath("disclosed"), column: column(0))
        #expect(failing.allSatisfy { $0.suspect == cell })
        let diagnostics = doc.diagnostics.filter { $0.rule == "structure.arithmetic" }
        #expect(diagnostics.count == 2)
        #expect(diagnostics.allSatisfy { $0.cells == DiagnosticCells(table: "2021-applications", row: cell.row, column: cell.column) })
        #expect(diagnostics.allSatisfy { $0.message.contains("one cell alone explains it") && $0.message.contains("5 would satisfy") })
        // The misread value is flagged; the right ones of its row and column are not.
        #expect(QualityReport.flagged(expected("disclosed", 0, "5"), in: doc))
        #expect(!QualityReport.flagged(expected("new", 0, "5"), in: doc))
        #expect(!QualityReport.flagged(expected("total", 0, "5"), in: doc))
        #expect(!QualityReport.flagged(expected("disclosed", 6, "5"), in: doc))
        // The JSON says which cell, after the relation's subject.
        let json = try JSONRenderer.render(doc)
        #expect(json == (try JSONRenderer.renderWithEncoder(doc)))
        #expect(json.contains("\"suspect\""))
    }

    /// 四、结转下年度继续办理 read 1 0 0 0 0 0 1 where the report has 0s: the
    /// balance of 自然人 and of 总计 fail, and no one cell mends either (each
    /// cell moved breaks its own row or the other relation of its column):
    /// the whole column stays in doubt.
    static func unexplained(_ id: String) -> [Int] {
        switch id {
        case "new", "total": [5, 0, 0, 0, 0, 0, 5]
        case "disclosed": [5, 0, 0, 0, 0, 0, 5]
        case "carried-forward": [1, 0, 0, 0, 0, 0, 1]
        default: [0, 0, 0, 0, 0, 0, 0]
        }
    }

    @Test func aFailureNoOneCellExplainsKeepsItsColumn() throws {
        let doc = try document(applicationsTable(values: Self.unexplained))
        let table = try #require(doc.tables.first)
        let failing = table.checks.filter { !$0.holds }
        #expect(!failing.isEmpty)
        #expect(failing.allSatisfy { $0.suspect == nil })
        #expect(doc.diagnostics.filter { $0.rule == "structure.arithmetic" }.allSatisfy { $0.cells == nil })
        #expect(QualityReport.flagged(expected("new", 0, "5"), in: doc))
    }
}

/// A relation that reads a row placed from the left (OCR lost one of its
/// values, `structure.missing-value`) is no evidence for or against a
/// suspect: which column each of that row's values stands in is a guess.
/// As in held-out wencheng-city-2020's OCR: 二、上年结转 lost a 0, its
/// values from 法律服务机构 on stood a column left; the failing balances
/// through them ruled out every addend of (七)总计, whose 其他 44 was read
/// 144 (a rule read as 1; 160, 105 and 144 each lose 100 without their 1,
/// so no one is repaired), and the row's failing total named its 总计 cell
/// alone, leaving the 144 unflagged.
@Suite struct LoneSuspectGuessedRowTests {
    static func values(_ id: String) -> [Int] {
        switch id {
        case "new": [150, 0, 0, 0, 100, 40, 290]
        case "carried-over": [10, 0, 0, 5, 4, 19]      // 10 0 0 0 5 4 19, its third 0 lost
        case "total": [160, 0, 0, 0, 105, 144, 309]    // 其他 44 read 144
        case "disclosed": []                           // (七)'s column sums cannot be evaluated
        default: [0, 0, 0, 0, 0, 0, 0]
        }
    }

    @Test func aRelationThroughARowPlacedFromTheLeftClearsNoCell() throws {
        let doc = try document(applicationsTable(values: Self.values))
        let table = try #require(doc.tables.first)
        let template = pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!
        let total = template.rows.first { $0.id == "total" }!
        #expect(table.records.contains { $0.row == total.path && $0.column == total.columnPaths[5] && $0.value == "144" })
        let misread = QualityReport.ExpectedRecord(table: "2021-applications", row: total.path, column: total.columnPaths[5], value: "44")
        #expect(QualityReport.flagged(misread, in: doc))
    }
}

/// `structure.short-row-proven`: a row read one value short, placed from
/// the left, whose row sums ask 0 of the lost value wherever it stood, has
/// its placed values out of doubt; the flag stays, naming no cell.
@Suite struct ShortRowProofTests {
    func rowPath(_ id: String) -> [String] {
        pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!.rows.first { $0.id == id }!.path
    }

    func expected(_ row: String, _ slot: Int, _ value: String) -> QualityReport.ExpectedRecord {
        let columns = pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!.rows.first { $0.id == row }!.columnPaths
        return QualityReport.ExpectedRecord(table: "2021-applications", row: rowPath(row), column: columns[slot], value: value)
    }

    /// The rows OCR read: `row` for `id`, the rest whole (1 0 0 0 0 0 1 for
    /// 一, （一） and （七）, so that the columns hold; 0s elsewhere).
    static func short(_ row: [Int], in id: String) -> (String) -> [Int] {
        { $0 == id ? row : ($0 == "new" || $0 == "total" || $0 == "disclosed" ? [1, 0, 0, 0, 0, 0, 1] : [0, 0, 0, 0, 0, 0, 0]) }
    }

    @Test func aRowOfZerosOneShortIsNotInDoubt() throws {
        let doc = try document(applicationsTable(values: Self.short([0, 0, 0, 0, 0, 0], in: "not-handled-2")), tracing: true)
        let flag = try #require(doc.diagnostics.first { $0.rule == "structure.missing-value" })
        #expect(flag.cells == nil)
        #expect(flag.message.contains("6 of 7") && flag.message.contains("only the empty cell is missing"))
        #expect(doc.trace.contains { $0.rule == "structure.short-row-proven" })
        #expect(!QualityReport.flagged(expected("not-handled-2", 0, "0"), in: doc))
        // The empty cell stays flagged: missing.
        #expect(QualityReport.flagged(expected("not-handled-2", 6, "0"), in: doc))
    }

    /// 1 0 0 0 0 1 one short: the lost cell may be 其他 (0, the 1 the
    /// total) or the total (1, the 1 其他's), and 其他 reads 1 in one,
    /// 0 in the other: in doubt. 1 0 0 0 0 0: only a lost total (1) keeps
    /// the parts under it, and that rests on the digits read alone (a
    /// misread total would allow other readings): in doubt. Two lost: the
    /// sums cannot say where.
    @Test func aRowTheSumsLeaveOpenKeepsItsFlag() throws {
        for row in [[1, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0]] {
            let doc = try document(applicationsTable(values: Self.short(row, in: "disclosed")))
            let flag = try #require(doc.diagnostics.first { $0.rule == "structure.missing-value" })
            #expect(flag.cells == DiagnosticCells(table: "2021-applications", row: rowPath("disclosed")))
        }
    }
}
