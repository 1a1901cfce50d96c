import Testing
@testable import DocNorm
import DocNormTestSupport

/// Values of a small consistent table 三 (2021): 3 natural persons and 1
/// company applied, 1 person's application carried over; 2 persons and the
/// company were answered in full, 1 person's information is not held, 1
/// person's application is carried forward.
private func consistent(_ id: String) -> [Int] {
    switch id {
    case "new", "total": return [3, 1, 0, 0, 0, 0, 4]
    case "carried-over", "carried-forward", "unavailable-1": return [1, 0, 0, 0, 0, 0, 1]
    case "disclosed": return [2, 1, 0, 0, 0, 0, 3]
    default: return [0, 0, 0, 0, 0, 0, 0]
    }
}

/// Table 三 as pdftotext -raw reads a LibreOffice table: header pieces, every
/// row label on its own line, then the numbers one per line: rows 一 and 二
/// column by column (3 1, 1 0, 0 0, … 4 1), every other row left to right.
private func labelsThenColumnMajorPair(_ values: (String) -> [Int]) -> String {
    let template = pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!
    let rows = template.rows.filter { !$0.isHeader }
    var lines = ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）", "申请人情况"]
    for row in rows { lines += row.cells.compactMap { if case .label(let l) = $0 { l } else { nil } } }
    let first = values(rows[0].id!), second = values(rows[1].id!)
    for c in 0..<7 { lines += [String(first[c]), String(second[c])] }
    for row in rows.dropFirst(2) { lines += values(row.id!).map(String.init) }
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return lines.joined(separator: "\n") + "\n"
}

/// Table 三 as pdftotext -raw reads LibreOffice's first rows under the
/// header: every label, then for rows 一, 二, 三（一） the 科研…法律服务 block
/// row by row, 自然人, 商业企业, each after its header text; the other rows
/// left to right; and only then 其他 and 总计 of the first three rows.
/// Without `headerText` the numbers stand bare.
private func headerGroupFirst(headerText: Bool) -> String {
    let template = pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!
    let rows = template.rows.filter { !$0.isHeader }
    var lines = ["（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）"]
    for row in rows { lines += row.cells.compactMap { if case .label(let l) = $0 { l } else { nil } } }
    let top = rows.prefix(3).map { consistent($0.id!) }
    if headerText { lines += ["申请人情况", "法人或其他组织", "科研 社会公益 法律服务", "机构", "组织", "机构"] }
    for v in top { lines += v[2...4].map(String.init) }
    if headerText { lines += ["自", "然", "人"] }
    lines += top.map { String($0[0]) }
    if headerText { lines += ["商业", "企业"] }
    lines += top.map { String($0[1]) }
    for row in rows.dropFirst(3) { lines += consistent(row.id!).map(String.init) }
    if headerText { lines += ["总", "其", "计", "他"] }
    lines += top.map { "\($0[5]) \($0[6])" }
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return lines.joined(separator: "\n") + "\n"
}

/// A table 三 (2021) whose first rows carry numbers in the columns past
/// 商业企业, so that a block read in the wrong place breaks a row.
private func busy(_ id: String) -> [Int] {
    switch id {
    case "new": return [3, 1, 1, 0, 1, 0, 6]
    case "carried-over": return [1, 0, 0, 0, 0, 1, 2]
    case "disclosed": return [2, 1, 1, 0, 0, 0, 4]
    case "unavailable-1": return [1, 0, 0, 0, 1, 1, 3]
    case "total": return [3, 1, 1, 0, 1, 1, 7]
    case "carried-forward": return [1, 0, 0, 0, 0, 0, 1]
    default: return [0, 0, 0, 0, 0, 0, 0]
    }
}

/// Table 三 as pdftotext -raw reads a LibreOffice table whose 其他 and 总计
/// header cells are drawn after the first page's rows: every label, then
/// rows 一, 二, 三（一） block by block after their header pieces (科研…法律服务,
/// 自然人, 商业企业; or, `headerInOrder`, each column after its own piece,
/// left to right), the page's other rows left to right but its last two
/// (8.属于行政查询事项, 1.本机关不掌握…) column by column, then past the page
/// break 其他 and 总计 of the first three rows, then the rest left to right.
private func headerGroupPutOffPastPage(headerInOrder: Bool) -> String {
    let template = pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!
    let rows = template.rows.filter { !$0.isHeader }
    var lines = ["（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）"]
    for row in rows { lines += row.cells.compactMap { if case .label(let l) = $0 { l } else { nil } } }
    let top = rows.prefix(3).map { busy($0.id!) }
    lines += ["申请人情况", "法人或其他组织"]
    if headerInOrder {
        for (c, pieces) in [["自", "然", "人"], ["商业", "企业"], ["科研", "机构"], ["社会公益", "组织"], ["法律服务", "机构"]].enumerated() {
            lines += pieces + top.map { String($0[c]) }
        }
    } else {
        lines += ["科研 社会公益 法律服务", "机构", "组织", "机构"]
        for v in top { lines += v[2...4].map(String.init) }
        lines += ["自", "然", "人"] + top.map { String($0[0]) }
        lines += ["商业", "企业"] + top.map { String($0[1]) }
    }
    let pageEnd = 13
    for row in rows[3..<(pageEnd - 2)] { lines += busy(row.id!).map(String.init) }
    let pair = rows[(pageEnd - 2)..<pageEnd].map { busy($0.id!) }
    for c in 0..<7 { lines += pair.map { String($0[c]) } }
    lines += ["-3-", "总", "其", "计", "他"]
    lines += top.map { "\($0[5]) \($0[6])" }
    for row in rows[pageEnd...] { lines += busy(row.id!).map(String.init) }
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return lines.joined(separator: "\n") + "\n"
}

/// Table 三 as pdftotext's default mode reads a LibreOffice table cut by a
/// page break after the first cells of a row: the labels of the page's
/// rows, then rows 一, 二, 三（一） block by block after their header pieces
/// (科研…法律服务, 自然人, 商业企业), the page's other rows left to right,
/// the cut row (1.本机关不掌握…) without its 总计; past the page number 其他
/// and 总计 of the first three rows, then the cut row's 总计, then each
/// later row's label with its first value, then their other values row by row.
private func headerGroupPutOffInsideACutRow() -> String {
    let template = pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!
    let rows = template.rows.filter { !$0.isHeader }
    func labels(_ row: TableTemplate.Row) -> [String] { row.cells.compactMap { if case .label(let l) = $0 { l } else { nil } } }
    let cut = 12
    var lines = ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）"]
    for row in rows[...cut] { lines += labels(row) }
    let top = rows.prefix(3).map { busy($0.id!) }
    lines += ["申请人情况", "法人或其他组织", "科研 社会公益 法律服务", "机构", "组织", "机构"]
    for v in top { lines += v[2...4].map(String.init) }
    lines += ["自", "然", "人"] + top.map { String($0[0]) }
    lines += ["商业", "企业"] + top.map { String($0[1]) }
    for row in rows[3..<cut] { lines += busy(row.id!).map(String.init) }
    let cutValues = busy(rows[cut].id!)
    lines += cutValues[..<6].map(String.init) + ["-3-", "总", "其", "计", "他"]
    lines += top.map { "\($0[5]) \($0[6])" }
    lines.append(String(cutValues[6]))
    for row in rows[(cut + 1)...] { lines += labels(row) + [String(busy(row.id!)[0])] }
    for row in rows[(cut + 1)...] { lines += busy(row.id!)[1...].map(String.init) }
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return lines.joined(separator: "\n") + "\n"
}

/// A sparse table 三 (2021): 2 applications in one applicant column
/// (`column`), answered in full; every other cell 0.
private func sparse(_ id: String, column: Int) -> [Int] {
    guard ["new", "disclosed", "total"].contains(id) else { return [0, 0, 0, 0, 0, 0, 0] }
    var values = [0, 0, 0, 0, 0, 0, 2]
    values[column] = 2
    return values
}

