/// The template's relations over data-row positions and value slots,
/// compiled for the search.
struct TemplateRelations {
    private(set) var rowChecks: [(left: [Int], right: [Int])] = []
    private(set) var columnChecks: [(left: [Int], right: [Int])] = []
    private(set) var columns: Int

    /// Where the row relations are one check whose sides each list their
    /// slots left to right, each slot once (table 三's 总计 = the other six):
    /// per slot, bit 0 it is on the left, bit 1 on the right. `rowHolds`
    /// then sums each side in column order, so a walk over the columns
    /// that adds each value as it comes adds exactly what `rowHolds` adds
    /// (`ReadingOrderGrammar.firstRowsHolding`). Nil otherwise.
    /// Worked out once, when the relations are made: every grammar asks
    /// it, one per lead of every search (1,783 of them on the bench).
    private(set) var sidesInColumnOrder: [UInt8]?

    static func sidesInColumnOrder(_ rowChecks: [(left: [Int], right: [Int])], columns: Int) -> [UInt8]? {
        guard rowChecks.count == 1 else { return nil }
        func increasing(_ slots: [Int]) -> Bool { zip(slots, slots.dropFirst()).allSatisfy { $0 < $1 } }
        let (left, right) = rowChecks[0]
        guard increasing(left), increasing(right), (left + right).allSatisfy({ $0 >= 0 && $0 < columns }) else { return nil }
        var sides = [UInt8](repeating: 0, count: columns)
        for slot in left { sides[slot] |= 1 }
        for slot in right { sides[slot] |= 2 }
        return sides
    }

    init(rowChecks: [(left: [Int], right: [Int])], columnChecks: [(left: [Int], right: [Int])], columns: Int) {
        self.rowChecks = rowChecks
        self.columnChecks = columnChecks
        self.columns = columns
        sidesInColumnOrder = Self.sidesInColumnOrder(rowChecks, columns: columns)
    }

    init(_ template: TableTemplate, dataRows: [Int]) {
        let position = Dictionary(uniqueKeysWithValues: dataRows.enumerated().map { ($1, $0) })
        columns = template.rows[dataRows[0]].columnPaths.count
        for check in template.checks {
            switch check.axis {
            case .row:
                if (check.left + check.right).allSatisfy({ $0 < columns }) { rowChecks.append((check.left, check.right)) }
            case .column:
                let left = check.left.compactMap { position[$0] }, right = check.right.compactMap { position[$0] }
                if left.count == check.left.count && right.count == check.right.count { columnChecks.append((left, right)) }
            }
        }
        sidesInColumnOrder = Self.sidesInColumnOrder(rowChecks, columns: columns)
    }

    /// Every row relation holds in `row` (the values of one data row).
    func rowHolds(_ row: [Double]) -> Bool {
        rowHolds { row[$0] }
    }

    /// Every row relation holds for the row whose slot values `value` gives
    /// (no array built: the search asks this millions of times).
    func rowHolds(_ value: (Int) -> Double) -> Bool {
        for check in rowChecks {
            var l = 0.0, r = 0.0
            for i in check.left { l += value(i) }
            for i in check.right { r += value(i) }
            if abs(l - r) >= 1e-9 { return false }
        }
        return true
    }

    /// The cells of data row `row` of `grid` (row-major values) whose value
    /// alone, changed, makes every row and column relation hold, each with
    /// that value: where the numbers hold in no order, the one number an
    /// author may have got wrong. A cell in no relation explains nothing; a
    /// count is not made negative.
    func singleCellFixes(_ grid: [Double], row: Int) -> [(slot: Int, value: Double)] {
        var fixes: [(slot: Int, value: Double)] = []
        let base = row * columns
        // One cell changed changes one column: a column whose relations fail
        // as read must be that cell's, so with two such columns no cell
        // explains the grid, and with one only that column's cell can (the
        // search hands this every full reading of the rows, most of which
        // break several columns).
        var failing: Int?
        for c in 0..<columns where !columnHolds(grid, c) {
            guard failing == nil else { return [] }
            failing = c
        }
        for slot in 0..<columns where failing.map({ $0 == slot }) ?? true {
            let read = grid[base + slot]
            // The value its first relation with a nonzero weight on it needs.
            var needed: Double?
            for check in rowChecks {
                let weight = check.left.filter { $0 == slot }.count - check.right.filter { $0 == slot }.count
                guard weight != 0 else { continue }
                let l = check.left.reduce(0) { $0 + grid[base + $1] }, r = check.right.reduce(0) { $0 + grid[base + $1] }
                needed = read - (l - r) / Double(weight)
                break
            }
            if needed == nil {
                for check in columnChecks {
                    let weight = check.left.filter { $0 == row }.count - check.right.filter { $0 == row }.count
                    guard weight != 0 else { continue }
                    let l = check.left.reduce(0) { $0 + grid[$1 * columns + slot] }, r = check.right.reduce(0) { $0 + grid[$1 * columns + slot] }
                    needed = read - (l - r) / Double(weight)
                    break
                }
            }
            guard let value = needed, abs(value - read) >= 1e-9, value >= 0 || read < 0 else { continue }
            var fixed = grid
            fixed[base + slot] = value
            if rowHolds({ fixed[base + $0] }) && columnsHold(fixed) { fixes.append((slot, value)) }
        }
        return fixes
    }

    /// Every column relation holds in column `c` of `grid` (row-major values).
    func columnHolds(_ grid: [Double], _ c: Int) -> Bool {
        for check in columnChecks where !sidesHold(check, grid, c) { return false }
        return true
    }

    /// Every column relation holds in `grid` (row-major values).
    /// (Plain loops: the search asks it of every whole reading it keeps.)
    func columnsHold(_ grid: [Double]) -> Bool {
        for check in columnChecks {
            for c in 0..<columns where !sidesHold(check, grid, c) { return false }
        }
        return true
    }

    /// `check`'s sides, each summed from 0 in its rows' order, agree in column `c`.
    @inline(__always)
    private func sidesHold(_ check: (left: [Int], right: [Int]), _ grid: [Double], _ c: Int) -> Bool {
        var l = 0.0, r = 0.0
        for row in check.left { l += grid[row * columns + c] }
        for row in check.right { r += grid[row * columns + c] }
        return abs(l - r) < 1e-9
    }
}

/// The reading-order grammar over exactly rows × columns numbers: every
/// reading whose rows satisfy the row relations, cheapest first, at most
/// `maxCandidates` per row position, one per distinct table of values.
struct ReadingOrderGrammar {
    let numbers: [Double]
    /// Per number: text stands between it and the number before.
    let afterText: [Bool]
    let rows: Int
    let columns: Int
    let relations: TemplateRelations
    let limits: TableRulesFile.ReadingOrder
    let plan: ReadingOrderPlan
    /// The data row whose row relations are not asked of a reading (nil:
    /// every row's are): the row that may carry an author's wrong number.
    let exemptRow: Int?
    /// Per number, where a block of the rows right under the header may
    /// open, when not after text alone (`headerGroups` at row 0): after a
    /// blank line too, for the search made when nothing else holds.
    let underHeaderOpens: [Bool]?
    /// A put-off block may stand inside a row after the group
    /// (`PutOffStops.cuts`) only in the search made when nothing else
    /// holds, not even but for one cell (`underHeaderOpens`): asked in every
    /// search, its places cost ~85 M instructions of the 1 MB callgrind
    /// bench (a sparse table's zero rows hold cut anywhere) for the one
    /// table of the corpora it reads, whose numbers hold in no other order.
    var readsCutRows: Bool { underHeaderOpens != nil }
    /// `relations.sidesInColumnOrder`.
    var sidesInColumnOrder: [UInt8]? { relations.sidesInColumnOrder }

    init(numbers: [Double], afterText: [Bool], rows: Int, columns: Int, relations: TemplateRelations,
         limits: TableRulesFile.ReadingOrder, plan: ReadingOrderPlan? = nil, exemptRow: Int? = nil,
         underHeaderOpens: [Bool]? = nil) {
        self.numbers = numbers
        self.afterText = afterText
        self.rows = rows
        self.columns = columns
        self.relations = relations
        self.limits = limits
        self.plan = plan ?? ReadingOrderPlan(rows: rows, columns: columns, limits: limits)
        self.exemptRow = exemptRow
        self.underHeaderOpens = underHeaderOpens
    }

