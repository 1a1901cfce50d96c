/// Stage 4, `structure.placement-proven`: a row whose values
/// `structure.label-unreadable` placed (OCR's junk for its label, the next
/// row's label readable after them), or `structure.stray-rows` (in the text
/// skipped to the next row's label, after its numbering), is flagged by its
/// restored label, since
/// its values were placed by their order alone. The template's arithmetic
/// can prove that placement; the flag is then replaced by a repair.
///
/// What counts as proof, all of it on the table's final values:
/// - every value slot of the row holds a number (none lost; values over
///   keep their own flag, `structure.surplus-value`);
/// - every relation the template defines on any of its cells that can be
///   evaluated (all its cells hold numbers) holds: the row's total, and a
///   column's sum wherever the other rows of that column kept theirs;
/// - the row's total is among them (evaluated on the row itself);
/// - one of them has a term that is not 0 (zeros satisfy any sum: a row of
///   0s adds up wherever it stands and however its cells are read).
/// Anything less stays flagged. The sums prove the values were read whole
/// and in their slots (a misread digit, a value lost or one taken from a
/// neighbouring row breaks the row's total); which row they are is what
/// the readable label right after them says. OCR's table 三 rarely keeps
/// every row of a column, so a column's sum is seldom there to add to it.
extension TemplateMatcher {
    /// The rows of `m` (materialized) that `structure.label-unreadable`
    /// placed and that `relations` (its final values') prove, as above.
    func provenUnreadableRows(_ m: Match, relations: [TableArithmetic.Relation]) -> [Int] {
        guard !m.unreadableLabelRows.isEmpty else { return [] }
        var proven: [Int] = []
        rows: for row in m.unreadableLabelRows {
            guard row < m.values.count, !m.values[row].isEmpty else { continue }
            for text in m.values[row] where text.flatMap(TableArithmetic.number) == nil { continue rows }
            var rowRelation = false, nonZero = false
            for relation in relations where relation.cells.contains(where: { $0.row == row }) {
                guard relation.result.holds else { continue rows }
                if relation.result.left != 0 || relation.result.right != 0 { nonZero = true }
                if relation.axis == .row, relation.row == row { rowRelation = true }
            }
            if rowRelation, nonZero { proven.append(row) }
        }
        return proven
    }

    /// Replaces the `structure.label-restored` flag of each proven row
    /// (`provenUnreadableRows`) with a repair saying why it holds, traced
    /// after the match's own steps.
    func clearProvenPlacements(_ m: inout Match, relations: [TableArithmetic.Relation], context: PipelineContext) {
        let proven = provenUnreadableRows(m, relations: relations)
        guard !proven.isEmpty else { return }
        let template = m.template
        for row in proven {
            let path = template.rows[row].path
            guard let k = m.diagnostics.firstIndex(where: { $0.rule == "structure.label-restored" && $0.cells?.row == path }) else { continue }
            let name = path.last ?? ""
            m.diagnostics[k] = Diagnostic(stage: .structure, rule: "structure.placement-proven", kind: .repair,
                                          message: "row label '\(name)' is unreadable; restored from template \(template.id), and its values, placed by their order, are proven: the row's total holds, and every column sum that can be evaluated on them",
                                          line: m.diagnostics[k].line)
            if context.tracing {
                m.trace.append(TraceStep(stage: .structure, rule: "structure.placement-proven", line: m.diagnostics[k].line, before: "", after: name))
            }
        }
    }
}
