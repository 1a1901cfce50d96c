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
    /// Every scalar `normalize.punctuation` may rewrite (the keys of its three
    /// maps and both parentheses): a line with none of them is skipped, and
    /// other scalars skip the map lookups.
    let punctuationCandidates: ScalarSet
    /// What the rules may do to each scalar, for the one-pass path.
    let classes: ScalarClasses

    public init(rules: RuleSet) {
        self.rules = rules
        let keys = [0x28, 0x29, 0xFF08, 0xFF09] + Array(rules.punctuationInHan.keys)
            + Array(rules.sentenceStopInHan.keys) + Array(rules.punctuationInNumbers.keys)
        punctuationCandidates = ScalarSet(ranges: keys.map { UInt32($0)...UInt32($0) }, pattern: "punctuation candidates")
        classes = ScalarClasses(rules: rules, punctuationCandidates: punctuationCandidates)
    }

    /// The lines of `text` with every rule applied. With tracing off, one pass
    /// per line (`normalizeFused`); with tracing on (or rules that remove or
    /// make line breaks), the rules one after the other over the whole text, so
    /// each can record the lines it changed. Both give the same lines.
    public func normalize(_ text: String, context: PipelineContext) throws -> [SourceLine] {
        context.tracing || !classes.linesAreIndependent ? try normalizeInPasses(text, context: context) : try normalizeFused(text)
    }

    // The passes work on one array of scalar values, in place where they can,
    // through unsafe buffers.
    func normalizeInPasses(_ text: String, context: PipelineContext) throws -> [SourceLine] {
        var scalars = scalarValues(text)
        pass("normalize.line-breaks", &scalars, context) { s in
            let count = s.withUnsafeMutableBufferPointer { p -> Int in
                var w = 0, i = 0
                let n = p.count
                while i < n {
                    let c = p[i]
                    if c == 0x0D {
                        p[w] = 0x0A
                        if i + 1 < n && p[i + 1] == 0x0A { i += 1 }
                    } else if c == 0x0C || c == 0x2028 || c == 0x2029 {
                        p[w] = 0x0A
                    } else {
                        p[w] = c
                    }
                    w += 1
                    i += 1
                }
                return w
            }
            s.removeSubrange(count...)
        }
        let extractedColumns = Self.lineColumns(scalars)
        pass("normalize.radicals", &scalars, context) { s in
            s.withUnsafeMutableBufferPointer { p in
                for i in p.indices where p[i] &- 0x2E80 <= 0x2FDF - 0x2E80 {
                    if let ideograph = rules.radicals[p[i]] { p[i] = ideograph }
                }
            }
        }
        var failure: Error?
        pass("normalize.nfkc", &scalars, context) { s in
            do { try nfkc(&s) } catch { failure = error }
        }
        if let failure { throw DocNormError.icu("\(failure)") }
        pass("normalize.controls", &scalars, context) { s in
            s.removeAll { rules.remove.contains($0) }
        }
        pass("normalize.spaces", &scalars, context) { s in
            s.withUnsafeMutableBufferPointer { p in
                for i in p.indices where rules.spaces.contains(p[i]) { p[i] = 0x20 }
            }
        }
        pass("normalize.punctuation", &scalars, context) { s in
            var start = 0
            for i in 0...s.count where i == s.count || s[i] == 0x0A {
                // One rewrite can give the next character a CJK neighbour
                // (",,政"): repeat until nothing changes, so the output is a
                // fixpoint and normalizing it again changes nothing. Rewrites
                // only go one way, so this ends. A line with nothing to
                // rewrite is not visited at all.
                if hasPunctuationCandidate(s, start..<i) {
                    while contextualPunctuation(&s, start..<i) {}
                }
                start = i + 1
            }
        }
        pass("normalize.spacing", &scalars, context) { s in
            s = canonicalSpacing(s)
        }
        var lines: [SourceLine] = []
        scalars.withUnsafeBufferPointer { p in
            var number = 1, start = 0
            for i in 0...p.count where i == p.count || p[i] == 0x0A {
                lines.append(SourceLine(number: number, text: utf8String(UnsafeBufferPointer(rebasing: p[start..<i])),
                                        extractedColumns: number <= extractedColumns.count ? extractedColumns[number - 1] : nil))
                number += 1
                start = i + 1
            }
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

    /// `normalize.nfkc`: through UTF-16 once; text ICU's quick check finds
    /// already normalized comes back untouched.
    func nfkc(_ s: inout [UInt32]) throws {
        var utf16 = s.withUnsafeBufferPointer { p in
            [UInt16](unsafeUninitializedCapacity: p.count * 2) { out, count in
                var n = 0
                for v in p {
                    if v < 0x10000 {
                        out[n] = UInt16(truncatingIfNeeded: v)
                        n += 1
                    } else {
                        out[n] = UInt16(truncatingIfNeeded: 0xD800 + ((v - 0x10000) >> 10))
                        out[n + 1] = UInt16(truncatingIfNeeded: 0xDC00 + (v & 0x3FF))
                        n += 2
                    }
                }
                count = n
            }
        }
        guard let normalized = try rules.normalizer.normalizeIfNeeded(utf16) else { return }
        utf16 = []
        // Scalars never outnumber UTF-16 units.
        s = normalized.withUnsafeBufferPointer { p in
            [UInt32](unsafeUninitializedCapacity: p.count) { out, count in
                var i = 0, n = 0
                while i < p.count {
                    let u = UInt32(p[i])
                    if u & 0xFC00 == 0xD800, i + 1 < p.count, UInt32(p[i + 1]) & 0xFC00 == 0xDC00 {
                        out[n] = 0x10000 + ((u - 0xD800) << 10) + (UInt32(p[i + 1]) - 0xDC00)
                        i += 2
                    } else {
                        out[n] = u & 0xF800 == 0xD800 ? 0xFFFD : u
                        i += 1
                    }
                    n += 1
                }
                count = n
            }
        }
    }

    func hasPunctuationCandidate(_ s: [UInt32], _ line: Range<Int>) -> Bool {
        s.withUnsafeBufferPointer { p in
            for i in line where punctuationCandidates.contains(p[i]) { return true }
            return false
        }
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
        // Each rewrite with the value it replaced: the line changed when any
        // position differs from its first replaced value (cheaper than a copy
        // of every line, and the same answer even if a position flips back).
        var rewrites: [(index: Int, old: UInt32)] = []
        func set(_ i: Int, _ value: UInt32) {
            if s[i] != value {
                rewrites.append((i, s[i]))
                s[i] = value
            }
        }
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
                        set(o, 0xFF08)
                        set(i, 0xFF09)
                    }
                } else if isCJK(neighbour(i, -1)) {
                    set(i, 0xFF09)
                }
            default: break
            }
        }
        for o in open where s[o] == 0x28 && isCJK(neighbour(o, 1)) { set(o, 0xFF08) }
        for i in line {
            let c = s[i]
            if c == 0x28 || c == 0x29 || !punctuationCandidates.contains(c) { continue }
            if let full = rules.punctuationInHan[c] {
                let before = neighbour(i, -1), after = neighbour(i, 1)
                if isCJK(before) || (isCJK(after) && !isLatin(before) && !(isDigit(before) && isDigit(after))) { set(i, full) }
            } else if let stop = rules.sentenceStopInHan[c] {
                let before = neighbour(i, -1), after = neighbour(i, 1)
                if let b = before, rules.cjk.contains(b), !isDigit(b), after != c, !isLatin(after), !isDigit(after) { set(i, stop) }
            } else if let ascii = rules.punctuationInNumbers[c] {
                let before = neighbour(i, -1), after = neighbour(i, 1)
                if isDigit(before) && isDigit(after) { set(i, ascii) }
            }
        }
        return rewrites.contains { s[$0.index] != $0.old }
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

