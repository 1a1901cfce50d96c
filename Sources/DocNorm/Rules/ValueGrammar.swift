import ICUKit

/// What a table value cell looks like (Rules/tables.json `values`): a number
/// with an optional sign or 增/减 prefix, decimals, and a unit suffix, or an
/// empty mark such as "/".
///
/// A final class, not part of the `TableRules` value: stages 3 and 4 ask
/// `isValue` for most scalars they pass, and a method on the large rules
/// struct had each caller copy all of it (half a kilobyte) first.
final class ValueGrammar: Sendable {
    let digits: ScalarSet
    let inside: ScalarSet
    let prefixes: [[Unicode.Scalar]]
    /// Longest first, so 万元 wins over 元.
    let suffixes: [[Unicode.Scalar]]
    /// A handful of short marks, compared in place (no array, no hash per token).
    let emptyMarks: [[Unicode.Scalar]]
    /// The first scalars a value can open with (digits, prefixes, empty
    /// marks), and whether an empty token is one (an empty mark "").
    let valueOpeners: ScalarSet
    let emptyIsValue: Bool
    /// The first scalars of the empty marks and prefixes, the last ones of
    /// the suffixes: a token is compared with a list only when it opens
    /// (ends) with one of its scalars.
    let emptyMarkOpeners: ScalarSet, prefixOpeners: ScalarSet, suffixEnders: ScalarSet
    /// The last scalars a value can end with (digits, the suffixes' and the
    /// empty marks' last scalars): a text whose last scalar is none of them
    /// ends in no value.
    let valueEnders: ScalarSet
    /// Whether a token of ASCII digits only is a value whatever else the
    /// grammar holds: 0–9 are digits, and no empty mark or prefix opens with
    /// one, no suffix ends with one (as in the rules). Most tokens asked are
    /// such numbers, answered without a list or set asked.
    let plainDigitsAreValues: Bool
    /// One-character Han prefixes (增, 减): stage 1 removes the space
    /// between a number and one (286 减12 → 286减12), so a cell opens at
    /// such a prefix right after a digit (stage 3's CellStream, stage 2's
    /// `isValuesLine`).
    let hanPrefixes: Set<Unicode.Scalar>
    /// Every scalar a value can hold: the digits, `inside`, the scalars of
    /// the prefixes, suffixes and empty marks, and ASCII digits and the
    /// point (a plain number, `TableRecognizer.isNumber`). A line with any
    /// other scalar but a space is no line of values, told in one pass over
    /// its UTF-8 (`LineRepair.isValuesLine`: most lines it is asked of are
    /// prose opening with a digit, 2021年…, each cut into cells before).
    let valueScalars: ScalarSet
    /// The cut of a table's text into cells, at separators and before a Han
    /// prefix right after a digit (`hanPrefixes`).
    let cellCut: CellCut

    init(digits: String, inside: String, prefixes: [String], suffixes: [String], emptyMarks: [String]) {
        func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
        func scalarSet(_ s: String) -> ScalarSet { ScalarSet(ranges: s.unicodeScalars.map { $0.value...$0.value }, pattern: s) }
        self.digits = scalarSet(digits)
        self.inside = scalarSet(inside)
        self.prefixes = prefixes.map(scalars)
        self.suffixes = suffixes.map(scalars).sorted { $0.count > $1.count }
        self.emptyMarks = emptyMarks.map(scalars)
        valueOpeners = ScalarSet(ranges: (digits.unicodeScalars.map { $0 } + (prefixes + emptyMarks).compactMap(\.unicodeScalars.first))
                                    .map { $0.value...$0.value }, pattern: "value openers")
        emptyIsValue = emptyMarks.contains("")
        emptyMarkOpeners = scalarSet(String(String.UnicodeScalarView(emptyMarks.compactMap(\.unicodeScalars.first))))
        prefixOpeners = scalarSet(String(String.UnicodeScalarView(prefixes.compactMap(\.unicodeScalars.first))))
        suffixEnders = scalarSet(String(String.UnicodeScalarView(suffixes.compactMap(\.unicodeScalars.last))))
        valueEnders = ScalarSet(ranges: (digits.unicodeScalars.map { $0 } + (suffixes + emptyMarks).compactMap(\.unicodeScalars.last))
                                    .map { $0.value...$0.value }, pattern: "value enders")
        hanPrefixes = Set(prefixes.compactMap { p in
            p.unicodeScalars.count == 1 && p.unicodeScalars.first!.properties.isIdeographic ? p.unicodeScalars.first : nil
        })
        let held = (digits + inside + (prefixes + suffixes + emptyMarks).joined()).unicodeScalars.map { $0.value...$0.value }
        valueScalars = ScalarSet(ranges: held + [0x30...0x39, 0x2E...0x2E], pattern: "value scalars")
        cellCut = CellCut(opensAfterDigit: hanPrefixes)
        let asciiDigits = UInt32(0x30)...UInt32(0x39)
        let (digitSet, markOpeners, prefixSet, enders) = (self.digits, emptyMarkOpeners, prefixOpeners, suffixEnders)
        plainDigitsAreValues = asciiDigits.allSatisfy { digitSet.contains($0) }
            && !asciiDigits.contains { markOpeners.contains($0) || prefixSet.contains($0) || enders.contains($0) }
    }

    /// Whether `token` is a table value.
    func isValue(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
        // Most tokens asked are label text: no value opens with their first
        // scalar, and they are answered without comparing any list.
        guard let first = token.first else { return emptyIsValue }
        guard valueOpeners.contains(first) else { return false }
        return token.withUnsafeBufferPointer { isValue($0) }
    }

    /// `isValue` over the token's scalars in place.
    private func isValue(_ token: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        if plainDigitsAreValues {
            var i = 0
            while i < token.count && token[i].value &- 0x30 < 10 { i += 1 }
            if i == token.count { return true }
        }
        func equal(_ a: UnsafeBufferPointer<Unicode.Scalar>.SubSequence, _ b: [Unicode.Scalar]) -> Bool {
            guard a.count == b.count else { return false }
            var i = a.startIndex
            for x in b {
                if a[i] != x { return false }
                i += 1
            }
            return true
        }
        // Each list is compared only when the token's first (last) scalar is
        // one its entries open (end) with: a number is compared with none.
        if emptyMarkOpeners.contains(token[0]), emptyMarks.contains(where: { equal(token[...], $0) }) { return true }
        var start = 0, end = token.count
        if prefixOpeners.contains(token[0]),
           let p = prefixes.first(where: { end > $0.count && equal(token[0..<$0.count], $0) }) { start = p.count }
        if suffixEnders.contains(token[end - 1]),
           let s = suffixes.first(where: { end - start > $0.count && equal(token[(end - $0.count)..<end], $0) }) { end -= s.count }
        guard start < end, digits.contains(token[start]), digits.contains(token[end - 1]) else { return false }
        for i in start..<end where !digits.contains(token[i]) && !inside.contains(token[i]) { return false }
        return true
    }
}
