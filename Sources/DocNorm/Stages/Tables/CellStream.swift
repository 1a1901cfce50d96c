/// Stage 3, table tokenization: the text of a stretch of lines as one stream
/// of scalars in reading order, with a mark where a cell may begin (line
/// start, TAB, space) and the source line of every scalar.
///
/// Every dialect flattens to the same stream: space-separated rows, a label
/// on one line with its values on the next, one cell per line, TAB grids with
/// empty cells, header cells split over lines (自然⏎人 → 自然人) or run
/// together (总计商业⏎企业), values wrapped onto the next line. Separators are
/// not kept, so a label matches whatever line breaks cut it; Markdown rule
/// cells (`---|---`) are dropped.
struct CellStream {
    private(set) var scalars: [Unicode.Scalar] = []
    /// True where a separator (line break, TAB, space) came just before.
    private(set) var cellStart: [Bool] = []
    private(set) var lineNumbers: [Int] = []
    /// Stream index of the first scalar of each input line (of `lines`), so a
    /// match can start at any line.
    private(set) var lineStart: [Int] = []

    init<Lines: Collection>(_ lines: Lines) where Lines.Element == SourceLine {
        lineStart.reserveCapacity(lines.count)
        for line in lines {
            lineStart.append(scalars.count)
            var boundary = true
            var tokenStart = scalars.count
            for s in line.text.unicodeScalars {
                if s == " " || s == "\t" || s == "|" {
                    dropRule(from: tokenStart)
                    boundary = true
                    continue
                }
                if boundary { tokenStart = scalars.count }
                scalars.append(s)
                cellStart.append(boundary)
                lineNumbers.append(line.number)
                boundary = false
            }
            dropRule(from: tokenStart)
        }
    }

    var count: Int { scalars.count }

    /// A token of three or more `-` `:` `=` is a rule line's cell (Markdown's
    /// `---|---`, text tables' `====`), not table content: it is dropped.
    private mutating func dropRule(from start: Int) {
        guard scalars.count - start >= 3, scalars[start...].allSatisfy({ $0 == "-" || $0 == ":" || $0 == "=" }) else { return }
        scalars.removeSubrange(start...)
        cellStart.removeSubrange(start...)
        lineNumbers.removeSubrange(start...)
    }

    /// The scalars in `range` as a string, encoded straight to UTF-8 (a
    /// value cell's text; appending to a UnicodeScalarView was slower).
    func text(_ range: Range<Int>) -> String {
        scalars.withUnsafeBufferPointer { buffer in
            // Unicode.Scalar is its UInt32 value.
            buffer.withMemoryRebound(to: UInt32.self) { utf8String(UnsafeBufferPointer(rebasing: $0[range])) }
        }
    }

    /// End (exclusive) of the token at `index`: up to the next cell start.
    func tokenEnd(from index: Int) -> Int {
        var end = index + 1
        while end < scalars.count && !cellStart[end] { end += 1 }
        return end
    }
}
