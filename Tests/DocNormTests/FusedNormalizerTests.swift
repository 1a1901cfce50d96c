import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// The one-pass stage 1b (`normalizeFused`, used when tracing is off) must give
/// exactly the lines of the rule-by-rule passes (`normalizeInPasses`, used with
/// tracing): text, numbers, extracted columns and indents.
@Suite struct FusedNormalizerTests {
    let normalizer = CharacterNormalizer(rules: rules)

    func expectSameLines(_ text: String, _ label: String) throws {
        let passes = try normalizer.normalizeInPasses(text, context: PipelineContext(tracing: false))
        let fused = try normalizer.normalizeFused(text)
        #expect(fused.count == passes.count, "\(label): \(fused.count) lines against \(passes.count)")
        for (a, b) in zip(fused, passes) where a != b {
            Issue.record("\(label), line \(b.number): fused \(a.text.debugDescription) \(a.extractedColumns ?? -1) \(a.extractedIndent ?? -1), passes \(b.text.debugDescription) \(b.extractedColumns ?? -1) \(b.extractedIndent ?? -1)")
            return
        }
    }

    /// Every input the repository has: the samples and all eval extractions.
    static var corpusFiles: [String] {
        let corpus = repositoryRoot.appendingPathComponent("Corpus")
        let all = (try? FileManager.default.subpathsOfDirectory(atPath: corpus.path)) ?? []
        return all.filter { $0.hasSuffix("input.txt") || ($0.contains("/extracted/") && $0.hasSuffix(".txt")) }.sorted()
    }

    @Test func sameLinesOnCorpus() throws {
        let corpus = repositoryRoot.appendingPathComponent("Corpus")
        #expect(Self.corpusFiles.count > 5)
        for path in Self.corpusFiles {
            let bytes = [UInt8](FileManager.default.contents(atPath: corpus.appendingPathComponent(path).path) ?? Data())
            guard let decoded = try? Decoder(rules: rules).decode(bytes, encoding: nil, context: PipelineContext(tracing: false))
            else { continue }
            try expectSameLines(decoded.text, path)
        }
    }

    @Test(arguments: [
        "", "\n", "\n\n", "a", "a\n", "a\r", "a\r\n", "\r\n\r\n", "\r\r\n", "甲\u{2028}乙\u{2029}丙\u{000C}丁\r戊",
        "  前后空格  \n\t表格\t \t单元 格 \t", "e\u{0301} a\u{0308}\u{0323} 가\u{1161}", "\u{1100}\u{1161}\u{11A8}",
        "ﬁ ㍿ ㈱ ① ⑴ ⒈ ㈠ Ⅻ ｶﾞ ２０２４ ＡＢＣ 　全角空格", "\u{F900}\u{FA10} \u{2F00}\u{2E9F}\u{2EF3}\u{2FD5}",
        "𠀀𠀁 𝐀𝐁 \u{1F600}\u{FE0F} 字\u{E0100} \u{1D15E}", "软\u{00AD}连\u{200B}字\u{FEFF}符\u{0085}\u{0007}\u{007F}",
        "1，000 2：30 1 ，000 ，5 a，b 三，四", "便捷,我局 (一) 电话:0564 结束. 好! 真? 对; 3.5 e.g. (a) （b) (c）",
        ",,政 ((政)) 政( ) )政 政(", "\u{00A0}\u{2003}\u{202F}\u{205F}\u{3000}间\u{2000}隔", "a\u{0301}\u{0300}\u{0327}\n\u{0301}开头",
        "\u{FF08}１\u{FF09}\u{FF0C}２\u{FF1A}", "“引号” ‘单’ —— …… ·", "\u{FFFD}\u{FFFD}", String(repeating: "长行", count: 3000),
        // Each side of the lead bytes that tell a run of U+4E00…U+9FFF (E4 B8…E9 BF BF).
        "\u{4DBF}\u{4DC0}\u{4DFF}一\u{9FFF}\u{A000}\u{3400}\u{4DFF} 一10 工2 \u{9FFF}\u{3000}\u{4E00}\t一，1\n䷀乾\u{4DFF}",
    ])
    func sameLinesOnEdgeCases(_ text: String) throws {
        try expectSameLines(text, text.debugDescription)
    }

    /// Seeded random mixtures of everything stage 1b rewrites (reproducible).
    @Test func sameLinesOnGeneratedText() throws {
        let alphabet: [String] = ["政", "府", "⼀", "⺠", "２", "0", "9", "a", "Z", " ", "  ", "\u{3000}", "\u{00A0}", "\n", "\t",
                                  "，", ",", "：", ":", ".", "。", "!", "?", ";", "（", "(", ")", "）", "\u{200B}", "\r\n", "\r",
                                  "\u{000C}", "\u{2028}", "-", "é", "e\u{0301}", "\u{0301}", "\u{FFFD}", "①", "ﬁ", "𠀀", "𝐀",
                                  "\u{FE0F}", "\u{E0100}", "\u{00AD}", "\u{0085}", "가", "\u{1161}", "“", "—", "㍿", "\u{F900}"]
        var random = SplitMix64(seed: 20261125)
        for _ in 0..<1500 {
            let length = Int(random.next() % 60) + 1
            let text = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
            try expectSameLines(text, text.debugDescription)
        }
    }
}


/// Runs of blank lines past the limit are left out by both paths; the lines
/// after them keep their numbers, and the capacity hint still covers them.
@Suite struct BlankRunTests {
    let normalizer = CharacterNormalizer(rules: rules, blankRunLimit: 3)

    @Test(arguments: ["", "\n", "\n\n\n\n\n\n", "甲\n\n\n\n\n\n乙\n", "甲\n\n\n乙\n\n\n\n\n\n\n\n",
                      "甲\r\n\r\n\r\n\r\n\r\n乙", "甲\n \n\u{3000}\n\n\n\u{200B}\n乙", "\n\n\n\n\n甲"])
    func bothPathsKeepTheSameBlankLines(_ text: String) throws {
        let passes = try normalizer.normalizeInPasses(text, context: PipelineContext(tracing: false))
        let fused = try normalizer.normalizeFused(text)
        #expect(fused == passes, "\(text.debugDescription)")
        var run = 0
        for line in fused {
            run = line.text.isEmpty ? run + 1 : 0
            #expect(run <= 3)
        }
        let utf8 = Array(text.utf8)
        #expect(utf8.withUnsafeBufferPointer { CharacterNormalizer.lineCount($0, blankRunLimit: 3) } >= fused.count)
    }

    @Test func numbersCountTheLinesLeftOut() throws {
        let lines = try normalizer.normalizeFused("甲" + String(repeating: "\n", count: 10) + "乙\n")
        #expect(lines.map(\.text) == ["甲", "", "", "", "乙"])
        #expect(lines.map(\.number) == [1, 2, 3, 4, 11])
    }
}

@Suite struct FusedNormalizerRulesTests {
    /// The built-in rules never touch a line break, so the one-pass path is used.
    @Test func builtinRulesKeepLinesIndependent() {
        #expect(CharacterNormalizer(rules: rules).classes.linesAreIndependent)
        #expect(CharacterNormalizer(rules: rules).classes.unifiedIdeographsAreInert)
    }
}
