import Testing
@testable import DocNorm

/// `tables.header-runs`: table 三 as pdfminer returns it from a LibreOffice
/// PDF, one text box per cell or short run of cells in an order no reading
/// grammar covers. The column headers' own boxes hold the cells right under
/// them; the rows they fill and that add up are placed, the rest reported.
/// The inputs are written by hand after pdfminer's output; the expected
/// values are read off the layout.
@Suite struct HeaderRunTests {
    static func value(_ doc: Document, _ row: String, _ column: String) -> String? {
        doc.tables.first { $0.templateID == "2021-applications" }?.records
            .first { $0.row.last == row && $0.column.last == column }?.value
    }

    /// Table 二 in canonical form: it tells the report's edition (2021).
    static let activeDisclosure = """
        二、主动公开政府信息情况

        第二十条第（一）项\t\t\t
        信息内容\t本年制发件数\t本年废止件数\t现行有效件数
        规章\t0\t0\t0
        行政规范性文件\t1\t0\t4
        第二十条第（五）项\t\t\t
        信息内容\t本年处理决定数量\t\t
        行政许可\t12864\t\t
        第二十条第（六）项\t\t\t
        信息内容\t本年处理决定数量\t\t
        行政处罚\t3517\t\t
        行政强制\t214\t\t
        第二十条第（八）项\t\t\t
        信息内容\t本年收费金额（单位：万元）\t\t
        行政事业性收费\t43.68\t\t

        """

