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
enum OCRUnverifiedCells {
    /// One diagnostic per table of `placed` with a template whose filled
    /// value cells include some that no check or bound site of the template
    /// reads. Only a document read as OCR is asked (a handful of tables).
    static func report(_ placed: [TableRecognizer.PlacedTable], templates: [TableTemplate], context: PipelineContext) {
        for p in placed {
            guard let id = p.table.templateID, let template = templates.first(where: { $0.id == id }) else { continue }
            let checked = checkedCells(template)
            var cells: [TableCell] = []
            for record in p.table.records where !record.value.isEmpty {
                guard let row = template.rows.firstIndex(where: { !$0.isHeader && $0.path == record.row }),
                      let slot = template.rows[row].columnPaths.firstIndex(of: record.column),
                      !checked.contains(Cell(row: row, slot: slot)) else { continue }
                cells.append(TableCell(row: record.row, column: record.column))
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
