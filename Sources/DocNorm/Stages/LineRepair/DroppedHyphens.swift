/// Stage 2, `lines.dropped-hyphen`: pdftotext `-raw` joins a line that ends
/// in `-` to the next one and drops the `-`, taking it for a word's
/// hyphenation. In these reports the `-` that ends a line is nearly always a
/// phone number's, between the area code and the number (0435-⏎87263371),
/// and the joined line comes out about two lines wide:
///
///         …邮编：134500，电话：043587263371，电子邮箱：lhszjj@163.com）。
///
/// A line wider than the text column by more than the wrap window whose
/// run of digits has the shape of a fixed-line number with its area code
/// (`phoneNumbers`: 0 and a code of two or three more digits, then seven or
/// eight) and reaches from inside the column to past its end — so the first
/// line could have ended after the area code — gets the `-` back after the
/// area code. A number that stands within one line was not cut, and is left
/// as written.
///
/// `lines.dropped-hyphen-paragraph-end`: where the number ends its
/// paragraph, the line joined to the first holds only the rest of the number
/// and its end mark, and the joined line overruns the column by less than
/// the window (…联系，电话：0753-⏎4628105。 → 电话：07534628105。, Chromium,
/// pdftotext default mode, its column measured on lines with narrow digits).
/// Such a line gets the `-` back only on stronger evidence: it is wider than
/// the column, nothing but closers and a strong end mark (。) follows the
/// number, and the first line, cut after "area code-", reached within the
/// window of the column without passing it.
extension LineRepair {
    /// The stretches with each dropped hyphen restored: the same slices
    /// when none is (most documents).
    /// `measured`: the lines' columns as `wrapEvidence` measured them; a
    /// line given its hyphen back is no longer that wide (-1: not measured).
    func restoreDroppedHyphens(_ segments: [ArraySlice<SourceLine>], fullWidth: Int?, measured: inout [[Int32]],
                               context: PipelineContext) -> [ArraySlice<SourceLine>] {
        guard let full = fullWidth, let rule = file.phoneNumbers else { return segments }
        // A line's columns are at most its UTF-8 bytes (a wide character takes
        // three or four), so a line whose bytes and extracted width both stay
        // within the column and the wrap window is not wide enough: it is not
        // looked at (a short line; a full line of Han has more bytes than
        // columns, and `restoredHyphen` measures it before it scans it).
        // (Wider than the column alone: a number that ends its paragraph.)
        var result = segments
        for s in result.indices {
            for i in result[s].indices {
                let extracted = result[s][i].extractedColumns ?? 0
                guard max(extracted, result[s][i].text.utf8.count) > full else { continue }
                // The columns `wrapEvidence` measured, where it did: a line
                // no wider than the column is not walked again to be told so
                // (most of the lines long in bytes: a full line of Han).
                let known = measured[s][i - result[s].startIndex]
                if known >= 0, max(extracted, Int(known)) <= full { continue }
                let text = result[s][i].text
                guard let (fixed, atParagraphEnd) = restoredHyphen(text, extractedColumns: extracted, columns: known >= 0 ? Int(known) : nil,
                                                                   fullWidth: full, rule: rule) else { continue }
                context.traced(.lines, atParagraphEnd ? "lines.dropped-hyphen-paragraph-end" : "lines.dropped-hyphen",
                               line: result[s][i].number, before: text, after: fixed)
                result[s][i].text = fixed
                measured[s][i - result[s].startIndex] = -1
            }
        }
        return result
    }

