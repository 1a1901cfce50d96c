/// The column-block layouts the reading-order search tries for tables of one
/// shape, built once per pipeline: the search runs for every row of every
/// window of every table it is asked about, and building them there was
/// most of its time.
/// A class, not a struct: every grammar holds its plan (eleven arrays),
/// and each copy of a grammar retained and released every one of them;
/// a reference is one. Nothing in it changes once built.
final class ReadingOrderPlan: Sendable {
    typealias Layout = ReadingOrderGrammar.Layout

    /// Row groups read column block by column block, left to right (two blocks or more).
    let groups: [Layout]
    /// `groups` as flat offsets, what the search's inner loop tests.
    let groupOffsets: LayoutOffsets
    /// The same over the columns after a run's first `n` (index n − 1),
    /// for runs whose first columns come first.
    let runGroups: [[Layout]]
    /// `runGroups` as flat offsets.
    let runGroupOffsets: [LayoutOffsets]
    /// Header groups: every composition of at most `maxPermutedBlocks`
    /// blocks (two or more) in every order, its blocks in that order, then
    /// every composition of more blocks left to right (header cells drawn
    /// one by one across the table, 自然人 商业企业 科研机构 …: one order,
    /// not the factorial of the blocks, read with its last block put off). Kept
    /// as parallel arrays so the search tests the masks without touching
    /// (and retaining) a layout.
    let headerLayouts: [Layout]
    /// `headerLayouts` as flat offsets, what `headerGroups` tests (each
    /// cell through a layout's three arrays was most of its time), and
    /// each one's last block, the block that may be put off.
    let headerOffsets: LayoutOffsets
    let headerLastBlocks: [Range<Int>]
    /// The blocks are left to right (then read only with the last put off:
    /// left to right with none put off is a plain group).
    let headerInOrder: [Bool]
    /// Bit j: a block opens j columns' worth of rows after the group's
    /// start; for all blocks, and for all but the last (put off).
    let headerOpensAll: [UInt64]
    let headerOpensDeferred: [UInt64]
    /// For a table of at most `maxIndexedColumns` columns, per mask of the
    /// columns' worth of rows that open after text (bit j as in
    /// `headerOpensAll`): the header groups, with or without their last block
    /// put off, whose blocks all open there, in the order the search tries
    /// them. Testing every layout's mask at every row and group size was
    /// most of `headerGroups`, and almost none passes.
    let headerTries: [[(layout: Int, deferLast: Bool)]]?
    static let maxIndexedColumns = 8

    /// What a plan depends on besides the limits: its columns, and whether
    /// it has two rows or more (`init` asks nothing else of the rows).
    /// Templates of one shape share one plan (`ReadingOrderRecovery.plans`).
    struct Shape: Hashable {
        let manyRows: Bool
        let columns: Int
        init(rows: Int, columns: Int) {
            manyRows = rows > 1
            self.columns = columns
        }
    }

