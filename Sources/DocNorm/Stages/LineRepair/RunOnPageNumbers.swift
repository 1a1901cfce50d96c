/// Stage 2, a page number run onto the page's last line:
///
/// - `lines.run-on-page-number`: pdftotext's default mode joins a line that
///   ends in a hyphen to the next line of its block as one hyphenated word
///   and drops the hyphen. Where that line is the page's last and the page
///   number below it falls into the same block, the number is glued to the
///   line, and no whole-line page number is left for `lines.page-number`:
///
///         各派出所户籍窗口在工作日8:30-1-
///         ⏎
///         12:00、14:30-17:30受理当面申请…
///
///   (the line was `…8:30-`, the footer `-1-`). A line that ends with a
///   page number of `pageNumbers` (a pattern opening and closing with a
///   fixed character: -#-, 第#页) right after a Latin letter or digit,
///   before a blank line (the page's end) and more text, gets the hyphen
///   (`runOnPageNumberHyphen`) back in the number's place, where the
///   document's whole-line page numbers of that pattern leave the number
///   that place: the nearest after the line is one more, or the nearest
///   before it one less, and neither says otherwise. Where they say
///   nothing or otherwise, the line is reported and left as it is: a page
///   number silently read as part of a time or a phone number is wrong data.
extension LineRepair {
    /// Takes run-on page numbers off the lines they ended, in place.
    func restoreRunOnPageNumbers(_ lines: inout [SourceLine], context: PipelineContext) {
        guard let hyphen = file.runOnPageNumberHyphen, !hyphen.isEmpty else { return }
        let patterns = runOnPageNumbers.patterns, lastScalars = runOnPageNumbers.lastScalars, lastBytes = runOnPageNumbers.lastBytes
        guard !patterns.isEmpty else { return }
        // Per pattern, the whole-line page numbers (index, number), gathered
        // when a line first asks: most documents have no candidate.
        var wholeLine: [Int: [(index: Int, number: Int)]] = [:]
        for i in lines.indices where i + 2 < lines.count && lines[i + 1].text.isEmpty {
            // The last byte read in place (`utf8.last` was a call of some
            // 70 instructions on every line before a blank one).
            guard !lines[i].text.isEmpty, lastBytes[Int(lines[i].text.lastUTF8Byte)],
                  let last = lines[i].text.unicodeScalars.last, lastScalars.contains(last),
                  lines[(i + 2)...].contains(where: { !$0.text.isEmpty }) else { continue }
            let scalars = Array(lines[i].text.unicodeScalars)
            for (k, pattern) in patterns {
                guard let (start, number) = Self.pageNumberSuffix(pattern, of: scalars) else { continue }
                var end = start
                while end > 0 && scalars[end - 1] == " " { end -= 1 }
                guard end > 0, Self.isASCIILetterOrDigit(scalars[end - 1].value) else { continue }
                if wholeLine[k] == nil {
                    wholeLine[k] = lines.indices.compactMap { j in
                        pageNumberValue(lines[j].text, pattern: pattern).map { (j, $0) }
                    }
                }
                let found = wholeLine[k]!
                let before = found.last { $0.index < i }, after = found.first { $0.index > i }
                let agrees = after?.number == number + 1 || before?.number == number - 1
                let disagrees = after.map { $0.number <= number } ?? false || before.map { $0.number >= number } ?? false
                let text = lines[i].text
                let head = String(String.UnicodeScalarView(scalars[..<end])) + hyphen
                guard agrees && !disagrees else {
                    context.report(.lines, "lines.run-on-page-number", .suspicion,
                                   "line ends with '\(String(String.UnicodeScalarView(scalars[start...])))' before a page break: maybe page number \(number) an extractor ran onto a line ending in '\(hyphen)', but the document's page numbers do not place it there; left as it is",
                                   line: lines[i].number)
                    break
                }
                context.traced(.lines, "lines.run-on-page-number", line: lines[i].number, before: text, after: head)
                lines[i].text = head
                break
            }
        }
    }

    /// Where `pattern` matches the end of `scalars` (spaces skipped, as
    /// page numbers are compared): the index its match starts at and the
    /// number of its first `#`. Nil when it does not match there.
    static func pageNumberSuffix(_ pattern: [Unicode.Scalar], of scalars: [Unicode.Scalar]) -> (start: Int, number: Int)? {
        var j = scalars.count
        var number: Int?
        for p in pattern.reversed() {
            while j > 0 && scalars[j - 1] == " " { j -= 1 }
            if p == "#" {
                let end = j
                while j > 0 && scalars[j - 1].value &- 0x30 < 10 { j -= 1 }
                guard j < end, end - j <= 4 else { return nil }
                // At most four ASCII digits, their value summed in place (a
                // string of them was made and parsed per line asked).
                number = scalars[j..<end].reduce(0) { $0 * 10 + Int($1.value - 0x30) }
            } else {
                guard j > 0, scalars[j - 1] == p else { return nil }
                j -= 1
            }
        }
        return number.map { (j, $0) }
    }

    /// The number (its first `#`) of a whole-line page number of `pattern`,
    /// spaces aside; nil for a line that is none.
    func pageNumberValue(_ text: String, pattern: [Unicode.Scalar]) -> Int? {
        guard let first = text.unicodeScalars.first(where: { $0 != " " }), first == pattern.first,
              text.utf8.count <= 48 else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard let (start, number) = Self.pageNumberSuffix(pattern, of: scalars),
              scalars[..<start].allSatisfy({ $0 == " " }) else { return nil }
        return number
    }
}

/// The page-number patterns `restoreRunOnPageNumbers` reads, taken from the
/// rules' `pageNumbers` once.
struct RunOnPageNumberPatterns {
    /// The patterns bounded by fixed characters, with their index among
    /// `pageNumbers`: a number at either end (#/#) would take the digits of
    /// the text before it for its own.
    let patterns: [(offset: Int, element: [Unicode.Scalar])]
    /// Each such pattern's closing character.
    let lastScalars: Set<Unicode.Scalar>
    /// Per byte, whether it is the last UTF-8 byte of one of `lastScalars`:
    /// a line is told no candidate from its last byte, without decoding or
    /// hashing (this ran over every line followed by a blank one: 23.8 M of
    /// the 1 MB bench, most documents holding no candidate).
    let lastBytes: [Bool]

    init(_ pageNumberPatterns: [[Unicode.Scalar]]) {
        patterns = pageNumberPatterns.enumerated().filter { _, p in
            guard let first = p.first, let last = p.last else { return false }
            return first != "#" && last != "#" && p.contains("#")
        }
        lastScalars = Set(patterns.map { $0.element.last! })
        var bytes = [Bool](repeating: false, count: 256)
        for s in lastScalars { bytes[Int(String(s).utf8.last!)] = true }
        lastBytes = bytes
    }
}
