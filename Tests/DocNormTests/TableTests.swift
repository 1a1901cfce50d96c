import Testing
@testable import DocNorm

/// Table 三 (2021) written as pdftotext writes it: header fragments one per
/// line, each row "label v1 … v7", with `values(row)` giving the numbers.
func applicationsTable(edition: Int = 2021, header: [String]? = nil,
                       values: (String) -> [Int] = { _ in [0, 0, 0, 0, 0, 0, 0] }) -> String {
    let template = pipeline.tables.rules.templates.first { $0.id == "\(edition)-applications" }!
    var lines = ["三、收到和处理政府信息公开申请情况"]
    lines += header ?? ["（本列数据的勾稽关系为：第一项加第二项之和，等", "于第三项加第四项之和）",
                        "申请人情况", "自然", "人", "法人或其他组织", "总计商业", "企业", "科研", "机构", "社会公益组织", "法律服务机构", "其他"]
    for row in template.rows where !row.isHeader {
        let labels = row.cells.compactMap { if case .label(let l) = $0 { return l } else { return nil } }
        lines.append((labels + values(row.id!).map(String.init)).joined(separator: " "))
    }
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return lines.joined(separator: "\n") + "\n"
}

func document(_ text: String, tracing: Bool = false) throws -> Document {
    try pipeline.run(Array(text.utf8), options: PipelineOptions(tracing: tracing))
}

/// Positions of the lines that open with an ASCII digit (what CellStream
/// hands the split-row and row-number searches).
func digitFirst(_ lines: [SourceLine]) -> [Int] {
    lines.indices.filter { lines[$0].text.utf8.first.map { $0 &- 0x30 < 10 } ?? false }
}

@Suite struct TableTests {
    @Test func spaceSeparatedRowsFillTheTemplateGrid() throws {
        let doc = try document(applicationsTable())
        let table = try #require(doc.tables.first)
        #expect(table.templateID == "2021-applications")
        #expect(table.grid.count == 28 && table.grid.allSatisfy { $0.count == 10 })
        #expect(table.grid[1] == ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"])
        #expect(table.records.count == 175)
        // The section heading after the table is not swallowed by it.
        #expect(doc.blocks.last.map { if case .heading(_, _, let t) = $0.kind { t } else { "" } } == "四、政府信息公开行政复议、行政诉讼情况")
    }

    @Test func failedArithmeticIsReportedWithColumnAndRow() throws {
        // 一 = 5 natural persons, but （七）总计 and 四 say nothing: the column balance fails.
        let doc = try document(applicationsTable { $0 == "new" ? [5, 0, 0, 0, 0, 0, 5] : [0, 0, 0, 0, 0, 0, 0] })
        let failures = doc.diagnostics.filter { $0.kind == .arithmetic }
        #expect(failures.contains { $0.message.contains("applications.balance") && $0.message.contains("申请人情况/自然人") })
        #expect(!failures.contains { $0.message.contains("row-total") })
        #expect(doc.tables[0].checks.contains { $0.check == "applications.balance" && !$0.holds && $0.left == 5 && $0.right == 0 })
    }

    @Test func consistentNumbersPassEveryCheck() throws {
        // 3 natural persons and 1 company applied; 2+1 disclosed, 1 not held.
        let doc = try document(applicationsTable { id in
            switch id {
            case "new", "total": return [3, 1, 0, 0, 0, 0, 4]
            case "disclosed": return [2, 1, 0, 0, 0, 0, 3]
            case "unavailable-1": return [1, 0, 0, 0, 0, 0, 1]
            default: return [0, 0, 0, 0, 0, 0, 0]
            }
        })
        let checks = doc.tables[0].checks
        #expect(checks.count == 7 + 7 + 25)
        #expect(checks.allSatisfy { $0.holds })
        #expect(!doc.diagnostics.contains { $0.kind == .arithmetic })
    }

    @Test func labelThenValuesWithTailAfterTheValues() throws {
        // jinzhai: the last character of a long label lands after its values.
        let text = applicationsTable().replacingFirst("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0",
                                                      with: "1.申请人无正当理由逾期不补正、行\n政机关不再处理其政府信息公开申\n0 0 0 0 0 0 7\n请")
        let doc = try document(text)
        let table = try #require(doc.tables.first)
        #expect(table.records.contains { $0.row.last == "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" && $0.column.last == "总计" && $0.value == "7" })
        #expect(table.grid.allSatisfy { $0.count == 10 })
    }

    /// OCR: a long label wraps in its cell and its first line, a character
    /// misread (《 for （), is read before the row's values, its rest after
    /// them. The misread start, cut before the values, is the label's start
    /// and its rest is read after the values (`structure.label-cut-misread`),
    /// so the row keeps its values and the next row its label.
    @Test func misreadLabelStartCutByTheRowsValues() throws {
        let values: (String) -> [Int] = { id in
            switch id {
            case "new", "total": return [5, 1, 0, 0, 0, 0, 6]
            case "disclosed": return [2, 1, 0, 0, 0, 0, 3]
            case "partly-disclosed": return [3, 0, 0, 0, 0, 0, 3]
            default: return [0, 0, 0, 0, 0, 0, 0]
            }
        }
        let text = applicationsTable(values: values)
            .replacingFirst("（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3 0 0 0 0 0 3",
                            with: "（二）部分公开《区分处理的，只计这一情形，不计其| 3 | 0 0 0 0 0 | 3\n他情形）")
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        let partly = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        #expect(table.records.filter { $0.row.last == partly }.map(\.value) == ["3", "0", "0", "0", "0", "0", "3"])
        #expect(doc.trace.contains { $0.rule == "structure.label-cut-misread" })
        #expect(doc.trace.contains { $0.rule == "structure.label-tail" && $0.before == "他情形）" })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.label-restored" || $0.rule == "structure.stray-text" })
        #expect(!doc.diagnostics.contains { $0.kind == .arithmetic })
    }

