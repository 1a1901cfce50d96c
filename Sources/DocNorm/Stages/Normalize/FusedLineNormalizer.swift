import ICUKit
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// What stage 1b's rules may do to each scalar, as bits in one table built once
/// from the rules, so the loop that decodes a line also learns which rules the
/// line needs: most lines (plain Han, ASCII and kept punctuation) need none and
/// are copied through as they are.
struct ScalarClasses: Sendable {
    /// CR, LF, form feed, U+2028, U+2029: ends a line (`normalize.line-breaks`).
    static let lineBreak: Bits = 1 << 0
    /// A key of the radicals table (`normalize.radicals`).
    static let radical: Bits = 1 << 1
    /// Outside the NFKC kept set and not NFKC-inert by ICU's quick-check
    /// properties (`normalize.nfkc`): a line with none is already normalized.
    static let nfkc: Bits = 1 << 2
    /// In the remove set (`normalize.controls`).
    static let remove: Bits = 1 << 3
    /// A space variant that becomes U+0020 (`normalize.spaces`).
    static let space: Bits = 1 << 4
    /// U+0020 itself: `normalize.spacing` has work.
    static let asciiSpace: Bits = 1 << 5
    /// Punctuation `normalize.punctuation` may rewrite whatever its neighbours.
    static let punctuation: Bits = 1 << 6
    /// Punctuation rewritten only between digits (1，000 → 1,000): the line
    /// needs the rule only when a digit stands right before one.
    static let punctuationInNumbers: Bits = 1 << 7
    /// An opener of stage 1c's rules (`OCRRepairs.candidates`): no rule of
    /// this stage, but a line without one, left as extracted, is one stage 1c
    /// need not look at (`NormalizedLines.mayNeedOCR`).
    static let ocrOpener: Bits = 1 << 8

    /// Every rule's bit (not `lineBreak`, not `ocrOpener`): a line with none
    /// of them comes out unchanged.
    static let anyRule: Bits = 0xFF & ~lineBreak

    /// One bit per class above.
    typealias Bits = UInt16

    /// Classes of every BMP scalar.
    let bmp: [Bits]
    /// No rule touches U+4E00…U+9FFF and each is two columns wide (true for
    /// the built-in rules), so the decoding loop skips the tables for them.
    let unifiedIdeographsAreInert: Bool
    /// No rule removes or makes a line break (true for any sane rules): only
    /// then may each line be normalized on its own.
    let linesAreIndependent: Bool
    let rules: RuleSet
    let punctuationCandidates: ScalarSet
    let ocrOpeners: ScalarSet
    /// The unified ideographs among `ocrOpeners` (the misread dash 一, the
    /// misread 1 工), up to two, or 0: the table leaves them out
    /// (U+4E00…U+9FFF stay inert), and the decoding loop marks their lines
    /// itself, each only where it may open a repair (`opensOCRRepair`).
    let ocrIdeograph: UInt32, otherOCRIdeograph: UInt32
    /// Keys of `punctuationInNumbers` that no other punctuation rule reads.
    let digitGuarded: Set<UInt32>
    /// The punctuation maps of the rules as short lists (a handful of keys
    /// each: a linear search beats hashing).
    let punctuationInHan: [(key: UInt32, value: UInt32)]
    let sentenceStopInHan: [(key: UInt32, value: UInt32)]
    let punctuationInNumbers: [(key: UInt32, value: UInt32)]

