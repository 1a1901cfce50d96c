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
        return parts.isEmpty ? "" : parts.joined(separator: "\n\n") + "\n"
    }
}
