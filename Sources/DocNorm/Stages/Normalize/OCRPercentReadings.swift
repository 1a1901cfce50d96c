/// Rules/ocr.json `percentReadings`: what Tesseract makes of a % after a
/// digit where no form proves it alone (`OCRRepairs.percents` takes 9%6, %6
/// and 1009%, which no text layer holds).
struct OCRPercentReadingsRules: Decodable {
    /// The digit OCR reads before the % (14.7% → 14.79%).
    var extraDigit: String
    /// The digits OCR reads the % itself as, at a decimal's end (0.5% → 0.596).
    var signAsDigits: [String]
    /// The marks a clause ends with: a decimal read for a percentage ends
    /// at one, with no unit after it.
    var clauseEnds: String
    /// Words of a share (占比, 比例): what follows them is at most 100%.
    var shareWords: [String]
    /// How many characters (超过, 达到) may stand between a share word and its number.
    var shareReach: Int
}

/// Stage 1c, a document's % readings once it reads as OCR: another rule of
/// stage 1c changed one of its lines (all 83 OCR outputs of both corpora,
/// none of their 1215 text layers, 2026-12-06). A text layer's 23.49% is what the report
/// says; only in OCR is it a misreading, so these rules wait for that evidence:
///
/// - `normalize.ocr-percent-nine`: a 9 read before the % right after a
///   decimal digit: 14.79% → 14.7%, 97.369% → 97.36%. Reports write one
///   decimal place or two (103 and 8 of the corpora's percentages); each of
///   the 23 such readings of the corpora's OCR was this misreading. 61.9%
///   (the 9 is the first decimal) stays; 97.399% stays, since 97.39% would
///   be read again. A real 23.49% read right is changed too, so each
///   repair is also reported (a repair diagnostic, with its line).
/// - `normalize.ocr-percent-share`: a share over 100% (a whole number, after
///   a share word) whose last 9 dropped is 100% or less: 占比超过409% → 40%.
/// - `normalize.ocr-percent-digits`: the % read as digits (96, 90) at the
///   end of a decimal of three or more places that ends a clause, no unit
///   after it: 差错率0.596。 → 0.5%。, 同比增长12.590。 → 12.5%。.
/// - suspicion `normalize.ocr-percent-suspect`: a two-digit whole
///   percentage ending in 9 (49%): maybe 4% read as 49%, maybe right; named
///   with its line, left as read.
struct OCRPercentReadings: Sendable {
    let extraDigit: Unicode.Scalar
    let percent: Unicode.Scalar
    let signAsDigits: [[Unicode.Scalar]]
    let clauseEnds: Set<Unicode.Scalar>
    let shareWords: [[Unicode.Scalar]]
    let shareReach: Int
    /// The first UTF-8 byte of the %.
    let percentLead: UInt8

