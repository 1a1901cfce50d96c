/// A streaming JSON writer whose bytes are exactly those of Foundation's
/// `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`:
/// two-space indent, `" : "` after keys, empty containers as `[⏎⏎]`, the same
/// string escapes, and doubles as `description` without a trailing `.0`. It
/// writes straight into one byte buffer instead of building a tree of values
/// and sorting dictionaries, which made JSON output the slowest part of a run.
///
/// The output is about ten times the input (indentation and keys around every
/// table value), so each call reserves room once and then stores bytes
/// unchecked; strings (JSONWriter+Strings.swift) and numbers
/// (JSONWriter+Numbers.swift) are written from their bytes, never through
/// `String` concatenation or `Character`s.
///
/// Keys are written in the order the caller gives: callers give them sorted
/// by UTF-8 bytes, as `.sortedKeys` does (a test compares with `JSONEncoder`).
struct JSONWriter: ~Copyable {
    /// The output bytes so far: in the caller's storage until they outgrow
    /// it, then in a buffer this writer owns (appends are a bounds check and
    /// a copy: no uniqueness checks, no validation).
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes written.
    private(set) var count = 0
    /// Whether `buffer` was allocated here: the caller's storage was too small.
    private(set) var outgrewStorage: Bool
    private var indent = 0
    /// Whether the innermost open container has no element yet.
    private var empty = false
    /// Label paths written so far (`value(path:)`); empty until the first.
    private var paths: [WrittenPath] = []
    private var heldPaths: [[String]] = []

    /// A writer into the caller's storage (the result array's, so the bytes
    /// are not copied again); should they outgrow it, into a buffer of its own.
    init(into storage: UnsafeMutableBufferPointer<UInt8>) {
        if let base = storage.baseAddress, storage.count >= 64 {
            buffer = base
            capacity = storage.count
            outgrewStorage = false
        } else {
            capacity = 64
            buffer = .allocate(capacity: capacity)
            outgrewStorage = true
        }
    }

    deinit { if outgrewStorage { buffer.deallocate() } }