    /// OCR: the numbers of a table's first rows lost (labels kept), its
    /// later rows whole. The share found falls under a quarter over the
    /// first rows, but not under `stopBelowShare`: the stretch is read on,
    /// and the table is found with its later rows' values and its empty
    /// rows reported.
    @Test func aTableWhoseFirstRowsLostTheirNumbersIsReadOn() throws {
        let lost: Set<String> = ["new", "carried-over", "disclosed", "partly-disclosed", "withheld-1",
                                 "withheld-2", "withheld-3", "withheld-4", "withheld-5", "withheld-6"]
        let doc = try document(applicationsTable { lost.contains($0) ? [] : [0, 0, 0, 0, 0, 0, 0] })
        let table = try #require(doc.tables.first)
        #expect(table.templateID == "2021-applications")
        #expect(table.records.count == 15 * 7)
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.message.contains("1.属于国家秘密") })
    }

    /// OCR: a table rule between two numbers read as a quote mark glued to
    /// them (3“2 for 3 | 2): the token is two values, the mark dropped
    /// (`structure.rule-read-as-mark`), and the row keeps all its values.
    @Test func aRuleReadAsAQuoteMarkBetweenTwoNumbersSplitsThem() throws {
        let row = [5, 1, 0, 0, 3, 2, 11]
        let values: (String) -> [Int] = { ["new", "disclosed", "total"].contains($0) ? row : [0, 0, 0, 0, 0, 0, 0] }
        let text = applicationsTable(values: values)
            .replacingFirst("一、本年新收政府信息公开申请数量 5 1 0 0 3 2 11", with: "一、本年新收政府信息公开申请数量 5 1 0 0 3“2 11")
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.records.filter { $0.row.last == "一、本年新收政府信息公开申请数量" }.map(\.value) == row.map(String.init))
        #expect(doc.trace.contains { $0.rule == "structure.rule-read-as-mark" && $0.before == "3“2" })
        #expect(!doc.diagnostics.contains { $0.kind == .arithmetic })
    }

    /// OCR: the rule before a value read as a quote mark and a bar, the
    /// space before the mark gone with stage 1 (`37 “|21| 539` → 37“|21|
    /// 539): the mark ends the token of digits, the next cell opens with a
    /// value; the digits are the value, the mark dropped
    /// (`structure.rule-read-as-mark`), and the row keeps all its values.
    /// Main left the last three cells empty and dropped 37“21539 as stray.
    @Test func aRuleReadAsAQuoteMarkEndingAValueBeforeABarIsDropped() throws {
        let row = [318, 142, 9, 12, 37, 21, 539]
        let values: (String) -> [Int] = { ["new", "disclosed", "total"].contains($0) ? row : [0, 0, 0, 0, 0, 0, 0] }
        let text = applicationsTable(values: values)
            .replacingFirst("（一）予以公开 318 142 9 12 37 21 539", with: "（一）予以公开   318| 142 | 9   12   37 “|21| 539")
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.records.filter { $0.row.last == "（一）予以公开" }.map(\.value) == row.map(String.init))
        #expect(doc.trace.contains { $0.rule == "structure.rule-read-as-mark" && $0.before == "37“" && $0.after == "37 21" })
        #expect(!doc.diagnostics.contains { $0.kind == .arithmetic })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.stray-text" })
    }

    /// The mark ending a token with no value after it (37“ then the next
    /// row's label) is no rule: the cell stays unread.
    @Test func aQuoteMarkEndingAValueWithNoValueAfterItIsNotARule() throws {
        let row = [318, 142, 9, 12, 37, 0, 518]
        let values: (String) -> [Int] = { ["new", "disclosed", "total"].contains($0) ? row : [0, 0, 0, 0, 0, 0, 0] }
        let text = applicationsTable(values: values)
            .replacingFirst("（一）予以公开 318 142 9 12 37 0 518", with: "（一）予以公开   318| 142 | 9   12   37 “")
        let doc = try document(text, tracing: true)
        #expect(!doc.trace.contains { $0.rule == "structure.rule-read-as-mark" })
    }

    /// OCR: a row label read as junk (L局于国家短 for 1.属于国家秘密), its
    /// values and the next row's label readable: the values are the row's
    /// (`structure.label-unreadable`), flagged with the label restored.
    /// Here the row's total fails, so the arithmetic proves nothing.
    @Test func valuesAfterAnUnreadableLabelBelongToItsRow() throws {
        let row = [1, 0, 0, 0, 0, 0, 2]
        let values: (String) -> [Int] = { ["new", "withheld-1", "total"].contains($0) ? row : [0, 0, 0, 0, 0, 0, 0] }
        let text = applicationsTable(values: values)
            .replacingFirst("1.属于国家秘密 1 0 0 0 0 0 2", with: "L局于国家短 1 0 0 0 0 0 2")
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.records.filter { $0.row.last == "1.属于国家秘密" }.map(\.value) == row.map(String.init))
        #expect(doc.trace.contains { $0.rule == "structure.label-unreadable" && $0.before == "L局于国家短" })
        #expect(doc.diagnostics.contains { $0.rule == "structure.label-restored" && $0.message.contains("1.属于国家秘密") })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.placement-proven" })
    }

    /// `structure.placement-proven`: the values after an unreadable label
    /// make the row's total and every column's sum hold (one of them with a
    /// value that is not 0), each column's other cells read by their labels:
    /// the placement is proven, reported as a repair, not flagged.
    @Test func arithmeticProvesTheValuesOfAnUnreadableLabel() throws {
        let row = [1, 0, 2, 0, 0, 0, 3]
        let values: (String) -> [Int] = { ["new", "withheld-1", "total"].contains($0) ? row : [0, 0, 0, 0, 0, 0, 0] }
        let text = applicationsTable(values: values)
            .replacingFirst("1.属于国家秘密 1 0 2 0 0 0 3", with: "L局于国家短 1 0 2 0 0 0 3")
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        let path = try #require(table.records.first { $0.row.last == "1.属于国家秘密" }?.row)
        #expect(table.records.filter { $0.row == path }.map(\.value) == row.map(String.init))
        #expect(doc.trace.contains { $0.rule == "structure.placement-proven" && $0.after == "1.属于国家秘密" })
        #expect(doc.diagnostics.contains { $0.rule == "structure.placement-proven" && $0.kind == .repair })
        // No flag is left on the row's values.
        #expect(!doc.diagnostics.contains { $0.kind != .repair && $0.cells?.row == path })
        #expect(!doc.diagnostics.contains { $0.kind == .arithmetic })
    }

    /// Zeros prove nothing: a row of 0s satisfies every sum wherever it is
    /// placed, so the unreadable label's row stays flagged.
    @Test func zerosDoNotProveTheValuesOfAnUnreadableLabel() throws {
        let text = applicationsTable()
            .replacingFirst("1.属于国家秘密 0 0 0 0 0 0 0", with: "L局于国家短 0 0 0 0 0 0 0")
        let doc = try document(text, tracing: true)
        #expect(doc.trace.contains { $0.rule == "structure.label-unreadable" && $0.before == "L局于国家短" })
        #expect(doc.diagnostics.contains { $0.rule == "structure.label-restored" && $0.message.contains("1.属于国家秘密") })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.placement-proven" })
    }

    /// The row adds up, but a column's sum it takes part in fails: no proof.
    @Test func aFailingColumnSumLeavesAnUnreadableLabelFlagged() throws {
        let values: (String) -> [Int] = {
            switch $0 {
            case "new", "total": [2, 0, 2, 0, 0, 0, 4]
            case "withheld-1": [1, 0, 2, 0, 0, 0, 3]
            default: [0, 0, 0, 0, 0, 0, 0]
            }
        }
        let text = applicationsTable(values: values)
            .replacingFirst("1.属于国家秘密 1 0 2 0 0 0 3", with: "L局于国家短 1 0 2 0 0 0 3")
        let doc = try document(text, tracing: true)
        #expect(doc.trace.contains { $0.rule == "structure.label-unreadable" && $0.before == "L局于国家短" })
        #expect(doc.diagnostics.contains { $0.kind == .arithmetic && $0.message.contains("applications.total") })
        #expect(doc.diagnostics.contains { $0.rule == "structure.label-restored" && $0.message.contains("1.属于国家秘密") })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.placement-proven" })
    }

    /// OCR: a row's 1s read as 工, its last cell alone after the rule
    /// (5.属于三类内部事务信息 工 0 0 0 0 0 | 工): both are the row's values
    /// (`normalize.ocr-one`, `normalize.ocr-one-row-end`), and the next
    /// row's label is read with nothing before it.
    @Test func aOneReadAsAnIdeographEndingARowIsItsLastValue() throws {
        let row = [1, 0, 0, 0, 0, 0, 1]
        let values: (String) -> [Int] = { ["new", "withheld-5", "total"].contains($0) ? row : [0, 0, 0, 0, 0, 0, 0] }
        let text = applicationsTable(values: values)
            .replacingFirst("5.属于三类内部事务信息 1 0 0 0 0 0 1", with: "5.属于三类内部事务信息 工 0 0 0 0 0 | 工")
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.records.filter { $0.row.last == "5.属于三类内部事务信息" }.map(\.value) == row.map(String.init))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-one-row-end" })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.stray-text" || $0.rule == "structure.missing-value" })
    }

    /// OCR: a row label whose numbering's dot was lost and a character
    /// misread (4无让当理由大量反复申请 for 4.无正当理由大量反复申请), after
    /// junk the reading stopped at: the label is found further on (its
    /// opening agrees once the lost dot is allowed for), and its values
    /// are the row's, not dropped as stray text with it.
    @Test func aLabelWithItsNumberingDotLostIsFoundPastJunk() throws {
        let row = [1, 0, 0, 0, 0, 0, 1]
        let values: (String) -> [Int] = { ["new", "not-handled-4", "total"].contains($0) ? row : [0, 0, 0, 0, 0, 0, 0] }
        let text = applicationsTable(values: values)
            .replacingFirst("3.要求提供公开出版物 0 0 0 0 0 0 0", with: "3要求提供公开”出版物 \" \" ”")
            .replacingFirst("4.无正当理由大量反复申请 1 0 0 0 0 0 1", with: "4无让当理由大量反复申请 1 0 0 0 0 0 1")
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.records.filter { $0.row.last == "4.无正当理由大量反复申请" }.map(\.value) == row.map(String.init))
        #expect(doc.trace.contains { $0.rule == "structure.template-label" && $0.after == "4.无正当理由大量反复申请" })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.label-restored" && $0.message.contains("4.无正当理由大量反复申请") })
    }

    @Test func closeMisreadingOfALabelIsTracedAndMissingLabelsRestored() throws {
        let text = applicationsTable()
            .replacingFirst("只计这一情形", with: "只计这一情况")
            .replacingFirst("1.属于国家秘密 ", with: "")
        let doc = try document(text, tracing: true)
        #expect(doc.tables[0].grid.contains { $0[1] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" })
        #expect(doc.trace.contains { $0.rule == "structure.template-label" && $0.before.contains("只计这一情况") })
        #expect(doc.diagnostics.contains { $0.rule == "structure.label-restored" && $0.message.contains("1.属于国家秘密") })
        #expect(doc.tables[0].records.count == 175)
    }

    @Test func surplusValuesAreReportedNotLost() throws {
        let text = applicationsTable().replacingFirst("2.重复申请 0 0 0 0 0 0 0", with: "2.重复申请 0 0 0 0 0 0 0 9")
        let doc = try document(text)
        #expect(doc.diagnostics.contains { $0.rule == "structure.surplus-value" && $0.message.hasSuffix("9") })
    }

    @Test func the2019FormatIsRecognisedByItsRows() throws {
        let doc = try document(applicationsTable(edition: 2019))
        #expect(doc.tables.first?.templateID == "2019-applications")
        #expect(doc.tables.first?.records.count == 23 * 7)
    }

    @Test func proseOpeningWithAnAnchorIsNotATable() throws {
        let doc = try document("行政复议和行政诉讼情况：本年度未发生因政府信息公开引起的行政复议和行政诉讼。\n")
        #expect(doc.tables.isEmpty)
    }

    /// The anchors are compared on a line's UTF-8 bytes: the templates found
    /// are those whose anchor opens the line's scalars after its leading TABs
    /// and spaces, as the scalar view says.
    @Test func anAnchorOpensTheLineAfterItsLeadingBlanks() {
        let recognizer = pipeline.tables
        for text in ["行政复议", "\t 行政复议 0 0", "行政复", "  （本列数据的勾稽关系为：第一项加第二项之和）", "申请人情况",
                     "第二十条第（一）项", "说明：行政复议", "", "  \t", "一、行政复议", "行政复议e\u{301}", "1 行政复议"] {
            let head = text.unicodeScalars.drop { $0 == "\t" || $0 == " " }
            let expected = recognizer.anchors.indices.filter { t in recognizer.anchors[t].contains { !$0.isEmpty && head.starts(with: $0) } }
            #expect(recognizer.templatesAnchored(text, emptyAnchors: false) == expected, "\(text)")
            #expect(recognizer.templatesAnchored(text, emptyAnchors: true) == expected, "\(text)")
        }
        #expect(!recognizer.templatesAnchored("\t行政复议", emptyAnchors: false).isEmpty)
        #expect(recognizer.templatesAnchored("行政复", emptyAnchors: false).isEmpty)
    }

    @Test func valueTokens() {
        let rules = pipeline.tables.rules
        for value in ["0", "137", "52.15", "3.5%", "减4", "251000元", "1,200", "/"] {
            #expect(rules.isValue(Array(value.unicodeScalars)[...]), "\(value)")
        }
        for text in ["1.属于国家秘密", "2024年", "规章", ".5", "3."] {
            #expect(!rules.isValue(Array(text.unicodeScalars)[...]), "\(text)")
        }
    }

    /// A token of ASCII digits is answered at once only where the grammar
    /// says so whatever its lists hold: not when a mark, prefix or suffix
    /// opens or ends with a digit.
    @Test func plainDigitsAreValuesOnlyWhereNoListTouchesADigit() {
        #expect(pipeline.tables.rules.valueGrammar.plainDigitsAreValues)
        func grammar(prefixes: [String] = ["减"], suffixes: [String] = ["元"], emptyMarks: [String] = ["/"]) -> ValueGrammar {
            ValueGrammar(digits: "0123456789", inside: ".,", prefixes: prefixes, suffixes: suffixes, emptyMarks: emptyMarks)
        }
        #expect(grammar().plainDigitsAreValues)
        #expect(!grammar(prefixes: ["减", "1"]).plainDigitsAreValues)
        #expect(!grammar(suffixes: ["元", "01"]).plainDigitsAreValues)
        #expect(!grammar(emptyMarks: ["/", "0"]).plainDigitsAreValues)
        #expect(!ValueGrammar(digits: "012345678", inside: ".", prefixes: [], suffixes: [], emptyMarks: []).plainDigitsAreValues)
        // The suffix 01 takes the token's end: 1 is left, a value.
        #expect(grammar(suffixes: ["01"]).isValue(Array("101".unicodeScalars)[...]))
        #expect(!ValueGrammar(digits: "012345678", inside: ".", prefixes: [], suffixes: [], emptyMarks: []).isValue(Array("19".unicodeScalars)[...]))
    }

    /// Stage 4 reads each row's label and value columns, the data row after
    /// it and whether a label spans rows from the template, worked out once.
    @Test func templatesListTheirRowsColumnsOnce() {
        for template in pipeline.tables.rules.templates {
            for (r, row) in template.rows.enumerated() {
                #expect(row.labelColumns == row.cells.indices.filter { if case .label = row.cells[$0] { true } else { false } })
                #expect(row.valueColumns == row.cells.indices.filter { if case .value = row.cells[$0] { true } else { false } })
                var next: Int? = nil
                if !row.isHeader {
                    var n = r + 1
                    while n < template.rows.count && template.rows[n].isHeader { n += 1 }
                    next = n < template.rows.count ? n : nil
                }
                #expect(template.nextDataRow[r] == next, "\(template.id) row \(r)")
                for column in 0..<template.columns {
                    let spans = next.map { template.rows[$0].cells[...column].allSatisfy { $0 == .empty } } ?? false
                    #expect(template.spansRows[r * template.columns + column] == spans, "\(template.id) row \(r) column \(column)")
                }
            }
        }
        // Table 三's group labels span rows: some cell of some template does.
        #expect(pipeline.tables.rules.templates.contains { $0.spansRows.contains(true) })
    }

    @Test func spanningHeaderAboveTheRowItHeadsIsKept() throws {
        // w3m's layout of table 四: the two litigation groups stand on their
        // own line above 结果维持…总计, which is cut over two lines.
        let text = """
            四、政府信息公开行政复议、行政诉讼情况
                        行政复议                                         行政诉讼
                                                      未经复议直接起诉                   复议后起诉
             结果   结果   其他   尚未   总计
             维持   纠正   结果   审结         结果   结果   其他   尚未   总  结果   结果   其他   尚未   总
                                               维持   纠正   结果   审结   计  维持   纠正   结果   审结   计
               1      0      1      0     2      1      0      0      0    1     0      0      0      0    0

            """
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.grid[1] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""])
        #expect(table.grid.last == ["1", "0", "1", "0", "2", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"])
        #expect(doc.trace.contains { $0.rule == "structure.header-ahead" })
    }

    @Test func headerLabelPastTheNextRowsPiecesLeavesThemToBeRead() throws {
        // pdftotext -layout of a Chromium PDF: 总计 stands after the first
        // halves of 商业 企业, 科研 机构…, whose second halves follow it.
        let header = ["                                  申请人情况",
                      "（本列数据的勾稽关系为：第一项加第二项 自            法人或其他组织",
                      "   之和，等于第三项加第四项之和）       然 商业 科研 社会公益 法律服务 其 总计",
                      "                         人 企业 机构 组织 机构 他"]
        let table = try #require(try document(applicationsTable(header: header)).tables.first)
        #expect(table.grid[1] == ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"])
        #expect(table.grid[2] == ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
        #expect(table.records.count == 175)
    }

    @Test func headerCellWhoseLinesArePrintedOutOfOrderIsFound() throws {
        // pdftotext -layout of a Chromium PDF (binzhu): 商业企业 drawn as
        // 商业企⏎业, its second line printed above its first.
        let header = ["                                      申请人情况",
                      "（本列数据的勾稽关系为：第一项加第二项之和， 自然            法人或其他组织",
                      "      等于第三项加第四项之和）         人 业 构 社会公益",
                      "                              商业企 科研机       法律服务 其 总",
                      "                                        组织   机构 他 计"]
        let doc = try document(applicationsTable(header: header), tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.grid[2] == ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
        #expect(doc.trace.contains { $0.rule == "structure.header-line-pieces" })
        #expect(table.records.count == 175)
    }

    @Test func headerLabelTailPastTheNextRowLeavesItToBeRead() throws {
        // pdftotext -layout across a page break: the 勾稽 note's second half
        // comes after 自 法人或其他组织 总 of the next header row.
        let header = ["（本列数据的勾稽关系为：第一项加第二项         申请人情况",
                      "                      自            法人或其他组织",
                      "                                                  总",
                      "  之和，等于第三项加第四项之和）     然    商业   科研 社会公益 法律服务    其",
                      "                                                  计",
                      "                      人    企业   机构    组织   机构   他"]
        let table = try #require(try document(applicationsTable(header: header)).tables.first)
        #expect(table.grid[1] == ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"])
        #expect(table.records.count == 175)
    }

    @Test func valuesPastTheNextRowsLabelHeadStayInTheirRow() throws {
        // pdftotext -layout: （五）不予处理 and 4.无正当理由… are centred on
        // their rows, so their first lines stand above row 3's values.
        var text = applicationsTable { id in ["not-handled-3", "not-handled-4"].contains(id) ? [] : [0, 0, 0, 0, 0, 0, 0] }
        text = text.replacingFirst("3.要求提供公开出版物\n4.无正当理由大量反复申请\n",
                                   with: "3.要求提供公\n开出版物\n4.无正当理由\n 1 0 0 0 0 0 1\n大量反复申请 2 0 0 0 0 0 2\n")
        #expect(text.contains("4.无正当理由\n 1 0"), "the layout was built")
        let table = try #require(try document(text, tracing: true).tables.first)
        func values(_ label: String) -> [String] {
            table.records.filter { $0.row.last == label }.map(\.value)
        }
        #expect(values("3.要求提供公开出版物") == ["1", "0", "0", "0", "0", "0", "1"])
        #expect(values("4.无正当理由大量反复申请") == ["2", "0", "0", "0", "0", "0", "2"])
    }

    @Test func aLargeTableWithAThirdOfItsCellsIsStillRecognised() throws {
        // OCR lost the values of all but six rows: 40-odd labels and 42 values
        // of 215 is under half, but far more than chance.
        let kept: Set<String> = ["new", "carried-over", "disclosed", "partly-disclosed", "total", "carried-forward"]
        let doc = try document(applicationsTable { kept.contains($0) ? [0, 0, 0, 0, 0, 0, 0] : [] })
        let table = try #require(doc.tables.first)
        // With most rows empty, the 2019 grid (one row fewer groups) fits as well.
        #expect(table.templateID?.hasSuffix("-applications") == true)
        #expect(table.records.count == 42)
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" })
    }

    @Test func aTableRuleReadAsOneIsDroppedWhenOnlyThatMakesTheRowHold() throws {
        // OCR: "| 0" read as "10" in 1.属于国家秘密's total; the row's relation fails.
        let doc = try document(applicationsTable { $0 == "withheld-1" ? [0, 0, 0, 0, 0, 0, 10] : [0, 0, 0, 0, 0, 0, 0] }, tracing: true)
        let table = try #require(doc.tables.first)
        let total = table.records.first { $0.row.last == "1.属于国家秘密" && $0.column.last == "总计" }
        #expect(total?.value == "0")
        #expect(!table.checks.isEmpty && table.checks.allSatisfy { $0.holds })
        #expect(doc.trace.contains { $0.rule == "structure.rule-read-as-digit" && $0.before == "10" && $0.after == "0" })
        // 12 without its 1 is 2: the row still fails, so the value stays as read.
        let other = try #require(try document(applicationsTable { $0 == "withheld-1" ? [0, 0, 0, 0, 0, 0, 12] : [0, 0, 0, 0, 0, 0, 0] }).tables.first)
        #expect(other.records.first { $0.row.last == "1.属于国家秘密" && $0.column.last == "总计" }?.value == "12")
    }

    @Test func aHanValuePrefixAfterADigitOpensACell() throws {
        // Stage 1 removed the spaces next to 减: 行政许可 286 减12 8421.
        func tokens(_ text: String) -> [String] {
            let stream = CellStream([SourceLine(number: 1, text: text)], opensAfterDigit: pipeline.tables.rules.hanPrefixes)
            var out: [String] = [], i = 0
            while i < stream.count {
                let end = stream.tokenEnd(from: i)
                out.append(String(String.UnicodeScalarView(stream.scalars[i..<end])))
                i = end
            }
            return out
        }
        #expect(tokens("行政许可286减12 8421") == ["行政许可286", "减12", "8421"])
        #expect(tokens("2020-12 同比增长12%") == ["2020-12", "同比增长12%"])
    }

    @Test func aCellStreamTextIsItsScalarsWhateverItsLength() {
        // One ASCII scalar comes from a table, the rest is encoded: both read as the scalars.
        let stream = CellStream([SourceLine(number: 1, text: "0 7 12 减 x\u{7F} 总计 \u{0}")])
        for start in 0..<stream.count {
            for end in (start + 1)...stream.count {
                #expect(stream.text(start..<end) == String(String.UnicodeScalarView(stream.scalars[start..<end])))
            }
        }
        #expect(stream.text(0..<1) == "0" && stream.text(1..<2) == "7")
    }

    @Test func spansFollowTheCanonicalRule() throws {
        let table = try #require(try document(applicationsTable()).tables.first)
        // The 勾稽 note covers 3 header rows × 3 label columns; 申请人情况 spans 7 columns.
        #expect(table.spans.contains(CellSpan(row: 0, column: 0, rowSpan: 3, columnSpan: 3)))
        #expect(table.spans.contains(CellSpan(row: 0, column: 3, rowSpan: 1, columnSpan: 7)))
        #expect(table.spans.contains(CellSpan(row: 1, column: 3, rowSpan: 2, columnSpan: 1)))
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced (test helper).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let s = Array(unicodeScalars), t = Array(target.unicodeScalars)
        guard !t.isEmpty, s.count >= t.count else { return self }
        for i in 0...(s.count - t.count) where Array(s[i..<i + t.count]) == t {
            return String(String.UnicodeScalarView(s[..<i])) + replacement + String(String.UnicodeScalarView(s[(i + t.count)...]))
        }
        return self
    }
}

