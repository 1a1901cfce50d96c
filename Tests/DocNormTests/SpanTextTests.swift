import Testing
@testable import DocNorm

/// `tables.span-text`: a line inside the span a table's grid replaces that
/// holds characters none of its labels has is no cell. Running text (a
/// footnote's first line, which no full stop ends, so the stretch runs on
/// over it) is written after the table; any other such line is reported
/// with its text. Nothing a table takes in leaves the output unsaid.
@Suite struct SpanTextTests {
    /// The headers' boxes of `HeaderRunTests.rowsUnderTheHeadersBoxesArePlaced`.
    static let headers = ["自", "然", "人", "31", "2", "8", "", "商业", "企业", "2", "0", "0", "",
                          "申请人情况", "法人或其他组织", "社会公益", "组织", "0", "0", "0", "", "科研", "机构", "0", "0", "0", "",
                          "法律服务", "机构", "3", "0", "1", "", "总", "计", "", "其", "他", "0 36", "2", "0", "0", "9", ""]

    /// pdfminer's table 三 with `after` between its last box and the next section.
    static func text(after: [String]) -> String {
        let table = ["三、收到和处理政府信息公开申请情况", "", "（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）", ""]
            + HeaderRunTests.rowLabels + headers + HeaderRunTests.scattered + after
            + ["四、政府信息公开行政复议、行政诉讼情况", "", "本年度无行政复议和行政诉讼。", ""]
        return HeaderRunTests.activeDisclosure + table.joined(separator: "\n")
    }

    static let note = ["注：申请人情况按申请人提出申请时的身份统计，同一申", "", "请人提出多项内容的按件分别统计。", ""]

