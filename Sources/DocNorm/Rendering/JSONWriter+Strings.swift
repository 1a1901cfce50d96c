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

    /// The bytes between quotes, copied as they are scanned: eight at a time
    /// while a word holds nothing to escape (`hasEscape`), else one by one.
    /// Most strings are a few words long, so one pass with no `memcpy` call
    /// beats scanning and then copying. The tail shorter than a word is the
    /// string's last eight bytes when those hold nothing to escape, stored
    /// over the bytes already copied (labels are rarely a multiple of eight
    /// bytes long, and their tails byte by byte were a third of the loop).
    private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        reserve(n + 2)
        store(byte: UInt8(ascii: "\""))
        if let base = utf8.baseAddress {
            let input = UnsafeRawPointer(base)
            var i = 0
            // Input bytes from here on were copied as they are (no escape since).
            var verbatimFrom = 0
            while i < n {
                while i + 8 <= n {
                    let word = input.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    guard !Self.hasEscape(word) else { break }
                    storeWord(word)
                    i += 8
                }
                guard i < n else { break }
                if i + 8 > n, n - 8 >= verbatimFrom {
                    let last = input.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                    if !Self.hasEscape(last) {
                        storeWord(last, endingAhead: n - i)
                        break
                    }
                }
                let b = base[i]
                i += 1
                if Self.needsEscape(b) {
                    storeEscape(of: b)
                    reserve(n - i + 1)  // the rest, and the closing quote
                    verbatimFrom = i
                } else {
                    store(byte: b)
                }
            }
        }
        store(byte: UInt8(ascii: "\""))
    }

    /// Whether any byte of `word` is below 0x20, `"` or `\`: none is when
    /// none of the borrows below reaches the high bit of a byte that had it
    /// clear (the "has a zero byte" / "has a byte less than n" tests, exact
    /// as to whether any byte does; bytes of CJK text, all ≥ 0x80, never
    /// trigger them).
    @inline(__always)
    private static func hasEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // Eight bytes of CJK text (every byte ≥ 0x80), most words written:
        // one test instead of the three borrows.
        if word & (ones &* 0x80) == ones &* 0x80 { return false }
        let control = word &- ones &* 0x20
        let quote = (word ^ (ones &* 0x22)) &- ones
        let backslash = (word ^ (ones &* 0x5C)) &- ones
        return (control | quote | backslash) & ~word & (ones &* 0x80) != 0
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
