/// Rules/ocr.json `loneCharacters`: paragraphs OCR reads out of a table's
/// rules or a stain on the page (瑟 between table 四 and heading 五).
struct OCRLoneCharactersRules: Decodable {
    /// The most Han characters such a paragraph holds.
    var length: Int
}

/// Suspicion `normalize.ocr-lone-character`, once a document reads as OCR:
/// a paragraph of only one Han character (or `length`), with no mark, digit
/// or Latin letter. No gold of either corpus holds one; the OCR outputs of
/// both hold 123, in 55 of their 89, and no text layer one (2026-12-06):
/// most read from a table's rules where the page draws no text (瑟, 谜, 己),
/// some a word's last character cut from its paragraph. It is named with its line and left as read: dropping it
/// would lose that character where it is real.
struct OCRLoneCharacters: Sendable {
    let length: Int

    static func load(_ rules: OCRLoneCharactersRules) throws -> OCRLoneCharacters {
        guard rules.length > 0 else {
            throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "loneCharacters: length must be a positive number of characters")
        }
        return OCRLoneCharacters(length: rules.length)
    }

    /// Whether a paragraph is such a reading: one to `length` Han characters alone.
    func isLone(_ text: String) -> Bool {
        // Three UTF-8 bytes a BMP ideograph: a longer text is no such reading.
        guard !text.isEmpty, text.utf8.count <= 4 * length else { return false }
        let scalars = text.unicodeScalars
        return scalars.count <= length && scalars.allSatisfy { $0.properties.isIdeographic && !$0.isASCII }
    }

    /// Reports each lone paragraph of the document's prose with its first line.
    func report(_ prose: [[LogicalLine]], context: PipelineContext) {
        for stretch in prose {
            for line in stretch where isLone(line.text) {
                context.report(.normalize, "normalize.ocr-lone-character", .suspicion,
                               "the paragraph '\(line.text)' of a text read by OCR is a Han character alone, which no report writes: maybe read from a table's rules or a stain, maybe cut from its paragraph; check it against the source",
                               line: line.lines.lowerBound)
            }
        }
    }
}
