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
        // The box over each cell (row-major; -1: none yet), and the boxes:
        // handed to the joins, not shared with them, so no access to them
        // is checked at run time.
        var owner = [Int](repeating: -1, count: rows * columns)
        var boxes: [Box] = []
        func isLabel(_ text: String) -> Bool { !text.isEmpty && !isValue(text) }

        func vertical(_ r: Int, _ c: Int, _ owner: inout [Int], _ boxes: inout [Box]) -> Bool {
            guard r > 0, case let a = owner[(r - 1) * columns + c], a >= 0 else { return false }
            let b = boxes[a]
            guard b.r1 == r - 1, isLabel(grid[b.r0][b.c0]) else { return false }
            for k in b.c0...b.c1 where !grid[r][k].isEmpty || owner[r * columns + k] >= 0 { return false }
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
            for c in 0..<columns where !grid[r][c].isEmpty {
                owner[r * columns + c] = boxes.count
                boxes.append(Box(r0: r, c0: c, r1: r, c1: c))
            }
            for c in 0..<columns where owner[r * columns + c] < 0 {
                let joined = isHeader[r] ? (vertical(r, c, &owner, &boxes) || horizontal(r, c, &owner, &boxes))
                    : (horizontal(r, c, &owner, &boxes) || vertical(r, c, &owner, &boxes))
                if !joined {
                    owner[r * columns + c] = boxes.count
                    boxes.append(Box(r0: r, c0: c, r1: r, c1: c))
                }
            }
        }
        return boxes.filter { $0.r1 > $0.r0 || $0.c1 > $0.c0 }
            .map { CellSpan(row: $0.r0, column: $0.c0, rowSpan: $0.r1 - $0.r0 + 1, columnSpan: $0.c1 - $0.c0 + 1) }
    }
}
