/// Stage 3, `tables.labelled-columns`, boxes of one by their kinds: loose
/// values each alone between blank lines, placed in the cells left open one
/// to a column (a one-row block's cells, a column's one row still empty)
/// where each value's kind leaves it one such cell.
///
/// pdfminer prints a block's column as one box where its rows stand close,
/// so the table's open cells come as boxes as long as each column's open
/// rows. Of a Chromium PDF (ranxi-xzspj-2019) it prints （八）'s cells 4 and
/// 减1 as boxes of their own, past 政府集中采购's label and past 采购项目数量's
/// value, so no header or label before them names their cell; the other
/// loose values are （一）'s boxes 0⏎2, 0⏎2, 0⏎9, as long as its two open
/// rows. Which one-cell gap is whose follows from the kinds: a signed value
/// only under the header naming its sign (减1 under 本年增/减), a bare number
/// but zero never there where the table writes its changes with both signs
/// (4 not under 本年增/减): 4 is 上一年项目数量's. Of a LibreOffice 2021 PDF
/// (liaocheng-rmyy-2021, nanchuan-kfq-2023) it prints 行政强制's cell, the
/// row below a page break, as a box after 第（八）项's caption: the one value
/// loose, the one cell open. Placed only where that leaves every box of one
/// exactly one cell, or cells that take the same text whichever of equal
/// values goes where (jingyang-xfj-2020, Chromium: 其他对外管理服务事项's
/// three zeros, each a box of its own past a page break), and no box of one
/// stands next to a line taken out (a page number left bare would be a box
/// of one too). Not asked of the values below a page break whose rows'
/// kinds, every way tried, gave several tables or none
/// (`tables.page-broken-rest`): those come in no order, so their boxes do
/// not say which cells are open one to a column (one 增2 and six zeros:
/// 增2 under any of three 本年增/减 cells).
extension LabelledColumnRecovery {
    /// Per box of one, the open cell (row, slot) its kind forces, indexed
    /// into `loose`; nil unless the loose values are exactly boxes of one
    /// for the cells open one to a column and boxes of two or more, each as
    /// long as a column's open rows, for the other open cells, and each box
    /// of one is forced into one cell (a value fitting one cell left, or a
    /// cell fitted by one value left, or by values that all read alike,
    /// until none is left): every way of placing them gives one table.
    func loneBoxCells(loose: [(text: String, lineIndex: Int)], claimed: [[Bool]], lines: [SourceLine], shape: Shape,
                      shownSigns: [String]?) -> [(row: Int, slot: Int, loose: Int)]? {
        guard !loose.isEmpty else { return nil }
        // Cells open one to a column (with their header), and the numbers
        // of open rows of the other columns with open cells.
        var single: [(row: Int, slot: Int, header: String)] = [], multiOpen = 0, multiRows = Set<Int>()
        for block in shape.blocks {
            for (slot, header) in block.headers.enumerated() {
                let open = block.rows.filter { slot < claimed[$0].count && !claimed[$0][slot] }
                if open.count == 1 { single.append((open[0], slot, header)) } else if open.count > 1 { multiOpen += open.count; multiRows.insert(open.count) }
            }
        }
        guard !single.isEmpty else { return nil }
        // The loose values as boxes: values on consecutive lines, one a line.
        let order = loose.indices.sorted { loose[$0].lineIndex < loose[$1].lineIndex }
        var boxes: [[Int]] = []
        for k in order {
            if let last = boxes.last?.last {
                guard loose[k].lineIndex != loose[last].lineIndex else { return nil }
                if loose[k].lineIndex == loose[last].lineIndex + 1 { boxes[boxes.count - 1].append(k); continue }
            }
            boxes.append([k])
        }
        func blank(_ index: Int) -> Bool { index < 0 || index >= lines.count || ColumnOrderEvidence.isBlank(lines[index]) }
        var ones: [Int] = [], longer = 0
        for box in boxes {
            if box.count == 1 {
                // Alone between blank lines: a box of its own.
                let at = loose[box[0]].lineIndex
                guard blank(at - 1), blank(at + 1), !nextToLineTakenOut(at, lines) else { return nil }
                ones.append(box[0])
            } else {
                guard multiRows.contains(box.count) else { return nil }
                longer += box.count
            }
        }
        guard ones.count == single.count, longer == multiOpen else { return nil }
        func fits(_ value: Int, _ cell: Int) -> Bool {
            let text = loose[value].text, header = single[cell].header
            return signFits(text, under: header) && bareChange([(text, header)], shown: shownSigns) == nil
        }
        var valueOf = [Int?](repeating: nil, count: single.count), free = Set(ones), open = Set(single.indices)
        while !free.isEmpty {
            var forced: (value: Int, cell: Int)?
            for value in free.sorted() {
                let cells = open.filter { fits(value, $0) }
                if cells.isEmpty { return nil }
                if cells.count == 1 { forced = (value, cells.first!); break }
            }
            if forced == nil {
                // A cell every value fitting it reads alike for is that
                // text's: equal values fit the same cells, so which of them
                // it takes changes no table (jingyang-xfj-2020's three zeros).
                for cell in open.sorted() {
                    let values = free.filter { fits($0, cell) }.sorted()
                    guard let first = values.first else { return nil }
                    if values.allSatisfy({ loose[$0].text == loose[first].text }) { forced = (first, cell); break }
                }
            }
            guard let (value, cell) = forced else { return nil }
            valueOf[cell] = value
            free.remove(value)
            open.remove(cell)
        }
        return single.indices.map { (single[$0].row, single[$0].slot, valueOf[$0]!) }
    }

    /// Whether a line taken out (page furniture) stands between `index` and
    /// the nearest line with text before or after it.
    func nextToLineTakenOut(_ index: Int, _ lines: [SourceLine]) -> Bool {
        var before = index - 1, after = index + 1
        while before >= 0, ColumnOrderEvidence.isBlank(lines[before]) { before -= 1 }
        while after < lines.count, ColumnOrderEvidence.isBlank(lines[after]) { after += 1 }
        let low = max(before, 0), high = min(after, lines.count - 1)
        return lines[high].number - lines[low].number != high - low
    }
}