@Suite struct DigitLookalikeTests {
    @Test func lettersReadForDigitsInAValueCellAreRepairedAndTraced() throws {
        // The row adds up (10 natural persons, total 10), so the lookalikes
        // are the only repair here.
        let text = applicationsTable().replacingFirst("2.重复申请 0 0 0 0 0 0 0", with: "2.重复申请 1O 0 0 0 0 O 1O")
        let doc = try document(text, tracing: true)
        let row = try #require(doc.tables.first?.records.filter { $0.row.last == "2.重复申请" })
        #expect(row.map(\.value) == ["10", "0", "0", "0", "0", "0", "10"])
        #expect(doc.trace.contains { $0.rule == "structure.digit-lookalike" && $0.before == "1O" && $0.after == "10" })
        let rules = pipeline.tables.rules
        #expect(rules.valueFromLookalikes(Array("Ol".unicodeScalars)[...]) == nil)
        #expect(rules.valueFromLookalikes(Array("lS".unicodeScalars)[...]) == nil)
    }

    /// A value slot holding no value is asked for a misread one only where
    /// one may open (`mayOpenMisreadValue`): no cell that reads as a value
    /// with letters for digits, or as two values cut by a rule read as a
    /// mark, is passed over; label text (本年新收, 总计) is.
    @Test func aCellThatMayHoldAMisreadValueIsAlwaysAsked() throws {
        let rules = pipeline.tables.rules
        let matcher = TemplateMatcher(rules: rules)
        let text = "1O O l5 Sl 43“116 3”2 B 1.属于国家秘密 本年新收 总计 +1 - 减12 ol"
        let stream = CellStream([SourceLine(number: 1, text: text)], opensAfterDigit: rules.hanPrefixes)
        var misread: [String] = [], passedOver: [String] = []
        var i = 0
        while i < stream.count {
            let end = stream.tokenEnd(from: i)
            let token = String(String.UnicodeScalarView(stream.scalars[i..<end]))
            if rules.valueFromLookalikes(stream.scalars[i..<end]) != nil || matcher.ruleMarkInValue(in: stream, at: i) != nil {
                misread.append(token)
                #expect(matcher.mayOpenMisreadValue(in: stream, at: i), "\(token) reads as a misread value")
            }
            if !matcher.mayOpenMisreadValue(in: stream, at: i) { passedOver.append(token) }
            i = end
        }
        #expect(misread == ["1O", "O", "l5", "43“116", "3”2", "B"])
        #expect(passedOver == ["本年新收", "总计"])
    }
}

