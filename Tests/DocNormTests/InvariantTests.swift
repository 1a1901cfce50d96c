import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// Report-like random inputs: pieces of the seed samples mixed with the noise
/// extraction and crawling produce. Seeded, so a failure names its input.
struct ReportLikeGenerator {
    var random: SplitMix64
    static let sampleLines: [String] = GoldenCase.all().flatMap { golden in
        String(decoding: golden.input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    static let noiseScalars: [String] = [
        "\u{3000}", "\u{00A0}", "\u{2002}", "\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{FE0F}", "\t", "\t\t", "  ",
        "\u{01}", "\u{07}", "\u{1B}", "\u{7F}", "\u{85}", "\u{0B}", "\u{0C}", "\r", "\r\n", "\u{2028}",
        "⼀", "⼈", "⺠", "⾦", "⻓", "２", "０", "Ａ", "，", "：", "（", "）", ",", ":", "(", ")", ".", "。",
        "\u{FFFD}", "①", "㈠", "é", "-", "—", "第", "页", "共", "/",
    ]

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    mutating func input() -> [UInt8] {
        var out: [UInt8] = chance(0.1) ? [0xEF, 0xBB, 0xBF] : []
        let start = int(0...(Self.sampleLines.count - 1))
        for i in 0..<int(1...60) {
            var line = Self.sampleLines[(start + i) % Self.sampleLines.count]
            switch int(0...11) {
            case 0: line = String(repeating: line, count: int(5...40))                   // a very long line
            case 1: line = String(repeating: "\n", count: int(2...40))                    // many blank lines
            case 2: line = "- \(int(1...40)) -"                                            // page furniture
            case 3: line = "第\(int(1...9))页共\(int(10...20))页"
            case 4: line = line.split(separator: " ").joined(separator: "\t")              // tab-separated cells
            default: break
            }
            var scalars = Array(line.unicodeScalars).map { String($0) }
            for _ in 0..<int(0...3) where !scalars.isEmpty {                               // noise inside the line
                scalars.insert(Self.noiseScalars[int(0...(Self.noiseScalars.count - 1))], at: int(0...scalars.count))
            }
            out += Array(scalars.joined().utf8)
            if chance(0.05) { out += (0..<int(1...3)).map { _ in UInt8(int(0x80...0xFF)) } } // damaged bytes
            out += Array((chance(0.1) ? "\r\n" : "\n").utf8)
        }
        if chance(0.05) { out.removeLast(int(0...min(2, out.count))) }                   // truncated at the end
        return out
    }
}

@Suite struct InvariantTests {
    /// Inputs per property test: 200 in CI; `DOCNORM_PROPERTY_SEEDS=N` runs N
    /// (up to 4,000) for a longer search. The first 200 are always the same
    /// inputs, so a larger count only adds seeds.
    static let inputCount = min(4000, max(200, Int(ProcessInfo.processInfo.environment["DOCNORM_PROPERTY_SEEDS"] ?? "") ?? 200))

    /// Every guarantee on every generated input; most inputs must produce a
    /// document, so the check is not vacuous.
    @Test(arguments: 0..<4)
    func reportLikeInputsKeepEveryGuarantee(_ batch: Int) throws {
        var refused = 0
        for i in 0..<(Self.inputCount / 4) {
            let seed = UInt64(batch * 1000 + i)
            var generator = ReportLikeGenerator(seed: seed)
            let input = generator.input()
            let violations = Guarantees.check(input, pipeline: pipeline)
            #expect(violations.isEmpty, "seed \(seed): \(violations)\ninput: \(String(decoding: input, as: UTF8.self).debugDescription)")
            if (try? pipeline.run(input)) == nil { refused += 1 }
        }
        #expect(refused <= Self.inputCount / 20)
    }

    /// Raw random bytes: refused or decoded, never an internal failure or a
    /// broken guarantee. Detected, nearly all are refused (binary, or no
    /// charset fits), which tests the refusals only; read as GB18030, which
    /// maps every byte string to text, each one is a document, so the rest
    /// of the pipeline meets them too.
    @Test func randomBytesKeepEveryGuarantee() throws {
        var random = SplitMix64(seed: 42)
        var documents = 0
        for i in 0..<Self.inputCount {
            let bytes = (0..<Int.random(in: 1...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let violations = Guarantees.check(bytes, pipeline: pipeline)
            #expect(violations.isEmpty, "case \(i): \(violations) \(bytes)")
            let forced = Guarantees.check(bytes, pipeline: pipeline, encoding: "GB18030")
            #expect(forced.isEmpty, "case \(i) as GB18030: \(forced) \(bytes)")
            if (try? pipeline.run(bytes, options: PipelineOptions(encoding: "GB18030"))) != nil { documents += 1 }
        }
        #expect(documents >= Self.inputCount * 9 / 10, "only \(documents) of \(Self.inputCount) read as GB18030 made a document: the check is nearly vacuous")
    }

    /// Random text of any script, with controls, combining marks, radicals,
    /// full-width forms, private-use and astral characters: valid UTF-8, so
    /// each is a document, and every guarantee holds.
    @Test func randomScalarsKeepEveryGuarantee() throws {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x4E00...0x9FFF, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2F00...0x2FD5,
                                             0x2E80...0x2EF3, 0x0300...0x036F, 0x00A0...0x00FF, 0x01...0x1F, 0x80...0x9F,
                                             0x2000...0x206F, 0xAC00...0xD7A3, 0xE000...0xF8FF, 0xFE00...0xFE0F, 0x10000...0x10FFFF]
        var random = SplitMix64(seed: 2026)
        var documents = 0
        for i in 0..<Self.inputCount {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...200, using: &random) {
                let range = ranges[Int.random(in: 0..<ranges.count, using: &random)]
                text.append(Unicode.Scalar(UInt32.random(in: range, using: &random)) ?? "\u{FFFD}")
            }
            let bytes = Array(String(text).utf8)
            let violations = Guarantees.check(bytes, pipeline: pipeline)
            #expect(violations.isEmpty, "case \(i): \(violations) \(String(text).debugDescription)")
            if (try? pipeline.run(bytes)) != nil { documents += 1 }
        }
        #expect(documents >= Self.inputCount * 9 / 10, "only \(documents) of \(Self.inputCount) made a document: the check is nearly vacuous")
    }

    /// The Han check itself can fail: a lost, added or reordered character
    /// without a trace step is caught; one with a step is explained.
    @Test func hanCheckCatchesUntracedChanges() {
        #expect(Guarantees.unexplainedHanChange(input: "年度报告", trace: [], output: "年度报告\n") == nil)
        #expect(Guarantees.unexplainedHanChange(input: "年度报告", trace: [], output: "年度报\n") != nil)
        #expect(Guarantees.unexplainedHanChange(input: "年度报告", trace: [], output: "年报度告\n") != nil)
        #expect(Guarantees.unexplainedHanChange(input: "年度", trace: [], output: "年度报告\n") != nil)
        let removal = TraceStep(stage: .lines, rule: "lines.page-number", line: 2, before: "第3页", after: "")
        #expect(Guarantees.unexplainedHanChange(input: "报告\n第3页\n结束", trace: [removal], output: "报告\n\n结束\n") == nil)
        // A step must remove what stands at its line or after, not something before it.
        let misplaced = TraceStep(stage: .lines, rule: "lines.page-number", line: 2, before: "报告", after: "")
        #expect(Guarantees.unexplainedHanChange(input: "报告\n第3页", trace: [misplaced], output: "第3页\n") != nil)
        let folding = TraceStep(stage: .normalize, rule: "normalize.radicals", line: 1, before: "⼀年", after: "一年")
        #expect(Guarantees.unexplainedHanChange(input: "⼀年", trace: [folding], output: "一年\n") == nil)
        #expect(Guarantees.unexplainedHanChange(input: "⼀年", trace: [], output: "一年\n") != nil)
    }

    /// A step over several lines (a table region: its grid, then the running
    /// text of its span) keeps the lines it writes unchanged at their own
    /// lines, so a later step on one of them changes that copy, not another
    /// copy of the same text the region holds (fuzz run 36, item 26).
    @Test func hanCheckReplaysALaterStepOnItsOwnCopyInsideARegion() {
        let region = TraceStep(stage: .tables, rule: "tables.region", line: 1,
                               before: "章 0⏎一、总体⏎一、总体", after: "规章\t0⏎一、总体⏎一、总体")
        let renumbered = TraceStep(stage: .structure, rule: "structure.numbering-sequence", line: 3, before: "一、总体", after: "二、总体")
        let input = "章 0\n一、总体\n一、总体"
        #expect(Guarantees.unexplainedHanChange(input: input, trace: [region, renumbered], output: "规章\t0\n一、总体\n二、总体\n") == nil)
        // The step says line 3: the first copy renumbered is no change it made.
        #expect(Guarantees.unexplainedHanChange(input: input, trace: [region, renumbered], output: "规章\t0\n二、总体\n一、总体\n") != nil)
    }

    /// A step on a line that held no Han adds its Han at that line: ㈰
    /// (not Han) under a heading, which NFKC makes (日), stands after the
    /// heading's Han, not before them (fuzz run 39, item 27: the replay took
    /// the line for one a region had emptied and went back to the heading's).
    @Test func hanCheckAddsAtALineThatHeldNoHan() {
        let nfkc = TraceStep(stage: .normalize, rule: "normalize.nfkc", line: 2, before: "㈰", after: "(日)")
        #expect(Guarantees.unexplainedHanChange(input: "一、总体\n㈰", trace: [nfkc], output: "一、总体\n（日）\n") == nil)
        #expect(Guarantees.unexplainedHanChange(input: "一、总体\n㈰", trace: [nfkc], output: "（日）\n一、总体\n") != nil)
    }
}