    /// `text` with the `-` after the area code of its cut phone number put
    /// back, and whether it was told by the paragraph-end evidence; or nil.
    /// Read on the UTF-8 in place: every line is asked.
    /// The line's width is its width as extracted where that is more (a line
    /// pdftotext set letter-spaced: 阅 ， 如 有 … （ 电 话 ： 0701-⏎3815092）).
    /// `columns`: the text's `columns` where they are known, nil to measure them.
    func restoredHyphen(_ text: String, extractedColumns: Int, columns: Int? = nil, fullWidth: Int, rule: LineRulesFile.PhoneNumbers)
        -> (text: String, atParagraphEnd: Bool)? {
        var text = text
        return text.withUTF8 { bytes -> (text: String, atParagraphEnd: Bool)? in
            // The width first: measuring a line walks its bytes faster than
            // looking for runs of digits does (a Han character is one test),
            // and most lines are not wide enough.
            let window = file.wrap.window
            let width = max(extractedColumns, columns ?? Self.columns(utf8: bytes))
            guard width > fullWidth, let run = phoneRun(bytes, rule: rule), let code = areaCodeLength(bytes[run], rule: rule) else { return nil }
            let lead = Self.columns(utf8: UnsafeBufferPointer(rebasing: bytes[..<run.lowerBound]))
            let atParagraphEnd = width <= fullWidth + window
            if atParagraphEnd {
                // Only the rest of the number and its end mark ran on: the
                // first line ended after "area code-" within the window of
                // the column, and closers and a strong end mark follow.
                guard lead + code + 1 <= fullWidth, lead + code + 1 >= fullWidth - window,
                      endsParagraphAfter(bytes, from: run.upperBound) else { return nil }
            } else {
                // The first line ended after "area code-": inside the column,
                // and the rest of the number did not fit.
                guard lead + code + 1 <= fullWidth + window, lead + run.count + 1 >= fullWidth - window else { return nil }
            }
            let cut = run.lowerBound + code
            let fixed = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<cut]), as: UTF8.self) + "-"
                + String(decoding: UnsafeBufferPointer(rebasing: bytes[cut...]), as: UTF8.self)
            return (fixed, atParagraphEnd)
        }
    }

    /// Whether `bytes` from `start` to the end hold only closers and end
    /// marks, the last of them (closers aside) one of `strongFinal`: the
    /// number before `start` ends its sentence and the line (…电话：0753-4628105。).
    func endsParagraphAfter(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var end = bytes.count, strong = false
        while end > start {
            let (s, length) = UTF8Scalars.scalar(endingAt: end, in: bytes)
            if strongFinal.contains(s) { strong = true } else if !closers.contains(s) { return false }
            end -= length
        }
        return strong
    }

    /// The one run of digits in `bytes` with a fixed-line number's shape,
    /// standing alone (no letter, `-` or `.` against it); nil when there is
    /// none, or two (which of them was cut is unknown).
    func phoneRun(_ bytes: UnsafeBufferPointer<UInt8>, rule: LineRulesFile.PhoneNumbers) -> Range<Int>? {
        let longest = rule.lengths.max() ?? 0
        func joinsWord(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || (b | 0x20) &- UInt8(ascii: "a") < 26
        }
        var i = 0, found: Range<Int>?
        while i < bytes.count {
            guard bytes[i] &- 0x30 < 10 else { i += 1; continue }
            var j = i
            while j < bytes.count && bytes[j] &- 0x30 < 10 { j += 1 }
            if j - i <= longest, !(i > 0 && joinsWord(bytes[i - 1])), !(j < bytes.count && joinsWord(bytes[j])),
               areaCodeLength(bytes[i..<j], rule: rule) != nil {
                guard found == nil else { return nil }
                found = i..<j
            }
            i = j
        }
        return found
    }

    /// The length of the area code of `digits` when they have the shape of a
    /// fixed-line number with one, else nil.
    func areaCodeLength(_ digits: Slice<UnsafeBufferPointer<UInt8>>, rule: LineRulesFile.PhoneNumbers) -> Int? {
        guard rule.lengths.contains(digits.count), digits.first == UInt8(ascii: "0"),
              let second = digits.dropFirst().first, second != UInt8(ascii: "0") else { return nil }
        let prefix = String(decoding: digits.prefix(2), as: UTF8.self)
        let code = rule.threeDigitAreaCodePrefixes.contains(prefix) ? 3 : 4
        return rule.localLengths.contains(digits.count - code) ? code : nil
    }
}
