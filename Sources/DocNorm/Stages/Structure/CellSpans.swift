/// Stage 4, merged cells: which empty grid positions a label covers. An empty
/// cell continues a neighbouring label: the label block above it when the
/// block's whole column range is empty in this row (values never span
/// vertically), or the cell to its left that starts in this row. Header rows
/// try vertical first (结果维持 over two header rows), data rows horizontal
/// first (行政许可 | 137 | | ; （七）总计 over two label columns). The same rule
/// renders gold tables in the evaluation corpus (shared/eval/degrade.py).
enum CellSpans {
    static func spans(of grid: [[String]], isHeader: [Bool], isValue: (String) -> Bool) -> [CellSpan] {
        let rows = grid.count, columns = grid.first?.count ?? 0
        guard rows > 0, columns > 0 else { return [] }
        struct Box { var r0: Int, c0: Int, r1: Int, c1: Int }
        // Every table the recognition keeps is asked (974 of the 1 MB
        // bench), so what the joins read is made once: whether each cell is
        // empty (row-major; `grid[r][k].isEmpty` read a row array and a
        // string per test), room for every box (one per cell at most: the
        // array grew a step at a time), and whether each box's text is a
        // label, asked once per box (a box's first cell never moves; each
        // empty cell under it asked again).
        var empty: [Bool] = []
        empty.reserveCapacity(rows * columns)
        for row in grid { for c in 0..<columns { empty.append(row[c].isEmpty) } }
        // The box over each cell (row-major; -1: none yet), and the boxes:
        // handed to the joins, not shared with them, so no access to them
        // is checked at run time.
        var owner = [Int](repeating: -1, count: rows * columns)
        var boxes: [Box] = []
        boxes.reserveCapacity(rows * columns)
        /// Per box: 1 its text is a label, 0 not, -1 not asked yet.
        var labelled: [Int8] = []
        labelled.reserveCapacity(rows * columns)
        func isLabel(_ text: String) -> Bool { !text.isEmpty && !isValue(text) }

        func vertical(_ r: Int, _ c: Int, _ owner: inout [Int], _ boxes: inout [Box], _ labelled: inout [Int8]) -> Bool {
            guard r > 0, case let a = owner[(r - 1) * columns + c], a >= 0 else { return false }
            let b = boxes[a]
            guard b.r1 == r - 1 else { return false }
            if labelled[a] < 0 { labelled[a] = isLabel(grid[b.r0][b.c0]) ? 1 : 0 }
            guard labelled[a] == 1 else { return false }
            for k in b.c0...b.c1 where !empty[r * columns + k] || owner[r * columns + k] >= 0 { return false }
            boxes[a].r1 = r
            for k in b.c0...b.c1 { owner[r * columns + k] = a }
            return true
        }
        func horizontal(_ r: Int, _ c: Int, _ owner: inout [Int], _ boxes: inout [Box]) -> Bool {
            guard c > 0, case let left = owner[r * columns + c - 1], left >= 0, boxes[left].r0 == r, boxes[left].r1 == r else { return false }
            boxes[left].c1 = c
            owner[r * columns + c] = left
            return true
        }
        for r in 0..<rows {
            for c in 0..<columns where !empty[r * columns + c] {
                owner[r * columns + c] = boxes.count
                boxes.append(Box(r0: r, c0: c, r1: r, c1: c))
                labelled.append(-1)
            }
            for c in 0..<columns where owner[r * columns + c] < 0 {
                let joined = isHeader[r] ? (vertical(r, c, &owner, &boxes, &labelled) || horizontal(r, c, &owner, &boxes))
                    : (horizontal(r, c, &owner, &boxes) || vertical(r, c, &owner, &boxes, &labelled))
                if !joined {
                    owner[r * columns + c] = boxes.count
                    boxes.append(Box(r0: r, c0: c, r1: r, c1: c))
                    labelled.append(-1)
                }
            }
        }
        return boxes.filter { $0.r1 > $0.r0 || $0.c1 > $0.c0 }
            .map { CellSpan(row: $0.r0, column: $0.c0, rowSpan: $0.r1 - $0.r0 + 1, columnSpan: $0.c1 - $0.c0 + 1) }
    }
}
