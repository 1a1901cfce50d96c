import ICUKit

/// Stage 1b: character-level normalization, each pass a named rule:
///
/// - `normalize.line-breaks`: CR LF, CR, form feed, U+2028/2029 → LF.
/// - `normalize.radicals`: Kangxi radicals and CJK Radicals Supplement → unified
///   ideographs (⼀→一, ⺠→民), from Rules/unicode/radicals.tsv.
/// - `normalize.nfkc`: ICU NFKC, except the kept set (full-width CJK punctuation,
///   circled numbers): ２０２４→2024, but ，（）stay.
/// - `normalize.controls`: control, zero-width and variation-selector characters removed.
/// - `normalize.punctuation`: punctuation follows its context: ASCII , : ; ? ! ( )
///   next to Han text become full-width (便捷,我局 → 便捷，我局; (一) → （一）),
///   a full stop right after Han becomes 。, and full-width ， ： between digits
///   become ASCII (1，000 → 1,000). URLs, e-mail, numbers and dates have no Han
///   neighbour and are left alone.
/// - `normalize.spaces`: every space variant (U+00A0, U+3000, …) → U+0020; no
///   space next to a CJK character; runs of spaces collapsed; lines trimmed.
public struct CharacterNormalizer: Sendable {
    let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    public func normalize(_ text: String, context: PipelineContext) throws -> [SourceLine] {
        var scalars = Array(text.unicodeScalars.lazy.map(\.value))
        pass("normalize.line-breaks", &scalars, context) { s in
            var out: [UInt32] = []
            out.reserveCapacity(s.count)
            var i = 0
            while i < s.count {
                let c = s[i]
                if c == 0x0D {
                    out.append(0x0A)
                    if i + 1 < s.count && s[i + 1] == 0x0A { i += 1 }
                } else if c == 0x0C || c == 0x2028 || c == 0x2029 {
                    out.append(0x0A)
                } else {
                    out.append(c)
                }
                i += 1
            }
            s = out
        }
        let extractedColumns = Self.lineColumns(scalars)
        pass("normalize.radicals", &scalars, context) { s in
            for i in s.indices where (0x2E80...0x2FDF).contains(s[i]) {
                if let ideograph = rules.radicals[s[i]] { s[i] = ideograph }
            }
        }
        var failure: Error?
        pass("normalize.nfkc", &scalars, context) { s in
            var utf16: [UInt16] = []
            utf16.reserveCapacity(s.count)
            for v in s { utf16.append(contentsOf: UTF16.encode(Unicode.Scalar(v)!)!) }
            do {
                let normalized = try rules.normalizer.normalize(utf16)
                s = Array(String(decoding: normalized, as: UTF16.self).unicodeScalars.lazy.map(\.value))
            } catch { failure = error }
        }
        if let failure { throw DocNormError.icu("\(failure)") }
        pass("normalize.controls", &scalars, context) { s in
            s.removeAll { rules.remove.contains($0) }
        }
        pass("normalize.spaces", &scalars, context) { s in
            for i in s.indices where rules.spaces.contains(s[i]) { s[i] = 0x20 }
        }
        pass("normalize.punctuation", &scalars, context) { s in
            var start = 0
            for i in 0...s.count where i == s.count || s[i] == 0x0A {
                // One rewrite can give the next character a CJK neighbour
                // (",,政"): repeat until nothing changes, so the output is a
                // fixpoint and normalizing it again changes nothing. Rewrites
                // only go one way, so this ends.
                while contextualPunctuation(&s, start..<i) {}
                start = i + 1
            }
        }
        pass("normalize.spacing", &scalars, context) { s in
            s = canonicalSpacing(s)
        }
        var lines: [SourceLine] = []
        var number = 1
        for line in scalars.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lines.append(SourceLine(number: number, text: string(line),
                                    extractedColumns: number <= extractedColumns.count ? extractedColumns[number - 1] : nil))
            number += 1
        }
        if lines.last?.text.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Display columns of each LF-separated line, trailing spaces not counted.
    static func lineColumns(_ s: [UInt32]) -> [Int] {
        var result: [Int] = []
        var width = 0, trailing = 0
        for c in s {
            if c == 0x0A { result.append(width - trailing); width = 0; trailing = 0; continue }
            let w = c < 0x10000 ? Int(LineRepair.widths[Int(c)]) : 2
            width += w
            trailing = (c == 0x20 || c == 0x09 || c == 0x3000 || c == 0xA0) ? trailing + w : 0
        }
        result.append(width - trailing)
        return result
    }

