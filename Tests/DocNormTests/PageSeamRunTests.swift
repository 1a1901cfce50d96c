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
}
