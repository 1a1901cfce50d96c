import Testing
@testable import DocNorm

/// `tables.labelled-columns` with the document's evidence
/// (`ColumnOrderEvidence`), and `tables.header-fragments`. The inputs are
/// written by hand after what pdftotext -raw returns for LibreOffice's and
/// Chromium's PDFs; the expected values are read off the layout.
@Suite struct ColumnOrderEvidenceTests {
    static func value(_ doc: Document, _ row: String, _ column: String) -> String? {
        doc.tables.flatMap(\.records).first { $0.row.last == row && $0.column.last == column && $0.row.first == "第二十条第（一）项" }?.value
    }

    /// Table 二 with block （一）'s two headers together and then `values`.
    static func activeDisclosure(_ values: [String]) -> [String] {
        ["二、主动公开政府信息情况", "信息内容", "规章", "行政规范性文件", "",
         "第二十条第（一）项", "本年制发件数", "本年废止件数"] + values + ["",
         "现行有效件数", "0", "22"] + LabelledColumnTests.smallBlocks
    }

    /// A small table 三 (3 natural persons and 1 company applied, 1 person
    /// carried over; 2 persons and the company answered in full, 1 person's
    /// information not held, 1 carried forward), every label first, then
    /// rows 一 and 二 column by column (3 1, 1 0, 0 0, … 4 1) and the other
    /// rows left to right. `blankBeforeColumns`: each column of the pair
    /// after the first opens after a blank line, where the reading goes from
    /// row 二 back up to row 一.
    static func applications(blankBeforeColumns: Bool) -> [String] {
        let template = pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!
        let rows = template.rows.filter { !$0.isHeader }
        func values(_ id: String) -> [Int] {
            switch id {
            case "new", "total": return [3, 1, 0, 0, 0, 0, 4]
            case "carried-over", "carried-forward", "unavailable-1": return [1, 0, 0, 0, 0, 0, 1]
            case "disclosed": return [2, 1, 0, 0, 0, 0, 3]
            default: return [0, 0, 0, 0, 0, 0, 0]
            }
        }
        var lines = ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）", "申请人情况"]
        for row in rows { lines += row.cells.compactMap { if case .label(let l) = $0 { l } else { nil } } }
        let first = values(rows[0].id!), second = values(rows[1].id!)
        for c in 0..<7 {
            if c > 0 && blankBeforeColumns { lines.append("") }
            lines += [String(first[c]), String(second[c])]
        }
        for row in rows.dropFirst(2) { lines += values(row.id!).map(String.init) }
        return lines
    }

