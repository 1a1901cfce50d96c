/// Rules/ocr.json `valueRows`: what Tesseract makes of a cell on a line
/// that holds a table row's values and nothing else.
struct OCRValueRowReadingsRules: Decodable {
    /// Letters OCR reads a 0 alone in its cell as (|o|).
    var zeros: String
    /// The digit they stand for.
    var zero: String
    /// Marks OCR glues to a value's end from the rule or stain after it (0_ |, 2>).
    var strays: String
    /// What OCR reads a table's rules as (|), besides spaces.
    var rules: String
    /// How many values (digits alone) the line must hold besides.
    var minimumNumbers: Int
    /// A row's last cells read with look-alikes, read back where its sum
    /// holds (`OCRRowTotalReadings`); optional, so a rules folder written
    /// before it still loads (and the rule is off).
    var totals: OCRRowTotalReadingsRules?
}

/// Stage 1c, once a document reads as OCR (like `OCRHostStops`): a line of
/// nothing but a row's cells (values, spaces, rules read as |) in which
/// Tesseract read a cell's 0 as a letter alone (`normalize.ocr-row-zero`:
/// 0 0 0 0 |o| 0 … → 0 0 0 0 |0| 0 …) or glued a mark to a value's end
/// (`normalize.ocr-row-mark`: 0 0 0 0_ |0 → 0 0 0 0 |0, 2> 0 1 1 → 2 0 1 1).
/// Left as read, the cell was no number: the row came short and its values
/// went unplaced or placed from the left (table 四's one row in eval
/// yanxi-tjj-2023 and held-out luchuan-wsjkw-2025, qiaozhou-jgswj-2023,
/// weixi-xiang-2019; table 三's 5 2 o 0 1 0 8 in hengzhou-city-2022). The
/// table's relations check the value made (each group's 总计, a row's
/// total); both corpora (2026-12-07): five such lines, all OCR, every
/// repaired cell its gold's value. A line with a Han character, another
/// letter or a token of two letters (oo, 0o, olo: rules read as l, which
/// no reading here tells apart) is left as read.
struct OCRValueRowReadings: Sendable {
    let zeros: [UInt8]
    let zero: UInt8
    let strays: [UInt8]
    let rules: [UInt8]
    let minimumNumbers: Int

    static func load(_ rules: OCRValueRowReadingsRules) throws -> OCRValueRowReadings {
        func invalid(_ reason: String) -> DocNormError { .invalidRules(file: "ocr.json", line: nil, reason: "valueRows: " + reason) }
        let zeros = Array(rules.zeros.utf8), zero = Array(rules.zero.utf8), strays = Array(rules.strays.utf8), marks = Array(rules.rules.utf8)
        guard !zeros.isEmpty, zeros.allSatisfy({ ($0 | 0x20) &- 0x61 < 26 }) else { throw invalid("zeros must be Latin letters") }
        guard zero.count == 1, zero[0] &- 0x30 < 10 else { throw invalid("zero must be one digit") }
        // Marks, not letters or digits: a letter glued to a value may be a digit misread.
        let isMark: (UInt8) -> Bool = { $0 > 0x20 && $0 < 0x7F && ($0 | 0x20) &- 0x61 >= 26 && $0 &- 0x30 >= 10 }
        guard !strays.isEmpty, strays.allSatisfy(isMark), !marks.isEmpty, marks.allSatisfy(isMark),
              Set(strays).isDisjoint(with: marks) else {
            throw invalid("strays and rules must be ASCII marks, none in both")
        }
        guard rules.minimumNumbers >= 3 else { throw invalid("minimumNumbers must be 3 or more: a row, not a count in prose") }
        return OCRValueRowReadings(zeros: zeros, zero: zero[0], strays: strays, rules: marks, minimumNumbers: rules.minimumNumbers)
    }

    /// Whether a text may be such a line: every byte a digit, space, rule,
    /// zero letter or stray mark, and one of the last two there. Every line
    /// of an OCR document is asked; most stop at their first byte (Han).
    func mayHold(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var candidate = false
        for byte in utf8 {
            if byte &- 0x30 < 10 || byte == 0x20 || rules.contains(byte) { continue }
            guard zeros.contains(byte) || strays.contains(byte) else { return false }
            candidate = true
        }
        return candidate
    }

    /// What each rule repairs (`repair`).
    enum Reading { case zeros, marks }

    /// The cells of one reading repaired: a zero letter alone between
    /// spaces or rules becomes zero (`zeros`), a stray mark after a value's
    /// digits goes (`marks`); each returned with what it was read as and
    /// what it became. Two calls, so that each rule's trace step shows its
    /// own change.
    func repair(_ s: inout [Unicode.Scalar], _ reading: Reading) -> [(read: String, repaired: String)] {
        func byte(_ x: Unicode.Scalar) -> UInt8? { x.isASCII ? UInt8(x.value) : nil }
        // The line's cells: runs between spaces and rules, each a number, a
        // number and one stray, or a zero letter alone; anything else, and
        // the line is left.
        var numbers = 0, strayCells: [Range<Int>] = [], zeroCells: [Int] = []
        var i = 0
        while i < s.count {
            guard let b = byte(s[i]) else { return [] }
            if b == 0x20 || rules.contains(b) { i += 1; continue }
            var end = i
            while end < s.count, let d = byte(s[end]), d &- 0x30 < 10 { end += 1 }
            if end > i {
                numbers += 1
                if end < s.count, let m = byte(s[end]), strays.contains(m) {
                    strayCells.append(i..<(end + 1)); end += 1
                }
            } else if zeros.contains(b) {
                zeroCells.append(i); end += 1
            } else {
                return []
            }
            // A cell ends at a space, a rule or the line's end.
            if end < s.count, let next = byte(s[end]), next != 0x20 && !rules.contains(next) { return [] }
            i = end
        }
        guard numbers >= minimumNumbers else { return [] }
        switch reading {
        case .zeros:
            return zeroCells.map { k in
                let read = String(s[k])
                s[k] = Unicode.Scalar(zero)
                return (read, String(Unicode.Scalar(zero)))
            }
        case .marks:
            var read: [(read: String, repaired: String)] = []
            for cell in strayCells.reversed() {
                let text = String(String.UnicodeScalarView(s[cell]))
                s.remove(at: cell.upperBound - 1)
                read.append((text, String(text.unicodeScalars.dropLast())))
            }
            return read.reversed()
        }
    }
}
