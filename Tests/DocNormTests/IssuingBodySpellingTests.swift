import Testing
@testable import DocNorm

/// `structure.issuing-body-spelling` (IssuingBodySpelling.swift).
@Suite struct IssuingBodySpellingTests {
    static func report(title: String, opening: String, signature: String) -> String {
        ["\(title)2021年政府信息公开工作年度报告", "",
         "\(opening)2021年政府信息公开工作年度报告根据《中华人民共和国政府信息公开条例》要求编制。", "",
         "一、总体情况", "", "2021年，我局认真贯彻落实政府信息公开工作要求。", "",
         signature, "", "2022年1月25日"].joined(separator: "\n") + "\n"
    }

    /// OCR read 缙 as 结 in the title and as 绍 in the signature: both
    /// spellings are reported, and the issuing body keeps the title's (the
    /// text backs neither spelling twice).
    @Test func twoSpellingsOfTheBodyAreReported() throws {
        let doc = try document(Self.report(title: "结水县住房和城乡建设局", opening: "本报告是结水县住房和城乡建设局", signature: "绍水县住房和城乡建设局"))
        #expect(doc.metadata.issuingBody == "结水县住房和城乡建设局")
        let d = try #require(doc.diagnostics.first { $0.rule == "structure.issuing-body-spelling" })
        #expect(d.kind == .suspicion && d.line == 1 && d.cells == nil)
        #expect(d.message.contains("'结水县住房和城乡建设局'") && d.message.contains("'绍水县住房和城乡建设局' (1×"))
    }

    /// The text names its author twice as 漓坪县公安局 and never as the
    /// title's 沈坪县公安局: the issuing body takes the repeated spelling.
    @Test func aSpellingTheTextRepeatsAndTheTitleAloneLacksWins() throws {
        let doc = try document(Self.report(title: "沈坪县公安局", opening: "漓坪县公安局", signature: "漓坪县公安局"), tracing: true)
        #expect(doc.metadata.issuingBody == "漓坪县公安局")
        #expect(doc.diagnostics.contains { $0.rule == "structure.issuing-body-spelling" && $0.kind == .repair && $0.message.contains("'沈坪县公安局'") })
        #expect(doc.trace.contains { $0.rule == "structure.issuing-body-spelling" && $0.before == "沈坪县公安局" && $0.after == "漓坪县公安局" })
        // The title's text is left as read.
        #expect(doc.blocks.first.map { if case .title(let t) = $0.kind { t.hasPrefix("沈坪县公安局") } else { false } } == true)
    }

    /// One spelling throughout (a text layer), or a different organ (县公安局
    /// vs 县财政局: the last two characters differ): nothing to report.
    @Test func oneSpellingIsNotReported() throws {
        for doc in [try document(Self.report(title: "漓坪县公安局", opening: "漓坪县公安局", signature: "漓坪县公安局")),
                    try document(Self.report(title: "漓坪县公安局", opening: "漓坪县财政局", signature: "漓坪县财政局"))] {
            #expect(!doc.diagnostics.contains { $0.rule == "structure.issuing-body-spelling" })
            #expect(doc.metadata.issuingBody == "漓坪县公安局")
        }
    }
}