    /// Runs one rule over the whole text; with tracing on, records each line it changed.
    private func pass(_ rule: String, _ scalars: inout [UInt32], _ context: PipelineContext, _ body: (inout [UInt32]) -> Void) {
        guard context.tracing else { body(&scalars); return }
        let before = scalars
        body(&scalars)
        guard before != scalars else { return }
        let old = before.split(separator: 0x0A, omittingEmptySubsequences: false)
        let new = scalars.split(separator: 0x0A, omittingEmptySubsequences: false)
        if old.count != new.count {
            context.traced(.normalize, rule, line: nil, before: "\(old.count) lines", after: "\(new.count) lines")
            return
        }
        for (i, (a, b)) in zip(old, new).enumerated() where !a.elementsEqual(b) {
            context.traced(.normalize, rule, line: i + 1, before: string(a), after: string(b))
        }
    }

    /// Rewrites punctuation in one line by its neighbours (see the type's doc).
    @discardableResult
    func contextualPunctuation(_ s: inout [UInt32], _ line: Range<Int>) -> Bool {
        let original = Array(s[line])
        func neighbour(_ i: Int, _ step: Int) -> UInt32? {
            var j = i + step
            while line.contains(j) {
                if s[j] != 0x20 && s[j] != 0x09 { return s[j] }
                j += step
            }
            return nil
        }
        func isCJK(_ v: UInt32?) -> Bool { v.map { rules.cjk.contains($0) } ?? false }
        func isDigit(_ v: UInt32?) -> Bool { v.map { (0x30...0x39).contains($0) } ?? false }
        func isLatin(_ v: UInt32?) -> Bool { v.map { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) } ?? false }
        // Parentheses as pairs: a pair is full-width when either half already is,
        // when it encloses Han, or when Han stands right outside it.
        var open: [Int] = []
        for i in line {
            switch s[i] {
            case 0x28, 0xFF08: open.append(i)
            case 0x29, 0xFF09:
                if let o = open.popLast() {
                    let encloses = s[(o + 1)..<i].contains { rules.cjk.contains($0) }
                    if s[o] == 0xFF08 || s[i] == 0xFF09 || encloses || isCJK(neighbour(o, -1)) || isCJK(neighbour(i, 1)) {
                        s[o] = 0xFF08
                        s[i] = 0xFF09
                    }
                } else if isCJK(neighbour(i, -1)) {
                    s[i] = 0xFF09
                }
            default: break
            }
        }
        for o in open where s[o] == 0x28 && isCJK(neighbour(o, 1)) { s[o] = 0xFF08 }
        for i in line {
            let c = s[i]
            if c == 0x28 || c == 0x29 { continue }
            if let full = rules.punctuationInHan[c] {
                let before = neighbour(i, -1), after = neighbour(i, 1)
                if isCJK(before) || (isCJK(after) && !isLatin(before) && !(isDigit(before) && isDigit(after))) { s[i] = full }
            } else if let stop = rules.sentenceStopInHan[c] {
                let before = neighbour(i, -1), after = neighbour(i, 1)
                if let b = before, rules.cjk.contains(b), !isDigit(b), after != c, !isLatin(after), !isDigit(after) { s[i] = stop }
            } else if let ascii = rules.punctuationInNumbers[c] {
                let before = neighbour(i, -1), after = neighbour(i, 1)
                if isDigit(before) && isDigit(after) { s[i] = ascii }
            }
        }
        return !original.elementsEqual(s[line])
    }

    /// Removes spaces next to CJK characters, collapses runs, trims each line.
    /// TAB (a table cell separator) is kept.
    func canonicalSpacing(_ s: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c != 0x20 { out.append(c); i += 1; continue }
            var j = i
            while j < s.count && s[j] == 0x20 { j += 1 }
            let prev = out.last
            let next = j < s.count ? s[j] : nil
            let atEdge = prev == nil || prev == 0x0A || prev == 0x09 || next == nil || next == 0x0A || next == 0x09
            let nearCJK = (prev.map { rules.cjk.contains($0) } ?? false) || (next.map { rules.cjk.contains($0) } ?? false)
            if !atEdge && !nearCJK { out.append(0x20) }
            i = j
        }
        return out
    }
}

func string<C: Collection>(_ values: C) -> String where C.Element == UInt32 {
    var view = String.UnicodeScalarView()
    for v in values { if let s = Unicode.Scalar(v) { view.append(s) } }
    return String(view)
}
