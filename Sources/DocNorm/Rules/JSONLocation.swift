/// Where in a JSON rule file something went wrong, so a refusal can name the
/// line (and, for a syntax error, the column): JSONDecoder (FoundationEssentials) says only "not valid JSON" and
/// gives coding paths, not positions.
public enum JSONLocation {
    /// The line and reason of the first syntax error, or nil when the text is
    /// well-formed JSON.
    static func firstSyntaxError(in text: String) -> (line: Int, reason: String)? {
        firstSyntaxError(in: Array(text.utf8)).map { ($0.line, $0.reason) }
    }

    /// The line, column (1-based, in characters) and reason of the first
    /// syntax error in UTF-8 `s`, or nil when it is well-formed JSON. A small
    /// recursive-descent scan, no values built. Strict where JSONDecoder
    /// (FoundationEssentials) is lenient — it takes a trailing comma — so
    /// that what a file or a JSON line says is read as JSON reads it.
    public static func firstSyntaxError(in s: [UInt8]) -> (line: Int, column: Int, reason: String)? {
        var i = 0
        struct Failure: Error { let at: Int; let reason: String }
        func skipSpace() { while i < s.count, [0x20, 0x09, 0x0A, 0x0D].contains(s[i]) { i += 1 } }
        func expect(_ c: UInt8, _ what: String) throws {
            skipSpace()
            guard i < s.count, s[i] == c else { throw Failure(at: i, reason: "expected \(what)") }
            i += 1
        }
        func string() throws {
            try expect(0x22, "a string in double quotes")
            while i < s.count, s[i] != 0x22 {
                if s[i] == 0x0A { throw Failure(at: i, reason: "line break inside a string") }
                if s[i] < 0x20 { throw Failure(at: i, reason: "control character inside a string (write it as \\u00XX)") }
                if s[i] == 0x5C {
                    // JSON's escapes only: an ICU pattern's \p{Han} is written \\p{Han}.
                    guard i + 1 < s.count else { break }
                    switch s[i + 1] {
                    case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: i += 2  // " \ / b f n r t
                    case 0x75 where i + 5 < s.count && s[(i + 2)...(i + 5)].allSatisfy({ isHexDigit($0) }): i += 6  // uXXXX
                    default:
                        let escape = String(decoding: s[i...min(i + 1, s.count - 1)], as: UTF8.self)
                        throw Failure(at: i, reason: "'\(escape)' is not a JSON escape (a backslash in a pattern is written \\\\)")
                    }
                    continue
                }
                i += 1
            }
            guard i < s.count else { throw Failure(at: i, reason: "unterminated string") }
            i += 1
        }
        func value(depth: Int) throws {
            skipSpace()
            guard i < s.count else { throw Failure(at: i, reason: "unexpected end of file, expected a value") }
            guard depth < 200 else { throw Failure(at: i, reason: "nested too deeply") }
            switch s[i] {
            case 0x7B: // {
                i += 1; skipSpace()
                if i < s.count, s[i] == 0x7D { i += 1; return }
                while true {
                    try string(); try expect(0x3A, "':' after the key"); try value(depth: depth + 1)
                    skipSpace()
                    if i < s.count, s[i] == 0x2C {
                        // Named at the comma: the closer may stand lines below it.
                        let comma = i
                        i += 1; skipSpace()
                        if i < s.count, s[i] == 0x7D { throw Failure(at: comma, reason: "trailing comma before '}'") }
                        continue
                    }
                    try expect(0x7D, "',' or '}'"); return
                }
            case 0x5B: // [
                i += 1; skipSpace()
                if i < s.count, s[i] == 0x5D { i += 1; return }
                while true {
                    try value(depth: depth + 1)
                    skipSpace()
                    if i < s.count, s[i] == 0x2C {
                        // Named at the comma: the closer may stand lines below it.
                        let comma = i
                        i += 1; skipSpace()
                        if i < s.count, s[i] == 0x5D { throw Failure(at: comma, reason: "trailing comma before ']'") }
                        continue
                    }
                    try expect(0x5D, "',' or ']'"); return
                }
            case 0x22: try string()
            default:
                let start = i
                while i < s.count, !([0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D].contains(s[i])) { i += 1 }
                let word = String(decoding: s[start..<i], as: UTF8.self)
                if ["true", "false", "null"].contains(word) || isNumber(s[start..<i]) { return }
                throw Failure(at: start, reason: word.isEmpty ? "expected a value" : "'\(word.prefix(20))' is not a JSON value")
            }
        }
        do {
            try value(depth: 0)
            skipSpace()
            if i < s.count { throw Failure(at: i, reason: "text after the end of the JSON value") }
            return nil
        } catch let failure as Failure {
            let before = s[..<min(failure.at, s.count)]
            let line = 1 + before.filter { $0 == 0x0A }.count
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            // Characters, not bytes: a UTF-8 continuation byte starts none.
            let column = 1 + before[lineStart...].filter { $0 & 0xC0 != 0x80 }.count
            return (line, column, failure.reason)
        } catch { return nil }
    }