    /// Data row `row`'s relations hold for the slot values `value` gives, or
    /// it is the exempt row.
    @inline(__always)
    func rowHolds(_ row: Int, _ value: (Int) -> Double) -> Bool {
        row == exemptRow || relations.rowHolds(value)
    }

    /// A full reading: token index (into `numbers`) of each cell, row-major.
    struct Candidate {
        var cost: Int
        var cells: [Int]
        var steps: [Step]

        /// How it reads, for the diagnostic: spelled out only for a reading
        /// that is kept (the search adds thousands per table).
        var plan: [String] { steps.isEmpty ? ["rows in order"] : steps.map(\.description) }
    }

    /// How one stretch of rows was read other than row by row.
    enum Step: CustomStringConvertible {
        /// Row `row` started at column `from` and wrapped round.
        case rotated(row: Int, from: Int)
        /// Rows first..<end read by column blocks (`offset` columns before the
        /// first block), the last block possibly put off until after row `afterRow`.
        case blocks(first: Int, end: Int, blocks: [Range<Int>], offset: Int, putOffAfterRow: Int?)
        /// Rows first..<end with their first `columns` columns first (row by
        /// row), then read as `rest`.
        case firstColumn(first: Int, end: Int, columns: Int, rest: [Step])
        /// A header group (`group`) whose put-off block comes after rows
        /// read as `between`, groups among them.
        indirect case putOffPast(group: Step, between: [Step])
        /// Rows 0..<head with their first `columns` columns first, then
        /// `run` (a first-column run of the rows after them) with its
        /// leading values, then rows 0..<head's other columns, then the
        /// run's (`ReadingOrderGrammar.headerBesideRun`).
        indirect case besideRun(head: Int, columns: Int, run: Step)
        /// Row `row`'s last `tail` columns read right after a header
        /// group's put-off block, its others before it (`headerGroups`).
        case cutByPutOff(row: Int, tail: Int)

        var description: String {
            switch self {
            case .rotated(let row, let from):
                return "row \(row + 1) from column \(from + 1)"
            case .blocks(let first, let end, let blocks, let offset, let afterRow):
                let read = "rows \(first + 1)-\(end) by columns \(ReadingOrderGrammar.name(blocks, offset: offset))"
                guard let afterRow, let last = blocks.last else { return read }
                return read + " (\(ReadingOrderGrammar.name([last], offset: 0)) after row \(afterRow))"
            case .firstColumn(let first, let end, let columns, let rest):
                let lead = columns == 1 ? "first column first" : "first \(columns) columns first"
                return (["rows \(first + 1)-\(end) \(lead)"] + rest.map(\.description)).joined(separator: ", ")
            case .putOffPast(let group, let between):
                return ([group.description] + between.map(\.description)).joined(separator: ", ")
            case .besideRun(let head, let columns, let run):
                return "rows 1-\(head) first \(columns) columns first, beside " + run.description
            case .cutByPutOff(let row, let tail):
                return "row \(row + 1)'s last \(tail == 1 ? "column" : "\(tail) columns") after the put-off block"
            }
        }
    }

    /// A reading of rows r..<end as its first stretch (`head`, row-major over
    /// the stretch's rows and columns) and a link to a reading of the rest.
    struct Node {
        var cost: Int
        /// Its head's cells: `count` token indices from `start` in the
        /// list's `cells`. Each head an array of its own made every node
        /// a retain and a release to copy, and every list a release per
        /// node to free (an exempt search copies the strict one's lists,
        /// and `ReadingOrderRecovery.read` walks each full reading).
        var start: Int
        var count: Int
        /// How the head reads: index into the list's `steps` (-1: rows in
        /// order). A `Step` held here made every copy of a node (the search
        /// copies thousands) go through the enum's outlined copy and destroy.
        var plan: Int
        /// The rest: index into the list of the row after this stretch.
        var next: Int
        /// Hash of the values of the whole reading (head and rest): readings
        /// that differ only where equal numbers trade places are one.
        var key: Int
    }

    /// Column blocks: every way to cut `width` columns into consecutive
    /// blocks (at most `maxBlocks` of them), in the order of the cut masks.
    /// Table 四's 15 columns have 16,384 ways: only those asked for are built.
    static func compositions(_ width: Int, maxBlocks: Int = .max) -> [[Range<Int>]] {
        guard width > 1 else { return [[0..<width]] }
        return (0..<(1 << (width - 1))).filter { $0.nonzeroBitCount < maxBlocks }.map { mask in
            var blocks: [Range<Int>] = [], start = 0
            for i in 1..<width where mask >> (i - 1) & 1 == 1 { blocks.append(start..<i); start = i }
            blocks.append(start..<width)
            return blocks
        }
    }

    /// Token index of cell (i, c) of a group of `k` rows read block by block
    /// from token `p`, without building the group: `blocks` in reading order
    /// (not necessarily left to right), `before[b]` columns read before block
    /// `b`, `blockOf[c]` is column c's block.
    struct Layout {
        var blocks: [Range<Int>]
        var blockOf: [Int]
        var before: [Int]

        init(_ blocks: [Range<Int>]) {
            self.blocks = blocks
            blockOf = [Int](repeating: 0, count: blocks.reduce(0) { max($0, $1.upperBound) })
            for (b, range) in blocks.enumerated() { for c in range { blockOf[c] = b } }
            before = blocks.indices.map { b in blocks[..<b].reduce(0) { $0 + $1.count } }
        }

        /// The whole group's token indices, row-major (built only for a reading that holds).
        func cells(k: Int, width: Int, from p: Int) -> [Int] {
            var cells = [Int](repeating: 0, count: k * width)
            for i in 0..<k { for c in 0..<width { cells[i * width + c] = index(i, c, k: k, from: p) } }
            return cells
        }

        /// `cells(k:width:from:)` appended to `cells`.
        func appendCells(k: Int, width: Int, from p: Int, to cells: inout [Int]) {
            for i in 0..<k { for c in 0..<width { cells.append(index(i, c, k: k, from: p)) } }
        }

        func index(_ i: Int, _ c: Int, k: Int, from p: Int) -> Int {
            let b = blockOf[c]
            return p + before[b] * k + i * blocks[b].count + c - blocks[b].lowerBound
        }
    }

    static func name(_ blocks: [Range<Int>], offset: Int) -> String {
        blocks.map { $0.count == 1 ? "\($0.lowerBound + offset + 1)" : "\($0.lowerBound + offset + 1)-\($0.upperBound + offset)" }
            .joined(separator: "|")
    }

    /// The key of a reading's head: a hash of its values in order (0 and
    /// -0 alike, as `==` has them). Keys are only compared, never kept past
    /// a search, so a plain 64-bit mix serves: hashing every head and every
    /// head-and-rest pair with `Hasher`, and looking them up in a
    /// `Dictionary` that hashed them again, was most of adding a reading.
    func key(_ cells: [Int]) -> Int {
        var h = Self.keySeed
        for c in cells { h = Self.keyStep(h, numbers[c]) }
        return Self.keyEnd(h, count: cells.count)
    }

    /// `key`'s start, its step over a value, and its end over the count.
    static let keySeed: UInt64 = 0x243F_6A88_85A3_08D3
    @inline(__always)
    static func keyStep(_ h: UInt64, _ v: Double) -> UInt64 { mix(h ^ (v == 0 ? 0 : v.bitPattern)) }
    @inline(__always)
    static func keyEnd(_ h: UInt64, count: Int) -> Int { Int(truncatingIfNeeded: mix(h ^ UInt64(count))) }

    /// The finalizer of MurmurHash3: every input bit reaches every output bit.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// The key of a head followed by a reading of the rest.
    @inline(__always)
    static func key(head: Int, rest: Int) -> Int {
        Int(truncatingIfNeeded: mix(UInt64(bitPattern: Int64(head)) &+ mix(UInt64(bitPattern: Int64(rest)) ^ 0x9E37_79B9_7F4A_7C15)))
    }

