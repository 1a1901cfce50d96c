import Testing
import DocNormTestSupport
@testable import DocNorm

/// Damaged, binary, empty and mislabelled input (issue 6, "Bad input").
@Suite struct BadInputTests {
    @Test func truncatedSequenceAtTheEndIsReplacedAndReported() throws {
        // 告 is E5 91 8A; the file ends after its first two bytes.
        let input = Array("年度报告\n第二行".utf8) + [0xE5, 0x91]
        let (text, diagnostics) = try decode(input)
        #expect(text.text == "年度报告\n第二行\u{FFFD}")
        #expect(diagnostics.map(\.line) == [2])
        #expect(diagnostics.first?.message == "bytes E5 91 at byte offset 22 are not valid UTF-8; replaced with U+FFFD")
    }

    @Test func everyDamagedPlaceReportedWithOffsetAndLine() throws {
        // Lines counted as stage 1 counts them: CR LF is one break, a lone CR and a form feed are breaks too.
        let input = Array("一\r\n二".utf8) + [0xFF] + Array("\r三\u{0C}四".utf8) + [0xC0, 0x80] + Array("五".utf8)
        let (text, diagnostics) = try decode(input)
        #expect(text.text == "一\r\n二\u{FFFD}\r三\u{0C}四\u{FFFD}\u{FFFD}五")
        #expect(diagnostics.map(\.line) == [2, 4, 4])
        #expect(diagnostics.map { $0.message.contains("byte offset 8 ") } == [true, false, false])
        #expect(diagnostics.allSatisfy { $0.kind == .invalidInput && $0.rule == "decode.invalid-bytes" })
    }

    /// The damage is local: the rest of the document is normalized as usual.
    @Test func restOfDamagedDocumentIsNormalized() throws {
        let input = Array("２０２４年，本机关".utf8) + [0xE4, 0xB8] + Array("收到申请 ⼗ 件.".utf8)
        let document = try pipeline.run(input)
        #expect(TextRenderer.render(document) == "2024年，本机关\u{FFFD}收到申请十件。\n")
        #expect(document.diagnostics.count == 1)
    }

    @Test func damagedPlacesInGB18030ReportedWithLine() throws {
        // Two good lines of GBK, then a lead byte with an invalid trail byte (0x81 0x0A is not a pair).
        let good = fixture("simplified.gbk.txt")
        let input = Array(good) + [0xB1, 0xA8, 0x81] + Array("\n".utf8)
        let (text, diagnostics) = try decode(input, encoding: "GB18030")
        #expect(text.text.hasPrefix(fixtureText("simplified.txt")))
        #expect(text.text.hasSuffix("报\u{FFFD}\n"))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 15)
        #expect(diagnostics.first?.message.contains("byte offset \(good.count + 2)") == true)
    }

    @Test func manyDamagedPlacesAreSummarized() throws {
        let damaged: [UInt8] = (0..<1500).flatMap { _ -> [UInt8] in Array("报告".utf8) + [0xFF] }
        let (text, diagnostics) = try decode(damaged)
        #expect(text.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 1500)
        #expect(diagnostics.count == Decoder.maxReportedPlaces + 1)
        #expect(diagnostics.last?.message.hasPrefix("500 more places are not valid UTF-8 (1500 in all)") == true)
    }

    @Test(arguments: [
        ("PDF", Array("%PDF-1.7\n%âãÏÓ\n".utf8), 0),
        ("PDF", Array("\r\n\r\n%PDF-1.4\n".utf8), 4),
        ("PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0),
        ("ZIP/DOCX/XLSX archive", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], 0),
        ("DOC/XLS (OLE2) file", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], 0),
        ("JPEG image", [0xFF, 0xD8, 0xFF, 0xE0], 0),
        ("NUL byte", Array("报告".utf8) + [0x00, 0x41], 6),
    ] as [(String, [UInt8], Int)])
    func binaryInputRefused(_ kind: String, _ bytes: [UInt8], _ offset: Int) throws {
        #expect(throws: DocNormError.binaryInput(kind: kind, offset: offset)) { try decode(bytes) }
    }

    @Test func denseControlBytesAreBinary() throws {
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next() % 255 + 1) }
        #expect(throws: (any Error).self) { try decode(bytes) }
        do { _ = try decode(bytes); Issue.record("not refused") } catch let error as DocNormError {
            guard case .binaryInput(let kind, _) = error else { Issue.record("\(error)"); return }
            #expect(kind.hasPrefix("control bytes"))
        }
    }

    @Test func nulByteMessageSuggestsUTF16() {
        let message = DocNormError.binaryInput(kind: "NUL byte", offset: 1).description
        #expect(message.contains("--encoding UTF-16LE"))
    }

    /// UTF-16 without a BOM looks binary (its ASCII has NUL bytes) until named.
    @Test func utf16WithoutBOMReadWhenNamed() throws {
        let le = Array(fixture("simplified.utf16le-bom.txt").dropFirst(2))
        #expect(throws: (any Error).self) { try decode(le) }
        #expect(try decode(le, encoding: "UTF-16LE").0.text == fixtureText("simplified.txt"))
    }

    /// Whitespace-only input is refused like empty input (exit 5): for a user
    /// it is an extraction that found no text (a scanned PDF without OCR), not a document.
    @Test(arguments: [" ", "\n\n\n", " \t\r\n\u{3000}\u{00A0}", "\u{FEFF}", "\u{200B}\n\u{000B}"])
    func whitespaceOnlyInputRefused(_ text: String) throws {
        let bytes = Array(text.utf8)
        #expect(throws: DocNormError.blankInput(bytes: bytes.count)) { try decode(bytes) }
    }

    @Test func bomOnlyInputIsBlank() throws {
        #expect(throws: DocNormError.blankInput(bytes: 3)) { try decode([0xEF, 0xBB, 0xBF]) }
        #expect(throws: DocNormError.blankInput(bytes: 2)) { try decode([0xFF, 0xFE]) }
    }

    @Test func lowConfidenceDetectionSuggestsEncoding() throws {
        // 报告 in GBK: four bytes are too little evidence for any charset.
        do {
            _ = try decode([0xB1, 0xA8, 0xB8, 0xE6])
            Issue.record("decoded without evidence")
        } catch let error as DocNormError {
            guard case .undetectableEncoding(let best, let confidence, let needed, let offset) = error else {
                Issue.record("\(error)"); return
            }
            #expect(best != nil && confidence < needed && needed == rules.detectionMinConfidence)
            #expect(offset == 0)
            #expect(error.description.contains("--encoding GB18030"))
        }
        #expect(try decode([0xB1, 0xA8, 0xB8, 0xE6], encoding: "GBK").0.text == "报告")
    }
}

