/// Stage 4, `structure.arithmetic`: the relations a template states or implies
/// (Rules/templates/*.json, `checks`), evaluated on the values found. A blank
/// or non-numeric cell makes a relation unknown, not false: it is skipped.
enum TableArithmetic {
    /// Every evaluated relation, and a diagnostic for each one that fails.
    static func check(_ template: TableTemplate, values: [[String?]], lines: [Int?], context: PipelineContext) -> [ArithmeticCheck] {
        // Each value parsed once, not once per relation it takes part in.
        let numbers: [[Double?]] = values.map { row in
            // Thousands separators dropped; a value without one (most) is read as it stands.
            row.map { text in text.flatMap { Double($0.utf8.contains(0x2C) ? String(String.UnicodeScalarView($0.unicodeScalars.filter { $0 != "," })) : $0) } }
        }
        func number(_ row: Int, _ slot: Int) -> Double? {
            guard row < numbers.count, slot < numbers[row].count else { return nil }
            return numbers[row][slot]
        }
        func sum(_ cells: [(Int, Int)]) -> Double? {
            var total = 0.0
            for (row, slot) in cells {
                guard let v = number(row, slot) else { return nil }
                total += v
            }
            return total
        }
        var results: [ArithmeticCheck] = []
        for check in template.checks {
            switch check.axis {
            case .column:
                let slots = check.left.first.map { template.rows[$0].columnPaths.count } ?? 0
                for slot in 0..<slots {
                    guard let l = sum(check.left.map { ($0, slot) }), let r = sum(check.right.map { ($0, slot) }) else { continue }
                    let subject = template.rows[check.left[0]].columnPaths[slot].joined(separator: "/")
                    results.append(ArithmeticCheck(check: check.id, subject: subject, holds: abs(l - r) < 1e-9, left: l, right: r))
                    if abs(l - r) >= 1e-9 {
                        context.report(.structure, "structure.arithmetic", .arithmetic,
                                       "\(template.id) \(check.id) fails in column \(subject): \(format(l)) ≠ \(format(r)) (\(check.description))",
                                       line: lines[check.left[0]])
                    }
                }
            case .row:
                for (index, row) in template.rows.enumerated() where !row.isHeader {
                    let needed = check.left + check.right
                    guard needed.allSatisfy({ $0 < row.columnPaths.count }),
                          let l = sum(check.left.map { (index, $0) }), let r = sum(check.right.map { (index, $0) }) else { continue }
                    let subject = row.path.isEmpty ? (row.id ?? "") : row.path.joined(separator: "/")
                    results.append(ArithmeticCheck(check: check.id, subject: subject, holds: abs(l - r) < 1e-9, left: l, right: r))
                    if abs(l - r) >= 1e-9 {
                        context.report(.structure, "structure.arithmetic", .arithmetic,
                                       "\(template.id) \(check.id) fails in row \(subject): \(format(l)) ≠ \(format(r)) (\(check.description))",
                                       line: lines[index])
                    }
                }
            }
        }
        return results
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