    /// Where each key stands in a list: open addressing on the keys' own
    /// low bits (they are hashes already).
    struct KeyIndex {
        /// A key, the index recorded for it, and the generation it was
        /// recorded in: a slot of another generation is empty.
        private struct Slot {
            var key: Int
            var index: Int32
            var generation: UInt32
        }
        private var slots: [Slot] = []
        private var count = 0
        /// `removeAll` starts a new generation, so the table is kept and
        /// nothing in it is written: a fresh index per row position grew
        /// from 16 slots at every row of every search (its allocations and
        /// rehashes were a seventh of the search), and clearing the slots
        /// filled, listed as they were filled, cost an append per insert.
        private var generation: UInt32 = 1

        /// Forgets every key, keeping the table's size.
        mutating func removeAll() {
            guard count > 0 else { return }
            count = 0
            if generation == .max {
                for i in slots.indices { slots[i].generation = 0 }
                generation = 1
            } else {
                generation += 1
            }
        }

        func index(of key: Int) -> Int? {
            guard !slots.isEmpty else { return nil }
            return slots.withUnsafeBufferPointer { slots in
                let mask = slots.count - 1
                var i = key & mask
                while slots[i].generation == generation {
                    if slots[i].key == key { return Int(slots[i].index) }
                    i = (i + 1) & mask
                }
                return nil
            }
        }

        /// Records `key` (not yet recorded) at `index`.
        mutating func insert(_ key: Int, at index: Int) {
            if 2 * (count + 1) > slots.count {
                let old = slots
                slots = Array(repeating: Slot(key: 0, index: -1, generation: 0), count: max(16, 2 * slots.count))
                count = 0
                for slot in old where slot.generation == generation { insert(slot.key, at: Int(slot.index)) }
            }
            let generation = self.generation
            slots.withUnsafeMutableBufferPointer { slots in
                let mask = slots.count - 1
                var i = key & mask
                while slots[i].generation == generation { i = (i + 1) & mask }
                slots[i] = Slot(key: key, index: Int32(index), generation: generation)
            }
            count += 1
        }
    }

    /// The readings found so far: per row position, the cheapest readings of
    /// the rows from there to the end, built from the last row up, each
    /// distinct table of values once.
    struct Readings {
        var lists: [[Node]]
        /// Where each key stands in the list of the row position being
        /// read (readings are added at one row position at a time, then it
        /// is closed): one index, emptied at each close, not one per row.
        var seen = KeyIndex()
        /// The heads added at the row position being read, each once (its
        /// row, size, key, and the lowest cost it came with), found by
        /// `addedIndex`. A head added again with the same values and size
        /// and no lower cost finds every reading it makes kept already at
        /// no higher cost: nothing is done. (A run of zero rows holds in
        /// every layout and rotation, each giving the same head.)
        var added: [(row: Int, k: Int, headKey: Int, cost: Int)] = []
        var addedIndex = KeyIndex()
        /// Some row position had more readings than its cap: the ones cut
        /// may have held where those kept did not.
        var cut = false
        /// The plans of the nodes' heads (`Node.plan`).
        var steps: [Step] = []
        /// The nodes' heads' cells, one after another (`Node.start`).
        var cells: [Int] = []

        init(rows: Int) {
            lists = [[Node]](repeating: [], count: rows + 1)
            lists[rows] = [Node(cost: 0, start: 0, count: 0, plan: -1, next: -1, key: 0)]
        }

        /// Adds `head` (rows r..<r+k; `headKey`, the key of its values)
        /// before every reading of row r + k.
        mutating func add(_ head: [Int], headKey: Int, cost: Int, plan: Step?, at r: Int, k: Int) {
            add(headKey: headKey, cost: cost, at: r, k: k) { cells in
                cells += head
                return plan
            }
        }

        /// The same, the head's cells and plan made by `make` only when a
        /// reading keeps them: most heads tried give a table of values
        /// already read as cheaply (a run of zero rows holds in every
        /// layout), and building each one's cells was most of adding it.
        /// `make` appends the head's cells to the buffer it is given (the
        /// list's `cells`: an array of each head's own, copied in, was an
        /// allocation per head kept) and returns its plan.
        mutating func add(headKey: Int, cost: Int, at r: Int, k: Int, _ make: (inout [Int]) -> Step?) {
            let headAndSize = ReadingOrderGrammar.key(head: headKey, rest: k)
            if let a = addedIndex.index(of: headAndSize) {
                // A different head whose hash is the same is added in full, unrecorded.
                if added[a].row == r, added[a].k == k, added[a].headKey == headKey {
                    guard cost < added[a].cost else { return }
                    added[a].cost = cost
                }
            } else {
                addedIndex.insert(headAndSize, at: added.count)
                added.append((r, k, headKey, cost))
            }
            var made: (start: Int, count: Int, plan: Int)?
            // The tails' keys and costs read in place (a node copied out is retained).
            for index in lists[r + k].indices {
                let key = ReadingOrderGrammar.key(head: headKey, rest: lists[r + k][index].key)
                let total = cost + lists[r + k][index].cost
                let found = seen.index(of: key)
                if let i = found, lists[r][i].cost <= total { continue }
                if made == nil {
                    let start = cells.count
                    let step = make(&cells)
                    if let step { steps.append(step) }
                    made = (start, cells.count - start, step == nil ? -1 : steps.count - 1)
                }
                let node = Node(cost: total, start: made!.start, count: made!.count, plan: made!.plan, next: index, key: key)
                if let i = found {
                    lists[r][i] = node
                } else {
                    seen.insert(key, at: lists[r].count)
                    lists[r].append(node)
                }
            }
        }

        /// Keeps the cheapest `cap` readings of row r (stable: earlier wins ties).
        mutating func close(_ r: Int, cap: Int) {
            if !added.isEmpty {
                added.removeAll(keepingCapacity: true)
                addedIndex.removeAll()
            }
            // Most row positions of a table whose numbers hold nowhere have none.
            guard !lists[r].isEmpty else { seen.removeAll(); return }
            // Readings added cheapest first (most lists: rows read in order,
            // then groups) are in that order already: cut, not sorted and copied.
            if lists[r].count > cap { cut = true }
            var inOrder = true
            for i in lists[r].indices.dropFirst() where lists[r][i].cost < lists[r][i - 1].cost { inOrder = false; break }
            if inOrder {
                if lists[r].count > cap { lists[r].removeSubrange(cap...) }
            } else {
                lists[r] = Self.cheapest(lists[r], cap: cap)
            }
            seen.removeAll()
        }

        /// The cheapest `cap` of `nodes`, stably by cost (earlier wins
        /// ties). Costs are small counts of groups, runs and rotations: the
        /// nodes are counted per cost and placed, not sorted (a sort by
        /// (cost, index) through a closure was most of `close`).
        static func cheapest(_ nodes: [Node], cap: Int) -> [Node] {
            var low = Int.max, high = Int.min
            for node in nodes {
                low = min(low, node.cost)
                high = max(high, node.cost)
            }
            guard high - low < 256 else {
                return Array(nodes.indices.sorted { (nodes[$0].cost, $0) < (nodes[$1].cost, $1) }.prefix(cap).map { nodes[$0] })
            }
            // Where each cost's nodes start in the order.
            var next = [Int](repeating: 0, count: high - low + 2)
            for node in nodes { next[node.cost - low + 1] += 1 }
            for c in 1..<next.count { next[c] += next[c - 1] }
            // Only the places up to `cap` are written (a copy of every node,
            // most then cut, was half of this function's time); each place
            // below `kept` is some node's, once.
            let kept = min(cap, nodes.count)
            return [Node](unsafeUninitializedCapacity: kept) { ordered, count in
                for node in nodes {
                    let at = next[node.cost - low]
                    next[node.cost - low] = at + 1
                    if at < kept { ordered.initializeElement(at: at, to: node) }
                }
                count = kept
            }
        }

