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
///   the cell above it and the cell to its left; a block's top cell after
///   the bottom cell of its column in the block before, where the two
///   blocks have as many columns (pdftotext reads, of a page's text blocks
///   standing one over another, the upper first: a column's cells go down
///   the page across the captions, 0⏎12⏎⏎386⏎142 being （一）'s and then
///   （五）'s top column, never the other way round);
/// - a run of values with no blank line among them (one block of text)
///   fills a rectangle of one block's cells row by row: down one column,
///   across one row, or the rows of a few columns each left to right
///   (pdftotext prints a block's lines top to bottom; 0⏎0⏎14⏎增2 is two
///   rows of two columns); and no two runs on one page make one such
///   rectangle stacked (cells right below a run, in its columns, would
///   have been read into its block; a page break ends a block), and where
///   two such runs stand across a page break, no run holds cells of the
///   rows on both sides (a run is one block of one page: 0⏎3, 0⏎1, 0⏎11
///   with a page number among them are three columns, not two rows and a
///   column);
/// - a run right after column headers, no blank line between, opens the
///   column of the first of them still without a value, at its top;
/// - a value signed with a Han prefix (增2) stands only under a header that
///   names the sign.
///
/// Where the table writes its changes with their sign (`changesSigned`: an
/// increase's sign, 增1, or both signs, and no sign standing alone to be
/// joined after the reading), a bare number other than 0 stands under no
/// header naming a sign, and a run of exactly as many values as a block's
/// rows standing right before one of that block's headers, blank lines
/// only between, may be that header's column, before it: Chromium's PDF
/// read by pdftotext in its default mode printed （五）'s 处理决定数量
/// 31⏎286 before that header (采购项目数量⏎⏎31⏎286⏎⏎处理决定数量⏎⏎0⏎0, 0 0
/// being （六）'s 本年增/减), and only the bare change refused says they are
/// not （六）'s 本年增/减 (mingxi-shanmu-xiang-2020).
///
/// That a row's cells come left to right holds for an extractor that reads
/// the page's lines in columns, each caption with the header line under it
/// (第二十条第（五）项⏎本年处理决定数量); not for one that reads boxes and orders
/// them its own way (pdfminer set every caption apart by blank lines, and
/// gave the same row as 64⏎⏎9⏎…⏎3, its right cell first). So a reading is
/// sought only where every caption of the table stands in line with a
/// header right after it, or at a page's foot, the page number right after
/// it (its header is on the next page: 第二十条第（五）项⏎-2-⏎⏎0⏎1).
///
/// Only where the stretch holds exactly as many values as the template has
/// cells is it read, and only when it agrees with every value the headers
/// and runs placed. Where several assignments keep all of that, a cell is
/// filled only where every one puts the same text there (equal numbers may
/// trade places); the other cells stay empty and their values are
/// reported. pdftotext orders a page's text blocks by where they stand, so
/// of two columns' runs the order says which comes first only when one
/// stands over or left of the other: Chromium's table 二 on one page, its
/// headers all read before its values, gives 0⏎12⏎⏎386⏎142⏎⏎0⏎12 for
/// （一）'s first column, then （五）'s first or （一）'s second, then the other
/// (censhan-district-2019), and which comes first changes with the widths
/// of the numbers, not with the kind of document: a signed run (-24⏎+6) is
/// 本年增/减's, and the cells every reading gives the same values are
/// placed, the others reported.
///
/// Where several readings keep all that, those whose runs read apart from
/// their headers go by anti-diagonals of the grid are taken, if any do
/// (`tables.diagonal-runs`, DiagonalRuns.swift): Chromium's table 二 on one
/// page, every header read before its values, comes so.
///
/// pdftotext -raw of a LibreOffice PDF keeps less of that order: where no
/// reading keeps every row label before its cells, a row label may come
/// after its cells (…⏎2⏎⏎行政强制⏎信息内容⏎行政事业性收费: the row drawn on the
/// next page, its label among the next block's), and the one reading that
/// keeps all else is taken, none where there are more.
extension LabelledColumnRecovery {
    /// What a reading had to allow beyond the strict order.
    struct ReadingAllowance: Equatable, Sendable {
        /// A value came before its row label.
        var labelAfter = false
        /// Values (pieces) the readings that keep the order put in cells of
        /// other text: several readings, and these cells left empty.
        var inDoubt: [Int] = []
        /// Several readings kept the order; those that keep the diagonal
        /// order too were taken (`tables.diagonal-runs`).
        var byDiagonal = false
        /// A run standing right before a header of its block was taken as
        /// that header's column (`changesSigned`).
        var runBeforeHeader = false
    }

