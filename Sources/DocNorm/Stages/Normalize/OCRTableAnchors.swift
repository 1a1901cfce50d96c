/// Rules/ocr.json `tableAnchors`: the opening of a table's header that a
/// template anchors on (（本列数据的勾稽关系…), as Tesseract reads it: a rule
/// read as | before it, or a few of its characters misread.
struct OCRTableAnchorsRules: Decodable {
    /// The templates' anchors this reading restores (Rules/templates).
    var anchors: [String]
    /// What OCR reads a table's left rule as, before the anchor.
    var rules: String
    /// How many of an anchor's scalars past its first OCR may have read as
    /// another Han character (杰 for 本, 久生 for 勾稽).
    var misreadInAnchor: Int
}

/// Stage 1c, `normalize.ocr-table-anchor`, once a document reads as OCR
/// (like `OCRLabelNumberings`): a line that opens, after rules read as |
/// and spaces, with a template's anchor, its first scalar (the bracket) as
/// written and at most `misreadInAnchor` of the others read as another
/// Han character, opens with the anchor itself: |（本列数据的勾稽关系为 →
/// （本列数据的勾稽关系为, （杰列数据的久生关系为 → （本列数据的勾稽关系为.
/// A table region opens only at a line that starts with an anchor
/// (`TableRecognizer`): left, the rule or the misread characters kept the
/// whole table 三 from being read though its rows stood whole in the text
/// (held-out zichuan-zjj-2020, luchuan-wsjkw-2025).
struct OCRTableAnchors: Sendable {
    let anchors: [[Unicode.Scalar]]
    let rules: [Unicode.Scalar]
    let misreadInAnchor: Int
    /// The anchors' first scalars as UTF-8 (`mayHold`).
    let firstUTF8: [[UInt8]]

    static func load(_ rules: OCRTableAnchorsRules) throws -> OCRTableAnchors {
        func invalid(_ reason: String) -> DocNormError { .invalidRules(file: "ocr.json", line: nil, reason: "tableAnchors: " + reason) }
        let anchors = rules.anchors.map { Array($0.unicodeScalars) }
        let marks = Array(rules.rules.unicodeScalars)
        guard !anchors.isEmpty, !marks.isEmpty, marks.allSatisfy(\.isASCII), marks.allSatisfy({ $0 != " " }) else {
            throw invalid("anchors and rules (ASCII marks, no space) must not be empty")
        }
        // Fewer misread scalars than a third of an anchor's Han: any bracketed line would pass else.
        guard rules.misreadInAnchor >= 0, anchors.allSatisfy({ $0.count >= 4 && 3 * rules.misreadInAnchor <= $0.count - 1 }) else {
            throw invalid("anchors must be four scalars or more, misreadInAnchor at most a third of those past the first")
        }
        return OCRTableAnchors(anchors: anchors, rules: marks, misreadInAnchor: rules.misreadInAnchor,
                               firstUTF8: anchors.map { Array(String($0[0]).utf8) })
    }

    /// Whether a text may open with an anchor this rule mends: past its
    /// leading spaces and rule marks, the UTF-8 of an anchor's first scalar.
    /// Every line of an OCR document is asked; few open with a bracket.
    func mayHold(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < utf8.count && (utf8[i] == 0x20 || rules.contains(where: { $0.value == UInt32(utf8[i]) })) { i += 1 }
        return firstUTF8.contains { first in
            i + first.count <= utf8.count && first.indices.allSatisfy { utf8[i + $0] == first[$0] }
        }
    }

    /// |（本列数据的勾稽关系为 → （本列数据的勾稽关系为, （杰列数据的久生关系为
    /// → （本列数据的勾稽关系为. Returns the opening as read and the anchor, where it was mended.
    func repair(_ s: inout [Unicode.Scalar]) -> (read: String, anchor: String)? {
        var i = 0
        while i < s.count && (s[i] == " " || rules.contains(s[i])) { i += 1 }
        for anchor in anchors where i + anchor.count <= s.count && s[i] == anchor[0] {
            var misread = 0
            for k in 1..<anchor.count where s[i + k] != anchor[k] {
                misread += 1
                // Only a Han character for a Han character: a digit, mark or rule is another text.
                guard misread <= misreadInAnchor, s[i + k].properties.isIdeographic, anchor[k].properties.isIdeographic else {
                    misread = Int.max
                    break
                }
            }
            guard misread <= misreadInAnchor, i > 0 || misread > 0 else { continue }
            let read = String(String.UnicodeScalarView(s[0..<(i + anchor.count)]))
            s.replaceSubrange(0..<(i + anchor.count), with: anchor)
            return (read, String(String.UnicodeScalarView(anchor)))
        }
        return nil
    }
}
