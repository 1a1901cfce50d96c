#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension String {
    /// Whether the text holds a TAB (a table row's cell separator), checked
    /// over the contiguous UTF-8 bytes with `memchr`: stage 2 asks this of
    /// every line several times (a byte-by-byte `contains`, and before it the
    /// generic `utf8.contains`, walked the whole line each time).
    var containsTab: Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, 9, bytes.count) != nil
        } ?? utf8.contains(9)
    }

    /// `split(separator: "\t", omittingEmptySubsequences: false)`, found on
    /// the UTF-8 bytes: a TAB is a Character of its own (a control has a
    /// grapheme boundary on either side), so the cells are the same, without
    /// walking the text Character by Character (a table row read back).
    var tabCells: [Substring] {
        var cells: [Substring] = []
        let utf8 = self.utf8
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
