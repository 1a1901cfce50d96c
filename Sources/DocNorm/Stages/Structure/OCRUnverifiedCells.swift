/// Stage 4, `structure.ocr-unverified`: in a document that reads as OCR
/// (stage 1c changed a line, `OCRRepairs.LineRepairs.readsAsOCR`), the
/// values of each template table that no relation or bound of the template
/// reads, named in one diagnostic per table (kind `unverified`).
///
/// Tesseract loses a digit without a trace (held-out mingxi-shanmu-xiang-2020:
/// table 二 行政许可 处理决定数量 31 read `3`, the line otherwise clean). A
/// sum or a bound catches that where it reads the cell; where none does
/// (2019 table 二's 处理决定数量 and 本年新制作数量, the 采购 block, all of
/// 2021 table 二), nothing in the document can. Such a value is not in
/// doubt — nothing points at it — but it is unconfirmed, and the user is
/// told so: a kind below a suspicion, which eval counts as told
/// (right or flagged) but not as a false alarm (right values flagged).
/// A text layer's values are what the PDF says, and are not named.
struct OCRUnverifiedCells: Sendable {
    /// Per template id, the value cells no check or bound site reads, in
    /// template order: worked out once, with the pipeline (per table, the
    /// match of each record's label paths against the template's rows was
    /// ~5 M instructions of the 1 MB callgrind bench). Templates whose every
    /// cell is checked (tables 三 and 四) are absent.
    let unchecked: [String: [TableCell]]

    init(templates: [TableTemplate]) {
        var unchecked: [String: [TableCell]] = [:]
        for template in templates {
            let checked = Self.checkedCells(template)
            var cells: [TableCell] = []
            for (r, row) in template.rows.enumerated() where !row.isHeader {
                for (slot, column) in row.columnPaths.enumerated() where !checked.contains(Cell(row: r, slot: slot)) {
                    cells.append(TableCell(row: row.path, column: column))
                }
            }
            if !cells.isEmpty { unchecked[template.id] = cells }
        }
        self.unchecked = unchecked
    }

    /// One diagnostic per table of `placed` with a template whose filled
    /// value cells include some that no check or bound site of the template
    /// reads. Only a document read as OCR is asked (a handful of tables).
    func report(_ placed: [TableRecognizer.PlacedTable], context: PipelineContext) {
        for p in placed {
            guard let id = p.table.templateID, let candidates = unchecked[id] else { continue }
            let records = p.table.records
            let cells = candidates.filter { cell in
                records.contains { $0.row == cell.row && $0.column == cell.column && !$0.value.isEmpty }
            }
            guard !cells.isEmpty else { continue }
            let named = cells.map { "'\(($0.row.last ?? "")) × \($0.column.joined(separator: " / "))'" }.joined(separator: ", ")
            context.report(.structure, "structure.ocr-unverified", .unverified,
                           "\(id): \(cells.count) value\(cells.count == 1 ? "" : "s") read by OCR that no relation or bound of the template checks "
                           + "(\(named)): no sum covers these cells, so a digit OCR lost or misread there (31 read as 3) cannot be told; "
                           + "unverified, check them against the source",
                           line: p.lines.lowerBound, cells: DiagnosticCells(table: id, each: cells))
        }
    }

    struct Cell: Hashable {
        var row: Int
        var slot: Int
    }

    /// The cells (template row, value slot) that some check or bound site of
    /// `template` sums or compares.
    static func checkedCells(_ template: TableTemplate) -> Set<Cell> {
        var cells = Set<Cell>()
        for site in template.checkSites + template.boundSites {
            for cell in site.cells { cells.insert(Cell(row: cell.row, slot: cell.slot)) }
        }
        return cells
    }
}
