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
extension LabelledColumnRecovery {
    /// Per template row, each slot's value piece (index into `pieces`) in
    /// the one reading; nil when there is none or more than one.
    func oneReading(_ pieces: [Piece], template: TableTemplate, shape: Shape) -> [[Int?]]? {
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
        /// Per value, how its run moved to it: 1 across, 2 down, 0 a run's first.
        var moved = [Int](repeating: 0, count: values.count)
        var found: [Int]? = nil, solutions = 0, steps = 0
        func fits(_ i: Int, _ c: Int) -> Int? {
            let (b, r, s) = cells[c], p = values[i]
            guard !filled[c], let h = headerPiece[b][s], h < p, let l = rowPiece[b][r], l < p,
                  r == 0 || filled[cell(b, r - 1, s)], s == 0 || filled[cell(b, r, s - 1)] else { return nil }
            guard case .value(let text, _) = pieces[p], signFits(text, under: blocks[b].headers[s]) else { return nil }
            if !runStart[i] {
                let (pb, pr, ps) = cells[assigned[i - 1]]
                guard pb == b else { return nil }
                let move = pr == r && ps + 1 == s ? 1 : (ps == s && pr + 1 == r ? 2 : 0)
                guard move != 0, moved[i - 1] == 0 || moved[i - 1] == move else { return nil }
                return move
            }
            if let open = headersBefore[i].first(where: { !filled[cell($0.block, 0, $0.slot)] }) {
                guard open.block == b, open.slot == s, r == 0 else { return nil }
            }
            return 0
        }
        func search(_ i: Int) {
            guard solutions < 2, steps < budget else { return }
            if i == values.count {
                solutions += 1
                found = assigned
                return
            }
            for c in cells.indices {
                steps += 1
                guard let move = fits(i, c) else { continue }
                filled[c] = true; assigned[i] = c; moved[i] = move
                search(i + 1)
                filled[c] = false; assigned[i] = -1
                if solutions >= 2 || steps >= budget { return }
            }
        }
        search(0)
        guard solutions == 1, steps < budget, let found else { return nil }
        var reading = template.rows.map { [Int?](repeating: nil, count: $0.isHeader ? 0 : $0.columnPaths.count) }
        for (i, c) in found.enumerated() {
            let (b, r, s) = cells[c]
            reading[blocks[b].rows[r]][s] = values[i]
        }
        return reading
    }
}
