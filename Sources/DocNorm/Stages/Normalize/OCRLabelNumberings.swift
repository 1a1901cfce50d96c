/// Rules/ocr.json `labelNumberings`: a table row label's numbering N. whose
/// point Tesseract lost (5要求行政机关…, 4无正当理直天…), or whose 1 it read
/// as 工 besides (工末机关不掌握 for 1.本机关不掌握…).
struct OCRLabelNumberingsRules: Decodable {
    /// The ideograph a numbering's 1 is read as.
    var misreadOne: String
    /// The mark after a numbering's digit.
    var point: String
    /// How many scalars of a numbered template label's text (after its
    /// number) make its opening, more where another numbered label opens
    /// with as many (属于行政 → 属于行政执, 属于行政查); a label shorter is
    /// left out (3.其他). The openings themselves are the templates'
    /// (`OCRLabelNumberings.openings(of:)`). Optional, so a rules folder
    /// written when the openings were listed here still loads (then 4).
    var openingLength: Int?
    /// How many of an opening's scalars OCR may have misread besides (末 for 本).
    var misreadInOpening: Int
}

/// Stage 1c, `normalize.ocr-label-numbering`, once a document reads as OCR
/// (like `OCRProseOnes`): where a cell starts, a digit (or 工 for 1) right
/// before the opening of a label the templates number with it, at most one
/// scalar of the opening misread, gets its point back: 5要求行政机关 →
/// 5.要求行政机关, 4无正当理直天 → 4.无正当理直天, 工末机关不掌握 →
/// 1.末机关不掌握. Left, the lost point (and the 工) cost the template
/// matcher edits: with a misread character or two more, the label was past
/// its budget (a fifth of the label) and its cut start (values between the
/// label's lines) was not taken, so the row's label went unread and its
/// values unplaced. A cell starts at the line's start, after a table rule
/// | or a space, or (a digit only) after a Han character or a mark (不巴4保护:
/// OCR's junk for the group label before it); not after a number and a space
/// (a row's last value 1 before a label whose numbering is lost altogether
/// would be taken), nor 工 after a Han character (施工, 员工).
struct OCRLabelNumberings: Sendable {
    let misreadOne: Unicode.Scalar
    let point: Unicode.Scalar
    /// Indexed by digit value 0–9.
    let openings: [[[Unicode.Scalar]]]
    let misreadInOpening: Int

    /// `numberedLabels`: the templates' data-row labels that open with a
    /// row number (1.属于国家秘密: `TableRules.numberedLabels`), whose
    /// openings this rule looks for.
    static func load(_ rules: OCRLabelNumberingsRules, numberedLabels: [[Unicode.Scalar]]) throws -> OCRLabelNumberings {
        func invalid(_ reason: String) -> DocNormError { .invalidRules(file: "ocr.json", line: nil, reason: "labelNumberings: " + reason) }
        let misread = Array(rules.misreadOne.unicodeScalars), point = Array(rules.point.unicodeScalars)
        guard misread.count == 1, misread[0].properties.isIdeographic, point.count == 1, !point[0].isASCIIDigit else {
            throw invalid("misreadOne must be one ideograph and point one mark")
        }
        // Fewer misread scalars than half an opening: a number before any word would pass else.
        let length = rules.openingLength ?? 4
        guard rules.misreadInOpening >= 0, length >= 3, 2 * rules.misreadInOpening < length else {
            throw invalid("openingLength must be three scalars or more, misreadInOpening fewer than half of it")
        }
        let openings = Self.openings(of: numberedLabels, point: point[0], length: length)
        guard !openings[1].isEmpty else { throw invalid("the table templates must number some labels 1.") }
        return OCRLabelNumberings(misreadOne: misread[0], point: point[0], openings: openings, misreadInOpening: rules.misreadInOpening)
    }

    /// By digit 0–9, the openings of the labels numbered with it and
    /// `point` (1.本机关不掌握相关政府信息 → 本机关不 under 1): each label
    /// text's first `length` scalars, or as many more as tell it from every
    /// other numbered label's text (属于行政执法案卷 and 属于行政查询事项:
    /// 属于行政执, 属于行政查); a text shorter than `length` is left out
    /// (其他: a number before any two characters would pass). Each once, in
    /// the templates' order.
    static func openings(of numberedLabels: [[Unicode.Scalar]], point: Unicode.Scalar, length: Int) -> [[[Unicode.Scalar]]] {
        var texts: [(digit: Int, text: [Unicode.Scalar])] = []
        for label in numberedLabels where label.count > 2 && label[0].isASCIIDigit && label[1] == point {
            let text = Array(label.dropFirst(2))
            if text.count >= length, !texts.contains(where: { $0.text == text }) { texts.append((Int(label[0].value - 0x30), text)) }
        }
        var openings = [[[Unicode.Scalar]]](repeating: [], count: 10)
        for (digit, text) in texts {
            var count = length
            while count < text.count, texts.contains(where: { $0.text != text && $0.text.starts(with: text.prefix(count)) }) { count += 1 }
            let opening = Array(text.prefix(count))
            if !openings[digit].contains(opening) { openings[digit].append(opening) }
        }
        return openings
    }

    /// Whether a text may hold a numbering this rule mends (besides a 工,
    /// which `OCRProseOnes.mayHold` finds): an ASCII digit right before the
    /// lead byte of a three-byte scalar (a Han character). Every line of an
    /// OCR document is asked; most digits stand beside spaces or ASCII.
    func mayHold(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count > 1 else { return false }
        for i in 0..<(utf8.count - 1) where utf8[i] &- 0x30 < 10 && utf8[i + 1] &- 0xE0 < 0x10 { return true }
        return false
    }

    /// Whether the opening of a label numbered `digit` stands at `at`, at
    /// most `misreadInOpening` of its scalars read as another character (not
    /// a digit, space or rule: 末 for 本, 淮 for 执).
    func opensLabel(numbered digit: Int, _ s: [Unicode.Scalar], at: Int) -> Bool {
        openings[digit].contains { opening in
            guard at + opening.count <= s.count else { return false }
            var misread = 0
            for (k, c) in opening.enumerated() where s[at + k] != c {
                misread += 1
                let read = s[at + k]
                if misread > misreadInOpening || read.isASCIIDigit || read == " " || read == "|" { return false }
            }
            return true
        }
    }

    /// 5要求行政机关 → 5.要求行政机关, 工末机关不掌握 → 1.末机关不掌握.
    /// Returns whether a numbering was mended.
    func repair(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        for i in s.indices.reversed() {
            let digit: Int
            if s[i].isASCIIDigit { digit = Int(s[i].value - 0x30) } else if s[i] == misreadOne { digit = 1 } else { continue }
            guard !openings[digit].isEmpty, opensLabel(numbered: digit, s, at: i + 1) else { continue }
            if i > 0 {
                let before = s[i - 1]
                if before.isASCIIDigit || before.isASCIILetter || before == "." { continue }
                // After a space: not a row's value before it (0 0 1属于… may be a value 1).
                if before == " " && i > 1 && s[i - 2].isASCIIDigit { continue }
                // 工 only where a cell starts: a word's 工 follows a Han character.
                if s[i] == misreadOne && before != " " && before != "|" { continue }
            }
            s.replaceSubrange(i...i, with: [s[i] == misreadOne ? "1" : s[i], point])
            changed = true
        }
        return changed
    }
}
