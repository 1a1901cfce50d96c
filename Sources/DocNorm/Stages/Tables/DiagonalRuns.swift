/// Stage 3, `tables.diagonal-runs`: of the several readings that keep a
/// grid's drawing order (`OneReading.swift`), those in which the runs of
/// values read apart from their headers go across the grid in anti-diagonals.
///
/// pdftotext's default mode, on a Chromium-printed 2019 table 二 whose value
/// cells stand apart from the header lines, reads every header first and
/// then each (column, block) of value cells as a text block of its own, in
/// the order its block sort gives: a run of a column of a block only after
/// the runs whose column index plus block index is smaller (the one over it
/// and the one left of it, and those left of and below those), so the
/// runs come by anti-diagonals of the grid (0⏎12 ⏐ 386⏎142 ⏐ 0⏎12 ⏐ 0⏎96 ⏐
/// -24⏎+6 ⏐ 1263⏎86 …: （一）'s first column; （五）'s first or （一）'s second;
/// then （一）'s third, （五）'s second, （六）'s first). Inside one anti-diagonal
/// the order changes with the widths of the numbers, which the text does
/// not keep, so it is not asked. Asked of a reading, where the runs are so:
///
/// - every run that does not open right after column headers is one
///   column of one block, top to bottom, and its column index plus block
///   index is no smaller than the run's before it (the headers' own runs,
///   a one-row block's value right after its header, are not counted);
/// - a value under a header that names a sign (本年增/减) is signed or zero,
///   unless a sign stands alone in the stretch (`loneSignsAttached` gives it
///   to an unsigned value there);
/// - the template's bounds hold (本年新公开数量 ≤ 对外公开总数量): two runs
///   of one anti-diagonal may trade places only where both tables make
///   sense (0⏎2 and 14⏎3 for （一）'s 本年新公开数量 and （五）'s 上一年项目数量
///   beside 0⏎17 for 对外公开总数量: 14 published of 0 is none of them).
///
/// Only where several readings keep the drawing order and some keep this
/// too are those taken (the cells they fill alike placed, the others left
/// empty and reported, as before); where none does, the table is read as
/// before: the rule only chooses among readings the order already allows.
struct DiagonalRuns {
    /// Per run (by its first value), its values' indices, and whether the
    /// run opened right after column headers.
    private let runs: [(first: Int, end: Int, headerLed: Bool)]
    private let cells: [(block: Int, rank: Int, slot: Int)]
    private let blockRows: [Int]
    /// Per cell, whether its header names a sign (本年增/减).
    private let signCell: [Bool]
    /// Per value, whether it is unsigned and not zero (a change of nothing
    /// has no sign), where no sign stands alone in the stretch.
    private let needsNoSign: [Bool]
    /// The template's bounds, per site: the cells (indices into `cells`)
    /// summed on the left, then on the right.
    private let bounds: [(cells: [Int], leftCount: Int)]
    /// Per value, its number (nil: none).
    private let numbers: [Double?]

    init(pieces: [LabelledColumnRecovery.Piece], values: [Int], runStart: [Bool], headerLed: [Bool],
         cells: [(block: Int, rank: Int, slot: Int)], blocks: [LabelledColumnRecovery.Shape.Block],
         recovery: LabelledColumnRecovery, shape: LabelledColumnRecovery.Shape, template: TableTemplate) {
        var runs: [(first: Int, end: Int, headerLed: Bool)] = []
        for i in values.indices where runStart[i] {
            if let last = runs.indices.last { runs[last].end = i }
            runs.append((i, values.count, headerLed[i]))
        }
        self.runs = runs
        self.cells = cells
        blockRows = blocks.map(\.rows.count)
        signCell = cells.map { recovery.namesSign(blocks[$0.block].headers[$0.slot]) }
        let loneSign = pieces.contains { piece in
            guard case .label(let text, _, nil) = piece else { return false }
            return recovery.isLoneSign(text, shape: shape)
        }
        var cellOf: [Int: Int] = [:]
        for (c, cell) in cells.enumerated() { cellOf[blocks[cell.block].rows[cell.rank] << 8 | cell.slot] = c }
        bounds = template.boundSites.compactMap { site in
            let found = site.cells.compactMap { cellOf[$0.row << 8 | $0.slot] }
            return found.count == site.cells.count ? (found, site.leftCount) : nil
        }
        numbers = values.map { p in
            guard case .value(let text, _) = pieces[p] else { return nil }
            return recovery.boundNumber(text)
        }
        needsNoSign = values.map { p in
            guard !loneSign, case .value(let text, _) = pieces[p], !recovery.isSigned(text) else { return false }
            return text.unicodeScalars.contains { $0 != "0" && $0 != "０" }
        }
    }

    /// Whether the reading (per value, its cell) keeps the diagonal order,
    /// the signed column's kind and the template's bounds.
    func kept(_ assigned: [Int]) -> Bool {
        for (k, c) in assigned.enumerated() where signCell[c] && needsNoSign[k] { return false }
        var last = -1
        for run in runs where !run.headerLed {
            let (b, _, s) = cells[assigned[run.first]]
            guard run.end - run.first == blockRows[b] else { return false }
            for k in run.first..<run.end {
                let cell = cells[assigned[k]]
                guard cell.block == b, cell.slot == s, cell.rank == k - run.first else { return false }
            }
            guard b + s >= last else { return false }
            last = b + s
        }
        guard !bounds.isEmpty else { return true }
        var valueAt = [Int](repeating: -1, count: cells.count)
        for (k, c) in assigned.enumerated() { valueAt[c] = k }
        for site in bounds {
            let sums = TableTemplate.CheckSite.sums(count: site.cells.count, leftCount: site.leftCount) { n in
                let c = site.cells[n]
                return valueAt[c] >= 0 ? numbers[valueAt[c]] : nil
            }
            if let sums, !sums.keepsBound { return false }
        }
        return true
    }
}
