import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// `structure.stray-rows` (StrayRows.swift): rows whose labels OCR garbled
/// past reading, their values in the text skipped to reach the next row's
/// label further on. The table is table 三 as Tesseract leaves such rows:
/// the group label centred on them and cut (`(三) 不` ⏎ `予公开`), each
/// label's numbering dot lost and its text misread (`4保沪弟三广` for
/// 4.保护第三方合法权益), the first value run into it, the rest of the label
/// on the next line (`合法杈益`, `部事各信息`), and the numbers of row 二
/// lost.
@Suite struct StrayRowsTests {
    static let rowFour = "4.保护第三方合法权益", rowFive = "5.属于三类内部事务信息"
    static let four = [3, 1, 0, 0, 1, 0, 5], five = [2, 0, 1, 0, 0, 1, 4]

    /// The table with rows 4 and 5 of （三）不予公开 as OCR read them;
    /// `read(four, five)` writes their two value lines.
    static func text(_ read: (String, String) -> (String, String) = { ($0, $1) }) -> String {
        let sum = zip(four, five).map { $0 + $1 }
        let values: (String) -> [Int] = { id in
            switch id {
            case "new", "total": sum
            case "withheld-4": four
            case "withheld-5": five
            default: [0, 0, 0, 0, 0, 0, 0]
            }
        }
        let (fourLine, fiveLine) = read("3  1  0  0  1  0 | 5", "2  0  1  0  0  1 | 4")
        // OCR lost the numbers of another row too (二、上年结转…): with every
        // number of the table kept, stage 3 puts them in table order
        // itself (tables.reading-order) and the rows need no repair.
        return applicationsTable(values: values)
            .replacingFirst("二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0", with: "二、上年结转政府信息公开申请数量")
            .replacingFirst("（三）不予公开 1.属于国家秘密", with: "1.属于国家秘密")
            .replacingFirst("4.保护第三方合法权益 3 1 0 0 1 0 5\n5.属于三类内部事务信息 2 0 1 0 0 1 4\n",
                            with: "(三) 不 4保沪弟三广\(fourLine)\n予公开   合法杈益\n5属于三美内  \(fiveLine)\n部事各信息\n")
    }

    static func values(_ doc: Document, _ row: String) -> [String] {
        doc.tables.filter { $0.templateID == "2021-applications" }.flatMap(\.records).filter { $0.row.last == row }.map(\.value)
    }

    /// Each run follows its row's numbering (4, 5), is seven values and
    /// adds up (3+1+0+0+1+0 = 5, 2+0+1+0+0+1 = 4): placed, traced, a repair
    /// reported. Main left both rows empty and dropped the text with the
    /// values in it as stray.
    @Test func valuesInTheTextSkippedAreTheGarbledRowsWhenTheyAddUp() throws {
        let input = Self.text()
        let doc = try document(input, tracing: true)
        #expect(Self.values(doc, Self.rowFour) == Self.four.map(String.init))
        #expect(Self.values(doc, Self.rowFive) == Self.five.map(String.init))
        #expect(Self.values(doc, "6.属于四类过程性信息") == ["0", "0", "0", "0", "0", "0", "0"])
        #expect(doc.diagnostics.contains { $0.rule == "structure.stray-rows" && $0.kind == .repair })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.missing-value" && $0.message.contains("保护第三方") })
        #expect(!doc.diagnostics.contains { $0.rule == "structure.stray-text" && $0.message.contains("保沪") })
        #expect(doc.trace.filter { $0.rule == "structure.stray-rows" }.map(\.after) == [Self.rowFour, Self.rowFive])
        // The table's sums prove the placement (each row's total, and
        // (七)总计 the sum of the rows above it): the restored labels' flags
        // become repairs (`structure.placement-proven`).
        #expect(doc.diagnostics.contains { $0.rule == "structure.placement-proven" && $0.kind == .repair && $0.message.contains(Self.rowFour) })
        #expect(!doc.diagnostics.contains { $0.kind != .repair && $0.cells?.row?.last == Self.rowFour })
        #expect(!doc.diagnostics.contains { $0.kind == .arithmetic })
        let once = try canonical(Array(input.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// Row 4's numbering lost, its label cut in two round the group label's
    /// last line (`(三) 不|保护第三方` ⏎ `予公开   合法权益3 1 0 0 1 0 | 5`, as
    /// eval tongchuan-scjg-2019's Tesseract text cuts 1.信访举报投诉类申请
    /// round 处理): the label's whole text stands before the run, in order,
    /// so the run is its row's. Main left both rows empty (stray text).
    @Test func labelCutRoundAnotherLineStandsForItsNumbering() throws {
        let input = Self.text().replacingFirst("(三) 不 4保沪弟三广3  1  0  0  1  0 | 5\n予公开   合法杈益\n",
                                               with: "(三) 不|保护第三方\n予公开   合法权益3  1  0  0  1  0 | 5\n")
        #expect(input.contains("合法权益3"))
        let doc = try document(input)
        #expect(Self.values(doc, Self.rowFour) == Self.four.map(String.init))
        #expect(Self.values(doc, Self.rowFive) == Self.five.map(String.init))
        #expect(doc.diagnostics.contains { $0.rule == "structure.stray-rows" && $0.kind == .repair })
        // One character misread in the pieces (权 read 杈): no evidence, stray.
        let misread = try document(input.replacingFirst("合法权益3", with: "合法杈益3"))
        #expect(Self.values(misread, Self.rowFour).isEmpty)
        #expect(misread.diagnostics.contains { $0.rule == "structure.stray-text" })
    }

    /// The kind as Tesseract read it (eval tongchuan-scjg-2019 and three
    /// held-out reports of its table style): `人瑟) 不予|信访举报投诉` ⏎
    /// `处理     类申请    工   0 … | 工`, gold 1 0 0 0 0 0 1. Main left the
    /// row empty, its values dropped as stray text.
    @Test func tongchuanPetitionRowIsPlaced() throws {
        let path = repositoryRoot.path + "/Corpus/eval/tongchuan-scjg-2019/extracted/ocr-tesseract.txt"
        let input = try #require(FileManager.default.contents(atPath: path))
        let doc = try pipeline.run(Array(input))
        let table = try #require(doc.tables.first { $0.templateID?.hasSuffix("applications") == true })
        let row = table.records.filter { $0.row.last == "1.信访举报投诉类申请" }
        #expect(row.map(\.value) == ["1", "0", "0", "0", "0", "0", "1"])
    }

    /// A run that does not add up (5 misread 6), a run short of a value, or
    /// a row's numbering not before its run (4保沪 read 保沪): neither row is
    /// placed; the text stays stray, flagged.
    @Test(arguments: [0, 1, 2])
    func runsThatDoNotAddUpOrStandUnnumberedStayStray(variant: Int) throws {
        var input: String
        switch variant {
        case 0: input = Self.text { four, five in (four.replacingFirst("| 5", with: "| 6"), five) }
        case 1: input = Self.text { four, five in (four, five.replacingFirst("2  0  1", with: "2  1")) }
        default: input = Self.text().replacingFirst("4保沪", with: "保沪")
        }
        let doc = try document(input)
        #expect(Self.values(doc, Self.rowFour).isEmpty)
        #expect(Self.values(doc, Self.rowFive).isEmpty)
        #expect(!doc.diagnostics.contains { $0.rule == "structure.stray-rows" })
        #expect(doc.diagnostics.contains { $0.rule == "structure.stray-text" })
    }
}
