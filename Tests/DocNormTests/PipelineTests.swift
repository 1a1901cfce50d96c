import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

let pipeline = try! Pipeline(rules: rules)

func canonical(_ bytes: [UInt8]) throws -> String {
    TextRenderer.render(try pipeline.run(bytes))
}

@Suite struct BuiltinRulesTests {
    /// The rules compiled into the binary must be exactly Rules/ on disk
    /// (regenerate with scripts/embed-rules.sh).
    @Test func builtinCopyMatchesRulesFolder() throws {
        let root = repositoryRoot.appendingPathComponent("Rules")
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { path in
            !path.hasPrefix(".") && FileManager.default.contents(atPath: root.appendingPathComponent(path).path) != nil
                && (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(path).path)) == nil
        }
        #expect(Set(paths) == Set(BuiltinRules.files.keys))
        for path in paths {
            let disk = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(BuiltinRules.files[path] == disk, "Rules/\(path) differs from the built-in copy; run scripts/embed-rules.sh")
        }
    }

    @Test func malformedRuleFileRefusedWithFileAndLine() throws {
        #expect(throws: DocNormError.invalidRules(file: "radicals.tsv", line: 2, reason: "expected two hex code points separated by a TAB")) {
            try RuleSet.parseRadicals("# header\n2F00 4E00\n", file: "radicals.tsv")
        }
    }
}

@Suite struct PropertyTests {
    /// Normalizing the output again changes nothing, over the corpus.
    @Test(arguments: GoldenCase.all().map(\.name))
    func idempotentOnCorpus(_ name: String) throws {
        let golden = GoldenCase.all().first { $0.name == name }!
        let once = try canonical(golden.input)
        let twice = try canonical(Array(once.utf8))
        #expect(once == twice, "\(lineDiff(expected: once, actual: twice))")
    }

    /// Random mixtures of the characters extraction produces: no crash, valid
    /// output (no controls but LF and TAB), idempotent. Seeded, so a failure
    /// seen once is seen again.
    @Test func generatedInputs() throws {
        let alphabet: [String] = ["政", "府", "⼀", "⺠", "２", "0", "a", " ", "\u{3000}", "\u{00A0}", "\n", "\n\n", "\t",
                                  "，", ",", "（", "(", ")", "\u{200B}", "\r\n", "\u{000C}", "。", "-", "é", "\u{FFFD}", "①"]
        var generator = SplitMix64(seed: 300)
        for _ in 0..<300 {
            let length = Int.random(in: 1...80, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined() + "x"
            let once = try canonical(Array(text.utf8))
            #expect(!once.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" })
            #expect(try canonical(Array(once.utf8)) == once, "input: \(text.debugDescription)")
        }
    }

    /// The text as a `String` is built from the bytes the CLI writes without
    /// validating them again: it must hold the same bytes, compare equal to
    /// the validated string (its ASCII flag set as validation sets it), for
    /// ASCII, Han, tables and the empty document.
    @Test func renderedStringIsTheRenderedBytes() throws {
        let inputs = ["Annual report\n\nSection one.\n", "政府信息公开工作年度报告\n\n一、总体情况\n\n本年度共收到申请12件。\n"]
            + GoldenCase.all().prefix(5).map { String(decoding: $0.input, as: UTF8.self) }
        var documents = try inputs.map { try pipeline.run(Array($0.utf8)) }
        documents.append(Document(blocks: [], metadata: DocumentMetadata()))
        for document in documents {
            let bytes = TextRenderer.renderUTF8(document)
            let text = TextRenderer.render(document)
            #expect(text.utf8.elementsEqual(bytes))
            let validated = String(decoding: bytes, as: UTF8.self)
            #expect(text == validated)
            #expect(text.utf8.allSatisfy { $0 < 0x80 } == validated.utf8.allSatisfy { $0 < 0x80 })
        }
    }
}

@Suite struct GoldenTests {
    /// Byte-for-byte comparison with the hand-checked expectations.
    @Test(arguments: GoldenCase.all().map(\.name))
    func sampleMatchesExpectation(_ name: String) throws {
        let golden = GoldenCase.all().first { $0.name == name }!
        let actual = try canonical(golden.input)
        let expected = try golden.expected
        #expect(actual == expected, "\(lineDiff(expected: expected, actual: actual))")
        // The hand-checked expectation is itself canonical: normalizing it changes nothing.
        let renormalized = try canonical(Array(expected.utf8))
        #expect(renormalized == expected, "\(lineDiff(expected: expected, actual: renormalized))")
    }

    /// Every value cell of the template tables, with its row and column label
    /// paths, equals the hand-written expected-records.jsonl, in order.
    @Test(arguments: GoldenCase.all().map(\.name))
    func recordsMatchExpectation(_ name: String) throws {
        let golden = GoldenCase.all().first { $0.name == name }!
        let document = try pipeline.run(golden.input)
        let actual = document.tables.flatMap { table in
            table.records.map { ExpectedRecord(table: table.templateID ?? "", row: $0.row, column: $0.column, value: $0.value) }
        }
        let expected = try golden.expectedRecords
        #expect(!expected.isEmpty)
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) where a != e {
            Issue.record("first differing record: expected \(e), got \(a)")
            break
        }
    }

    /// The samples' tables satisfy their templates' arithmetic (every value is
    /// 0 or consistent), so no arithmetic diagnostic may appear.
    @Test(arguments: GoldenCase.all().map(\.name))
    func samplesPassArithmetic(_ name: String) throws {
        let golden = GoldenCase.all().first { $0.name == name }!
        let document = try pipeline.run(golden.input)
        #expect(document.tables.count == 3)
        #expect(document.tables.allSatisfy { !$0.checks.isEmpty || $0.templateID?.hasSuffix("active-disclosure") == true })
        #expect(document.diagnostics.filter { $0.kind == .arithmetic }.isEmpty)
    }

    @Test func corpusIsPresent() {
        #expect(GoldenCase.all().count == 5)
    }
}
