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
}
