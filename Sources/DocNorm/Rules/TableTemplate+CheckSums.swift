/// A template check's (or bound's) two sides summed over the cells of one
/// site: the one loop every stage that tests a reading against the
/// template's arithmetic (`structure.surplus-row`, `tables.page-broken-rest`,
/// `tables.column-boxes`, `tables.diagonal-runs`, `tables.header-runs`)
/// would otherwise write again.
extension TableTemplate.CheckSite {
    /// The sums of a site's left and right sides.
    struct Sums {
        var left = 0.0
        var right = 0.0
        /// A check holds: both sides equal (decimal values summed as
        /// doubles may differ in the last bits).
        var balance: Bool { abs(left - right) < 1e-9 }
        /// A bound `left ≤ right` holds.
        var keepsBound: Bool { !(left > right + 1e-9) }
    }

    /// The sums of `count` terms, the first `leftCount` on the left side;
    /// `number(n)` is term n's value. Nil as soon as a term has none: the
    /// site cannot be evaluated on that reading.
    @inline(__always)
    static func sums(count: Int, leftCount: Int, _ number: (Int) -> Double?) -> Sums? {
        var sums = Sums()
        for n in 0..<count {
            guard let v = number(n) else { return nil }
            if n < leftCount { sums.left += v } else { sums.right += v }
        }
        return sums
    }

    /// The sums of this site's cells, `number(row, slot)` giving each
    /// cell's value (template row, value slot); nil where one has none.
    @inline(__always)
    func sums(_ number: (_ row: Int, _ slot: Int) -> Double?) -> Sums? {
        Self.sums(count: cells.count, leftCount: leftCount) { number(cells[$0].row, cells[$0].slot) }
    }
}
