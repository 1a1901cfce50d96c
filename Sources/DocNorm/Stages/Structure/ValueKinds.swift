/// Stage 4, `structure.value-kind`: a value placed in a cell of another kind.
///
/// A template column holds counts (whole numbers of things) unless the
/// template lists it among its `amounts` (sums of money: 2019 table 二's
/// 采购总金额, 2021's 本年收费金额（单位：万元）). A count holds no decimal
/// point, 元 or % (Rules/tables.json `values.countExcludes`); an amount ends
/// with no % or count unit (`values.amountExcludes`); a signed value (增3,
/// -2) stands only under a header naming its sign (`signFits`). No gold of
/// either corpus has a value of one kind in a column of the other.
///
/// Every way of reading a row puts its values by their order, and an
/// extractor may give the order wrong: 采购项目数量⏎采购总金额⏎政府集中采购⏎
/// 4126.8万元⏎19 (values drawn right to left), or 4126.8万元 alone, placed
/// from the left under 采购项目数量. Where a row's values contradict their
/// cells, every assignment of the row's values to its cells that keeps each
/// value's kind is tried: where exactly one table comes of it (19 under
/// 采购项目数量, 4126.8万元 under 采购总金额), it is placed, a repair; where
/// none or several do, the cells whose values contradict them are left
/// empty, each reported with its value (a suspicion naming the cell). A
/// value is never left silently in a cell whose kind it contradicts.
extension TableRules {
    /// One row settled: its template row, the values as they stood, and as
    /// they stand now (`moved`: one assignment kept every kind; else the
    /// contradicting cells `cleared`).
    struct KindSettlement {
        var row: Int
        var before: [String?]
        var after: [String?]
        var moved: Bool
        var cleared: [Int]
    }

    /// Whether `text` may stand in value slot `slot` of template row `row`.
    func kindFits(_ text: String, row: TableTemplate.Row, slot: Int) -> Bool {
        guard slot < row.columnPaths.count else { return false }
        // Most values are ASCII digits alone, which a cell of either kind
        // takes: answered from the UTF-8 in place, nothing copied or hashed.
        if text.isASCIIDigitsOnly { return true }
        if isSigned(text) { return signFits(text, under: row.columnPaths[slot].last ?? "") }
        let scalars = text.unicodeScalars
        if slot < row.slotIsAmount.count, row.slotIsAmount[slot] {
            return !amountExcludes.contains { end in scalars.count > end.count && scalars.suffix(end.count).elementsEqual(end) }
        }
        return !scalars.contains { countExcludes.contains($0) }
    }

    /// Settles every data row of `values` (template row by row, slot by
    /// slot) whose values contradict their cells' kinds, as above.
    /// Every match kept asks it of every row, and nearly every row holds
    /// ASCII digits alone: those rows are passed over on their values'
    /// UTF-8 (`mayContradictKinds`) before their template row is copied.
    func settleKinds(_ values: inout [[String?]], template: TableTemplate) -> [KindSettlement] {
        var settled: [KindSettlement] = []
        let rows = template.rows
        for r in 0..<min(rows.count, values.count) where Self.mayContradictKinds(values[r], slots: rows[r].columnPaths.count) {
            let row = rows[r]
            guard !row.isHeader else { continue }
            let slots = values[r]
            // Most rows hold counts of digits alone: answered without a search.
            guard slots.indices.contains(where: { s in slots[s].map { !kindFits($0, row: row, slot: s) } ?? false }) else { continue }
            let texts = slots.compactMap { $0 }
            if let one = oneKindAssignment(texts, row: row, slots: slots.count) {
                values[r] = one
                settled.append(KindSettlement(row: r, before: slots, after: one, moved: true, cleared: []))
            } else {
                let cleared = slots.indices.filter { s in slots[s].map { !kindFits($0, row: row, slot: s) } ?? false }
                for s in cleared { values[r][s] = nil }
                settled.append(KindSettlement(row: r, before: slots, after: values[r], moved: false, cleared: cleared))
            }
        }
        return settled
    }

    /// Whether a row's values may contradict their cells' kinds: false
    /// where each value is ASCII digits alone in a slot of the row
    /// (`slots`: its template row's value slots), which `kindFits` takes
    /// under either kind, so `settleKinds`' own test would find no value
    /// that does not fit. Told on each value's UTF-8 in place, before the
    /// template row is copied (with the copy and the UTF-8 view's iterator
    /// at every row, `settleKinds` was 18.3 M instructions of the 1 MB
    /// bench; 11.8 M so).
    static func mayContradictKinds(_ values: [String?], slots: Int) -> Bool {
        for s in values.indices {
            guard let text = values[s] else { continue }
            if s >= slots || !text.isASCIIDigitsOnly { return true }
        }
        return false
    }

    /// The one row (slot by slot) that puts every one of `texts` in a slot
    /// its kind fits, each slot holding one at most; nil where none does,
    /// or two give other rows (equal texts trading slots give one), or the
    /// search ran past its budget.
    func oneKindAssignment(_ texts: [String], row: TableTemplate.Row, slots: Int) -> [String?]? {
        var distinct: [String] = [], left: [Int] = []
        for text in texts {
            if let k = distinct.firstIndex(of: text) { left[k] += 1 } else { distinct.append(text); left.append(1) }
        }
        let fits = distinct.map { text in (0..<slots).map { kindFits(text, row: row, slot: $0) } }
        var chosen = [Int?](repeating: nil, count: slots), first: [Int?]?, found = 0, steps = 0
        var remaining = texts.count
        let budget = readingOrder.maxOneReadingSteps
        func search(_ s: Int) {
            guard steps < budget, found < 2 else { return }
            // The slots left can no longer take every text left.
            guard slots - s >= remaining else { return }
            if s == slots {
                found += 1
                if first == nil { first = chosen }
                return
            }
            steps += 1
            for k in distinct.indices where left[k] > 0 && fits[k][s] {
                left[k] -= 1; remaining -= 1; chosen[s] = k
                search(s + 1)
                left[k] += 1; remaining += 1; chosen[s] = nil
            }
            // The slot left empty.
            if slots - s > remaining { search(s + 1) }
        }
        search(0)
        guard steps < budget, found == 1, let first else { return nil }
        return first.map { $0.map { distinct[$0] } }
    }