    /// The note's first line ends no sentence, so the table's stretch runs
    /// on over it to the full stop of its second: it is the note's, written
    /// after the table, not lost with the table's lines.
    @Test func aFootnotesFirstLineInTheSpanIsWrittenAfterTheTable() throws {
        let text = Self.text(after: Self.note)
        let doc = try document(text, tracing: true)
        #expect(HeaderRunTests.value(doc, "一、本年新收政府信息公开申请数量", "总计") == "36")
        #expect(doc.diagnostics.contains { $0.rule == "tables.header-runs" && $0.kind == .repair })
        #expect(doc.diagnostics.contains { $0.rule == "tables.span-text" && $0.kind == .repair && $0.message.contains("注：申请人情况") })
        let output = TextRenderer.render(doc)
        let lines = output.split(separator: "\n")
        let table = try #require(lines.firstIndex { $0.hasPrefix("四、结转下年度继续办理") })
        let note = try #require(lines.firstIndex { $0.hasPrefix("注：申请人情况按申请人提出申请时的身份统计，同一申") })
        #expect(table < note)
        #expect(output.contains("请人提出多项内容的按件分别统计。"))
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// A reading order may find a table's numbers in the zeros that end
    /// sentences (…诉讼结果尚未审结总计0 0 0): those lines are running text,
    /// written after the grid whole, numbers and all, and every read-back
    /// read the table once more from them (fuzz item 42: five grids, five
    /// more on a second run). Values on running text are the prose's: no
    /// table is read there, and the report says so.
    @Test func valuesOnRunningTextAreNoReadingOfTheTable() throws {
        let sentence = "（一）主动公开政府信息情况。为保证政府信息公开工作的规范有序，诉讼结果尚未审结总计0 0 0 0 0 0 0 0 0"
        let text = ["行政复议行政诉讼公开水平。现将2024年政府信息公开工作情况报告如下：", sentence, sentence].joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(doc.tables.isEmpty)
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .suspicion && $0.message.contains("running text") })
        #expect(TextRenderer.render(doc).components(separatedBy: sentence).count == 3)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// A line of other characters without running text (a caption, a
    /// misread label) stands in the grid's place and is reported, its text said.
    @Test func otherTextInTheSpanIsReportedWithItsText() throws {
        let text = Self.text(after: ["附表甲乙丙", ""])
        let doc = try document(text)
        #expect(doc.diagnostics.contains { $0.rule == "tables.header-runs" && $0.kind == .repair })
        #expect(doc.diagnostics.contains { $0.rule == "tables.span-text" && $0.kind == .suspicion && $0.message.contains("附表甲乙丙") })
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// Running text shares most of its characters with the labels: only
    /// what stands outside label pieces of two or more counts, and a label
    /// with one misread character is none.
    @Test func runningTextIsMoreThanALabelPiece() {
        let spans = pipeline.tables.spanText
        let labels = spans.labels["2019-applications"]!
        #expect(spans.isRunningText(Array("注：申请人情况按申请人提出申请时的身份统计，同一申".unicodeScalars), labels: labels))
        #expect(!spans.isRunningText(Array("（二）部分公开（区分处理的，只汁这一情形，不计其他情形）".unicodeScalars), labels: labels))
        #expect(!spans.isRunningText(Array("（本列数据的勾稽关系为：第一项加第二项".unicodeScalars), labels: labels))
        #expect(!spans.isRunningText(Array("单位：件".unicodeScalars), labels: labels))
    }

    /// `holds`, the test every line of a span takes, reads the UTF-8 as the
    /// scalars read: a Han character no label has, wherever it stands
    /// (after ASCII, two- and four-byte scalars), and nothing else.
    @Test func aLinesForeignHanIsFoundInItsUTF8AsInItsScalars() throws {
        let spans = pipeline.tables.spanText
        let foreign = try #require(spans.foreignHan["2019-applications"])
        let known = spans.labelScalars["2019-applications"]!
        for text in ["申请人情况", "0 36\t2", "注：申请人情况", "申请人情况甲", "é中 0", "3\u{20000}", "0 36 附表", "", "自然人\t商业企业"] {
            let scalars = text.unicodeScalars.contains { $0.properties.isIdeographic && !known.contains($0) }
            #expect(SpanText.holds(foreign, in: text) == scalars, "\(text.debugDescription)")
        }
        #expect(SpanText.holds(foreign, in: "申请人情况甲"))
        #expect(!SpanText.holds(foreign, in: "申请人情况\t0 36"))
    }

    /// `holds` steps over ASCII bytes without looking them up, which holds
    /// only while no foreign Han set has an ASCII member: none of the
    /// built-in templates' has, and a line's foreign Han is found after any
    /// run of ASCII (digits, spaces, TABs, |), between two- and four-byte
    /// scalars, at its first and last byte, as its scalars read.
    @Test func foreignHanSetsHoldNoASCIIAndItsSkipFindsWhatTheScalarsFind() throws {
        let spans = pipeline.tables.spanText
        #expect(!spans.foreignHan.isEmpty)
        for (id, set) in spans.foreignHan {
            #expect(!(0..<0x80).contains { set.contains(UInt32($0)) }, "\(id)")
        }
        let foreign = try #require(spans.foreignHan["2021-applications"])
        let known = spans.labelScalars["2021-applications"]!
        for text in ["甲", "12 0\t3 | 4 5 6 7 8 9 甲", "é1 2\u{20000}", "1234567890\t", "0 0 0\t自然人", "ab|cd 附", "附 0 0", "ñ 0 ü 1 ß"] {
            let scalars = text.unicodeScalars.contains { $0.properties.isIdeographic && !known.contains($0) }
            #expect(SpanText.holds(foreign, in: text) == scalars, "\(text.debugDescription)")
        }
    }

    /// The guarantee: a table step that takes in a line of characters no
    /// label has and says nothing of it is a violation; said in its result
    /// or in a diagnostic, it is not.
    @Test func aTableStepDroppingTextUnsaidBreaksTheGuarantee() {
        let labels = pipeline.tables.spanText.labelScalars["2021-applications"]!
        let step = TraceStep(stage: .tables, rule: "tables.header-runs", line: 3,
                             before: "申请人情况⏎注：同一申请人按件统计⏎0 36", after: "申请人情况\t自然人")
        #expect(Guarantees.unsaidTableText(trace: [step], diagnostics: [], labelScalars: labels) != nil)
        var kept = step
        kept.after += "⏎注：同一申请人按件统计"
        #expect(Guarantees.unsaidTableText(trace: [kept], diagnostics: [], labelScalars: labels) == nil)
        let said = Diagnostic(stage: .tables, rule: "tables.span-text", kind: .suspicion, message: "… (4: '注：同一申请人按件统计')", line: 4)
        #expect(Guarantees.unsaidTableText(trace: [step], diagnostics: [said], labelScalars: labels) == nil)
        // Label text, however cut, is the table's.
        let labelsOnly = TraceStep(stage: .tables, rule: "tables.header-runs", line: 3, before: "申请人情况⏎法人或其他⏎0 36", after: "")
        #expect(Guarantees.unsaidTableText(trace: [labelsOnly], diagnostics: [], labelScalars: labels) == nil)
    }

    /// Fuzz item 29: a line that opens with a combining mark (U+064E) is
    /// found where it stands, in the step's result after a ⏎ or quoted in a
    /// message: `String.contains` compared characters, and the mark made one
    /// character with the ⏎ or quote before it, so the guarantee named a line
    /// the region had written after the table (`tables.span-text`).
    @Test func aLineOpeningWithACombiningMarkIsFoundWhereItStands() {
        let labels = pipeline.tables.spanText.labelScalars["2021-active-disclosure"]!
        let line = "\u{064E}\u{FFFD}县医疗机关印发有正式文号的公文共3份。"
        let step = TraceStep(stage: .tables, rule: "tables.region", line: 64,
                             before: "第二十条第（一）项⏎\(line)⏎规章⏎0", after: "第二十条第（一）项\t\t\t⏎规章\t0⏎\(line)")
        #expect(Guarantees.unsaidTableText(trace: [step], diagnostics: [], labelScalars: labels) == nil)
        var dropped = step
        dropped.after = "第二十条第（一）项\t\t\t⏎规章\t0"
        #expect(Guarantees.unsaidTableText(trace: [dropped], diagnostics: [], labelScalars: labels) != nil)
        let said = Diagnostic(stage: .tables, rule: "tables.span-text", kind: .suspicion, message: "… (65: '\(line)')", line: 65)
        #expect(Guarantees.unsaidTableText(trace: [dropped], diagnostics: [said], labelScalars: labels) == nil)
    }
}
