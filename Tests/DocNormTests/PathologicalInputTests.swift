import Testing
@testable import DocNorm

/// Inputs with an extreme shape finish with the right result (sizes modest;
/// the timing curves are the benchmark's job, not a unit test's).
@Suite struct PathologicalInputTests {
    @Test func twoMegabyteSingleLine() throws {
        let unit = "政府信息公开工作，"  // 9 characters, 27 bytes
        let line = String(repeating: unit, count: 80_000)  // 2.16 MB, no line break
        let output = try canonical(Array(line.utf8))
        #expect(output == line + "\n")
    }

    @Test func hundredThousandShortLines() throws {
        let input = (1...100_000).map { "第\($0)件。" }.joined(separator: "\n") + "\n"
        let document = try pipeline.run(Array(input.utf8))
        // Short lines end their paragraphs: one block per line, none lost.
        #expect(document.blocks.count == 100_000)
        #expect(TextRenderer.render(document).hasSuffix("第99999件。\n\n第100000件。\n"))
    }

    @Test func tenThousandBlankLines() throws {
        let input = "一、总体情况" + String(repeating: "\n", count: 10_000) + "本机关全年收到申请十二件。\n"
        #expect(try canonical(Array(input.utf8)) == "一、总体情况\n\n本机关全年收到申请十二件。\n")
    }

    @Test func fiveHundredRepeatedHeadings() throws {
        let input = String(repeating: "一、总体情况\n\n", count: 500) + "本机关全年收到申请十二件。\n"
        #expect(try canonical(Array(input.utf8)) == "一、总体情况\n\n本机关全年收到申请十二件。\n")
    }

    @Test func fiveThousandRowTabTable() throws {
        let rows = (1...5_000).map { "申请\($0)\t\($0 % 97)\t\($0 % 13)\t0" }
        let input = "二、收到和处理政府信息公开申请情况\n" + rows.joined(separator: "\n") + "\n"
        let output = try canonical(Array(input.utf8))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 5_001)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 4 })
        #expect(lines.last == "申请5000\t53\t8\t0")
    }

    @Test func megabyteOfDamagedBytes() throws {
        // Mostly valid UTF-8 with a bad byte every 40: decoded, every place counted, the summary bounded.
        var input: [UInt8] = []
        for i in 0..<25_000 { input += Array("政府信息公开年度报告第\(i % 10)行".utf8) + [0xFF] }
        let document = try pipeline.run(input)
        #expect(document.diagnostics.count == Decoder.maxReportedPlaces + 1)
        #expect(TextRenderer.render(document).unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 25_000)
    }

    /// Punctuation context propagates (",,政": each comma makes the one before
    /// it next to CJK). Repeating whole passes took minutes on 20,000 commas;
    /// the worklist is linear.
    @Test func longPunctuationChainsPropagate() throws {
        #expect(try normalized(String(repeating: ",", count: 20_000) + "政") == String(repeating: "，", count: 20_000) + "政")
        #expect(try normalized(String(repeating: "(,)", count: 3_000) + "政") == String(repeating: "（，）", count: 3_000) + "政")
        let nested = String(repeating: "(", count: 5_000) + "政" + String(repeating: ")", count: 5_000)
        #expect(try normalized(nested) == String(repeating: "（", count: 5_000) + "政" + String(repeating: "）", count: 5_000))
    }
}
