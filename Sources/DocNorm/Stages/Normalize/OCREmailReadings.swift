/// Rules/ocr.json `emails`: the @ of an e-mail address as Tesseract reads it.
struct OCREmailRules: Decodable {
    /// What OCR reads the @ as: an upper-case letter beside it (G@, @D).
    var misreadAt: [String]
    var at: String
    /// Whether an address's capitals are OCR's (`normalize.ocr-email-case`).
    var lowerCase: Bool
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
/// - `normalize.ocr-email-case` (after the @ is mended): an upper-case
///   letter in an address's local part that holds lower-case letters too
///   (Xczhzf_gk@xicheng.gov.cn, Zywjw_gk@163.com) becomes lower case, and one beside its own lower-case letter is that
///   letter read twice and goes (ywxq_Zzwgk@ → ywxq_zwgk@, as ranxi's URL
///   xzZspj). The OCR of both corpora reads 3 of its 49 addresses so once
///   the @ is mended, the golds none (2026-12-06). A local part all in
///   capitals (ABC@), and a domain, are left as written.
struct OCREmailReadings: Sendable {
    let forms: [[Unicode.Scalar]]
    let at: [Unicode.Scalar]
    let lowerCase: Bool

    static func load(_ rules: OCREmailRules) throws -> OCREmailReadings {
        let at = Array(rules.at.unicodeScalars)
        let forms = rules.misreadAt.map { Array($0.unicodeScalars) }
        guard at.count == 1, forms.allSatisfy({ $0.count == 2 && $0.contains(at[0]) && $0.allSatisfy { $0 == at[0] || ("A"..."Z").contains($0) } }) else {
            throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "emails: at must be one character, each misreadAt it and an upper-case Latin letter")
        }
        return OCREmailReadings(forms: forms, at: at, lowerCase: rules.lowerCase)
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

    /// Xczhzf_gk@ → xczhzf_gk@, ywxq_Zzwgk@ → ywxq_zwgk@: the capitals of
    /// an address's local part (letters, digits, _ . -) among its lower-case
    /// letters, where a domain (letters, digits, -, a point) follows the @.
    func lowerCased(_ s: inout [Unicode.Scalar]) -> Bool {
        guard lowerCase else { return false }
        func local(_ c: Unicode.Scalar) -> Bool { c.isASCIILetter || c.isASCIIDigit || c == "_" || c == "." || c == "-" }
        func domain(_ c: Unicode.Scalar) -> Bool { c.isASCIILetter || c.isASCIIDigit || c == "." || c == "-" }
        func isCapital(_ c: Unicode.Scalar) -> Bool { ("A"..."Z").contains(c) }
        func lower(_ c: Unicode.Scalar) -> Unicode.Scalar { Unicode.Scalar(c.value + 0x20)! }
        var changed = false
        var i = 0
        while i < s.count {
            defer { i += 1 }
            guard s[i] == at[0] else { continue }
            var start = i, end = i + 1
            while start > 0, local(s[start - 1]) { start -= 1 }
            while end < s.count, domain(s[end]) { end += 1 }
            guard start < i, s[(i + 1)..<end].contains("."), s[start..<i].contains(where: isCapital),
                  s[start..<i].contains(where: { ("a"..."z").contains($0) }) else { continue }
            var k = start, localEnd = i
            while k < localEnd {
                if isCapital(s[k]) {
                    let small = lower(s[k])
                    if (k > start && s[k - 1] == small) || (k + 1 < localEnd && s[k + 1] == small) {
                        s.remove(at: k)
                        localEnd -= 1
                        end -= 1
                        changed = true
                        continue
                    }
                    s[k] = small
                    changed = true
                }
                k += 1
            }
            i = end - 1
        }
        return changed
    }
}
