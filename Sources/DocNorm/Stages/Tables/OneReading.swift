/// Stage 3, `tables.labelled-columns`, the one reading: a table 二 whose
/// values the headers and runs leave unplaced, read as a whole, each value
/// into one cell, where exactly one way to do so keeps what the drawing
/// order of a grid keeps.
///
/// pdftotext, on a Chromium-printed PDF, reads a table 二 cut by a page
/// break page by page and each page's part column by column: the top row's
/// cells under their headers, a page number, then on the next page the
/// labels of the rows there and their cells with no header above them
/// (行政规范性文件⏎…⏎9⏎⏎3⏎⏎第二十条第（五）项⏎本年处理决定数量⏎1846⏎…⏎64: the
/// row's three cells, its headers a page back). No run there is a header's
/// whole column, so neither the headers nor the runs place it. What every
/// such order keeps, and what is asked of a reading:
///
/// - a cell comes after its row label and its column header (the k-th
///   header shared by several blocks is the k-th such block's), and after
///   the cell above it and the cell to its left;
/// - a run of values with no blank line among them (one block of text)
///   goes straight down one column or across one row of one block;
/// - a run right after column headers, no blank line between, opens the
///   column of the first of them still without a value, at its top;
/// - a value signed with a Han prefix (增2) stands only under a header that
///   names the sign.
///
/// That a row's cells come left to right holds for an extractor that reads
/// the page's lines in columns, each caption with the header line under it
/// (第二十条第（五）项⏎本年处理决定数量); not for one that reads boxes and orders
/// them its own way (pdfminer set every caption apart by blank lines, and
/// gave the same row as 64⏎⏎9⏎…⏎3, its right cell first). So a reading is
/// sought only where every caption of the table stands in line with a
/// header right after it.
///
/// Only where the stretch holds exactly as many values as the template has
/// cells and exactly one assignment keeps all of that is it taken, and
/// only when it agrees with every value the headers and runs placed; else
/// the cells stay empty and reported, as before. A table read column by
/// column on one page has two such readings (the first two runs, under
/// headers read together, go either way) and is left to the runs.
///
/// pdftotext -raw of a LibreOffice PDF keeps less of that order, and two
/// things more are asked of a reading there, each only where the stricter
/// reading finds none:
///
/// - `rowsWrap` (the document's arithmetic table shows its extractor never
///   goes up the page without a blank line, `ColumnOrderEvidence`): a run
///   with no blank line in it may go across a row and on at the next row's
///   cell under the run's first, a rectangle row by row, where the row ends
///   at the last header read so far (本年制发件数⏎本年废止件数⏎0⏎0⏎4⏎1:
///   规章 0 0, 行政规范性文件 4 1, 现行有效件数 read later);
/// - a row label may come after its cells (…⏎2⏎⏎行政强制⏎信息内容⏎行政事业性收费:
///   the row drawn on the next page, its label among the next block's),
///   where no reading keeps every label before its cells: then the one
///   reading that keeps all else is taken, none where there are more.
extension LabelledColumnRecovery {
    /// What a reading had to allow beyond the strict order.
    struct ReadingAllowance: Equatable, Sendable {
        /// A run went on at the next row (`rowsWrap`).
        var wrapped = false
        /// A value came before its row label.
        var labelAfter = false
    }

