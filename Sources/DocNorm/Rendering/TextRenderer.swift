/// Canonical text: blocks separated by exactly one blank line, LF line ends,
/// exactly one LF at the end, table cells separated by TAB.
public enum TextRenderer {
    public static func render(_ document: Document) -> String {
        var parts: [String] = []
        for block in document.blocks {
            switch block.kind {
            case .title(let text), .paragraph(let text, _): parts.append(text)
            case .heading(_, _, let text): parts.append(text)
            case .table(let table): parts.append(table.grid.map { $0.joined(separator: "\t") }.joined(separator: "\n"))
            }
        }
        guard !parts.isEmpty else { return "" }
        // One allocation of the final size, then appends.
        var text = ""
        text.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count + 2 })
        for (i, part) in parts.enumerated() {
            if i > 0 { text += "\n\n" }
            text += part
        }
        text += "\n"
        return text
    }
}
