/// Stage 4, `structure.arithmetic`: the relations a template states or implies
/// (Rules/templates/*.json, `checks`), evaluated on the values found. A blank
/// or non-numeric cell makes a relation unknown, not false: it is skipped.
enum TableArithmetic {
    /// One relation evaluated on one row or column, with the cells it read.
    struct Relation {
        var result: ArithmeticCheck
        var description: String
        /// The template row whose source line a diagnostic names.
        var row: Int
        var axis: TableTemplate.Check.Axis
        /// (template row, value slot) of every cell summed on either side:
        /// the first `leftCount` on the left.
        var cells: [(row: Int, slot: Int)]
        var leftCount: Int
    }

    /// Every evaluated relation, and a diagnostic for each one that fails.
    static func check(_ template: TableTemplate, values: [[String?]], lines: [Int?], context: PipelineContext) -> [ArithmeticCheck] {
        let relations = relations(template, values: values)
        for r in relations where !r.result.holds {
            let place = r.axis == .column ? "column" : "row"
            context.report(.structure, "structure.arithmetic", .arithmetic,
                           "\(template.id) \(r.result.check) fails in \(place) \(r.result.subject): \(format(r.result.left)) ≠ \(format(r.result.right)) (\(r.description))",
                           line: lines[r.row])
        }
        return relations.map(\.result)
    }

    /// Every relation of the template that the values let be evaluated.
    static func relations(_ template: TableTemplate, values: [[String?]]) -> [Relation] {
        // Each value parsed once, not once per relation it takes part in.
        let numbers: [[Double?]] = values.map { row in row.map { text in text.flatMap(Self.number) } }
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
        var results: [Relation] = []
        for check in template.checks {
            switch check.axis {
            case .column:
                let slots = check.left.first.map { template.rows[$0].columnPaths.count } ?? 0
                for slot in 0..<slots {
                    let left = check.left.map { ($0, slot) }, right = check.right.map { ($0, slot) }
                    guard let l = sum(left), let r = sum(right) else { continue }
                    let subject = template.rows[check.left[0]].columnSubjects[slot]
                    results.append(Relation(result: ArithmeticCheck(check: check.id, subject: subject, holds: abs(l - r) < 1e-9, left: l, right: r),
                                            description: check.description, row: check.left[0], axis: .column,
                                            cells: (left + right).map { (row: $0.0, slot: $0.1) }, leftCount: left.count))
                }
            case .row:
                for (index, row) in template.rows.enumerated() where !row.isHeader {
                    let needed = check.left + check.right
                    let left = check.left.map { (index, $0) }, right = check.right.map { (index, $0) }
                    guard needed.allSatisfy({ $0 < row.columnPaths.count }), let l = sum(left), let r = sum(right) else { continue }
                    let subject = row.subject
                    results.append(Relation(result: ArithmeticCheck(check: check.id, subject: subject, holds: abs(l - r) < 1e-9, left: l, right: r),
                                            description: check.description, row: index, axis: .row,
                                            cells: (left + right).map { (row: $0.0, slot: $0.1) }, leftCount: left.count))
                }
            }
        }
        return results
    }

    /// A value cell's number, or nil. Thousands separators dropped; a value
    /// without one (most) is read as it stands.
    static func number(_ text: String) -> Double? {
        Double(text.utf8.contains(0x2C) ? String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "," })) : text)
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