    /// The readings a search found: the first, how many give other tables,
    /// and per cell whether every one put the same text there.
    struct ReadingTally {
        var found: [Int]? = nil
        var solutions = 0
        /// Per cell, the piece the first reading put there, and whether every
        /// reading since put the same text there.
        var foundAt: [Int]
        var agreed: [Bool]
        init(cellCount: Int) {
            foundAt = [Int](repeating: 0, count: cellCount)
            agreed = [Bool](repeating: true, count: cellCount)
        }
        var agreedCount: Int { agreed.lazy.filter { $0 }.count }

        /// Counts a reading (per value, its cell).
        mutating func record(_ assigned: [Int], values: [Int], text: (Int) -> String) {
            // Equal numbers trading cells give the same table: one reading.
            if found != nil, values.indices.allSatisfy({ text(values[$0]) == text(foundAt[assigned[$0]]) }) { return }
            solutions += 1
            guard found == nil else {
                for (k, c) in assigned.enumerated() where text(values[k]) != text(foundAt[c]) { agreed[c] = false }
                return
            }
            found = assigned
            for (k, c) in assigned.enumerated() { foundAt[c] = values[k] }
        }
    }

    /// Per template row, each slot's value piece (index into `pieces`) in
    /// the one reading, and what it allowed; nil when there is none or more
    /// than one.
    /// `headerRunsFirst`: a run right after column headers may fill its
    /// block's top cells before the block over it has its bottom cells (the
    /// run stands in the headers' text block, read with them before any
    /// value block; asked where a page break cuts a block, `PageBrokenBlock.swift`).
    /// `changesSigned`: the table writes its changes with their sign, and
    /// no sign stands alone (`LabelledColumnRecovery.recover`).
    func oneReading(_ pieces: [Piece], lines: [SourceLine], template: TableTemplate, shape: Shape,
                    headerRunsFirst: Bool = false, changesSigned: Bool = false) -> (reading: [[Int?]], allowed: ReadingAllowance)? {
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
            case .label(let label, let line, let role):
                // The label's role came with it (`Piece.label`): its text
                // is not hashed again.
                if case .header(let h)? = role {
                    let heads = shape.headers[h]
                    let key = cell(heads[0].block, 0, heads[0].slot), k = occurrences[key, default: 0]
                    occurrences[key] = k + 1
                    guard k < heads.count else { return nil }
                    headerPiece[heads[k].block][heads[k].slot] = p
                    headerOf[p] = heads[k]
                } else if case .row(let row)? = role, let at = blockRowOf[row] {
                    guard rowPiece[at.block][at.rank] == nil else { return nil }
                    rowPiece[at.block][at.rank] = p
                } else if role != nil, shape.captionOf[label] != nil {
                    // (A label of no role is no caption: not hashed again.)
                    captions += 1
                    if p + 1 < pieces.count, case .label(_, let nextLine, let nextRole) = pieces[p + 1],
                       case .header? = nextRole, nextLine - line <= 1 { continue }
                    // A caption at a page's foot, its number right after it
                    // (a line taken out), has its header line on the next page.
                    guard line + 1 < lines.count, lines[line + 1].number - lines[line].number > 1 else { return nil }
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
        /// Per value, the first value of its run, and the page it stands on,
        /// counted from the stretch's first: a page break before it is two
        /// blank lines together or a line taken out (a page number, a form
        /// feed), as `ColumnRuns` has it.
        var runFirst = [Int](repeating: 0, count: values.count), page = [Int](repeating: 0, count: values.count)
        for i in values.indices {
            runFirst[i] = runStart[i] ? i : runFirst[i - 1]
            guard i > 0 else { continue }
            let from = pieces[values[i - 1]].lineIndex, to = pieces[values[i]].lineIndex
            page[i] = page[i - 1] + (from..<to).filter { k in
                lines[k + 1].number - lines[k].number > 1
                    || k + 2 < to && ColumnOrderEvidence.isBlank(lines[k + 1]) && ColumnOrderEvidence.isBlank(lines[k + 2])
            }.count
        }
        // Where the table writes its changes signed: per value whether it is
        // a bare number other than 0, per cell whether its header names a
        // sign, and per run (by its first value) the header right after it,
        // blank lines only between, where the run is as long as that
        // header's block has rows.
        var bareValue: [Bool] = [], signCell: [Bool] = []
        var headerAfter = [Int?](repeating: nil, count: values.count)
        if changesSigned {
            bareValue = values.map { p in if case .value(let text, _) = pieces[p] { isBareNonZero(text) } else { false } }
            signCell = cells.map { namesSign(blocks[$0.block].headers[$0.slot]) }
            for (i, p) in values.enumerated() where i + 1 == values.count || runStart[i + 1] {
                guard p + 1 < pieces.count, let next = headerOf[p + 1],
                      ColumnOrderEvidence.onlyBlankLines(lines, between: pieces[p].lineIndex, and: pieces[p + 1].lineIndex) else { continue }
                var first = i
                while !runStart[first] { first -= 1 }
                if i - first + 1 == blocks[next.block].rows.count { headerAfter[first] = p + 1 }
            }
        }
        var filled = [Bool](repeating: false, count: cellCount)
        var assigned = [Int](repeating: -1, count: values.count)
        /// Per value, the width of its run's rectangle as far as known (0:
        /// its first row not yet closed).
        var width = [Int](repeating: 0, count: values.count)
        /// The closed runs' rectangles: block, first and last row, first and
        /// last slot, the page of its last value.
        var rectangles: [(block: Int, top: Int, bottom: Int, left: Int, right: Int, page: Int)] = []
        var steps = 0, labelsFirst = true
        /// Every reading found, and those of them that keep the diagonal
        /// order too (`DiagonalRuns`).
        var all = ReadingTally(cellCount: cellCount), diagonal = ReadingTally(cellCount: cellCount)
        func text(_ p: Int) -> String { if case .value(let t, _) = pieces[p] { t } else { "" } }
        let order = DiagonalRuns(pieces: pieces, values: values, runStart: runStart, headerLed: headersBefore.map { !$0.isEmpty },
                                 cells: cells, blocks: blocks, recovery: self, shape: shape, template: template)
        func fits(_ i: Int, _ c: Int) -> Int? {
            let (b, r, s) = cells[c], p = values[i]
            guard !filled[c], let h = headerPiece[b][s], h < p || h == headerAfter[runFirst[i]], let l = rowPiece[b][r], l < p || !labelsFirst,
                  r == 0 || filled[cell(b, r - 1, s)], s == 0 || filled[cell(b, r, s - 1)],
                  r > 0 || b == 0 || blocks[b - 1].headers.count != blocks[b].headers.count
                      || filled[cell(b - 1, blocks[b - 1].rows.count - 1, s)]
                      || headerRunsFirst && !headersBefore[runFirst[i]].isEmpty else { return nil }
            guard case .value(let text, _) = pieces[p], signFits(text, under: blocks[b].headers[s]),
                  !changesSigned || !(bareValue[i] && signCell[c]) else { return nil }
            if !runStart[i] {
                let (pb, pr, ps) = cells[assigned[i - 1]], left = cells[assigned[runFirst[i]]].slot, w = width[i - 1]
                guard pb == b else { return nil }
                if pr == r, ps + 1 == s { return w == 0 || s < left + w ? w : nil }
                guard pr + 1 == r, s == left, w == 0 || ps - left + 1 == w else { return nil }
                return ps - left + 1
            }
            if let open = headersBefore[i].first(where: { !filled[cell($0.block, 0, $0.slot)] }) {
                guard open.block == b, open.slot == s, r == 0 else { return nil }
            }
            return 0
        }
        /// The run that ends at value `last` as a rectangle: nil when its
        /// last row is short, or it and a closed run on its page make one
        /// stacked (across a page break they are two blocks).
        func closed(_ last: Int) -> (block: Int, top: Int, bottom: Int, left: Int, right: Int, page: Int)? {
            let (b, top, left) = cells[assigned[runFirst[last]]], (_, bottom, end) = cells[assigned[last]]
            let right = width[last] == 0 ? end : left + width[last] - 1
            guard end == right else { return nil }
            /// A run spans the break below row `k`: it holds cells of rows `k` and `k + 1`.
            func spanned(_ k: Int) -> Bool { rectangles.contains { $0.block == b && $0.top <= k && $0.bottom > k } }
            for other in rectangles where other.block == b && other.left == left && other.right == right {
                guard other.bottom + 1 == top || bottom + 1 == other.top else { continue }
                // Stacked on one page they would be one block; across a page
                // break, no run holds cells of the rows on both sides (a run is
                // one block of one page, a row's cells are on one page).
                if other.page == page[runFirst[last]] || spanned(min(other.bottom, bottom)) { return nil }
            }
            // Nor does this run span a break between two runs stacked before.
            if bottom > top {
                for (k, one) in rectangles.enumerated() where one.block == b {
                    for two in rectangles[(k + 1)...] where two.block == b && two.left == one.left && two.right == one.right {
                        guard one.bottom + 1 == two.top || two.bottom + 1 == one.top else { continue }
                        let row = min(one.bottom, two.bottom)
                        if top <= row && bottom > row { return nil }
                    }
                }
            }
            return (b, top, bottom, left, right, page[last])
        }
        func search(_ i: Int) {
            guard steps < budget else { return }
            if i > 0, i == values.count || runStart[i] {
                guard let rectangle = closed(i - 1) else { return }
                rectangles.append(rectangle)
            }
            defer { if i > 0, i == values.count || runStart[i] { rectangles.removeLast() } }
            if i == values.count {
                all.record(assigned, values: values, text: text)
                if labelsFirst, order.kept(assigned) { diagonal.record(assigned, values: values, text: text) }
                return
            }
            for c in cells.indices {
                steps += 1
                guard let w = fits(i, c) else { continue }
                filled[c] = true; assigned[i] = c; width[i] = w
                search(i + 1)
                filled[c] = false; assigned[i] = -1
                if steps >= budget { return }
            }
        }
        // The strict order first; where it leaves no reading, row labels
        // after their cells.
        search(0)
        if all.solutions == 0, steps < budget {
            labelsFirst = false
            steps = 0
            search(0)
        }
        // Of several readings, those that keep the diagonal order, where
        // any does and they agree on more cells (`tables.diagonal-runs`).
        let byDiagonal = labelsFirst && all.solutions > 1 && diagonal.solutions > 0 && diagonal.agreedCount > all.agreedCount
        let (found, solutions, foundAt, agreed) = byDiagonal
            ? (diagonal.found, diagonal.solutions, diagonal.foundAt, diagonal.agreed) : (all.found, all.solutions, all.foundAt, all.agreed)
        // Row labels after their cells: only the one reading.
        guard solutions == 1 || solutions > 1 && labelsFirst, steps < budget, found != nil, agreed.contains(true) else { return nil }
        var reading = template.rows.map { [Int?](repeating: nil, count: $0.isHeader ? 0 : $0.columnPaths.count) }
        var inDoubt: [Int] = [], runBeforeHeader = false
        for c in cells.indices {
            let (b, r, s) = cells[c]
            if agreed[c] { reading[blocks[b].rows[r]][s] = foundAt[c] } else { inDoubt.append(foundAt[c]) }
            if agreed[c], let h = headerPiece[b][s], h > foundAt[c] { runBeforeHeader = true }
        }
        return (reading, ReadingAllowance(labelAfter: !labelsFirst, inDoubt: inDoubt.sorted(), byDiagonal: byDiagonal,
                                          runBeforeHeader: runBeforeHeader))
    }

    /// Where the stretch holds fewer values than the table has cells and
    /// ends at a line of other text (the next section's heading), the pieces
    /// of the lines after it up to the next line of other text, within
    /// `maxApartLines`, added to the stretch's; with the lines they stand
    /// on. pdftotext orders a page's text blocks left before right: cells
    /// of a table's right-hand columns come after a heading set on the left
    /// below the table (三、收到和处理政府信息公开申请情况⏎⏎23⏎0⏎⏎本年增/减⏎0⏎⏎采购总金额⏎27.8).
    /// nil where that does not make exactly the table's count of values.
    func piecesPastHeading(_ pieces: [Piece], end: Int, stretchEnd: Int, lines: [SourceLine],
                           template: TableTemplate, shape: Shape) -> (pieces: [Piece], past: ClosedRange<Int>)? {
        guard end == stretchEnd, end < lines.count else { return nil }
        let cellCount = shape.blocks.reduce(0) { $0 + $1.rows.count * $1.headers.count }
        func valueCount(_ pieces: [Piece]) -> Int { pieces.lazy.filter { if case .value = $0 { true } else { false } }.count }
        let have = valueCount(pieces)
        guard have < cellCount else { return nil }
        let tail = self.pieces(lines, (end + 1)..<min(lines.count, end + 1 + rules.readingOrder.maxApartLines), template, shape).pieces
        guard let firstLine = tail.first?.lineIndex, let lastLine = tail.last?.lineIndex,
              !tail.contains(where: { if case .gridRow = $0 { true } else { false } }),
              have + valueCount(tail) == cellCount else { return nil }
        return (pieces + tail, firstLine...lastLine)
    }

    /// Where the stretch's pieces end at a line holding only a sign (增, a
    /// Han prefix the template's headers name), the pieces of the lines after
    /// it up to the stretch's end, the sign among them as a label of no role
    /// (`loneSignsAttached` gives it its cell); nil where they do not end so.
    /// pdftotext -raw of a Chromium PDF may draw a 2019 table 二's 增1 as 1
    /// in its column and 增 after the column's block (…⏎2816⏎67⏎⏎增⏎⏎146).
    func piecesPastLoneSign(_ pieces: [Piece], end: Int, stretchEnd: Int, lines: [SourceLine],
                            template: TableTemplate, shape: Shape) -> (pieces: [Piece], end: Int)? {
        guard end < stretchEnd, end < lines.count, case let text = lines[end].text[...].trimmingSpaces,
              isLoneSign(text, shape: shape) else { return nil }
        let rest = self.pieces(lines, (end + 1)..<stretchEnd, template, shape)
        // A lone sign is no label of the shape (`isLoneSign`): no role.
        return (pieces + [.label(String(text), lineIndex: end, role: nil)] + rest.pieces, rest.end)
    }
}
