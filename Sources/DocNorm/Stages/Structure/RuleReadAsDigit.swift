/// Stage 4, `structure.rule-read-as-digit`: OCR reads the table rule before a
/// number as a digit (`| 0` → `10`, Rules/tables.json `values.ruleReadAs`),
/// and the row's total then fails (10 ≠ 0). A value that opens with such a
/// digit loses it when that, and no other such change, makes a failing
/// relation of the template hold without breaking one that held; the change
/// is traced and reported. Anything less certain stays as read, flagged by
/// the failing relation.
extension TemplateMatcher {
    /// Returns the relations of the values as they stand after the repairs
    /// (TableArithmetic.check reads them; evaluated once when none is made).
    @discardableResult
    func repairRulesReadAsDigits(_ m: inout Match, tracing: Bool) -> [TableArithmetic.Relation] {
        let relations = TableArithmetic.relations(m.template, values: m.values)
        var holds = relations.map(\.result.holds)
        guard holds.contains(false) else { return relations }
        // A trial changes one cell, so only the relations that read it are
        // evaluated again (the whole table per trial was most of stage 4 on
        // tables whose arithmetic fails everywhere).
        // The values' numbers and each cell's relations, made at the first
        // cell that may hold a misread rule: most tables have none.
        var numbers: [[Double?]] = []
        var readers: [Int: [Int]] = [:]
        var prepared = false
        var changed = false
        func prepare() {
            guard !prepared else { return }
            prepared = true
            numbers = m.values.map { row in row.map { $0.flatMap(TableArithmetic.number) } }
            for (index, relation) in relations.enumerated() {
                for cell in relation.cells { readers[cell.row << 16 | cell.slot, default: []].append(index) }
            }
        }
        func holdsWith(_ index: Int, _ cell: (row: Int, slot: Int), _ value: Double) -> Bool {
            let relation = relations[index]
            var left = 0.0, right = 0.0
            for (k, c) in relation.cells.enumerated() {
                let v = c.row == cell.row && c.slot == cell.slot ? value : numbers[c.row][c.slot] ?? 0
                if k < relation.leftCount { left += v } else { right += v }
            }
            return abs(left - right) < 1e-9
        }
        /// The value without its first character, when it may be a misread rule.
        func withoutRule(_ text: String) -> String? {
            let s = text.unicodeScalars
            guard s.count >= 2, let first = s.first, rules.ruleReadAs.contains(first),
                  s.allSatisfy({ $0.value &- 0x30 < 10 }) else { return nil }
            return String(String.UnicodeScalarView(s.dropFirst()))
        }
        for index in relations.indices where !relations[index].result.holds {
            // Still failing after the repairs made so far?
            guard !holds[index] else { continue }
            var fixes: [(row: Int, slot: Int, before: String, after: String, value: Double, holds: [(Int, Bool)])] = []
            for cell in relations[index].cells {
                guard let text = m.values[cell.row][cell.slot], let repaired = withoutRule(text),
                      let value = TableArithmetic.number(repaired) else { continue }
                prepare()
                let affected = (readers[cell.row << 16 | cell.slot] ?? []).map { ($0, holdsWith($0, cell, value)) }
                let fixedThis = affected.contains { $0.0 == index && $0.1 }
                let brokeOne = affected.contains { holds[$0.0] && !$0.1 }
                if fixedThis && !brokeOne {
                    fixes.append((cell.row, cell.slot, text, repaired, value, affected))
                }
            }
            guard fixes.count == 1, let fix = fixes.first else { continue }
            apply(fix.row, fix.slot, fix.before, fix.after, to: &m, tracing: tracing)
            changed = true
            numbers[fix.row][fix.slot] = fix.value
            for (j, now) in fix.holds { holds[j] = now }
        }
        return changed ? TableArithmetic.relations(m.template, values: m.values) : relations
    }

    /// The value of template row `row`, slot `slot` becomes `after` in the
    /// values (and so in the records made from them) and the grid.
    private func apply(_ row: Int, _ slot: Int, _ before: String, _ after: String, to m: inout Match, tracing: Bool) {
        let templateRow = m.template.rows[row]
        m.values[row][slot] = after
        if row < m.gridRowOf.count, let g = m.gridRowOf[row],
           let column = templateRow.cells.firstIndex(where: { $0 == .value(slot) }) {
            m.grid[g][column] = after
        }
        let line = row < m.rowLines.count ? m.rowLines[row] : nil
        if tracing {
            m.trace.append(TraceStep(stage: .structure, rule: "structure.rule-read-as-digit", line: line, before: before, after: after))
        }
        m.diagnostics.append(Diagnostic(stage: .structure, rule: "structure.rule-read-as-digit", kind: .repair,
                                        message: "'\(before)' read as \(after): its first digit was a table rule (the row's arithmetic holds only so)",
                                        line: line))
    }
}
