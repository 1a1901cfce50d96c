/// Canonical text: blocks separated by exactly one blank line, LF line ends,
/// exactly one LF at the end, table cells separated by TAB.
public enum TextRenderer {
    public static func render(_ document: Document) -> String {
        guard !document.blocks.isEmpty else { return "" }
        // Sized first, then written straight into one allocation: no array
        // of the blocks' texts beside it, no table joined on its own (peak
        // memory: the output, the document and those were held at once).
        var size = 0
        for block in document.blocks {
            switch block.kind {
            case .title(let text), .paragraph(let text, _), .heading(_, _, let text): size += text.utf8.count
            case .table(let table):
                for row in table.grid { size += row.reduce(row.count) { $0 + $1.utf8.count } }
            }
            size += 2
        }
        var text = ""
        text.reserveCapacity(size)
        for (i, block) in document.blocks.enumerated() {
            if i > 0 { text += "\n\n" }
            switch block.kind {
            case .title(let part), .paragraph(let part, _), .heading(_, _, let part): text += part
            case .table(let table):
                for (r, row) in table.grid.enumerated() {
                    if r > 0 { text += "\n" }
                    for (c, cell) in row.enumerated() {
                        if c > 0 { text += "\t" }
                        text += cell
                    }
                }
            }
        }
        text += "\n"
        return text
    }
}