    init(rules: RuleSet, punctuationCandidates: ScalarSet, ocrOpeners: ScalarSet) {
        self.rules = rules
        self.punctuationCandidates = punctuationCandidates
        self.ocrOpeners = ocrOpeners
        punctuationInHan = rules.punctuationInHan.map { ($0.key, $0.value) }
        sentenceStopInHan = rules.sentenceStopInHan.map { ($0.key, $0.value) }
        punctuationInNumbers = rules.punctuationInNumbers.map { ($0.key, $0.value) }
        // Characters rewritten only between digits can be skipped on a line
        // where no digit precedes them, as long as no rewrite can create a digit
        // and no other rule looks at them.
        let values = Array(rules.punctuationInHan.values) + Array(rules.sentenceStopInHan.values)
            + Array(rules.punctuationInNumbers.values)
        let others = Set([0x28, 0x29, 0xFF08, 0xFF09] + Array(rules.punctuationInHan.keys) + Array(rules.sentenceStopInHan.keys))
        digitGuarded = values.contains { (0x30...0x39).contains($0) } ? []
            : Set(rules.punctuationInNumbers.keys.filter { !others.contains($0) })
        // Two are marked by the decoding loop; more (rules of one's own)
        // go in the table, and the loop then reads it for every ideograph.
        let ideographs = (UInt32(0x4E00)...0x9FFF).filter { ocrOpeners.contains($0) }
        let ocrIdeograph: UInt32 = (1...2).contains(ideographs.count) ? ideographs[0] : 0
        let otherOCRIdeograph: UInt32 = ideographs.count == 2 ? ideographs[1] : ocrIdeograph
        self.ocrIdeograph = ocrIdeograph
        self.otherOCRIdeograph = otherOCRIdeograph
        let kept = (try? ScalarSet(pattern: rules.normalizer.keptPattern))
        let digitGuarded = self.digitGuarded
        // Filled set by set from their members (a few thousand each, ICU's
        // NFKC candidates as ranges), not by asking every set and ICU about
        // each of the 65,536 scalars: that was most of a small run's start-up.
        var bmp = [Bits](repeating: 0, count: 0x10000)
        for v in [0x0A, 0x0D, 0x0C, 0x2028, 0x2029] { bmp[v] |= Self.lineBreak }
        for v in rules.radicals.keys where v <= 0xFFFF { bmp[Int(v)] |= Self.radical }
        // Without the kept set (it compiled for the normalizer, so this is
        // not expected) every candidate goes through ICU's own quick check.
        func markNFKC(_ v: UInt32) { if !(kept?.contains(v) ?? false) { bmp[Int(v)] |= Self.nfkc } }
        for v in UInt32(0xD800)...0xDFFF { markNFKC(v) }
        for range in UnicodeProperties.mayChangeUnderNFKCRanges where range.lowerBound <= 0xFFFF {
            for v in range.lowerBound...min(range.upperBound, 0xFFFF) { markNFKC(v) }
        }
        rules.remove.forEachBMPMember { bmp[Int($0)] |= Self.remove }
        rules.spaces.forEachBMPMember { bmp[Int($0)] |= Self.space }
        bmp[0x20] |= Self.asciiSpace
        punctuationCandidates.forEachBMPMember { v in
            bmp[Int(v)] |= digitGuarded.contains(v) ? Self.punctuationInNumbers : Self.punctuation
        }
        ocrOpeners.forEachBMPMember { v in if v != ocrIdeograph && v != otherOCRIdeograph { bmp[Int(v)] |= Self.ocrOpener } }
        self.bmp = bmp
        linesAreIndependent = !rules.remove.contains(0x0A) && !rules.spaces.contains(0x0A)
            && !(values + Array(rules.radicals.values)).contains(0x0A)
        // The decoding loop takes both for granted for these ranges.
        unifiedIdeographsAreInert = (0x4E00...0x9FFF).allSatisfy { bmp[$0] == 0 && LineRepair.widths[$0] == 2 }
    }

    /// Classes of a scalar above the BMP (rare): NFKC is always left to ICU's check.
    func supplementary(_ v: UInt32) -> Bits {
        var c = Self.nfkc
        if ocrOpeners.contains(v) { c |= Self.ocrOpener }
        if rules.remove.contains(v) { c |= Self.remove }
        if rules.spaces.contains(v) { c |= Self.space }
        if punctuationCandidates.contains(v) { c |= Self.punctuation }
        return c
    }

}

/// Buffers the rarer rules reuse from line to line.
struct Scratch: ~Copyable {
    var utf16: [UInt16] = []
    var normalized: [UInt16] = []
}

/// A growable scalar buffer for one line, reused for every line of a document.
struct LineBuffer: ~Copyable {
    var base: UnsafeMutablePointer<UInt32>
    var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    mutating func reserve(_ wanted: Int) {
        guard wanted > capacity else { return }
        let bigger = UnsafeMutablePointer<UInt32>.allocate(capacity: max(wanted, capacity * 2))
        bigger.initialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = max(wanted, capacity * 2)
    }

    var scalars: UnsafeMutableBufferPointer<UInt32> { UnsafeMutableBufferPointer(start: base, count: count) }
}