    /// The bytes written, copied out. Every piece was valid UTF-8 (a
    /// `String`'s bytes, or ASCII), so the result is too and needs no validation.
    var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            out.baseAddress!.initialize(from: buffer, count: count)
            initialized = count
        }
    }

    // MARK: Unchecked stores (the caller reserved room)

    /// Makes room for `more` bytes past `count`; the stores below do not check.
    @inline(__always)
    mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(count + more) }
    }

    private mutating func grow(_ needed: Int) {
        let bigger = max(capacity * 2, needed)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        grown.initialize(from: buffer, count: count)
        if outgrewStorage { buffer.deallocate() }
        buffer = grown
        capacity = bigger
        outgrewStorage = true
    }

    @inline(__always)
    mutating func store(_ bytes: UnsafePointer<UInt8>, _ n: Int) {
        (buffer + count).initialize(from: bytes, count: n)
        count += n
    }

    @inline(__always)
    mutating func store(_ literal: StaticString) {
        store(literal.utf8Start, literal.utf8CodeUnitCount)
    }

    /// Eight bytes, as they lie in memory.
    @inline(__always)
    mutating func storeWord(_ word: UInt64) {
        UnsafeMutableRawPointer(buffer + count).storeBytes(of: word, as: UInt64.self)
        count += 8
    }

    /// Eight bytes that end `ahead` bytes past the end (1...8), which moves
    /// there: the `8 - ahead` bytes before the end are stored again, and
    /// must be the word's first bytes.
    @inline(__always)
    mutating func storeWord(_ word: UInt64, endingAhead ahead: Int) {
        UnsafeMutableRawPointer(buffer + count + ahead - 8).storeBytes(of: word, as: UInt64.self)
        count += ahead
    }

    @inline(__always)
    mutating func store(byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    /// Runs `body` on the free room (at least what was reserved); `body`
    /// returns how many bytes it wrote.
    @inline(__always)
    mutating func storeInPlace(_ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        count += body(buffer + count)
    }

    /// Room the indentation of the current line takes, with the slack
    /// `storeIndent` writes past it.
    private var indentRoom: Int { 2 * indent + 8 }

    /// Two spaces per level, stored eight bytes at a time: the output is
    /// mostly indentation, and `memset` per line cost more than the text.
    /// Writes up to 7 bytes of spaces past the indentation, inside the room
    /// `indentRoom` reserved; later stores overwrite them.
    @inline(__always)
    private mutating func storeIndent() {
        let n = 2 * indent
        let raw = UnsafeMutableRawPointer(buffer + count)
        var i = 0
        while i < n {
            raw.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: i, as: UInt64.self)
            i += 8
        }
        count += n
    }

    // MARK: Containers

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The key of the next member (the caller then writes its value); keys
    /// are plain ASCII names and need no escapes. Inlined, so that each
    /// key's length is a constant where it is written and its bytes are
    /// stored without a `memcpy` call (keys were the writer's largest cost).
    @inline(__always)
    mutating func key(_ name: StaticString) {
        reserve(2 + indentRoom + name.utf8CodeUnitCount + 5)
        storeSeparator()
        store(byte: UInt8(ascii: "\""))
        store(name)
        store("\" : ")
    }

    /// Starts the next element of an array (the caller then writes its value).
    @inline(__always)
    mutating func element() {
        reserve(2 + indentRoom)
        storeSeparator()
    }

    /// `,⏎` unless this is the container's first element, then the indentation.
    @inline(__always)
    private mutating func storeSeparator() {
        if empty {
            empty = false
        } else {
            store(byte: UInt8(ascii: ","))
            store(byte: 0x0A)
        }
        storeIndent()
    }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        reserve(2)
        store(byte: bracket)
        store(byte: 0x0A)
        indent += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        indent -= 1
        reserve(1 + indentRoom + 1)
        store(byte: 0x0A)
        storeIndent()
        store(byte: bracket)
        empty = false
    }

    mutating func newline() {
        reserve(1)
        store(byte: 0x0A)
    }

    // MARK: Values

    mutating func value(_ bool: Bool) {
        reserve(5)
        bool ? store("true") : store("false")
    }

    mutating func value(_ strings: [String]) {
        beginArray()
        for s in strings {
            element()
            value(s)
        }
        endArray()
    }

    // MARK: Label paths

    /// Where a label path was written: its array's storage address, the
    /// indentation, and its bytes' place in the output. `heldPaths` holds
    /// the array, so that its storage cannot be freed and its address taken
    /// by another array meanwhile.
    private struct WrittenPath {
        var address: UInt = 0
        var indent = 0
        var start = 0
        var count = 0
    }

    /// A small table of written paths, by address (direct-mapped: a miss
    /// only writes the path again). Made at the first path.
    private static let pathSlots = 256

    /// A label path (a record's row or column, a diagnostic's cells): the
    /// same bytes as `value(_:)`, copied from where the same array was
    /// written at the same indentation before. A table's records repeat its
    /// template's paths (each row's path for every column, each column's for
    /// every row), and the records share the template's arrays, so the
    /// storage tells the path; writing the labels again was most of a
    /// table's JSON.
    mutating func value(path: [String]) {
        guard !path.isEmpty else { return value(path) }
        let address = path.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let slot = Int(truncatingIfNeeded: (address >> 4) ^ (address >> 12)) & (Self.pathSlots - 1)
        if paths.isEmpty {
            paths = [WrittenPath](repeating: WrittenPath(), count: Self.pathSlots)
        } else if paths[slot].address == address, paths[slot].indent == indent {
            let known = paths[slot]
            reserve(known.count)
            (buffer + count).initialize(from: buffer + known.start, count: known.count)
            count += known.count
            empty = false
            return
        }
        let start = count
        value(path)
        heldPaths.append(path)
        paths[slot] = WrittenPath(address: address, indent: indent, start: start, count: count - start)
    }
}
