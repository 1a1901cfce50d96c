/// Canonical text: blocks separated by exactly one blank line, LF line ends,
/// exactly one LF at the end, table cells separated by TAB.
///
/// The text is sized first, then written straight into one allocation: no
/// array of the blocks' texts beside it, no table joined on its own, and for
/// the bytes the CLI writes no `String` beside them (peak memory: the output
/// is held with the whole document).
public enum TextRenderer {
    public static func render(_ document: Document) -> String {
        var text = ""
        text.reserveCapacity(size(document))
        write(document) { text += $0 }
        return text
    }

    /// The text as the UTF-8 bytes to write.
    public static func renderUTF8(_ document: Document) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size(document))
        write(document) { bytes.append(contentsOf: $0.utf8) }
        return bytes
    }

    /// Size of the text in UTF-8 bytes.
    static func size(_ document: Document) -> Int {
        var size = 0
        write(document) { size += $0.utf8.count }
        return size
    }

    /// The pieces of the text in order: each block's text or cells, and the
    /// separators between them (nothing for a document without blocks).
    static func write(_ document: Document, _ piece: (String) -> Void) {
        guard !document.blocks.isEmpty else { return }
        for (i, block) in document.blocks.enumerated() {
            if i > 0 { piece("\n\n") }
            switch block.kind {
            case .title(let text), .paragraph(let text, _), .heading(_, _, let text): piece(text)
            case .table(let table):
                for (r, row) in table.grid.enumerated() {
                    if r > 0 { piece("\n") }
                    for (c, cell) in row.enumerated() {
                        if c > 0 { piece("\t") }
                        piece(cell)
                    }
                }
            }
        }
        piece("\n")
    }
}
