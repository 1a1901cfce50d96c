/// Where in a JSON rule file something went wrong, so a refusal can name the
/// line: JSONDecoder (FoundationEssentials) says only "not valid JSON" and
/// gives coding paths, not positions.
enum JSONLocation {
    /// The line and reason of the first syntax error, or nil when the text is
    /// well-formed JSON. A small recursive-descent scan, no values built.
    static func firstSyntaxError(in text: String) -> (line: Int, reason: String)? {
        let s = Array(text.utf8)
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
                i += s[i] == 0x5C ? 2 : 1
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
                    if i < s.count, s[i] == 0x2C { i += 1; skipSpace(); if i < s.count, s[i] == 0x7D { throw Failure(at: i, reason: "trailing comma before '}'") }; continue }
                    try expect(0x7D, "',' or '}'"); return
                }
            case 0x5B: // [
                i += 1; skipSpace()
                if i < s.count, s[i] == 0x5D { i += 1; return }
                while true {
                    try value(depth: depth + 1)
                    skipSpace()
                    if i < s.count, s[i] == 0x2C { i += 1; skipSpace(); if i < s.count, s[i] == 0x5D { throw Failure(at: i, reason: "trailing comma before ']'") }; continue }
                    try expect(0x5D, "',' or ']'"); return
                }
            case 0x22: try string()
            default:
                let start = i
                while i < s.count, !([0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D].contains(s[i])) { i += 1 }
                let word = String(decoding: s[start..<i], as: UTF8.self)
                if ["true", "false", "null"].contains(word) || Double(word) != nil { return }
                throw Failure(at: start, reason: word.isEmpty ? "expected a value" : "'\(word.prefix(20))' is not a JSON value")
            }
        }
        do {
            try value(depth: 0)
            skipSpace()
            if i < s.count { throw Failure(at: i, reason: "text after the end of the JSON value") }
            return nil
        } catch let failure as Failure {
            let line = 1 + s[..<min(failure.at, s.count)].filter { $0 == 0x0A }.count
            return (line, failure.reason)
        } catch { return nil }
    }

    /// The line of the first `"key":` in the text.
    static func line(ofKey key: String, in text: String) -> Int? {
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let r = line.firstRange(of: "\"\(key)\""), line[r.upperBound...].drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(":") {
                return n + 1
            }
        }
        return nil
    }

    /// A reason and line for a JSONDecoder error about `text`.
    static func describe(_ error: Error, in text: String) -> (line: Int?, reason: String) {
        if let syntax = firstSyntaxError(in: text) { return (syntax.line, "not valid JSON: \(syntax.reason)") }
        guard let error = error as? DecodingError else { return (nil, "\(error)") }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        func lastKey(_ context: DecodingError.Context) -> String? { context.codingPath.last { $0.intValue == nil }?.stringValue }
        switch error {
        case .keyNotFound(let key, let context):
            let owner = path(context)
            return (lastKey(context).flatMap { line(ofKey: $0, in: text) }, "missing key '\(key.stringValue)'\(owner.isEmpty ? "" : " in '\(owner)'")")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return (lastKey(context).flatMap { line(ofKey: $0, in: text) }, "'\(path(context))' should be \(typeName(type))")
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
