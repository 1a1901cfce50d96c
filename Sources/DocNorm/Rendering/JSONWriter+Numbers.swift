extension JSONWriter {
    /// An integer in decimal, the digits `String(int)` gives, written in place
    /// (no string made per number: line numbers and values are most of them).
    mutating func value(_ int: Int) {
        reserve(20)  // "-9223372036854775808"
        storeInPlace { out in
            var magnitude = int.magnitude
            var digits = 1
            var rest = magnitude / 10
            while rest > 0 { digits += 1; rest /= 10 }
            var end = digits
            if int < 0 {
                out[0] = UInt8(ascii: "-")
                end += 1
            }
            let written = end
            repeat {
                end -= 1
                out[end] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            return written
        }
    }

    /// As `JSONEncoder` writes a double: its `description`, less a trailing
    /// `.0`. Like `JSONEncoder`, refuses NaN and infinities.
    mutating func value(_ double: Double) throws {
        guard double.isFinite else {
            throw EncodingError.invalidValue(double, EncodingError.Context(
                codingPath: [], debugDescription: "Unable to encode Double.\(double) directly in JSON."))
        }
        // The arithmetic checks' sums are whole numbers: below 10^15 their
        // `description` is the integer's digits and ".0" (exponents start
        // above 2^53), so write the digits. Not -0.0, which is "-0".
        if double.magnitude < 1e15, double == double.rounded(.towardZero), !(double == 0 && double.sign == .minus) {
            value(Int(double))
            return
        }
        var number = double.description
        if number.hasSuffix(".0") { number.removeLast(2) }
        plain(number)
    }
}