        /// The cells and plan of reading `index` of row r, followed to the end.
        func follow(_ r: Int, _ index: Int, rowsOf: (Node) -> Int) -> (cells: [Int], plan: [Step]) {
            var cells: [Int] = [], plan: [Step] = []
            // Its cells counted first: appended head by head, they were copied as they grew.
            var count = 0, row = r, i = index
            while i >= 0, row < lists.count - 1 {
                let node = lists[row][i]
                count += node.count
                row += rowsOf(node)
                i = node.next
            }
            cells.reserveCapacity(count)
            row = r
            i = index
            while i >= 0, row < lists.count - 1 {
                let node = lists[row][i]
                cells += self.cells[node.start..<(node.start + node.count)]
                if node.plan >= 0 { plan.append(steps[node.plan]) }
                row += rowsOf(node)
                i = node.next
            }
            return (cells, plan)
        }
    }

    func readings() -> [Candidate] {
        candidates(search())
    }

    /// The readings of the rows from each row position to the end.
    /// `strict`: the search of the same numbers, with the same limits, with
    /// no row exempt and no `underHeaderOpens`. The readings of the rows
    /// below the exempt row are that search's (a reading of rows r… reads no
    /// row above r), so only the exempt row and those above it are searched
    /// again. With `underHeaderOpens` (and no row exempt) only row 0 reads
    /// otherwise (its header groups, `headerGroups`): rows 1… are that
    /// search's, and only row 0 is searched again (the search made once
    /// more where nothing holds, `ReadingOrderRecovery.read`, was a whole
    /// search for one row's header groups). The `cut` of such a search is
    /// the strict one's too.
    func search(below strict: Readings? = nil) -> Readings {
        let cap = limits.maxCandidates
        var readings: Readings
        var top = rows - 1
        if let strict, let exempt = exemptRow {
            // Its key indexes were emptied when its rows were closed.
            readings = strict
            for r in 0...exempt { readings.lists[r] = [] }
            top = exempt
        } else if let strict, underHeaderOpens != nil {
            readings = strict
            readings.lists[0] = []
            top = 0
        } else {
            readings = Readings(rows: rows)
        }
        // A reading of rows r..<r+k is kept only joined to a reading of the
        // rest: where the rest has none (its numbers hold in no order, as in
        // a table with an author's error), nothing of r..<r+k is built or checked.
        /// Some row position in r+1…exemptRow has a reading (an exempt search).
        var readAboveExempt = false
        for r in stride(from: top, through: 0, by: -1) {
            let p = r * columns
            if let exempt = exemptRow, r < exempt, !readings.lists[r + 1].isEmpty { readAboveExempt = true }
            // Far above the exempt row with nothing read in between, a head
            // of rows from r must reach past the exempt row: a group of at
            // most maxGroupRows rows cannot, and header groups are not tried.
            let farAboveExempt = exemptRow.map { r + limits.maxGroupRows <= $0 && !readAboveExempt } ?? false
            // The row and its rotations are checked before their cells are
            // listed: most hold nowhere, and a list made for each was most
            // of the search's allocations.
            if !readings.lists[r + 1].isEmpty, rowHolds(r, { numbers[p + $0] }) {
                // Its key from the values in place (`key`), its cells listed only
                // where a reading keeps it: not an array made per row that holds.
                var h = Self.keySeed
                for c in p..<(p + columns) { h = Self.keyStep(h, numbers[c]) }
                readings.add(headKey: Self.keyEnd(h, count: columns), cost: 0, at: r, k: 1) { cells in
                    cells += p..<(p + columns)
                    return nil
                }
            }
            if rows > 1 && columns > 1 {
                for shift in 1..<columns where !readings.lists[r + 1].isEmpty {
                    guard rowHolds(r, { numbers[p + ($0 - shift + columns) % columns] }) else { continue }
                    let cells = (0..<columns).map { c in p + (c - shift + columns) % columns }
                    readings.add(cells, headKey: key(cells), cost: limits.rotatedRowCost, plan: .rotated(row: r, from: shift), at: r, k: 1)
                }
                for k in stride(from: 2, through: min(limits.maxGroupRows, rows - r), by: 1) where !readings.lists[r + k].isEmpty {
                    // Locals: a closure that reads them through `self` copied the whole grammar.
                    let groups = plan.groups, width = columns
                    forEachHoldingGroup(plan.groupOffsets, k: k, row: r, from: p) { g, headKey in
                        readings.add(headKey: headKey, cost: 1, at: r, k: k) { cells in
                            groups[g].appendCells(k: k, width: width, from: p, to: &cells)
                            return .blocks(first: r, end: r + k, blocks: groups[g].blocks, offset: 0, putOffAfterRow: nil)
                        }
                    }
                }
                if !farAboveExempt { headerGroups(at: r, joins: { !readings.lists[r + $0].isEmpty }) { cells, cost, plan, k in
                    readings.add(cells, headKey: key(cells), cost: cost, plan: plan, at: r, k: k)
                } }
                if r == 0 && !farAboveExempt { headerBesideRun(joins: { !readings.lists[$0].isEmpty }) { cells, cost, plan, k in
                    readings.add(cells, headKey: key(cells), cost: cost, plan: plan, at: r, k: k)
                } }
                for lead in 1...plan.runGroups.count {
                    let ends = lead == 1 ? rows : leadRunEnd(from: p, lead: lead)
                    guard ends >= r + 2 else { continue }
                    // `interleaved(from: p, count: b - r, lead:)`, counted on as b grows
                    // (asked afresh for each b, it counted the same rows over and over).
                    // The token opening the run's last row, p + (b − r − 1) × lead, stepped to as b grows
                    // (worked out afresh at each b, with its overflow checks, it cost more than the count).
                    var separated = 0, opener = p
                    for b in stride(from: r + 2, through: ends, by: 1) {
                        opener &+= lead
                        if afterText[opener] { separated += 1 }
                        guard !readings.lists[b].isEmpty, Double(separated) >= limits.minInterleavedShare * Double(b - r - 1) else { continue }
                        for inner in firstColumnRun(r, b, lead: lead, plan.runGroups[lead - 1], plan.runGroupOffsets[lead - 1]) {
                            var cells = [Int](repeating: 0, count: (b - r) * columns)
                            for i in 0..<(b - r) {
                                for c in 0..<lead { cells[i * columns + c] = p + i * lead + c }
                                for c in lead..<columns { cells[i * columns + c] = inner.cells[i * (columns - lead) + c - lead] }
                            }
                            // Rows already checked inside the run.
                            readings.add(cells, headKey: key(cells), cost: 1 + inner.cost,
                                      plan: .firstColumn(first: r, end: b, columns: lead, rest: inner.steps), at: r, k: b - r)
                        }
                    }
                }
            }
            if r == 0 && exemptRow == nil && readings.lists[0].count > cap { keepWholeReadingsThatHold(&readings) }
            readings.close(r, cap: cap)
        }
        return readings
    }

    /// At the first row a reading is whole, and a search with no row
    /// exempt takes only one whose columns hold too (`ReadingOrderRecovery.read`):
    /// a reading whose columns fail is dropped before the cap, not kept in
    /// place of one that holds (a sparse table whose few values slide
    /// between rows of zeros has hundreds of cheap readings whose rows
    /// hold; the header group read past a page break costs more, and was cut).
    /// Asked only where the first row's readings are more than the cap.
    func keepWholeReadingsThatHold(_ readings: inout Readings) {
        readings.lists[0] = wholeReadingsThatHold(readings)
    }

    /// The first row's readings whose columns hold. (Its own function: the
    /// readings read, not `inout`, are not copied for each reading's values.)
    func wholeReadingsThatHold(_ readings: Readings) -> [Node] {
        var values: [Double] = []
        var kept: [Node] = []
        for index in readings.lists[0].indices {
            self.values(readings, index, into: &values)
            if relations.columnsHold(values) { kept.append(readings.lists[0][index]) }
        }
        return kept
    }

    /// The full readings a search found, cheapest first.
    func candidates(_ readings: Readings) -> [Candidate] {
        readings.lists[0].indices.map { candidate(readings, $0) }
    }

    /// Full reading `index` of a search, as `candidates` lists it.
    func candidate(_ readings: Readings, _ index: Int) -> Candidate {
        let (cells, steps) = readings.follow(0, index, rowsOf: { $0.count / columns })
        return Candidate(cost: readings.lists[0][index].cost, cells: cells, steps: steps)
    }

