/// Rules/ocr.json `hostStops`: the 。 after a host that Tesseract read as a
/// Latin letter glued to the host's last label (gov.cn。 → gov.cno).
struct OCRHostStopsRules: Decodable {
    /// Top-level names a host ends with (cn, com).
    var topLevels: [String]
    /// What OCR reads the stop as (o).
    var misread: String
    /// The stop.
    var stop: String
}

/// Stage 1c, `normalize.ocr-host-stop`, once a document reads as OCR (with
/// `OCREmailReadings`): a host's last label that is a top-level name plus
/// the misread stop (yuwan.gov.cno), at the text's end or before a Han
/// character, is the host and its 。: ywxq_zwgk@yuwan.gov.cno →
/// ywxq_zwgk@yuwan.gov.cn。. No top-level name ends so (.cno, .como), and
/// both corpora's golds and text layers hold no such host (2026-12-06); the
/// one OCR output that did had lost the 。 of its paragraph so.
struct OCRHostStops: Sendable {
    let endings: [[Unicode.Scalar]]
    let stop: Unicode.Scalar

    static func load(_ rules: OCRHostStopsRules) throws -> OCRHostStops {
        func invalid(_ reason: String) -> DocNormError { .invalidRules(file: "ocr.json", line: nil, reason: "hostStops: " + reason) }
        let misread = Array(rules.misread.unicodeScalars), stop = Array(rules.stop.unicodeScalars)
        guard misread.count == 1, misread[0].isASCIILetter, stop.count == 1, !stop[0].isASCII else {
            throw invalid("misread must be one Latin letter and stop one mark")
        }
        guard !rules.topLevels.isEmpty, rules.topLevels.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(\.isASCIILetter) }) else {
            throw invalid("topLevels must be Latin names")
        }
        return OCRHostStops(endings: rules.topLevels.map { ["."] + Array($0.unicodeScalars) + misread }, stop: stop[0])
    }

    /// The byte that must stand in a text this rule may change: the host's
    /// point (one `memchr` in `OCRRepairs.readingCandidates`, shared with
    /// the % and count readings).
    let gateBytes: [UInt8] = [UInt8(ascii: ".")]

    /// gov.cno → gov.cn。 where the host ends.
    func repair(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        var i = 1
        while i < s.count {
            defer { i += 1 }
            guard s[i] == ".", s[i - 1].isASCIILetter || s[i - 1].isASCIIDigit,
                  let ending = endings.first(where: { i + $0.count <= s.count && s[i..<(i + $0.count)].elementsEqual($0) }) else { continue }
            let end = i + ending.count
            guard end == s.count || s[end].properties.isIdeographic else { continue }
            s[end - 1] = stop
            changed = true
        }
        return changed
    }
}