extension CharacterNormalizer {
    /// Stage 1b in one pass per line, used when tracing is off: every rule of
    /// the type's doc in the same order, with the same result as running them
    /// one after the other over the whole text (`normalizeInPasses`, which the
    /// tests compare it with). Line breaks end a line, so no rule looks across
    /// one; NFKC is per line too, since LF is a normalization boundary. Each
    /// line is decoded from UTF-8 once, classified with `ScalarClasses`, given
    /// only the rules it needs, and its `String` built once; a line the rules
    /// leave as it is (most) is a copy of its slice of `text`.
    func normalizeFused(_ text: String) throws -> [SourceLine] { try normalizeFusedMarking(text).lines }

    /// `normalizeFused`, and which lines hold an opener of stage 1c's rules or
    /// were changed (`NormalizedLines.mayNeedOCR`), learnt in the same pass.
    func normalizeFusedMarking(_ text: String) throws -> NormalizedLines {
        var text = text
        text.makeContiguousUTF8()
        return try text.utf8.withContiguousStorageIfAvailable { try normalizeFused(utf8: $0) }!
    }

    /// Whether stage 1c's ideograph (the misread dash 一, the misread 1 工)
    /// ending at `k` may open one of its repairs: a digit right after it
    /// (5一10, 工0 0 0), or nothing but spaces before the line's end where
    /// the scalar `before` it is no ideograph (a row's last value,
    /// `normalize.ocr-one-row-end`: 0 0 0 |工, after a digit or a rule, never
    /// after Han: a wrap's 统一 is no row). 一 and 工 are common, so only
    /// these lines are marked; the passes (tracing) read every line, and a
    /// line missed here came out otherwise untraced.
    @inline(__always)
    static func opensOCRRepair(_ bytes: UnsafePointer<UInt8>, after k: Int, count n: Int, before: UInt32) -> Bool {
        var k = k
        if k < n && bytes[k] &- 0x30 < 10 { return true }
        if before &- 0x4E00 <= 0x9FFF - 0x4E00 { return false }
        while k < n && bytes[k] == 0x20 { k &+= 1 }
        return k == n || bytes[k] == 0x0A || bytes[k] == 0x0D
    }

