/// Stage 3, `tables.labelled-columns`, shared header boxes by their sizes:
/// the columns under a header several blocks share (本年增/减 in （五）（六）
/// （八）), each drawn as a box of its own right under a copy of the header,
/// placed by the number of values each box holds where neither the order of
/// the copies nor the captions read before them settles which block is whose.
///
/// pdfminer of a Chromium PDF (huangchuan-fgj-2020) prints （八）'s
/// 本年增/减⏎减2 box first, before （五）'s 本年增/减⏎增2⏎减1 and （六）'s
/// 本年增/减⏎增3⏎减1: the k-th copy is not the k-th block. A box right
/// under its header with no blank line is that header's column whole, so
/// its size is its block's number of rows: where the sizes match the
/// blocks' rows in some ways (each value's sign fitting the header), the
/// cells every such way fills with the same text are certain (减2 is （八）'s,
/// both second rows 减1); the others are left empty and reported.
extension LabelledColumnRecovery {
    /// The limit of Rules/tables.json that stopped matching boxes to blocks
    /// by size: no built-in template has more than three blocks sharing a
    /// header (3 boxes, 3! = 6 matchings), but a template loaded from a
    /// rules folder may have more, and the matchings grow as the factorial.
    enum SizedBoxLimit: String, Sendable {
        /// More boxes than `readingOrder.maxSizedBoxes`: not tried.
        case boxes = "maxSizedBoxes"
        /// More matchings than `readingOrder.maxSizedAssignments`: the
        /// search stopped there (such sizes say next to nothing).
        case assignments = "maxSizedAssignments"
    }

    /// Per sharing block (in `blockRows`' order), per row, the text every
    /// assignment of `boxes` to blocks of the same size gives, with the box
    /// and position it is taken from in the first such assignment; nil
    /// where assignments differ, or where more than `maxBoxes` boxes, no
    /// assignment or more than `maxAssignments` exist (every cell nil then;
    /// both limits are `readingOrder.maxSizedBoxes` and
    /// `maxSizedAssignments` in Rules/tables.json, and `cutBy` names the one
    /// that stopped the search, for the report). `fits(box, block)` says
    /// whether a box's values may stand in a block's column.
    static func agreedBySize(boxes: [[String]], blockRows: [Int], fits: (Int, Int) -> Bool,
                             maxBoxes: Int, maxAssignments: Int)
        -> (cells: [[(text: String, box: Int, position: Int)?]], cutBy: SizedBoxLimit?) {
        let empty = blockRows.map { [(text: String, box: Int, position: Int)?](repeating: nil, count: $0) }
        guard boxes.count == blockRows.count else { return (empty, nil) }
        guard boxes.count <= maxBoxes else { return (empty, .boxes) }
        // Every bijection box → block with box size equal to the block's rows.
        var assignments: [[Int]] = []  // per block, its box
        var current = [Int](repeating: -1, count: blockRows.count), used = [Bool](repeating: false, count: boxes.count)
        func search(_ b: Int) {
            guard assignments.count <= maxAssignments else { return }
            if b == blockRows.count { assignments.append(current); return }
            for k in boxes.indices where !used[k] && boxes[k].count == blockRows[b] && fits(k, b) {
                used[k] = true; current[b] = k
                search(b + 1)
                used[k] = false
            }
        }
        search(0)
        guard assignments.count <= maxAssignments else { return (empty, .assignments) }
        guard !assignments.isEmpty else { return (empty, nil) }
        var agreed = empty
        for b in blockRows.indices {
            for r in 0..<blockRows[b] {
                let first = assignments[0][b], text = boxes[first][r]
                if assignments.allSatisfy({ boxes[$0[b]][r] == text }) { agreed[b][r] = (text, first, r) }
            }
        }
        return (agreed, nil)
    }
}
