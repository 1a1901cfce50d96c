import Testing
@testable import DocNorm
import DocNormTestSupport

/// The table stage's fast paths give what the slow paths they replace gave.
struct TableSpeedPathTests {
    /// The header labels and all labels a template holds as Characters
    /// (made once, with the template) are its header rows' label cells and
    /// then its rows' path labels, as they were made at each call.
    @Test func templateLabelCharactersAreItsLabels() {
        for template in pipeline.tables.rules.templates {
            let header = template.rows.filter(\.isHeader).flatMap { row in
                row.cells.compactMap { cell -> [Character]? in if case .label(let l) = cell { Array(l) } else { nil } }
            }
            #expect(template.headerLabelCharacters == header)
            #expect(TableRecognizer.labels(template) == header + template.rows.flatMap { $0.path.map { Array($0) } }.filter { !$0.isEmpty })
        }
    }

    /// What a template works out once (held in one shared object, so a copy
    /// retains one reference, not eleven) is what its rows and checks say,
    /// and a copy whose public fields change keeps the original's.
    @Test func templateDerivedFieldsFollowItsRowsAndChecks() {
        for template in pipeline.tables.rules.templates {
            let rows = template.rows, columns = template.columns
            #expect(template.nextDataRow == rows.indices.map { r in
                rows[r].isHeader ? nil : rows[(r + 1)...].firstIndex { !$0.isHeader }
            })
            #expect(template.spansRows.count == rows.count * columns)
            #expect(template.checkCellEnds.count == template.checkSites.count)
            #expect(template.checkCellEnds.last ?? 0 == template.checkCells.count)
            #expect(template.checkCells.count == template.checkSites.reduce(0) { $0 + $1.cells.count })
            var copy = template
            copy.rows = []
            copy.checks = []
            #expect(copy.checkCells.count == template.checkCells.count)
            #expect(copy.headerLabelCharacters == template.headerLabelCharacters)
        }
    }

    /// `tables.debris` reads each line's words (between spaces and TABs)
    /// from its bytes: pieces of the template's labels, values, and a number
    /// glued to a label's end pass; any other word keeps the stretch text.
    @Test func debrisWordsAreLabelPiecesAndNumbers() throws {
        let template = try #require(pipeline.tables.rules.templates.first { $0.id == "2021-applications" })
        let cells = template.rows.reduce(0) { $0 + ($1.isHeader ? 0 : $1.columnPaths.count) }
        let token = ReadingOrderRecovery.Token(text: "0", number: 0, line: 1, lineIndex: 0, afterText: false, afterBlank: false)
        func lastLine(_ texts: [String]) -> Int? {
            let lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
            return pipeline.tables.debris.recover(lines, from: 0, end: lines.count, template: template,
                                                  numbers: { Array(repeating: token, count: cells) })?.lastLine
        }
        #expect(lastLine(["自然人  商业企业2", "其他\t总计 0", "", "0 36", ""]) == 3)
        #expect(lastLine(["商业企业2x"]) == nil)
        #expect(lastLine(["其他", "hello"]) == nil)
    }

    /// `valuesOnly` reads a line's tokens one by one and answers at the
    /// first that is no value, telling most by their first scalar: it
    /// counts what cutting the whole line into tokens and asking each
    /// counted (nil where a token is no value, or there is none).
    @Test func valuesOnlyCountsAsTheWholeLineCut() {
        let tables = pipeline.tables, grammar = tables.rules.valueGrammar
        func cutWhole(_ text: String) -> Int? {
            let tokens = text.unicodeScalars.split { $0 == " " || $0 == "\t" }
            return !tokens.isEmpty && tokens.allSatisfy({ TableRecognizer.isDigitValue($0, grammar) }) ? tokens.count : nil
        }
        let lines = ["", "  \t ", "0", "0 5 12", "\t3\t\t0 ", "增1 0", "减2", "12.6万元 3", "无", "无 0", "/ 1", "1.5 abc",
                     "2023年，本机关共收到申请12件。", "五、存在的主要问题及改进情况", "0 0 五、", "1. 0", ".5", "5.", "-2 3", "—"]
        for text in lines {
            #expect(tables.valuesOnly(SourceLine(number: 1, text: text)) == cutWhole(text), "\(text)")
        }
        #expect(tables.valuesOnly(SourceLine(number: 1, text: "0 5 12")) == 3)
        #expect(tables.valuesOnly(SourceLine(number: 1, text: "2023年，本机关共收到申请12件。")) == nil)
    }

    /// `CellSpans.spans` reads each cell's emptiness from a flat array made
    /// once and asks each box once whether its text is a label: on grids of
    /// labels, values and empty cells, header rows and data rows mixed, it
    /// gives the spans the joins gave reading the grid at every test.
    @Test func cellSpansAreThoseOfTheGridReadAtEveryTest() {
        let isValue = { (text: String) in pipeline.tables.rules.isValue(text) }
        let texts = ["", "", "", "申请人情况", "自然人", "5", "0", "总计", "12.6万元"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<400 {
            let rows = 1 + next(6), columns = 1 + next(6)
            let grid = (0..<rows).map { _ in (0..<columns).map { _ in texts[next(texts.count)] } }
            let isHeader = (0..<rows).map { _ in next(2) == 0 }
            #expect(CellSpans.spans(of: grid, isHeader: isHeader, isValue: isValue)
                    == Self.spansReadingTheGrid(grid, isHeader: isHeader, isValue: isValue))
        }
        // A header label over two rows and two columns; data labels over the empty cells to their right.
        let grid = [["申请人情况", "", "自然人"], ["", "", "商业企业"], ["总计", "", "5"], ["其他", "", ""]]
        #expect(CellSpans.spans(of: grid, isHeader: [true, true, false, false], isValue: isValue)
                == [CellSpan(row: 0, column: 0, rowSpan: 2, columnSpan: 2), CellSpan(row: 2, column: 0, rowSpan: 1, columnSpan: 2),
                    CellSpan(row: 3, column: 0, rowSpan: 1, columnSpan: 3)])
    }

    /// `CellSpans.spans` as it read the grid before: each cell's text at
    /// every test, each box's label at every join under it.
    static func spansReadingTheGrid(_ grid: [[String]], isHeader: [Bool], isValue: (String) -> Bool) -> [CellSpan] {
        let rows = grid.count, columns = grid.first?.count ?? 0
        guard rows > 0, columns > 0 else { return [] }
        struct Box { var r0: Int, c0: Int, r1: Int, c1: Int }
        var owner = [Int](repeating: -1, count: rows * columns)
        var boxes: [Box] = []
        func isLabel(_ text: String) -> Bool { !text.isEmpty && !isValue(text) }
        func vertical(_ r: Int, _ c: Int) -> Bool {
            guard r > 0, case let a = owner[(r - 1) * columns + c], a >= 0 else { return false }
            let b = boxes[a]
            guard b.r1 == r - 1, isLabel(grid[b.r0][b.c0]) else { return false }
            for k in b.c0...b.c1 where !grid[r][k].isEmpty || owner[r * columns + k] >= 0 { return false }
            boxes[a].r1 = r
            for k in b.c0...b.c1 { owner[r * columns + k] = a }
            return true
        }
        func horizontal(_ r: Int, _ c: Int) -> Bool {
            guard c > 0, case let left = owner[r * columns + c - 1], left >= 0, boxes[left].r0 == r, boxes[left].r1 == r else { return false }
            boxes[left].c1 = c
            owner[r * columns + c] = left
            return true
        }
        for r in 0..<rows {
            for c in 0..<columns where !grid[r][c].isEmpty {
                owner[r * columns + c] = boxes.count
                boxes.append(Box(r0: r, c0: c, r1: r, c1: c))
            }
            for c in 0..<columns where owner[r * columns + c] < 0 {
                let joined = isHeader[r] ? (vertical(r, c) || horizontal(r, c)) : (horizontal(r, c) || vertical(r, c))
                if !joined {
                    owner[r * columns + c] = boxes.count
                    boxes.append(Box(r0: r, c0: c, r1: r, c1: c))
                }
            }
        }
        return boxes.filter { $0.r1 > $0.r0 || $0.c1 > $0.c0 }
            .map { CellSpan(row: $0.r0, column: $0.c0, rowSpan: $0.r1 - $0.r0 + 1, columnSpan: $0.c1 - $0.c0 + 1) }
    }
}