    /// The finding of a settled row: a repair where its values were moved,
    /// a suspicion naming each cell left empty, with the value it held.
    func kindDiagnostics(_ settled: KindSettlement, template: TableTemplate, line: Int?) -> [Diagnostic] {
        let row = template.rows[settled.row]
        let name = row.path.joined(separator: " / ")
        func cell(_ s: Int) -> String { row.columnPaths[s].joined(separator: " / ") }
        func kind(_ s: Int) -> String { s < row.slotIsAmount.count && row.slotIsAmount[s] ? "an amount" : "a count" }
        if settled.moved {
            let wrong = settled.before.indices.filter { s in settled.before[s].map { !kindFits($0, row: row, slot: s) } ?? false }
            let why = wrong.map { "\(settled.before[$0]!) under \(cell($0)), which holds \(kind($0))" }.joined(separator: "; ")
            let now = settled.after.indices.compactMap { s in settled.after[s].map { "\($0) under \(cell(s))" } }.joined(separator: ", ")
            return [Diagnostic(stage: .structure, rule: "structure.value-kind", kind: .repair,
                               message: "row '\(name)' of table \(template.id) was read with \(why): the one placement of its values that keeps each value's kind puts \(now)",
                               line: line)]
        }
        return settled.cleared.map { s in
            Diagnostic(stage: .structure, rule: "structure.value-kind", kind: .suspicion,
                       message: "cell '\(name)' × '\(cell(s))' of table \(template.id) was read as \(settled.before[s]!), which is not \(kind(s)) as its column holds, and no placement of the row's values keeps every value's kind: left empty",
                       line: line, cells: DiagnosticCells(table: template.id, row: row.path, column: row.columnPaths[s], value: settled.before[s]))
        }
    }

    /// The `structure.missing-value` message of a row read short whose
    /// values were then moved by kind (`settled.moved`): they were placed by
    /// kind, not from the left as the matcher first said (4126.8万元 alone
    /// goes under 采购总金额, not 采购项目数量).
    func kindPlacedMissingMessage(_ settled: KindSettlement, template: TableTemplate) -> String {
        let row = template.rows[settled.row]
        let placed = settled.after.indices.compactMap { s in
            settled.after[s].map { "\($0) under \(row.columnPaths[s].joined(separator: " / "))" }
        }
        return "row '\(row.path.last ?? row.id ?? "")' has \(placed.count) of \(row.columnPaths.count) values, placed by kind (\(placed.joined(separator: ", ")): the one placement that keeps each value's kind, structure.value-kind); the rest are left empty"
    }

    /// The trace step of a settled row: its values before and after, TAB-separated.
    func kindTrace(_ settled: KindSettlement, line: Int?) -> TraceStep {
        TraceStep(stage: .structure, rule: "structure.value-kind", line: line,
                  before: settled.before.map { $0 ?? "" }.joined(separator: "\t"),
                  after: settled.after.map { $0 ?? "" }.joined(separator: "\t"))
    }

    /// A signed value (增3, 减2, +3, -2) stands only under a header that
    /// names the sign (本年增/减; a Han sign, that one).
    func signFits(_ text: String, under header: String) -> Bool {
        guard isSigned(text), let first = text.unicodeScalars.first else { return true }
        if hanPrefixes.contains(first) { return header.unicodeScalars.contains(first) }
        return namesSign(header)
    }

    /// Whether a header names a sign (本年增/减): it holds a Han prefix.
    func namesSign(_ header: String) -> Bool { header.unicodeScalars.contains { hanPrefixes.contains($0) } }

    /// Whether a value is signed: with a Han prefix (增3, 减2), or with + or -
    /// and a digit after it (a lone - is an empty mark).
    func isSigned(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        // Most values open with a digit: answered without hashing.
        guard let first = scalars.next(), !digits.contains(first) else { return false }
        if hanPrefixes.contains(first) { return true }
        guard signPrefixes.contains(first), let next = scalars.next() else { return false }
        return digits.contains(next)
    }

    /// A value's number as the template's bounds sum it: a change written
    /// with a Han sign counts with that sign (增3 is 3, 减2 is -2: the
    /// increase prefixes of Rules/tables.json `values.increasePrefixes`), so
    /// 上一年项目数量 + 本年增/减 ≥ 0 is tested on 增/减 as on +3/-2, which
    /// `TableArithmetic.number` reads already; nil for anything else it
    /// cannot read. Stage 3's readings and stage 4's `structure.bound` ask
    /// this one reading.
    func boundNumber(_ text: String) -> Double? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), hanPrefixes.contains(first) else { return TableArithmetic.number(text) }
        guard let magnitude = TableArithmetic.number(String(text.unicodeScalars.dropFirst())) else { return nil }
        return increasePrefixes.contains(first) ? magnitude : -magnitude
    }
}