/// The sparse table as pdftotext -raw reads LibreOffice's header group with
/// 其他 and 总计 past the page break (`headerGroupPutOffPastPage`), every
/// value alone after a blank line: every order of the header blocks holds
/// in the arithmetic, and the zero rows give hundreds of cheap readings
/// whose rows hold; the page's last two rows and the table's last three
/// are read column by column.
private func sparseHeaderGroupPutOffPastPage(column: Int) -> String {
    let template = pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!
    let rows = template.rows.filter { !$0.isHeader }
    func values(_ row: TableTemplate.Row) -> [Int] { sparse(row.id!, column: column) }
    var lines = ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）"]
    for row in rows { lines += row.cells.compactMap { if case .label(let l) = $0 { l } else { nil } } }
    let top = rows.prefix(3).map(values)
    lines += ["申请人情况", "法人或其他组织", "科研 社会公益 法律服务", "机构", "组织", "机构"]
    for v in top { lines += v[2...4].map(String.init) }
    lines += ["", "自", "然", "人"] + top.map { String($0[0]) }
    lines += ["", "商业", "企业"] + top.map { String($0[1]) }
    func byColumns(_ group: ArraySlice<TableTemplate.Row>) {
        let v = group.map(values)
        for c in 0..<7 { lines += [""] + v.map { String($0[c]) } }
    }
    let pageEnd = 13
    for row in rows[3..<(pageEnd - 2)] { for value in values(row) { lines += ["", String(value)] } }
    byColumns(rows[(pageEnd - 2)..<pageEnd])
    lines += ["", "-3-", "", "总", "其", "计", "他"] + top.map { "\($0[5]) \($0[6])" }
    for row in rows[pageEnd..<(rows.count - 3)] { for value in values(row) { lines += ["", String(value)] } }
    byColumns(rows[(rows.count - 3)...])
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return lines.joined(separator: "\n") + "\n"
}

/// Table 三 as pdftotext -raw reads a LibreOffice table whose 法人或其他组织
/// header cells are set on two lines: their first lines come with the
/// header (商业, then 科研 社会公益 法律服务 其 on one line), their second
/// lines (企业, 机构, 组织, 机构, 他) each with its column's values of the
/// first three rows, after 人 and the 自然人 column; the other rows left to
/// right (luyuan-town-2019, tangxi-yjj-2023).
private func headerSecondLinesWithTheirColumns() -> String {
    let template = pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!
    let rows = template.rows.filter { !$0.isHeader }
    var lines = ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项", "之和，等于第三项加第四项之和）",
                 "", "自", "然", "", "-2-", "", "商业", "", "申请人情况", "法人或其他组织", "总", "科研 社会公益 法律服务 其 计", ""]
    for row in rows { lines += row.cells.compactMap { if case .label(let l) = $0 { l } else { nil } } }
    let top = rows.prefix(3).map { busy($0.id!) }
    for (c, piece) in ["人", "企业", "机构", "组织", "机构"].enumerated() { lines += ["", piece] + top.map { String($0[c]) } }
    lines += ["", "他"] + top.map { "\($0[5]) \($0[6])" }
    for row in rows.dropFirst(3) { lines += busy(row.id!).map(String.init) }
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return lines.joined(separator: "\n") + "\n"
}

/// lanchuan-province-2023's table 三 (2021), template row by row: large
/// values, the 法人或其他组织 columns non-zero in most rows.
private let lanchuanValues: [[Int]] = [
    [2863, 412, 38, 27, 186, 64, 3590], [126, 18, 2, 1, 9, 3, 159], [1460, 181, 21, 11, 80, 27, 1780], [312, 58, 4, 3, 27, 8, 412],
    [3, 0, 0, 0, 0, 0, 3], [12, 2, 0, 0, 1, 0, 15], [5, 1, 0, 0, 0, 0, 6], [46, 18, 1, 0, 6, 2, 73], [21, 3, 0, 0, 1, 1, 26],
    [38, 9, 1, 1, 4, 2, 55], [17, 4, 0, 0, 3, 0, 24], [26, 5, 0, 0, 2, 1, 34], [486, 72, 6, 5, 31, 11, 611], [63, 11, 2, 1, 8, 2, 87],
    [41, 6, 1, 0, 3, 1, 52], [128, 9, 0, 2, 4, 3, 146], [74, 12, 0, 1, 6, 2, 95], [9, 1, 0, 0, 0, 0, 10], [16, 3, 0, 0, 2, 0, 21],
    [11, 2, 0, 0, 1, 0, 14], [58, 7, 1, 1, 3, 2, 72], [2, 1, 0, 0, 0, 0, 3], [23, 4, 0, 1, 2, 1, 31],
    [2851, 409, 37, 26, 184, 63, 3570], [138, 21, 3, 2, 11, 4, 179],
]

/// Table 三 as pdftotext -raw reads lanchuan's LibreOffice PDF: the labels
/// and 自然人 among them, the header text, then rows 一, 二, （一） as the block
/// 科研机构…总计 row by row, a blank line (`blank`; without it the numbers
/// run on in one text block) and the 自然人 column, 商业企业 after its header
/// text, then every other row left to right, a blank line after each number.
private func blockThenFirstColumnAfterABlankLine(blank: Bool) -> String {
    let template = pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!
    let rows = template.rows.filter { !$0.isHeader }
    var lines = ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二", "项之和，等于第三项加第四项之和）"]
    for row in rows { lines += row.cells.compactMap { if case .label(let l) = $0 { l } else { nil } } }
    lines += ["", "自然", "人", "", "申请人情况", "法人或其他组织", "科研 社会公益 法律服务 其 总计", "机构", "组织", "机构", "他"]
    let top = lanchuanValues.prefix(3)
    for v in top { lines += [String(v[2]), String(v[3]), String(v[4]), "\(v[5]) \(v[6])"] }
    if blank { lines.append("") }
    lines += top.map { String($0[0]) } + ["", "商业", "企业"] + top.map { String($0[1]) } + [""]
    for v in lanchuanValues.dropFirst(3) { for value in v { lines += [String(value), ""] } }
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return lines.joined(separator: "\n") + "\n"
}

@Suite struct ReadingOrderTests {
    /// The value a table's records give the cell at `row`, `column` (last labels).
    static func value(in table: Table, _ row: String, _ column: String) -> String? {
        table.records.first { $0.row.last == row && $0.column.last == column }?.value
    }

