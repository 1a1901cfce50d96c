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
}
