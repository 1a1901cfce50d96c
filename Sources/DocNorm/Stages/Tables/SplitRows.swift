import ICUKit

/// Stage 3, `tables.split-row`: a row whose values pdftotext `-layout` put on
/// two lines with the next row's first label line between them. In a
/// Chromium-printed PDF a row's first value can sit on another baseline than
/// the rest, and when the next row's label opens on the line between, the
/// row reads
///
///     开出版物 1                    ← this row's label end and first value
///     （五）不予 4.无正当理由        ← the next row's label, no value
///                 0 0 0 0 0 1       ← the rest of this row's values, alone
///     处理 大量反复申请 0 0 0 0 0 0 0
///
/// The values-only line continues the row above the label line when the
/// values before the label line and on it together are as many as the next
/// row's (1 + 6 = 7), and fewer each: it is read before the label line.
/// Only the cell stream's order changes; TableRecognizer traces the line when
/// its table is read.
enum SplitRows {
    /// Positions (in `lines`) of label lines that a split row's values-only
    /// line, right after them, is read before; empty for most stretches.
    /// `valueEnders`: the last scalars a token `isValue` accepts can end
    /// with (`ValueGrammar.valueEnders`), when the caller's `isValue` is the
    /// grammar's: a line whose last scalar is none of them is told at once.
    /// `digitFirst`: the positions of the lines that open with a digit, in
    /// order, when the caller has them (only the lines above those are
    /// looked at).
    /// `digitsAreValues`: every token of ASCII digits only is a value to
    /// `isValue` (`ValueGrammar.plainDigitsAreValues`); the line above a
    /// line of values then mostly ends in one, told on its bytes in place.
    static func labelLinesBeforeValues<Lines: RandomAccessCollection>(
        _ lines: Lines, isValue: (ArraySlice<Unicode.Scalar>) -> Bool, digitFirst: [Int]? = nil,
        digitsAreValues: Bool = false, valueEnders: ScalarSet? = nil) -> [Int] where Lines.Element == SourceLine {
        var found: [Int] = []
        let first = lines.startIndex
        /// Values at the end of a line, and whether anything else stands
        /// before them. Stage 1 removed the space between a label and its
        /// first value (开出版物 1 → 开出版物1): a number that ends the label
        /// text is a value too.
        // Tokens are found on the line's UTF-8 bytes from its end (a space is
        // one byte, never part of another scalar), and only each token asked
        // is decoded, into one buffer kept for every line: a label line
        // stops at its last token (copying every line's scalars first was
        // most of this function).
        var scalars: [Unicode.Scalar] = []
        /// `lastOnly`: only whether the line ends in a value (`values` 0 or
        /// 1, tokens before the last not read).
        func trailingValues(_ line: SourceLine, lastOnly: Bool = false) -> (values: Int, text: Bool) {
            // The buffer taken out for the line: used as a local, not as the
            // captured variable, whose every access is checked at run time.
            var token: [Unicode.Scalar] = []
            swap(&token, &scalars)
            defer { swap(&token, &scalars) }
            var text = line.text
            return text.withUTF8 { bytes in
                // Room for the line's longest token (a scalar per byte at
                // most), so a token is written in place: appended scalar by
                // scalar, each append checked the buffer's uniqueness and room.
                if token.count < bytes.count { token.append(contentsOf: repeatElement(" ", count: bytes.count - token.count)) }
                var values = 0
                var end = bytes.count
                // Tokens from the last on, as split by spaces.
                while true {
                    while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
                    guard end > 0 else { return (values, false) }
                    // A token whose last scalar no value ends with is no
                    // value, nor is any number at its end (it ends in that
                    // scalar too): the line is told without decoding the
                    // token, most often a label's whole text. (What `isValue`
                    // accepts ends in a digit, a suffix's last scalar or an
                    // empty mark's: `valueEnders`.)
                    if let valueEnders, !valueEnders.contains(decodeLastUTF8Scalar(bytes, before: end)) { return (values, true) }
                    var start = end
                    while start > 0 && bytes[start - 1] != 0x20 { start -= 1 }
                    let count = token.withUnsafeMutableBufferPointer { buffer -> Int in
                        var count = 0, i = start
                        while i < end {
                            let (value, length) = decodeUTF8Scalar(bytes, at: i)
                            // Valid UTF-8 decodes to a valid scalar.
                            buffer[count] = unsafeBitCast(value, to: Unicode.Scalar.self)
                            count += 1
                            i += length
                        }
                        return count
                    }
                    let last = token[..<count]
                    if isValue(last) {
                        values += 1
                        if lastOnly { return (values, true) }
                        end = start
                        continue
                    }
                    let number = last.reversed().prefix { ("0"..."9").contains($0) || $0 == "." || $0 == "," }.count
                    let body = last.dropLast(number)
                    if number > 0, let before = body.last, !before.isASCII, isValue(last.suffix(number)) { values += 1 }
                    return (values, true)
                }
            }
        }
        /// `trailingValues` of the line at `position`, each line's worked out
        /// once: a line is asked as the values-only line, as the label line
        /// after it, and as the line above or below a pair.
        var known = [(values: Int, text: Bool)?](repeating: nil, count: lines.count)
        func trailingValues(at position: Int) -> (values: Int, text: Bool) {
            if let k = known[position] { return k }
            let k = trailingValues(lines[lines.index(first, offsetBy: position)])
            known[position] = k
            return k
        }
        /// Whether the line at `position` ends in a value: its last token
        /// read only, unless the line's `trailingValues` are known already.
        func endsInValue(at position: Int) -> Bool {
            if let k = known[position] { return k.values > 0 }
            let line = lines[lines.index(first, offsetBy: position)]
            // A last token of ASCII digits is a value (`digitsAreValues`):
            // told on the bytes, without decoding the token into the buffer
            // or asking `isValue` (the line above a values-only line mostly
            // ends in such a number).
            if digitsAreValues, Self.lastTokenIsASCIIDigits(line.text) == true { return true }
            return trailingValues(line, lastOnly: true).values > 0
        }
        /// The nearest non-blank line from `position` on, stepping by `step`.
        func nonBlank(from position: Int, step: Int) -> Int? {
            var p = position
            while p >= 0 && p < lines.count {
                if !lines[lines.index(first, offsetBy: p)].text.isEmpty { return p }
                p += step
            }
            return nil
        }
        for below in digitFirst ?? Array(2..<max(2, lines.count)) where below >= 2 {
            let position = below - 1
            // Cheapest test first: the line after opens with a digit (its
            // first byte read in place, 0 for an empty line).
            let next = lines[lines.index(first, offsetBy: below)]
            guard next.text.firstUTF8Byte &- 0x30 < 10 else { continue }
            // The label line first: in a table, the line above a line of
            // values mostly ends in values too, and its last token tells
            // (the values-only line's every token was read for each).
            let label = lines[lines.index(first, offsetBy: position)]
            guard !label.text.isEmpty, !endsInValue(at: position) else { continue }
            let rest = trailingValues(at: position + 1)
            guard !rest.text, rest.values > 0,
                  let above = nonBlank(from: position - 1, step: -1),
                  let below = nonBlank(from: position + 2, step: 1) else { continue }
            let start = trailingValues(at: above)
            let full = trailingValues(at: below)
            guard start.text, start.values > 0, start.values < full.values, rest.values < full.values,
                  start.values + rest.values == full.values else { continue }
            found.append(position)
        }
        return found
    }

    /// Whether the last token of `text` (split by spaces, as `trailingValues`
    /// splits it) is ASCII digits only: false for a line of spaces or none,
    /// nil where the text has no contiguous UTF-8 (not told here).
    static func lastTokenIsASCIIDigits(_ text: String) -> Bool? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var end = bytes.count
            while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
            guard end > 0 else { return false }
            var start = end
            while start > 0 && bytes[start - 1] &- 0x30 < 10 { start -= 1 }
            // Only digits back to a space or the line's start.
            return start < end && (start == 0 || bytes[start - 1] == 0x20)
        }
    }
}
