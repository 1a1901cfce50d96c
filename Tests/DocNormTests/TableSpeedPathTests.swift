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

extension TableSpeedPathTests {
    /// The settle probe keeps a first-run table that is its template's whole
    /// grid without matching it (`KnownReading`): on every template's grid,
    /// with what may follow it (nothing, text, a value the last row would
    /// take, a rule line, a label's opening), it keeps what the match keeps,
    /// region for region and grid for grid; a grid that is not whole (a
    /// value missing, a relation broken, a label changed) is no known reading.
    @Test func knownReadingKeepsWhatTheMatchKeeps() {
        let tables = pipeline.tables, rules = tables.rules
        let context = PipelineContext(tracing: false, collecting: false)
        var known = 0, skipped = 0
        for template in rules.templates {
            func rows(_ value: (Int, Int) -> String) -> [String] {
                template.rows.enumerated().map { r, row in
                    row.cells.enumerated().map { c, cell -> String in
                        switch cell {
                        case .label(let l): l
                        case .empty: ""
                        case .value: value(r, c)
                        }
                    }.joined(separator: "\t")
                }
            }
            let afters = [[], ["后文"], ["", "0 后文"], ["5"], ["---", "后文"], ["\t| 后文"], ["（一）后文"], ["减3 后文"], ["2021年后文"]]
            let values: [(Int, Int) -> String] = [{ _, _ in "0" }, { r, c in (r + c) % 3 == 0 ? "减12" : "12.5" }]
            for (after, value) in afters.flatMap({ after in values.map { (after, $0) } }) {
                let input = (["前文", ""] + rows(value) + [""] + after).enumerated().map { SourceLine(number: $0 + 1, text: $1) }
                let slow = tables.recognize(input, context: context, gridsOnly: true)
                for region in slow {
                    let table = Table(grid: region.table.grid, templateID: template.id)
                    var missing = table, broken = table, relabelled = table
                    // The last value cell left empty, or made to break the sums
                    // (of numbers: a cell that holds none, 减12, makes a relation unknown).
                    if let r = template.rows.indices.last(where: { !template.rows[$0].valueColumns.isEmpty }),
                       let c = template.rows[r].valueColumns.last {
                        missing.grid[r][c] = ""
                        broken.grid[r][c] = "7"
                        #expect(tables.knownReading(missing) == nil, "\(template.id)")
                        if !template.checks.isEmpty, table.grid[r][c] == "0" { #expect(tables.knownReading(broken) == nil, "\(template.id)") }
                    }
                    relabelled.grid[0][0] += "表"
                    #expect(tables.knownReading(relabelled) == nil, "\(template.id)")
                    // The first run's checks, where it has them, say whether all relations hold.
                    var checked = table
                    checked.checks = TableArithmetic.relations(template, values: template.rows.indices.map { r in
                        template.rows[r].valueColumns.map { table.grid[r][$0] }
                    }).map(\.result)
                    #expect((tables.knownReading(checked) == nil) == (tables.knownReading(table) == nil), "\(template.id)")
                    guard let reading = tables.knownReading(table) else { continue }
                    known += 1
                    let first = region.lines.lowerBound
                    let quick = tables.recognize(input, context: context, gridsOnly: true,
                                                 firstReading: { $0 == region.lines ? table.grid : nil },
                                                 knownReading: { $0 == first ? reading : nil })
                    #expect(quick.map(\.lines) == slow.map(\.lines), "\(template.id) \(after)")
                    #expect(quick.map(\.table.grid) == slow.map(\.table.grid), "\(template.id) \(after)")
                    let last = first + table.grid.count - 1
                    if tables.readsOnlyItself(input, through: last) {
                        skipped += 1
                        #expect(tables.matchReads(table.grid, template: template, in: input, window: 0..<input.count, at: first, through: last),
                                "\(template.id) \(after)")
                    }
                }
            }
        }
        // Whole grids were known and kept without matching, not only refused.
        #expect(known > 0 && skipped > 0)
    }