    static func load(_ rules: OCRPercentReadingsRules, percent: Unicode.Scalar) throws -> OCRPercentReadings {
        func invalid(_ reason: String) -> DocNormError { .invalidRules(file: "ocr.json", line: nil, reason: "percentReadings: " + reason) }
        let extra = Array(rules.extraDigit.unicodeScalars)
        guard extra.count == 1, ("0"..."9").contains(extra[0]) else { throw invalid("extraDigit must be one digit") }
        let signs = rules.signAsDigits.map { Array($0.unicodeScalars) }
        guard signs.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }) else {
            throw invalid("signAsDigits must be runs of digits")
        }
        let words = rules.shareWords.map { Array($0.unicodeScalars) }
        guard words.allSatisfy({ !$0.isEmpty }), rules.shareReach >= 0 else {
            throw invalid("shareWords must not be empty and shareReach not negative")
        }
        return OCRPercentReadings(extraDigit: extra[0], percent: percent, signAsDigits: signs,
                                  clauseEnds: Set(rules.clauseEnds.unicodeScalars), shareWords: words, shareReach: rules.shareReach,
                                  percentLead: String(percent).utf8.first!)
    }

    /// The bytes a text must hold one of for these rules to change it: the
    /// %'s first (`nines`, `shares`) or an ASCII point (`signDigits`). Most
    /// lines of a report hold neither, and are not decoded
    /// (`OCRRepairs.readingCandidates` looks for them).
    var gateBytes: [UInt8] { [percentLead, UInt8(ascii: ".")] }

    /// Whether a text may hold a percentage `doubts` names: the %'s first
    /// byte, found with `memchr`; a line without it is not decoded.
    func mayDoubt(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        offsetOfFirst(percentLead, in: utf8) < utf8.count
    }

    /// The number of digits and points that ends right before `end`, as its
    /// start and the index of its point (nil for a whole number); nil when
    /// there is none or it holds two points.
    private func number(endingAt end: Int, in s: [Unicode.Scalar]) -> (start: Int, point: Int?)? {
        var start = end, point: Int? = nil
        while start > 0, s[start - 1].isASCIIDigit || s[start - 1] == "." {
            if s[start - 1] == "." {
                if point != nil { return nil }
                point = start - 1
            }
            start -= 1
        }
        guard start < end, s[start].isASCIIDigit else { return nil }
        return (start, point)
    }

    /// The %s of the line with what follows each neither a digit nor a Latin letter (5%6x is no percentage).
    private func percents(in s: [Unicode.Scalar]) -> [Int] {
        s.indices.filter { s[$0] == percent && ($0 + 1 == s.count || !(s[$0 + 1].isASCIIDigit || s[$0 + 1].isASCIILetter)) }
    }

    /// A percentage `nines` changed, as OCR read it and as repaired: each is
    /// reported, since a real two-decimal percentage ending in 9 (23.49%)
    /// is changed as well, and only the source can tell.
    struct NineRepair: Equatable, Sendable {
        var read: String
        var repaired: String
    }

    /// 14.79% → 14.7%, 97.369% → 97.36%: the 9 after a decimal digit. The
    /// percentages changed, in the order of the line.
    func nines(_ s: inout [Unicode.Scalar]) -> [NineRepair] {
        var repairs: [NineRepair] = []
        for p in percents(in: s).reversed() {
            guard p >= 2, s[p - 1] == extraDigit, let (start, point) = number(endingAt: p, in: s), let point,
                  point < p - 2 else { continue }
            // Three places or more: what is left must not be read so again (97.399% → 97.39%).
            if p - 1 - point >= 3 && s[p - 2] == extraDigit { continue }
            let read = String(String.UnicodeScalarView(s[start...p]))
            s.remove(at: p - 1)
            repairs.append(NineRepair(read: read, repaired: String(String.UnicodeScalarView(s[start..<p]))))
        }
        return repairs.reversed()
    }

    /// 占比超过409% → 40%: a whole share over 100 whose last 9 dropped is at most 100.
    func shares(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        for p in percents(in: s).reversed() {
            guard p >= 3, s[p - 1] == extraDigit, let (start, point) = number(endingAt: p, in: s), point == nil,
                  s[start] != "0", p - start >= 3 else { continue }
            let kept = s[start..<(p - 1)].reduce(0) { $0 * 10 + Int($1.value - 0x30) }
            guard kept <= 100, followsShareWord(start, in: s) else { continue }
            s.remove(at: p - 1)
            changed = true
        }
        return changed
    }

    /// Whether a share word ends at most `shareReach` characters before `start`, with no digit or clause end between.
    private func followsShareWord(_ start: Int, in s: [Unicode.Scalar]) -> Bool {
        for gap in 0...shareReach {
            let end = start - gap
            guard end >= 0 else { return false }
            if gap > 0 && (s[end].isASCIIDigit || clauseEnds.contains(s[end]) || s[end] == " ") { return false }
            if shareWords.contains(where: { w in end >= w.count && s[(end - w.count)..<end].elementsEqual(w) }) { return true }
        }
        return false
    }

    /// 0.596。 → 0.5%。: the % read as digits at the end of a decimal of
    /// three places or more that ends a clause.
    func signDigits(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        var end = s.count - 1
        while end > 0 {
            defer { end -= 1 }
            // The digit first: hashing every scalar of the text cost most of the rule (callgrind).
            guard s[end - 1].isASCIIDigit, clauseEnds.contains(s[end]),
                  let (_, point) = number(endingAt: end, in: s), let point, end - point - 1 >= 3 else { continue }
            for digits in signAsDigits where end - point - 1 > digits.count && s[(end - digits.count)..<end].elementsEqual(digits) {
                s.replaceSubrange((end - digits.count)..<end, with: [percent])
                changed = true
                break
            }
        }
        return changed
    }

    /// The two-digit whole percentages ending in 9 (49%) left on the line, as written.
    func doubts(_ s: [Unicode.Scalar]) -> [String] {
        percents(in: s).compactMap { p in
            guard p >= 2, s[p - 1] == extraDigit, let (start, point) = number(endingAt: p, in: s), point == nil,
                  p - start == 2 else { return nil }
            return String(String.UnicodeScalarView(s[start...p]))
        }
    }

    /// The rule names and their steps, in order, for `OCRRepairs` to trace;
    /// `nines`: the percentages `nines` changed, for it to report.
    func repair(_ s: inout [Unicode.Scalar], nines repaired: inout [NineRepair]) -> [(rule: String, after: [Unicode.Scalar])] {
        var changed: [(rule: String, after: [Unicode.Scalar])] = []
        if signDigits(&s) { changed.append(("normalize.ocr-percent-digits", s)) }
        repaired = nines(&s)
        if !repaired.isEmpty { changed.append(("normalize.ocr-percent-nine", s)) }
        if shares(&s) { changed.append(("normalize.ocr-percent-share", s)) }
        return changed
    }
}
