import Testing
@testable import DocNorm

/// Issue 3: a table of the report's format that was lost on the way (its
/// section heading and header garbled, its numbers left standing alone) is
/// reported as missing, naming its cells (`tables.missing`); a report that
/// tells the section in sentences is not.
@Suite struct MissingTableTests {
    /// Table 四 as OCR left it: no heading, no 行政复议 anchor, the header
    /// broken into fragments, and its one row of 15 values intact.
    static let garbledReviewTable = """
        结果 | 结果 | 其他 | 尚未 |总  未经复议直接起诉   复议后起诉
        维持 | 纠正 | 结果 | 审结 |计
        0 0 0 0 0 0 0 0 0 0 0 0 0 0 0

        五、存在的主要问题及改进情况

        """

    /// Table 四 in canonical form.
    static let reviewTable = [
        "行政复议\t\t\t\t\t行政诉讼" + String(repeating: "\t", count: 9),
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
        "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
        Array(repeating: "0", count: 15).joined(separator: "\t"),
    ].joined(separator: "\n") + "\n"

    func lineNumber(of line: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == line }.map { $0 + 1 }
    }

    @Test func aLostTableOfTheReportsEditionIsReportedWhereItsNumbersStand() throws {
        // The applications table (2021) was found, so table 四 is the 2021 one.
        var text = applicationsTable()
        text.removeLast("四、政府信息公开行政复议、行政诉讼情况\n".count)
        text += Self.garbledReviewTable
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2021-applications"])
        let flag = try #require(doc.diagnostics.first { $0.rule == "tables.missing" })
        #expect(flag.stage == .tables && flag.kind == .suspicion)
        #expect(flag.cells == DiagnosticCells(table: "2021-review-litigation"))
        #expect(flag.line == lineNumber(of: "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", in: text))
        #expect(flag.message.contains("none of its values"))
        #expect(QualityReport.flagged(QualityReport.ExpectedRecord(table: "2021-review-litigation", row: [], column: ["行政复议", "总计"], value: "0"), in: doc))
        // Only the lost table: 二 was never in this text, and nothing of it stands there.
        #expect(doc.diagnostics.filter { $0.rule == "tables.missing" }.count == 1)
    }

    @Test func aSectionToldInSentencesIsNoLostTable() throws {
        let text = applicationsTable() + "\n本年度未发生因政府信息公开引起的行政复议和行政诉讼，行政复议0件，行政诉讼0件。\n\n五、存在的主要问题及改进情况\n"
        let doc = try document(text)
        #expect(doc.tables.count == 1)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.missing" })
    }

    @Test func withOnlyTable四FoundTheReportsYearTellsTheEdition() throws {
        // Table 四 is the same in both formats; a 2020 report is in the 2019
        // format, a 2022 one in the 2021 format. Table 三's numbers stand
        // alone after its lost header; table 二 would stand in the same
        // stretch, so it is reported too (the numbers cannot tell which).
        for (year, edition) in [(2020, 2019), (2022, 2021)] {
            let text = """
                雁溪县统计局\(year)年政府信息公开工作年度报告

                三、收到和处理政府信息公开申请情况

                3 0 0 0 0 0 3
                0 0 0 0 0 0 0

                四、政府信息公开行政复议、行政诉讼情况

                """ + Self.reviewTable
            let doc = try document(text)
            #expect(doc.tables.count == 1)
            let flags = doc.diagnostics.filter { $0.rule == "tables.missing" }
            #expect(flags.compactMap(\.cells) == [DiagnosticCells(table: "\(edition)-active-disclosure"), DiagnosticCells(table: "\(edition)-applications")])
            #expect(flags.allSatisfy { $0.line == 5 })
        }
    }

    /// OCR that read table 三's label column, one label a block, and not
    /// one of its numbers (held-out yungang-mzj-2019's Tesseract output):
    /// no debris, but its row labels standing whole as lines tell the table
    /// lost, and it is reported (only it: table 二's labels stand nowhere).
    @Test func aTableOfLabelsAloneWithNoNumberIsReportedLost() throws {
        let labels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "(一) 予以公开",
                      "1.属于国家秘密", "2.重复申请", "(七) 总计", "四、结转下年度继续办理"]
        func report(_ labels: [String]) -> String {
            "泠州市沄港区民政局2019年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n"
                + labels.joined(separator: "\n\n") + "\n\n四、政府信息公开行政复议、行政诉讼情况\n\n" + Self.reviewTable
        }
        let text = report(labels)
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2019-review-litigation"])
        let flags = doc.diagnostics.filter { $0.rule == "tables.missing" }
        #expect(flags.compactMap(\.cells) == [DiagnosticCells(table: "2019-applications")])
        #expect(flags.first?.line == lineNumber(of: labels[0], in: text))
        #expect(flags.first?.message.contains("row labels") == true)
        #expect(QualityReport.flagged(QualityReport.ExpectedRecord(table: "2019-applications", row: ["三、本年度办理结果", "（七）总计"], column: ["申请人情况", "总计"], value: "45"), in: doc))
        // Three labels are no table: a report may name a row or two in its prose.
        let few = try document(report([labels[0], labels[1], labels[6]]))
        #expect(!few.diagnostics.contains { $0.rule == "tables.missing" })
    }

    @Test func aLineIsARowLabelOnlyWhole() {
        let labels = ["（七）总计", "1.属于国家秘密"].map { Array($0.unicodeScalars) }
        #expect(TableRecognizer.wholeLabel("（七） 总计", labels: labels) == "（七）总计")
        #expect(TableRecognizer.wholeLabel("1.属于国家秘密", labels: labels) == "1.属于国家秘密")
        #expect(TableRecognizer.wholeLabel("经审查，1.属于国家秘密的不予公开", labels: labels) == nil)
        #expect(TableRecognizer.wholeLabel("", labels: labels) == nil)
    }

    @Test func debrisIsAlsoNumbersRightAfterARowLabel() {
        let labels = ["规章", "行政规范性文件", "行政许可"].map { Array($0.unicodeScalars) }
        // OCR ran table 二's rows together (holdout nanping-shimen-wjj-2024).
        #expect(TableRecognizer.labelledNumbers(in: "信息内容本年制发件数规章0 0 0行政规范性文件2 0 9第二十条", labels: labels) == 6)
        #expect(TableRecognizer.labelledNumbers(in: "行政许可2957", labels: labels) == 1)
        #expect(TableRecognizer.labelledNumbers(in: "行政许可 12.5", labels: labels) == 1)
        // Prose puts a word between the label and its number, or after it.
        #expect(TableRecognizer.labelledNumbers(in: "公开行政许可信息412条，规章3件", labels: labels) == 0)
    }

    @Test func aRunTogetherTable二IsReportedLost() throws {
        // Table 二's anchor misread (第三十条第（二）项) and its rows run
        // together: the table is not read, and not silently either.
        let text = "二、主动公开政府信息情况\n\n第三十条第（二）项\n\n信息内容本年制发件数本年废止件数现行有效件数规章0 0 0行政规范性文件2 0 9\n\n行政许可2957\n\n" + applicationsTable()
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2021-applications"])
        let flag = try #require(doc.diagnostics.first { $0.rule == "tables.missing" })
        #expect(flag.cells == DiagnosticCells(table: "2021-active-disclosure"))
        #expect(flag.line == 5)
    }

    @Test func debrisIsNumbersStandingAlone() {
        #expect(TableRecognizer.bareNumbers(in: "0 0 0 12.5\t3") == 5)
        #expect(TableRecognizer.bareNumbers(in: "计0 0 0 0证") == 2)
        #expect(TableRecognizer.bareNumbers(in: "42") == 1)
        #expect(TableRecognizer.bareNumbers(in: "全年收到申请16件，办结16件") == 0)
        #expect(TableRecognizer.bareNumbers(in: "2021 年") == 0)
        #expect(TableRecognizer.bareNumbers(in: "1. 2.") == 0)
    }
}