/// The table readings taken to their fixpoint (TableFixpoint.swift): the
/// output, read back the way a second run reads it, holds the same tables in
/// the same places.
@Suite struct TableFixpointTests {
    /// Table 一 whose last header is followed by stray prose: the matcher
    /// stops before that text, so 行政事业性收费 is restored without a value
    /// and the 6 after the text stays prose. The output holds the clean grid
    /// and no stray text, and a second run reads the 6 into the row. The
    /// first run reads its output back and keeps that reading.
    static let valueAfterStrayText = """
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 本年制发件数 本年废止件数 现行有效件数
        规章 0 0 0
        行政规范性文件 2 0 5
        第二十条第（五）项
        信息内容 本年处理决定数量
        行政许可 3
        第二十条第（六）项
        信息内容 本年处理决定数量
        行政处罚 4
        行政强制 0
        第二十条第（八）项不断提升服务能力
        6
        三、收到和处理政府信息公开申请情况

        """

    @Test func aValueAfterARowWithoutValuesFillsItInTheFirstRun() throws {
        let once = try canonical(Array(Self.valueAfterStrayText.utf8))
        #expect(once.contains("行政事业性收费\t6\t\t\n\n三、"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// The settled table is traced as `tables.settle` at the first run's line
    /// numbers, and what was found matching the table it replaced (the row
    /// without its value) is withdrawn.
    @Test func theSettledTableIsTracedAndTheReplacedFindingsWithdrawn() throws {
        let doc = try document(Self.valueAfterStrayText, tracing: true)
        let settle = try #require(doc.trace.first { $0.rule == "tables.settle" })
        #expect(settle.line == 2)
        #expect(settle.after.hasSuffix("行政事业性收费\t6\t\t"))
        #expect(doc.diagnostics.contains { $0.rule == "tables.settle" && $0.line == 2 })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" })
        #expect(doc.blocks.first { if case .table = $0.kind { true } else { false } }?.lines == 2...14)
    }

    /// An anchor line before a damaged copy of itself: from the first line
    /// the damaged header does not match, so the table opens at the second
    /// and the first stays prose. Read back, that prose line leads into a
    /// clean header and opens the table; the first run keeps that reading.
    @Test func anAnchorLineLeftAsProseIsReadIntoTheTableInTheFirstRun() throws {
        let text = "第二十条第（一）项\n第二十条第（一）项年废止件数现行有效件数规章 0 0 0\n行政规范0 0 0\n第二十条第（五）项年处理决定数量行政许可0\n"
        let once = try canonical(Array(text.utf8))
        #expect(once.hasPrefix("第二十条第（一）项\t\t\t\n"))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// A table that reads back as itself is left as it is: no settle step.
    @Test func aCleanTableIsAlreadyAFixpoint() throws {
        let doc = try document(applicationsTable(), tracing: true)
        #expect(doc.tables.count == 1)
        #expect(!doc.trace.contains { $0.rule == "tables.settle" })
    }
}

/// pdftotext -layout on a Chromium-printed PDF: a row's number and first
/// value set on other baselines than the rest of the row.
@Suite struct LayoutRowTests {
    func values(_ doc: Document, _ label: String) -> [String] {
        doc.tables.first?.records.filter { $0.row.last == label }.map(\.value) ?? []
    }

    @Test func aRowNumberAfterTheLabelsFirstLineOpensIt() throws {
        var text = applicationsTable { $0 == "not-handled-5" ? [3, 0, 0, 0, 0, 0, 3] : [0, 0, 0, 0, 0, 0, 0] }
        text = text.replacingFirst("5.要求行政机关确认或重新出具已获取信息 3 0 0 0 0 0 3\n",
                                   with: "      要求行政机  5.\n     关确认或重新 3\n     出具已获取信      0 0 0 0 0 3\n        息\n")
        #expect(text.contains("要求行政机  5.\n"), "the layout was built")
        let doc = try document(text, tracing: true)
        #expect(values(doc, "5.要求行政机关确认或重新出具已获取信息") == ["3", "0", "0", "0", "0", "0", "3"])
        #expect(doc.trace.contains { $0.rule == "tables.row-number" && $0.before == "要求行政机5." && $0.after == "5.要求行政机" })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.stray-text" || $0.rule == "structure.missing-value" })
    }

    @Test func aRowNumberOnTheLineBelowOpensTheLabel() throws {
        // Stage 2's lines.displaced-run, inside a table: 3. stands under 危.
        var text = applicationsTable { $0 == "withheld-3" ? [4, 0, 0, 0, 0, 0, 4] : [0, 0, 0, 0, 0, 0, 0] }
        text = text.replacingFirst("3.危及“三安全一稳定” 4 0 0 0 0 0 4\n",
                                   with: "               危及“三安全 4\n                3.\n                 一稳定”    0 0 0 0 0 4\n")
        #expect(text.contains("\n                3.\n"), "the layout was built")
        let doc = try document(text, tracing: true)
        #expect(values(doc, "3.危及“三安全一稳定”") == ["4", "0", "0", "0", "0", "0", "4"])
        #expect(doc.trace.contains { $0.rule == "lines.displaced-run" })
    }

    @Test func aRowsValuesSplitByTheNextRowsLabelLineAreReadTogether() throws {
        var text = applicationsTable { id in
            id == "not-handled-3" ? [1, 0, 0, 0, 0, 0, 1] : id == "not-handled-4" ? [2, 0, 0, 0, 0, 0, 2] : [0, 0, 0, 0, 0, 0, 0]
        }
        text = text.replacingFirst("（五）不予处理 1.信访举报投诉类申请", with: "1.信访举报投诉类申请")
        text = text.replacingFirst("3.要求提供公开出版物 1 0 0 0 0 0 1\n4.无正当理由大量反复申请 2 0 0 0 0 0 2\n",
                                   with: "3.要求提供公\n开出版物 1\n（五）不予 4.无正当理由\n            0 0 0 0 0 1\n\n处理 大量反复申请 2 0 0 0 0 0 2\n")
        #expect(text.contains("（五）不予 4.无正当理由\n"), "the layout was built")
        let doc = try document(text, tracing: true)
        #expect(values(doc, "3.要求提供公开出版物") == ["1", "0", "0", "0", "0", "0", "1"])
        #expect(values(doc, "4.无正当理由大量反复申请") == ["2", "0", "0", "0", "0", "0", "2"])
        #expect(doc.trace.contains { $0.rule == "tables.split-row" && $0.before == "（五）不予4.无正当理由⏎0 0 0 0 0 1" })
    }

    @Test func aRowNumberOnALineOfItsOwnUnderTheLabelsFirstLineOpensIt() throws {
        // At a page top: the label's first line (with the first value on its
        // baseline), the number alone, the label's end with the other values.
        var text = applicationsTable { $0 == "withheld-8" ? [5, 1, 0, 0, 0, 1, 7] : [0, 0, 0, 0, 0, 0, 0] }
        text = text.replacingFirst("8.属于行政查询事项 5 1 0 0 0 1 7\n",
                                   with: "\n                -3-\n                属于行政查 5\n                    8.\n                 询事项       1   0   0   0   1   7\n\n")
        #expect(text.contains("\n                    8.\n"), "the layout was built")
        let doc = try document(text, tracing: true)
        #expect(values(doc, "8.属于行政查询事项") == ["5", "1", "0", "0", "0", "1", "7"])
        #expect(doc.trace.contains { $0.rule == "tables.row-number" && $0.before == "属于行政查5⏎8." && $0.after == "8.属于行政查5" })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.stray-text" || $0.rule == "structure.missing-value" })
    }

    @Test func aRowNumberStageTwoCouldNotPlaceIsPlacedByTheTable() throws {
        var text = applicationsTable { $0 == "unavailable-1" ? [4, 1, 0, 0, 0, 0, 5] : [0, 0, 0, 0, 0, 0, 0] }
        text = text.replacingFirst("1.本机关不掌握相关政府信息 4 1 0 0 0 0 5\n",
                                   with: "\n                -3-\n                本机关不掌\n                    1.\n              握相关政府信 4                 1       0       0           0       0   5\n                  息\n")
        let doc = try document(text, tracing: true)
        #expect(values(doc, "1.本机关不掌握相关政府信息") == ["4", "1", "0", "0", "0", "0", "5"])
        // Stage 2 could not tell where 1. belongs in the line above (reported);
        // the table's reading did, so that finding is taken back.
        #expect(doc.trace.contains { $0.rule == "tables.row-number" && $0.before == "本机关不掌⏎1." })
        #expect(!doc.diagnostics.contains { $0.rule == "lines.displaced-run" })
    }

    @Test func aRowNumberAfterALabelThatOpensItsValuesOpensIt() throws {
        var text = applicationsTable { $0 == "other-3" ? [2, 0, 0, 0, 1, 0, 3] : [0, 0, 0, 0, 0, 0, 0] }
        text = text.replacingFirst("3.其他 2 0 0 0 1 0 3\n", with: "                     其他  3.         2   0       0       0           1       0 3\n")
        let doc = try document(text, tracing: true)
        #expect(values(doc, "3.其他") == ["2", "0", "0", "0", "1", "0", "3"])
        #expect(doc.trace.contains { $0.rule == "tables.row-number" && $0.after == "3.其他 2 0 0 0 1 0 3" })
    }

    @Test func aRowNumberLineOpensOnlyALabelThatStartsARow() {
        func moved(_ texts: [String]) -> [Int] {
            let lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
            let found = CellStream.rowNumberLinesBelowLabels(lines, numberedLabels: pipeline.tables.rules.numberedLabels)
            // Told which lines open with a digit (as CellStream is), the same.
            #expect(CellStream.rowNumberLinesBelowLabels(lines, numberedLabels: pipeline.tables.rules.numberedLabels,
                                                         digitFirst: digitFirst(lines)) == found)
            return found
        }
        #expect(moved(["", "本机关不掌", "1.", "握相关政府信4 1 0 0 0 0 5"]) == [2])
        #expect(moved(["重复申请2. 0 0 0 0 0 0 0", "要求提供公", "3.", "开出版物 0 0 0 0 0 0 0"]) == [2])
        #expect(moved(["属于行政查 5", "8.", "询事项 1 0 0 0 1 7"]) == [1])
        // The line above ends the row before (its label's last line), which opens no label.
        #expect(moved(["提供息需要另行制2 0 0 0 0 0 2", "作", "3.", "补正后申请内容仍不明确1 0 0 0 0 0 1"]) == [])
        #expect(moved(["", "本机关不掌", "2."]) == [])   // 2.本机关不掌… is no label
        #expect(moved(["", "（七）总计", "1."]) == [])   // a numbered label opens the line
        #expect(moved(["", "本机关不掌", "1. 2"]) == [])
        #expect(moved(["", "3.其他", "3."]) == [])
        // With values after it, the number goes before a whole label only.
        #expect(moved(["", "重复申请0", "2. 0 0 0 0 0 0"]) == [2])
        #expect(moved(["", "重复申", "2. 0 0 0 0 0 0"]) == [])
        #expect(moved(["", "重复申请0", "3. 0 0 0 0 0 0"]) == [])
    }