    /// Whether `word` is a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    /// (Double's parser also takes nan, inf, hex, a leading + or zero).
    static func isNumber(_ word: ArraySlice<UInt8>) -> Bool {
        var i = word.startIndex
        func digits() -> Int {
            let start = i
            while i < word.endIndex, (0x30...0x39).contains(word[i]) { i += 1 }
            return i - start
        }
        if i < word.endIndex, word[i] == 0x2D { i += 1 }
        if i < word.endIndex, word[i] == 0x30 { i += 1 } else if digits() == 0 { return false }
        if i < word.endIndex, word[i] == 0x2E { i += 1; if digits() == 0 { return false } }
        if i < word.endIndex, word[i] | 0x20 == 0x65 {
            i += 1
            if i < word.endIndex, word[i] == 0x2B || word[i] == 0x2D { i += 1 }
            if digits() == 0 { return false }
        }
        return i == word.endIndex
    }

    static func isHexDigit(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c) }

    /// The key path a loader's reason opens with (`parens.enclosed: …`,
    /// `sectionTitles.charactersPerEdit must be …`), as the checks made after
    /// decoding write them: the place to look for in the file.
    static func leadingKeyPath(of reason: String) -> [String] {
        let head = reason.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }
        return head.split(separator: ".").map(String.init)
    }

    /// The line of `path`'s last key: the first `"key":` of each component
    /// at or after the line of the one before it (nil when one is missing).
    static func line(ofKeyPath path: [String], in text: String) -> Int? {
        guard !path.isEmpty else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var from = 0
        for key in path {
            guard let n = lines[from...].firstIndex(where: { holdsKey(key, $0) }) else { return nil }
            from = n
        }
        return from + 1
    }

    /// Whether `line` holds `"key"` followed by a colon.
    static func holdsKey(_ key: String, _ line: Substring) -> Bool {
        guard let r = line.firstRange(of: "\"\(key)\"") else { return false }
        return line[r.upperBound...].drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(":")
    }

    /// The line of the first `"key":` in the text.
    static func line(ofKey key: String, in text: String) -> Int? {
        line(ofKeyPath: [key], in: text)
    }

    /// A reason and place for a JSONDecoder error about `text`: a syntax
    /// error has its line and column, as `batch --jsonl` gives them; an error
    /// found after parsing (a missing key, a wrong type) the line of its key.
    public static func describe(_ error: Error, in text: String) -> (line: Int?, column: Int?, reason: String) {
        if let syntax = firstSyntaxError(in: Array(text.utf8)) { return (syntax.line, syntax.column, "not valid JSON: \(syntax.reason)") }
        let (line, reason) = describeDecoding(error, in: text)
        return (line, nil, reason)
    }

    /// `:LINE:COLUMN`, `:LINE` or nothing, to follow a file's name as
    /// compilers write it (editors open the file at that place).
    public static func suffix(line: Int?, column: Int?) -> String {
        line.map { ":\($0)\(column.map { ":\($0)" } ?? "")" } ?? ""
    }

    static func describeDecoding(_ error: Error, in text: String) -> (line: Int?, reason: String) {
        guard let error = error as? DecodingError else { return (nil, "\(error)") }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        func lastKey(_ context: DecodingError.Context) -> String? { context.codingPath.last { $0.intValue == nil }?.stringValue }
        switch error {
        case .keyNotFound(let key, let context):
            let owner = path(context)
            // At the top level, the object that lacks it opens the file.
            let at = owner.isEmpty ? 1 + text.prefix { $0 != "{" }.filter { $0 == "\n" }.count : lastKey(context).flatMap { line(ofKey: $0, in: text) }
            return (at, "missing key '\(key.stringValue)'\(owner.isEmpty ? "" : " in '\(owner)'")")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let subject = path(context).isEmpty ? "the top level" : "'\(path(context))'"
            return (lastKey(context).flatMap { line(ofKey: $0, in: text) }, "\(subject) should be \(typeName(type))")
        case .dataCorrupted(let context):
            return (lastKey(context).flatMap { line(ofKey: $0, in: text) }, "'\(path(context))': \(context.debugDescription)")
        @unknown default:
            return (nil, "\(error)")
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a \(name)"
        }
    }
}
