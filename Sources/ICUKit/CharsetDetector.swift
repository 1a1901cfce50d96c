internal import CICU

/// One candidate charset from ICU's detector, with its confidence (0–100).
public struct CharsetGuess: Sendable, Equatable {
    public let name: String
    public let confidence: Int
}

/// ICU's statistical charset detector (`ucsdet`).
public enum CharsetDetector {
    /// All candidates for `bytes`, best first. ICU keeps a pointer to the input
    /// while it works, so the bytes stay pinned for the whole call.
    public static func detect(_ bytes: [UInt8]) throws -> [CharsetGuess] {
        var status = U_ZERO_ERROR
        guard let detector = cicu_ucsdet_open(&status) else {
            throw ICUError(operation: "ucsdet_open", code: status.rawValue)
        }
        defer { cicu_ucsdet_close(detector) }
        return try bytes.withUnsafeBufferPointer { buffer -> [CharsetGuess] in
            try buffer.withMemoryRebound(to: CChar.self) { chars in
                cicu_ucsdet_setText(detector, chars.baseAddress, Int32(chars.count), &status)
                try check(status, "ucsdet_setText")
                var found: Int32 = 0
                guard let matches = cicu_ucsdet_detectAll(detector, &found, &status) else { return [] }
                try check(status, "ucsdet_detectAll")
                var guesses: [CharsetGuess] = []
                for i in 0..<Int(found) {
                    guard let match = matches[i] else { continue }
                    let name = cicu_ucsdet_getName(match, &status).map { String(cString: $0) } ?? "?"
                    let confidence = cicu_ucsdet_getConfidence(match, &status)
                    guesses.append(CharsetGuess(name: name, confidence: Int(confidence)))
                }
                return guesses
            }
        }
    }
}
