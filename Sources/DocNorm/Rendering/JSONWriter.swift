/// A streaming JSON writer whose bytes are exactly those of Foundation's
/// `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`:
/// two-space indent, `" : "` after keys, empty containers as `[⏎⏎]`, the same
/// string escapes, and doubles as `description` without a trailing `.0`. It
/// writes straight into one byte buffer instead of building a tree of values
/// and sorting dictionaries, which made JSON output the slowest part of a run.
///
/// Keys are written in the order the caller gives: callers give them sorted
/// by UTF-8 bytes, as `.sortedKeys` does (a test compares with `JSONEncoder`).
struct JSONWriter: ~Copyable {
    /// The output bytes so far, in a buffer this writer owns (appends are a
    /// bounds check and a copy: no uniqueness checks, no validation).
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var indent = 0
    /// Whether the innermost open container has no element yet.
    private var empty = false

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        buffer = .allocate(capacity: self.capacity)
    }

    deinit { buffer.deallocate() }

    /// The bytes written, as a string (validated once, as any string is).
    var text: String {
        String(unsafeUninitializedCapacity: count) { out in
            out.baseAddress!.initialize(from: buffer, count: count)
            return count
        }
    }

    private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        let bigger = max(capacity * 2, count + more)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        grown.initialize(from: buffer, count: count)
        buffer.deallocate()
        buffer = grown
        capacity = bigger
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafePointer<UInt8>, _ n: Int) {
        reserve(n)
        (buffer + count).initialize(from: bytes, count: n)
        count += n
    }

    @inline(__always)
    private mutating func append(_ literal: StaticString) {
        append(literal.utf8Start, literal.utf8CodeUnitCount)
    }

    @inline(__always)
    private mutating func append(byte: UInt8) {
        reserve(1)
        buffer[count] = byte
        count += 1
    }

    // MARK: Containers

    mutating func beginObject() { open("{\n") }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open("[\n") }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The key of the next member (the caller then writes its value); keys
    /// are plain ASCII names and need no escapes.
    mutating func key(_ name: StaticString) {
        element()
        append(byte: UInt8(ascii: "\""))
        append(name)
        append("\" : ")
    }

    /// Starts the next element of an array (the caller then writes its value).
    mutating func element() {
        if empty { empty = false } else { append(",\n") }
        writeIndent()
    }

    private mutating func open(_ bracket: StaticString) {
        append(bracket)
        indent += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        append(byte: 0x0A)
        indent -= 1
        writeIndent()
        append(byte: bracket)
        empty = false
    }

    private mutating func writeIndent() {
        reserve(2 * indent)
        (buffer + count).initialize(repeating: 0x20, count: 2 * indent)
        count += 2 * indent
    }

    mutating func newline() { append(byte: 0x0A) }

    // MARK: Values

    mutating func value(_ string: String) {
        append(byte: UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            var mark = 0
            for i in 0..<utf8.count {
                let b = base[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                append(base + mark, i - mark)
                mark = i + 1
                switch b {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case 0x08: append("\\b")
                case 0x0C: append("\\f")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    append("\\u00")
                    append(byte: hex.utf8Start[Int(b >> 4)])
                    append(byte: hex.utf8Start[Int(b & 0xF)])
                }
            }
            append(base + mark, utf8.count - mark)
        }
        append(byte: UInt8(ascii: "\""))
    }

    /// Text that needs no escapes (numbers, literals).
    private mutating func plain(_ text: String) {
        var text = text
        text.withUTF8 { if let base = $0.baseAddress { append(base, $0.count) } }
    }

    mutating func value(_ int: Int) { plain(String(int)) }

    mutating func value(_ bool: Bool) { bool ? append("true") : append("false") }

    /// As `JSONEncoder` writes a double: its `description`, less a trailing
    /// `.0`. Like `JSONEncoder`, refuses NaN and infinities.
    mutating func value(_ double: Double) throws {
        guard double.isFinite else {
            throw EncodingError.invalidValue(double, EncodingError.Context(
                codingPath: [], debugDescription: "Unable to encode Double.\(double) directly in JSON."))
        }
        var number = double.description
        if number.hasSuffix(".0") { number.removeLast(2) }
        plain(number)
    }

    mutating func value(_ strings: [String]) {
        beginArray()
        for s in strings {
            element()
            value(s)
        }
        endArray()
    }
}
