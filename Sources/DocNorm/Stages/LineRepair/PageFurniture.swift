/// Stage 2, page furniture: what stands on the page (or in a converter's
/// markup) but is not part of the text.
///
/// - `lines.markdown-emphasis`: a line an HTML-to-Markdown converter wrapped
///   in emphasis (html2text: `**标题****2024****年**`) loses every marker.
///   Only whole wrapped lines are touched, so a lone `**` in text stays.
/// - `lines.page-number`: whole-line page numbers (`- 3 -`, `\- 3 -`,
///   `第3页共12页`, `3/12`, a lone number as the document's last line) are removed.
/// - `lines.running-header`: a short line that stands next to most page breaks
///   (a removed page number, the document's start or end), the same each time,
///   is a running header or footer (单位名称 over every page) and is removed.
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
        var breaks: [Int] = [0]
        var lines: [SourceLine] = []
        lines.reserveCapacity(unmarked.count)
        for line in unmarked {
            guard isPageNumber(line.text, last: false) else { lines.append(line); continue }
            context.traced(.lines, "lines.page-number", line: line.number, before: line.text, after: "")
            if breaks.last != lines.count { breaks.append(lines.count) }
        }
        breaks.append(lines.count)
        lines = withoutRunningHeaders(lines, breaks: breaks, context: context)
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
    /// (`**…**`); nil when it is not, or when nothing but spaces is inside.
    /// The spaces stage 1 kept beside a marker (`** a **`) are spaced again
    /// as stage 1 spaces text, else a second run would trim them.
    func withoutEmphasis(_ text: String) -> String? {
        for marker in file.markdownEmphasis where !marker.isEmpty {
            guard text.count > 2 * marker.count, text.hasPrefix(marker), text.hasSuffix(marker) else { continue }
            let plain = string(CharacterNormalizer.canonicalSpacing(scalarValues(text.replacing(marker, with: "")), cjk: cjk))
            return plain.isEmpty ? nil : plain
        }
        return nil
    }

    func isPageNumber(_ text: String, last: Bool) -> Bool {
        // Stops at the 25th non-space character: most lines are no page number.
        var compact: [Unicode.Scalar] = []
        for s in text.unicodeScalars where s != " " {
            if compact.count == 24 { return false }
            compact.append(s)
        }
        guard !compact.isEmpty else { return false }
        if last && compact.allSatisfy({ ("0"..."9").contains($0) }) && compact.count <= 4 { return true }
        for pattern in pageNumberPatterns where matches(pattern, compact) { return true }
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

    /// Lines around each page break (the nearest `window` non-blank lines on
    /// each side) that repeat, word for word, at most breaks are removed.
    func withoutRunningHeaders(_ lines: [SourceLine], breaks: [Int], context: PipelineContext) -> [SourceLine] {
        let rule = file.runningHeaders
        // Page breaks proper (not only the document's two ends) are the evidence.
        guard breaks.count - 2 >= rule.minRepeats - 1 else { return lines }
        var near: [Int: Set<Int>] = [:]        // line index → breaks it is near
        for (b, position) in breaks.enumerated() {
            var found = 0, i = position - 1
            while i >= 0 && found < rule.window { if !lines[i].text.isEmpty { near[i, default: []].insert(b); found += 1 }; i -= 1 }
            found = 0; i = position
            while i < lines.count && found < rule.window { if !lines[i].text.isEmpty { near[i, default: []].insert(b); found += 1 }; i += 1 }
        }
        var pagesByText: [String: Set<Int>] = [:]
        for (i, bs) in near {
            let text = lines[i].text
            // A header or footer names something; a sentence (无。) or a table
            // value (0) that happens to stand next to page breaks is text.
            guard !text.utf8.contains(9), columns(text) <= rule.maxColumns, !startsWithNumbering(text),
                  !endsSentence(text), !text.unicodeScalars.contains("，"),
                  text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { continue }
            pagesByText[text, default: []].formUnion(bs)
        }
        let needed = max(rule.minRepeats, Int((rule.minShareOfPages * Double(breaks.count)).rounded(.up)))
        let running = Set(pagesByText.filter { $0.value.count >= needed }.keys)
        guard !running.isEmpty else { return lines }
        return lines.enumerated().compactMap { i, line in
            guard near[i] != nil, running.contains(line.text) else { return line }
            context.traced(.lines, "lines.running-header", line: line.number, before: line.text, after: "")
            return nil
        }
    }
}