    /// Per template row, each slot's value piece (index into `pieces`) in
    /// the one reading, and what it allowed; nil when there is none or more
    /// than one.
    func oneReading(_ pieces: [Piece], template: TableTemplate, shape: Shape, rowsWrap: Bool = false)
        -> (reading: [[Int?]], allowed: ReadingAllowance)? {
        let blocks = shape.blocks, budget = rules.readingOrder.maxOneReadingSteps
        var base: [Int] = [], cellCount = 0
        for block in blocks { base.append(cellCount); cellCount += block.rows.count * block.headers.count }
        func cell(_ b: Int, _ r: Int, _ s: Int) -> Int { base[b] + r * blocks[b].headers.count + s }
        // Counted first: most stretches asked about hold other than the
        // table's number of values, and the labels' lookups hash strings.
        guard cellCount > 0, pieces.lazy.filter({ if case .value = $0 { true } else { false } }).count == cellCount else { return nil }
        var headerPiece = blocks.map { [Int?](repeating: nil, count: $0.headers.count) }
        var rowPiece = blocks.map { [Int?](repeating: nil, count: $0.rows.count) }
        var headerOf: [Int: (block: Int, slot: Int)] = [:]
        var blockRowOf: [Int: (block: Int, rank: Int)] = [:]
        for (b, block) in blocks.enumerated() { for (r, row) in block.rows.enumerated() { blockRowOf[row] = (b, r) } }
        /// Per header (by its first block and slot: no string hashed again), how often read.
        var occurrences: [Int: Int] = [:]
        var values: [Int] = [], captions = 0
        for (p, piece) in pieces.enumerated() {
            switch piece {
            case .gridRow:
                return nil
            case .value:
                values.append(p)
            case .label(let label, let line):
                // One lookup for most labels (headers and row labels are
                // most of them): each hashes the label's string.
                if let heads = shape.headed[label] {
                    let key = cell(heads[0].block, 0, heads[0].slot), k = occurrences[key, default: 0]
                    occurrences[key] = k + 1
                    guard k < heads.count else { return nil }
                    headerPiece[heads[k].block][heads[k].slot] = p
                    headerOf[p] = heads[k]
                } else if let row = shape.rowOf[label], let at = blockRowOf[row] {
                    guard rowPiece[at.block][at.rank] == nil else { return nil }
                    rowPiece[at.block][at.rank] = p
                } else if shape.captionOf[label] != nil {
                    captions += 1
                    guard p + 1 < pieces.count, case .label(let next, let nextLine) = pieces[p + 1], shape.headed[next] != nil,
                          nextLine - line <= 1 else { return nil }
                }
            }
        }
        guard values.count == cellCount, cellCount > 0, captions > 0 else { return nil }
        // Where a run of values (adjacent pieces on the same or the next
        // line) starts, and the headers right before it (back over labels
        // each on its neighbour's line or the one before), in their order.
        var runStart = [Bool](repeating: true, count: values.count)
        var headersBefore = [[(block: Int, slot: Int)]](repeating: [], count: values.count)
        for (i, p) in values.enumerated() {
            if i > 0, values[i - 1] == p - 1, pieces[p].lineIndex - pieces[p - 1].lineIndex <= 1 { runStart[i] = false; continue }
            var q = p - 1, group: [(block: Int, slot: Int)] = []
            while q >= 0, case .label = pieces[q], pieces[q + 1].lineIndex - pieces[q].lineIndex <= 1 {
                if let h = headerOf[q] { group.insert(h, at: 0) }
                q -= 1
            }
            headersBefore[i] = group
        }
        var cells: [(block: Int, rank: Int, slot: Int)] = []
        for (b, block) in blocks.enumerated() {
            for r in block.rows.indices { for s in block.headers.indices { cells.append((b, r, s)) } }
        }
        var filled = [Bool](repeating: false, count: cellCount)
        var assigned = [Int](repeating: -1, count: values.count)
        /// Per value, how its run moved to it: 1 across, 2 down, 3 on at the
        /// next row (`rowsWrap`), 0 a run's first; the slot its run opened at
        /// and its rows' width once it went on at a next row (0 before).
        var moved = [Int](repeating: 0, count: values.count)
        var runSlot = [Int](repeating: 0, count: values.count), runWidth = [Int](repeating: 0, count: values.count)
        var found: [Int]? = nil, solutions = 0, steps = 0, labelsFirst = true, wrapped = false, wraps = 0
        var canWrap = false
        func fits(_ i: Int, _ c: Int) -> (move: Int, slot: Int, width: Int)? {
            let (b, r, s) = cells[c], p = values[i]
            guard !filled[c], let h = headerPiece[b][s], h < p, let l = rowPiece[b][r], l < p || !labelsFirst,
                  r == 0 || filled[cell(b, r - 1, s)], s == 0 || filled[cell(b, r, s - 1)] else { return nil }
            guard case .value(let text, _) = pieces[p], signFits(text, under: blocks[b].headers[s]) else { return nil }
            if !runStart[i] {
                let (pb, pr, ps) = cells[assigned[i - 1]], before = moved[i - 1], s0 = runSlot[i - 1], width = runWidth[i - 1]
                guard pb == b else { return nil }
                if pr == r && ps + 1 == s {
                    guard before != 2, width == 0 || s - s0 < width else { return nil }
                    return (1, s0, width)
                }
                if ps == s && pr + 1 == r {
                    guard before == 0 || before == 2 else { return nil }
                    return (2, s0, width)
                }
                // On at the next row under the run's first cell: only from the
                // row's end, the last header read so far or the block's last.
                guard canWrap, pr + 1 == r, s == s0, ps > s0, before == 1 || before == 3, width == 0 || ps - s0 + 1 == width,
                      ps + 1 == blocks[b].headers.count || (headerPiece[b][ps + 1].map { $0 > p } ?? true) else { return nil }
                return (3, s0, ps - s0 + 1)
            }
            if let open = headersBefore[i].first(where: { !filled[cell($0.block, 0, $0.slot)] }) {
                guard open.block == b, open.slot == s, r == 0 else { return nil }
            }
            return (0, s, 0)
        }
        func search(_ i: Int) {
            guard solutions < 2, steps < budget else { return }
            if i == values.count {
                solutions += 1
                found = assigned
                wrapped = wraps > 0
                return
            }
            for c in cells.indices {
                steps += 1
                guard let fit = fits(i, c) else { continue }
                filled[c] = true; assigned[i] = c; moved[i] = fit.move; runSlot[i] = fit.slot; runWidth[i] = fit.width
                if fit.move == 3 { wraps += 1 }
                search(i + 1)
                if fit.move == 3 { wraps -= 1 }
                filled[c] = false; assigned[i] = -1
                if solutions >= 2 || steps >= budget { return }
            }
        }
        // The strict order first; where it leaves no reading, runs on at the
        // next row (with the evidence), then row labels after their cells.
        for tier in 0..<3 {
            guard tier == 0 || solutions == 0 && steps < budget else { break }
            if tier == 1 { guard rowsWrap else { continue }; canWrap = true }
            if tier == 2 { labelsFirst = false }
            steps = 0
            search(0)
        }
        guard solutions == 1, steps < budget, let found else { return nil }
        var reading = template.rows.map { [Int?](repeating: nil, count: $0.isHeader ? 0 : $0.columnPaths.count) }
        for (i, c) in found.enumerated() {
            let (b, r, s) = cells[c]
            reading[blocks[b].rows[r]][s] = values[i]
        }
        return (reading, ReadingAllowance(wrapped: wrapped, labelAfter: !labelsFirst))
    }
}