    /// What may follow a whole grid's last row: text whose first scalar
    /// (past blank lines, spaces, TABs and `|`) opens no value and no rule.
    @Test func aWholeGridReadsOnlyItselfBeforeText() {
        let tables = pipeline.tables
        func after(_ texts: [String]) -> Bool {
            let lines = (["表"] + texts).enumerated().map { SourceLine(number: $0 + 1, text: $1) }
            return tables.readsOnlyItself(lines, through: 0)
        }
        #expect(after([]))
        #expect(after(["", "后文"]))
        #expect(after(["\t| 后文"]))
        #expect(after([" ", "四、结转"]))
        #expect(!after(["", "0 后文"]))
        #expect(!after(["\t12"]))
        #expect(!after(["---"]))
        #expect(!after(["", "", "减3"]))
        #expect(after(["2021年，本机关"]))
        #expect(!after(["12.5\t后文"]))
    }

    /// The probe's lines may leave the rows of known readings after their
    /// first empty (`ReadBack.lines(in:eliding:)`): the recognition keeps
    /// what it keeps on every row, taking them all (`linesInFull`) where
    /// it does more than keep a known reading (a value after the grid that
    /// its last row would take: the match reads the rows).
    @Test func knownReadingsReadTheSameWithTheirRowsLeftEmpty() {
        let tables = pipeline.tables, rules = tables.rules
        let context = PipelineContext(tracing: false, collecting: false)
        var readInFull = 0
        for template in rules.templates {
            let grid = template.rows.map { row in
                row.cells.map { cell -> String in
                    switch cell {
                    case .label(let l): l
                    case .empty: ""
                    case .value: "0"
                    }
                }
            }
            // (The probe leaves a table's rows empty only where its first row opens its anchor.)
            guard let reading = tables.knownReading(Table(grid: grid, templateID: template.id)),
                  tables.templatesAnchored(grid[0].joinedByTab, emptyAnchors: true).contains(reading.template) else { continue }
            for after in [["后文"], ["5"], ["", "0 后文"]] {
                let texts = ["前文", ""] + grid.map(\.joinedByTab) + [""] + after
                let input = texts.enumerated().map { SourceLine(number: $0 + 1, text: $1) }
                let first = 2, last = first + grid.count - 1
                var elided = input
                for r in (first + 1)...last { elided[r].text = "" }
                let slow = tables.recognize(input, context: context, gridsOnly: true)
                var made = 0
                let quick = tables.recognize(elided, context: context, gridsOnly: true,
                                             firstReading: { $0 == first...last ? grid : nil },
                                             knownReading: { $0 == first ? reading : nil },
                                             linesInFull: { made += 1; return input })
                #expect(quick.map(\.lines) == slow.map(\.lines), "\(template.id) \(after)")
                #expect(quick.map(\.table.grid) == slow.map(\.table.grid), "\(template.id) \(after)")
                if made > 0 { readInFull += 1 }
            }
        }
        #expect(readInFull > 0)
    }

    /// `ReadBack.lines(in:eliding:)` gives the rows of the tables it elides
    /// after their first as empty lines, every other line as it is.
    @Test func readBackElidesTheRowsOfTheTablesAsked() {
        let prose = [[LogicalLine(text: "前文", lines: 1...1)], [LogicalLine(text: "中文", lines: 4...4)], []]
        let tables = [TableRecognizer.PlacedTable(table: Table(grid: [["表", "a"], ["1", "2"], ["3", "4"]]), lines: 2...3),
                      TableRecognizer.PlacedTable(table: Table(grid: [["表", "b"], ["5", "6"]]), lines: 5...6)]
        let readBack = TableRecognizer.ReadBack(prose: prose, tables: tables)
        let all = readBack.lines(in: [0..<readBack.count])
        #expect(all.map(\.text) == ["前文", "", "表\ta", "1\t2", "3\t4", "", "中文", "", "表\tb", "5\t6"])
        let elided = readBack.lines(in: [0..<readBack.count], eliding: [0])
        #expect(elided.map(\.text) == ["前文", "", "表\ta", "", "", "", "中文", "", "表\tb", "5\t6"])
        #expect(elided.map(\.number) == all.map(\.number))
    }

