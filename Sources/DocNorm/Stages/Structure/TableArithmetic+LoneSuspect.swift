/// Stage 4, `structure.arithmetic`: which cells a failing relation puts in
/// doubt. A relation fails on a row or column, but one misread value (or an
/// author's slip) breaks it: when exactly one of its cells, given the value
/// the relation asks of it (not below zero), makes every relation evaluated
/// on that cell's row and column hold, the evidence singles that cell out
/// and the relation names it alone (`ArithmeticCheck.suspect`); the rest of
/// its row or column is not in doubt on its account. Where no cell, or more
/// than one, would, the relation keeps putting its whole row or column in
/// doubt. A cell whose row has no relation to evaluate (a value lost) passes
/// vacuously there, so in OCR's sparse tables most columns keep their flag:
/// two candidates are as good as none. Nor is a relation that reads a cell
/// of a row holding only some of its values evidence: those were placed
/// from the left (`structure.missing-value`), so which column each stands
/// in is a guess (held-out wencheng-city-2020's OCR: 二、上年结转's lost 0
/// shifted its 2 and 74 a column left, whose failing 其他 balance cleared
/// (七)总计's 144, a rule read as 1 before 44, and named its total alone).
extension TableArithmetic {
    /// Per relation (by index in `relations`), the one cell that alone
    /// explains its failure, with the value that would make its relations
    /// hold; nil for relations that hold or that no one cell explains.
    static func loneSuspects(_ relations: [Relation], values: [[String?]]) -> [(row: Int, slot: Int, value: Double)?] {
        guard relations.contains(where: { !$0.result.holds }) else { return Array(repeating: nil, count: relations.count) }
        func read(_ cell: (row: Int, slot: Int)) -> Double? {
            guard cell.row < values.count, cell.slot < values[cell.row].count, let text = values[cell.row][cell.slot] else { return nil }
            return number(text)
        }
        // Rows holding some of their values but not all: placed from the left.
        let guessed = Set(values.indices.filter { row in
            values[row].contains { $0 == nil } && values[row].contains { $0 != nil }
        })
        /// Whether every relation on `cell` holds with `value` in it (those
        /// reading a row of `guessed` are passed: no evidence either way).
        func allHold(with value: Double, at cell: (row: Int, slot: Int)) -> Bool {
            for relation in relations where relation.cells.contains(where: { $0 == cell }) {
                if !guessed.isEmpty, relation.cells.contains(where: { guessed.contains($0.row) }) { continue }
                var left = 0.0, right = 0.0
                for (k, c) in relation.cells.enumerated() {
                    guard let v = c == cell ? value : read(c) else { return false }
                    if k < relation.leftCount { left += v } else { right += v }
                }
                guard abs(left - right) < 1e-9 else { return false }
            }
            return true
        }
        return relations.map { relation in
            guard !relation.result.holds else { return nil }
            let difference = relation.result.left - relation.result.right
            var found: (row: Int, slot: Int, value: Double)?
            for (k, cell) in relation.cells.enumerated() {
                guard let v = read(cell) else { return nil }
                let needed = k < relation.leftCount ? v - difference : v + difference
                guard needed >= 0 || v < 0, allHold(with: needed, at: cell) else { continue }
                if found != nil { return nil }
                found = (cell.row, cell.slot, needed)
            }
            return found
        }
    }
}
