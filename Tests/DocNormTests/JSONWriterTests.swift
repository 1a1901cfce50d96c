import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// `JSONRenderer.render` writes JSON by hand; it must give exactly the bytes of
/// the `JSONEncoder` rendering (`renderWithEncoder`), the schema's reference.
@Suite struct JSONWriterTests {
    func expectSameBytes(_ document: Document, _ label: String) throws {
        let fast = try JSONRenderer.render(document)
        let reference = try JSONRenderer.renderWithEncoder(document)
        #expect(fast == reference, "\(label):\n\(lineDiff(expected: reference, actual: fast))")
    }

    @Test func sameBytesOnCorpus() throws {
        let corpus = repositoryRoot.appendingPathComponent("Corpus")
        let files = FusedNormalizerTests.corpusFiles
        #expect(files.count > 5)
        for (i, path) in files.enumerated() {
            let bytes = [UInt8](FileManager.default.contents(atPath: corpus.appendingPathComponent(path).path) ?? Data())
            // Every third file with the trace, which adds the trace array.
            guard let document = try? pipeline.run(bytes, options: PipelineOptions(tracing: i % 3 == 0)) else { continue }
            try expectSameBytes(document, path)
        }
    }

    /// What the corpus may lack: escapes, empty containers, absent optionals,
    /// doubles of every shape, templated tables with records and checks.
    @Test func sameBytesOnEdgeCases() throws {
        let numbering = Numbering(text: "（一）", style: "paren-han", value: 1)
        let table = Table(grid: [["项目", "a\"b\\c/d"], ["\u{1}\u{8}\u{C}\n\r\t\u{1F}\u{7F}", ""]],
                          spans: [CellSpan(row: 0, column: 1, rowSpan: 2, columnSpan: 1)], templateID: "t/1",
                          records: [TableRecord(row: ["r"], column: [], value: "1")],
                          checks: [ArithmeticCheck(check: "sum", subject: "s", holds: true, left: 1.0, right: 0.1),
                                   ArithmeticCheck(check: "x", subject: "", holds: false, left: -0.0, right: 1e21),
                                   ArithmeticCheck(check: "y", subject: "z", holds: false, left: 123456789.125, right: .leastNonzeroMagnitude)])
        var metadata = DocumentMetadata()
        metadata.year = 2024
        metadata.issuingBody = "某某局"
        let document = Document(
            blocks: [Block(.title("标题 \"引号\""), lines: 1...1),
                     Block(.heading(level: 1, numbering: numbering, text: "一、总体情况"), lines: 2...3),
                     Block(.heading(level: 2, numbering: nil, text: ""), lines: 4...4),
                     Block(.paragraph("正文", runIn: RunInHeading(level: 3, numbering: numbering, text: "标题")), lines: 5...6),
                     Block(.paragraph("无", runIn: nil), lines: 7...7),
                     Block(.table(table), lines: 8...9),
                     Block(.table(Table(grid: [])), lines: 10...10),
                     Block(.table(Table(grid: [["x"]], templateID: "empty")), lines: 11...11)],
            metadata: metadata,
            diagnostics: [Diagnostic(stage: .tables, rule: "r", kind: .invalidInput, message: "m\u{0}", line: nil),
                          Diagnostic(stage: .decode, rule: "d", kind: .repair, message: "", line: 3),
                          Diagnostic(stage: .structure, rule: "s", kind: .suspicion, message: "行", line: 4,
                                     cells: DiagnosticCells(table: "t", row: ["三、本年度办理结果", "（一）予以公开"])),
                          Diagnostic(stage: .tables, rule: "u", kind: .suspicion, message: "表", line: 5, cells: DiagnosticCells(table: "t")),
                          Diagnostic(stage: .structure, rule: "c", kind: .arithmetic, message: "", line: nil,
                                     cells: DiagnosticCells(table: "t", row: [], column: ["行政复议", "总计"])),
                          Diagnostic(stage: .structure, rule: "v", kind: .suspicion, message: "值", line: 6,
                                     cells: DiagnosticCells(table: "t", row: ["r"], column: ["c"], value: "4126.8万元"))],
            trace: [TraceStep(stage: .normalize, rule: "n", line: nil, before: "a", after: "b")])
        try expectSameBytes(document, "edge cases")
        try expectSameBytes(Document(blocks: [], metadata: DocumentMetadata()), "empty document")
    }

