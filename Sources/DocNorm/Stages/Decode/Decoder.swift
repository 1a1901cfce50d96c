import ICUKit

/// The decoded input: text plus how it was decoded.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: String
}

/// Stage 1a: bytes to text. UTF-8 (BOM or not) and UTF-16 with BOM directly;
/// anything else through ICU's charset detector and converters. Invalid bytes
/// become U+FFFD and each place is reported with its byte offset.
public struct Decoder: Sendable {
    public let minConfidence: Int

    public init(rules: RuleSet) { minConfidence = rules.detectionMinConfidence }

    /// Magic numbers of files people pass by mistake.
    static let binarySignatures: [(String, [UInt8])] = [
        ("PDF", Array("%PDF".utf8)), ("PNG image", [0x89, 0x50, 0x4E, 0x47]),
        ("JPEG image", [0xFF, 0xD8, 0xFF]), ("GIF image", Array("GIF8".utf8)),
        ("ZIP/DOCX archive", [0x50, 0x4B, 0x03, 0x04]), ("ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
    ]

    public func decode(_ bytes: [UInt8], encoding forced: String?, context: PipelineContext) throws -> DecodedText {
        if bytes.isEmpty { throw DocNormError.emptyInput }
        if let forced {
            guard Converter.isKnown(forced) else { throw DocNormError.unknownEncoding(forced) }
            return try convert(bytes, charset: forced, context: context)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return DecodedText(text: decodeUTF8(Array(bytes.dropFirst(3)), offset: 3, context: context), encoding: "UTF-8 (BOM)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try convert(Array(bytes.dropFirst(2)), charset: "UTF-16LE", context: context) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try convert(Array(bytes.dropFirst(2)), charset: "UTF-16BE", context: context) }
        for (kind, magic) in Self.binarySignatures where bytes.starts(with: magic) {
            throw DocNormError.binaryInput(kind: kind, offset: 0)
        }
        if let nul = bytes.firstIndex(of: 0) { throw DocNormError.binaryInput(kind: "NUL byte", offset: nul) }
        if let text = String(validating: bytes, as: UTF8.self) { return DecodedText(text: text, encoding: "UTF-8") }
        // Mostly valid UTF-8 with a few damaged places stays UTF-8; otherwise ask ICU.
        let (multibyte, invalid) = Self.utf8Evidence(bytes)
        if multibyte >= 2 * invalid {
            return DecodedText(text: decodeUTF8(bytes, offset: 0, context: context), encoding: "UTF-8")
        }
        let guesses = (try? CharsetDetector.detect(bytes)) ?? []
        guard let best = guesses.first(where: { !$0.name.hasPrefix("UTF-8") }), best.confidence >= minConfidence else {
            throw DocNormError.undetectableEncoding(best: guesses.first?.name, confidence: guesses.first?.confidence ?? 0)
        }
        return try convert(bytes, charset: best.name, context: context)
    }

    func convert(_ bytes: [UInt8], charset: String, context: PipelineContext) throws -> DecodedText {
        let result: (utf16: [UInt16], invalid: [InvalidBytes])
        do { result = try Converter.decode(bytes, charset: charset) } catch { throw DocNormError.icu("\(error)") }
        for bad in result.invalid {
            context.report(.decode, "decode.invalid-bytes", .invalidInput,
                           "bytes \(hex(bad.bytes)) at byte offset \(bad.offset) are not valid \(charset); replaced with U+FFFD",
                           line: nil)
        }
        return DecodedText(text: String(decoding: result.utf16, as: UTF16.self), encoding: Converter.canonicalName(charset) ?? charset)
    }

    /// Valid multi-byte sequences against invalid ones: text in another charset
    /// (GB18030, Big5) is mostly invalid as UTF-8; damaged UTF-8 is mostly valid.
    static func utf8Evidence(_ bytes: [UInt8]) -> (multibyte: Int, invalid: Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var multibyte = 0, invalid = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): if encoded.count > 1 { multibyte += 1 }
            case .error: invalid += 1
            case .emptyInput: return (multibyte, invalid)
            }
        }
    }

    /// Decodes UTF-8, replacing each maximal invalid subsequence with U+FFFD and
    /// reporting its byte offset and line.
    func decodeUTF8(_ bytes: [UInt8], offset base: Int, context: PipelineContext) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView()
        var offset = 0, line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
                offset += encoded.count
            case .error(let length):
                context.report(.decode, "decode.invalid-bytes", .invalidInput,
                               "bytes \(hex(Array(bytes[offset..<offset + length]))) at byte offset \(base + offset) are not valid UTF-8; replaced with U+FFFD",
                               line: line)
                scalars.append("\u{FFFD}")
                offset += length
            case .emptyInput:
                return String(scalars)
            }
        }
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { b in let s = String(b, radix: 16, uppercase: true); return s.count == 1 ? "0" + s : s }.joined(separator: " ")
}
