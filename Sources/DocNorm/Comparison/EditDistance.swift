/// The Levenshtein distance between two texts over Unicode scalars (insert,
/// delete and substitute each cost 1), for the eval's character error rate.
/// Counting from an insert/delete script (LineDiff.characterEdits) only
/// bounds it from above, and that bound can grow while the distance falls.
///
/// Two exact algorithms, the cheaper first. Ukkonen's diagonal one (1985, in
/// Landau and Vishkin's furthest-reaching form) costs about n + d², so it
/// answers at once for an output close to its gold; it gives up once d² would
/// cost more than the table. Then Myers' bit-parallel table (1999, with
/// Hyyrö's blocks of 64 rows for longer texts) costs n·m/64 whatever d is:
/// raw extractions far from their gold (d in the thousands) take that path.
public struct EditDistance {
    /// Unicode scalar values of the two texts.
    public let a: [UInt32]
    public let b: [UInt32]

    public init(_ a: String, _ b: String) {
        self.init(scalars: a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value))
    }

    public init(scalars a: [UInt32], _ b: [UInt32]) {
        self.a = a
        self.b = b
    }

    public var value: Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                // The shorter text is the table's column (fewer blocks).
                let (short, long) = a.count <= b.count ? (a, b) : (b, a)
                if short.isEmpty { return long.count }
                let blocks = (short.count + 63) / 64
                let limit = 16 + Int(Double(blocks * long.count).squareRoot() / 4)
                return Self.diagonals(short, long, limit: limit) ?? Self.bitParallel(short, long)
            }
        }
    }

    /// Ukkonen: for d = 0, 1, … the furthest row reached with d edits on each
    /// diagonal j − i within ±d, sliding over equal symbols for free. Nil when
    /// the distance exceeds `limit`.
    static func diagonals(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, limit: Int) -> Int? {
        let n = a.count, m = b.count
        // furthest[offset + k]: the furthest i with (i, i + k) reached so far;
        // `unreached` stays below any row even after the +1 of an edit.
        let offset = n + 1, unreached = -(n + m + 2)
        var furthest = [Int](repeating: unreached, count: n + m + 3)
        let target = m - n
        return furthest.withUnsafeMutableBufferPointer { furthest -> Int? in
            func slide(_ i: Int, _ k: Int) -> Int {
                var i = i
                while i < n && i + k < m && a[i] == b[i + k] { i += 1 }
                return i
            }
            furthest[offset] = slide(0, 0)
            if target == 0 && furthest[offset] == n { return 0 }
            var d = 1
            while d <= limit {
                let low = -min(d, n), high = min(d, m)
                // Diagonal k at d edits reads k − 1, k and k + 1 at d − 1;
                // k − 1 is overwritten first, so its old value is carried.
                var left = furthest[offset + low - 1]
                for k in low...high {
                    let here = furthest[offset + k]
                    var i = max(here + 1, furthest[offset + k + 1] + 1, left)
                    i = min(i, n, m - k)
                    furthest[offset + k] = slide(i, k)
                    left = here
                }
                if target >= low && target <= high && furthest[offset + target] >= n { return d }
                d += 1
            }
            return nil
        }
    }

    /// Myers' bit-vector table, one column per symbol of `b`: the vertical
    /// differences (+1, −1) of the column of `a` in blocks of 64 rows, the
    /// horizontal difference carried from each block to the next, the
    /// distance followed along the last row. `a` is not empty.
    static func bitParallel(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Int {
        let blocks = (a.count + 63) / 64
        // Per distinct symbol of `a`, its rows as a bit mask in `blocks` words.
        var row: [UInt32: Int] = [:]
        var masks: [UInt64] = []
        for (i, symbol) in a.enumerated() {
            let start: Int
            if let known = row[symbol] { start = known } else {
                start = masks.count
                row[symbol] = start
                masks.append(contentsOf: repeatElement(0, count: blocks + 1))
            }
            masks[start + i / 64] |= 1 << UInt64(i % 64)
        }
        let absent = masks.count   // all zeros: a symbol `a` does not have
        masks.append(contentsOf: repeatElement(0, count: blocks + 1))
        var plus = [UInt64](repeating: ~0, count: blocks), minus = [UInt64](repeating: 0, count: blocks)
        let lastRow: UInt64 = 1 << UInt64((a.count - 1) % 64), top: UInt64 = 1 << 63
        var distance = a.count
        masks.withUnsafeBufferPointer { masks in
            plus.withUnsafeMutableBufferPointer { plus in
                minus.withUnsafeMutableBufferPointer { minus in
                    for symbol in b {
                        let start = row[symbol] ?? absent
                        var carry = 1   // row 0 is 0, 1, 2, …: +1 across
                        for w in 0..<blocks {
                            var equal = masks[start + w]
                            let pv = plus[w], mv = minus[w]
                            let xv = equal | mv
                            if carry < 0 { equal |= 1 }
                            let xh = (((equal & pv) &+ pv) ^ pv) | equal
                            var ph = mv | ~(xh | pv), mh = pv & xh
                            let bottom = w == blocks - 1 ? lastRow : top
                            let out = ph & bottom != 0 ? 1 : (mh & bottom != 0 ? -1 : 0)
                            ph <<= 1
                            mh <<= 1
                            if carry < 0 { mh |= 1 } else if carry > 0 { ph |= 1 }
                            plus[w] = mh | ~(xv | ph)
                            minus[w] = ph & xv
                            carry = out
                        }
                        distance += carry
                    }
                }
            }
        }
        return distance
    }
}