    /// A whole grid's value cell is one token of the stream that the match
    /// reads as a value.
    @Test func aValueCellIsOneValueToken() {
        let tables = pipeline.tables
        for cell in ["0", "12864", "减12", "增2", "12.5", "318.27"] { #expect(tables.isOneValueToken(cell), "\(cell)") }
        for cell in ["", "1 2", "12减3", "3\t", "|5", "规章", "12a"] { #expect(!tables.isOneValueToken(cell), "\(cell)") }
        // The grammar taken once by the caller answers as the rules' own;
        // the bytes of ASCII digits are told in place.
        let grammar = tables.rules.valueGrammar
        for cell in ["0", "12864", "减12", "12.5", "", "1 2", "12减3", "规章", "12a", "０"] {
            #expect(tables.isOneValueToken(cell, grammar: grammar) == tables.isOneValueToken(cell), "\(cell)")
        }
        for (bytes, digits) in [("0123456789", true), ("", true), ("12a", false), ("/", false), (":", false), ("１", false)] {
            #expect(Array(bytes.utf8).withUnsafeBufferPointer(TableRecognizer.allASCIIDigits) == digits, "\(bytes)")
        }
    }

    /// `String.isASCIIDigitsOnly` (read in place) is `utf8.allSatisfy`
    /// over ASCII digits, for small and heap strings alike.
    @Test func asciiDigitsOnlyIsEveryByteADigit() {
        for text in ["", "0", "0123456789", "01234567890123456789", "12a", "12.5", "１２", "减1", " 1", "1\t", "012345678901234567a"] {
            #expect(text.isASCIIDigitsOnly == text.utf8.allSatisfy { $0 &- 0x30 < 10 }, "\(text)")
        }
    }

    /// `structure.value-kind` passes over a row of ASCII digits in its slots
    /// (`mayContradictKinds` false) only where every value fits its cell
    /// (`kindFits`); a value past the row's slots, or any other value, has
    /// the row tested as before.
    @Test func aRowOfDigitsInItsSlotsContradictsNoKind() {
        let rules = pipeline.tables.rules
        for template in rules.templates {
            for row in template.rows where !row.isHeader {
                let slots = row.columnPaths.count
                let digits: [String?] = (0..<slots).map { $0 % 3 == 2 ? nil : String(7 * $0) }
                #expect(!TableRules.mayContradictKinds(digits, slots: slots))
                #expect(digits.indices.allSatisfy { s in digits[s].map { rules.kindFits($0, row: row, slot: s) } ?? true })
                // One value more than the row has slots: no slot takes it.
                #expect(TableRules.mayContradictKinds(digits + ["3"], slots: slots))
                #expect(!rules.kindFits("3", row: row, slot: slots))
                for other in ["4126.8万元", "减1", "12.5", "3%"] where slots > 0 {
                    #expect(TableRules.mayContradictKinds([other] + digits.dropFirst(), slots: slots), "\(other)")
                }
            }
        }
        // Rows of digits settle to nothing; the swapped row of ValueKindTests still settles.
        for template in rules.templates {
            var values = template.rows.map { row in row.isHeader ? [] : (0..<row.columnPaths.count).map { String?(String($0)) } }
            #expect(rules.settleKinds(&values, template: template).isEmpty)
        }
    }

    /// `LabelIndex.labels(endingWith:in:)` looked up is the labels filtered
    /// by `hasSuffix`, for every text a cut may read down (every piece of a
    /// label at its Character boundaries, and texts no label ends with);
    /// every template's labels have the lookup (none falls back to the filter).
    @Test func labelEndingsAreTheLabelsThatEndSo() {
        var templates = 0
        for template in pipeline.tables.rules.templates {
            let labels = HeaderPieceEvidence.Labels(template)
            #expect(labels.index.endings != nil, "\(template.id)")
            for text in labels.index.inside.sorted() + ["维持结果", "计总", "x"] {
                #expect(labels.index.labels(endingWith: text, in: labels.labels) == labels.labels.filter { $0.hasSuffix(text) }, "\(text)")
            }
            templates += 1
        }
        #expect(templates > 0)
        // Labels with a scalar that has a canonical equivalent are filtered.
        let composed = HeaderPieceEvidence.LabelIndex(["Å总计", "总计"])
        #expect(composed.endings == nil)
        #expect(composed.labels(endingWith: "总计", in: ["Å总计", "总计"]) == ["Å总计", "总计"])
    }

    /// `TableDebris` and `SpanText` share one `labelPieces(of:)`: each
    /// template's labels, longest first, as each made them.
    @Test func labelPiecesAreEachTemplatesLabels() {
        let tables = pipeline.tables
        for template in tables.rules.templates {
            var texts = Set<String>()
            for row in template.rows {
                for cell in row.cells { if case .label(let l) = cell { texts.insert(l) } }
            }
            let pieces = tables.debris.labels[template.id]
            #expect(pieces.map { Set($0.labels.map { String(String.UnicodeScalarView($0)) }) } == texts)
            #expect(pieces.map { zip($0.labels, $0.labels.dropFirst()).allSatisfy { $0.count >= $1.count } } == true)
            #expect(tables.spanText.labels[template.id]?.labels == pieces?.labels)
        }
    }

    /// `templatesAnchored` (each distinct anchor compared once, the answer
    /// one of the sets made with the recognizer) gives the templates one of
    /// whose own anchors opens the line past its TABs and spaces, in order,
    /// as comparing every template's anchors gave.
    @Test func anchoredTemplatesAreThoseOneOfWhoseAnchorsOpensTheLine() {
        let tables = pipeline.tables, templates = tables.rules.templates
        let anchors = Set(templates.flatMap(\.anchors))
        var texts = ["", " ", "\t", "（一）予以公开", "行政", "行政许可", "申请人", "第二十条", "前文行政复议", "0 1 2"]
        for anchor in anchors {
            texts += [anchor, " \t" + anchor, anchor + "\t结果", String(anchor.dropLast()), "\t" + String(anchor.dropLast()) + "后"]
        }
        var opened = 0
        for text in texts {
            for emptyAnchors in [true, false] {
                let rest = Substring(text).drop { $0 == "\t" || $0 == " " }
                let expected: [Int] = rest.unicodeScalars.first.map { tables.anchorFirsts.contains($0.value) } == true
                    ? templates.indices.filter { t in
                        templates[t].anchors.contains { $0.isEmpty ? emptyAnchors : rest.utf8.starts(with: $0.utf8) }
                    }
                    : []
                #expect(tables.templatesAnchored(text, emptyAnchors: emptyAnchors) == expected, "\(text)")
                if !expected.isEmpty { opened += 1 }
            }
        }
        #expect(opened >= 2 * anchors.count)
    }

    /// Templates of one shape share one reading-order plan, which is the
    /// plan each would have built for its own rows: a plan asks of the rows
    /// only whether there are two or more.
    @Test func templatesOfOneShapeShareTheirReadingOrderPlan() {
        let recovery = pipeline.tables.readingOrder, rules = pipeline.tables.rules
        var shapes: [ReadingOrderPlan.Shape: Int] = [:]
        for template in rules.templates {
            guard let columns = ReadingOrderRecovery.uniformSlots(template), let plan = recovery.plans.value[template.id] else { continue }
            let rows = template.rows.filter { !$0.isHeader }.count
            let own = ReadingOrderPlan(rows: rows, columns: columns, limits: rules.readingOrder)
            #expect(plan.groups.map(\.blocks) == own.groups.map(\.blocks), "\(template.id)")
            #expect(plan.runGroups.map { $0.map(\.blocks) } == own.runGroups.map { $0.map(\.blocks) }, "\(template.id)")
            #expect(plan.headerLayouts.map(\.blocks) == own.headerLayouts.map(\.blocks), "\(template.id)")
            #expect(plan.headerOffsets.starts == own.headerOffsets.starts && plan.headerOffsets.strides == own.headerOffsets.strides)
            #expect(plan.groupOffsets.starts == own.groupOffsets.starts && plan.groupOffsets.strides == own.groupOffsets.strides)
            #expect(plan.headerInOrder == own.headerInOrder && plan.headerOpensAll == own.headerOpensAll
                    && plan.headerOpensDeferred == own.headerOpensDeferred && plan.headerLastBlocks == own.headerLastBlocks)
            #expect(plan.headerTries.map { $0.map { $0.map(\.layout) } } == own.headerTries.map { $0.map { $0.map(\.layout) } })
            #expect(plan.headerTries.map { $0.map { $0.map(\.deferLast) } } == own.headerTries.map { $0.map { $0.map(\.deferLast) } })
            shapes[ReadingOrderPlan.Shape(rows: rows, columns: columns), default: 0] += 1
        }
        // The built-in rules' two tables 三 are of one shape.
        #expect(shapes.values.contains { $0 >= 2 })
    }
}
