internal import CICU

/// Character properties from ICU's data, for building lookup tables once.
public enum UnicodeProperties {
    /// Display width in terminal columns as East Asian Width says: 2 for Wide,
    /// Fullwidth and Ambiguous (CJK fonts set ambiguous punctuation such as
    /// “ ” — … wide), 1 otherwise.
    public static func columns(_ value: UInt32) -> Int {
        let w = cicu_u_getIntPropertyValue(UChar32(bitPattern: value), UCHAR_EAST_ASIAN_WIDTH)
        switch UEastAsianWidth(UInt32(w)) {
        case U_EA_WIDE, U_EA_FULLWIDTH, U_EA_AMBIGUOUS: return 2
        default: return 1
        }
    }

    /// Whether East Asian Width says Wide or Fullwidth (not Ambiguous): a
    /// character every font sets one em wide, so a line of them has an exact
    /// width on the page.
    public static func isWide(_ value: UInt32) -> Bool {
        let w = cicu_u_getIntPropertyValue(UChar32(bitPattern: value), UCHAR_EAST_ASIAN_WIDTH)
        let width = UEastAsianWidth(UInt32(w))
        return width == U_EA_WIDE || width == U_EA_FULLWIDTH
    }

    /// Every scalar `columns` gives 2, and every one `isWide` holds for, as
    /// ranges of ICU's property sets: a table of the BMP is filled from
    /// them at start-up, where asking ICU about each of 65,536 scalars was a
    /// fixed cost of every run.
    public static let twoColumnRanges = propertyRanges("[[:ea=W:][:ea=F:][:ea=A:]]")
    public static let wideRanges = propertyRanges("[[:ea=W:][:ea=F:]]")

    /// Every scalar `mayChangeUnderNFKC` holds for, as ranges (see
    /// `twoColumnRanges`).
    public static let mayChangeUnderNFKCRanges = propertyRanges("[[:NFKC_QC=N:][:NFKC_QC=M:][:^ccc=0:]]")

    /// Every scalar with a canonical decomposition (NFD_Quick_Check No),
    /// as ranges: what a test holds a hand-written set of scalars said to
    /// be their own NFD against.
    public static let canonicalDecompositionRanges = propertyRanges("[:NFD_QC=N:]")

    /// The ranges of a set of a fixed pattern of properties, which ICU
    /// always accepts.
    private static func propertyRanges(_ pattern: String) -> [ClosedRange<UInt32>] {
        var status = U_ZERO_ERROR
        let utf16 = Array(pattern.utf16)
        guard let set = cicu_uset_openPattern(utf16, Int32(utf16.count), &status) else { fatalError("ICU refused \(pattern)") }
        defer { cicu_uset_close(set) }
        guard status.rawValue <= 0 else { fatalError("ICU refused \(pattern): \(status.rawValue)") }
        return ScalarSet.ranges(of: set)
    }

    /// Whether NFKC may change a string that holds this character: its
    /// NFKC_Quick_Check is not Yes, or it has a non-zero canonical combining
    /// class (it may reorder or compose with its neighbours). A string made
    /// only of characters for which this is false is already in NFKC (UAX #15,
    /// quick check), so a caller can skip ICU for it.
    public static func mayChangeUnderNFKC(_ value: UInt32) -> Bool {
        let c = UChar32(bitPattern: value)
        return cicu_u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) != Int32(UNORM_YES.rawValue)
            || cicu_u_getIntPropertyValue(c, UCHAR_CANONICAL_COMBINING_CLASS) != 0
    }
}
