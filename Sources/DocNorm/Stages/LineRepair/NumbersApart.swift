import ICUKit

/// Stage 2, a line's numbers apart from their words:
///
/// - `lines.numbers-apart`: a line of nothing but numbers and the measure
///   words after them (the closing date 2026年1月20日), set at the top of a
///   Chromium-printed PDF's page, has its digits (the Latin font) on another
///   baseline, and pdftotext (`-raw` and `-layout`) emits the words and the
///   numbers as two lines, next to each other or with one blank line between:
///
///         年月 日
///         2026 1 20
///
///   When one line is n ≥ 2 of `displacedRun.numberedUnits` (stage 1 has
///   removed the spaces between them) and the other exactly n runs of digits
///   (or decimals) separated by spaces, and nothing else, they are one line,
///   each number before its word: 2026年1月20日. Either may come first. A
///   line of canonical text never holds only such words, so a second reading
///   finds nothing to join.
extension LineRepair {
    /// Interleaves such pairs of lines in place (no copy); most documents have none.
    func restoreNumbersApart(_ lines: inout [SourceLine], context: PipelineContext) {
        guard let units = file.displacedRun.numberedUnits, !units.isEmpty else { return }
        var kept = 0
        var i = lines.startIndex
        while i < lines.endIndex {
            // The partner: the next line, or the one after a single blank line.
            var partner: Int?
            // Short lines only (a date is nine bytes each way); most lines are longer.
            let limit = 3 * file.displacedRun.maxColumns
            if !lines[i].text.isEmpty, lines[i].text.utf8.count <= limit {
                if i + 1 < lines.endIndex, !lines[i + 1].text.isEmpty { partner = i + 1 }
                else if i + 2 < lines.endIndex, lines[i + 1].text.isEmpty, !lines[i + 2].text.isEmpty { partner = i + 2 }
                if let j = partner, lines[j].text.utf8.count > limit { partner = nil }
            }
            // One of the two must open with a unit: its first byte, asked
            // before the lines are read (a pair of a table's values opens
            // with digits).
            if let j = partner, opensWithUnitByte(lines[i].text) || opensWithUnitByte(lines[j].text),
               let joined = Self.interleaved(lines[i].text, lines[j].text, units: numberedUnits) {
                context.traced(.lines, "lines.numbers-apart", line: lines[i].number,
                               before: lines[i].text + "⏎" + lines[j].text, after: joined)
                var line = lines[i]
                line.text = joined
                lines[kept] = line
                kept += 1
                i = j + 1
                continue
            }
            if kept != i { lines.swapAt(kept, i) }
            kept += 1
            i += 1
        }
        if kept < lines.count { lines.removeLast(lines.count - kept) }
    }

    /// Whether the text's first byte is the first byte of a unit of
    /// `displacedRun.numberedUnits` (`numberedUnitLeads`).
    func opensWithUnitByte(_ text: String) -> Bool {
        guard let lead = text.utf8.first else { return false }
        return numberedUnitLeads[Int(lead)]
    }

    /// The one line that `first` and `second` are, when one holds n ≥ 2 unit
    /// words and nothing else and the other exactly n numbers; nil otherwise.
    static func interleaved(_ first: String, _ second: String, units: ScalarSet) -> String? {
        // The word test first, without a copy: nearly every line fails it,
        // at its first scalar. Read on the UTF-8 in place against the bit
        // set (a hashed `Set` and the scalar view cost some 550 instructions
        // a line, and every pair of short lines, a table's values, is asked).
        func unitsOnly(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { utf8 -> Bool in
                var i = 0
                while i < utf8.count {
                    let (v, length) = decodeUTF8Scalar(utf8, at: i)
                    guard units.contains(v) else { return false }
                    i += length
                }
                return true
            }
        }
        func words(_ text: String) -> [Unicode.Scalar]? {
            text.unicodeScalars.count >= 2 && unitsOnly(text) ? Array(text.unicodeScalars) : nil
        }
        func numbers(_ text: String) -> [Substring]? {
            let runs = text.split(separator: " ")
            guard runs.count >= 2 else { return nil }
            for run in runs {
                let parts = run.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 &- 0x30 < 10 } }) else { return nil }
            }
            return runs
        }
        guard unitsOnly(first) || unitsOnly(second) else { return nil }
        let pair: ([Unicode.Scalar], [Substring])
        if let w = words(first), let n = numbers(second) { pair = (w, n) }
        else if let n = numbers(first), let w = words(second) { pair = (w, n) }
        else { return nil }
        guard pair.0.count == pair.1.count else { return nil }
        var text = ""
        for (word, number) in zip(pair.0, pair.1) {
            text += number
            text.unicodeScalars.append(word)
        }
        return text
    }
}