    @Test func aRowNumberWithValuesUnderAWholeLabelOpensIt() throws {
        // At a page top (Chromium pdftotext -layout): the label with the first
        // value on its baseline, then the number with the other values.
        var text = applicationsTable { $0 == "not-handled-2" ? [3, 1, 0, 0, 0, 2, 6] : [0, 0, 0, 0, 0, 0, 0] }
        text = text.replacingFirst("2.重复申请 3 1 0 0 0 2 6\n",
                                   with: "\n                -3-\n                     重复申请 3\n                          2.                 1       0       0           0       2   6\n")
        #expect(text.contains("\n                          2.  "), "the layout was built")
        let doc = try document(text, tracing: true)
        #expect(values(doc, "2.重复申请") == ["3", "1", "0", "0", "0", "2", "6"])
        #expect(doc.trace.contains { $0.rule == "tables.row-number" && $0.after == "2.重复申请3⏎1 0 0 0 2 6" })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.stray-text" || $0.rule == "structure.missing-value" })
    }

    @Test func rowNumberFirstTakesOnlyANumberGluedToLabelText() {
        let numbers = pipeline.tables.rules.rowNumbers
        func moved(_ text: String) -> String? {
            CellStream.rowNumberFirst(text, rowNumbers: numbers).map { String(String.UnicodeScalarView($0)) }
        }
        #expect(moved("申请人无正1.") == "1.申请人无正")
        #expect(moved("危及“三安全3.") == "3.危及“三安全")
        #expect(moved("（五）不予4.无正当理由") == nil)   // the number opens its label already
        #expect(moved("开出版物1") == nil)                 // a value, not a row number
        #expect(moved("合计2 3.") == nil)                  // values on the line
        #expect(moved("其他3. 0 0 1") == "3.其他 0 0 1")    // values after the label
        #expect(moved("其他 3.") == nil)                   // the number is not glued to the label
        #expect(moved("1.5.") == nil)
        #expect(moved("1.") == nil)
    }