    static let review = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果", "维持", "结果", "纠正", "其他", "结果",
                         "3", "1", "0", "行政诉讼", "尚未 总", "结果", "审结 计", "维持", "1", "5",
                         "2", "0", "1", "0", "3", "1", "0", "0", "0", "1", "五、存在的主要问题及改进情况", "无。"]

    /// LibreOffice: 0 0 5 4 with no blank line among them, and table 三's
    /// reading goes up only across blank lines: row by row, 规章 0 0 and
    /// 行政规范性文件 5 4, reported with the evidence.
    @Test func aBlockWithoutBlankLinesIsReadRowByRowOnTheEvidence() throws {
        let text = (Self.activeDisclosure(["0", "0", "5", "4"]) + Self.applications(blankBeforeColumns: true) + Self.review)
            .joined(separator: "\n") + "\n"
        let doc = try document(text, tracing: true)
        #expect(Self.value(doc, "规章", "本年制发件数") == "0")
        #expect(Self.value(doc, "规章", "本年废止件数") == "0")
        #expect(Self.value(doc, "行政规范性文件", "本年制发件数") == "5")
        #expect(Self.value(doc, "行政规范性文件", "本年废止件数") == "4")
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "22")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair
            && $0.message.contains("placed row by row") && $0.message.contains("2021-applications") })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.first == "第二十条第（一）项" })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("\n规章\t0\t0\t0\n行政规范性文件\t5\t4\t22\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// Table 三 goes up a row without a blank line: nothing says how the
    /// extractor reads, so the block's cells stay empty and reported.
    @Test func withoutTheEvidenceTheBlockStaysUnplaced() throws {
        let text = (Self.activeDisclosure(["0", "0", "5", "4"]) + Self.applications(blankBeforeColumns: false) + Self.review)
            .joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(Self.value(doc, "规章", "本年制发件数") == nil)
        #expect(Self.value(doc, "行政规范性文件", "本年废止件数") == nil)
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "22")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("0 0 5 4") })
        #expect(doc.tables.first { $0.templateID == "2021-applications" } != nil)
    }

    /// 0 5, a page break, 0 4. A blank line among the values at a page
    /// break may be a row going down (row by row) as well as a step up
    /// (column by column): the cells stay empty even with the evidence.
    /// (A single blank line, no page break, is a step up: ColumnRuns.swift.)
    @Test func aBlockWithAPageBreakAmongItsValuesStaysUnplaced() throws {
        let text = (Self.activeDisclosure(["0", "5", "", "- 2 -", "", "0", "4"]) + Self.applications(blankBeforeColumns: true) + Self.review)
            .joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(Self.value(doc, "规章", "本年制发件数") == nil)
        #expect(Self.value(doc, "行政规范性文件", "本年制发件数") == nil)
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.message.contains("0 5 0 4") })
    }

    /// pdftotext -raw: the top line of the header cell 结果维持 stands
    /// between the section heading and the anchor 行政复议: it is read into
    /// the table, whose grid holds 结果维持, not left as a line of text.
    @Test func aHeaderFragmentBeforeTheAnchorIsTheTables() throws {
        var lines = Self.review
        lines.insert(contentsOf: ["结果", ""], at: 1)
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.records.map(\.value) == ["3", "1", "0", "1", "5", "2", "0", "1", "0", "3", "1", "0", "0", "0", "1"])
        #expect(doc.diagnostics.contains { $0.rule == "tables.header-fragments" && $0.line == 2 })
        let once = try canonical(Array(text.utf8))
        #expect(once.hasPrefix("四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\t"))
        #expect(!once.contains("\n结果\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// pdftotext -raw on a LibreOffice PDF: the next section's heading,
    /// drawn on the table's second page before the table's cells there,
    /// stands between the table's pieces. It goes after the table, which
    /// then has all its values.
    @Test func aHeadingDrawnInsideTheTableGoesAfterIt() throws {
        let body = Self.review.dropLast(2)
        let lines = Array(body.dropLast(4)) + ["五、存在的主要问题及改进情况", "", "- 4 -", "", "复议后起诉", "结果 其他 尚未 总",
                                               "纠正 结果 审结 计"] + Array(body.suffix(4)) + ["", "无。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.records.map(\.value) == ["3", "1", "0", "1", "5", "2", "0", "1", "0", "3", "1", "0", "0", "0", "1"])
        #expect(doc.trace.contains { $0.rule == "tables.interleaved-heading" })
        let once = try canonical(Array(text.utf8))
        #expect(once.hasSuffix("\t1\n\n五、存在的主要问题及改进情况\n\n无。\n"))
        #expect(!once.contains("复议后起诉\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// Chromium's PDF through pdftotext -raw: the row's last values are
    /// drawn after the next section's heading and the page number, with no
    /// header piece among them (no header cell is on the new page). They go
    /// back to the table, which then has all its values.
    @Test func aRowTailDrawnAfterTheNextHeadingGoesBack() throws {
        let header = ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "行政诉讼", "复议后起诉",
                      "结果 结果 其他 尚未 总 结果 未经复议直接起诉", "结果", "其他", "尚未", "总", "结果", "结果",
                      "尚未 总", "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计 维持 纠正 其他",
                      "结果 审结 计"]
        let values = ["3", "1", "0", "1", "5", "2", "0", "1", "0", "3", "1", "0", "0", "0", "1"]
        let lines = header + values.prefix(8).flatMap { ["", $0] } + ["", "五、存在的主要问题及改进情况", "- 4 -"]
            + values.dropFirst(8).flatMap { ["", $0] } + ["", "无。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.records.map(\.value) == values)
        #expect(doc.trace.contains { $0.rule == "tables.interleaved-heading" })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
        let once = try canonical(Array(text.utf8))
        #expect(once.hasSuffix("\t1\n\n五、存在的主要问题及改进情况\n\n无。\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// …and so do they after the section heading and its first sub-heading,
    /// both drawn before them (censhan-district-2019, Chromium's PDF through
    /// pdftotext -raw): the headings go after the table, in their order.
    @Test func aRowTailDrawnAfterAHeadingAndItsSubheadingGoesBack() throws {
        let header = ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "行政诉讼", "复议后起诉",
                      "结果 结果 其他 尚未 总 结果 未经复议直接起诉", "结果", "其他", "尚未", "总", "结果", "结果",
                      "尚未 总", "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计 维持 纠正 其他",
                      "结果 审结 计"]
        let values = ["3", "1", "0", "1", "5", "2", "0", "1", "0", "3", "1", "0", "0", "0", "1"]
        let lines = header + values.prefix(8).flatMap { ["", $0] } + ["", "五、存在的主要问题及改进情况", "（一）存在的主要问题", "", "- 4 -"]
            + values.dropFirst(8).flatMap { ["", $0] } + ["", "一是公开不够及时。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.records.map(\.value) == values)
        #expect(doc.trace.contains { $0.rule == "tables.interleaved-heading" })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
        let once = try canonical(Array(text.utf8))
        #expect(once.hasSuffix("\t1\n\n五、存在的主要问题及改进情况\n\n（一）存在的主要问题\n\n一是公开不够及时。\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// Chromium's PDF through pdftotext -raw: the row's last values drawn
    /// after everything else on the last page, past the next two sections'
    /// headings, their paragraphs and the page number. The document ends
    /// with them, the table is short of exactly them and adds up with them:
    /// they go back (`tables.interleaved-sections`). With a total that does
    /// not add up, or with prose after them, they stay.
    @Test func aRowTailDrawnAfterTheLastSectionsGoesBackWhenItAddsUp() throws {
        let header = ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "行政诉讼", "复议后起诉",
                      "结果 结果 其他 尚未 总 结果 未经复议直接起诉", "结果", "其他", "尚未", "总", "结果", "结果",
                      "尚未 总", "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计 维持 纠正 其他",
                      "结果 审结 计"]
        let values = ["3", "1", "0", "1", "5", "2", "0", "1", "0", "3", "1", "0", "0", "1", "2"]
        let sections = ["", "五、存在的主要问题及改进情况", "", "公开栏更新不够及时。", "", "六、其他需要报告的事项", "", "无。", "", "- 3 -"]
        func text(_ tail: [String], after: [String] = []) -> String {
            (header + values.prefix(13).flatMap { ["", $0] } + sections + tail.flatMap { ["", $0] } + after).joined(separator: "\n") + "\n"
        }
        let doc = try document(text(["1", "2"]), tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.records.map(\.value) == values)
        #expect(doc.trace.contains { $0.rule == "tables.interleaved-sections" })
        let once = try canonical(Array(text(["1", "2"]).utf8))
        #expect(once.hasSuffix("\t2\n\n五、存在的主要问题及改进情况\n\n公开栏更新不够及时。\n\n六、其他需要报告的事项\n\n无。\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text(["1", "2"]).utf8), pipeline: pipeline).isEmpty)
        for (tail, after) in [(["1", "3"], []), (["1", "2"], ["", "特此报告。"])] {
            let kept = try document(text(tail, after: after), tracing: true)
            #expect(!kept.trace.contains { $0.rule == "tables.interleaved-sections" })
        }
    }

    /// A longer run of headings than `maxInterleavedHeadings` (two
    /// sub-headings after the section's), or a sub-heading that ends a
    /// sentence (prose), leaves the numbers after it where they are.
    @Test func numbersAfterTooManyHeadingsOrAProseLineStay() throws {
        let header = ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "行政诉讼", "复议后起诉",
                      "结果 结果 其他 尚未 总 结果 未经复议直接起诉", "结果", "其他", "尚未", "总", "结果", "结果",
                      "尚未 总", "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计 维持 纠正 其他",
                      "结果 审结 计"]
        let values = ["3", "1", "0", "1", "5", "2", "0", "1", "0", "3", "1", "0", "0", "0", "1"]
        for between in [["（一）存在的主要问题", "（二）改进情况"], ["（一）存在的主要问题是公开不够及时。"]] {
            let lines = header + values.prefix(8).flatMap { ["", $0] } + ["", "五、存在的主要问题及改进情况"] + between + ["", "- 4 -"]
                + values.dropFirst(8).flatMap { ["", $0] } + ["", "一是公开不够及时。"]
            let doc = try document(lines.joined(separator: "\n") + "\n", tracing: true)
            #expect(!doc.trace.contains { $0.rule == "tables.interleaved-heading" })
        }
    }

    /// The header-text test on scalars agrees with the one on words: a line
    /// with a Han scalar no header label holds is told at that scalar, and
    /// only lines its scalars cannot tell are cut into Characters.
    @Test func headerTextIsToldByScalarsAsByWords() {
        let tables = pipeline.tables
        let templates = tables.rules.templates, headers = tables.templateHeaderLabels
        #expect(templates.allSatisfy { $0.headerScalarsHaveNoDecompositions })
        let lines = ["结果 其他 尚未 总", "结果其他尚未总", "审结 计", "一是公开不够及时", "本机关严格按照要求。", "结果 纠正x", "结果 é", "结果\u{301} 维持", "结果 结果维持其他"]
        for text in lines {
            let line = SourceLine(number: 1, text: text)
            for t in templates.indices {
                let words = TableRecognizer.holdsOnlyHeaderText(line, templates: [templates[t]], headers: [headers[t]], within: tables)
                let byCharacters = line.text.unicodeScalars.allSatisfy { $0 == " " || templates[t].headerScalars.contains($0) }
                    || tables.holdsOnlyHeaderPieces(line, headers[t])
                #expect(words == byCharacters, "\(text) in \(templates[t].id)")
            }
        }
    }

    /// Bare numbers after the heading that do not make the table whole stay
    /// where they are.
    @Test func numbersAfterTheHeadingThatDoNotCompleteTheTableStay() throws {
        let header = ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "行政诉讼", "复议后起诉",
                      "结果 结果 其他 尚未 总 结果 未经复议直接起诉", "结果", "其他", "尚未", "总", "结果", "结果",
                      "尚未 总", "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计 维持 纠正 其他",
                      "结果 审结 计"]
        let lines = header + ["3", "1", "0", "1", "5", "2", "0", "1", "", "五、存在的主要问题及改进情况", "- 4 -", "", "2", "", "无。"]
        let doc = try document(lines.joined(separator: "\n") + "\n", tracing: true)
        #expect(!doc.trace.contains { $0.rule == "tables.interleaved-heading" })
    }

    /// A heading after a table that has all its values stays where it is,
    /// whatever header-like text follows it.
    @Test func aHeadingAfterACompleteTableStays() throws {
        let lines = Array(Self.review.dropLast(1)) + ["复议后起诉", "0", "", "无。"]
        let doc = try document(lines.joined(separator: "\n") + "\n", tracing: true)
        #expect(!doc.trace.contains { $0.rule == "tables.interleaved-heading" })
    }

    /// Other text between the heading and the anchor (a sentence, a word
    /// that is in no header label) stays text, and so does the fragment.
    @Test func otherTextBeforeTheAnchorKeepsTheFragmentAsText() throws {
        var lines = Self.review
        lines.insert(contentsOf: ["结果", "见下表"], at: 1)
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(doc.tables.first?.records.count == 15)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.header-fragments" })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("结果"))
        #expect(once.contains("见下表"))
    }

    /// pdfminer on a Chromium PDF: the group headers' boxes (未经复议直接起诉,
    /// 复议后起诉) after every value, right before the next section heading:
    /// read into the table, whose grid holds them, not left as lines after it.
    @Test func headerFragmentsAfterTheLastValueAreTheTables() throws {
        var lines = Self.review
        lines.insert(contentsOf: ["未经复议直接起诉", "", "复议后起诉", ""], at: lines.count - 2)
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text)
        let table = try #require(doc.tables.first)
        #expect(table.records.map(\.value) == ["3", "1", "0", "1", "5", "2", "0", "1", "0", "3", "1", "0", "0", "0", "1"])
        #expect(doc.diagnostics.contains { $0.rule == "tables.header-fragments" && $0.message.contains("未经复议直接起诉 复议后起诉") })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t"))
        #expect(!once.contains("\n复议后起诉\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// Without a section heading after them, the fragments stay text.
    @Test func headerFragmentsAfterTheLastValueWithoutAHeadingStayText() throws {
        let lines = Self.review.dropLast(2) + ["复议后起诉", "本年度无其他需要报告的事项。"]
        let text = lines.joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(doc.tables.first?.records.count == 15)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.header-fragments" })
        #expect(try canonical(Array(text.utf8)).contains("\n复议后起诉"))
    }

    /// pdfminer on a Chromium PDF, table 四 as tongchuan-scjg-2019 draws it
    /// (each header cell a box, 结果⏎维持, blank lines between boxes), then
    /// `after` and the next section.
    static func reviewBoxes(_ after: [String]) -> [String] {
        let parts = ["结果", "维持", "", "结果", "纠正", "", "其他", "结果", "", "尚未", "审结", ""]
        return ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "", "行政诉讼", ""] + parts + ["总", "计", ""] + parts
            + ["1", "", "0", "", "0", "", "0", "", "1", "", "0", "", "0", "", "1", "", "0", "", "总", "计", "", "1", ""]
            + parts + ["0", "", "0", "", "0", "", "0", "", "总", "计", "", "0", ""]
            + after + ["", "五、存在的主要问题及改进情况", "", "无。"]
    }

    /// There a paragraph follows the table, after the two group headers the
    /// table lacks, each a whole label on a line of its own: they are the
    /// table's; the paragraph stays text.
    @Test func theLabelsATableLacksBeforeAParagraphAreTheTables() throws {
        let paragraph = "2019年，我局被申请行政复议1件，维持原答复。"
        let text = Self.reviewBoxes(["未经复议直接起诉", "", "复议后起诉", "", paragraph]).joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(doc.tables.first?.records.map(\.value) == ["1", "0", "0", "0", "1", "0", "0", "1", "0", "1", "0", "0", "0", "0", "0"])
        #expect(doc.diagnostics.contains { $0.rule == "tables.header-fragments" && $0.message.contains("未经复议直接起诉 复议后起诉") })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t"))
        #expect(!once.contains("\n复议后起诉\n"))
        #expect(once.contains("\n\(paragraph)\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// Only one of the two labels the table lacks, or a label it shows
    /// already (行政复议), before a paragraph: the lines stay text.
    @Test func otherLabelsBeforeAParagraphStayText() throws {
        let paragraph = "本年度无其他需要报告的事项。"
        for after in [["复议后起诉", "", paragraph], ["未经复议直接起诉", "", "复议后起诉", "", "行政复议", "", paragraph]] {
            let text = Self.reviewBoxes(after).joined(separator: "\n") + "\n"
            let doc = try document(text)
            #expect(doc.tables.first?.records.count == 15)
            #expect(!doc.diagnostics.contains { $0.rule == "tables.header-fragments" })
            #expect(try canonical(Array(text.utf8)).contains("\n复议后起诉\n"))
        }
    }

    /// Chromium through pdftotext -raw: block （一）'s first two headers each
    /// between blank lines (the caption and row labels before them), then their columns as two runs between blank
    /// lines (0 2, 0 1), 现行有效件数 later right above its own.
    static func headersSetApart() -> [String] {
        ["二、主动公开政府信息情况", "第二十条第（一）项", "", "信息内容", "规章", "行政规范性文件", "",
         "本年制发件数", "", "本年废止件数", "", "0", "2", "", "0", "1", "", "现行有效件数", "0", "14"]
            + LabelledColumnTests.smallBlocks
    }

    /// With the evidence that the extractor marks every step up with a
    /// blank line, the runs after the headers set apart are their columns,
    /// in their order.
    @Test func headersSetApartTakeTheirRunsInOrderOnTheEvidence() throws {
        let text = (Self.headersSetApart() + Self.applications(blankBeforeColumns: true) + Self.review).joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(Self.value(doc, "规章", "本年制发件数") == "0")
        #expect(Self.value(doc, "行政规范性文件", "本年制发件数") == "2")
        #expect(Self.value(doc, "规章", "本年废止件数") == "0")
        #expect(Self.value(doc, "行政规范性文件", "本年废止件数") == "1")
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "14")
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair
            && $0.message.contains("set apart by blank lines") && $0.message.contains("2021-applications") })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.first == "第二十条第（一）项" })
    }

    /// Without it (pdfminer puts each box where its grouping falls), the
    /// runs' order says nothing: the cells stay empty and reported.
    @Test func headersSetApartTakeNoRunsWithoutTheEvidence() throws {
        let text = (Self.headersSetApart() + Self.applications(blankBeforeColumns: false) + Self.review).joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(Self.value(doc, "规章", "本年制发件数") == nil)
        #expect(Self.value(doc, "行政规范性文件", "本年废止件数") == nil)
        #expect(Self.value(doc, "行政规范性文件", "现行有效件数") == "14")
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.first == "第二十条第（一）项" })
    }
}
