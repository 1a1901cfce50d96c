/// Stage 4, `structure.rule-read-as-digit`: OCR reads the table rule before a
/// number as a digit (`| 0` → `10`, Rules/tables.json `values.ruleReadAs`),
/// and the row's total then fails (10 ≠ 0). A value that opens with such a
/// digit loses it when that, and no other such change, makes a failing
/// relation of the template hold without breaking one that held; the change
/// is traced and reported. Anything less certain stays as read, flagged by
/// the failing relation.
extension TemplateMatcher {
    func repairRulesReadAsDigits(_ m: inout Match, tracing: Bool) {
        let template = m.template
        var relations = TableArithmetic.relations(template, values: m.values)
        func failing(_ list: [TableArithmetic.Relation]) -> Int { list.filter { !$0.result.holds }.count }
        var failures = failing(relations)
        guard failures > 0 else { return }
        /// The value without its first character, when it may be a misread rule.
        func withoutRule(_ text: String) -> String? {
            let s = text.unicodeScalars
            guard s.count >= 2, let first = s.first, rules.ruleReadAs.contains(first),
                  s.allSatisfy({ $0.value &- 0x30 < 10 }) else { return nil }
            return String(String.UnicodeScalarView(s.dropFirst()))
        }
        for relation in relations where !relation.result.holds {
            // Still failing after the repairs made so far?
            guard let now = relations.first(where: { $0.result.check == relation.result.check && $0.result.subject == relation.result.subject }),
                  !now.result.holds else { continue }
            var fixes: [(row: Int, slot: Int, before: String, after: String, relations: [TableArithmetic.Relation])] = []
            let heldBefore = Set(relations.filter(\.result.holds).map { $0.result.check + "\u{1F}" + $0.result.subject })
            for cell in relation.cells {
                guard let text = m.values[cell.row][cell.slot], let repaired = withoutRule(text) else { continue }
                var trial = m.values
                trial[cell.row][cell.slot] = repaired
                let after = TableArithmetic.relations(template, values: trial)
                let brokeOne = after.contains { !$0.result.holds && heldBefore.contains($0.result.check + "\u{1F}" + $0.result.subject) }
                let fixedThis = after.contains { $0.result.check == relation.result.check && $0.result.subject == relation.result.subject && $0.result.holds }
                if fixedThis && !brokeOne && failing(after) < failures {
                    fixes.append((cell.row, cell.slot, text, repaired, after))
                }
            }
            guard fixes.count == 1, let fix = fixes.first else { continue }
            apply(fix.row, fix.slot, fix.before, fix.after, to: &m, tracing: tracing)
            relations = fix.relations
            failures = failing(relations)
        }
    }

    /// The value of template row `row`, slot `slot` becomes `after` in the
    /// values, the grid and the records.
    private func apply(_ row: Int, _ slot: Int, _ before: String, _ after: String, to m: inout Match, tracing: Bool) {
        let templateRow = m.template.rows[row]
        m.values[row][slot] = after
        if row < m.gridRowOf.count, let g = m.gridRowOf[row],
           let column = templateRow.cells.firstIndex(where: { $0 == .value(slot) }) {
            m.grid[g][column] = after
        }
        if let k = m.records.firstIndex(where: { $0.row == templateRow.path && $0.column == templateRow.columnPaths[slot] && $0.value == before }) {
            m.records[k].value = after
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
