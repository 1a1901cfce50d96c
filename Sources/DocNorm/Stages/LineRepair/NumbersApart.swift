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
        // Short lines only (a date is nine bytes each way); most lines are longer.
        let limit = 3 * file.displacedRun.maxColumns
        // A pair is joined only where `interleaved` finds one of its two
        // lines, both non-empty and within `limit`, to be n ≥ 2 units and
        // nothing else: where no line is, the pass below changes nothing
        // and is skipped. Most documents hold none, and this asks each line
        // its length and first byte only (the pass read every line's pair:
        // 14.7 M of the 1 MB bench, most of it on documents with no pair).
        // The units' UTF-8 widths (3 bytes each, the Han units): a line of
        // n ≥ 2 of them is at least twice the narrowest, and, all of one
        // width, a multiple of it; told from its byte count, so that most
        // short lines (a table's values) are not read for their first scalar.
        var narrowest = 4, widest = 1
        for unit in units.unicodeScalars {
            narrowest = min(narrowest, UTF8.width(unit))
            widest = max(widest, UTF8.width(unit))
        }
        let step = narrowest == widest ? narrowest : 1
        guard lines.contains(where: { line in
            let count = line.text.utf8.count
            return count >= 2 * narrowest && count % step == 0 && mayBeUnitWords(line.text, limit: limit)
        }) else { return }
        var kept = 0
        var i = lines.startIndex
        while i < lines.endIndex {
            // The partner: the next line, or the one after a single blank line.
            var partner: Int?
            if !lines[i].text.isEmpty, lines[i].text.utf8.count <= limit {
                if i + 1 < lines.endIndex, !lines[i + 1].text.isEmpty { partner = i + 1 }
                else if i + 2 < lines.endIndex, lines[i + 1].text.isEmpty, !lines[i + 2].text.isEmpty { partner = i + 2 }
                if let j = partner, lines[j].text.utf8.count > limit { partner = nil }
            }
            // One of the two must open with a unit (a line of units is one
            // unit after another) and the other with a digit or a space (a
            // line of numbers), asked before the lines are read: a pair of
            // a table's values opens with digits, and a pair of short Han
            // lines with other characters. The other's first byte first: the
            // units share their lead bytes with most Han characters, and a
            // million short Han lines each decoded a first scalar twice.
            if let j = partner,
               Self.opensLikeNumbers(lines[j].text) && opensWithUnit(lines[i].text)
                || Self.opensLikeNumbers(lines[i].text) && opensWithUnit(lines[j].text),
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

    /// Whether the text opens with a unit of `displacedRun.numberedUnits`:
    /// its first byte asked first (`numberedUnitLeads`), then its first
    /// scalar (the units share their lead bytes with most Han characters,
    /// and every pair of short Han lines was read by `interleaved`).
    func opensWithUnit(_ text: String) -> Bool {
        guard !text.isEmpty, numberedUnitLeads[Int(text.firstUTF8Byte)] else { return false }
        return Self.firstScalar(of: text, skippingTabs: false).map { numberedUnits.contains($0) } ?? false
    }

    /// Whether the text could be the words of a pair `restoreNumbersApart`
    /// joins: within `limit` bytes, opening with a unit (so non-empty), and
    /// n ≥ 2 of `displacedRun.numberedUnits` and nothing else
    /// (`unitWordCount`, as `interleaved` asks it). Its length and first
    /// byte asked first.
    @inline(__always)
    func mayBeUnitWords(_ text: String, limit: Int) -> Bool {
        guard text.utf8.count <= limit, opensWithUnit(text) else { return false }
        return (Self.unitWordCount(text, units: numberedUnits) ?? 0) >= 2
    }

    /// Whether the text opens as a line of numbers does (`numberRunCount`):
    /// with a digit or a space; its first byte alone. (Inlined: a call per
    /// line cost more than the test.)
    @inline(__always)
    static func opensLikeNumbers(_ text: String) -> Bool {
        let b = text.firstUTF8Byte
        return b &- 0x30 < 10 || b == 0x20
    }

    /// The one line that `first` and `second` are, when one holds n ≥ 2 unit
    /// words and nothing else and the other exactly n numbers; nil otherwise.
    static func interleaved(_ first: String, _ second: String, units: ScalarSet) -> String? {
        // Both tests read the UTF-8 in place and only count: nearly every
        // pair fails the word test at its first scalar, and nothing is
        // copied until the pair is known to be one line (the words' scalar
        // count, their scalars in an array and the numbers split into
        // substrings were made before the counts were compared).
        let firstWords = unitWordCount(first, units: units), secondWords = unitWordCount(second, units: units)
        guard firstWords != nil || secondWords != nil else { return nil }
        let words: String, numbers: String
        if let n = firstWords, n >= 2, let m = numberRunCount(second) {
            guard n == m else { return nil }
            (words, numbers) = (first, second)
        } else if let m = numberRunCount(first), let n = secondWords, n >= 2 {
            guard n == m else { return nil }
            (words, numbers) = (second, first)
        } else {
            return nil
        }
        var text = ""
        for (word, number) in zip(words.unicodeScalars, numbers.split(separator: " ")) {
            text += number
            text.unicodeScalars.append(word)
        }
        return text
    }

    /// The scalars of a text made of nothing but units (0 for an empty
    /// text); nil at the first that is no unit. Read on the UTF-8 in place
    /// against the bit set (a hashed `Set` and the scalar view cost some 550
    /// instructions a line, and every pair of short lines, a table's values,
    /// is asked).
    static func unitWordCount(_ text: String, units: ScalarSet) -> Int? {
        var text = text
        return text.withUTF8 { utf8 -> Int? in
            var i = 0, count = 0
            while i < utf8.count {
                let (v, length) = decodeUTF8Scalar(utf8, at: i)
                guard units.contains(v) else { return nil }
                i += length
                count += 1
            }
            return count
        }
    }

    /// The runs of a text of at least two runs separated by spaces, each
    /// digits or a decimal (digits, a point, digits), and nothing else; nil
    /// otherwise. Read on the UTF-8 in place.
    static func numberRunCount(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { utf8 -> Int? in
            let n = utf8.count
            var i = 0, runs = 0
            /// Past the digits from `i`; false when there are none.
            func digits() -> Bool {
                let start = i
                while i < n && utf8[i] &- 0x30 < 10 { i += 1 }
                return i > start
            }
            while i < n {
                if utf8[i] == 0x20 { i += 1; continue }
                guard digits() else { return nil }
                if i < n && utf8[i] == UInt8(ascii: ".") {
                    i += 1
                    guard digits() else { return nil }
                }
                guard i == n || utf8[i] == 0x20 else { return nil }
                runs += 1
            }
            return runs >= 2 ? runs : nil
        }
    }
}
