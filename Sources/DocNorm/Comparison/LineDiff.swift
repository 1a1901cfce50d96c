/// A line diff between two texts: Myers' linear-space O((N+M)·D) algorithm
/// (the middle snake), after anchoring on lines that occur once on each side
/// (patience diff), which keeps D small where whole paragraphs were
/// re-wrapped. Anchoring makes the script short but not always a shortest
/// one; without it the script is a shortest one. Memory is O(N+M).
public enum LineDiff {
    public enum Operation: Sendable, Equatable {
        case equal, delete, insert
    }

    /// One step of the edit script; indices are 0-based into the old and new lines.
    public struct Edit: Sendable, Equatable {
        public var operation: Operation
        public var old: Int?
        public var new: Int?
    }

    /// Changed lines with context around them, as in a unified diff.
    public struct Hunk: Sendable, Equatable {
        /// 0-based line ranges the hunk covers on each side.
        public var old: Range<Int>
        public var new: Range<Int>
        public var edits: [Edit]
    }

    public static func edits(_ old: [String], _ new: [String]) -> [Edit] {
        edits(old, new, anchoring: true)
    }

    /// Without anchoring the script is a shortest one (pure Myers); tests use that.
    static func edits(_ old: [String], _ new: [String], anchoring: Bool) -> [Edit] {
        // Lines become integers once, so every comparison after is cheap.
        var ids: [String: Int] = [:]
        func id(_ line: String) -> Int {
            if let known = ids[line] { return known }
            ids[line] = ids.count
            return ids.count - 1
        }
        var differ = Differ(a: old.map(id), b: new.map(id), anchoring: anchoring)
        differ.diff(0, old.count, 0, new.count)
        return differ.edits
    }

    /// Character edits between two symbol strings: from an insert/delete
    /// script, each changed stretch counting max(deleted, inserted) symbols
    /// (a substitution counts once). The script is a shortest one unless
    /// `anchoring`: anchoring on symbols occurring once on each side can pin a
    /// character far from its place, so the count can grow as the text gets
    /// closer. Either way it bounds the Levenshtein distance from above
    /// (EditDistance gives the distance, which `docnorm eval` measures). No
    /// default, as `edits(symbols:)` has none: `true` where thresholds were
    /// tuned on the anchored count (stage 4's closeness to a known title).
    public static func characterEdits(_ a: [Int], _ b: [Int], anchoring: Bool) -> Int {
        if a == b { return 0 }
        var total = 0, deleted = 0, inserted = 0
        for edit in edits(symbols: a, b, anchoring: anchoring) {
            switch edit.operation {
            case .equal: total += max(deleted, inserted); deleted = 0; inserted = 0
            case .delete: deleted += 1
            case .insert: inserted += 1
            }
        }
        return total + max(deleted, inserted)
    }

    /// An edit script between two sequences of symbols (e.g. scalar values),
    /// for character-level comparisons; a shortest one unless `anchoring`.
    /// An anchored script is short but its length is no measure (see
    /// `characterEdits`); no default, so each caller says which it needs.
    public static func edits(symbols old: [Int], _ new: [Int], anchoring: Bool) -> [Edit] {
        var differ = Differ(a: old, b: new, anchoring: anchoring)
        differ.diff(0, old.count, 0, new.count)
        return differ.edits
    }

    /// Groups an edit script into hunks with `context` unchanged lines around
    /// each change; changes closer than 2·context share a hunk.
    public static func hunks(_ edits: [Edit], context: Int = 3) -> [Hunk] {
        let changed = edits.indices.filter { edits[$0].operation != .equal }
        guard !changed.isEmpty else { return [] }
        var groups: [ClosedRange<Int>] = []
        var start = changed[0], end = changed[0]
        for index in changed.dropFirst() {
            if index - end > 2 * context { groups.append(start...end); start = index }
            end = index
        }
        groups.append(start...end)
        var oldBefore = [Int](repeating: 0, count: edits.count + 1)
        var newBefore = [Int](repeating: 0, count: edits.count + 1)
        for (i, edit) in edits.enumerated() {
            oldBefore[i + 1] = oldBefore[i] + (edit.operation == .insert ? 0 : 1)
            newBefore[i + 1] = newBefore[i] + (edit.operation == .delete ? 0 : 1)
        }
        return groups.map { group in
            let lo = max(0, group.lowerBound - context), hi = min(edits.count, group.upperBound + 1 + context)
            return Hunk(old: oldBefore[lo]..<oldBefore[hi], new: newBefore[lo]..<newBefore[hi], edits: Array(edits[lo..<hi]))
        }
    }

    struct Differ {
        let a: [Int]
        let b: [Int]
        let anchoring: Bool
        var edits: [Edit] = []

        init(a: [Int], b: [Int], anchoring: Bool) {
            self.a = a
            self.b = b
            self.anchoring = anchoring
            edits.reserveCapacity(a.count + b.count)
        }

        mutating func diff(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) {
            var aLo = aLo, bLo = bLo, aHi = aHi, bHi = bHi
            var prefix = 0
            while aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] == b[bLo + prefix] { prefix += 1 }
            for i in 0..<prefix { edits.append(Edit(operation: .equal, old: aLo + i, new: bLo + i)) }
            aLo += prefix; bLo += prefix
            var suffix = 0
            while aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] == b[bHi - suffix - 1] { suffix += 1 }
            aHi -= suffix; bHi -= suffix
            defer { for i in 0..<suffix { edits.append(Edit(operation: .equal, old: aHi + i, new: bHi + i)) } }

