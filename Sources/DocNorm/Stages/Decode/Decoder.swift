#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import ICUKit

/// The decoded input: text plus how it was decoded.
public struct DecodedText: Sendable {
    public var text: String
    /// The encoding as detected or as named with `--encoding` (GB18030, Big5,
    /// UTF-8 (BOM), …), not ICU's internal converter name.
    public var encoding: String
}

/// Stage 1a: bytes to text. UTF-8 (BOM or not) and UTF-16 with BOM directly;
/// anything else through ICU's charset detector and converters. Invalid bytes
/// become U+FFFD and each place is reported with its byte offset and line.
/// Binary files, empty input and whitespace-only input are refused.
public struct Decoder: Sendable {
    public let minConfidence: Int
    /// Characters that do not count as text (controls, zero-width, BOM).
    let invisible: ScalarSet

    /// Damaged places reported one by one; beyond this, one summary (a damaged
    /// 200 MB file must not print a million lines).
    static let maxReportedPlaces = 1000

    /// See `RuleSet.reportCharsets`.
    let reportCharsets: [String]?

    public init(rules: RuleSet) {
        minConfidence = rules.detectionMinConfidence
        reportCharsets = rules.reportCharsets
        invisible = rules.remove
    }

    /// Magic numbers of files people pass by mistake.
    static let binarySignatures: [(String, [UInt8])] = [
        ("PDF", Array("%PDF".utf8)), ("PNG image", [0x89, 0x50, 0x4E, 0x47]),
        ("JPEG image", [0xFF, 0xD8, 0xFF]), ("GIF image", Array("GIF8".utf8)),
        ("TIFF image", [0x49, 0x49, 0x2A, 0x00]), ("TIFF image", [0x4D, 0x4D, 0x00, 0x2A]),
        ("ZIP/DOCX/XLSX archive", [0x50, 0x4B, 0x03, 0x04]), ("ZIP archive", [0x50, 0x4B, 0x05, 0x06]),
        ("DOC/XLS (OLE2) file", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        ("gzip archive", [0x1F, 0x8B]), ("RAR archive", Array("Rar!".utf8) + [0x1A, 0x07]),
        ("7-Zip archive", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]), ("ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
    ]

    public func decode(_ bytes: [UInt8], encoding forced: String?, context: PipelineContext) throws -> DecodedText {
        if bytes.isEmpty { throw DocNormError.emptyInput }
        let decoded = try decodeText(bytes, encoding: forced, context: context)
        if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || invisible.contains($0.value) }) {
            throw DocNormError.blankInput(bytes: bytes.count)
        }
        return decoded
    }

    func decodeText(_ bytes: [UInt8], encoding forced: String?, context: PipelineContext) throws -> DecodedText {
        if let forced {
            // ICU opens its default converter for an empty name; that is not what was asked.
            guard !forced.isEmpty, Converter.isKnown(forced) else { throw DocNormError.unknownEncoding(forced) }
            questionForcedEncoding(bytes, forced, context)
            return try convert(bytes, charset: forced, named: forced, context: context)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return DecodedText(text: decodeUTF8(Array(bytes.dropFirst(3)), offset: 3, context: context), encoding: "UTF-8 (BOM)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try convert(Array(bytes.dropFirst(2)), charset: "UTF-16LE", named: "UTF-16LE", offset: 2, context: context)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try convert(Array(bytes.dropFirst(2)), charset: "UTF-16BE", named: "UTF-16BE", offset: 2, context: context)
        }
        if let (kind, offset) = Self.binaryEvidence(bytes) { throw DocNormError.binaryInput(kind: kind, offset: offset) }
        if let text = String(wellFormedUTF8: bytes) { return DecodedText(text: text, encoding: "UTF-8") }
        // Damaged UTF-8 stays UTF-8; otherwise ask ICU. Read as UTF-8, GB18030
        // report text has about one valid multi-byte sequence per five invalid
        // ones (the five seed samples in GB18030: 0.18–0.23), Big5 fewer (0.09);
        // damaged UTF-8 has more valid than invalid ones unless most of it is damaged.
        let (multibyte, invalid, firstInvalid) = Self.utf8Evidence(bytes)
        if multibyte >= invalid {
            return DecodedText(text: decodeUTF8(bytes, offset: 0, context: context), encoding: "UTF-8")
        }
        let guesses = (try? CharsetDetector.detect(bytes)) ?? []
        // Not UTF-8 (see above); UTF-16/32 without a BOM would have shown NUL bytes.
        // The detector also names charsets this ICU has no converter for (IBM420_rtl).
        let candidates = guesses.filter { !$0.name.hasPrefix("UTF-") && Converter.isKnown($0.name) }
        guard let best = candidates.first, best.confidence >= minConfidence else {
            throw DocNormError.undetectableEncoding(best: candidates.first?.name, confidence: candidates.first?.confidence ?? 0,
                                                    needed: minConfidence, offset: firstInvalid)
        }
        if let expected = reportCharsets, !expected.contains(where: { $0.uppercased() == best.name.uppercased() }) {
            context.report(.decode, "decode.unexpected-charset", .suspicion,
                           "the bytes are not UTF-8 (first non-UTF-8 byte at byte offset \(firstInvalid)) and were read as \(best.name), "
                           + "the detector's best guess (\(best.confidence)% confidence), a charset Chinese text is not written in: "
                           + "the text is likely garbled; name its encoding with --encoding, e.g. GB18030, Big5 or UTF-16LE", line: nil)
        }
        return try convert(bytes, charset: best.name, named: best.name, context: context)
    }

    /// Bytes with multi-byte characters that are all valid UTF-8 are UTF-8:
    /// text in GB18030 or Big5 almost never is. Forcing another charset on
    /// them garbles the text, so it is reported (the decoding is still the one asked for).
    func questionForcedEncoding(_ bytes: [UInt8], _ forced: String, _ context: PipelineContext) {
        let name = forced.uppercased().filter { $0 != "-" && $0 != "_" }
        guard name != "UTF8", !name.hasPrefix("UTF16"), !name.hasPrefix("UTF32") else { return }
        let (multibyte, invalid, _) = Self.utf8Evidence(bytes)
        guard multibyte > 0, invalid == 0 else { return }
        context.report(.decode, "decode.forced-encoding", .suspicion,
                       "the bytes are valid UTF-8 (\(multibyte) multi-byte characters), yet --encoding \(forced) was given; "
                       + "if the text is garbled, drop --encoding", line: nil)
    }

    /// A file signature at the start (a PDF may have a little junk before
    /// `%PDF`), a NUL byte, or many control bytes near the start.
    static func binaryEvidence(_ bytes: [UInt8]) -> (kind: String, offset: Int)? {
        for (kind, magic) in binarySignatures where bytes.starts(with: magic) { return (kind, 0) }
        let head = bytes.prefix(1024)
        let pdf = Array("%PDF-".utf8)
        if head.count >= pdf.count {
            for i in head.indices.dropLast(pdf.count - 1) where head[i] == 0x25 && head[i..<(i + pdf.count)].elementsEqual(pdf) {
                return ("PDF", i)
            }
        }
        // Every input is asked: memchr and one counting loop, not a generic
        // search and an array of the controls' offsets.
        let nul = bytes.withUnsafeBufferPointer { p -> Int? in
            guard let base = p.baseAddress, let hit = memchr(base, 0, p.count) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
        if let nul { return ("NUL byte", nul) }
        // Text has almost no C0 controls besides TAB, LF, CR, FF and ESC; compressed or encrypted data has many.
        let sampled = min(bytes.count, 1 << 16)
        let (controls, firstControl) = bytes.withUnsafeBufferPointer { controlBytes(in: UnsafeBufferPointer(rebasing: $0[..<sampled])) }
        if controls >= 8 && controls * 10 > sampled {
            return ("control bytes (\(controls) in the first \(sampled))", firstControl)
        }
        return nil
    }

    /// The C0 controls in `bytes` other than TAB, LF, FF, CR and ESC: how
    /// many, and the offset of the first (0 when none). Eight bytes are
    /// asked at a time whether any is below 0x20 (most words of text have
    /// none); only a word that has one is read byte by byte. Every input is
    /// asked, and the loop over single bytes cost about as much as
    /// validating them as UTF-8 (callgrind: ~20 M of 2,526 M in the bench).
    static func controlBytes(in bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, first: Int) {
        var controls = 0, first = 0, i = 0
        func look(_ i: Int) {
            let b = bytes[i]
            guard b < 0x20, b != 0x09, b != 0x0A, b != 0x0C, b != 0x0D, b != 0x1B else { return }
            if controls == 0 { first = i }
            controls += 1
        }
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101
            while i + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Nonzero exactly when some byte of the word is below 0x20
                // (the "has a byte less than n" test, exact for n ≤ 128).
                if (word &- ones &* 0x20) & ~word & (ones &* 0x80) != 0 {
                    for j in i..<(i + 8) { look(j) }
                }
                i += 8
            }
        }
        while i < bytes.count { look(i); i += 1 }
        return (controls, first)
    }

    func convert(_ bytes: [UInt8], charset: String, named name: String, offset base: Int = 0,
                 context: PipelineContext) throws -> DecodedText {
        let result: (utf16: [UInt16], invalid: [InvalidBytes])
        do { result = try Converter.decode(bytes, charset: charset) } catch { throw DocNormError.icu("\(error)") }
        if !result.invalid.isEmpty {
            let lines = LineStarts(bytes, utf16: charset.uppercased().hasPrefix("UTF-16"), bigEndian: charset.uppercased() == "UTF-16BE")
            for bad in result.invalid.prefix(Self.maxReportedPlaces) {
                context.report(.decode, "decode.invalid-bytes", .invalidInput,
                               "bytes \(hex(bad.bytes)) at byte offset \(base + bad.offset) are not valid \(name); replaced with U+FFFD",
                               line: lines.line(ofByte: bad.offset))
            }
            reportRest(result.invalid.count, name, context)
        }
        return DecodedText(text: String(decoding: result.utf16, as: UTF16.self), encoding: name)
    }

    private func reportRest(_ total: Int, _ name: String, _ context: PipelineContext) {
        guard total > Self.maxReportedPlaces else { return }
        context.report(.decode, "decode.invalid-bytes", .invalidInput,
                       "\(total - Self.maxReportedPlaces) more places are not valid \(name) (\(total) in all); each replaced with U+FFFD",
                       line: nil)
    }

    /// Valid multi-byte sequences against invalid ones: text in another charset
    /// (GB18030, Big5) is mostly invalid as UTF-8; damaged UTF-8 is mostly valid.
    static func utf8Evidence(_ bytes: [UInt8]) -> (multibyte: Int, invalid: Int, firstInvalid: Int) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var multibyte = 0, invalid = 0, offset = 0, firstInvalid = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count > 1 { multibyte += 1 }
                offset += encoded.count
            case .error(let length):
                if invalid == 0 { firstInvalid = offset }
                invalid += 1
                offset += length
            case .emptyInput: return (multibyte, invalid, firstInvalid)
            }
        }
    }

    /// Decodes UTF-8, replacing each maximal invalid subsequence with U+FFFD and
    /// reporting its byte offset and line (lines counted as stage 1 splits them:
    /// LF, CR LF, CR, form feed, U+2028, U+2029).
    func decodeUTF8(_ bytes: [UInt8], offset base: Int, context: PipelineContext) -> String {
        // Valid (a BOM-led file, undamaged): nothing to replace or report, and
        // one validation instead of appending scalar by scalar.
        if let text = String(wellFormedUTF8: bytes) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var scalars = String.UnicodeScalarView()
        var offset = 0, line = 1, places = 0
        var previous: Unicode.Scalar = "\0"
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                switch scalar {
                case "\n" where previous == "\r": break
                case "\n", "\r", "\u{0C}", "\u{2028}", "\u{2029}": line += 1
                default: break
                }
                previous = scalar
                scalars.append(scalar)
                offset += encoded.count
            case .error(let length):
                places += 1
                if places <= Self.maxReportedPlaces {
                    context.report(.decode, "decode.invalid-bytes", .invalidInput,
                                   "bytes \(hex(Array(bytes[offset..<offset + length]))) at byte offset \(base + offset) are not valid UTF-8; replaced with U+FFFD",
                                   line: line)
                }
                previous = "\u{FFFD}"
                scalars.append("\u{FFFD}")
                offset += length
            case .emptyInput:
                reportRest(places, "UTF-8", context)
                return String(scalars)
            }
        }
    }
}

