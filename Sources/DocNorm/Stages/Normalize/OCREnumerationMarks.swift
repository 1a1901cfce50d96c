/// Rules/ocr.json `enumerations`: the mark between the items of a prose
/// list (一是…；二是…；三是…) as Tesseract misreads it.
struct OCREnumerationRules: Decodable {
    /// The numerals of the items, in order (一 is item 1).
    var numerals: String
    /// What follows the numeral (是).
    var marker: String
    /// The mark the items are set apart with (；).
    var separator: String
    /// What OCR reads that mark as (， , }).
    var misread: String
}

/// Stage 1c, a list's separator in a document that reads as OCR (with the %
/// readings of `OCRPercentReadings`, on its lines and joined paragraphs):
///
/// - `normalize.ocr-enumeration-mark`: in a list whose items run in order
///   (二是 after 一是, 三是 after 二是) and whose separator the list itself
///   shows right (；二是), an item whose mark OCR misread (，二是, }二是,
///   ，；二是) or lost between two Han characters (不够完整四是) gets the
///   list's ；. The golds of both corpora put ； before 118 of their 131
///   items and 。 before 13, ， before none (2026-12-06); a list that shows
///   no ； of its own (一是…，二是…。) is left as read, since its mark may
///   as well be 。, and so is a list that mixes ； and 。.
struct OCREnumerationMarks: Sendable {
    /// Item number of each numeral (一 → 1).
    let numbers: [Unicode.Scalar: Int]
    let marker: Unicode.Scalar
    let separator: Unicode.Scalar
    let misread: Set<Unicode.Scalar>
    /// The marker's UTF-8: a line without it holds no item.
    let markerUTF8: [UInt8]
    /// The UTF-8 of every numeral but the first: only an item after the
    /// first has a mark before it to mend, and 是 alone is on most lines.
    let laterNumeralsUTF8: [[UInt8]]

    static func load(_ rules: OCREnumerationRules) throws -> OCREnumerationMarks {
        func invalid(_ reason: String) -> DocNormError { .invalidRules(file: "ocr.json", line: nil, reason: "enumerations: " + reason) }
        let numerals = Array(rules.numerals.unicodeScalars)
        let marker = Array(rules.marker.unicodeScalars), separator = Array(rules.separator.unicodeScalars)
        guard numerals.count >= 2, Set(numerals).count == numerals.count else { throw invalid("numerals must be two or more different characters") }
        guard marker.count == 1, separator.count == 1 else { throw invalid("marker and separator must be one character each") }
        let misread = Set(rules.misread.unicodeScalars)
        guard !misread.isEmpty, !misread.contains(separator[0]) else { throw invalid("misread must not be empty nor hold the separator") }
        var numbers: [Unicode.Scalar: Int] = [:]
        for (k, numeral) in numerals.enumerated() { numbers[numeral] = k + 1 }
        return OCREnumerationMarks(numbers: numbers, marker: marker[0], separator: separator[0], misread: misread,
                                   markerUTF8: Array(rules.marker.utf8),
                                   laterNumeralsUTF8: numerals.dropFirst().map { Array(String($0).utf8) })
    }

    /// Whether a text may hold a list item after the first: a numeral but
    /// the first right before the marker (二是), read on the UTF-8 bytes.
    /// The marker is looked for by its last byte with `memchr` (for 是 a
    /// continuation byte, which few of a line's other characters share):
    /// most texts hold no item, and a loop byte by byte walked all of each.
    func mayHold(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        containsSequence(markerUTF8, in: utf8) { start in
            laterNumeralsUTF8.contains { $0.count <= start && utf8[(start - $0.count)..<start].elementsEqual($0) }
        }
    }

    private static func isHan(_ c: Unicode.Scalar) -> Bool { c.properties.isIdeographic }

    /// One item of a list: where its numeral stands, its number, and where
    /// the marks before it (misread, separator, spaces) start.
    private struct Item {
        var numeral: Int
        var number: Int
        var marksStart: Int
    }

    /// The items of `s`, in order.
    private func items(in s: [Unicode.Scalar]) -> [Item] {
        var found: [Item] = []
        var i = 0
        while i + 1 < s.count {
            defer { i += 1 }
            guard s[i + 1] == marker, let number = numbers[s[i]] else { continue }
            // 十一是 or 第二是: a numeral or 第 before it makes it no item's.
            if i > 0, numbers[s[i - 1]] != nil || s[i - 1] == "第" { continue }
            var start = i
            while start > 0, misread.contains(s[start - 1]) || s[start - 1] == separator || s[start - 1] == " " { start -= 1 }
            found.append(Item(numeral: i, number: number, marksStart: start))
        }
        return found
    }

    /// The marks before an item, as one of: the separator alone (right), a
    /// misread run or nothing between Han (to mend), anything else (。, ：).
    private enum Marks { case right, mend, other }

    private func marks(before item: Item, in s: [Unicode.Scalar]) -> Marks {
        let run = s[item.marksStart..<item.numeral].filter { $0 != " " }
        if run.count == 1 && run[0] == separator { return .right }
        if run.isEmpty {
            return item.marksStart > 0 && Self.isHan(s[item.marksStart - 1]) ? .mend : .other
        }
        // A run of misread marks, with or without the separator among them (，；).
        return item.marksStart > 0 ? .mend : .other
    }

    /// 按时更新，二是 → 按时更新；二是, 不够完整四是 → 不够完整；四是, in a list
    /// that shows its ； elsewhere.
    func repair(_ s: inout [Unicode.Scalar]) -> Bool {
        let all = items(in: s)
        // Lists: runs of items each numbered one more than the one before.
        var lists: [[Item]] = []
        for item in all {
            if let last = lists.last?.last, item.number == last.number + 1 {
                lists[lists.count - 1].append(item)
            } else {
                lists.append([item])
            }
        }
        var mends: [Item] = []
        for list in lists where list.count >= 2 {
            let read = list.dropFirst().map { marks(before: $0, in: s) }
            guard read.contains(.right), !read.contains(.other) else { continue }
            mends += zip(list.dropFirst(), read).filter { $0.1 == .mend }.map(\.0)
        }
        guard !mends.isEmpty else { return false }
        for item in mends.reversed() {
            s.replaceSubrange(item.marksStart..<item.numeral, with: [separator])
        }
        return true
    }
}
