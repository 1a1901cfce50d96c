import ICUKit

/// Terminal columns a text takes (East Asian Width: CJK is 2), for laying out
/// side-by-side views.
public enum DisplayWidth {
    public static func columns(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x20 { return 0 }
        return UnicodeProperties.columns(scalar.value)
    }

    public static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns($1) }
    }
}