    /// The split-row search's byte test of a line's last token: ASCII
    /// digits only, after the last space (a number glued to label text, a
    /// decimal, a unit are asked of `isValue` as before).
    @Test func lastTokenOfASCIIDigitsIsToldOnTheBytes() {
        #expect(SplitRows.lastTokenIsASCIIDigits("0 0 1") == true)
        #expect(SplitRows.lastTokenIsASCIIDigits("12  ") == true)
        #expect(SplitRows.lastTokenIsASCIIDigits("7") == true)
        #expect(SplitRows.lastTokenIsASCIIDigits("开出版物1") == false)
        #expect(SplitRows.lastTokenIsASCIIDigits("合计 1.5") == false)
        #expect(SplitRows.lastTokenIsASCIIDigits("0 12万元") == false)
        #expect(SplitRows.lastTokenIsASCIIDigits("a12") == false)
        #expect(SplitRows.lastTokenIsASCIIDigits("1\t2") == false)
        #expect(SplitRows.lastTokenIsASCIIDigits("   ") == false)
        #expect(SplitRows.lastTokenIsASCIIDigits("") == false)
    }

    @Test func splitRowsNeedTheValuesToMakeUpTheNextRow() {
        func splits(_ texts: [String]) -> [Int] {
            let lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
            let found = SplitRows.labelLinesBeforeValues(lines, isValue: pipeline.tables.rules.isValue)
            // Told which lines open with a digit (as CellStream is), the same.
            #expect(SplitRows.labelLinesBeforeValues(lines, isValue: pipeline.tables.rules.isValue, digitFirst: digitFirst(lines)) == found)
            // Told that numbers are values (as CellStream is), the same.
            #expect(pipeline.tables.rules.valueGrammar.plainDigitsAreValues)
            #expect(SplitRows.labelLinesBeforeValues(lines, isValue: pipeline.tables.rules.isValue, digitFirst: digitFirst(lines),
                                                     digitsAreValues: true) == found)
            // Told the scalars values end with (as CellStream is), the same.
            #expect(SplitRows.labelLinesBeforeValues(lines, isValue: pipeline.tables.rules.isValue, digitFirst: digitFirst(lines),
                                                     digitsAreValues: true,
                                                     valueEnders: pipeline.tables.rules.valueGrammar.valueEnders) == found)
            return found
        }
        // 1 + 6 values make the next row's 7.
        #expect(splits(["开出版物1", "（五）不予4.无正当理由", "0 0 0 0 0 1", "", "处理大量反复申请0 0 0 0 0 0 0"]) == [1])
        // A complete row above: the values are the label's own (centred on it).
        #expect(splits(["开出版物1 0 0 0 0 0 1", "4.无正当理由", "0 0 0 0 0 0 0", "大量反复申请", "5.要求0 0 0 0 0 0 0"]) == [])
        // Values that would not make up a row.
        #expect(splits(["开出版物1", "4.无正当理由", "0 0 0 0 1", "大量反复申请0 0 0 0 0 0 0"]) == [])
        // The label's own tail and values on one line: nothing to move.
        #expect(splits(["关确认或重新0", "出具已获取信0 0 0 0 0 0", "息", "（六）其他处理1 0 0 0 0 0 1"]) == [])
    }
}