/// Byte offsets where lines start in an ASCII-compatible or UTF-16 input, so
/// a damaged place found by byte offset can name its line.
struct LineStarts {
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8], utf16: Bool, bigEndian: Bool) {
        if utf16 {
            var i = 0
            var previous: UInt16 = 0
            while i + 1 < bytes.count {
                let unit = bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
                if unit == 0x0A && previous == 0x0D { starts[starts.count - 1] = i + 2 }
                else if unit == 0x0A || unit == 0x0D || unit == 0x0C || unit == 0x2028 || unit == 0x2029 { starts.append(i + 2) }
                previous = unit
                i += 2
            }
        } else {
            for (i, b) in bytes.enumerated() {
                if b == 0x0A && i > 0 && bytes[i - 1] == 0x0D { starts[starts.count - 1] = i + 1 }
                else if b == 0x0A || b == 0x0D || b == 0x0C { starts.append(i + 1) }
            }
        }
    }

    /// The 1-based line holding the byte at `offset`.
    func line(ofByte offset: Int) -> Int {
        var lo = 0, hi = starts.count
        while lo < hi { let mid = (lo + hi) / 2; if starts[mid] <= offset { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { b in let s = String(b, radix: 16, uppercase: true); return s.count == 1 ? "0" + s : s }.joined(separator: " ")
}
