/// Stage 4, `structure.short-row-proven`: a data row OCR read one value
/// short is placed from the left (`structure.missing-value`), and since
/// which cell lost its value is a guess, the whole row is flagged. The
/// row's own relations (the template's sums along it: table 三's 总计,
/// table 四's three totals) can settle it. Put the lost value in each slot
/// in turn, the values read around it in order: where every such reading
/// that the sums allow (a relation without the lost cell holds, the lost
/// value not below zero) asks 0 of the lost cell, every value placed from
/// the left reads the same in all of them, and some reading is allowed,
/// the values placed are not in doubt (a row of 0s one short gives the
/// same row whichever cell was lost: a lost 0). The row's flag is then
/// dropped from its placed cells; the empty cell stays missing. A reading
/// whose lost value must be more than 0 proves nothing about the others:
/// a lost total absorbs any parts, and the readings it rules out are ruled
/// out by the digits read (held-out danzhou's OCR read 11 4 0 0 1 0 16 as
/// 11 4 0 0 1 10: only the lost total keeps the parts under it, and 10
/// stands wrongly under 其他); 1 0 0 0 0 0 stays flagged so. A lost cell in
/// no row relation could hold anything: flagged too. The proof trusts the
/// digits read, as the sums' other proofs do (`structure.placement-proven`).
extension TemplateMatcher {
    /// Whether data row `row` of `m` (materialized), read one value short
    /// and placed from the left, reads the same wherever the lost value
    /// stood, as above.
    func shortRowProven(_ m: Match, row: Int) -> Bool {
        guard row < m.values.count else { return false }
        let values = m.values[row]
        let slots = values.count
        guard slots > 1, values[slots - 1] == nil else { return false }
        var read: [Double] = []
        read.reserveCapacity(slots - 1)
        for text in values.dropLast() {
            guard let text, let v = TableArithmetic.number(text) else { return false }
            read.append(v)
        }
        let sites = m.template.checkSites.filter { site in site.cells.allSatisfy { $0.row == row } }
        guard !sites.isEmpty else { return false }
        var allowed = false
        for lost in 0..<slots {
            var holds = true, settled = false
            for site in sites {
                var left = 0.0, right = 0.0
                var lostOnLeft: Bool?
                for (k, cell) in site.cells.enumerated() {
                    guard cell.slot != lost else { lostOnLeft = k < site.leftCount; continue }
                    let v = read[cell.slot < lost ? cell.slot : cell.slot - 1]
                    if k < site.leftCount { left += v } else { right += v }
                }
                guard let lostOnLeft else {
                    if abs(left - right) >= 1e-9 { holds = false }
                    continue
                }
                let needed = lostOnLeft ? right - left : left - right
                if needed < -1e-9 { holds = false } else if needed > 1e-9 { return false } else { settled = true }
            }
            guard holds else { continue }
            guard settled else { return false }
            // The reading with a 0 in `lost`: the same as placed from the left?
            for slot in 0..<(slots - 1) {
                let v = slot < lost ? read[slot] : slot == lost ? 0 : read[slot - 1]
                guard v == read[slot] else { return false }
            }
            allowed = true
        }
        return allowed
    }

    /// Drops the cells of each `structure.missing-value` flag whose row
    /// `shortRowProven` settles: the flag stays, saying why its placed
    /// values are not in doubt, and names no cell; traced.
    func clearProvenShortRows(_ m: inout Match, context: PipelineContext) {
        let template = m.template
        for k in m.diagnostics.indices where m.diagnostics[k].rule == "structure.missing-value" {
            guard let path = m.diagnostics[k].cells?.row,
                  let row = template.rows.firstIndex(where: { !$0.isHeader && $0.path == path }),
                  shortRowProven(m, row: row) else { continue }
            let slots = template.rows[row].columnPaths.count
            let name = path.last ?? ""
            m.diagnostics[k] = Diagnostic(stage: .structure, rule: "structure.missing-value", kind: .suspicion,
                                          message: "row '\(name)' has \(slots - 1) of \(slots) values, placed from the left; the row's sums ask 0 of the lost value wherever it stood, so the values placed read the same in every reading: only the empty cell is missing",
                                          line: m.diagnostics[k].line)
            if context.tracing {
                m.trace.append(TraceStep(stage: .structure, rule: "structure.short-row-proven", line: m.diagnostics[k].line, before: "", after: name))
            }
        }
    }
}