    /// `input` is the contiguous UTF-8 of the text.
    @inline(never)  // one symbol to profile
    func normalizeFused(utf8 input: UnsafeBufferPointer<UInt8>) throws -> NormalizedLines {
        guard let bytes = input.baseAddress, !input.isEmpty else { return NormalizedLines(lines: [], mayNeedOCR: []) }
        let n = input.count
        var lines: [SourceLine] = []
        var mayNeedOCR: [Int] = []
        lines.reserveCapacity(Self.lineCount(input, blankRunLimit: blankRunLimit))
        var blanks = BlankRun(limit: blankRunLimit)
        var line = LineBuffer(capacity: 1024)
        var scratch = Scratch()
        let widths = LineRepair.widths
        // Read once, not from `classes` at every Han character.
        let hanIsInert = classes.unifiedIdeographsAreInert, ocrIdeograph = classes.ocrIdeograph, otherOCRIdeograph = classes.otherOCRIdeograph
        try classes.bmp.withUnsafeBufferPointer { table in
            try widths.withUnsafeBufferPointer { widths in
                var start = 0, number = 1
                while true {
                    // Decode up to the line break; the line's display columns
                    // are counted on the scalars as extracted.
                    line.count = 0
                    var i = start, flags: ScalarClasses.Bits = 0, width = 0, trailing = 0, breakLength = 0
                    // Whether every byte of the line is below 0x80, learnt here
                    // so that its copy need not look again (`copiedString`).
                    var ascii = true
                    while i < n {
                        let b = UInt32(bytes[i])
                        var c: UInt32, cls: ScalarClasses.Bits
                        if b < 0x80 {
                            // ASCII: only tabs and spaces trail.
                            c = b
                            cls = table[Int(b)]
                            if cls & ScalarClasses.lineBreak != 0 {
                                breakLength = b == 0x0D && i &+ 1 < n && bytes[i &+ 1] == 0x0A ? 2 : 1
                                break
                            }
                            let w = Int(widths[Int(b)])
                            width &+= w
                            trailing = b == 0x20 || b == 0x09 ? trailing &+ w : 0
                            i &+= 1
                        } else {
                            if hanIsInert && (b &- 0xE5 <= 0xE9 - 0xE5 || (b == 0xE4 && bytes[i &+ 1] >= 0xB8)) {
                                // A run of U+4E00…U+9FFF (most of the text; E4 B8…BF
                                // is U+4E00…U+4FFF), told by the lead bytes and
                                // stepped through here: no rule applies, two columns
                                // each, none trails; the scalars are stored as the
                                // general path below stores them. Stage 1c's
                                // ideographs (the misread dash, the misread 1) mark
                                // the line only where they may open a repair: 一 is
                                // common, 一10 is not. (Valid UTF-8: a lead's
                                // continuation bytes are there.)
                                trailing = 0
                                ascii = false
                                var lead = b
                                repeat {
                                    let han = (lead & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F)
                                    if (han == ocrIdeograph || han == otherOCRIdeograph) && Self.opensOCRRepair(bytes, after: i &+ 3, count: n, before: line.count > 0 ? line.base[line.count &- 1] : 0) {
                                        flags |= ScalarClasses.ocrOpener
                                    }
                                    width &+= 2
                                    if line.count == line.capacity { line.reserve(line.capacity * 2) }
                                    line.base[line.count] = han
                                    line.count &+= 1
                                    i &+= 3
                                    guard i < n else { break }
                                    lead = UInt32(bytes[i])
                                } while lead &- 0xE5 <= 0xE9 - 0xE5 || (lead == 0xE4 && bytes[i &+ 1] >= 0xB8)
                                continue
                            }
                            let length: Int
                            if b < 0xE0 {
                                c = (b & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F); length = 2
                            } else if b < 0xF0 {
                                c = (b & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F); length = 3
                            } else {
                                c = (b & 0x07) << 18 | UInt32(bytes[i &+ 1] & 0x3F) << 12 | UInt32(bytes[i &+ 2] & 0x3F) << 6
                                    | UInt32(bytes[i &+ 3] & 0x3F)
                                length = 4
                            }
                            // Any other scalar (a unified ideograph only when
                            // the rules touch them: the run above took it else).
                            cls = (c < 0x10000 ? table[Int(c)] : classes.supplementary(c))
                            if !hanIsInert && (c == ocrIdeograph || c == otherOCRIdeograph) && c != 0
                                && Self.opensOCRRepair(bytes, after: i &+ length, count: n, before: line.count > 0 ? line.base[line.count &- 1] : 0) {
                                cls |= ScalarClasses.ocrOpener
                            }
                            if cls & ScalarClasses.lineBreak != 0 {
                                breakLength = length
                                break
                            }
                            ascii = false  // (a U+2028 that ends the line is not in it)
                            let w = c < 0x10000 ? Int(widths[Int(c)]) : 2
                            width &+= w
                            trailing = c == 0x3000 || c == 0xA0 ? trailing &+ w : 0
                            if cls & ScalarClasses.radical != 0, let ideograph = rules.radicals[c] {
                                c = ideograph
                                cls = (c < 0x10000 ? table[Int(c)] : classes.supplementary(c)) | ScalarClasses.radical  // the line changed
                            }
                            i &+= length
                        }
                        flags |= cls
                        if line.count == line.capacity { line.reserve(line.capacity * 2) }
                        line.base[line.count] = c
                        line.count &+= 1
                    }
                    let normalized: String
                    // A line the rules changed may have gained an opener.
                    var ocr = flags & ScalarClasses.ocrOpener != 0
                    if flags & ScalarClasses.anyRule != 0, try applyRules(&line, flags, table, &scratch) {
                        normalized = utf8String(UnsafeBufferPointer(line.scalars))
                        ocr = true
                    } else {
                        normalized = Self.copiedString(UnsafeBufferPointer(start: bytes + start, count: i - start), isASCII: ascii)
                    }
                    if blanks.keeps(empty: normalized.isEmpty) {
                        lines.append(SourceLine(number: number, text: normalized, extractedColumns: width - trailing,
                                                extractedIndent: Self.indentColumns(bytes + start, count: i - start, widths: widths)))
                        if ocr { mayNeedOCR.append(lines.count - 1) }
                    }
                    if i >= n { break }
                    start = i + breakLength
                    number += 1
                }
            }
        }
        // A last line the rules emptied (ZWSP, a control) was marked as
        // changed: its mark goes with it, or stage 1c reads past the end.
        if lines.last?.text.isEmpty == true {
            lines.removeLast()
            if mayNeedOCR.last == lines.count { mayNeedOCR.removeLast() }
        }
        return NormalizedLines(lines: lines, mayNeedOCR: mayNeedOCR)
    }

