import Testing
@testable import DocNorm

/// `tables.debris`: table 三 as pdfminer returns it from a Chromium PDF —
/// header cells a glyph per line, every header in a box of its own before
/// any value, the numbers in boxes ordered by nearness — is its grid with
/// every value cell empty and reported, not scattered text; a stretch with
/// a number lost or with prose in it stays text.
@Suite struct TableDebrisTests {
    /// Every header in a box of its own, a glyph per line, rows 一 and 二
    /// of a few columns in boxes after them (其他 and 总计 on one baseline):
    /// with `HeaderRunTests.scattered`, the table's 175 numbers.
    static let headers = ["自", "然", "人", "", "31", "2", "", "商业", "企业", "", "2", "0", "",
                          "申请人情况", "法人或其他组织", "社会公益", "组织", "", "科研", "机构", "", "法律服务", "机构", "",
                          "0", "0", "", "0", "0", "", "3", "0", "", "总", "计", "", "其", "他", "", "0 36", "2", ""]

    static func applications(_ doc: Document) -> Table? {
        doc.tables.first { $0.templateID == "2021-applications" }
    }

    @Test func scatteredTableIsItsGridWithEveryCellReported() throws {
        let text = HeaderRunTests.text(headers: Self.headers)
        let doc = try document(text)
        let table = try #require(Self.applications(doc))
        #expect(table.records.isEmpty)
        #expect(doc.diagnostics.contains { $0.rule == "tables.debris" && $0.kind == .repair })
        #expect(doc.diagnostics.contains { $0.rule == "tables.debris" && $0.kind == .suspicion && $0.message.contains("dropped") })
        #expect(!doc.diagnostics.contains { $0.rule == "tables.unplaced" })
        // Every data row is reported empty, so no cell is silently wrong.
        for label in ["一、本年新收政府信息公开申请数量", "（七）总计", "四、结转下年度继续办理"] {
            #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == label }, "\(label)")
        }
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("\n一、本年新收政府信息公开申请数量\t\t\t\t\t\t\t\t\t\n二、上年结转政府信息公开申请数量\t"))
        #expect(!once.contains("\n0 36\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        // Read back, the empty grid is the same table, its cells reported again.
        let again = try document(once)
        #expect(Self.applications(again) != nil)
        #expect(again.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.row?.last == "（七）总计" })
    }

    /// One number fewer than the cells: a cell was lost, so what stands there
    /// may not be this table's numbers at all: left as text.
    @Test func aLostNumberLeavesText() throws {
        var lines = HeaderRunTests.text(headers: Self.headers).split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: try #require(lines.lastIndex(of: "36")))
        let doc = try document(lines.joined(separator: "\n"))
        #expect(Self.applications(doc) == nil)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.debris" })
    }

    /// A line that is not a piece of the template's labels (a sentence cut
    /// without its full stop) keeps the stretch text.
    @Test func otherTextLeavesText() throws {
        let headers = Self.headers + ["本机关全年共收到各类申请", ""]
        let doc = try document(HeaderRunTests.text(headers: headers))
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.message.contains("of the 175 numbers") })
        #expect(Self.applications(doc) == nil)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.debris" })
    }

    /// Table 四 as pdfminer returns it from a Chromium PDF: the headers
    /// boxed apart, a glyph pair per line; 未经复议直接起诉's 总计 and the
    /// 复议后起诉 columns under their headers' boxes, the rest after all the
    /// headers. No reading order holds: its grid, its cells reported.
    @Test func tableFourScatteredIsItsGrid() throws {
        let table = ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "", "行政诉讼", "", "未经复议直接起诉", "",
                     "复议后起诉", "", "总", "计", "", "7", "", "结果", "维持", "", "结果", "纠正", "", "其他", "结果", "",
                     "尚未", "审结", "", "2", "", "0", "", "0", "", "1", "", "总", "计", "", "3", "",
                     "结果", "维持", "", "结果", "纠正", "", "其他", "结果", "", "尚未", "审结", "", "总", "计", "",
                     "结果", "维持", "", "结果", "纠正", "", "其他", "结果", "", "尚未", "审结", "",
                     "5", "", "1", "", "1", "", "0", "", "7", "", "4", "", "0", "", "2", "", "1", "",
                     "五、存在的主要问题及改进情况", "", "一是部分单位对政务公开工作的认识还不到位。", ""]
        let text = HeaderRunTests.activeDisclosure + table.joined(separator: "\n")
        let doc = try document(text)
        let review = try #require(doc.tables.first { $0.templateID == "2021-review-litigation" })
        #expect(review.records.isEmpty)
        #expect(doc.diagnostics.contains { $0.rule == "tables.debris" && $0.kind == .repair })
        // Its one row's values are reported missing, naming the table's cells;
        // the row, unnamed and empty, is not written, so the grid reads back
        // as itself (no tables.settle, no line of TABs left as text).
        #expect(doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.cells?.table == "2021-review-litigation" })
        #expect(!doc.diagnostics.contains { $0.rule == "tables.settle" })
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t"))
        #expect(once.contains("\n五、存在的主要问题及改进情况\n\n一是部分单位"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(!once.contains("\n\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n"))
    }

    /// Table 四 as pdfminer prints a Chromium PDF's (the layout of
    /// `tableFourScatteredIsItsGrid`), `numbers` its 15 numbers in the
    /// text's order: 未经复议直接起诉's 总计 under its header, 复议后起诉's
    /// columns, then the nine columns left of them after all their headers.
    static func tableFour(_ numbers: [String]) -> String {
        precondition(numbers.count == 15)
        let four = ["结果", "维持", "", "结果", "纠正", "", "其他", "结果", "", "尚未", "审结", ""]
        var lines = ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "", "行政诉讼", "", "未经复议直接起诉", "",
                     "复议后起诉", "", "总", "计", "", numbers[0], ""] + four
        for n in numbers[1...4] { lines += [n, ""] }
        lines += ["总", "计", "", numbers[5], ""] + four + ["总", "计", ""] + four
        for n in numbers[6...] { lines += [n, ""] }
        lines += ["五、存在的主要问题及改进情况", "", "一是部分单位对政务公开工作的认识还不到位。", ""]
        return HeaderRunTests.activeDisclosure + lines.joined(separator: "\n")
    }

    /// `tables.rotated-row`: the row 复议 1 0 0 0 1, 直诉 0 0 0 1 1, 复议后
    /// 0 0 0 0 0 read from 直诉's 总计 on. Three rotations hold (one per
    /// group the row may start at); the cells alike in all three, 结果纠正
    /// and 其他结果 of each group, are placed, the other nine left empty and
    /// reported, their numbers reported dropped. Read back, the same table.
    @Test func rotatedRowPlacesTheCellsEveryRotationReadsAlike() throws {
        let text = Self.tableFour(["1", "0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "1"])
        let doc = try document(text)
        let review = try #require(doc.tables.first { $0.templateID == "2021-review-litigation" })
        let placed = Dictionary(uniqueKeysWithValues: review.records.map { ($0.column.joined(separator: "/"), $0.value) })
        #expect(placed == ["行政复议/结果纠正": "0", "行政复议/其他结果": "0",
                           "行政诉讼/未经复议直接起诉/结果纠正": "0", "行政诉讼/未经复议直接起诉/其他结果": "0",
                           "行政诉讼/复议后起诉/结果纠正": "0", "行政诉讼/复议后起诉/其他结果": "0"])
        #expect(doc.diagnostics.contains { $0.rule == "tables.rotated-row" && $0.kind == .repair && $0.message.contains("3 rotations") })
        #expect(!doc.diagnostics.contains { $0.rule == "tables.debris" })
        let missing = doc.diagnostics.filter { $0.rule == "structure.missing-value" && $0.cells?.table == "2021-review-litigation" }
        #expect(missing.count == 9)
        #expect(missing.contains { $0.cells?.column == ["行政复议", "总计"] })
        let dropped = try #require(doc.diagnostics.first { $0.rule == "tables.rotated-row" && $0.kind == .suspicion })
        #expect(dropped.message.contains("number(s) 1 1 0 0 1 0 0 0 1 near table 2021-review-litigation"))
        let once = try canonical(Array(text.utf8))
        #expect(once.contains("\n\t0\t0\t\t\t\t0\t0\t\t\t\t0\t0\t\t\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        let again = try document(once)
        let back = try #require(again.tables.first { $0.templateID == "2021-review-litigation" })
        #expect(back.records.count == 6)
        #expect(again.diagnostics.filter { $0.rule == "structure.missing-value" && $0.cells?.table == "2021-review-litigation" }.count == 9)
    }

    /// The rotations of a one-row table that hold: none of the numbers read
    /// in their own order, three by whole groups; a slot where two differ is nil.
    @Test func rotatedRowKeepsOnlyWhatEveryHoldingRotationReads() throws {
        let template = try #require(pipeline.tables.rules.templates.first { $0.id == "2021-review-litigation" })
        let row = try #require(template.rows.firstIndex { !$0.isHeader })
        let relations = TemplateRelations(template, dataRows: [row])
        func tokens(_ values: [Int]) -> [ReadingOrderRecovery.Token] {
            values.enumerated().map { .init(text: String($1), number: Double($1), line: $0, lineIndex: $0, afterText: false, afterBlank: true) }
        }
        let alike = try #require(TableDebris.rotatedRow(tokens([7, 2, 0, 0, 1, 3, 5, 1, 1, 0, 7, 4, 0, 2, 1]), relations: relations))
        #expect(alike.holding == 3)
        #expect(alike.cells.allSatisfy { $0 == nil })
        let zeros = try #require(TableDebris.rotatedRow(tokens([0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]), relations: relations))
        #expect(zeros.holding == 3)
        #expect(zeros.cells.compactMap { $0 }.count == 9)
        #expect(zeros.cells[0] == nil && zeros.cells[4] == nil && zeros.cells[1] == "0")
        #expect(TableDebris.rotatedRow(tokens([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]), relations: relations) == nil)
    }

    /// The indexed search (`LabelPieces`: each scalar's places, most left
    /// first, until none could be longer) finds at every position the
    /// longest piece that comparing with every label's every place finds,
    /// on the real templates' labels and on text cut across them.
    @Test func longestLabelPieceIsTheLongestOfAllPlaces() {
        func everyPlace(_ text: [Unicode.Scalar], _ p: Int, _ labels: [[Unicode.Scalar]]) -> Int {
            var longest = 0
            for label in labels {
                for at in label.indices where label[at] == text[p] {
                    var n = 1
                    while p + n < text.count, at + n < label.count, label[at + n] == text[p + n] { n += 1 }
                    longest = max(longest, n)
                }
            }
            return longest
        }
        let debris = pipeline.tables.debris
        var checked = 0
        for (_, pieces) in debris.labels.sorted(by: { $0.key < $1.key }) {
            let texts = pieces.labels.map { String(String.UnicodeScalarView($0)) }
            // Labels run together, cut inside, and with text no label has.
            let samples = [texts.joined(), texts.reversed().joined(separator: "。"), texts.map { String($0.dropFirst()) }.joined(), "本机关总计其他3.补正"]
            for sample in samples {
                let text = Array(sample.unicodeScalars)
                for p in text.indices {
                    #expect(TableDebris.longestLabelPiece(text, at: p, labels: pieces) == everyPlace(text, p, pieces.labels), "\(sample) at \(p)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    @Test func labelPieces() {
        let labels = ["总计", "其他", "自然人", "3.补正后申请内容仍不明确"].map { Array($0.unicodeScalars) }
        func pieces(_ s: String) -> Bool { TableDebris.isLabelPieces(Array(s.unicodeScalars), labels: labels) }
        #expect(pieces("总计其他"))
        #expect(pieces("然"))
        #expect(pieces("内容仍不明确"))
        #expect(pieces("3.补正后申请"))
        #expect(!pieces("本机关"))
        #expect(!pieces("总计。"))
    }
}
