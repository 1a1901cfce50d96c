/// Rules/ocr.json `thousandsPoints`: the thousands comma of a count that
/// Tesseract read as a decimal point (4,816人次 → 4.816 人次).
struct OCRThousandsPointsRules: Decodable {
    /// The units a whole count stands before in the reports' prose (件, 条, 人, 次 …).
    var units: [String]
    /// Units that begin a measure, which may be a decimal (2.125个百分点, 1.5个工作日).
    var measures: [String]
    /// What the point was read for.
    var comma: String
}

/// Stage 1c, `normalize.ocr-thousands-point`, once a document reads as OCR
/// (like `OCRPercentReadings`): a count cannot be fractional, so a number of
/// one to three digits (not starting with 0), a point and exactly three
/// digits right before a count unit (spaces between allowed, as Tesseract
/// leaves them) is a thousands separator misread: 4.816 人次 → 4,816 人次.
/// No gold of either corpus holds such a decimal before a count unit, and
/// the one such reading of their extractions (one OCR, 2026-12-06) was this
/// misreading. A multiplier between (4.816万人次) is a real decimal and
/// stays, and so does a measure (0.125个百分点), even when the line ends
/// inside it (0.125个 ⏎ 百分点).
struct OCRThousandsPoints: Sendable {
    let units: [[Unicode.Scalar]]
    let measures: [[Unicode.Scalar]]
    let comma: Unicode.Scalar

    static func load(_ rules: OCRThousandsPointsRules) throws -> OCRThousandsPoints {
        func invalid(_ reason: String) -> DocNormError { .invalidRules(file: "ocr.json", line: nil, reason: "thousandsPoints: " + reason) }
        let units = rules.units.map { Array($0.unicodeScalars) }
        let measures = rules.measures.map { Array($0.unicodeScalars) }
        let comma = Array(rules.comma.unicodeScalars)
        guard !units.isEmpty, units.allSatisfy({ !$0.isEmpty }), measures.allSatisfy({ !$0.isEmpty }) else {
            throw invalid("units must be a list of words, and measures must not hold an empty one")
        }
        guard comma.count == 1 else { throw invalid("comma must be one character") }
        return OCRThousandsPoints(units: units, measures: measures, comma: comma[0])
    }

    /// The byte a text must hold for this rule to change it: an ASCII point
    /// (`OCRRepairs.readingCandidates` looks for it).
    let gateBytes: [UInt8] = [UInt8(ascii: ".")]

    /// Whether a count unit starts at `i` (and no measure does, nor the start of one the text ends inside).
    private func countUnit(at i: Int, in s: [Unicode.Scalar]) -> Bool {
        func starts(_ w: [Unicode.Scalar]) -> Bool { i + w.count <= s.count && s[i..<(i + w.count)].elementsEqual(w) }
        guard units.contains(where: starts) else { return false }
        let rest = s[i...]
        return !measures.contains { m in starts(m) || (rest.count < m.count && m.starts(with: rest)) }
    }

    /// 4.816 人次 → 4,816 人次. Returns each number repaired, as read and after.
    func repair(_ s: inout [Unicode.Scalar]) -> [(read: String, repaired: String)] {
        var repaired: [(read: String, repaired: String)] = []
        for point in s.indices where s[point] == "." {
            // Exactly three digits after the point, then no digit or point.
            let end = point + 4
            guard end <= s.count, s[(point + 1)..<end].allSatisfy(\.isASCIIDigit),
                  end == s.count || !(s[end].isASCIIDigit || s[end] == ".") else { continue }
            // One to three digits before it, not starting with 0, with no digit, point, comma or Latin letter before them.
            var start = point
            while start > 0, s[start - 1].isASCIIDigit { start -= 1 }
            guard (1...3).contains(point - start), s[start] != "0" else { continue }
            if start > 0, s[start - 1] == "." || s[start - 1] == "," || s[start - 1].isASCIILetter { continue }
            var unit = end
            while unit < s.count, s[unit] == " " { unit += 1 }
            guard unit < s.count, countUnit(at: unit, in: s) else { continue }
            let read = String(String.UnicodeScalarView(s[start..<end]))
            s[point] = comma
            repaired.append((read, String(String.UnicodeScalarView(s[start..<end]))))
        }
        return repaired
    }
}
