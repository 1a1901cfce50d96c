import Testing
@testable import DocNorm

/// `lines.page-seam-run`: a sentence carried over a page break whose first
/// token on the new page is a number (or Latin word) in the Latin font, drawn
/// on another baseline than its Han end mark, emitted apart from that mark.
@Suite struct PageSeamRunTests {
    func text(_ input: String) throws -> String { try canonical(Array(input.utf8)) }
    /// A paragraph in a known column (`column`, 40 columns) whose last line
    /// reaches it and ends no sentence: cut short by the page break.
    let open = "（一）网站建设\n\n" + column + String(repeating: "政", count: 15) + "较上年提高\n"

    /// pdftotext -layout: the lone mark, then the run right after it.
    @Test func runRightAfterTheLoneMarkGoesBeforeIt() throws {
        let input = open + "\n-2-\n\n。\n12.5%\n（二）平台管理。全年更新栏目6个。\n"
        let output = try text(input)
        #expect(output.contains("较上年提高12.5%。\n"))
        #expect(!output.contains("\n12.5%\n"))
        #expect(try document(input, tracing: true).trace.contains { $0.rule == "lines.page-seam-run" })
    }

    /// pdftotext -raw: the lone mark opens its block, the run ends it, after
    /// the next section heading; a Latin word the same.
    @Test func runAtTheMarksBlockEndGoesBeforeIt() throws {
        let input = open + "-2-\n\n。\n（二）平台管理。全年更新栏目6个。\n二、主动公开政府信息情况\n12.5%\n\n第二十条第（一）项\n"
        let output = try text(input)
        #expect(output.contains("较上年提高12.5%。\n"))
        #expect(!output.contains("\n12.5%\n"))
        let word = try text("（一）网站建设\n\n" + column + String(repeating: "政", count: 15) + "推送至政务\n-2-\n\n。\n（二）平台管理。全年更新栏目6个。\n二、主动公开政府信息情况\nAPP\n\n第二十条第（一）项\n")
        #expect(word.contains("推送至政务APP。\n"))
    }

    /// Nothing moves without a page seam, after a sentence already ended,
    /// before another run (a table's column of values), or where the line
    /// before a block-end run goes on into it.
    @Test func runStaysWhereNothingSaysTheSeamCutIt() throws {
        let noPage = try text(open + "\n。\n12.5%\n（二）平台管理。全年更新栏目6个。\n")
        #expect(!noPage.contains("12.5%。"))
        let closed = try text("（一）网站建设\n\n" + column + String(repeating: "政", count: 15) + "有所提高。\n\n-2-\n\n。\n12.5%\n（二）平台管理。全年更新栏目6个。\n")
        #expect(!closed.contains("12.5%。"))
        let values = try text(open + "\n-2-\n\n。\n12\n\n8\n（二）平台管理。全年更新栏目6个。\n")
        #expect(!values.contains("12。"))
        let running = try text(open + "-2-\n\n。\n（二）平台管理。全年更新栏目均可下载\nPDF\n\n第二十条第（一）项\n")
        #expect(!running.contains("PDF。"))
    }

    /// A page's first line that opens with a mark no line may open with (；)
    /// lost the number before it: Chromium draws it on another baseline and
    /// pdftotext emits it right after that line (-layout) or at its block's
    /// end (default mode); it goes back before the mark (held-out
    /// wencheng-city-2020: 较上年增长 ⏎ -1- ⏎ ；收到…；因 ⏎ …23件。 ⏎ 16.3%).
    @Test func runAfterALineOpeningWithAMarkGoesBeforeIt() throws {
        let first: String = "；收到申请2186件，较上年增长21.5%；因\n"
        let second: String = "复议案件41件。\n"
        let next: String = "（二）平台管理。全年更新栏目6个。\n"
        let layout: String = open + "\n-2-\n\n" + first + "16.3%\n" + second + next
        let drawn: String = open + "-2-\n\n" + first + second + "16.3%\n\n" + next
        for input in [layout, drawn] {
            let output = try text(input)
            #expect(output.contains("较上年提高16.3%；收到申请2186件"))
            #expect(!output.contains("16.3%\n") && !output.contains("提高；"))
            #expect(try document(input, tracing: true).trace.contains { $0.rule == "lines.page-seam-run" })
        }
    }

    /// The paragraph cut by the page break opens with a year the extractor
    /// emitted at its block's end, right before the page number (pdftotext
    /// default mode keeps Chromium's drawing order): the seam is asked of
    /// the line before that year, which `lines.block-end-run` puts back
    /// (held-out fengchuan-scjgj-2024: 年，我局… ⏎ …较上年增长 ⏎ 2024 ⏎ -1- ⏎
    /// ，其中… ⏎ … ⏎ 8.7%).
    @Test func aBlocksOwnYearBeforeThePageNumberHidesNoSeam() throws {
        let head = "（一）网站建设\n\n年，" + String(repeating: "政", count: 16) + "\n" + column
        let tail = "，其中行政许可信息4826条。\n围绕优化营商环境，全年更新栏目6个。\n12.5%\n\n（二）平台管理\n"
        let input = head + String(repeating: "政", count: 15) + "较上年提高\n2024\n\n-2-\n\n" + tail
        let output = try text(input)
        #expect(output.contains("较上年提高12.5%，其中行政许可信息4826条。"))
        #expect(output.contains("（一）网站建设\n\n2024年，政"))
        #expect(!output.contains("\n12.5%\n"))
        // A run before the page number that opens no text of its block is
        // no year of it: the line before the page break is a run, nothing moves.
        let other = "（一）网站建设\n\n我局" + String(repeating: "政", count: 16) + "\n" + column
        let kept = try text(other + String(repeating: "政", count: 15) + "较上年提高\n2024\n\n-2-\n\n" + tail)
        #expect(!kept.contains("提高12.5%"))
    }

    /// Where no run stands so, the line is left as it is and reported: its
    /// head was drawn elsewhere or lost.
    @Test func aLineOpeningWithAMarkAfterAPageBreakIsReportedWhereNoRunStands() throws {
        let input = open + "-2-\n\n；收到申请2186件，较上年增长21.5%；因\n复议案件41件。\n\n（二）平台管理。全年更新栏目6个。\n"
        let doc = try document(input)
        #expect(doc.diagnostics.contains { $0.rule == "lines.page-seam-run" && $0.kind == .suspicion })
        #expect(try text(input).contains("较上年提高；收到"))
        // No page break: nothing is reported.
        let noPage = try document(open + "；收到申请2186件，较上年增长21.5%；因\n复议案件41件。\n")
        #expect(!noPage.diagnostics.contains { $0.rule == "lines.page-seam-run" })
    }
}