    init(rows: Int, columns: Int, limits: TableRulesFile.ReadingOrder) {
        // Groups, runs and header groups need two rows or more (a table of
        // one row, 四, reads only as a row and its rotations).
        guard rows > 1, columns <= 64 else {
            groups = []; runGroups = []; runGroupOffsets = []
            groupOffsets = LayoutOffsets([], width: columns, maxRows: limits.maxGroupRows)
            headerLayouts = []; headerInOrder = []; headerOpensAll = []; headerOpensDeferred = []
            headerOffsets = LayoutOffsets([], width: columns, maxRows: limits.maxGroupRows)
            headerLastBlocks = []
            headerTries = nil
            return
        }
        groups = ReadingOrderGrammar.compositions(columns).filter { $0.count > 1 }.map(Layout.init)
        groupOffsets = LayoutOffsets(groups, width: columns, maxRows: limits.maxGroupRows)
        let leads = 1...max(1, min(limits.maxLeadColumns, columns - 1))
        let runs = leads.map { n in columns - n > 1 ? ReadingOrderGrammar.compositions(columns - n).filter { $0.count > 1 }.map(Layout.init) : [] }
        runGroups = runs
        runGroupOffsets = leads.map { n in LayoutOffsets(runs[n - 1], width: columns - n, maxRows: limits.maxGroupRows) }
        let orders = (0...max(1, limits.maxPermutedBlocks)).map { ReadingOrderGrammar.permutations($0) }
        var layouts: [Layout] = [], inOrder: [Bool] = [], opensAll: [UInt64] = [], opensDeferred: [UInt64] = []
        for composition in ReadingOrderGrammar.compositions(columns, maxBlocks: limits.maxPermutedBlocks) where composition.count > 1 {
            for order in orders[composition.count] {
                let blocks = order.map { composition[$0] }
                var opens: UInt64 = 0, before = 0
                for block in blocks.dropLast() {
                    opens |= 1 << UInt64(before)
                    before += block.count
                }
                layouts.append(Layout(blocks))
                inOrder.append(order.indices.allSatisfy { order[$0] == $0 })
                opensAll.append(opens | 1 << UInt64(before))
                opensDeferred.append(opens)
            }
        }
        for composition in ReadingOrderGrammar.compositions(columns) where composition.count > max(1, limits.maxPermutedBlocks) {
            var opens: UInt64 = 0
            for block in composition.dropLast() { opens |= 1 << UInt64(block.lowerBound) }
            layouts.append(Layout(composition))
            inOrder.append(true)
            opensAll.append(opens | 1 << UInt64(composition[composition.count - 1].lowerBound))
            opensDeferred.append(opens)
        }
        headerLayouts = layouts
        headerOffsets = LayoutOffsets(layouts, width: columns, maxRows: limits.maxGroupRows)
        headerLastBlocks = layouts.map { $0.blocks[$0.blocks.count - 1] }
        headerInOrder = inOrder
        headerOpensAll = opensAll
        headerOpensDeferred = opensDeferred
        if columns <= Self.maxIndexedColumns {
            // Each try listed under every mask holding its blocks' bits (the
            // subsets of the other bits, each added to those), tries in the
            // order the search makes them: every mask asked of every try was
            // most of building the plans.
            let all = (UInt64(1) << UInt64(columns)) - 1
            var tries = [[(layout: Int, deferLast: Bool)]](repeating: [], count: Int(all) + 1)
            for h in layouts.indices {
                for deferLast in ReadingOrderGrammar.deferChoices where !(inOrder[h] && !deferLast) {
                    let needed = deferLast ? opensDeferred[h] : opensAll[h]
                    guard needed & ~all == 0 else { continue }
                    let free = all & ~needed
                    var others: UInt64 = 0
                    repeat {
                        tries[Int(needed | others)].append((h, deferLast))
                        others = (others &- free) & free
                    } while others != 0
                }
            }
            headerTries = tries
        } else {
            headerTries = nil
        }
    }
}

/// Layouts of one width as flat offsets: cell (i, c) of layout g in a group
/// of k rows from token p is token `p + starts[k][g × width + c] + i ×
/// strides[g × width + c]` (what `Layout.index` works out from its block
/// arrays). The search tests every layout at every row and group size, and
/// almost none holds: looking up each cell through three arrays of a
/// `Layout` was most of the search.
struct LayoutOffsets: Sendable {
    let count: Int
    let width: Int
    /// Per group size k (0 and 1 empty): each cell's offset in row 0.
    let starts: [[Int]]
    /// Each cell's step from one row of the group to the next: its block's width.
    let strides: [Int]
    /// The layouts are every composition of at most 7 columns into two
    /// blocks or more, left to right, layout g the one cut where bit c − 1
    /// of g + 1 is set (`ReadingOrderGrammar.firstRowsHolding` walks them).
    let leftToRightCompositions: Bool

    init(_ layouts: [ReadingOrderGrammar.Layout], width: Int, maxRows: Int) {
        count = layouts.count
        self.width = width
        leftToRightCompositions = width >= 2 && width <= 7 && layouts.count == (1 << (width - 1)) - 1
            && layouts.indices.allSatisfy { g in
                let cuts = g + 1
                var blocks: [Range<Int>] = [], start = 0
                for c in 1..<width where cuts >> (c - 1) & 1 == 1 { blocks.append(start..<c); start = c }
                blocks.append(start..<width)
                return layouts[g].blocks == blocks
            }
        var strides = [Int](repeating: 0, count: layouts.count * width)
        for (g, layout) in layouts.enumerated() {
            for c in 0..<width { strides[g * width + c] = layout.blocks[layout.blockOf[c]].count }
        }
        self.strides = strides
        starts = (0...max(1, maxRows)).map { k in
            guard k > 1 else { return [] }
            var starts = [Int](repeating: 0, count: layouts.count * width)
            for (g, layout) in layouts.enumerated() {
                for c in 0..<width { starts[g * width + c] = layout.index(0, c, k: k, from: 0) }
            }
            return starts
        }
    }
}