    /// The values of full reading `index` of a search, row-major, written
    /// into `values` (rows × columns of them) without listing its cells or
    /// plan: `ReadingOrderRecovery.read` tests every reading's values and
    /// keeps few, and listing each one's cells, appended node by node, was
    /// most of its own time.
    func values(_ readings: Readings, _ index: Int, into values: inout [Double]) {
        if values.count != rows * columns { values = [Double](repeating: 0, count: rows * columns) }
        values.withUnsafeMutableBufferPointer { out in
            readings.cells.withUnsafeBufferPointer { cells in
                // The numbers through a buffer too, each token checked by one
                // compare: the search's whole readings each pass through here.
                numbers.withUnsafeBufferPointer { numbers in
                    var n = 0, row = 0, i = index
                    let last = readings.lists.count - 1
                    while i >= 0, row < last {
                        let node = readings.lists[row][i]
                        // A full reading has rows × columns cells.
                        precondition(n + node.count <= out.count && node.start >= 0 && node.start + node.count <= cells.count)
                        for c in node.start..<(node.start + node.count) {
                            let token = cells[c]
                            precondition(UInt(bitPattern: token) < UInt(numbers.count))
                            out[n] = numbers[token]
                            n &+= 1
                        }
                        row += node.count / columns
                        i = node.next
                    }
                }
            }
        }
    }

    static let deferChoices = [false, true]

    /// Every order of `n` items (n ≤ maxPermutedBlocks).
    static func permutations(_ n: Int) -> [[Int]] {
        guard n > 1 else { return [Array(0..<n)] }
        return permutations(n - 1).flatMap { p in (0...p.count).map { i in var q = p; q.insert(n - 1, at: i); return q } }
    }

    /// The rows just under a header (LibreOffice draws them with the header
    /// cells): a group of 2…`maxGroupRows` rows read column block by column
    /// block in the order the header cells were drawn (科研…法律服务 first,
    /// then 自然人, 商业企业), its last block possibly only after the rows
    /// that follow it on the page (其他 and 总计 drawn past the page's last
    /// row), which are read as the search reads rows, row by row or in groups
    /// (the page's last rows column by column):
    /// `0 0 5 0 0 1 … 19 2 7 3 0 1 ⟨rows⟩ 1 28 0 3 0 10`. Every block must
    /// follow text (its header cell, 自⏎然⏎人 19 2 7; the put-off block, 其⏎他):
    /// without that, zeros let a sparse row's values slide to another row.
    /// Cost 1, 2 with a block put off, plus the groups among the rows before
    /// it. Reports each reading whose rows all hold and whose `k` rows (with
    /// the rows before a put-off block) `joins` a reading of the rows after them
    /// (of groups of equal numbers with nothing put off, which read the same
    /// table in every layout, the first only).
    func headerGroups(at r: Int, joins: (Int) -> Bool = { _ in true }, _ report: ([Int], Int, Step, Int) -> Void) {
        let p = r * columns
        let opens = r == 0 ? underHeaderOpens ?? afterText : afterText
        // The first block read opens at p, so every reading needs text there.
        guard opens[p] else { return }
        // Nothing is built before a reading's blocks all follow text, and no
        // cell list before it holds: this loop runs for every row, group size,
        // composition and order, and almost nothing holds.
        // (A wide table's tries are listed into one buffer for every group size.)
        var listed: [(layout: Int, deferLast: Bool)] = []
        // Where put-off blocks can stand, per group size (`PutOffStops`).
        var putOff = PutOffStops()
        let strides = plan.headerOffsets.strides
        for k in stride(from: 2, through: min(limits.maxGroupRows, rows - r), by: 1) {
            // Bit j: text stands before the token j columns' worth of rows on.
            var opensAfterText: UInt64 = 0
            for j in 0..<columns where opens[p + k * j] { opensAfterText |= 1 << UInt64(j) }
            // The groups whose blocks all follow text, in the order tried: looked
            // up for a narrow table, else each layout's mask tested.
            let tries: [(layout: Int, deferLast: Bool)]
            if let indexed = plan.headerTries {
                tries = indexed[Int(opensAfterText)]
            } else {
                listed.removeAll(keepingCapacity: true)
                for h in plan.headerLayouts.indices {
                    for deferLast in Self.deferChoices where !(plan.headerInOrder[h] && !deferLast) {
                        if (deferLast ? plan.headerOpensDeferred[h] : plan.headerOpensAll[h]) & ~opensAfterText == 0 { listed.append((h, deferLast)) }
                    }
                }
                tries = listed
            }
            guard !tries.isEmpty else { continue }
            // Where a put-off block of w columns can stand, worked out once per w (`PutOffStops`).
            putOff.start(r: r, k: k)
            var between: [Int: [Candidate]] = [:]
            // A group not followed by a reading of the rest, and no place for
            // a put-off block: no try can give a reading (in a table whose
            // numbers hold nowhere, almost every row and group size), so none is made.
            let groupJoins = joins(k)
            if !groupJoins {
                var anyStop = false
                if putOff.joinsAfter(rows: rows, joins) != 0 {
                    for w in 1..<columns where putOff.stops(w, in: self, joins) != 0 || readsCutRows && !putOff.cuts(w, in: self, joins).isEmpty {
                        anyStop = true; break
                    }
                }
                guard anyStop else { continue }
            }
            // Equal numbers read the same in every layout: of the groups with
            // nothing put off, the first tells for all (`forEachHoldingGroup`).
            let sameInEveryLayout = equalValues(from: p, count: k * columns)
            var triedInPlace = false
            let starts = plan.headerOffsets.starts[k]
            for (h, deferLast) in tries {
                guard deferLast else {
                    guard groupJoins, !(sameInEveryLayout && triedInPlace) else { continue }
                    triedInPlace = true
                    if headerGroupHolds(h, starts, strides, k: k, row: r, from: p) {
                        let layout = plan.headerLayouts[h]
                        report(layout.cells(k: k, width: columns, from: p), 1,
                               .blocks(first: r, end: r + k, blocks: layout.blocks, offset: 0, putOffAfterRow: nil), k)
                    }
                    continue
                }
                let putOffBlock = plan.headerLastBlocks[h]
                let w = putOffBlock.count
                var stopsLeft = putOff.stops(w, in: self, joins)
                let cuts = readsCutRows ? putOff.cuts(w, in: self, joins) : []
                guard stopsLeft != 0 || !cuts.isEmpty else { continue }
                let q = p + k * (columns - w)
                // Rows after the group, then the put-off block.
                while stopsLeft != 0 {
                    let m = r + k + 1 + stopsLeft.trailingZeroBitCount
                    stopsLeft &= stopsLeft - 1
                    let shift = (m - r - k) * columns
                    guard headerGroupHolds(h, starts, strides, k: k, row: r, from: p, putOff: putOffBlock, by: shift) else { continue }
                    let layout = plan.headerLayouts[h]
                    let blocks = layout.blocks
                    let lastBlock = blocks.count - 1
                    let key = w * (rows + 1) + m
                    if between[key] == nil { between[key] = shiftedRows(r + k, m, from: q) }
                    guard let readings = between[key], !readings.isEmpty else { continue }
                    var group = layout.cells(k: k, width: columns, from: p)
                    for i in 0..<k { for c in blocks[lastBlock] { group[i * columns + c] += shift } }
                    let step = Step.blocks(first: r, end: r + k, blocks: blocks, offset: 0, putOffAfterRow: m)
                    for reading in readings {
                        report(group + reading.cells, 2 + reading.cost,
                               reading.steps.isEmpty ? step : .putOffPast(group: step, between: reading.steps), m - r)
                    }
                }
                // The put-off block drawn inside the row above the stop, that
                // row's last `tail` cells right after it (`PutOffStops.cuts`):
                // the rows r + k..<cut read as above, row `cut` on its own.
                for (m, tail) in cuts {
                    let cut = m - 1
                    let shift = (m - r - k) * columns - tail
                    guard headerGroupHolds(h, starts, strides, k: k, row: r, from: p, putOff: putOffBlock, by: shift) else { continue }
                    let head = q + (cut - r - k) * columns, rest = q + shift + k * w
                    // Its row relations hold (`PutOffStops.cuts`).
                    let cutCells = (0..<columns).map { c in c < columns - tail ? head + c : rest + c - (columns - tail) }
                    let key = w * (rows + 1) + cut
                    if between[key] == nil { between[key] = shiftedRows(r + k, cut, from: q) }
                    guard let readings = between[key], !readings.isEmpty else { continue }
                    let layout = plan.headerLayouts[h]
                    let blocks = layout.blocks
                    var group = layout.cells(k: k, width: columns, from: p)
                    for i in 0..<k { for c in blocks[blocks.count - 1] { group[i * columns + c] += shift } }
                    let step = Step.blocks(first: r, end: r + k, blocks: blocks, offset: 0, putOffAfterRow: cut)
                    for reading in readings {
                        report(group + reading.cells + cutCells, 3 + reading.cost,
                               .putOffPast(group: step, between: reading.steps + [.cutByPutOff(row: cut, tail: tail)]), m - r)
                    }
                }
            }
        }
    }

