#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension String {
    /// Whether the text holds a TAB (a table row's cell separator), found
    /// with `memchr` (`holdsUTF8Byte`): stage 2 asks this of every line
    /// several times (a byte-by-byte `contains`, and before it the generic
    /// `utf8.contains`, walked the whole line each time).
    var containsTab: Bool { holdsUTF8Byte(9) }

    /// `split(separator: "\t", omittingEmptySubsequences: false)`, found on
    /// the UTF-8 bytes: a TAB is a Character of its own (a control has a
    /// grapheme boundary on either side), so the cells are the same, without
    /// walking the text Character by Character (a table row read back).
    /// The TABs are found with `memchr` over the contiguous bytes, and each
    /// cell's bounds made from its byte offsets (O(1) in a native string):
    /// stepping a UTF-8 view index byte by byte cost about 20 instructions a
    /// byte, and `tables.settle` reads every grid row of its read-back
    /// (HeaderRunRecovery.gridRows). The bounds are the same indices.
    var tabCells: [Substring] {
        let utf8 = self.utf8
        let offsets: [Int]? = utf8.withContiguousStorageIfAvailable { bytes in
            var tabs: [Int] = []
            guard let base = bytes.baseAddress else { return tabs }
            var from = 0
            while from < bytes.count, let hit = memchr(base + from, 9, bytes.count - from) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                tabs.append(at)
                from = at + 1
            }
            return tabs
        }
        var cells: [Substring] = []
        guard let offsets else {
            var start = utf8.startIndex, i = start
            while i < utf8.endIndex {
                if utf8[i] == 9 {
                    cells.append(self[start..<i])
                    start = utf8.index(after: i)
                }
                utf8.formIndex(after: &i)
            }
            cells.append(self[start..<utf8.endIndex])
            return cells
        }
        cells.reserveCapacity(offsets.count + 1)
        var start = utf8.startIndex
        for at in offsets {
            let tab = utf8.index(utf8.startIndex, offsetBy: at)
            cells.append(self[start..<tab])
            start = utf8.index(after: tab)
        }
        cells.append(self[start..<utf8.endIndex])
        return cells
    }

    /// `split(whereSeparator: { $0 == " " || $0 == "\t" })`, found on the
    /// UTF-8 bytes. A TAB is a Character of its own (a control has a
    /// grapheme boundary on either side), and so is a space between two
    /// ASCII bytes (no ASCII scalar extends a cluster or prepends to one,
    /// and CR LF holds no space): the words are the same. A space next to
    /// another scalar may be part of a cluster (a combining mark after it),
    /// and such text is split by Characters as before. A table's value
    /// lines and its grid rows read back are split so; splitting them
    /// Character by Character was most of `HeaderRunRecovery.valuesOf`.
    var blankSeparatedWords: [Substring] {
        let utf8 = self.utf8
        let offsets: [Range<Int>]? = utf8.withContiguousStorageIfAvailable { bytes in
            var words: [Range<Int>] = []
            var start = -1
            for (i, byte) in bytes.enumerated() {
                if byte == 0x20 || byte == 0x09 {
                    if byte == 0x20 && (i > 0 && bytes[i - 1] >= 0x80 || i + 1 < bytes.count && bytes[i + 1] >= 0x80) { return nil }
                    if start >= 0 { words.append(start..<i); start = -1 }
                } else if start < 0 {
                    start = i
                }
            }
            if start >= 0 { words.append(start..<bytes.count) }
            return words
        } ?? nil
        guard let offsets else { return split(whereSeparator: { $0 == " " || $0 == "\t" }) }
        return offsets.map { range in
            self[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
    }
}

extension Array where Element == String {
    /// The cells joined by TAB, as a table row is written: the row's bytes
    /// copied into one string of its size. `tables.settle` reads every
    /// table row back; the generic `joined(separator:)` cost about 5,300
    /// instructions a row there, and appending cell by cell more (callgrind).
    /// Valid strings joined by TAB are valid UTF-8: the bytes are made into
    /// the string without validating them again (`String(validUTF8:)`).
    var joinedByTab: String {
        var size = Swift.max(0, count - 1)
        for cell in self { size += cell.utf8.count }
        if size == 0 { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: size) { out in
            var n = 0
            for (k, cell) in enumerated() {
                if k > 0 { out[n] = 9; n += 1 }
                let copied = cell.utf8.withContiguousStorageIfAvailable { bytes -> Int in
                    guard let base = bytes.baseAddress else { return 0 }
                    UnsafeMutableRawPointer(out.baseAddress! + n).copyMemory(from: base, byteCount: bytes.count)
                    return bytes.count
                }
                if let copied {
                    n += copied
                } else {
                    for byte in cell.utf8 { out[n] = byte; n += 1 }
                }
            }
            return String(validUTF8: UnsafeBufferPointer(rebasing: out[..<n]))
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces (scalar by scalar: no Characters).
    var trimmingSpaces: String {
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { $0 != " " }), let last = view.lastIndex(where: { $0 != " " }) else { return "" }
        return String(Substring(view[first...last]))
    }
}
