/// A streaming JSON writer whose bytes are exactly those of Foundation's
/// `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`:
/// two-space indent, `" : "` after keys, empty containers as `[⏎⏎]`, the same
/// string escapes, and doubles as `description` without a trailing `.0`. It
/// writes straight into one byte buffer instead of building a tree of values
/// and sorting dictionaries, which made JSON output the slowest part of a run.
///
/// Keys are written in the order the caller gives: callers give them sorted
/// by UTF-8 bytes, as `.sortedKeys` does (a test compares with `JSONEncoder`).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var indent = 0
    /// Whether the innermost open container has no element yet.
    private var empty = false

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    // MARK: Containers

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The key of the next member (the caller then writes its value).
    mutating func key(_ name: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), 0x20, UInt8(ascii: ":"), 0x20])
    }

    /// Starts the next element of an array (the caller then writes its value).
    mutating func element() {
        if empty { empty = false } else { bytes.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
        writeIndent()
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(0x0A)
        indent += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(0x0A)
        indent -= 1
        writeIndent()
        bytes.append(bracket)
        empty = false
    }

    private mutating func writeIndent() {
        for _ in 0..<indent { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    /// The bytes written, as a string (they are valid UTF-8: every piece is).
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func bytesAppend(_ byte: UInt8) { bytes.append(byte) }

    // MARK: Values

    mutating func value(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var mark = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i]))
                mark = i + 1
                switch b {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func value(_ int: Int) { bytes.append(contentsOf: String(int).utf8) }

    mutating func value(_ bool: Bool) { bytes.append(contentsOf: (bool ? "true" : "false").utf8) }

    /// As `JSONEncoder` writes a double: its `description`, less a trailing
    /// `.0`. Like `JSONEncoder`, refuses NaN and infinities.
    mutating func value(_ double: Double) throws {
        guard double.isFinite else {
            throw EncodingError.invalidValue(double, EncodingError.Context(
                codingPath: [], debugDescription: "Unable to encode Double.\(double) directly in JSON."))
        }
        var text = double.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
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