    /// The cheapest reading of 1 3 2 4 3 7 as 2 rows × 3 columns whose third
    /// column is the sum of the first two is column-major: (1 2 3), (3 4 7).
    /// Read as rows, 1 3 2 breaks the sum; rotated rows (2 1 3) (4 3 7) also
    /// hold but cost more.
    /// A value token's number read from its scalars is the number `Double`
    /// parses from its digits and points, bit for bit, whenever it is read
    /// (random tokens of digits, points, commas, signs and units).
    @Test func plainNumberIsWhatDoubleParses() {
        let digits = pipeline.tables.rules.digits
        let alphabet: [Unicode.Scalar] = Array("0123456789012345678901234567890123456789..,,-%减万".unicodeScalars)
        var random = SplitMix64(seed: 20261204)
        var read = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...19, using: &random)
            let token = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
            let kept = String(String.UnicodeScalarView(token.filter { digits.contains($0) || $0 == "." }))
            guard let number = ReadingOrderRecovery.plainNumber(token[...], digits: digits) else { continue }
            read += 1
            #expect(number.bitPattern == Double(kept)?.bitPattern, "\(String(String.UnicodeScalarView(token)))")
        }
        #expect(read > 5_000)
        for text in ["0", "12", "3.5", "1,234.56", "0.1", "99.99%", "减7", "123456789012345"] {
            let token = Array(text.unicodeScalars)[...]
            #expect(ReadingOrderRecovery.plainNumber(token, digits: digits) != nil, "\(text)")
        }
    }

    @Test func compositionsWithFewBlocksAreTheFullListFiltered() {
        for width in 1...6 {
            for most in 1...4 {
                let few = ReadingOrderGrammar.compositions(width, maxBlocks: most)
                #expect(few == ReadingOrderGrammar.compositions(width).filter { $0.count <= most })
            }
        }
        #expect(ReadingOrderGrammar.compositions(15, maxBlocks: 4).count == 1 + 14 + 91 + 364)
    }

    /// The header layouts' flat offsets (what `headerGroups` tests) give
    /// every cell of every group size where the layout's own blocks put it,
    /// and each one's last block is the block that may be put off.
    @Test func headerLayoutOffsetsAreTheLayoutsCells() {
        let limits = pipeline.tables.rules.readingOrder
        for columns in [2, 3, 7, 9] {
            let plan = ReadingOrderPlan(rows: 5, columns: columns, limits: limits)
            #expect(!plan.headerLayouts.isEmpty)
            #expect(plan.headerOffsets.count == plan.headerLayouts.count)
            #expect(plan.headerLastBlocks == plan.headerLayouts.map { $0.blocks.last! })
            var misplaced = 0
            for (h, layout) in plan.headerLayouts.enumerated() {
                for k in 2...limits.maxGroupRows {
                    for i in 0..<k {
                        for c in 0..<columns {
                            let offset = plan.headerOffsets.starts[k][h * columns + c] + i * plan.headerOffsets.strides[h * columns + c]
                            if offset != layout.index(i, c, k: k, from: 0) { misplaced += 1 }
                        }
                    }
                }
            }
            #expect(misplaced == 0, "\(columns) columns")
        }
    }

    @Test func columnMajorGroupIsTheCheapestReadingThatHolds() {
        let relations = TemplateRelations(rowChecks: [(left: [2], right: [0, 1])], columnChecks: [], columns: 3)
        let grammar = ReadingOrderGrammar(numbers: [1, 3, 2, 4, 3, 7], afterText: Array(repeating: false, count: 6), rows: 2, columns: 3,
                              relations: relations, limits: pipeline.tables.rules.readingOrder)
        let readings = grammar.readings()
        let values = readings.map { $0.cells.map { grammar.numbers[$0] } }
        #expect(values.first == [1, 2, 3, 3, 4, 7])
        #expect(!values.contains([1, 3, 2, 4, 3, 7]))
        #expect(values.contains([2, 1, 3, 4, 3, 7]))
        #expect(readings[0].cost < readings[values.firstIndex(of: [2, 1, 3, 4, 3, 7])!].cost)
    }

    @Test func labelsThenColumnMajorRowsAreRecovered() throws {
        let doc = try document(labelsThenColumnMajorPair(consistent), tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.templateID == "2021-applications")
        func value(_ row: String, _ column: String) -> String? { Self.value(in: table, row, column) }
        #expect(value("一、本年新收政府信息公开申请数量", "自然人") == "3")
        #expect(value("一、本年新收政府信息公开申请数量", "商业企业") == "1")
        #expect(value("一、本年新收政府信息公开申请数量", "总计") == "4")
        #expect(value("二、上年结转政府信息公开申请数量", "自然人") == "1")
        #expect(value("二、上年结转政府信息公开申请数量", "总计") == "1")
        #expect(value("（一）予以公开", "总计") == "3")
        #expect(value("1.本机关不掌握相关政府信息", "自然人") == "1")
        #expect(value("（七）总计", "总计") == "4")
        #expect(table.records.count == 175)
        #expect(!table.checks.isEmpty && table.checks.allSatisfy { $0.holds })
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair && $0.message.contains("rows 1-2 by columns") })
        #expect(doc.trace.contains { $0.rule == "tables.reading-order" })
    }

    /// pdftotext -raw with the first column read beside the labels: each
    /// label line carries its 自然人 value, then every row's other six values.
    @Test func firstColumnBesideTheLabelsThenTheRestIsRecovered() throws {
        let template = pipeline.tables.rules.templates.first { $0.id == "2021-applications" }!
        let rows = template.rows.filter { !$0.isHeader }
        var lines = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]
        for row in rows {
            let label = row.cells.compactMap { if case .label(let l) = $0 { l } else { nil } }.joined()
            lines.append("\(label) \(consistent(row.id!)[0])")
        }
        for row in rows { lines += consistent(row.id!).dropFirst().map(String.init) }
        lines.append("四、政府信息公开行政复议、行政诉讼情况")
        let doc = try document(lines.joined(separator: "\n") + "\n")
        let table = try #require(doc.tables.first)
        #expect(table.records.first { $0.row.last == "（一）予以公开" && $0.column.last == "商业企业" }?.value == "1")
        #expect(table.records.first { $0.row.last == "四、结转下年度继续办理" && $0.column.last == "自然人" }?.value == "1")
        #expect(table.records.first { $0.row.last == "（七）总计" && $0.column.last == "总计" }?.value == "4")
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.message.contains("first column first") })
    }

    /// The same layout with （七）总计 saying 4 natural persons where its rows
    /// add up to 3: no order satisfies the arithmetic, so no number is moved
    /// and the reason is reported.
    @Test func nothingIsPlacedWhenTheArithmeticFails() throws {
        let doc = try document(labelsThenColumnMajorPair { id in id == "total" ? [4, 1, 0, 0, 0, 0, 5] : consistent(id) })
        #expect(!doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair })
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .suspicion && $0.message.contains("satisfies the arithmetic") })
        // Row 一's values were never put in place: 3 1 0 0 0 0 4 is not its row.
        let records = doc.tables.flatMap(\.records)
        #expect(!records.contains { $0.row.last == "一、本年新收政府信息公开申请数量" && $0.column.last == "总计" && $0.value == "4" })
    }

    /// Chromium pdfminer of an all-zero table 三 (tingqiao-jiedao-2023):
    /// the boxes of the last rows' labels come after every value, right
    /// before section 四, their labels cut (（五）不予⏎处理). `after` stands
    /// between the last value and the heading.
    static func labelsAfterTheValues(_ after: [String]) -> String {
        let late = ["（五）不予处理", "（六）其他处理", "（七）总计", "四、结转下年度继续办理"]
        var lines = labelsThenColumnMajorPair(consistent).split(separator: "\n").map(String.init)
        lines.removeAll { late.contains($0) }
        lines.insert(contentsOf: after + [""], at: lines.count - 1)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The pieces of labels the grid has, between its last value and the
    /// next heading, are the table's: no paragraph of them is left.
    @Test func rowLabelPiecesAfterTheValuesAreTheTables() throws {
        let text = Self.labelsAfterTheValues(["（五）不予", "", "处理", "", "（六）其他", "", "处理", "", "（七）总计", "", "四、结转下年度继续办理"])
        let doc = try document(text, tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.records.count == 175)
        #expect(Self.value(in: table, "（七）总计", "总计") == "4")
        #expect(doc.diagnostics.contains { $0.rule == "tables.label-fragments" && $0.kind == .repair
            && $0.message.contains("（五）不予 处理 （六）其他 处理 （七）总计 四、结转下年度继续办理") })
        let once = try canonical(Array(text.utf8))
        #expect(!once.contains("\n（五）不予\n"))
        #expect(!once.contains("\n处理\n"))
        #expect(!once.contains("\n四、结转下年度继续办理\n"))
        #expect(once.contains("\t0\t0\t0\t0\t0\t1\n\n四、政府信息公开行政复议、行政诉讼情况\n"))
        #expect(try canonical(Array(once.utf8)) == once)
        #expect(Guarantees.check(Array(text.utf8), pipeline: pipeline).isEmpty)
    }

    /// Any other line among them (a sentence cut without its full stop), or
    /// no heading after them, and they stay text.
    @Test func rowLabelPiecesWithOtherTextStayText() throws {
        let pieces = ["（五）不予", "", "处理", "", "（七）总计"]
        for text in [Self.labelsAfterTheValues(pieces + ["", "本机关全年共收到各类申请"]),
                     Self.labelsAfterTheValues(pieces).replacing("四、政府信息公开行政复议、行政诉讼情况", with: "本年度无行政复议和行政诉讼。")] {
            let doc = try document(text)
            #expect(doc.tables.first?.records.count == 175)
            #expect(!doc.diagnostics.contains { $0.rule == "tables.label-fragments" })
            #expect(try canonical(Array(text.utf8)).contains("\n（五）不予\n"))
        }
    }

    /// The author's error: （七）总计 says 4 natural persons where its rows
    /// add up to 3, and its own 总计 says 4. No order holds; the one order
    /// whose only failures that single cell explains is the table: its
    /// values are placed as read, the cell reported with the 3 that holds.
    @Test func oneWrongCellIsPlacedAsReadAndReported() throws {
        let doc = try document(labelsThenColumnMajorPair { id in id == "total" ? [4, 1, 0, 0, 0, 0, 4] : consistent(id) })
        let table = try #require(doc.tables.first)
        func value(_ row: String, _ column: String) -> String? { Self.value(in: table, row, column) }
        #expect(value("一、本年新收政府信息公开申请数量", "自然人") == "3")
        #expect(value("二、上年结转政府信息公开申请数量", "总计") == "1")
        #expect(value("（七）总计", "自然人") == "4")
        #expect(value("（七）总计", "总计") == "4")
        #expect(table.records.count == 175)
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair && $0.message.contains("but for one cell") })
        let suspects = doc.diagnostics.filter { $0.rule == "tables.reading-order" && $0.kind == .suspicion && $0.cells != nil }
        #expect(suspects.count == 1)
        let cells = try #require(suspects.first?.cells)
        #expect(cells.row?.last == "（七）总计" && cells.column?.last == "自然人")
        #expect(suspects[0].message.contains("3 would satisfy every relation"))
    }

    /// A cell that alone breaks a row: the values that would make every
    /// relation hold, one per cell that could be wrong; none that would
    /// have a count below zero.
    @Test func singleCellFixesAreTheCellsThatAloneRestoreTheArithmetic() {
        // 总计 (slot 2) is the sum of the first two; column: row 3 = rows 1 + 2.
        let relations = TemplateRelations(rowChecks: [(left: [2], right: [0, 1])], columnChecks: [(left: [2], right: [0, 1])], columns: 3)
        // Row 3 reads 3 2 6 for 3 2 5: only its 总计 restores both the row and the column.
        let grid: [Double] = [1, 1, 2, 2, 1, 3, 3, 2, 6]
        #expect(relations.singleCellFixes(grid, row: 2).map(\.slot) == [2])
        #expect(relations.singleCellFixes(grid, row: 2).map(\.value) == [5])
        #expect(relations.singleCellFixes(grid, row: 0).isEmpty)
        // Without column relations each cell of the row could be the wrong
        // one (0 + 1 = 4: 3, 4 or 1); 0 + 5 = 4 is not mended by a 0 made -1.
        let rowOnly = TemplateRelations(rowChecks: [(left: [2], right: [0, 1])], columnChecks: [], columns: 3)
        #expect(rowOnly.singleCellFixes([0, 1, 4], row: 0).map(\.value) == [3, 4, 1])
        #expect(rowOnly.singleCellFixes([0, 5, 4], row: 0).map(\.value) == [4, 5])
    }

    /// The walk over the compositions (`firstRowsHolding`) finds exactly the
    /// layouts whose first row holds as `rowHolds` judges it, layout by
    /// layout: table 三's shape (总计 = the other six), small numbers so
    /// that many rows hold, every group size; none where its check is not
    /// summed in column order, or the row is exempt.
    @Test func compositionWalkFindsTheLayoutsWhoseFirstRowHolds() {
        let relations = TemplateRelations(rowChecks: [(left: [6], right: [0, 1, 2, 3, 4, 5])], columnChecks: [], columns: 7)
        let limits = pipeline.tables.rules.readingOrder
        var random = SplitMix64(seed: 48)
        var held = 0
        for _ in 0..<200 {
            let numbers = (0..<28).map { _ in Double(random.next() % 3) }
            let grammar = ReadingOrderGrammar(numbers: numbers, afterText: Array(repeating: false, count: 28), rows: 4, columns: 7,
                                              relations: relations, limits: limits)
            let layouts = grammar.plan.groupOffsets
            #expect(layouts.leftToRightCompositions && layouts.count == 63)
            for k in 2...4 {
                var expected: UInt64 = 0
                for (g, layout) in grammar.plan.groups.enumerated()
                where relations.rowHolds({ numbers[layout.index(0, $0, k: k, from: 0)] }) { expected |= 1 << UInt64(g) }
                #expect(grammar.firstRowsHolding(layouts, k: k, row: 0, from: 0) == expected)
                held += expected.nonzeroBitCount
            }
        }
        #expect(held > 100)
        let unordered = TemplateRelations(rowChecks: [(left: [6], right: [1, 0, 2, 3, 4, 5])], columnChecks: [], columns: 7)
        let numbers = [Double](repeating: 1, count: 28)
        let other = ReadingOrderGrammar(numbers: numbers, afterText: Array(repeating: false, count: 28), rows: 4, columns: 7,
                                        relations: unordered, limits: limits)
        #expect(other.firstRowsHolding(other.plan.groupOffsets, k: 2, row: 0, from: 0) == nil)
        let exempt = ReadingOrderGrammar(numbers: numbers, afterText: Array(repeating: false, count: 28), rows: 4, columns: 7,
                                         relations: relations, limits: limits, exemptRow: 0)
        #expect(exempt.firstRowsHolding(exempt.plan.groupOffsets, k: 2, row: 0, from: 0) == nil)
    }

    /// The same walk for a run whose first `lead` columns come first
    /// (`firstColumnRun`): the run's layouts cover the columns after them,
    /// and the leading values, standing apart, are summed first; it finds
    /// exactly the layouts whose first row, with those values, holds.
    @Test func compositionWalkWithLeadingColumnsFindsTheLayoutsWhoseFirstRowHolds() {
        let relations = TemplateRelations(rowChecks: [(left: [6], right: [0, 1, 2, 3, 4, 5])], columnChecks: [], columns: 7)
        let limits = pipeline.tables.rules.readingOrder
        var random = SplitMix64(seed: 57)
        var held = 0
        for _ in 0..<200 {
            let numbers = (0..<30).map { _ in Double(random.next() % 3) }
            let grammar = ReadingOrderGrammar(numbers: numbers, afterText: Array(repeating: false, count: 30), rows: 4, columns: 7,
                                              relations: relations, limits: limits)
            for lead in 1...2 {
                let layouts = grammar.plan.runGroupOffsets[lead - 1], width = 7 - lead
                #expect(layouts.leftToRightCompositions && layouts.count == (1 << (width - 1)) - 1)
                // The leading values at tokens 0 …, the group's from token 2.
                let p = 2
                for k in 2...4 {
                    var expected: UInt64 = 0
                    for (g, layout) in grammar.plan.runGroups[lead - 1].enumerated()
                    where relations.rowHolds({ $0 < lead ? numbers[$0] : numbers[layout.index(0, $0 - lead, k: k, from: p)] }) {
                        expected |= 1 << UInt64(g)
                    }
                    #expect(grammar.firstRowsHolding(layouts, k: k, row: 0, from: p, lead: lead, leadFrom: 0) == expected)
                    held += expected.nonzeroBitCount
                }
            }
        }
        #expect(held > 100)
        // Leading columns and the layouts' width must make the row.
        let grammar = ReadingOrderGrammar(numbers: [Double](repeating: 1, count: 30), afterText: Array(repeating: false, count: 30),
                                          rows: 4, columns: 7, relations: relations, limits: limits)
        #expect(grammar.firstRowsHolding(grammar.plan.runGroupOffsets[0], k: 2, row: 0, from: 2, lead: 2, leadFrom: 0) == nil)
    }

    /// A search with an exempt row reads the rows below it as the search
    /// with none did: started from that search's readings, it finds what a
    /// search of its own finds (three rows column-major, the middle row's
    /// total one too high).
    @Test func anExemptSearchFromTheStrictOneFindsWhatItsOwnFinds() {
        let relations = TemplateRelations(rowChecks: [(left: [2], right: [0, 1])], columnChecks: [], columns: 3)
        let numbers: [Double] = [1, 2, 3, 1, 1, 2, 2, 4, 5]
        func grammar(_ exempt: Int?) -> ReadingOrderGrammar {
            ReadingOrderGrammar(numbers: numbers, afterText: Array(repeating: false, count: 9), rows: 3, columns: 3,
                                relations: relations, limits: pipeline.tables.rules.readingOrder, exemptRow: exempt)
        }
        let strict = grammar(nil).search()
        #expect(grammar(nil).candidates(strict).isEmpty)
        for row in 0..<3 {
            let own = grammar(row).readings(), reused = grammar(row).candidates(grammar(row).search(below: strict))
            #expect(own.map(\.cells) == reused.map(\.cells))
            #expect(own.map(\.cost) == reused.map(\.cost))
        }
        // Column-major, row 2 reads 2 1 4 (for 2 1 3): only with that row exempt.
        #expect(grammar(1).readings().contains { $0.cells.map { numbers[$0] } == [1, 1, 2, 2, 1, 4, 3, 2, 5] })
        #expect(!grammar(0).readings().contains { $0.cells.map { numbers[$0] } == [1, 1, 2, 2, 1, 4, 3, 2, 5] })
    }

    /// The search where a block under the header may open after a blank
    /// line reads rows 1… as the strict search did (only row 0's header
    /// groups read the blank lines): started from that search's readings,
    /// it finds what a search of its own finds. Rows 一 and 二 drawn block
    /// by block, the middle column's block first, each block after a blank
    /// line only: the strict search reads the first two columns swapped
    /// (their sums hold either way), the blank-opening one reads them in
    /// place as well.
    @Test func theBlankOpeningSearchFromTheStrictOneFindsWhatItsOwnFinds() {
        let relations = TemplateRelations(rowChecks: [(left: [2], right: [0, 1])], columnChecks: [], columns: 3)
        let numbers: [Double] = [2, 5, 1, 4, 3, 9, 1, 1, 2]
        let afterBlank = [true, false, true, false, true, false, false, false, false]
        func grammar(_ opens: [Bool]?) -> ReadingOrderGrammar {
            ReadingOrderGrammar(numbers: numbers, afterText: Array(repeating: false, count: 9), rows: 3, columns: 3,
                                relations: relations, limits: pipeline.tables.rules.readingOrder, underHeaderOpens: opens)
        }
        let strict = grammar(nil).search()
        let ownSearch = grammar(afterBlank).search(), reusedSearch = grammar(afterBlank).search(below: strict)
        let own = grammar(afterBlank).candidates(ownSearch), reused = grammar(afterBlank).candidates(reusedSearch)
        // Rows 1… were not searched again: its heads' cells are the strict
        // search's buffer (row 0's strict heads too), row 0's own after them.
        #expect(reusedSearch.cells.count > ownSearch.cells.count)
        #expect(own.map(\.cells) == reused.map(\.cells))
        #expect(own.map(\.cost) == reused.map(\.cost))
        #expect(own.map { $0.steps.map(\.description) } == reused.map { $0.steps.map(\.description) })
        let inPlace: [Double] = [1, 2, 3, 4, 5, 9, 1, 1, 2]
        #expect(reused.contains { $0.cells.map { numbers[$0] } == inPlace })
        #expect(!grammar(nil).candidates(strict).contains { $0.cells.map { numbers[$0] } == inPlace })
    }

    /// A key index emptied keeps its table but none of its keys: keys put
    /// in again (colliding on their low bits, past the table's growth) are
    /// found where they were put the second time, and the others nowhere.
    @Test func anEmptiedKeyIndexFindsOnlyTheKeysPutInSince() {
        var index = ReadingOrderGrammar.KeyIndex()
        let keys = (0..<100).map { $0 * 4096 + 7 }
        for (i, key) in keys.enumerated() { index.insert(key, at: i) }
        #expect(keys.indices.allSatisfy { index.index(of: keys[$0]) == $0 })
        index.removeAll()
        #expect(keys.allSatisfy { index.index(of: $0) == nil })
        for (i, key) in keys.prefix(40).reversed().enumerated() { index.insert(key, at: i) }
        #expect(keys.prefix(40).reversed().enumerated().allSatisfy { index.index(of: $1) == $0 })
        #expect(keys.dropFirst(40).allSatisfy { index.index(of: $0) == nil })
        index.removeAll()
        index.removeAll()
        index.insert(keys[99], at: 5)
        #expect(index.index(of: keys[99]) == 5 && index.index(of: keys[0]) == nil)
    }

    /// Token texts are named by small integers, equal texts (`==`, so
    /// canonically equivalent ones too: K and the Kelvin sign, Å composed and
    /// not) alike, numbered in the order they first stand; more texts than
    /// the table's first size are all told apart.
    @Test func textKeysNameEqualTextsAlikeInFirstOrder() {
        func token(_ text: String) -> ReadingOrderRecovery.Token {
            ReadingOrderRecovery.Token(text: text, number: 0, line: 1, lineIndex: 0, afterText: false, afterBlank: false)
        }
        let texts = ["3", "0", "3", "K", "\u{212A}", "\u{00C5}", "A\u{030A}", "0", "1,234", "-5", "\u{212B}", "１２"]
        #expect(ReadingOrderRecovery.textKeys(texts.map(token)) == [0, 1, 0, 2, 2, 3, 3, 1, 4, 5, 3, 6])
        let many = (0..<100).map { String($0 % 37) }
        #expect(ReadingOrderRecovery.textKeys(many.map(token)) == (0..<100).map { Int32($0 % 37) })
        #expect(ReadingOrderRecovery.textKeys([]).isEmpty)
    }

    /// The cheapest readings of a row position are the first `cap` of its
    /// readings sorted by cost, earlier first among equal costs, whatever
    /// the cap (below, at and past their number).
    @Test func theCheapestAreAStableSortsFirst() {
        let costs = [3, 1, 2, 1, 0, 3, 2, 0, 1, 5]
        let nodes = costs.enumerated().map { ReadingOrderGrammar.Node(cost: $1, start: $0, count: 0, plan: -1, next: $0, key: $0) }
        let sorted = nodes.indices.sorted { (costs[$0], $0) < (costs[$1], $1) }
        for cap in [1, 3, 4, 9, 10, 64] {
            let kept = ReadingOrderGrammar.Readings.cheapest(nodes, cap: cap)
            #expect(kept.map(\.next) == Array(sorted.prefix(cap)))
            #expect(kept.map(\.cost) == sorted.prefix(cap).map { costs[$0] })
        }
    }

    /// Two readings of table 四 (the first or the last number left out), each
    /// breaking one relation by one cell: which is the table is a guess, so
    /// no reading is placed and the reason is reported (the row-by-row match
    /// keeps the first fifteen, its surplus reported).
    @Test func twoReadingsEachWrongInOneCellPlaceNothing() throws {
        let numbers = ["1"] + Array(repeating: "0", count: 14) + ["1"]
        let text = (["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果", "维持", "结果", "纠正", "其他", "结果", "行政诉讼", "尚未 总", "结果", "审结 计", "维持"]
                    + numbers + ["五、存在的主要问题及改进情况"]).joined(separator: "\n") + "\n"
        let doc = try document(text)
        #expect(!doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair })
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.message.contains("more than one does but for one cell") })
        #expect(doc.diagnostics.contains { $0.rule == "structure.surplus-value" })
    }

    @Test func rowsUnderTheHeaderReadByHeaderCellAreRecovered() throws {
        let doc = try document(headerGroupFirst(headerText: true))
        let table = try #require(doc.tables.first)
        func value(_ row: String, _ column: String) -> String? { Self.value(in: table, row, column) }
        #expect(value("一、本年新收政府信息公开申请数量", "自然人") == "3")
        #expect(value("一、本年新收政府信息公开申请数量", "商业企业") == "1")
        #expect(value("一、本年新收政府信息公开申请数量", "总计") == "4")
        #expect(value("（一）予以公开", "自然人") == "2")
        #expect(value("（一）予以公开", "总计") == "3")
        #expect(value("1.本机关不掌握相关政府信息", "总计") == "1")
        #expect(value("四、结转下年度继续办理", "自然人") == "1")
        #expect(table.records.count == 175)
    }

    /// LibreOffice's header group with 其他 and 总计 drawn past the page
    /// break, the page's last two rows read column by column before them:
    /// the rows between are read as the search reads rows anywhere (here a
    /// group), whether the header blocks came in another order or, more
    /// than `maxPermutedBlocks` of them, left to right.
    @Test(arguments: [false, true]) func headerGroupPutOffPastRowsReadByColumnsIsRecovered(headerInOrder: Bool) throws {
        let doc = try document(headerGroupPutOffPastPage(headerInOrder: headerInOrder))
        let table = try #require(doc.tables.first)
        func value(_ row: String, _ column: String) -> String? { Self.value(in: table, row, column) }
        #expect(value("一、本年新收政府信息公开申请数量", "自然人") == "3")
        #expect(value("一、本年新收政府信息公开申请数量", "科研机构") == "1")
        #expect(value("一、本年新收政府信息公开申请数量", "总计") == "6")
        #expect(value("二、上年结转政府信息公开申请数量", "其他") == "1")
        #expect(value("（一）予以公开", "总计") == "4")
        #expect(value("8.属于行政查询事项", "总计") == "0")
        #expect(value("1.本机关不掌握相关政府信息", "法律服务机构") == "1")
        #expect(value("1.本机关不掌握相关政府信息", "总计") == "3")
        #expect(value("（七）总计", "总计") == "7")
        #expect(value("四、结转下年度继续办理", "自然人") == "1")
        #expect(table.records.count == 175)
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair && $0.message.contains("after row 13") })
    }

    /// The header group's put-off block drawn inside the row the page
    /// break cut, that row's 总计 right after it (tanyang's kind): the row
    /// is read around the block, and the rows past the page as a
    /// first-column run.
    @Test func headerGroupPutOffInsideACutRowIsRecovered() throws {
        let doc = try document(headerGroupPutOffInsideACutRow())
        let table = try #require(doc.tables.first)
        func value(_ row: String, _ column: String) -> String? { Self.value(in: table, row, column) }
        #expect(value("一、本年新收政府信息公开申请数量", "总计") == "6")
        #expect(value("二、上年结转政府信息公开申请数量", "其他") == "1")
        #expect(value("1.本机关不掌握相关政府信息", "法律服务机构") == "1")
        #expect(value("1.本机关不掌握相关政府信息", "其他") == "1")
        #expect(value("1.本机关不掌握相关政府信息", "总计") == "3")
        #expect(value("（七）总计", "总计") == "7")
        #expect(value("四、结转下年度继续办理", "自然人") == "1")
        #expect(table.records.count == 175)
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair && $0.message.contains("after the put-off block") })
    }

    /// A sparse table's header group put off past the page: the cheap
    /// readings whose rows hold but columns fail no longer crowd out the
    /// whole ones, and of the orders of the blocks that hold, the header
    /// cells' text before each block (自⏎然⏎人, 商业⏎企业, 其⏎他) picks the one.
    @Test(arguments: [0, 1, 4]) func sparseHeaderGroupPutOffPastPageIsReadByItsHeaderText(column: Int) throws {
        let doc = try document(sparseHeaderGroupPutOffPastPage(column: column))
        let table = try #require(doc.tables.first)
        let name = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"][column]
        func value(_ row: String, _ column: String) -> String? { Self.value(in: table, row, column) }
        #expect(value("一、本年新收政府信息公开申请数量", name) == "2")
        #expect(value("一、本年新收政府信息公开申请数量", "总计") == "2")
        #expect(value("二、上年结转政府信息公开申请数量", name) == "0")
        #expect(value("（一）予以公开", name) == "2")
        #expect(value("（七）总计", name) == "2")
        #expect(value("（七）总计", "总计") == "2")
        #expect(value("四、结转下年度继续办理", name) == "0")
        #expect(table.records.count == 175)
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair && $0.message.contains("header cells' text") })
    }

    /// The same numbers without the header text between the blocks: nothing
    /// shows where a block starts, so the group is not read out of order.
    @Test func bareNumbersAreNotReadAsAHeaderGroup() throws {
        let doc = try document(headerGroupFirst(headerText: false))
        #expect(!doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair })
        #expect(!doc.tables.flatMap(\.records).contains { $0.row.last == "一、本年新收政府信息公开申请数量" && $0.column.last == "总计" && $0.value == "4" })
    }

    /// Table 四 is the same in both editions: with nothing else to go on the
    /// numbers read left to right fill it, and a stray year after them is
    /// left out and reported.
    @Test func reviewTableReadLeftToRightDropsAStrayNumber() throws {
        let text = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果", "维持", "结果", "纠正", "其他", "结果",
                    "3", "1", "0", "行政诉讼", "尚未 总", "结果", "审结 计", "维持", "1", "5",
                    "2", "0", "1", "0", "3", "1", "0", "0", "0", "1", "2019", "五、存在的主要问题及改进情况"].joined(separator: "\n") + "\n"
        let doc = try document(text)
        let table = try #require(doc.tables.first)
        #expect(table.records.map(\.value) == ["3", "1", "0", "1", "5", "2", "0", "1", "0", "3", "1", "0", "0", "0", "1"])
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.message.contains("2019") })
    }

    /// A report keeps one format: after a 2021 table 一, a 2021 table 三 of
    /// zeros with two rows' values lost has 161 numbers, the 2019 table's
    /// count, and zeros satisfy its arithmetic in any order. Only the
    /// report's edition is read in another order, so the table stays 2021
    /// with two rows reported missing (a second run, reading that grid,
    /// then reads it the same way).
    @Test func aReportsEditionIsTheOnlyOneReadInAnotherOrder() throws {
        var lines = ["二、主动公开政府信息情况", "第二十条第（一）项", "信息内容 本年制发件数 本年废止件数 现行有效件数", "规章 0 0 0",
                     "行政规范性文件 0 0 0", "第二十条第（五）项", "信息内容 本年处理决定数量", "行政许可 0", "第二十条第（六）项",
                     "信息内容 本年处理决定数量", "行政处罚 0", "行政强制 0", "第二十条第（八）项", "信息内容 本年收费金额（单位：万元）", "行政事业性收费 0"]
        let lost: Set<String> = ["unavailable-1", "unavailable-2"]
        lines += applicationsTable(values: { lost.contains($0) ? [] : [0, 0, 0, 0, 0, 0, 0] }).split(separator: "\n").map(String.init)
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(doc.tables.map(\.templateID) == ["2021-active-disclosure", "2021-applications"])
        #expect(!doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair })
        let once = try canonical(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// Table 四 as pdftotext -raw reads LibreOffice's table with its header
    /// row split across a page break: 行政复议's 总计 9 and 未经复议直接起诉's
    /// 结果维持 3 come after the header text 结果⏎维持, 行政复议's 尚未审结 1
    /// only after its bottom line 审结 计.
    /// No order holds as drawn; the header pieces (one column with two values,
    /// two columns with one) say one value was drawn out of its place, and of
    /// the orders with one of those values moved only one holds and agrees.
    @Test func aValueDrawnAfterTheNextHeaderPieceIsPlacedByTheHeaderColumns() throws {
        let text = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果 其他 尚未 总", "", "行政诉讼", "未经复议直接起诉", "",
                    "复议后起诉", "", "维持", "", "纠正", "", "结果", "", "5", "", "1", "", "2", "", "结果", "维持", "9", "3", "",
                    "审结 计", "1", "", "结果", "纠正", "0", "", "其他", "结果", "1", "", "尚未 总 结果", "审结 计 维持", "1", "5", "1", "",
                    "结果", "纠正", "0", "", "其他", "结果", "0", "", "尚未 总", "审结 计", "1", "2", "", "五、存在的主要问题及改进情况"]
            .joined(separator: "\n") + "\n"
        let doc = try document(text)
        let table = try #require(doc.tables.first)
        #expect(table.records.map(\.value) == ["5", "1", "2", "1", "9", "3", "0", "1", "1", "5", "1", "0", "0", "1", "2"])
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair && $0.message.contains("out of its place") })
    }

    /// Two readings of table 三 that both hold (a 1 of 法律服务机构 in row
    /// （五）2.重复申请 or in row 3.要求提供公开出版物: the same sums), the
    /// numbers drawn as pdftotext -raw draws a row label's pieces among its
    /// row's values: only the reading that puts each number after a label
    /// piece in that label's row is taken; without the pieces (bare numbers)
    /// neither is, and a piece no longer than one scalar, or part of a column
    /// label, names no row.
    @Test func theRowLabelPiecesBeforeTheNumbersChooseAmongReadingsThatHold() throws {
        let template = try #require(pipeline.tables.rules.templates.first { $0.id == "2021-applications" })
        let rows = template.rows.filter { !$0.isHeader }
        let repeated = try #require(rows.firstIndex { $0.path.last == "2.重复申请" })
        let publication = try #require(rows.firstIndex { $0.path.last == "3.要求提供公开出版物" })
        func text(pieces: Bool, split: [String]) -> [SourceLine] {
            var lines: [String] = []
            for (r, row) in rows.enumerated() {
                let values = r == repeated ? "0 0 0 0 1 0 1" : "0 0 0 0 0 0 0"
                guard pieces else { lines.append(values); continue }
                if r == publication {
                    // The label's second piece drawn between the row's values.
                    lines += ["\(split[0]) 0 0 0 0", "\(split[1]) 0 0 0"]
                } else {
                    lines.append("\(row.path.last!) \(values)")
                }
            }
            return lines.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        }
        let recovery = pipeline.tables.readingOrder
        func choice(_ lines: [SourceLine]) -> [[Int]]? {
            let tokens = recovery.numbers(in: lines[...])
            #expect(tokens.count == rows.count * 7)
            // Row by row; and the same with the 1 of 法律服务机构 and the 0
            // under it traded between the two rows (slot 4 of each).
            let byRows = (0..<rows.count).map { r in (0..<7).map { r * 7 + $0 } }
            var traded = byRows
            traded[repeated][4] = byRows[publication][4]
            traded[publication][4] = byRows[repeated][4]
            let ties = [byRows, traded].map { ReadingOrderRecovery.Reading(template: template, cells: $0, cost: 0, plan: [], dropped: []) }
            return recovery.labelPieceChoice(ties, lines: lines[...], tokens: tokens)?.cells
        }
        // 3.要求提供公 0 0 0 0 ⏎ 开出版物 0 0 0: the piece before the row's
        // fifth value names its row, which the traded reading breaks.
        #expect(choice(text(pieces: true, split: ["3.要求提供公", "开出版物"])) == (0..<rows.count).map { r in (0..<7).map { r * 7 + $0 } })
        #expect(choice(text(pieces: false, split: [])) == nil)
        // 物 alone names no row: both readings agree with the other pieces.
        #expect(choice(text(pieces: true, split: ["3.要求提供公开出版", "物"])) == nil)
        // 总计 is a column's label too: it names no row.
        #expect(choice(text(pieces: true, split: ["3.要求提供公开出版物", "总计"])) == nil)
    }

    /// The header pieces' columns: stacked lines read down, Han words stage 1
    /// joined cut where the text read down ends a label.
    @Test func headerPieceColumnsAreTheLabelsItsTextEnds() {
        let labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        #expect(HeaderPieceEvidence.columns(of: [["尚未总结果"], ["审结计维持"]], labels: labels) == [["尚未审结"], ["总计"], ["结果维持"]])
        #expect(HeaderPieceEvidence.columns(of: [["审结计"]], labels: labels) == [["尚未审结"], ["总计"]])
        #expect(HeaderPieceEvidence.columns(of: [["维持"], [], ["纠正"], [], ["结果"]], labels: labels) == [["结果维持"], ["结果纠正"], ["其他结果"]])
        #expect(HeaderPieceEvidence.columns(of: [["行政复议"], ["按照国务院办公厅的复函"]], labels: labels).isEmpty)
    }

    /// A group with more values than its piece could name columns and than
    /// a moved value's window holds leaves `movedOrders` no order: the
    /// evidence for it is nil as soon as that group grows so (the stretch
    /// not read on). One value fewer, it is read.
    @Test func aGroupTooLongForAnyMovedOrderStopsTheEvidence() {
        let labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        let index = HeaderPieceEvidence.LabelIndex(labels)
        let recovery = pipeline.tables.readingOrder
        func evidence(values: Int) -> (moved: HeaderPieceEvidence?, full: HeaderPieceEvidence) {
            let text = ["结果", "维持", (1...values).map(String.init).joined(separator: " "), "总计", "1"]
            let lines = text.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
            let tokens = recovery.numbers(in: lines[...])
            return (HeaderPieceEvidence.forMovedOrders(lines: lines[...], tokens: tokens, labels: labels, index: index),
                    HeaderPieceEvidence(lines: lines[...], tokens: tokens, labels: labels, index: index))
        }
        // 结果⏎维持 names at most 4 columns; a moved value's two groups hold at most 8 values.
        #expect(HeaderPieceEvidence.mostValues(mostColumns: 4) == 7)
        let long = evidence(values: 8)
        #expect(long.moved == nil)
        #expect(long.full.groups.map(\.tokens.count) == [8, 1])
        #expect(long.full.movedOrders().isEmpty)
        #expect(evidence(values: 7).moved?.groups.map(\.tokens.count) == [7, 1])
    }

    /// A line its scalars show to name nothing (a scalar no label holds)
    /// names nothing by its Characters either; labels with a scalar that has
    /// canonical equivalents (é) are asked by Characters only.
    @Test func headerPieceScalarTestAgreesWithTheCharacters() {
        let labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        let index = HeaderPieceEvidence.LabelIndex(labels)
        #expect(index.scalars != nil)
        #expect(index.surelyNamesNothing("按照国务院办公厅的复函。"))
        #expect(index.surelyNamesNothing("总计a"))
        #expect(!index.surelyNamesNothing("审结计维持"))
        var byCharacters = index
        byCharacters.scalars = nil
        let pieces: [[[String]]] = [[["尚未总结果"], ["审结计维持"]], [["审结计"], ["行政复议"]], [["维持"], ["按照国务院办公厅的复函。"], [], ["纠正"]],
                                    [["总计\u{301}"]], [["结果维持"], [], ["2024年，本机关"]]]
        for piece in pieces {
            #expect(HeaderPieceEvidence.columns(of: piece, labels: labels, index: index) == HeaderPieceEvidence.columns(of: piece, labels: labels, index: byCharacters))
        }
        #expect(HeaderPieceEvidence.columns(of: [["维持"], ["按照国务院办公厅的复函。"], [], ["纠正"]], labels: labels, index: index) == [["结果维持"], ["结果纠正"]])
        let accented = HeaderPieceEvidence.LabelIndex(["café"])
        #expect(accented.scalars == nil)
        #expect(HeaderPieceEvidence.columns(of: [["cafe\u{301}"]], labels: ["café"], index: accented) == [["café"]])
    }

    /// A line's words read on its bytes are the words `split` reads by
    /// Characters: also where a mark joins a space into one Character.
    @Test func headerPieceWordsAreTheCharacterSplitsWords() {
        let lines = ["尚未 总 结果", "审结\t计|维持 ", "  一、本年新收 5 0 12 ", "", " ", "a \u{301}b", "x\u{200D} y", "é | ü", "ｶ ﾞ", "（一）予以公开 3"]
        for line in lines {
            #expect(HeaderPieceEvidence.words(of: line) == line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "|" }).map(String.init))
        }
    }

    /// A header cell whose second line pdftotext -raw printed with its
    /// column's values, far from its first, is written whole: its pieces
    /// stand in the table's text (商业 … 企业), the values as read.
    @Test func headerCellsSplitFromTheirSecondLinesAreWrittenWhole() throws {
        let doc = try document(headerSecondLinesWithTheirColumns())
        let table = try #require(doc.tables.first)
        #expect(Self.value(in: table, "一、本年新收政府信息公开申请数量", "科研机构") == "1")
        #expect(Self.value(in: table, "（一）予以公开", "总计") == "4")
        #expect(table.records.count == 175)
        #expect(table.grid[2] == ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
    }

    /// A label stands in pieces when a piece of one line and whole lines
    /// after it, in order, make it; never from lines out of order, nor from
    /// a line that only holds a piece of its end.
    @Test func headerLabelPiecesAreALinePieceThenWholeLines() {
        func text(_ lines: [String]) -> ReadingOrderRecovery.RegionText {
            var text = ReadingOrderRecovery.RegionText()
            for line in lines { text.append(line.unicodeScalars) }
            return text
        }
        let recovery = pipeline.tables.readingOrder
        func stands(_ label: String, _ lines: [String]) -> Bool { recovery.standsInPieces(Array(label.unicodeScalars), in: text(lines)) }
        #expect(stands("科研机构", ["科研社会公益法律服务其计", "一、本年新收", "机构", "12"]))
        #expect(stands("社会公益组织", ["科研社会公益法律服务其计", "机构", "组织"]))
        #expect(stands("其他", ["科研社会公益法律服务其计", "人", "他"]))
        #expect(!stands("商业企业", ["企业", "商业"]))
        #expect(!stands("商业企业", ["商业", "企业务"]))
        #expect(!stands("商业企业", ["商业企"]))
    }

    /// A column block pdftotext -raw printed after a blank line, its header
    /// text drawn elsewhere (lanchuan's 自然人 column after the block
    /// 科研机构…总计 of the first three rows), opens a block where no order
    /// with blocks opening after text only holds: the one table that holds
    /// is placed. Run on in one text block, the numbers are not so read.
    @Test(arguments: [true, false]) func aBlockAfterABlankLineIsReadWhereNothingElseHolds(blank: Bool) throws {
        let doc = try document(blockThenFirstColumnAfterABlankLine(blank: blank))
        let table = try #require(doc.tables.first)
        func value(_ row: String, _ column: String) -> String? { Self.value(in: table, row, column) }
        if blank {
            #expect(value("一、本年新收政府信息公开申请数量", "自然人") == "2863")
            #expect(value("一、本年新收政府信息公开申请数量", "商业企业") == "412")
            #expect(value("一、本年新收政府信息公开申请数量", "科研机构") == "38")
            #expect(value("（一）予以公开", "总计") == "1780")
            #expect(value("（七）总计", "总计") == "3570")
            #expect(table.records.count == 175)
            #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.message.contains("blank line") })
        } else {
            #expect(value("一、本年新收政府信息公开申请数量", "自然人") == nil)
        }
    }

    /// The plan's header tries per mask of the columns that open after text
    /// are the tries, in the search's order, whose blocks all open there.
    @Test func headerTriesAreEveryTryWhoseBlocksOpenThere() throws {
        let limits = pipeline.tables.rules.readingOrder
        for columns in [2, 3, 5, 7, 8] {
            let plan = ReadingOrderPlan(rows: 5, columns: columns, limits: limits)
            let tries = try #require(plan.headerTries)
            #expect(tries.count == 1 << columns)
            var wrong = 0
            for opens in 0..<(UInt64(1) << UInt64(columns)) {
                var expected: [(layout: Int, deferLast: Bool)] = []
                for h in plan.headerLayouts.indices {
                    for deferLast in [false, true] where !(plan.headerInOrder[h] && !deferLast) {
                        if (deferLast ? plan.headerOpensDeferred[h] : plan.headerOpensAll[h]) & ~opens == 0 { expected.append((h, deferLast)) }
                    }
                }
                let listed = tries[Int(opens)]
                if listed.count != expected.count || !zip(listed, expected).allSatisfy({ $0.layout == $1.layout && $0.deferLast == $1.deferLast }) { wrong += 1 }
            }
            #expect(wrong == 0, "\(columns) columns")
        }
    }

    /// Memo keys that are equal hash alike, texts compared as `String`
    /// compares them (canonical equivalence: U+212A is K).
    @Test func equalMemoKeysHashAlike() {
        typealias Key = ReadingOrderRecovery.Memo.Key
        func key(_ texts: [String], _ afterText: [Bool]) -> Key {
            let afterBlank = afterText.map { !$0 }
            return Key(template: "t", texts: texts, afterText: afterText, afterBlank: afterBlank,
                       numbersHash: Key.numbersHash(texts: texts, afterText: afterText, afterBlank: afterBlank))
        }
        let flags = (0..<70).map { $0 % 3 == 0 }
        let pairs: [([String], [String])] = [
            (["K", "12", "0"], ["\u{212A}", "12", "0"]),
            (["1;"], ["1\u{037E}"]),
            (["`5"], ["\u{1FEF}5"]),
            (["é1"], ["e\u{301}1"]),
            ((0..<70).map { "\($0)" }, (0..<70).map { "\($0)" }),
        ]
        for (a, b) in pairs {
            let x = key(a, Array(flags.prefix(a.count))), y = key(b, Array(flags.prefix(b.count)))
            #expect(x == y)
            #expect(x.numbersHash == y.numbersHash)
        }
        #expect(key(["1", "2"], [true, false]).numbersHash != key(["1", "2"], [false, true]).numbersHash)
        #expect(key(["1", "2"], [true, false]).numbersHash != key(["12"], [true]).numbersHash)
    }

    /// tongxi-lyj-2020's 2019 table 四 as pdfminer reads a Chromium PDF
    /// (one box a cell, 总⏎计 under its value), with a box of table 二's
    /// 本年增/减 column (增2 ⏎ 减1) drawn between 未经复议直接起诉's boxes and
    /// 复议后起诉's, as the fuzzer's item 35 had it. Table 四's cells are
    /// counts: a signed value is no count, so the search reads the box as
    /// text and table 四 is its fifteen numbers left to right (the gold's
    /// 1 1 0 0 2 0 0 0 0 0 0 0 0 1 1). Main 5eefaf3 put 增2 and 减1 in
    /// 复议后起诉's 结果维持 and 结果纠正 and dropped its 1 1 (a reading that
    /// holds but for one cell).
    @Test func aSignedBoxAmongTableFoursBoxesIsNoCount() throws {
        let box = ["本年增/减", "增2", "减1", ""]
        let before = ["四、政府信息公开行政复议、行政诉讼情况", "", "行政复议", "", "行政诉讼", "", "结果", "维持", "", "结果", "纠正", "",
                      "其他", "结果", "", "尚未", "审结", "", "1", "", "1", "", "0", "", "0", "", "总", "计", "", "2", "",
                      "未经复议直接起诉", "", "复议后起诉", "", "结果", "维持", "", "结果", "纠正", "", "其他", "结果", "", "尚未", "审结", "",
                      "0", "", "0", "", "0", "", "0", "", "总", "计", "", "0", ""]
        let after = ["结果", "维持", "", "结果", "纠正", "", "其他", "结果", "", "尚未", "审结", "", "0", "", "0", "", "0", "", "1", "",
                     "总", "计", "", "1", "", "五、存在的主要问题及改进情况"]
        let text = (before + box + after).joined(separator: "\n") + "\n"
        let doc = try document(text)
        let table = try #require(doc.tables.first { $0.templateID?.hasSuffix("review-litigation") == true })
        #expect(table.records.map(\.value) == ["1", "1", "0", "0", "2", "0", "0", "0", "0", "0", "0", "0", "0", "1", "1"])
        #expect(!doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.message.contains("may alone break") })
        let once = try canonical(Array(text.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    /// A signed value (增2, 减1, +3, -2) is a number of the stretch, or,
    /// refused (a template of counts), text: the number after it then
    /// stands after text. A lone - is an empty mark either way, and a
    /// number ending a Han piece (第3) is read either way.
    @Test func aRefusedSignedValueIsText() {
        let recovery = pipeline.tables.readingOrder
        let lines = ["7", "增2", "减1 -3 +4 - 5", "第3"].enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        let (plain, signed) = recovery.numbersAndSigns(in: lines[...])
        #expect(signed)
        #expect(plain.map(\.text) == ["7", "增2", "减1", "-3", "+4", "5", "3"])
        let refused = recovery.numbersAndSigns(in: lines[...], refusingSigned: true)
        #expect(!refused.signed)
        #expect(refused.tokens.map(\.text) == ["7", "5", "3"])
        #expect(refused.tokens.map(\.afterText) == [false, true, true])
        #expect(recovery.refusesSigned(pipeline.tables.rules.templates.first { $0.id == "2019-review-litigation" }!))
        #expect(!recovery.refusesSigned(pipeline.tables.rules.templates.first { $0.id == "2019-active-disclosure" }!))
    }

    /// A piece of ASCII digits is read off its bytes (`NumberReader.piece`):
    /// its text and number as the general path reads them, leading zeros
    /// and all, up to 15 digits; a longer run, a decimal, a number glued to
    /// a label's end and one with a unit go the general way. What stood
    /// before each value (text, a blank line, the label piece) is kept.
    @Test func digitPiecesReadAsTheGrammarReadsThem() throws {
        let recovery = pipeline.tables.readingOrder
        let lines = ["申请数量96 0 12", "", "007 123456789012345 1234567890123456", "3.5 第7 5件 注 |8|"]
            .enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        let tokens = recovery.numbers(in: lines[...])
        #expect(tokens.map(\.text) == ["96", "0", "12", "007", "123456789012345", "1234567890123456", "3.5", "7", "5件", "8"])
        #expect(tokens.map(\.number) == [96, 0, 12, 7, 123456789012345, 1234567890123456, 3.5, 7, 5, 8])
        #expect(tokens.map(\.afterText) == [true, false, false, false, false, false, false, true, false, true])
        #expect(tokens.map(\.afterBlank) == [false, false, false, true, false, false, false, false, false, false])
        #expect(tokens.map(\.line) == [1, 1, 1, 3, 3, 3, 4, 4, 4, 4])
        // The text before 96 is 申请数量 (its piece's bytes up to the number),
        // before 7 第, before 8 注 (5件 is a value with its unit).
        let texts = try [0, 7, 9].map { try #require(tokens[$0].textBefore) }
        #expect(texts.map(\.lineIndex) == [0, 3, 3])
        #expect(texts.map(\.bytes) == [0..<12, 4..<7, 14..<17])
    }
}
