/// Rules/ocr.json `emails`: the @ of an e-mail address as Tesseract reads it.
struct OCREmailRules: Decodable {
    /// What OCR reads the @ as: an upper-case letter beside it (G@, @D).
    var misreadAt: [String]
    var at: String
}

/// Stage 1c, an e-mail address's @ in a document that reads as OCR (with
/// `OCRPercentReadings`, on its lines and joined paragraphs):
///
/// - `normalize.ocr-email-at`: the @ read with an upper-case letter beside
///   it, between lower-case letters or digits: cpqzwgkG@chenpu.gov.cn →
///   cpqzwgk@chenpu.gov.cn, cyxdag@D126.com → cyxdag@126.com. The OCR of
///   both corpora reads 7 of its 46 addresses with G@ and 2 with @D; their
///   golds write every address in lower case (2026-12-06). A text layer's
///   address is what the report says, so only OCR is read so.
struct OCREmailReadings: Sendable {
    let forms: [[Unicode.Scalar]]
    let at: [Unicode.Scalar]

    static func load(_ rules: OCREmailRules) throws -> OCREmailReadings {
        let at = Array(rules.at.unicodeScalars)
        let forms = rules.misreadAt.map { Array($0.unicodeScalars) }
        guard at.count == 1, forms.allSatisfy({ $0.count == 2 && $0.contains(at[0]) && $0.allSatisfy { $0 == at[0] || ("A"..."Z").contains($0) } }) else {
            throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "emails: at must be one character, each misreadAt it and an upper-case Latin letter")
        }
        return OCREmailReadings(forms: forms, at: at)
    }

    /// The byte a text must hold for this rule to change it: the @'s first
    /// (`OCRRepairs.readingCandidates` looks for it).
    var gateBytes: [UInt8] { [String(at[0]).utf8.first!] }

    private static func isAddressCharacter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_"
    }

    /// cpqzwgkG@chenpu → cpqzwgk@chenpu: a form between address characters.
    func repair(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        for form in forms {
            var i = 1
            while i + form.count < s.count {
                defer { i += 1 }
                let end = i + form.count
                guard Self.isAddressCharacter(s[i - 1]), Self.isAddressCharacter(s[end]), s[i..<end].elementsEqual(form) else { continue }
                s.replaceSubrange(i..<end, with: at)
                changed = true
            }
        }
        return changed
    }
}
