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
    /// The most blank lines of one run that are kept as lines (see
    /// `BlankRun`); the line numbers of those after them still count.
    let blankRunLimit: Int

    /// `blankRunLimit`: the longest stretch of lines a later stage counts
    /// (stage 3's table window); unlimited by default.
    /// `ocrOpeners`: the openers of stage 1c's rules (`OCRRepairs.candidates`),
    /// so that the one pass over the text also finds the lines stage 1c
    /// need not look at (`normalizeMarking`).
    public init(rules: RuleSet, blankRunLimit: Int = .max) {
        self.init(rules: rules, blankRunLimit: blankRunLimit, ocrOpeners: ScalarSet(ranges: [], pattern: "none"))
    }

    init(rules: RuleSet, blankRunLimit: Int = .max, ocrOpeners: ScalarSet) {
        self.rules = rules
        self.blankRunLimit = max(blankRunLimit, 1)
        let keys = [0x28, 0x29, 0xFF08, 0xFF09] + Array(rules.punctuationInHan.keys)
            + Array(rules.sentenceStopInHan.keys) + Array(rules.punctuationInNumbers.keys)
        punctuationCandidates = ScalarSet(ranges: keys.map { UInt32($0)...UInt32($0) }, pattern: "punctuation candidates")
        classes = ScalarClasses(rules: rules, punctuationCandidates: punctuationCandidates, ocrOpeners: ocrOpeners)
    }

    /// The lines of `text` with every rule applied. With tracing off, one pass
    /// per line (`normalizeFused`); with tracing on (or rules that remove or
    /// make line breaks), the rules one after the other over the whole text, so
    /// each can record the lines it changed. Both give the same lines.
    public func normalize(_ text: String, context: PipelineContext) throws -> [SourceLine] {
        context.tracing || !classes.linesAreIndependent ? try normalizeInPasses(text, context: context) : try normalizeFused(text)
    }

    /// `normalize`, and which lines stage 1c must look at: with one pass per
    /// line, those with an opener of its rules (as the normalizer was told
    /// them) or changed by a rule; with the passes, every line.
    func normalizeMarking(_ text: String, context: PipelineContext) throws -> NormalizedLines {
        context.tracing || !classes.linesAreIndependent ? NormalizedLines(lines: try normalizeInPasses(text, context: context), mayNeedOCR: nil)
            : try normalizeFusedMarking(text)
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
        let extracted = Self.lineColumns(scalars)
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
                // A line with nothing to rewrite is not visited at all; the
                // worklist settles the line to a fixpoint in one call.
                if hasPunctuationCandidate(s, start..<i) {
                    contextualPunctuation(&s, start..<i)
                }
                start = i + 1
            }
        }
        pass("normalize.spacing", &scalars, context) { s in
            s = canonicalSpacing(s)
        }
        var lines: [SourceLine] = []
        var blanks = BlankRun(limit: blankRunLimit)
        scalars.withUnsafeBufferPointer { p in
            var number = 1, start = 0
            for i in 0...p.count where i == p.count || p[i] == 0x0A {
                if blanks.keeps(empty: i == start) {
                    lines.append(SourceLine(number: number, text: utf8String(UnsafeBufferPointer(rebasing: p[start..<i])),
                                            extractedColumns: number <= extracted.count ? extracted[number - 1].columns : nil,
                                            extractedIndent: number <= extracted.count ? extracted[number - 1].indent : nil))
                }
                number += 1
                start = i + 1
            }
        }
        if lines.last?.text.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Display columns of each LF-separated line, trailing spaces not counted,
    /// and of the spaces before its text (`SourceLine.extractedIndent`).
    static func lineColumns(_ s: [UInt32]) -> [(columns: Int, indent: Int)] {
        var result: [(columns: Int, indent: Int)] = []
        var width = 0, trailing = 0, indent = 0, inText = false
        for c in s {
            if c == 0x0A { result.append((width - trailing, inText ? indent : 0)); width = 0; trailing = 0; indent = 0; inText = false; continue }
            let w = c < 0x10000 ? Int(LineRepair.widths[Int(c)]) : 2
            width += w
            let isSpace = c == 0x20 || c == 0x09 || c == 0x3000 || c == 0xA0
            trailing = isSpace ? trailing + w : 0
            if !inText { if isSpace { indent += w } else { inText = true } }
        }
        result.append((width - trailing, inText ? indent : 0))
        return result
    }

    /// `normalize.nfkc`: through UTF-16 once; text ICU's quick check finds
    /// already normalized comes back untouched.
    func nfkc(_ s: inout [UInt32]) throws {
        var utf16 = s.withUnsafeBufferPointer { p in
            [UInt16](unsafeUninitializedCapacity: p.count * 2) { out, count in count = writeUTF16(p, into: out) }
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

    /// A candidate `punctuationRewrite` rewrites only between two digits
    /// (`ScalarClasses.digitGuarded`: ，： of the built-in rules), read off
    /// the class table instead of hashing.
    @inline(__always)
    func isDigitGuarded(_ c: UInt32) -> Bool {
        c < 0x10000 && classes.bmp.withUnsafeBufferPointer { $0[Int(c)] } & ScalarClasses.punctuationInNumbers != 0
    }

    /// What a non-parenthesis punctuation character becomes between its
    /// nearest non-blank neighbours on the line, or nil when it stays.
    /// One place for the rule, shared by the worklist and its fast path.
    func punctuationRewrite(_ c: UInt32, before: UInt32?, after: UInt32?) -> UInt32? {
        func isCJK(_ v: UInt32?) -> Bool { v.map { rules.cjk.contains($0) } ?? false }
        func isDigit(_ v: UInt32?) -> Bool { v.map { (0x30...0x39).contains($0) } ?? false }
        func isLatin(_ v: UInt32?) -> Bool { v.map { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) } ?? false }
        // The maps as the short lists of `classes` (a handful of keys each):
        // asked for every candidate of every line, and hashing a key was
        // most of the cost of a call.
        func value(_ map: [(key: UInt32, value: UInt32)]) -> UInt32? {
            for entry in map where entry.key == c { return entry.value }
            return nil
        }
        if let full = value(classes.punctuationInHan) {
            if isCJK(before) || (isCJK(after) && !isLatin(before) && !(isDigit(before) && isDigit(after))) { return full }
        } else if let stop = value(classes.sentenceStopInHan) {
            if isCJK(before), !isDigit(before), after != c, !isLatin(after), !isDigit(after) { return stop }
        } else if let ascii = value(classes.punctuationInNumbers) {
            if isDigit(before) && isDigit(after) { return ascii }
        }
        return nil
    }

    /// The common case, without allocating: a line with no ASCII parenthesis
    /// whose every other candidate already stands as its context asks
    /// (1.属于, 3.5, 。), so the worklist below would change nothing. Full-width
    /// parentheses alone never change: a pair of them, or one without a
    /// partner, is left as it is; only a pair with an ASCII one is rewritten,
    /// and that one is in the line. (Every line with （…） went through the
    /// worklist, allocating its arrays, before.)
    func settledWithoutParentheses(_ s: [UInt32], _ range: Range<Int>) -> Bool {
        s.withUnsafeBufferPointer { settledWithoutParentheses($0, range) }
    }

    func settledWithoutParentheses(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
        func neighbour(_ i: Int, _ step: Int) -> UInt32? {
            var j = i + step
            while range.contains(j) {
                if s[j] == 0x0A { return nil }
                if s[j] != 0x20 && s[j] != 0x09 { return s[j] }
                j += step
            }
            return nil
        }
        for i in range {
            let c = s[i]
            guard punctuationCandidates.contains(c) else { continue }
            if c == 0x28 || c == 0x29 { return false }
            if c == 0xFF08 || c == 0xFF09 { continue }
            let before = neighbour(i, -1)
            // Rewritten only between digits (，：), so with no digit before it
            // the one after is not looked for.
            if isDigitGuarded(c) && !(before.map { $0 &- 0x30 < 10 } ?? false) { continue }
            if punctuationRewrite(c, before: before, after: neighbour(i, 1)) != nil { return false }
        }
        return true
    }

    /// Rewrites punctuation by its neighbours (see the type's doc).
    ///
    /// Context stops at the line's ends: a neighbour is the nearest character
    /// on the same line that is not a space or TAB, and parentheses pair within
    /// a line. (Crossing lines would make context depend on page numbers that
    /// line repair removes later; staying within them leaves a wrap that line
    /// repair joins undecided: docs/fuzzing.md, known issues.)
    ///
    /// One rewrite can give another character a CJK neighbour (",,,政"), so
    /// rewrites propagate through a worklist until nothing changes: the output
    /// is a fixpoint and normalizing it again changes nothing. Each character
    /// changes at most once or twice and then only its neighbours are looked at
    /// again, so this is linear in the text (repeating whole passes was
    /// quadratic: 20,000 commas before a 政 took minutes).
    @discardableResult
    func contextualPunctuation(_ s: inout [UInt32], _ range: Range<Int>) -> Bool {
        func isBlank(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 }
        func isParen(_ v: UInt32) -> Bool { v == 0x28 || v == 0x29 || v == 0xFF08 || v == 0xFF09 }
        func isRuleCharacter(_ v: UInt32) -> Bool {
            punctuationCandidates.contains(v)  // parentheses and the three maps' keys, without hashing
        }
        if settledWithoutParentheses(s, range) { return false }
        let candidates = range.filter { isRuleCharacter(s[$0]) }
        guard !candidates.isEmpty else { return false }
        var changedAny = false
        // Nearest non-blank neighbours on the line, found by scanning: rewrites never touch
        // blanks, and each character is decided only a few times, so the scans
        // stay linear in all (no per-character index arrays for a 200 MB input).
        func previousIndex(_ i: Int) -> Int {
            var j = i - 1
            while j >= range.lowerBound && isBlank(s[j]) { j -= 1 }
            return j >= range.lowerBound && s[j] != 0x0A ? j : -1
        }
        func nextIndex(_ i: Int) -> Int {
            var j = i + 1
            while j < range.upperBound && isBlank(s[j]) { j += 1 }
            return j < range.upperBound && s[j] != 0x0A ? j : -1
        }
        // Per candidate (by its index in `candidates`): its partner parenthesis
        // and how many CJK characters come before it, so "does this pair
        // enclose CJK" is one subtraction. Rewrites inside a pair happen only
        // next to CJK or to the pair itself, so the original count decides the same way.
        var partner = [Int](repeating: -1, count: candidates.count)
        var cjkBefore = [Int](repeating: 0, count: candidates.count)
        var open: [Int] = []
        var cjkSoFar = 0, position = range.lowerBound
        for (k, i) in candidates.enumerated() {
            while position < i {
                if rules.cjk.contains(s[position]) { cjkSoFar += 1 }
                if s[position] == 0x0A { open.removeAll() }
                position += 1
            }
            cjkBefore[k] = cjkSoFar
            switch s[i] {
            case 0x28, 0xFF08: open.append(k)
            case 0x29, 0xFF09: if let o = open.popLast() { partner[o] = k; partner[k] = o }
            default: break
            }
        }
        /// The index in `candidates` of position i, or nil when i is not one.
        func slot(_ i: Int) -> Int? {
            var lo = 0, hi = candidates.count
            while lo < hi { let mid = (lo + hi) / 2; if candidates[mid] < i { lo = mid + 1 } else { hi = mid } }
            return lo < candidates.count && candidates[lo] == i ? lo : nil
        }

        func at(_ i: Int) -> UInt32? { i >= 0 ? s[i] : nil }
        func isCJK(_ v: UInt32?) -> Bool { v.map { rules.cjk.contains($0) } ?? false }

        /// Rewrites candidate k if its context asks for it; the candidates changed.
        func decide(_ k: Int) -> [Int] {
            let i = candidates[k], c = s[i]
            if isParen(c) {
                if partner[k] >= 0 {
                    let (ko, ke) = (min(k, partner[k]), max(k, partner[k]))
                    let (o, e) = (candidates[ko], candidates[ke])
                    guard s[o] != 0xFF08 || s[e] != 0xFF09 else { return [] }
                    let encloses = cjkBefore[ke] - cjkBefore[ko] - (rules.cjk.contains(s[o]) ? 1 : 0) > 0
                    if s[o] == 0xFF08 || s[e] == 0xFF09 || encloses || isCJK(at(previousIndex(o))) || isCJK(at(nextIndex(e))) {
                        s[o] = 0xFF08
                        s[e] = 0xFF09
                        return [ko, ke]
                    }
                } else if c == 0x29, isCJK(at(previousIndex(i))) || isCJK(at(nextIndex(i))) {
                    // Unpaired on its line: Han on either side decides, as it
                    // would for the pair once stage 2 joins the lines.
                    s[i] = 0xFF09
                    return [k]
                } else if c == 0x28, isCJK(at(nextIndex(i))) || isCJK(at(previousIndex(i))) {
                    s[i] = 0xFF08
                    return [k]
                }
                return []
            }
            guard let rewritten = punctuationRewrite(c, before: at(previousIndex(i)), after: at(nextIndex(i))) else { return [] }
            s[i] = rewritten
            return [k]
        }

        var work = Array(candidates.indices)
        var queued = [Bool](repeating: true, count: candidates.count)
        while let k = work.popLast() {
            queued[k] = false
            let changedHere = decide(k)
            if !changedHere.isEmpty { changedAny = true }
            for changed in changedHere {
                // A changed character is context for its neighbours and, for a
                // parenthesis, its partner.
                let i = candidates[changed]
                let neighbours = [previousIndex(i), nextIndex(i)].compactMap { $0 >= 0 ? slot($0) : nil } + (partner[changed] >= 0 ? [partner[changed]] : [])
                for j in neighbours where !queued[j] {
                    queued[j] = true
                    work.append(j)
                }
            }
        }
        return changedAny
    }

    /// Removes spaces next to CJK characters, collapses runs, trims each line.
    /// TAB (a table cell separator) is kept.
    func canonicalSpacing(_ s: [UInt32]) -> [UInt32] { Self.canonicalSpacing(s, cjk: rules.cjk) }

    /// `canonicalSpacing` with the CJK set given, for stage 2, which removes
    /// text (emphasis markers) a space stood beside.
    static func canonicalSpacing(_ s: [UInt32], cjk: ScalarSet) -> [UInt32] {
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
            let nearCJK = (prev.map { cjk.contains($0) } ?? false) || (next.map { cjk.contains($0) } ?? false)
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
/// temporary buffer. The bytes it encodes from valid scalars
/// are valid UTF-8 and are not validated again (`String(validUTF8:)`: that
/// validation was about 1,300 instructions of a changed line's 1,500); a
/// value that is no scalar (none of the rules makes one) takes the
/// validating path, which repairs it as before.
///
/// One pass: the values are encoded into a buffer of four bytes each (on
/// the stack for a line) and checked as they go, instead of counted and
/// checked in a pass of their own first (a third of a changed line's cost).
func utf8String(_ values: UnsafeBufferPointer<UInt32>) -> String {
    if values.isEmpty { return "" }
    let encoded = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: values.count * 4) { out -> String? in
        var n = 0
        for v in values {
            if v < 0x80 {
                out[n] = UInt8(truncatingIfNeeded: v)
                n &+= 1
            } else if v &- 0x800 < 0xD800 - 0x800 {
                // U+0800…U+D7FF (Han, CJK punctuation: most of a changed
                // line), asked first: three bytes, below the surrogates, so
                // neither of the two tests below is needed for them.
                out[n] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
                out[n &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F)
                out[n &+ 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                n &+= 3
            } else if v < 0x800 {
                out[n] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
                out[n &+ 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                n &+= 2
            } else if v < 0x10000 {
                guard v &- 0xD800 >= 0x800 else { return nil }  // a surrogate
                out[n] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
                out[n &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F)
                out[n &+ 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                n &+= 3
            } else {
                guard v < 0x11_0000 else { return nil }
                out[n] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
                out[n &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (v >> 12) & 0x3F)
                out[n &+ 2] = UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F)
                out[n &+ 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                n &+= 4
            }
        }
        return String(validUTF8: UnsafeBufferPointer(rebasing: out[..<n]), isASCII: n == values.count)
    }
    if let encoded { return encoded }
    // A value that is no scalar: the validating path repairs it.
    var bytes = 0
    for v in values { bytes += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4 }
    return String(unsafeUninitializedCapacity: bytes) { encodeUTF8(values, into: $0) }
}

/// Writes the UTF-8 of `values` into `out` (sized for it); returns the bytes written.
@inline(__always)
private func encodeUTF8(_ values: UnsafeBufferPointer<UInt32>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
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

func string<C: Collection>(_ values: C) -> String where C.Element == UInt32 {
    // Contiguous values that are all scalars (what the rules produce): encoded
    // once by `utf8String`, not appended scalar by scalar.
    if let encoded = values.withContiguousStorageIfAvailable({ p in p.allSatisfy { Unicode.Scalar($0) != nil } ? utf8String(p) : nil }),
       let encoded {
        return encoded
    }
    var view = String.UnicodeScalarView()
    for v in values { if let s = Unicode.Scalar(v) { view.append(s) } }
    return String(view)
}

/// Stage 1b's lines, and the ones stage 1c (`OCRRepairs`) must look at.
struct NormalizedLines {
    var lines: [SourceLine]
    /// Indices in `lines`, ascending, of the lines that may hold an opener of
    /// stage 1c's rules; nil for every line. A line not listed has none, so
    /// `OCRRepairs.mayRepair` would refuse it: asking it of every line was
    /// another pass over the whole text.
    var mayNeedOCR: [Int]?
}

/// Stage 1's rule for runs of blank lines: the first `limit` blank lines of
/// a run are lines of the output, the rest are left out (their numbers are
/// still counted, so every later line keeps its number in the input).
///
/// A blank line carries nothing but its presence: stage 2 asks whether a
/// blank line stands between two lines, and stage 3 counts lines only within
/// its table window, whose length the limit is. A window that reaches a run
/// longer than the limit ends inside it either way, so every stage reads the
/// same text. What it saves: 10 MB of input can be ten million blank lines,
/// and each was a `SourceLine` of 24 bytes.
struct BlankRun {
    let limit: Int
    /// Blank lines in the current run so far.
    private var count = 0

    init(limit: Int) { self.limit = limit }

    /// Whether the next line, empty or not, is kept.
    @inline(__always)
    mutating func keeps(empty: Bool) -> Bool {
        guard empty else { count = 0; return true }
        count &+= 1
        return count <= limit
    }
}