    /// Every row of a group of `k` rows from row `r` (its numbers from token
    /// `p`) read by header layout `h` holds, the columns of `putOff` read
    /// `shift` tokens on (each row by `rowHolds`, its cells read through the
    /// layouts' flat offsets `starts` and `strides` for k rows, as
    /// `forEachHoldingGroup` tests groups, not through `Layout.index`: this
    /// runs for every header layout tried, and almost none holds).
    @inline(__always)
    func headerGroupHolds(_ h: Int, _ starts: [Int], _ strides: [Int], k: Int, row r: Int, from p: Int,
                          putOff: Range<Int> = 0..<0, by shift: Int = 0) -> Bool {
        let base = h * columns
        return starts.withUnsafeBufferPointer { starts in
            strides.withUnsafeBufferPointer { strides in
                numbers.withUnsafeBufferPointer { numbers in
                    for i in 0..<k {
                        let holds = rowHolds(r + i) { c in
                            let x = p + starts[base + c] + i * strides[base + c]
                            return numbers[putOff.contains(c) ? x + shift : x]
                        }
                        guard holds else { return false }
                    }
                    return true
                }
            }
        }
    }

    /// Where a put-off block of a header group of `k` rows from row `r`
    /// can stand (`headerGroups`): after the rows r + k..<m (their numbers
    /// from token q = r × columns + k × (columns − w) for a block of w
    /// columns), right after text, with a reading of the rows from m. It
    /// depends on w alone, and hundreds of layouts share each w: worked out
    /// once per w (bit m − r − k − 1 of `stops(w)`, up to 64 rows on), not
    /// per layout, and so are the readings of the rows before it
    /// (`between`, per w and m). Which rows m have a reading to join does
    /// not depend on w: asked once per group size (bit m − r − k − 1 of
    /// `joinsAfter`), then only those m are looked at.
    /// State of its own, not locals captured by nested functions: captured,
    /// every access to them was checked for exclusivity at run time.
    struct PutOffStops {
        private var r = 0, k = 0
        private var joinsKnown: UInt64?
        /// Per block width w (1..<columns, at most 63): one buffer for every
        /// group size, made when first asked (a list of optionals per group
        /// size was most of `headerGroups`' allocations).
        private var stops: [UInt64] = []
        /// Bit w: `stops[w]` is worked out for this group size.
        private var stopsKnown: UInt64 = 0

        /// Forgets what was worked out, for a group of `k` rows from row `r`.
        mutating func start(r: Int, k: Int) {
            self.r = r
            self.k = k
            joinsKnown = nil
            stopsKnown = 0
            cutsKnown = 0
        }

        mutating func joinsAfter(rows: Int, _ joins: (Int) -> Bool) -> UInt64 {
            if let known = joinsKnown { return known }
            var found: UInt64 = 0
            for m in stride(from: r + k + 1, through: min(rows, r + k + 64), by: 1) where joins(m - r) {
                found |= 1 << UInt64(m - r - k - 1)
            }
            joinsKnown = found
            return found
        }

        mutating func stops(_ w: Int, in grammar: ReadingOrderGrammar, _ joins: (Int) -> Bool) -> UInt64 {
            if stopsKnown >> UInt64(w) & 1 == 1 { return stops[w] }
            let columns = grammar.columns
            if stops.isEmpty { stops = [UInt64](repeating: 0, count: columns) }
            let q = r * columns + k * (columns - w)
            var found: UInt64 = 0, left = joinsAfter(rows: grammar.rows, joins)
            while left != 0 {
                let bit = left.trailingZeroBitCount
                left &= left - 1
                if grammar.afterText[q + (bit + 1) * columns] { found |= 1 << UInt64(bit) }
            }
            stops[w] = found
            stopsKnown |= 1 << UInt64(w)
            return found
        }

        /// Per block width w: the stops m where the put-off block of w
        /// columns stands inside row m − 1 (a row after the group), after
        /// its first cells and before its last `tail` (LibreOffice's PDF
        /// through pdftotext's default mode, table 三 cut by a page break:
        /// the 其他 and 总计 cells of the rows under the header come after
        /// the page number, and the 总计 of the row at the page's foot right
        /// after them). The block opens right after text, the tail follows
        /// it with no text before any of its cells, the cut row so read
        /// holds, and the rows from m have a reading; worked out once per
        /// w, as `stops` is.
        private var cutStops: [[(m: Int, tail: Int)]] = []
        private var cutsKnown: UInt64 = 0

        mutating func cuts(_ w: Int, in grammar: ReadingOrderGrammar, _ joins: (Int) -> Bool) -> [(m: Int, tail: Int)] {
            if cutsKnown >> UInt64(w) & 1 == 1 { return cutStops[w] }
            let columns = grammar.columns, afterText = grammar.afterText
            if cutStops.isEmpty { cutStops = [[(m: Int, tail: Int)]](repeating: [], count: columns) }
            let q = r * columns + k * (columns - w)
            // The list kept per w and emptied in place: one made per group size allocated at every row.
            var found = cutStops[w]
            cutStops[w] = []
            found.removeAll(keepingCapacity: true)
            var left = joinsAfter(rows: grammar.rows, joins)
            while left != 0 {
                let bit = left.trailingZeroBitCount
                left &= left - 1
                // Row m − 1 = r + k + bit ends at token `end`; its tail follows the block.
                let end = q + (bit + 1) * columns
                for tail in 1..<columns {
                    let opens = end - tail, rest = opens + k * w
                    guard afterText[opens], rest + tail <= afterText.count else { continue }
                    var together = true
                    for t in 0..<tail where afterText[rest + t] { together = false; break }
                    // The cut row holds, its cells read around the block: almost
                    // no place passes, so nothing is tried for the group there.
                    let start = end - columns, kept = columns - tail
                    guard together, grammar.rowHolds(r + k + bit, { grammar.numbers[$0 < kept ? start + $0 : rest + $0 - kept] }) else { continue }
                    found.append((r + k + bit + 1, tail))
                }
            }
            cutStops[w] = found
            cutsKnown |= 1 << UInt64(w)
            return found
        }
    }

    /// Readings of rows a..<b whose numbers stand from token `base`, not in
    /// place (a header group's put-off block comes after them): rows and
    /// groups, as the search reads rows in place; the cheapest
    /// `maxRunCandidates`, each joined to every reading of the group's rest.
    func shiftedRows(_ a: Int, _ b: Int, from base: Int) -> [Candidate] {
        var readings = Readings(rows: b - a)
        let groups = plan.groups, width = columns
        for r in stride(from: b - 1, through: a, by: -1) {
            let p = base + (r - a) * columns
            if !readings.lists[r - a + 1].isEmpty, rowHolds(r, { numbers[p + $0] }) {
                let cells = Array(p..<(p + columns))
                readings.add(cells, headKey: key(cells), cost: 0, plan: nil, at: r - a, k: 1)
            }
            for k in stride(from: 2, through: min(limits.maxGroupRows, b - r), by: 1) where !readings.lists[r - a + k].isEmpty {
                forEachHoldingGroup(plan.groupOffsets, k: k, row: r, from: p) { g, headKey in
                    readings.add(headKey: headKey, cost: 1, at: r - a, k: k) { cells in
                        groups[g].appendCells(k: k, width: width, from: p, to: &cells)
                        return .blocks(first: r, end: r + k, blocks: groups[g].blocks, offset: 0, putOffAfterRow: nil)
                    }
                }
            }
            readings.close(r - a, cap: r == a ? limits.maxRunCandidates : limits.maxCandidates)
        }
        return readings.lists[0].indices.map { i in
            let (cells, steps) = readings.follow(0, i, rowsOf: { $0.count / width })
            return Candidate(cost: readings.lists[0][i].cost, cells: cells, steps: steps)
        }
    }

