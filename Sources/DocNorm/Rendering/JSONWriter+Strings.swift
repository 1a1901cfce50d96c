extension JSONWriter {
    /// A string value, quoted and escaped as `JSONEncoder` escapes it: `"` and
    /// `\` with a backslash, control characters as `\b \f \n \r \t` or
    /// `\u00XX`, every other byte as it is (the slash too, under
    /// `.withoutEscapingSlashes`). Works on the string's UTF-8 bytes in place.
    mutating func value(_ string: String) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { quoted($0) }
        if done == nil {  // a string not stored as UTF-8: make it so once
            var native = string
            native.withUTF8 { quoted($0) }
        }
    }

    /// Text that needs no escapes (a number's `description`).
    mutating func plain(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            reserve(utf8.count)
            store(base, utf8.count)
        }
    }

    private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        reserve(utf8.count + 2)
        store(byte: UInt8(ascii: "\""))
        if let base = utf8.baseAddress {
            var i = 0
            while true {
                let run = Self.unescapedCount(base + i, utf8.count - i)
                reserve(run + 1)
                store(base + i, run)
                i += run
                guard i < utf8.count else { break }
                storeEscape(of: base[i])
                i += 1
            }
        }
        reserve(1)
        store(byte: UInt8(ascii: "\""))
    }

    /// How many leading bytes need no escape. Eight bytes at a time: a word
    /// holds no byte below 0x20, no `"` and no `\` when none of the borrows
    /// below reaches a high bit of a byte that had it clear (the "has a zero
    /// byte" / "has a byte less than n" tests, exact as to whether any byte
    /// does; bytes of CJK text, all ≥ 0x80, never trigger them).
    @inline(__always)
    private static func unescapedCount(_ base: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let control = word &- ones &* 0x20
            let quote = (word ^ (ones &* 0x22)) &- ones
            let backslash = (word ^ (ones &* 0x5C)) &- ones
            if (control | quote | backslash) & ~word & highs != 0 { break }
            i += 8
        }
        while i < n, !needsEscape(base[i]) { i += 1 }
        return i
    }

    @inline(__always)
    private static func needsEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\")
    }

    private mutating func storeEscape(of b: UInt8) {
        reserve(6)
        switch b {
        case UInt8(ascii: "\""): store("\\\"")
        case UInt8(ascii: "\\"): store("\\\\")
        case 0x08: store("\\b")
        case 0x0C: store("\\f")
        case 0x0A: store("\\n")
        case 0x0D: store("\\r")
        case 0x09: store("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            store("\\u00")
            store(byte: hex.utf8Start[Int(b >> 4)])
            store(byte: hex.utf8Start[Int(b & 0xF)])
        }
    }
}