/// The scalar values of a string, decoded straight from its UTF-8.
func scalarValues(_ text: String) -> [UInt32] {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { p -> [UInt32] in
        [UInt32](unsafeUninitializedCapacity: p.count) { out, count in
            var i = 0, n = 0
            while i < p.count {
                let b = UInt32(p[i])
                if b < 0x80 {
                    out[n] = b
                    i += 1
                } else if b < 0xE0 {
                    out[n] = (b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
                    i += 2
                } else if b < 0xF0 {
                    out[n] = (b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                    i += 3
                } else {
                    out[n] = (b & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
                    i += 4
                }
                n += 1
            }
            count = n
        }
    }! // a native String is always contiguous after makeContiguousUTF8
}

/// A string from scalar values (all valid scalars), encoded once into a
/// string of exactly the right size.
func utf8String(_ values: UnsafeBufferPointer<UInt32>) -> String {
    var bytes = 0
    for v in values { bytes += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4 }
    if bytes == 0 { return "" }
    return String(unsafeUninitializedCapacity: bytes) { out in
        var n = 0
        for v in values {
            if v < 0x80 {
                out[n] = UInt8(truncatingIfNeeded: v)
                n += 1
            } else if v < 0x800 {
                out[n] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
                out[n + 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                n += 2
            } else if v < 0x10000 {
                out[n] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
                out[n + 1] = UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F)
                out[n + 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                n += 3
            } else {
                out[n] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
                out[n + 1] = UInt8(truncatingIfNeeded: 0x80 | (v >> 12) & 0x3F)
                out[n + 2] = UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F)
                out[n + 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                n += 4
            }
        }
        return n
    }
}

func string<C: Collection>(_ values: C) -> String where C.Element == UInt32 {
    var view = String.UnicodeScalarView()
    for v in values { if let s = Unicode.Scalar(v) { view.append(s) } }
    return String(view)
}
