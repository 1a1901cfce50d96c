extension String {
    /// Whether the text holds a TAB (a table row's cell separator), checked
    /// over the contiguous UTF-8 bytes: stage 2 asks this of every line
    /// several times, and the generic `utf8.contains` walked an iterator.
    var containsTab: Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(9) } ?? utf8.contains(9)
    }
}
