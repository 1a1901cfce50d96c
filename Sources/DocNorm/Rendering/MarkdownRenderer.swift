/// Markdown: the title as `#`, headings one `#` deeper per level, run-in
/// headings in bold, tables as pipe tables (the first grid row is the pipe
/// table's header row, since Markdown needs one).
public enum MarkdownRenderer {
    public static func render(_ document: Document) -> String {
        var parts: [String] = []
        for block in document.blocks {
            switch block.kind {
            case .title(let text):
                parts.append("# " + escape(text))
            case .heading(let level, _, let text):
                parts.append(String(repeating: "#", count: min(level + 1, 6)) + " " + escape(text))
            case .paragraph(let text, let runIn):
                if let runIn {
                    // The run-in heading opens the paragraph: numbering, text, closing 。
                    let scalars = text.unicodeScalars
                    let end = scalars.index(scalars.startIndex, offsetBy: (runIn.numbering.text + runIn.text).unicodeScalars.count + 1)
                    parts.append("**" + escape(String(scalars[..<end])) + "**" + escape(String(scalars[end...])))
                } else {
                    parts.append(escape(text))
                }
            case .table(let table):
                guard let header = table.grid.first else { continue }
                var rows = [row(header), row(header.map { _ in "---" })]
                rows += table.grid.dropFirst().map(row)
                parts.append(rows.joined(separator: "\n"))
            }
        }
        return parts.isEmpty ? "" : parts.joined(separator: "\n\n") + "\n"
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingPipes() }.joined(separator: " | ") + " |"
    }

    /// Characters that would start Markdown syntax at a line start, or emphasis.
    static func escape(_ text: String) -> String {
        var out = ""
        for (i, c) in text.enumerated() {
            if "*_`[]<>\\".contains(c) || (i == 0 && "#>-+|".contains(c)) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

private extension String {
    func replacingPipes() -> String {
        var out = ""
        for c in self { out += c == "|" ? "\\|" : String(c) }
        return out
    }
}