            if aLo == aHi {
                for j in bLo..<bHi { edits.append(Edit(operation: .insert, old: nil, new: j)) }
                return
            }
            if bLo == bHi {
                for i in aLo..<aHi { edits.append(Edit(operation: .delete, old: i, new: nil)) }
                return
            }
            let anchors = anchoring ? uniqueAnchors(aLo, aHi, bLo, bHi) : []
            if !anchors.isEmpty {
                var (i, j) = (aLo, bLo)
                for (x, y) in anchors {
                    diff(i, x, j, y)
                    edits.append(Edit(operation: .equal, old: x, new: y))
                    (i, j) = (x + 1, y + 1)
                }
                diff(i, aHi, j, bHi)
                return
            }
            if let (x, y) = middleSnake(aLo, aHi, bLo, bHi) {
                diff(aLo, x, bLo, y)
                diff(x, aHi, y, bHi)
            } else {
                for i in aLo..<aHi { edits.append(Edit(operation: .delete, old: i, new: nil)) }
                for j in bLo..<bHi { edits.append(Edit(operation: .insert, old: nil, new: j)) }
            }
        }

        /// Lines occurring exactly once on each side, paired, reduced to their
        /// longest chain increasing on both sides (patience sorting).
        func uniqueAnchors(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) -> [(Int, Int)] {
            var counts: [Int: (a: Int, b: Int, aIndex: Int, bIndex: Int)] = [:]
            for i in aLo..<aHi {
                let c = counts[a[i]] ?? (0, 0, i, 0)
                counts[a[i]] = (c.a + 1, c.b, i, c.bIndex)
            }
            for j in bLo..<bHi {
                guard let c = counts[b[j]] else { continue }
                counts[b[j]] = (c.a, c.b + 1, c.aIndex, j)
            }
            let pairs = counts.values.filter { $0.a == 1 && $0.b == 1 }.map { ($0.aIndex, $0.bIndex) }.sorted { $0.0 < $1.0 }
            guard !pairs.isEmpty else { return [] }
            // Longest increasing subsequence in b order.
            var tails: [Int] = []          // index into pairs of the smallest tail of each length
            var previous = [Int](repeating: -1, count: pairs.count)
            for (k, pair) in pairs.enumerated() {
                var lo = 0, hi = tails.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if pairs[tails[mid]].1 < pair.1 { lo = mid + 1 } else { hi = mid }
                }
                if lo > 0 { previous[k] = tails[lo - 1] }
                if lo == tails.count { tails.append(k) } else { tails[lo] = k }
            }
            var chain: [(Int, Int)] = []
            var k = tails.last!
            while k >= 0 { chain.append(pairs[k]); k = previous[k] }
            return chain.reversed()
        }

        /// Myers' middle snake: a point on an optimal path that splits the
        /// problem in two, found by searching from both ends at once.
        /// Nil when the two ranges share nothing.
        func middleSnake(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) -> (Int, Int)? {
            let n = aHi - aLo, m = bHi - bLo
            let maxD = (n + m + 1) / 2
            let offset = maxD, length = 2 * maxD + 2
            var forward = [Int](repeating: -1, count: length)
            var backward = [Int](repeating: -1, count: length)
            forward[offset + 1] = 0
            backward[offset + 1] = 0
            let delta = n - m
            let checkOnForward = delta % 2 != 0
            var k1start = 0, k1end = 0, k2start = 0, k2end = 0
            for d in 0..<maxD {
                var k1 = -d + k1start
                while k1 <= d - k1end {
                    let k1o = offset + k1
                    var x1 = (k1 == -d || (k1 != d && forward[k1o - 1] < forward[k1o + 1])) ? forward[k1o + 1] : forward[k1o - 1] + 1
                    var y1 = x1 - k1
                    while x1 < n && y1 < m && a[aLo + x1] == b[bLo + y1] { x1 += 1; y1 += 1 }
                    forward[k1o] = x1
                    if x1 > n { k1end += 2 } else if y1 > m { k1start += 2 } else if checkOnForward {
                        let k2o = offset + delta - k1
                        if k2o >= 0 && k2o < length && backward[k2o] != -1 && x1 >= n - backward[k2o] {
                            return (aLo + x1, bLo + y1)
                        }
                    }
                    k1 += 2
                }
                var k2 = -d + k2start
                while k2 <= d - k2end {
                    let k2o = offset + k2
                    var x2 = (k2 == -d || (k2 != d && backward[k2o - 1] < backward[k2o + 1])) ? backward[k2o + 1] : backward[k2o - 1] + 1
                    var y2 = x2 - k2
                    while x2 < n && y2 < m && a[aHi - x2 - 1] == b[bHi - y2 - 1] { x2 += 1; y2 += 1 }
                    backward[k2o] = x2
                    if x2 > n { k2end += 2 } else if y2 > m { k2start += 2 } else if !checkOnForward {
                        let k1o = offset + delta - k2
                        if k1o >= 0 && k1o < length && forward[k1o] != -1 {
                            let x1 = forward[k1o]
                            let y1 = offset + x1 - k1o
                            if x1 >= n - x2 { return (aLo + x1, bLo + y1) }
                        }
                    }
                    k2 += 2
                }
            }
            return nil
        }
    }
}