    /// Calls `body` with each layout of `layouts`, in order, under which
    /// every row of a group of `k` rows from row `r`, its numbers from token
    /// `p` (r × columns where the rows stand in place), holds (`rowHolds` of
    /// each row, on flat offsets and unchecked buffers: this runs for every row, group
    /// size and layout of every search, and almost nothing holds), and the
    /// key of the group's values (`key(cells)`, its cells not built).
    ///
    /// Numbers all equal (a run of zero rows, most groups that hold) read the
    /// same in every layout: the same rows hold, with the same key, and the
    /// callers' `Readings.add` does nothing with a head whose row, size, key
    /// and cost it has had. Only the first layout is tried then (every row
    /// size of every zero run hashed in every layout was a third of the search).
    func forEachHoldingGroup(_ layouts: LayoutOffsets, k: Int, row r: Int, from p: Int, _ body: (_ layout: Int, _ headKey: Int) -> Void) {
        let width = layouts.width
        let tried = equalValues(from: p, count: k * width) ? min(1, layouts.count) : layouts.count
        // Layouts whose first row holds, where the columns' walk can tell
        // (bit g; every bit else): the first row is where almost every
        // layout fails (one layout tried: its row is tested as it stands).
        let walked = tried > 1 ? firstRowsHolding(layouts, k: k, row: r, from: p) : nil
        let firstRowHolds = walked ?? ~0
        // A layout the walk passed has its first row holding already (the
        // walk sums each side as `rowHolds` does, and judges it alike): its
        // rows are tested from the second, not the first again.
        let firstTested = walked == nil ? 0 : 1
        layouts.starts[k].withUnsafeBufferPointer { starts in
            layouts.strides.withUnsafeBufferPointer { strides in
                numbers.withUnsafeBufferPointer { numbers in
                    for g in 0..<tried where firstRowHolds >> UInt64(min(g, 63)) & 1 == 1 {
                        let base = g * width
                        var holds = true
                        for i in firstTested..<k {
                            guard rowHolds(r + i, { numbers[p + starts[base + $0] + i * strides[base + $0]] }) else { holds = false; break }
                        }
                        guard holds else { continue }
                        var h = Self.keySeed
                        for i in 0..<k {
                            for c in 0..<width { h = Self.keyStep(h, numbers[p + starts[base + c] + i * strides[base + c]]) }
                        }
                        body(g, Self.keyEnd(h, count: k * width))
                    }
                }
            }
        }
    }

