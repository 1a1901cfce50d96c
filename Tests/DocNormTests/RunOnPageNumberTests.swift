import Testing
@testable import DocNorm

/// `lines.run-on-page-number`: pdftotext's default mode joins a page's last
/// line ending in a hyphen to the page number below it as one hyphenated
/// word (工作日8:30- ⏎ -1- → 工作日8:30-1-); and a time of day opening the
/// next page, emitted apart from its line (`lines.block-end-run`,
/// `lines.displaced-run`). Holdout report yijiang-gafj-2022.
@Suite struct RunOnPageNumberTests {
    func text(_ input: String) throws -> String { try canonical(Array(input.utf8)) }
    let opening = "（一）依申请公开\n\n" + column + String(repeating: "政", count: 14)
    let laterPages = "（二）政府信息管理\n\n全年审查信息2612条。\n\n-2-\n\n（三）平台建设\n\n上线预约页面。\n\n-3-\n"

    /// The number the next page number leaves for the place comes off, and
    /// the hyphen goes back: the time range is whole again.
    @Test func pageNumberRunOntoAHyphenComesOff() throws {
        let input = opening + "工作日8:30-1-\n\n\n12:00、14:30-17:30受理当面申请。\n" + laterPages
        let output = try text(input)
        #expect(output.contains("工作日8:30-12:00、14:30-17:30受理当面申请。"))
        #expect(!output.contains("8:30-1-"))
        let step = try document(input, tracing: true).trace.first { $0.rule == "lines.run-on-page-number" }
        #expect(step?.before.hasSuffix("8:30-1-") == true && step?.after.hasSuffix("8:30-") == true)
        // A page number before it that is one less says the same.
        let before = "概述\n\n正文。\n\n-4-\n\n" + opening + "工作日8:30-5-\n\n\n12:00、14:30-17:30受理当面申请。\n"
        #expect(try text(before).contains("工作日8:30-12:00、14:30"))
    }

    /// Where the document's page numbers do not place it (none at all, or
    /// a sequence that leaves another number there), the line is reported
    /// and left; nor is a number after Han text or before no page break
    /// taken for one.
    @Test func unplacedRunOnNumberIsReportedAndLeft() throws {
        let alone = opening + "工作日8:30-1-\n\n\n12:00、14:30-17:30受理当面申请。\n"
        let document = try document(alone)
        #expect(document.diagnostics.contains { $0.rule == "lines.run-on-page-number" && $0.kind == .suspicion })
        #expect(try text(alone).contains("8:30-1-"))
        let otherNumber = opening + "工作日8:30-1-\n\n\n12:00、14:30-17:30受理当面申请。\n\n-1-\n\n正文。\n"
        #expect(try text(otherNumber).contains("8:30-1-"))
        let afterHan = opening + "工作日-1-\n\n\n12:00、14:30-17:30受理当面申请。\n" + laterPages
        #expect(try text(afterHan).contains("工作日-1-"))
        let noBreak = opening + "工作日8:30-1-\n12:00、14:30-17:30受理当面申请。\n" + laterPages
        #expect(try text(noBreak).contains("8:30-1-"))
    }

    /// The Chromium PDF through pdftotext's default mode: the page number
    /// run on, and the next page's opening time emitted at its block's end
    /// after a heading; both go back.
    @Test func timeOpeningThePageAtItsBlocksEndGoesBack() throws {
        // The line reaches the 40-column text column with its time range.
        let short = "（一）依申请公开\n\n" + column + String(repeating: "政", count: 7)
        let input = short + "工作日8:30-12:00、14:30-1-\n\n\n受理当面申请，网站的在线申请\n渠道全天开放。\n（二）政府信息管理。全年审查信息2612条。\n二、主动公开政府信息情况\n17:30\n\n信息内容\n\n-2-\n\n正文。\n\n-3-\n"
        let output = try text(input)
        #expect(output.contains("14:30-17:30受理当面申请，网站的在线申请渠道全天开放。"))
        #expect(!output.contains("\n17:30\n") && !output.contains("情况17:30"))
        #expect(try document(input, tracing: true).trace.contains { $0.rule == "lines.block-end-run" })
        // After a sentence left open before the break only.
        let closed = short + "工作日8:30-12:00办理。\n\n\n受理当面申请，网站的在线申请\n渠道全天开放。\n二、主动公开政府信息情况\n17:30\n\n信息内容\n"
        #expect(!(try text(closed).contains("17:30受理")))
    }

    /// pdftotext -layout: the time on a line of its own under the first
    /// character of the line it opens.
    @Test func timeUnderTheFirstCharacterOpensTheLineAbove() throws {
        let input = "    （一）依申请公开\n   受理当面申请，网站的在线申请渠道全天开放。\n17:30\n  （二）政府信息管理\n"
        #expect(try repaired(input) == ["（一）依申请公开", "17:30受理当面申请，网站的在线申请渠道全天开放。", "（二）政府信息管理"])
    }
}
