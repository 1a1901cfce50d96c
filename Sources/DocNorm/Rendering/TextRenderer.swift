/// Canonical text: blocks separated by exactly one blank line, LF line ends,
/// exactly one LF at the end, table cells separated by TAB.
///
/// The text is sized first, then its bytes copied straight into one
/// allocation: no array of the blocks' texts beside it, no table joined on
/// its own, and for the bytes the CLI writes no `String` beside them (peak
/// memory: the output is held with the whole document). Each piece is one
/// copy of its UTF-8 (appending to a `String` piece by piece went through
/// the string's growth checks for every TAB and table cell).
public enum TextRenderer {
    /// The text as a `String`. Its bytes are written once and copied into the string without being
    /// validated again (`String(validUTF8:)`): every piece is a `String`'s
    /// UTF-8 (block texts, cells, the ASCII separators), so their
    /// concatenation is valid UTF-8. `String(unsafeUninitializedCapacity:)`
    /// validated every byte of the output (callgrind: ~23 M of the bench's
    /// 2,526 M); the copy costs a memcpy (the bytes are held beside the string only
    /// until it returns).
    public static func render(_ document: Document) -> String {
        renderUTF8(document).withUnsafeBufferPointer { String(validUTF8: $0) }
    }

    /// The text as the UTF-8 bytes to write.
    public static func renderUTF8(_ document: Document) -> [UInt8] {
        let count = size(document)
        return [UInt8](unsafeUninitializedCapacity: count) { out, initialized in initialized = write(document, into: out) }
    }

    /// Size of the text in UTF-8 bytes.
    static func size(_ document: Document) -> Int {
        var size = 0
        write(document) { size += $0.utf8.count }
        return size
    }

    /// Copies the text's bytes into `out`, sized by `size`; returns how many.
    private static func write(_ document: Document, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var position = 0
        write(document) { piece in
            var piece = piece
            let copied = piece.withUTF8 { bytes -> Int in
                guard let source = bytes.baseAddress, !bytes.isEmpty else { return 0 }
                precondition(position + bytes.count <= out.count, "TextRenderer: the text outgrew its size")
                (out.baseAddress! + position).update(from: source, count: bytes.count)
                return bytes.count
            }
            position += copied
        }
        return position
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
