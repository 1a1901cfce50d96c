/// Rules/ocr.json `wordReadings`: words Tesseract misread into no word,
/// each with the word it stands for.
struct OCRWordReadingsRules: Decodable {
    var description: String?
    /// Pairs of what OCR read and the word, the same number of characters.
    var words: [[String]]
}

/// Stage 1c, `normalize.ocr-word`, once a document reads as OCR (as
/// `OCRPercentReadings`): a reading of `wordReadings.words` becomes its
/// word (全履盖 → 全覆盖, 有竺增强 → 有待增强, 国务院办公打 → 国务院办公厅,
/// 国办公开办国〔 → 国办公开办函〔). Each reading is no word of the language
/// and no gold or text layer of either corpus holds one (2026-12-07); each
/// is written with as much of its context as makes it so (办公打 alone
/// would take 办公打印).
struct OCRWordReadings: Sendable {
    let readings: [(read: [Unicode.Scalar], word: [Unicode.Scalar], utf8: [UInt8])]

    static let none = OCRWordReadings(readings: [])

    static func load(_ rules: OCRWordReadingsRules?) throws -> OCRWordReadings {
        guard let rules else { return .none }
        return OCRWordReadings(readings: try rules.words.map { pair in
            guard pair.count == 2, pair[0] != pair[1], !pair[0].isEmpty,
                  pair[0].unicodeScalars.count == pair[1].unicodeScalars.count else {
                throw DocNormError.invalidRules(file: "ocr.json", line: nil,
                                                reason: "wordReadings.words: \(pair) must be a reading and its word of as many characters")
            }
            return (Array(pair[0].unicodeScalars), Array(pair[1].unicodeScalars), Array(pair[0].utf8))
        })
    }

    /// Whether a text may hold a reading: its UTF-8 searched for each
    /// reading's (`containsSequence`; asked of every line of an OCR
    /// document only).
    func mayHold(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        readings.contains { containsSequence($0.utf8, in: utf8) }
    }

    /// Each reading replaced by its word.
    func repair(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        for reading in readings {
            var i = 0
            while i + reading.read.count <= s.count {
                if s[i] == reading.read[0], s[i..<(i + reading.read.count)].elementsEqual(reading.read) {
                    s.replaceSubrange(i..<(i + reading.read.count), with: reading.word)
                    changed = true
                    i += reading.read.count
                } else {
                    i += 1
                }
            }
        }
        return changed
    }
}
