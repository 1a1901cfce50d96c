/// Rules/ocr.json `valueRows.totals`: the cells ending a table row's line
/// that Tesseract read with look-alikes, read back only where the row's
/// own sum then holds.
struct OCRRowTotalReadingsRules: Decodable {
    /// How many cells a row whose last cell is the sum of the others holds
    /// (table 三: six applicant kinds and 总计).
    var cells: Int
    /// Marks OCR reads a 0 alone in its cell as (|。|), besides `valueRows.zeros`.
    var zeroMarks: String
    /// What OCR reads a table rule glued to a cell as (|1ols, ol7): each also
    /// a 1 (l, I) or a digit (1), so both readings are tried.
    var ruleReadings: String
    /// Letters OCR reads a digit as inside such a cell (s for 3, i for 1).
    var letters: [String: String]
}

/// Stage 1c, once a document reads as OCR (with `OCRValueRowReadings`,
/// whose zero letters and rules it shares): a line whose last cells are a
/// row's values read with look-alikes (`normalize.ocr-row-total`):
/// `不计其| 3 | 0 | 。   0    0 |1ols` → `… | 3 | 0 | 0   0    0 |0 3`,
/// `| 4 | 2 | 1   0    0 |ol7` → `… |0 7`. Tesseract read a 0 alone as 。
/// or o, the rules on both sides of 其他 as l, 1 or |, and the total's 3 as
/// s. Where a rule stands and where a digit does is a guess, so every
/// reading of the look-alikes is tried, and the line is rewritten only
/// when exactly one reading gives `cells` values whose last, not 0, is the
/// sum of the others (the row's own total: zeros alone satisfy any sum).
/// Left as read, the cells were no numbers and the whole row went unplaced
/// (both corpora, 2026-12-07: 部分公开 rows of one table style in the OCR
/// of eval tongchuan-scjg-2019, held-out binzhu-kjj-2022,
/// weichuan-swjt-2024 and more). Two zeros read as letters side by side
/// (`oo`) are two cells glued (`[3| 1 oo lo lol4|` for 3 1 0 0 0 0 4) or
/// one zero read twice, so both are tried too; where several readings
/// hold with the same values (`|4|1| oo | oo ol5|`: which `oo` is the
/// doubled one), the values are settled all the same. A row read a cell
/// short is left as read: the sum cannot say where a zero stands.
struct OCRRowTotalReadings: Sendable {
    let cells: Int
    let zeroMarks: [Unicode.Scalar]
    let zeroMarksUTF8: [[UInt8]]
    /// Letter → digit: `valueRows.zeros` → its zero, and `letters`.
    let letters: [Unicode.Scalar: Unicode.Scalar]
    let ruleReadings: [Unicode.Scalar]
    let rules: [Unicode.Scalar]
    let zero: Unicode.Scalar
    /// Readings tried per line at most (2 per ambiguous rule reading).
    static let maxReadings = 256

