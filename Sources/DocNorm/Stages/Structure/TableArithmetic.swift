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
    static func check(_ template: TableTemplate, values: [[String?]], lines: [Int?], rules: TableRules,
                      context: PipelineContext) -> [ArithmeticCheck] {
        check(template, relations: relations(template, values: values), values: values, lines: lines, rules: rules, context: context)
    }

    /// `check`, on relations already evaluated (`relations(template, values:)`).
    static func check(_ template: TableTemplate, relations: [Relation], values: [[String?]], lines: [Int?],
                      rules: TableRules, context: PipelineContext) -> [ArithmeticCheck] {
        let suspects = loneSuspects(relations, values: values)
        var results: [ArithmeticCheck] = []
        results.reserveCapacity(relations.count)
        for (r, suspect) in zip(relations, suspects) {
            var result = r.result
            let cell = suspect.map { TableCell(row: template.rows[$0.row].path, column: template.rows[$0.row].columnPaths[$0.slot]) }
            result.suspect = cell
            results.append(result)
            guard !r.result.holds else { continue }
            let place = r.axis == .column ? "column" : "row"
            // The one cell that alone explains the failure, named with the
            // value that would make every relation on it hold.
            var alone = ""
            if let suspect, let cell {
                let name = cell.row.isEmpty ? "" : "'\(cell.row.joined(separator: " / "))' × "
                alone = "; one cell alone explains it: \(name)'\(cell.column.joined(separator: " / "))' (\(format(suspect.value)) would satisfy every relation of its row and column)"
            }
            context.report(.structure, "structure.arithmetic", .arithmetic,
                           "\(template.id) \(r.result.check) fails in \(place) \(r.result.subject): \(format(r.result.left)) ≠ \(format(r.result.right)) (\(r.description))\(alone)",
                           line: lines[r.row], cells: cell.map { DiagnosticCells(table: template.id, row: $0.row, column: $0.column) })
        }
        reportBrokenBounds(template, values: values, lines: lines, rules: rules, context: context)
        return results
    }

    /// `structure.bound`: each bound of the template (`part ≤ whole`) whose
    /// cells all hold a number and that fails, reported on the row (or
    /// column) it was evaluated on. OCR that loses a digit of a value
    /// (21 read as 2) breaks no sum where the template has none; a bound
    /// still catches the loss when it makes the whole smaller than its part.
    /// The cell put in doubt is the whole's (one cell on the right): a lost
    /// digit is what shrinks a value; the message gives both sides, since a
    /// part grown by a misread rule (| 3 → 13) fails the same way. A change
    /// signed 增/减 counts with its sign (`TableRules.boundNumber`), as the
    /// readings of stage 3 count it.
    static func reportBrokenBounds(_ template: TableTemplate, values: [[String?]], lines: [Int?], rules: TableRules,
                                   context: PipelineContext) {
        sites: for site in template.boundSites {
            var left = 0.0, right = 0.0
            for (k, cell) in site.cells.enumerated() {
                guard cell.row < values.count, cell.slot < values[cell.row].count,
                      let text = values[cell.row][cell.slot], let v = rules.boundNumber(text) else { continue sites }
                if k < site.leftCount { left += v } else { right += v }
            }
            guard left > right + 1e-9 else { continue }
            let bound = template.bounds[site.check]
            let row = template.rows[site.row]
            let place = bound.axis == .column ? "column" : "row"
            let whole = site.cells.count == site.leftCount + 1 ? site.cells[site.leftCount] : nil
            let cells = whole.map { DiagnosticCells(table: template.id, row: template.rows[$0.row].path,
                                                    column: template.rows[$0.row].columnPaths[$0.slot]) }
                ?? (bound.axis == .column ? DiagnosticCells(table: template.id, column: row.columnPaths[site.cells[0].slot])
                                          : DiagnosticCells(table: template.id, row: row.path))
            context.report(.structure, "structure.bound", .arithmetic,
                           "\(template.id) \(bound.id) fails in \(place) \(site.subject): \(format(left)) > \(format(right)) (\(bound.description))",
                           line: lines[site.row], cells: cells)
        }
    }

    /// Every relation of the template that the values let be evaluated: each
    /// of its check sites whose cells all hold a number.
    static func relations(_ template: TableTemplate, values: [[String?]]) -> [Relation] {
        // Each value parsed once, not once per relation it takes part in,
        // into one flat array (row r's slots from first[r]): an array per row
        // was an allocation per row for every table evaluated. The results
        // are reserved at one per site.
        var first: [Int] = []
        first.reserveCapacity(values.count + 1)
        var numbers: [Double?] = []
        numbers.reserveCapacity(values.reduce(0) { $0 + $1.count })
        for row in values {
            first.append(numbers.count)
            for text in row { numbers.append(text.flatMap(Self.number)) }
        }
        first.append(numbers.count)
        var results: [Relation] = []
        results.reserveCapacity(template.checkSites.count)
        sites: for site in template.checkSites {
            var left = 0.0, right = 0.0
            for (k, cell) in site.cells.enumerated() {
                guard cell.row < values.count, cell.slot < first[cell.row + 1] - first[cell.row],
                      let v = numbers[first[cell.row] + cell.slot] else { continue sites }
                if k < site.leftCount { left += v } else { right += v }
            }
            let check = template.checks[site.check]
            results.append(Relation(result: ArithmeticCheck(check: check.id, subject: site.subject, holds: abs(left - right) < 1e-9, left: left, right: right),
                                    description: check.description, row: site.row, axis: check.axis,
                                    cells: site.cells, leftCount: site.leftCount))
        }
        return results
    }

    /// Whether every relation `relations(template, values:)` evaluates
    /// holds, told without making them (each site summed in the same order,
    /// a site with a cell that holds no number skipped as there): the probe
    /// of `tables.settle` asks only this of a table it reads, since
    /// `repairRulesReadAsDigits` changes nothing where all hold.
    /// Each cell's number is read once, when a site first asks for it (a
    /// cell is in two or three sites), into a buffer of the table's cells.
    static func allHold(_ template: TableTemplate, values: [[String?]]) -> Bool {
        allHold(template, rows: values.count, slots: { values[$0].count }, number: { values[$0][$1].flatMap(number) })
    }

    /// `allHold` of the numbers `number(row, slot)` reads (nil: the cell
    /// holds none), `rows` rows of `slots(row)` slots each: a match's values
    /// read where they stand in its stream, not copied out into rows first
    /// (the settle probe). Marked to be inlined; the release build still
    /// calls it, and its closures, from the probe (16.9 M instructions for
    /// 1,180 tables of the 1 MB bench against 17.7 M on arrays).
    /// Each row's first cell and slot count are read once, and the sites'
    /// cells from `checkCells` (plain values, nothing retained per site).
    @inline(__always)
    static func allHold(_ template: TableTemplate, rows: Int, slots: (Int) -> Int, number: (Int, Int) -> Double?) -> Bool {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, 2 * rows)) { rowCells in
            // rowCells[2r]: the row's first cell; rowCells[2r + 1]: its slot count.
            var cells = 0
            for row in 0..<rows {
                let count = slots(row)
                rowCells[2 * row] = cells
                rowCells[2 * row + 1] = count
                cells += count
            }
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, cells)) { numbers in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, cells)) { state in
                    // 0: not read yet, 1: a number, 2: none.
                    state.initialize(repeating: 0)
                    let siteCells = template.checkCells
                    var start = 0
                    sites: for end in template.checkCellEnds {
                        defer { start = end }
                        var left = 0.0, right = 0.0
                        for k in start..<end {
                            let cell = siteCells[k]
                            guard cell.row < rows, cell.slot < rowCells[2 * cell.row + 1] else { continue sites }
                            let at = rowCells[2 * cell.row] + cell.slot
                            if state[at] == 0 {
                                if let v = number(cell.row, cell.slot) { numbers[at] = v; state[at] = 1 } else { state[at] = 2 }
                            }
                            guard state[at] == 1 else { continue sites }
                            let v = numbers[at]
                            if cell.isLeft { left += v } else { right += v }
                        }
                        if !(abs(left - right) < 1e-9) { return false }
                    }
                    return true
                }
            }
        }
    }

    /// A value cell's number, or nil. Thousands separators dropped; a value
    /// without one (most) is read as it stands. A run of at most 15 ASCII
    /// digits (nearly every cell) is read here, exactly as `Double` reads it.
    static func number(_ text: String) -> Double? {
        if let whole = text.utf8.withContiguousStorageIfAvailable(wholeNumber), let whole { return Double(whole) }
        return Double(text.utf8.contains(0x2C) ? String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "," })) : text)
    }

    /// The number 1 to 15 ASCII digits write (below 2^53: exact as a
    /// Double), or nil for any other text.
    private static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 15 else { return nil }
        var n = 0
        for b in bytes {
            guard b &- 0x30 < 10 else { return nil }
            n = n * 10 + Int(b &- 0x30)
        }
        return n
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
