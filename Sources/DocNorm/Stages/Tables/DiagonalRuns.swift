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
///   to an unsigned value there).
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

    init(pieces: [LabelledColumnRecovery.Piece], values: [Int], runStart: [Bool], headerLed: [Bool],
         cells: [(block: Int, rank: Int, slot: Int)], blocks: [LabelledColumnRecovery.Shape.Block],
         recovery: LabelledColumnRecovery, shape: LabelledColumnRecovery.Shape) {
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
        needsNoSign = values.map { p in
            guard !loneSign, case .value(let text, _) = pieces[p], !recovery.isSigned(text) else { return false }
            return text.unicodeScalars.contains { $0 != "0" && $0 != "０" }
        }
    }

    /// Whether the reading (per value, its cell) keeps the diagonal order
    /// and the signed column's kind.
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
        return true
    }
}
