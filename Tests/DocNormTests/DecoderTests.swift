import Testing
@testable import DocNorm
import DocNormTestSupport

func decode(_ bytes: [UInt8], encoding: String? = nil) throws -> (DecodedText, [Diagnostic]) {
    let context = PipelineContext(tracing: false)
    let text = try Decoder(rules: rules).decode(bytes, encoding: encoding, context: context)
    return (text, context.diagnostics)
}

func bytes(hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var i = hex.startIndex
    while i < hex.endIndex {
        let j = hex.index(i, offsetBy: 2)
        out.append(UInt8(hex[i..<j], radix: 16)!)
        i = j
    }
    return out
}

@Suite struct DecoderTests {
    /// --encoding naming another charset for bytes that are valid UTF-8
    /// garbles the text (and, for GB18030, reports a thousand bad places):
    /// one suspicion says the bytes read as UTF-8 and how to do so.
    @Test func forcedEncodingOnValidUTF8IsQuestioned() throws {
        let utf8 = Array("政府信息公开工作年度报告\n一、总体情况\n".utf8)
        let (_, diagnostics) = try decode(utf8, encoding: "GB18030")
        let doubt = diagnostics.filter { $0.rule == "decode.forced-encoding" }
        #expect(doubt.count == 1)
        #expect(doubt.first?.kind == .suspicion)
        #expect(doubt.first?.message == "the bytes are valid UTF-8 (18 multi-byte characters), yet --encoding GB18030 was given; if the text is garbled, drop --encoding")
        // Not when the forced charset is UTF-8, nor for ASCII, nor for real GB18030.
        #expect(try decode(utf8, encoding: "utf-8").1.isEmpty)
        #expect(try decode(Array("2024 report\n".utf8), encoding: "GB18030").1.isEmpty)
        #expect(try decode(fixture("simplified.gbk.txt"), encoding: "GB18030").1.isEmpty)
    }

    @Test func utf8WithAndWithoutBOM() throws {
        #expect(try decode(Array("年度报告".utf8)).0.text == "年度报告")
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array("年度报告".utf8)).0.text == "年度报告")
    }

    @Test func utf16WithBOM() throws {
        let le: [UInt8] = [0xFF, 0xFE] + "报告".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + "报告".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try decode(le).0.text == "报告")
        #expect(try decode(be).0.text == "报告")
    }

    @Test func gb18030IsDetectedAndConverted() throws {
        // "政府信息公开工作年度报告，本机关共收到申请十二件。" encoded in GB18030.
        let gb = bytes(hex: "d5feb8aed0c5cfa2b9abbfaab9a4d7f7c4eab6c8b1a8b8e6a3acb1bebbfab9d8b9b2cad5b5bdc9eac7ebcaaeb6febcfea1a3")
        let (text, _) = try decode(gb)
        #expect(text.text == "政府信息公开工作年度报告，本机关共收到申请十二件。")
        #expect(text.encoding.uppercased().contains("GB"))
        #expect(try decode(gb, encoding: "GB18030").0.text == text.text)
    }

    @Test func invalidUTF8BecomesReplacementWithOffset() throws {
        let input = Array("第一行\n坏".utf8) + [0xE4, 0xB8] + Array("字".utf8)
        let (text, diagnostics) = try decode(input)
        #expect(text.text == "第一行\n坏\u{FFFD}字")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("byte offset 13") == true)
        #expect(diagnostics.first?.line == 2)
    }

    @Test func binaryAndEmptyInputRefused() throws {
        #expect(throws: DocNormError.binaryInput(kind: "PDF", offset: 0)) { try decode(Array("%PDF-1.7\n".utf8)) }
        #expect(throws: DocNormError.binaryInput(kind: "NUL byte", offset: 2)) { try decode([0x41, 0x42, 0, 0x43]) }
        #expect(throws: DocNormError.emptyInput) { try decode([]) }
        #expect(throws: DocNormError.unknownEncoding("NO-SUCH-CHARSET")) { try decode([0x41], encoding: "NO-SUCH-CHARSET") }
    }

    /// The controls that make input look binary are counted eight bytes at a
    /// time; the count and the first offset must be the byte loop's, for
    /// controls at every place in a word and lengths that are not a multiple of eight.
    @Test func controlBytesCountedAsByteByByte() {
        var generator = SplitMix64(seed: 61)
        let alphabet: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0x9F, 0xE5, 0xFF]
        for length in 0..<70 {
            for _ in 0..<20 {
                let sparse = generator.next() % 2 == 0
                let bytes = (0..<length).map { _ in
                    sparse && generator.next() % 8 != 0 ? 0x41 : alphabet[Int(generator.next() % UInt64(alphabet.count))]
                }
                var count = 0, first = 0
                for (i, b) in bytes.enumerated() where b < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D, 0x1B].contains(b) {
                    if count == 0 { first = i }
                    count += 1
                }
                let counted = bytes.withUnsafeBufferPointer { Decoder.controlBytes(in: $0) }
                #expect(counted.count == count && counted.first == first, "\(bytes)")
            }
        }
    }
}

/// `utf8Validity` accepts exactly what `String(validating:as:)` accepts.
@Suite struct UTF8ValidityTests {
    /// Recorded only on a disagreement: over a million inputs are asked.
    func expectAgrees(_ bytes: [UInt8]) {
        let standard = String(validating: bytes, as: UTF8.self)
        let validity = bytes.withUnsafeBufferPointer { utf8Validity($0) }
        let agrees = validity.isValid == (standard != nil) && (!validity.isValid || validity.isASCII == bytes.allSatisfy { $0 < 0x80 })
            && String(wellFormedUTF8: bytes) == standard
        if !agrees { Issue.record("\(bytes): \(validity), standard library \(standard != nil)") }
    }

    /// Every lead byte with every second byte, and the third and fourth
    /// bytes at the edges of the continuation range; cut short too, and
    /// beside a Han scalar in a word read two scalars a step.
    @Test func everyLeadAndSecondByte() {
        let han = Array("政".utf8), ascii = Array("abcdefgh".utf8)
        for lead in 0...255 {
            for second in 0...255 {
                for rest: UInt8 in [0x7F, 0x80, 0xBF, 0xC0] {
                    let sequence = [UInt8(lead), UInt8(second), rest, rest]
                    for count in 1...4 { expectAgrees(Array(sequence.prefix(count))) }
                    expectAgrees([0x41] + sequence + [0x41])
                    // Long enough for two three-byte scalars a step, in either place.
                    expectAgrees(Array(sequence.prefix(3)) + han + ascii)
                    expectAgrees(han + Array(sequence.prefix(3)) + ascii)
                    expectAgrees(han + sequence + ascii)
                }
            }
        }
    }

    /// Seeded random bytes, mostly valid text with damage in it, across the
    /// eight-byte steps of the ASCII runs.
    @Test func generatedBytes() {
        let pieces: [[UInt8]] = [Array("政府".utf8), Array("abcdefgh".utf8), Array("a".utf8), Array("é".utf8), Array("𠀀".utf8),
                                 [0x80], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                 [0xE4, 0xB8], [0xFF], [0xF0, 0x9F, 0x98]]
        var random = SplitMix64(seed: 20261206)
        for _ in 0..<5000 {
            let count = Int(random.next() % 12)
            // Damage is rarer than text, so valid inputs are common.
            let bytes = (0..<count).flatMap { _ -> [UInt8] in
                let k = Int(random.next() % 100)
                return k < 90 ? pieces[k % 5] : pieces[5 + k % (pieces.count - 5)]
            }
            expectAgrees(bytes)
        }
    }
}
