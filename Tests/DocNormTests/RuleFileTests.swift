import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// A malformed rule file is refused at start-up with file, line and reason;
/// the rules on disk keep the pipeline's guarantees over the corpus.
@Suite struct RuleFileTests {
    /// A copy of Rules/ with one file's text changed by `edit`.
    func rulesFolder(editing name: String, _ edit: (String) -> String) throws -> String {
        let folder = "/tmp/docnorm-rules-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent("Rules").path, toPath: folder)
        let path = folder + "/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(edit(text).utf8).write(to: URL(fileURLWithPath: path))
        return folder
    }

    func refusal(_ name: String, _ edit: (String) -> String) throws -> (file: String, line: Int?, column: Int?, reason: String)? {
        let folder = try rulesFolder(editing: name, edit)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let source = RuleSource.directory(folder)
            _ = try Pipeline(rules: try RuleSet.load(from: source), source: source)
            return nil
        } catch let DocNormError.invalidRules(file, line, column, reason) {
            #expect(file == folder + "/" + name)
            return (file, line, column, reason)
        }
    }

    /// A syntax error names its line and column (in characters), as
    /// `batch --jsonl` names a line's: `  "remove"  "[[…` wants its ':' at column 13.
    @Test func syntaxErrorNamesItsLineAndColumn() throws {
        let r = try refusal("characters.json") { $0.replacing("\"remove\":", with: "\"remove\" ") }
        #expect(r?.line == 6)
        #expect(r?.column == 13)
        #expect(r?.reason == "not valid JSON: expected ':' after the key")
    }

    @Test func wrongTypeNamesKeyAndLine() throws {
        let r = try refusal("characters.json") { $0.replacing("\"detectionMinConfidence\": 30", with: "\"detectionMinConfidence\": \"30\"") }
        let expectedLine = try String(contentsOfFile: repositoryRoot.appendingPathComponent("Rules/characters.json").path, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"detectionMinConfidence\"") }.map { $0 + 1 }
        #expect(r?.line == expectedLine)
        #expect(r?.reason == "'detectionMinConfidence' should be a whole number")
    }

    @Test func missingKeyNamed() throws {
        let r = try refusal("lines.json") { $0.replacing("\"sentenceFinal\"", with: "\"sentenceEnd\"") }
        #expect(r?.reason == "missing key 'sentenceFinal'")
        #expect(r?.line == 1, "the top-level object that lacks it opens on line 1")
    }

    /// A backslash that is no JSON escape (an ICU pattern's \p{Han} written
    /// as is): JSONDecoder says only "not valid JSON"; the scanner names the line.
    @Test func invalidEscapeNamesItsLine() throws {
        let r = try refusal("characters.json") { $0.replacing("\"spaces\": \"", with: "\"spaces\": \"\\p{Zs}") }
        let expectedLine = try String(contentsOfFile: repositoryRoot.appendingPathComponent("Rules/characters.json").path, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"spaces\":") }.map { $0 + 1 }
        #expect(r?.line == expectedLine)
        #expect(r?.reason.hasPrefix("not valid JSON: '\\p' is not a JSON escape") == true, "\(r?.reason ?? "")")
    }

    /// A check made after decoding gives no line itself: the line of the key
    /// its reason names is found.
    @Test func checkAfterDecodingNamesTheKeysLine() throws {
        let r = try refusal("ocr.json") { $0.replacing("\"enclosed\": [\"《》\"", with: "\"enclosed\": [\"《\"") }
        let expectedLine = try String(contentsOfFile: repositoryRoot.appendingPathComponent("Rules/ocr.json").path, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"enclosed\":") }.map { $0 + 1 }
        #expect(r?.line != nil && r?.line == expectedLine)
    }

    @Test func unsupportedFormatNamesItsLine() throws {
        let r = try refusal("lines.json") { $0.replacing("docnorm-rules/1", with: "docnorm-rules/9") }
        #expect(r?.line == 2)
        #expect(r?.reason.hasPrefix("unsupported format 'docnorm-rules/9'") == true)
    }

    /// The OCR bracket repair's knowledge is data: a pair passed over whole
    /// must be two characters, and the brackets that end the search must be given.
    @Test func ocrBracketPairsAreChecked() throws {
        let pair = try refusal("ocr.json") { $0.replacing("\"enclosed\": [\"《》\", \"〔〕\", \"“”\"]", with: "\"enclosed\": [\"《\", \"〔〕\"]") }
        #expect(pair?.reason == "parens.enclosed: '《' must be an opener and its closer")
        let none = try refusal("ocr.json") { $0.replacing("\"brackets\": \"（(）)《》〈〉【】〔〕[]“”\"", with: "\"brackets\": \"\"") }
        #expect(none?.reason == "parens.brackets must list the brackets that end the search for a closer")
    }

    @Test func syntaxScannerAcceptsTheRules() throws {
        for name in ["characters.json", "lines.json"] {
            let text = try String(contentsOfFile: repositoryRoot.appendingPathComponent("Rules/" + name).path, encoding: .utf8)
            #expect(JSONLocation.firstSyntaxError(in: text) == nil)
        }
        #expect(JSONLocation.firstSyntaxError(in: "{\"a\": [1, 2,]}")?.reason == "trailing comma before ']'")
        #expect(JSONLocation.firstSyntaxError(in: "{\n\"a\": tru\n}")?.line == 2)
    }

    /// What JSON is, as RFC 8259 says, and where the scan says it is not:
    /// line, and column in characters (not bytes).
    @Test func syntaxScannerIsStrictAndNamesTheColumn() throws {
        for valid in ["0", "-0", "12", "-1.5", "1e5", "1E+5", "2.5e-3", "[]", "{}", "[1, {\"a\": [true, false, null]}]", " \"政府\" "] {
            #expect(JSONLocation.firstSyntaxError(in: Array(valid.utf8)) == nil, "\(valid)")
        }
        for invalid in ["01", "+1", "1.", ".5", "1e", "nan", "inf", "0x10", "-", "[1,]", "{\"a\":1,}", "{\"a\":1} x", "'a'"] {
            #expect(JSONLocation.firstSyntaxError(in: Array(invalid.utf8)) != nil, "\(invalid)")
        }
        let found = JSONLocation.firstSyntaxError(in: Array("{\"政府\": 1,\n \"信息\": [2,],}".utf8))
        #expect(found?.line == 2 && found?.column == 10 && found?.reason == "trailing comma before ']'", "\(String(describing: found))")
    }

    /// How short of the column a line with digits after a removed page
    /// number may come and still go on (`lines.join-page-break`) is
    /// `wrap.pageBreakMaxShort` in Rules/lines.json, not arithmetic in code:
    /// a line one column short (so counted) goes on under the rules as
    /// written, and ends the paragraph where the rule allows none.
    @Test func pageBreakMaxShortIsRuleData() throws {
        let end = String(repeating: "政", count: 19) + "。"
        let body = (0..<6).map { _ in fullLine }.joined(separator: "\n")
        let digits = String(repeating: "执", count: 17) + " 37 件"  // 40 as extracted, 39 counted of 40
        let input = Array((body + "\n" + end + "\n- 1 -\n" + digits + "\n" + fullLine + "\n结束。\n").utf8)
        func paragraphs(_ pipeline: Pipeline) throws -> Int {
            try pipeline.run(input).blocks.filter { if case .paragraph = $0.kind { true } else { false } }.count
        }
        #expect(try paragraphs(pipeline) == 1)
        let folder = try rulesFolder(editing: "lines.json") { $0.replacing("\"pageBreakMaxShort\": 2", with: "\"pageBreakMaxShort\": 0") }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = RuleSource.directory(folder)
        #expect(try paragraphs(try Pipeline(rules: try RuleSet.load(from: source), source: source)) == 2)
    }

    /// The rules on disk, loaded as a folder (not the built-in copy), keep
    /// every guarantee over the corpus: a rule change that makes the
    /// pipeline non-idempotent or lose text fails here.
    @Test(arguments: GoldenCase.all().map(\.name))
    func rulesFolderKeepsGuaranteesOnCorpus(_ name: String) throws {
        let source = RuleSource.directory(repositoryRoot.appendingPathComponent("Rules").path)
        let folderPipeline = try Pipeline(rules: try RuleSet.load(from: source), source: source)
        let golden = GoldenCase.all().first { $0.name == name }!
        #expect(Guarantees.check(golden.input, pipeline: folderPipeline).isEmpty)
    }
}