    /// Display columns of the spaces (U+0020, TAB, U+00A0, U+3000) before a
    /// line's text, in its UTF-8 bytes; 0 for a line of spaces only (as
    /// `CharacterNormalizer.lineColumns` counts them).
    static func indentColumns(_ bytes: UnsafePointer<UInt8>, count: Int, widths: UnsafeBufferPointer<UInt8>) -> Int {
        var k = 0, indent = 0
        while k < count {
            if bytes[k] == 0x20 || bytes[k] == 0x09 {
                indent += Int(widths[Int(bytes[k])]); k += 1
            } else if bytes[k] == 0xC2, k + 1 < count, bytes[k + 1] == 0xA0 {
                indent += Int(widths[0xA0]); k += 2
            } else if bytes[k] == 0xE3, k + 2 < count, bytes[k + 1] == 0x80, bytes[k + 2] == 0x80 {
                indent += Int(widths[0x3000]); k += 3
            } else {
                return indent
            }
        }
        return 0
    }

    /// The rules after `normalize.line-breaks` and `normalize.radicals` (done
    /// while decoding), each only when the line's classes call for it.
    /// Whether the line may have changed (a radical replaced while decoding
    /// counts): false only when it is surely the line as extracted, which is
    /// then copied as it stands instead of encoded again.
    private func applyRules(_ line: inout LineBuffer, _ classesFound: ScalarClasses.Bits, _ table: UnsafeBufferPointer<ScalarClasses.Bits>,
                            _ scratch: inout Scratch) throws -> Bool {
        var flags = classesFound
        var changed = flags & ScalarClasses.radical != 0
        if flags & ScalarClasses.nfkc != 0, try nfkc(&line, &scratch.utf16, &scratch.normalized) {
            changed = true
            flags = 0
            for c in line.scalars { flags |= (c < 0x10000 ? table[Int(c)] : classes.supplementary(c)) }
        }
        if flags & ScalarClasses.remove != 0 {
            var w = 0
            for i in 0..<line.count where !rules.remove.contains(line.base[i]) {
                line.base[w] = line.base[i]
                w += 1
            }
            if w != line.count { changed = true }
            line.count = w
        }
        if flags & ScalarClasses.space != 0 {
            for i in 0..<line.count where rules.spaces.contains(line.base[i]) {
                if line.base[i] != 0x20 { changed = true }
                line.base[i] = 0x20
            }
        }
        if flags & ScalarClasses.punctuation != 0
            || (flags & ScalarClasses.punctuationInNumbers != 0 && hasDigitBeforeGuardedPunctuation(line.scalars, table)) {
            // The one implementation of the rule (a linear worklist to its
            // fixpoint), on a copy of the line: the same decisions as
            // `normalizeInPasses` by construction. A line it would leave as
            // it is (its own first check) is not copied.
            if !settledWithoutParentheses(UnsafeBufferPointer(line.scalars), 0..<line.count) {
                var copy = Array(UnsafeBufferPointer(start: line.base, count: line.count))
                if contextualPunctuation(&copy, 0..<copy.count) {
                    changed = true
                    copy.withUnsafeBufferPointer { line.base.update(from: $0.baseAddress!, count: copy.count) }
                }
            }
        }
        if flags & (ScalarClasses.space | ScalarClasses.asciiSpace) != 0 {
            let before = line.count
            canonicalSpacing(&line)  // only removes spaces
            if line.count != before { changed = true }
        }
        return changed
    }

    /// Whether a character rewritten only between digits has a digit before it
    /// (spaces and tabs skipped, as `contextualPunctuation` looks).
    private func hasDigitBeforeGuardedPunctuation(_ s: UnsafeMutableBufferPointer<UInt32>, _ table: UnsafeBufferPointer<ScalarClasses.Bits>) -> Bool {
        var previous: UInt32 = 0
        for c in s {
            // The digit first: most lines with a ， have none before it.
            if previous &- 0x30 < 10 && c < 0x10000 && table[Int(c)] & ScalarClasses.punctuationInNumbers != 0 { return true }
            if c != 0x20 && c != 0x09 { previous = c }
        }
        return false
    }