    /// The row labels as pdfminer returns them, in their own boxes.
    static let rowLabels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "",
                            "三、本年度办", "理结果", "", "（一）予以公开", "（二）部分公开（区分处理", "的，只计这一情形，不计其", "他情形）", "",
                            "（三）不予", "公开", "", "1.属于国家秘密", "2.其他法律行政", "法规禁止公开", "3.危及“三安全", "一稳定”",
                            "4.保护第三方合", "法权益", "5.属于三类内部", "事务信息", "6.属于四类过程", "性信息", "7.属于行政执法",
                            "案卷", "8.属于行政查询", "事项", "", "（四）无法", "提供", "", "1.本机关不掌握", "相关政府信息",
                            "2.没有现成信息", "需要另行制作", "3.补正后申请内", "容仍不明确", "", "（五）不予", "处理", "",
                            "1.信访举报投诉", "类申请", "2.重复申请", "3.要求提供公开", "出版物", "4.无正当理由大", "量反复申请",
                            "5.要求行政机关", "确认或重新出", "具已获取信息", "", "（六）其他", "处理", "",
                            "1.申请人无正当", "理由逾期不补", "正、行政机关", "不再处理其政", "府信息公开申", "请",
                            "2.申请人逾期未", "按收费通知要", "求缴纳费用、", "行政机关不再", "处理其政府信", "息公开申请", "3.其他", "",
                            "（七）总计", "四、结转下年度继续办理", ""]

    /// The table's numbers below row （一）, each a box of its own, in no
    /// order a grammar of column blocks gives.
    static let scattered = ["2", "1", "0", "3", "0", "1", "5", "3", "4", "1", "0", "2", "1", "0", "0", "0", "0", "0",
                            "33", "0", "1", "0", "0", "2", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
                            "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
                            "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
                            "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
                            "0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0",
                            "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
                            "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0",
                            "2", "1", "0", "2", "3", "0", "1", "6", "3", "5", "1", "0", "2", "1", "0", "0", "0",
                            "0", "0", "0", "0", "0", "36", "2", "0"].flatMap { [$0, ""] }

    static func text(headers: [String]) -> String {
        let table = ["三、收到和处理政府信息公开申请情况", "", "（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）", ""]
            + rowLabels + headers + scattered + ["四、政府信息公开行政复议、行政诉讼情况", "", "本年度无行政复议和行政诉讼。", ""]
        return activeDisclosure + table.joined(separator: "\n")
    }

    /// Each header's box holds rows 一, 二 and （一） under it; 其他 and 总计
    /// stand on one baseline in row 一 (0 36), after which the box holds
    /// both columns, a row's two lines in either order (2 0: 总计 first).
    @Test func rowsUnderTheHeadersBoxesArePlaced() throws {
        let headers = ["自", "然", "人", "31", "2", "8", "", "商业", "企业", "2", "0", "0", "",
                       "申请人情况", "法人或其他组织", "社会公益", "组织", "0", "0", "0", "", "科研", "机构", "0", "0", "0", "",
                       "法律服务", "机构", "3", "0", "1", "", "总", "计", "", "其", "他", "0 36", "2", "0", "0", "9", ""]
        let text = Self.text(headers: headers)
        let doc = try document(text)
        let expected: [(String, [String])] = [("一、本年新收政府信息公开申请数量", ["31", "2", "0", "0", "3", "0", "36"]),
                                              ("二、上年结转政府信息公开申请数量", ["2", "0", "0", "0", "0", "0", "2"]),
                                              ("（一）予以公开", ["8", "0", "0", "0", "1", "0", "9"])]
        let columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        for (row, values) in expected {
            for (column, value) in zip(columns, values) { #expect(Self.value(doc, row, column) == value, "\(row) \(column)") }
        }
        let records = doc.tables.first { $0.templateID == "2021-applications" }?.records ?? []
        #expect(records.count == 21)
        #expect(doc.diagnostics.contains { $0.rule == "tables.header-runs" && $0.kind == .repair })
        // Every other cell is reported empty.
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "（七）总计" })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("\n一、本年新收政府信息公开申请数量\t\t\t31\t2\t0\t0\t3\t0\t36\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// 总计's header in a box of its own, its numbers in the next box: read
    /// as its column only where the row's other cells come from their
    /// headers' boxes and the row adds up. Chromium's PDFs put every header
    /// in a box of its own and several headers before their columns: none of
    /// those rows is placed.
    @Test func aBoxAfterAHeaderAloneFillsOneCellTheRowPins() throws {
        let pdfminer = ["自", "然", "人", "31", "2", "8", "", "商业", "企业", "2", "0", "0", "",
                        "申请人情况", "法人或其他组织", "社会公益", "组织", "0", "0", "0", "", "科研", "机构", "0", "0", "0", "",
                        "法律服务", "机构", "3", "0", "1", "", "其", "他", "0", "0", "0", "", "总", "计", "", "36", "2", "9", ""]
        let doc = try document(Self.text(headers: pdfminer))
        #expect(Self.value(doc, "一、本年新收政府信息公开申请数量", "总计") == "36")
        #expect(Self.value(doc, "（一）予以公开", "总计") == "9")
        let chromium = ["自", "然", "人", "", "31", "2", "", "商业", "企业", "", "2", "0", "",
                        "申请人情况", "法人或其他组织", "社会公益", "组织", "", "科研", "机构", "", "法律服务", "机构", "",
                        "0", "0", "", "0", "0", "", "3", "0", "", "总", "计", "", "其", "他", "", "0 36", "2", "0", ""]
        let other = try document(Self.text(headers: chromium))
        #expect(other.tables.first { $0.templateID == "2021-applications" }?.records.isEmpty ?? true)
        #expect(!other.diagnostics.contains { $0.rule == "tables.header-runs" && $0.kind == .repair })
    }

    /// A row whose cells the boxes give but whose total does not add up (an
    /// author's error, or a box read wrong) is left empty and reported; so
    /// is a row that one way of reading the boxes leaves incomplete (with
    /// 法律服务机构's box missing, 0 36 under 其他 may be 法律服务机构 and 其他,
    /// or 其他 and 总计: neither fills the row in both).
    @Test func rowsInDoubtAreLeftEmpty() throws {
        let wrongTotal = ["自", "然", "人", "31", "2", "8", "", "商业", "企业", "2", "0", "0", "",
                          "申请人情况", "法人或其他组织", "社会公益", "组织", "0", "0", "0", "", "科研", "机构", "0", "0", "0", "",
                          "法律服务", "机构", "3", "0", "1", "", "总", "计", "", "其", "他", "0 37", "2", "0", "0", "9", ""]
        let doc = try document(Self.text(headers: wrongTotal))
        #expect(Self.value(doc, "一、本年新收政府信息公开申请数量", "自然人") == nil)
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "一、本年新收政府信息公开申请数量" })
        #expect(Self.value(doc, "二、上年结转政府信息公开申请数量", "总计") == "2")
        let noNeighbour = ["自", "然", "人", "31", "2", "8", "", "商业", "企业", "2", "0", "0", "",
                           "申请人情况", "法人或其他组织", "社会公益", "组织", "0", "0", "0", "", "科研", "机构", "0", "0", "0", "",
                           "总", "计", "", "其", "他", "0 36", "2", "0", "0", "9", ""]
        let other = try document(Self.text(headers: noNeighbour))
        #expect(other.tables.first { $0.templateID == "2021-applications" }?.records.isEmpty ?? true)
    }

    /// Header rows repeated on the next page: that page's header boxes hold
    /// its first rows, which add up as well as the table's first rows do.
    /// A header standing in two boxes places nothing.
    @Test func repeatedHeaderRowsPlaceNothing() throws {
        let page = ["自", "然", "人", "31", "", "商业", "企业", "2", "",
                    "申请人情况", "法人或其他组织", "社会公益", "组织", "0", "", "科研", "机构", "0", "",
                    "法律服务", "机构", "3", "", "总", "计", "", "其", "他", "0 36", ""]
        let next = ["自", "然", "人", "2", "8", "", "商业", "企业", "0", "0", "",
                    "申请人情况", "法人或其他组织", "社会公益", "组织", "0", "0", "", "科研", "机构", "0", "0", "",
                    "法律服务", "机构", "0", "1", "", "总", "计", "", "其", "他", "0 2", "0", "9", ""]
        let doc = try document(Self.text(headers: page + next))
        // The next page's second row (8 0 0 0 1 0 9) adds up, but is not row 二.
        #expect(Self.value(doc, "二、上年结转政府信息公开申请数量", "自然人") == nil)
        #expect(doc.tables.first { $0.templateID == "2021-applications" }?.records.isEmpty ?? true)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.header-runs" && $0.kind == .repair })
    }
}
