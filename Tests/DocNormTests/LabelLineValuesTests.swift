import Testing
@testable import DocNorm

/// `tables.label-line-values`: in table 三 as pdfminer returns it (read by
/// `tables.header-runs`), a line of a piece of a data row's own label and one
/// number is that row's first value (自然人): pdfminer joins the label's line
/// and the value cell right beside it. The inputs are `HeaderRunTests`'
/// hand-written pdfminer output with such lines put in.
@Suite struct LabelLineValuesTests {
    static let headers = ["自", "然", "人", "31", "2", "8", "", "商业", "企业", "2", "0", "0", "",
                          "申请人情况", "法人或其他组织", "社会公益", "组织", "0", "0", "0", "", "科研", "机构", "0", "0", "0", "",
                          "法律服务", "机构", "3", "0", "1", "", "总", "计", "", "其", "他", "0 36", "2", "0", "0", "9", ""]

    /// `HeaderRunTests.text` with row label lines replaced.
    static func text(replacing: [String: String]) -> String {
        var text = HeaderRunTests.text(headers: headers)
        for (line, with) in replacing { text = text.replacing("\n\(line)\n", with: "\n\(with)\n") }
        return text
    }

    @Test func aLabelLinesNumberIsItsRowsFirstValue() throws {
        // 2.重复申请 on one line with 4, 需要另行制作 (the second line of
        // 2.没有现成信息需要另行制作) with 1.
        let text = Self.text(replacing: ["2.重复申请": "2.重复申请 4", "需要另行制作": "需要另行制作 1"])
        let doc = try document(text)
        #expect(HeaderRunTests.value(doc, "2.重复申请", "自然人") == "4")
        #expect(HeaderRunTests.value(doc, "2.没有现成信息需要另行制作", "自然人") == "1")
        #expect(HeaderRunTests.value(doc, "2.重复申请", "商业企业") == nil)
        #expect(doc.diagnostics.filter { $0.rule == "tables.label-line-values" && $0.kind == .repair }.count == 2)
        // The rows the header runs give are placed as before.
        #expect(HeaderRunTests.value(doc, "一、本年新收政府信息公开申请数量", "总计") == "36")
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "2.重复申请" })
        // Read back, the row keeps its first value alone.
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("\t2.重复申请\t4\t\t\t\t\t\t\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// A piece shorter than two characters, or part of several rows' labels
    /// (申请 is in 1.信访举报投诉类申请, 2.重复申请 …), names no row; two
    /// lines naming one row with other values leave it empty.
    @Test func aPieceOfNoSingleRowPlacesNothing() throws {
        let doc = try document(Self.text(replacing: ["类申请": "申请 4", "性信息": "息 2",
                                                     "1.属于国家秘密": "1.属于国家秘密 3", "2.其他法律行政": "国家秘密 5"]))
        #expect(HeaderRunTests.value(doc, "1.信访举报投诉类申请", "自然人") == nil)
        #expect(HeaderRunTests.value(doc, "2.重复申请", "自然人") == nil)
        #expect(HeaderRunTests.value(doc, "6.属于四类过程性信息", "自然人") == nil)
        #expect(HeaderRunTests.value(doc, "1.属于国家秘密", "自然人") == nil)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.label-line-values" })
    }

    /// Only beside rows the header runs place: where they place none
    /// (Chromium's PDFs, every header in a box of its own) the table is not
    /// read by them, and a label line alone places nothing.
    @Test func noHeaderRunsNoLabelLineValues() throws {
        let chromium = ["自", "然", "人", "", "31", "2", "", "商业", "企业", "", "2", "0", "",
                        "申请人情况", "法人或其他组织", "社会公益", "组织", "", "科研", "机构", "", "法律服务", "机构", "",
                        "0", "0", "", "0", "0", "", "3", "0", "", "总", "计", "", "其", "他", "", "0 36", "2", "0", ""]
        let text = HeaderRunTests.text(headers: chromium).replacing("\n2.重复申请\n", with: "\n2.重复申请 4\n")
        let doc = try document(text)
        #expect(HeaderRunTests.value(doc, "2.重复申请", "自然人") == nil)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.label-line-values" })
    }

    /// A piece is looked up in a label by scalars where every scalar of both
    /// is a Character of its own, and by the standard library's Characters
    /// otherwise: the answers are the same.
    @Test func labelContainsIsCharacterContains() {
        let labels = ["2.没有现成信息需要另行制作", "6.属于四类过程性信息", "法人或其他组织", "K值", "e\u{301}级", "总计"]
        let pieces = ["需要另行制作", "现成信", "信息", "2.没有", "过程性信息x", "其他", "K", "\u{212A}值", "e", "e\u{301}", "计", "总计总计"]
        for label in labels {
            for piece in pieces {
                #expect(LabelLineValues.Label(label).contains(LabelLineValues.Label(piece)) == label.contains(piece), "\(label) \(piece)")
            }
        }
        // Han labels and pieces are compared by scalars; a combining mark
        // or a scalar canonically equivalent to another sends them to `contains`.
        #expect(LabelLineValues.Label("2.重复申请").scalars != nil)
        #expect(LabelLineValues.Label("e\u{301}级").scalars == nil)
        #expect(LabelLineValues.Label("\u{212A}值").scalars == nil)
    }
}