    /// The writer's fast paths: integers written digit by digit, whole
    /// doubles written as integers (up to where `description` turns to
    /// exponents), strings scanned eight bytes at a time for escapes.
    @Test func sameBytesOnNumbersAndStringsAtEveryOffset() throws {
        let doubles: [Double] = [0, -0.0, 1, -1, 7, 10, 123, -4567, 0.5, -2.25, 999_999_999_999_999, -999_999_999_999_999,
                                 1e15, -1e15, 1e15 + 1, 4_503_599_627_370_497, 9_007_199_254_740_992, 1e16, -1e16,
                                 1e300, 1e-7, Double(Int.max), Double(Int.min), .ulpOfOne, .leastNormalMagnitude]
        let checks = zip(doubles, doubles.reversed()).map {
            ArithmeticCheck(check: "c", subject: "s", holds: false, left: $0, right: $1)
        }
        var strings: [String] = []
        for length in 0...20 {
            for escape in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "/", " ", "\u{7F}"] {
                for at in stride(from: 0, through: length, by: 3) {
                    var text = String(repeating: "a", count: length)
                    text.insert(contentsOf: escape, at: text.index(text.startIndex, offsetBy: at))
                    strings.append(text)
                    strings.append(String(repeating: "表", count: length / 2) + escape + "格")
                }
            }
        }
        let numberings = [0, 1, -7, 9, 10, 99, 100, Int.max, Int.min].map { Numbering(text: "\($0)、", style: "s", value: $0) }
        let document = Document(
            blocks: numberings.map { Block(.heading(level: $0.value, numbering: $0, text: "标题"), lines: $0.value...$0.value) }
                + [Block(.table(Table(grid: [strings], templateID: "t", checks: checks)), lines: 1...1)],
            metadata: DocumentMetadata(), diagnostics: strings.map { Diagnostic(stage: .tables, rule: $0, kind: .repair, message: $0, line: nil) })
        try expectSameBytes(document, "numbers and strings")
    }

    /// Label paths are copied from where the same array was written at the
    /// same indentation: arrays shared by records and by diagnostics (another
    /// indentation), arrays equal but not shared, and more arrays than the
    /// writer keeps track of, must all come out as the encoder writes them.
    @Test func sameBytesWithSharedLabelPaths() throws {
        let rows = (0..<300).map { ["行\($0)", "子行\"\($0 % 7)"] }
        let columns = [["列"], ["列", "子列\n"], [], ["列"]]
        var records: [TableRecord] = []
        for (r, row) in rows.enumerated() {
            for column in columns { records.append(TableRecord(row: row, column: column, value: "\(r)")) }
            records.append(TableRecord(row: Array(row), column: ["列"] + [], value: ""))
        }
        let table = Table(grid: [["a"]], templateID: "t", records: records)
        let diagnostics = (0..<40).map { k in
            Diagnostic(stage: .structure, rule: "r", kind: .suspicion, message: "m", line: k,
                       cells: DiagnosticCells(table: "t", row: rows[k % 5], column: columns[k % columns.count]))
        }
        let document = Document(blocks: [Block(.table(table), lines: 1...2), Block(.table(table), lines: 3...4)],
                                metadata: DocumentMetadata(), diagnostics: diagnostics)
        try expectSameBytes(document, "shared label paths")
    }

    @Test func nonFiniteNumbersRefusedLikeTheEncoder() throws {
        let table = Table(grid: [["x"]], templateID: "t",
                          checks: [ArithmeticCheck(check: "c", subject: "s", holds: false, left: .nan, right: 1)])
        let document = Document(blocks: [Block(.table(table), lines: 1...1)], metadata: DocumentMetadata())
        #expect(throws: (any Error).self) { try JSONRenderer.renderWithEncoder(document) }
        #expect(throws: (any Error).self) { try JSONRenderer.render(document) }
    }
}