    /// Bit g: the first row of a group of `k` rows from row `r` (its
    /// numbers from token `p`) read by layout g holds, for layouts that are
    /// every composition of at most 7 columns into blocks left to right, in
    /// the order of their cut masks (`plan.groups`: layout g cuts before
    /// column c where bit c − 1 of g + 1 is set), when the row relations
    /// are one check summed in column order (`sidesInColumnOrder`). Nil
    /// where it cannot tell (then every layout's row is tested).
    ///
    /// In the first row, column c of a block opening at column s is token
    /// p + s × (k − 1) + c: it depends on where its block opens (just past
    /// the highest cut before it), not on the blocks after it. The cut
    /// masks are built column by column, each side's sum carried along as
    /// `rowHolds` adds it (from 0, in column order): masks that cut the
    /// first columns alike share those columns' sums, 63 steps for table
    /// 三's 63 layouts where testing each layout's row took 63 × 7 values.
    ///
    /// With `lead` columns first (`firstColumnRun`: the layouts cover the
    /// columns after them), the row's first `lead` values are tokens
    /// `leadFrom` …, summed before the layout's columns as `rowHolds` adds
    /// them; the layouts' columns are the row's from `lead` on.
    func firstRowsHolding(_ layouts: LayoutOffsets, k: Int, row r: Int, from p: Int, lead: Int = 0, leadFrom q: Int = 0) -> UInt64? {
        let width = layouts.width
        guard layouts.leftToRightCompositions, let sides = sidesInColumnOrder, r != exemptRow, k >= 2,
              lead >= 0, lead + width == sides.count, p + k * width <= numbers.count, q + lead <= numbers.count else { return nil }
        let step = k - 1, masks = 1 << (width - 1)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * masks) { sums in
            sides.withUnsafeBufferPointer { sides in
                numbers.withUnsafeBufferPointer { numbers in
                    // The leading values, in column order, from 0 as `rowHolds` sums.
                    var leadL = 0.0, leadR = 0.0
                    for c in 0..<lead {
                        if sides[c] & 1 != 0 { leadL += numbers[q + c] }
                        if sides[c] & 2 != 0 { leadR += numbers[q + c] }
                    }
                    // Per mask of the cuts so far: its left sum at `mask`, its right at `masks + mask`.
                    let first = numbers[p]
                    sums[0] = sides[lead] & 1 != 0 ? leadL + first : leadL
                    sums[masks] = sides[lead] & 2 != 0 ? leadR + first : leadR
                    for c in 1..<width {
                        let half = 1 << (c - 1), side = sides[lead + c]
                        // Cut before column c: it opens a block.
                        let opening = numbers[p + c * step + c]
                        for mask in 0..<half {
                            let l = sums[mask], r = sums[masks + mask]
                            var cutL = l, cutR = r, onL = l, onR = r
                            if side != 0 {
                                // No cut: its block opens past the highest cut before it.
                                let start = mask == 0 ? 0 : Int.bitWidth - mask.leadingZeroBitCount
                                let value = numbers[p + start * step + c]
                                if side & 1 != 0 { cutL += opening; onL += value }
                                if side & 2 != 0 { cutR += opening; onR += value }
                            }
                            sums[mask | half] = cutL
                            sums[masks + (mask | half)] = cutR
                            sums[mask] = onL
                            sums[masks + mask] = onR
                        }
                    }
                    // As `rowHolds` judges a check (mask 0, one block, is no group).
                    var holding: UInt64 = 0
                    for mask in 1..<masks where !(abs(sums[mask] - sums[masks + mask]) >= 1e-9) { holding |= 1 << UInt64(mask - 1) }
                    return holding
                }
            }
        }
    }

    /// The `count` numbers from token `p` are all equal (`==`: 0 and -0 too,
    /// as `key` has them): every order of them reads the same values.
    func equalValues(from p: Int, count: Int) -> Bool {
        guard count > 1 else { return true }
        let first = numbers[p]
        for i in p + 1..<p + count where numbers[i] != first { return false }
        return true
    }

    /// A run's first-column values come with the row labels (pdftotext
    /// -raw reads a label and the value beside it together): at least
    /// `minInterleavedShare` of them follow text rather than another
    /// number. A run of bare numbers is another column read down, and
    /// taking it for the first column lets sparse values slide between rows.
    /// With `lead` columns first, each row's first value is the one asked
    /// to follow text.
    /// (`search` counts it as it goes, row by row: keep the two alike.)
    func interleaved(from p: Int, count: Int, lead: Int = 1) -> Bool {
        var separated = 0
        for i in 1..<count where afterText[p + i * lead] { separated += 1 }
        return Double(separated) >= limits.minInterleavedShare * Double(count - 1)
    }

    /// The row just past the longest run of rows from token `p` (row
    /// p / columns) that may have its first `lead` columns (2 or more) come
    /// first: in each row those values were drawn together beside the
    /// label (用、行政机关 2 0), so no text stands between the first and the
    /// others, and the run opens with two such rows (its second row's first
    /// value after its label). A run whose labels each came with one value
    /// has text before every number, and a run of rows read left to right
    /// has none before its second row's: either ends at once (most rows
    /// of most tables: this is asked at every row of every search).
    func leadRunEnd(from p: Int, lead: Int) -> Int {
        let r = p / columns
        guard p + 2 * lead <= numbers.count, afterText[p + lead] else { return r }
        var end = r, q = p
        while end < rows, q + lead <= numbers.count {
            var together = true
            for j in 1..<lead where afterText[q + j] { together = false; break }
            guard together else { break }
            end += 1
            q += lead
        }
        return end
    }

    /// The rows just under the header drawn beside a first-column run
    /// (LibreOffice's PDF through pdftotext -raw, table 三 opening a page):
    /// the first `headLead` columns of the `head` rows under the header,
    /// row by row after their header cells (自然人 商业企业: 684 463 ⏎ 21
    /// 14 …), then the leading values of the rows below, each after its
    /// label, then, after the other header cells, the head rows' other
    /// columns row by row, then the run's other columns, read as a run's
    /// are. The head rows' first values, the run's first leading value and
    /// the head rows' other columns each open after text, and the run's
    /// leading values follow their labels as a run's do. Only at row 0
    /// (`search`); cost 2 plus the run's. Reports each reading whose head
    /// rows hold and whose run joins (`joins(b)`) a reading of rows b….
    func headerBesideRun(joins: (Int) -> Bool, _ report: ([Int], Int, Step, Int) -> Void) {
        guard rows > 3, columns > 2, !numbers.isEmpty, afterText[0] else { return }
        for head in stride(from: 2, through: min(limits.maxGroupRows, rows - 2), by: 1) {
            for headLead in 1...min(limits.maxLeadColumns, columns - 2) {
                // The head rows' leading values drawn together, each row's first after the last's.
                var together = true
                for i in 0..<head { for j in 1..<headLead where afterText[i * headLead + j] { together = false } }
                guard together else { continue }
                let runLeads = head * headLead, headWidth = columns - headLead
                guard runLeads < numbers.count, afterText[runLeads] else { continue }
                for lead in 1...plan.runGroups.count where runLeads + lead <= numbers.count {
                    var firstTogether = true
                    for j in 1..<lead where afterText[runLeads + j] { firstTogether = false }
                    guard firstTogether else { continue }
                    var separated = 0
                    for b in stride(from: head + 2, through: rows, by: 1) {
                        // The run's leading values, one row's worth more at each b.
                        let opener = runLeads + (b - head - 1) * lead
                        guard opener + lead <= numbers.count else { break }
                        if afterText[opener] { separated += 1 }
                        var leadTogether = true
                        for j in 1..<lead where afterText[opener + j] { leadTogether = false }
                        guard leadTogether else { break }
                        let headRest = runLeads + (b - head) * lead
                        guard joins(b), headRest < numbers.count, afterText[headRest],
                              Double(separated) >= limits.minInterleavedShare * Double(b - head - 1) else { continue }
                        var holds = true
                        for i in 0..<head where !rowHolds(i, { $0 < headLead ? numbers[i * headLead + $0] : numbers[headRest + i * headWidth + $0 - headLead] }) {
                            holds = false; break
                        }
                        guard holds else { continue }
                        let runRest = headRest + head * headWidth
                        for inner in firstColumnRun(head, b, lead: lead, plan.runGroups[lead - 1], plan.runGroupOffsets[lead - 1],
                                                    leadFrom: runLeads, restFrom: runRest) {
                            var cells = [Int](repeating: 0, count: b * columns)
                            for i in 0..<head {
                                for c in 0..<columns { cells[i * columns + c] = c < headLead ? i * headLead + c : headRest + i * headWidth + c - headLead }
                            }
                            for i in head..<b {
                                for c in 0..<lead { cells[i * columns + c] = runLeads + (i - head) * lead + c }
                                for c in lead..<columns { cells[i * columns + c] = inner.cells[(i - head) * (columns - lead) + c - lead] }
                            }
                            let run = Step.firstColumn(first: head, end: b, columns: lead, rest: inner.steps)
                            report(cells, 2 + inner.cost, .besideRun(head: head, columns: headLead, run: run), b)
                        }
                    }
                }
            }
        }
    }

    /// Readings of rows a..<b without their first `lead` columns, whose
    /// values stand at tokens a×columns ..< a×columns + lead × (b − a), row
    /// by row: rows and groups over the other columns, each row checked
    /// with its leading values; the cheapest `maxRunCandidates` (every run
    /// start tries every run end, and each reading returned is joined to
    /// every reading of the rest).
    /// `restOffsets`: `rest` as flat offsets, what the rows are tested on
    /// (a head's cells are built only when a reading keeps it, as in the search).
    /// `leadFrom`, `restFrom`: where the leading values and the other
    /// columns start, when not right where the run's rows do
    /// (`headerBesideRun`: the header rows' cells stand between them).
    func firstColumnRun(_ a: Int, _ b: Int, lead: Int = 1, _ rest: [Layout], _ restOffsets: LayoutOffsets,
                        leadFrom: Int? = nil, restFrom: Int? = nil) -> [Candidate] {
        let width = columns - lead
        let base = restFrom ?? a * columns + lead * (b - a)
        var readings = Readings(rows: b - a)
        for r in stride(from: b - 1, through: a, by: -1) {
            let p = base + (r - a) * width
            for k in 1...min(limits.maxGroupRows, b - r) where !readings.lists[r - a + k].isEmpty {
                // One layout of one block for a single row: its cell c is token p + c.
                // Equal numbers read the same in every layout (`forEachHoldingGroup`).
                let count = k == 1 ? 1 : equalValues(from: p, count: k * width) ? min(1, restOffsets.count) : restOffsets.count
                // Row r + i's leading values are tokens firstValues + i × lead …. Unchecked
                // buffers, as in `forEachHoldingGroup`: almost no layout holds.
                let firstValues = (leadFrom ?? a * columns) + (r - a) * lead
                // Layouts whose first row holds, where the columns' walk can tell
                // (`forEachHoldingGroup`): almost every layout fails there.
                let walked = count > 1 ? firstRowsHolding(restOffsets, k: k, row: r, from: p, lead: lead, leadFrom: firstValues) : nil
                let firstRowHolds = walked ?? ~0
                // Its first row, where the walk passed it, holds already (`forEachHoldingGroup`).
                let firstTested = walked == nil ? 0 : 1
                restOffsets.starts[k].withUnsafeBufferPointer { starts in
                    restOffsets.strides.withUnsafeBufferPointer { strides in
                        numbers.withUnsafeBufferPointer { numbers in
                            for g in 0..<count where firstRowHolds >> UInt64(min(g, 63)) & 1 == 1 {
                                let offset = g * width
                                @inline(__always) func cell(_ i: Int, _ c: Int) -> Int {
                                    k == 1 ? p + c : p + starts[offset + c] + i * strides[offset + c]
                                }
                                var holds = true
                                for i in firstTested..<k {
                                    guard rowHolds(r + i, { $0 < lead ? numbers[firstValues + i * lead + $0] : numbers[cell(i, $0 - lead)] }) else { holds = false; break }
                                }
                                guard holds else { continue }
                                var h = Self.keySeed
                                for i in 0..<k { for c in 0..<width { h = Self.keyStep(h, numbers[cell(i, c)]) } }
                                readings.add(headKey: Self.keyEnd(h, count: k * width), cost: k == 1 ? 0 : 1, at: r - a, k: k) { cells in
                                    // A single row, one block: its cells are p … in order (no
                                    // layout of its own built at every call).
                                    guard k > 1 else { cells += p..<(p + width); return nil }
                                    rest[g].appendCells(k: k, width: width, from: p, to: &cells)
                                    return .blocks(first: r, end: r + k, blocks: rest[g].blocks, offset: lead, putOffAfterRow: nil)
                                }
                            }
                        }
                    }
                }
            }
            readings.close(r - a, cap: r == a ? limits.maxRunCandidates : limits.maxCandidates)
        }
        return readings.lists[0].indices.map { i in
            let (cells, steps) = readings.follow(0, i, rowsOf: { $0.count / width })
            return Candidate(cost: readings.lists[0][i].cost, cells: cells, steps: steps)
        }
    }
}
