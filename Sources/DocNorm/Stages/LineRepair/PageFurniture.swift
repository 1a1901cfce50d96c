/// Stage 2, page furniture: what stands on the page (or in a converter's
/// markup) but is not part of the text.
///
/// - `lines.markdown-emphasis`: a line an HTML-to-Markdown converter wrapped
///   in emphasis (html2text: `**标题****2024****年**`) loses every marker.
///   Only whole wrapped lines are touched, so a lone `**` in text stays.
/// - `lines.page-number`: whole-line page numbers (`- 3 -`, `\- 3 -`,
///   `第3页共12页`, `3/12`, a lone number as the document's last line) are removed.
/// - `lines.duplicate-heading`: a numbered line repeated right after itself is one.
extension LineRepair {
    /// Runs before table regions are found, so a page number inside a table
    /// does not split it.
    public func removeFurniture(_ input: [SourceLine], context: PipelineContext) -> [SourceLine] {
        let unmarked = input.map { line in
            guard let plain = withoutEmphasis(line.text) else { return line }
            context.traced(.lines, "lines.markdown-emphasis", line: line.number, before: line.text, after: plain)
            var copy = line
            copy.text = plain
            return copy
        }
        var lines = unmarked.filter { line in
            guard isPageNumber(line.text, last: false) else { return true }
            context.traced(.lines, "lines.page-number", line: line.number, before: line.text, after: "")
            return false
        }
        // A lone number as the last line, judged after the other page numbers are
        // gone (else the output could end in one that a second run removes), and
        // not when the line before it is a lone number too (a table's last cells).
        if let last = lines.lastIndex(where: { !$0.text.isEmpty }), isPageNumber(lines[last].text, last: true),
           !(lines[..<last].last(where: { !$0.text.isEmpty }).map { isPageNumber($0.text, last: true) } ?? false) {
            context.traced(.lines, "lines.page-number", line: lines[last].number, before: lines[last].text, after: "")
            lines.remove(at: last)
        }
        // Duplicate consecutive headings (blank lines between do not separate them).
        var kept: [SourceLine] = []
        kept.reserveCapacity(lines.count)
        var previous: String?
        for line in lines {
            if !line.text.isEmpty {
                if startsWithNumbering(line.text), previous == line.text {
                    context.traced(.lines, "lines.duplicate-heading", line: line.number, before: line.text, after: "")
                    continue
                }
                previous = line.text
            }
            kept.append(line)
        }
        return kept
    }

    /// The line without its emphasis markers when it is wholly wrapped in one
    /// (`**…**`); nil when it is not.
    func withoutEmphasis(_ text: String) -> String? {
        for marker in file.markdownEmphasis where !marker.isEmpty {
            guard text.count > 2 * marker.count, text.hasPrefix(marker), text.hasSuffix(marker) else { continue }
            let plain = text.replacing(marker, with: "")
            return plain.isEmpty ? nil : plain
        }
        return nil
    }

    func isPageNumber(_ text: String, last: Bool) -> Bool {
        let compact = Array(text.unicodeScalars.filter { $0 != " " })
        guard !compact.isEmpty, compact.count <= 24 else { return false }
        if last && compact.allSatisfy({ ("0"..."9").contains($0) }) && compact.count <= 4 { return true }
        for pattern in file.pageNumbers where matches(Array(pattern.unicodeScalars), compact) { return true }
        return false
    }

    /// `#` matches one or more ASCII digits; every other character itself.
    func matches(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        var i = 0
        for p in pattern {
            if p == "#" {
                let start = i
                while i < text.count && ("0"..."9").contains(text[i]) { i += 1 }
                if i == start { return false }
            } else {
                guard i < text.count, text[i] == p else { return false }
                i += 1
            }
        }
        return i == text.count
    }
}