    /// `normalize.nfkc` for one line through reused UTF-16 buffers; false when
    /// ICU's quick check finds the line already normalized.
    private func nfkc(_ line: inout LineBuffer, _ utf16: inout [UInt16], _ normalized: inout [UInt16]) throws -> Bool {
        if utf16.count < line.count * 2 { utf16 = [UInt16](repeating: 0, count: line.count * 2) }
        let units = utf16.withUnsafeMutableBufferPointer { writeUTF16(line.scalars, into: $0) }
        let result: Int?
        do {
            result = try utf16.withUnsafeBufferPointer { try rules.normalizer.normalize(UnsafeBufferPointer(rebasing: $0[..<units]), into: &normalized) }
        } catch { throw DocNormError.icu("\(error)") }
        guard let length = result else { return false }
        // Scalars never outnumber UTF-16 units.
        line.count = 0
        line.reserve(length)
        normalized.withUnsafeBufferPointer { p in
            var i = 0, n = 0
            while i < length {
                let u = UInt32(p[i])
                if u & 0xFC00 == 0xD800, i + 1 < length, UInt32(p[i + 1]) & 0xFC00 == 0xDC00 {
                    line.base[n] = 0x10000 + ((u - 0xD800) << 10) + (UInt32(p[i + 1]) - 0xDC00)
                    i += 2
                } else {
                    line.base[n] = u & 0xF800 == 0xD800 ? 0xFFFD : u
                    i += 1
                }
                n += 1
            }
            line.count = n
        }
        return true
    }

    /// `normalize.spacing` on one line in place (see `canonicalSpacing`).
    private func canonicalSpacing(_ line: inout LineBuffer) {
        let s = line.base, n = line.count
        // Up to the first space nothing moves: stepped over, not copied onto itself.
        var i = 0
        while i < n && s[i] != 0x20 { i += 1 }
        var w = i
        while i < n {
            let c = s[i]
            if c != 0x20 { s[w] = c; w += 1; i += 1; continue }
            var j = i
            while j < n && s[j] == 0x20 { j += 1 }
            // A line starts and ends at an edge; TAB is an edge too.
            if w > 0 && j < n {
                let prev = s[w - 1], next = s[j]
                if prev != 0x09 && next != 0x09 && !rules.cjk.contains(prev) && !rules.cjk.contains(next) {
                    s[w] = 0x20
                    w += 1
                }
            }
            i = j
        }
        line.count = w
    }

    /// The number of lines, so the line array is allocated once: LF, CR not
    /// before LF, and form feed, each found with `memchr`, less the empty
    /// lines between two LFs past `blankRunLimit` in a row (`BlankRun` leaves
    /// them out). U+2028 and U+2029 are rare and not counted, and a line
    /// that only becomes blank is counted (the count is a capacity hint).
    static func lineCount(_ p: UnsafeBufferPointer<UInt8>, blankRunLimit: Int = .max) -> Int {
        guard let base = p.baseAddress else { return 1 }
        let end = base + p.count
        func occurrences(of byte: UInt8, unlessFollowedBy next: UInt8? = nil) -> Int {
            var count = 0
            var from = UnsafeRawPointer(base)
            while from < UnsafeRawPointer(end), let found = memchr(from, Int32(byte), UnsafeRawPointer(end) - from) {
                let at = found.assumingMemoryBound(to: UInt8.self)
                if next == nil || at + 1 == end || at[1] != next! { count += 1 }
                from = UnsafeRawPointer(at + 1)
            }
            return count
        }
        /// LFs, each but those ending an empty line past the limit of its run.
        func lineFeeds() -> Int {
            var count = 0, run = 0
            var from = UnsafeRawPointer(base)
            while from < UnsafeRawPointer(end), let found = memchr(from, 0x0A, UnsafeRawPointer(end) - from) {
                // The LF right after the last one ends an empty line.
                run = UnsafeRawPointer(found) == from && count > 0 ? run + 1 : 0
                if run <= blankRunLimit { count += 1 }
                from = UnsafeRawPointer(found + 1)
            }
            return count
        }
        return 1 + lineFeeds() + occurrences(of: 0x0D, unlessFollowedBy: 0x0A) + occurrences(of: 0x0C)
    }

    /// A copy of a line's bytes: a valid text's UTF-8 cut at its line breaks,
    /// so valid UTF-8, copied without being validated again (`String(validUTF8:)`;
    /// validating was most of the cost of building a line of Han, and a slice
    /// of the text, which skipped it, cost ~940 instructions at any length).
    /// `isASCII` when the decoding loop learnt it: the copy then skips its
    /// own ASCII scan (~40 instructions a line, ~3.5 M of the 1 MB bench).
    static func copiedString(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool? = nil) -> String {
        String(validUTF8: bytes, isASCII: isASCII)
    }
}
