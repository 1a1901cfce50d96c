/// Rules/ocr.json `proseOnes`: a count 1 in prose that Tesseract read as 工
/// (其他结果1件，尚未审结1件。 → 其他结果工件，尚未审结工件。).
struct OCRProseOnesRules: Decodable {
    /// The ideograph the 1 is read as, and the digit.
    var misread: String
    var digit: String
    /// Count units that make no word with the ideograph before them (件 名 次 …;
    /// not 人 or 期: 工人, 工期 are words).
    var units: [String]
    /// What follows a count that ends a clause (，。、；).
    var clauseEnds: String
}

/// Stage 1c, `normalize.ocr-prose-one`, once a document reads as OCR (like
/// `OCRThousandsPoints`): 工 right before a count unit that ends its clause
/// is the count 1 misread: 上年结转工件，→ 上年结转1件，, 专职工作人员工名、→
/// 专职工作人员1名、. In both corpora (2026-12-06) every such reading of an
/// OCR output (8, in 7 reports) was a 1, and no gold and no text layer holds
/// one; the two golds with 工 before a unit go on with a word (开工项目,
/// 工期；), so the unit must end its clause. A 工 after a digit, point or
/// Latin letter is left (2工件 may be 21件). A right text such as 加工件。
/// would be changed too, so each repair is reported with its line.
struct OCRProseOnes: Sendable {
    let misread: Unicode.Scalar
    let digit: Unicode.Scalar
    let units: [[Unicode.Scalar]]
    let clauseEnds: Set<Unicode.Scalar>
    let misreadUTF8: [UInt8]

    static func load(_ rules: OCRProseOnesRules) throws -> OCRProseOnes {
        func invalid(_ reason: String) -> DocNormError { .invalidRules(file: "ocr.json", line: nil, reason: "proseOnes: " + reason) }
        let misread = Array(rules.misread.unicodeScalars), digit = Array(rules.digit.unicodeScalars)
        guard misread.count == 1, misread[0].properties.isIdeographic, digit.count == 1, ("0"..."9").contains(digit[0]) else {
            throw invalid("misread must be one ideograph and digit one digit")
        }
        let units = rules.units.map { Array($0.unicodeScalars) }
        guard !units.isEmpty, units.allSatisfy({ !$0.isEmpty }), !rules.clauseEnds.isEmpty else {
            throw invalid("units must be a list of words and clauseEnds must hold a mark")
        }
        return OCRProseOnes(misread: misread[0], digit: digit[0], units: units,
                            clauseEnds: Set(rules.clauseEnds.unicodeScalars), misreadUTF8: Array(rules.misread.utf8))
    }

    /// Whether a text may hold a reading this rule takes: the ideograph,
    /// looked for by its last UTF-8 byte with `memchr` (a continuation byte
    /// few of a line's other characters share), as OCREnumerationMarks'
    /// marker is: every line of an OCR document is asked, and most hold none.
    func mayHold(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        containsSequence(misreadUTF8, in: utf8)
    }

    /// 结转工件， → 结转1件，. Returns each repair's surroundings, as read and after.
    func repair(_ s: inout [Unicode.Scalar]) -> [(read: String, repaired: String)] {
        var repaired: [(read: String, repaired: String)] = []
        for i in s.indices where s[i] == misread {
            if i > 0, s[i - 1].isASCIIDigit || s[i - 1].isASCIILetter || s[i - 1] == "." { continue }
            let at = i + 1
            guard let unit = units.first(where: { at + $0.count < s.count && s[at..<(at + $0.count)].elementsEqual($0) }),
                  clauseEnds.contains(s[at + unit.count]) else { continue }
            let span = max(0, i - 4)..<(at + unit.count + 1)
            let read = String(String.UnicodeScalarView(s[span]))
            s[i] = digit
            repaired.append((read, String(String.UnicodeScalarView(s[span]))))
        }
        return repaired
    }
}