    static func load(_ totals: OCRRowTotalReadingsRules, valueRows: OCRValueRowReadings) throws -> OCRRowTotalReadings {
        func invalid(_ reason: String) -> DocNormError { .invalidRules(file: "ocr.json", line: nil, reason: "valueRows.totals: " + reason) }
        guard totals.cells >= 3 else { throw invalid("cells must be 3 or more: a row and its total") }
        let marks = Array(totals.zeroMarks.unicodeScalars)
        guard !marks.isEmpty, marks.allSatisfy({ !$0.isASCII }) else { throw invalid("zeroMarks must be non-ASCII marks") }
        let ruleReadings = Array(totals.ruleReadings.unicodeScalars)
        guard !ruleReadings.isEmpty, ruleReadings.allSatisfy({ $0.isASCII && ($0 == "1" || $0.properties.isAlphabetic) }) else {
            throw invalid("ruleReadings must be ASCII letters or the digit 1")
        }
        var letters: [Unicode.Scalar: Unicode.Scalar] = [:]
        for z in valueRows.zeros { letters[Unicode.Scalar(z)] = Unicode.Scalar(valueRows.zero) }
        for (from, to) in totals.letters {
            let f = Array(from.unicodeScalars), t = Array(to.unicodeScalars)
            guard f.count == 1, f[0].isASCII, f[0].properties.isAlphabetic, !ruleReadings.contains(f[0]),
                  t.count == 1, ("0"..."9").contains(t[0]) else {
                throw invalid("letters: '\(from)' → '\(to)' must map one ASCII letter (no rule reading) to one digit")
            }
            letters[f[0]] = t[0]
        }
        return OCRRowTotalReadings(cells: totals.cells, zeroMarks: marks, zeroMarksUTF8: marks.map { Array(String($0).utf8) },
                                   letters: letters, ruleReadings: ruleReadings,
                                   rules: valueRows.rules.map { Unicode.Scalar($0) }, zero: Unicode.Scalar(valueRows.zero))
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    private func inTail(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || c == " " || rules.contains(c) || ruleReadings.contains(c) || letters[c] != nil || zeroMarks.contains(c)
    }

    /// Whether a line may end in such cells: read back from its end over
    /// what a cell or rule may be read as, a letter or zero mark among
    /// them. Every line of an OCR document is asked; most stop at their
    /// last byte (Han, a mark).
    func mayHold(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = utf8.count, candidate = false
        while i > 0 {
            let b = utf8[i - 1]
            if b < 0x80 {
                let c = Unicode.Scalar(b)
                guard inTail(c) else { break }
                if letters[c] != nil { candidate = true }
                i -= 1
            } else if let mark = zeroMarksUTF8.first(where: { $0.count <= i && utf8[(i - $0.count)..<i].elementsEqual($0) }) {
                candidate = true
                i -= mark.count
            } else {
                break
            }
        }
        return candidate
    }

    private func isZeroLetter(_ c: Unicode.Scalar) -> Bool { letters[c] == zero }

    /// The readings of one cell token: each ambiguous rule reading as a rule
    /// (the token split there) or as a digit; a zero letter right after
    /// another (`oo`) as a cell of its own (the token split before it) or as
    /// that zero read twice (dropped); every piece a number written without
    /// a leading 0. Empty when none reads so.
    private func readings(of token: ArraySlice<Unicode.Scalar>) -> [[UInt64]] {
        let ambiguous = token.indices.filter {
            ruleReadings.contains(token[$0]) || $0 > token.startIndex && isZeroLetter(token[$0]) && isZeroLetter(token[$0 - 1])
        }
        guard ambiguous.count <= 8, token.count <= 12 else { return [] }
        var found: [[UInt64]] = []
        for mask in 0..<(1 << ambiguous.count) {
            var pieces: [UInt64] = [], digits: [Unicode.Scalar] = [], ok = true
            func close() {
                guard !digits.isEmpty else { return }
                if digits.count > 1 && digits[0] == "0" || digits.count > 9 { ok = false }
                pieces.append(UInt64(String(String.UnicodeScalarView(digits))) ?? 0)
                digits = []
            }
            for k in token.indices {
                let c = token[k]
                if let a = ambiguous.firstIndex(of: k), let zero = letters[c], !ruleReadings.contains(c) {
                    // A second zero letter: its own cell, or the first read twice.
                    if mask & (1 << a) != 0 { close(); digits.append(zero) }
                } else if let a = ambiguous.firstIndex(of: k) {
                    if mask & (1 << a) != 0 { close() } else { digits.append("1") }
                } else if isDigit(c) {
                    digits.append(c)
                } else if let d = letters[c] {
                    digits.append(d)
                } else {
                    return []
                }
            }
            close()
            // Nothing but rules read as letters (a lone l) reads as no cell too.
            if ok && (!pieces.isEmpty || ambiguous.count == token.count) && !found.contains(pieces) { found.append(pieces) }
        }
        return found
    }

    /// The line with its last cells read back, and what they were read as
    /// and became; nil when no single reading makes the row's sum hold.
    func repair(_ s: inout [Unicode.Scalar]) -> (read: String, repaired: String)? {
        var start = s.count
        while start > 0, inTail(s[start - 1]) { start -= 1 }
        // A token cut by the tail's start (10T7) is not read.
        if start > 0, s[start - 1].isASCII, s[start - 1].properties.isAlphabetic { return nil }
        // The tail's tokens: runs between spaces and rules, a zero mark one alone.
        var tokens: [Range<Int>] = []
        var i = start
        while i < s.count {
            let c = s[i]
            if c == " " || rules.contains(c) { i += 1; continue }
            if zeroMarks.contains(c) { tokens.append(i..<(i + 1)); i += 1; continue }
            var end = i
            while end < s.count, s[end] != " ", !rules.contains(s[end]), !zeroMarks.contains(s[end]) { end += 1 }
            tokens.append(i..<end)
            i = end
        }
        guard tokens.count >= cells / 2 else { return nil }
        // Each token's readings: digits alone are themselves; a zero mark is 0.
        var options: [[[UInt64]]] = [], misread: [Int] = []
        var combinations = 1
        for (k, token) in tokens.enumerated() {
            let t = s[token]
            if t.allSatisfy(isDigit) {
                guard t.count <= 9, let v = UInt64(String(String.UnicodeScalarView(t))) else { return nil }
                options.append([[v]])
                continue
            }
            misread.append(k)
            if t.count == 1, zeroMarks.contains(t[t.startIndex]) { options.append([[0]]); continue }
            let r = readings(of: t)
            guard !r.isEmpty else { return nil }
            options.append(r)
            combinations *= r.count
            guard combinations <= Self.maxReadings else { return nil }
        }
        guard !misread.isEmpty else { return nil }
        // Every combination of the tokens' readings; the ones whose values
        // are a row and its total, one per distinct row of values (which
        // `oo` of two is the doubled zero leaves the values alike).
        var held: [[[UInt64]]] = []
        var choice = Array(repeating: 0, count: options.count)
        while true {
            let picked = options.indices.map { options[$0][choice[$0]] }
            let values = picked.flatMap { $0 }
            if values.count == cells, let total = values.last, total > 0, values.dropLast().reduce(0, +) == total,
               !held.contains(where: { $0.flatMap { $0 } == values }) {
                held.append(picked)
            }
            var k = options.count - 1
            while k >= 0 {
                choice[k] += 1
                if choice[k] < options[k].count { break }
                choice[k] = 0
                k -= 1
            }
            if k < 0 { break }
        }
        guard held.count == 1 else { return nil }
        let reading = held[0]
        let read = String(String.UnicodeScalarView(s[start...]))[...].trimmingSpaces
        for k in misread.reversed() {
            var text = reading[k].map { String($0) }.joined(separator: " ")
            // Stage 1 took the spaces around a zero mark (CJK punctuation
            // takes none: |。0 0): the digits it becomes stand apart again.
            let range = tokens[k]
            if range.upperBound < s.count, s[range.upperBound] != " ", !rules.contains(s[range.upperBound]) { text += " " }
            if range.lowerBound > start, s[range.lowerBound - 1] != " ", !rules.contains(s[range.lowerBound - 1]) { text = " " + text }
            s.replaceSubrange(range, with: text.unicodeScalars)
        }
        return (read, String(String.UnicodeScalarView(s[start...]))[...].trimmingSpaces)
    }
}
