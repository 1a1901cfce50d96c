import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// Inputs the fuzzer (scripts/fuzz.sh) found breaking a guarantee, minimized
/// and kept in Tests/Fixtures/fuzz-regressions (docs/fuzzing.md tells each story).
@Suite struct FuzzRegressionTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz-regressions")
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".bin") }.sorted()

    @Test func regressionsArePresent() { #expect(Self.names.count >= 1) }

    /// `*.known.bin` inputs still break a guarantee (docs/fuzzing.md says
    /// which and why): strict known issues, so a fix makes them fail until
    /// they are renamed to plain `.bin`.
    @Test(arguments: names)
    func keepsEveryGuarantee(_ name: String) throws {
        let bytes = [UInt8](FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name).path) ?? Data())
        let violations = Guarantees.check(bytes, pipeline: pipeline)
        if name.hasSuffix(".known.bin") {
            withKnownIssue("a known issue, kept as found (docs/fuzzing.md, \"What it found\")") {
                #expect(violations.isEmpty, "\(violations)")
            }
        } else {
            #expect(violations.isEmpty, "\(violations)")
        }
    }

    /// Fuzz run 24 (`tables-settle-cascade-through-copies-a.bin`, and the
    /// fuzzer's input as found, `…-b.bin`): damaged copies of table 二 one
    /// after another, each missing its last value, the last one's value
    /// after it. Read back, each table took in the next over the prose
    /// between them (dropped as stray text), a round of `tables.settle` per
    /// copy, one more than `maxSettleRounds` (rounds that leave fewer blocks
    /// are not counted, so the cascade ran to its end). Since
    /// `tables.span-text`, a table's span keeps that prose (息373条。…) as
    /// text, so no table reaches over it: nothing cascades, the text stays,
    /// and the output is what a second run reads.
    @Test(arguments: ["tables-settle-cascade-through-copies-a.bin", "tables-settle-cascade-through-copies-b.bin"])
    func copiesOfADamagedTableKeepTheProseBetweenThem(name: String) throws {
        let bytes = [UInt8](FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name).path) ?? Data())
        #expect(!bytes.isEmpty)
        let doc = try pipeline.run(bytes, options: PipelineOptions(tracing: true))
        let once = TextRenderer.render(doc)
        #expect(once.contains("373条"))
        #expect(doc.trace.contains { $0.rule == "tables.span-text" })
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// Fuzz run 29 (`table-heading-replacement-char-moves.bin`), readable:
    /// a table 二 anchor line ending in a Latin word, its values one per
    /// line, a section heading among them. html2text's wrap joined the first
    /// 0 onto the anchor line (`lines.join-latin`), so a second run counted
    /// one value fewer before the heading, found the table whole with the
    /// values after it, and moved the heading after them
    /// (`tables.interleaved-heading`). A line of numbers is no wrap's tail:
    /// both runs count the same values and leave the heading where it is.
    @Test func aValueAfterALatinAnchorLineStaysAValue() throws {
        let input = "第二十条第（一）项本年制发window\n0\n0\n0\t0\n四、其他\n0\n0\t0\n0\t0\t0\t0\n"
        let once = try canonical(Array(input.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(once.hasPrefix("第二十条第（一）项本年制发window\n\n0\n"))
        #expect(Guarantees.check(Array(input.utf8), pipeline: pipeline).isEmpty)
    }

    /// Fuzz run 31 (`table-four-row-filled-on-second-run.bin`), readable:
    /// table 四's header, then a line of its values running on into a
    /// sentence. The table read the line's first 0 (its last cell), and
    /// `tables.span-text` wrote the line whole after the table as running
    /// text, so the 0 stood twice: each read-back took it into the row once
    /// more, a value a `tables.settle` round, and the round bound stopped
    /// the first run at five values, a second run at ten. The line of a
    /// table's last cell is the table's; the rest is reported.
    @Test func theLineOfATablesLastCellIsNotWrittenAfterIt() throws {
        let input = "四、政府信息公开行政复议、行政诉讼情况\n\n行政复议 行政诉讼\n\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
            + "未经复议直接起诉 复议后起诉\n\n结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n\n"
            + "0 0：第一项加第二项之和，等\n"
        let doc = try pipeline.run(Array(input.utf8), options: PipelineOptions(tracing: true))
        let once = TextRenderer.render(doc)
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(!doc.trace.contains { $0.rule == "tables.settle" })
        #expect(doc.diagnostics.contains { $0.rule == "tables.unplaced-text" })
        #expect(Guarantees.check(Array(input.utf8), pipeline: pipeline).isEmpty)
    }

    /// ESC N starts an ISO-2022 single shift; ICU's detector calls three such
    /// bytes ISO-2022-CN, and its converter reported the bad escape as a
    /// failure (U_ILLEGAL_ESCAPE_SEQUENCE) instead of bad bytes.
    @Test func brokenEscapeSequenceIsBadBytesNotAFailure() throws {
        let (_, diagnostics) = try decode([0x1B, 0x4E, 0xFF], encoding: "ISO-2022-CN")
        #expect(diagnostics.count >= 1)
        #expect(diagnostics.allSatisfy { $0.kind == .invalidInput })
    }

    /// Found by the property test (seed 1017): a lone number was last only once
    /// the page numbers after it were removed, so the output ended in a number
    /// that a second run removed as a page number.
    @Test(arguments: ["正文内容。\n0\n- 3 -\n", "正文内容。\n0\n0\n- 3 -\n", "正文内容。\n\n12\n第3页共4页\n"])
    func loneNumberBeforeRemovedPageNumbersIsStable(_ input: String) throws {
        let once = try canonical(Array(input.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(input.utf8), pipeline: pipeline).isEmpty)
    }

    /// Found by the property test run with more seeds (random bytes read as
    /// GB18030, case 2xx): a last line the rules emptied (a control, a ZWSP)
    /// was marked as changed for stage 1c and then dropped, so the run without
    /// tracing (the CLI's fused stage 1) read past the lines' end and crashed.
    @Test(arguments: ["a\n\u{01}", "正文\n\u{200B}", "正文（1\n\u{7F}\u{AD}", "正文\n\n\u{1A}"])
    func lastLineEmptiedByTheRulesIsNoOCRCandidate(_ input: String) throws {
        let bytes = Array(input.utf8)
        let plain = try pipeline.run(bytes)
        let traced = try pipeline.run(bytes, options: PipelineOptions(tracing: true))
        #expect(TextRenderer.render(plain) == TextRenderer.render(traced))
        #expect(Guarantees.check(bytes, pipeline: pipeline).isEmpty)
    }

    /// Found by the property test run with more seeds (random scalars, cases
    /// 1605 and 3600): the combining tone marks 〪–〯 counted as CJK, so a
    /// space beside one went, and the marks on either side became one
    /// combining sequence that NFKC reorders (〫 ̧ → ̧〫) or composes onto the
    /// letter before (a 〯́ → á〯) on a second run. A space next to them stays.
    @Test(arguments: ["r\u{B4} \u{302F}", "汉\u{302B}\u{B8}", "a \u{302F}\u{301}"])
    func spaceBesideACombiningToneMarkStays(_ input: String) throws {
        let once = try canonical(Array(input.utf8))
        #expect(once.unicodeScalars.contains(" "))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(input.utf8), pipeline: pipeline).isEmpty)
    }

    /// Found by the fuzzer: ICU's detector calls B9 B9 IBM420_rtl, a charset
    /// this ICU has no converter for, and opening it failed (exit 3, "ICU
    /// error"). Only convertible candidates count now.
    @Test func detectorCandidateWithoutConverterIsSkipped() throws {
        do {
            _ = try decode([0xB9, 0xB9])
        } catch let error as DocNormError {
            if case .icu = error { Issue.record("\(error)") }
        }
    }

    /// The fuzzer's wrap-seam inputs, readable: "3," ends a wrapped line (its
    /// only context a digit) and a page number stands between it and the
    /// continuation; the seam is decided once the lines are joined.
    @Test func punctuationAtAJoinedSeamIsDecidedOnce() throws {
        let han = String(repeating: "政府信息公开工作年度报告本机关全年收到申请", count: 2)
        let lines = [String(han.prefix(38)) + "申请3,", "- 4 -", han, han, String(han.prefix(30)) + "情况如下：共计五件", han, "结束。"]
        let once = try canonical(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(once.contains("申请3，政府"))
        #expect(try canonical(Array(once.utf8)) == once)
    }
}
