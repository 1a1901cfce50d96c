import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// Real report text in every encoding docnorm reads (Tests/Fixtures/encodings,
/// made with iconv; see its README).
func fixture(_ name: String) -> [UInt8] {
    let path = repositoryRoot.appendingPathComponent("Tests/Fixtures/encodings").appendingPathComponent(name).path
    return [UInt8](FileManager.default.contents(atPath: path) ?? Data())
}

func fixtureText(_ name: String) -> String { String(decoding: fixture(name), as: UTF8.self) }

@Suite struct EncodingTests {
    @Test(arguments: [
        ("simplified.txt", "simplified.txt", "UTF-8"),
        ("simplified.utf8-bom.txt", "simplified.txt", "UTF-8 (BOM)"),
        ("simplified.utf16le-bom.txt", "simplified.txt", "UTF-16LE"),
        ("simplified.utf16be-bom.txt", "simplified.txt", "UTF-16BE"),
        ("simplified.gbk.txt", "simplified.txt", "GB18030"),
        ("gb18030-4byte.gb18030.txt", "gb18030-4byte.txt", "GB18030"),
        ("traditional.big5.txt", "traditional.txt", "Big5"),
    ])
    func detectedAndDecoded(_ file: String, _ reference: String, _ encoding: String) throws {
        #expect(!fixture(file).isEmpty, "missing fixture \(file)")
        let (decoded, diagnostics) = try decode(fixture(file))
        #expect(decoded.text == fixtureText(reference))
        #expect(decoded.encoding.uppercased() == encoding.uppercased())
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test(arguments: [
        ("simplified.gbk.txt", "GBK", "simplified.txt"),
        ("gb18030-4byte.gb18030.txt", "gb18030", "gb18030-4byte.txt"),
        ("traditional.big5.txt", "Big5", "traditional.txt"),
        ("simplified.txt", "UTF-8", "simplified.txt"),
    ])
    func forcedEncoding(_ file: String, _ encoding: String, _ reference: String) throws {
        let (decoded, diagnostics) = try decode(fixture(file), encoding: encoding)
        #expect(decoded.text == fixtureText(reference))
        #expect(diagnostics.isEmpty)
    }

    /// A forced encoding wins over detection: GBK bytes read as Big5 are not
    /// the report (and not an error: the user asked for it).
    @Test func forcedEncodingIsObeyed() throws {
        let (decoded, _) = try decode(fixture("simplified.gbk.txt"), encoding: "Big5")
        #expect(decoded.text != fixtureText("simplified.txt"))
        #expect(decoded.encoding == "Big5")
    }

    /// A short UTF-16 text without a byte-order mark has no NUL byte (its
    /// CJK code units have none) and is not UTF-8: the detector's best guess
    /// is a Latin charset, which garbles it. That is reported, with what to do.
    @Test func detectedCharsetChineseIsNotWrittenInIsReported() throws {
        let bytes = "政府信息".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (decoded, diagnostics) = try decode(bytes)
        #expect(!["GB18030", "BIG5"].contains(decoded.encoding.uppercased()))
        #expect(diagnostics.map(\.rule) == ["decode.unexpected-charset"])
        #expect(diagnostics.first?.kind == .suspicion)
        #expect(diagnostics.first?.message.contains("--encoding") == true)
    }

    @Test func unknownEncodingNameRefused() throws {
        #expect(throws: DocNormError.unknownEncoding("GB-NOPE")) { try decode(fixture("simplified.gbk.txt"), encoding: "GB-NOPE") }
        #expect(throws: DocNormError.unknownEncoding("")) { try decode(fixture("simplified.gbk.txt"), encoding: "") }
    }
}