/// Table 二 (2019) as Tesseract lays it out: one line a row, `规范性文件`'s
/// values as given.
func activeDisclosureTable(regulations: String) -> String {
    ["二、主动公开政府信息情况",
     "第二十条第（一）项", "信息内容 本年新制作数量 本年新公开数量 对外公开总数量",
     "规章 0 0 0", "规范性文件 \(regulations)",
     "第二十条第（五）项", "信息内容 上一年项目数量 本年增/减 处理决定数量",
     "行政许可 0 0 0", "其他对外管理服务事项 12 -2 286432",
     "第二十条第（六）项", "信息内容 上一年项目数量 本年增/减 处理决定数量",
     "行政处罚 0 9 4", "行政强制 2 0 5",
     "第二十条第（八）项", "信息内容 上一年项目数量 本年增/减", "行政事业性收费 0 0",
     "第二十条第（九）项", "信息内容 采购项目数量 采购总金额", "政府集中采购 6 186.3万元",
     "三、收到和处理政府信息公开申请情况"].joined(separator: "\n") + "\n"
}

@Suite struct TableBoundTests {
    /// Tesseract read 21 as 2 (xilan-gjj-2020): table 二 has no sum to
    /// break, but fewer published in all than this year is impossible.
    @Test func aTotalBelowThisYearsPartIsFlaggedOnItsRow() throws {
        let doc = try document(activeDisclosureTable(regulations: "3 3 2"))
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        let bound = try #require(doc.diagnostics.first { $0.rule == "structure.bound" })
        #expect(bound.kind == .arithmetic && bound.line == 5)
        #expect(bound.message.contains("第二十条第（一）项/规范性文件: 3 > 2"))
        #expect(bound.cells == DiagnosticCells(table: "2019-active-disclosure", row: ["第二十条第（一）项", "规范性文件"], column: ["对外公开总数量"]))
        // 3 made this year is above 2 as well (active.made-within-total): each bound once.
        #expect(doc.diagnostics.filter { $0.rule == "structure.bound" }.map { $0.message.contains("active.published-within-total") } == [true, false])
    }

