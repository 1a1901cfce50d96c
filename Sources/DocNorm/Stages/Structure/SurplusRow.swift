/// Stage 4, `structure.surplus-row`: a row whose label OCR lost whole, its
/// values kept (held-out hengzhou-city-2022's Tesseract text:
/// `2.其他法律…禁止公| 12 4 1 1 3 2 | 23`, then `5 | 2 |o 0 1 0 8` for
/// 3.危及“三安全一稳定”), reads in order as the row before's values and
/// then as its surplus; the next row's label, restored, found none (or
/// read the row after's past its label's head). The values over are that
/// next row's when the rows' own arithmetic says so:
/// - they are exactly its count of values, and its label is missing (the
///   reading stands where it would be, no value read since);
/// - the row before's values, on their own, keep every row relation of
///   that row that can be evaluated (at least one): the surplus is not
///   its values read apart or misread;
/// - the values over keep every row relation of the next row, at least
///   one, one of them with a term that is not 0 (0s add up anywhere).
/// They are placed in the next row, the surplus finding replaced by a
/// repair saying why, traced; the row's label stays flagged as restored
/// (which row they are rests on their order). Anything less stays a
/// surplus, flagged.
extension TemplateMatcher {
    /// Whether `values` (stream ranges, one a value), the surplus of data
    /// row `previous`, are the values of row `row`, as above; `placed` is
    /// the match's cells so far.
    func surplusIsRow(_ template: TableTemplate, _ values: [Range<Int>], row: Int, after previous: Int,
                      placed: [Placed], in stream: CellStream) -> Bool {
        let rows = template.rows
        guard values.count == rows[row].valueColumns.count else { return false }
        let base = previous * template.columns, columns = rows[previous].valueColumns
        let own = rowRelations(template, row: previous) { slot in
            guard slot < columns.count, case .text(let range) = placed[base + columns[slot]] else { return nil }
            return TableArithmetic.number(stream.text(range))
        }
        guard own?.hold == true,
              let taken = rowRelations(template, row: row, number: { TableArithmetic.number(stream.text(values[$0])) }) else { return false }
        return taken.hold && taken.nonZero
    }

    /// The row relations of template row `row` (its cells alone) that the
    /// numbers `number(slot)` evaluate: whether all hold and whether one has
    /// a term that is not 0; nil when none can be evaluated.
    func rowRelations(_ template: TableTemplate, row: Int, number: (Int) -> Double?) -> (hold: Bool, nonZero: Bool)? {
        var result: (hold: Bool, nonZero: Bool)?
        for site in template.checkSites where site.row == row && template.checks[site.check].axis == .row {
            var nonZero = false
            let sums = site.sums { cellRow, slot in
                guard cellRow == row, let v = number(slot) else { return nil }
                if v != 0 { nonZero = true }
                return v
            }
            guard let holds = sums?.balance else { continue }
            result = ((result?.hold ?? true) && holds, (result?.nonZero ?? false) || (holds && nonZero))
        }
        return result
    }
}
