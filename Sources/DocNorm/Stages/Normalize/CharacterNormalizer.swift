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
            contextualPunctuation(&s)
        }
        pass("normalize.spacing", &scalars, context) { s in
            s = canonicalSpacing(s)
        }
        var lines: [SourceLine] = []
        var number = 1
        for line in scalars.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lines.append(SourceLine(number: number, text: string(line)))
            number += 1
        }
        if lines.last?.text.isEmpty == true { lines.removeLast() }
        return lines
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
    func contextualPunctuation(_ s: inout [UInt32]) {
        func isBlank(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 }
        func isParen(_ v: UInt32) -> Bool { v == 0x28 || v == 0x29 || v == 0xFF08 || v == 0xFF09 }
        func isRuleCharacter(_ v: UInt32) -> Bool {
            isParen(v) || rules.punctuationInHan[v] != nil || rules.sentenceStopInHan[v] != nil || rules.punctuationInNumbers[v] != nil
        }
        let candidates = s.indices.filter { isRuleCharacter(s[$0]) }
        guard !candidates.isEmpty else { return }
        // Nearest non-blank neighbours on the line, found by scanning: rewrites never touch
        // blanks, and each character is decided only a few times, so the scans
        // stay linear in all (no per-character index arrays for a 200 MB input).
        func previousIndex(_ i: Int) -> Int {
            var j = i - 1
            while j >= 0 && isBlank(s[j]) { j -= 1 }
            return j >= 0 && s[j] != 0x0A ? j : -1
        }
        func nextIndex(_ i: Int) -> Int {
            var j = i + 1
            while j < s.count && isBlank(s[j]) { j += 1 }
            return j < s.count && s[j] != 0x0A ? j : -1
        }
        // Per candidate (by its index in `candidates`): its partner parenthesis
        // and how many CJK characters come before it, so "does this pair
        // enclose CJK" is one subtraction. Rewrites inside a pair happen only
        // next to CJK or to the pair itself, so the original count decides the same way.
        var partner = [Int](repeating: -1, count: candidates.count)
        var cjkBefore = [Int](repeating: 0, count: candidates.count)
        var open: [Int] = []
        var cjkSoFar = 0, position = 0
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
        func isDigit(_ v: UInt32?) -> Bool { v.map { (0x30...0x39).contains($0) } ?? false }
        func isLatin(_ v: UInt32?) -> Bool { v.map { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) } ?? false }

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
                } else if c == 0x29, isCJK(at(previousIndex(i))) {
                    s[i] = 0xFF09
                    return [k]
                } else if c == 0x28, isCJK(at(nextIndex(i))) {
                    s[i] = 0xFF08
                    return [k]
                }
                return []
            }
            let before = at(previousIndex(i)), after = at(nextIndex(i))
            if let full = rules.punctuationInHan[c] {
                if isCJK(before) || (isCJK(after) && !isLatin(before) && !(isDigit(before) && isDigit(after))) { s[i] = full; return [k] }
            } else if let stop = rules.sentenceStopInHan[c] {
                if let b = before, rules.cjk.contains(b), !isDigit(b), after != c, !isLatin(after), !isDigit(after) { s[i] = stop; return [k] }
            } else if let ascii = rules.punctuationInNumbers[c] {
                if isDigit(before) && isDigit(after) { s[i] = ascii; return [k] }
            }
            return []
        }

        var work = Array(candidates.indices)
        var queued = [Bool](repeating: true, count: candidates.count)
        while let k = work.popLast() {
            queued[k] = false
            for changed in decide(k) {
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