    /// The bound names its rows: 本年增/减 above 处理决定数量 (行政处罚 9
    /// and 4, the same slots) is no failure, nor is a total at least the part.
    @Test func theBoundHoldsOnlyOnItsRows() throws {
        let doc = try document(activeDisclosureTable(regulations: "3 3 21"))
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(doc.tables[0].records.contains { $0.row.last == "行政处罚" && $0.column == ["本年增/减"] && $0.value == "9" })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.bound" })
        #expect(doc.tables[0].checks.isEmpty)
    }

    /// 上一年项目数量 + 本年增/减 ≥ 0 (`active.items-not-below-zero`): a
    /// change written with a Han sign counts with it, as one written with
    /// - does (2 减3 leaves fewer than no items: a misread, or a value in
    /// another's place).
    @Test(arguments: ["减3", "-3"])
    func aChangeBelowLastYearsItemsIsFlaggedWhateverItsSign(_ change: String) throws {
        let text = activeDisclosureTable(regulations: "3 3 21").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0 == "行政强制 2 0 5" ? "行政强制 2 \(change) 5" : String($0) }.joined(separator: "\n")
        let doc = try document(text)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(doc.tables[0].records.contains { $0.row.last == "行政强制" && $0.column == ["本年增/减"] && $0.value == change })
        let bound = try #require(doc.diagnostics.first { $0.rule == "structure.bound" })
        #expect(bound.message.contains("active.items-not-below-zero fails in row 第二十条第（六）项/行政强制: 0 > -1"))
        #expect(bound.cells == DiagnosticCells(table: "2019-active-disclosure", row: ["第二十条第（六）项", "行政强制"]))
        #expect(doc.diagnostics.filter { $0.rule == "structure.bound" }.count == 1)
    }
}
