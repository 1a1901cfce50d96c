import Testing
@testable import DocNorm

/// The data-row labels of an applications template, each row's label cells joined.
private func dataLabels(_ edition: Int) -> [String] {
    let template = pipeline.tables.rules.templates.first { $0.id == "\(edition)-applications" }!
    return template.rows.filter { !$0.isHeader }.map { row in
        row.cells.compactMap { if case .label(let l) = $0 { l } else { nil } }.joined()
    }
}

/// A consistent table 三 (2021) with four-digit values and few zeros, per
/// data row: a block read in the wrong place breaks the arithmetic.
private let busyTable: [[Int]] = [
    [1523, 214, 7, 12, 96, 31, 1883], [87, 11, 0, 1, 4, 2, 105], [612, 88, 3, 5, 37, 12, 757],
    [143, 21, 1, 2, 9, 3, 179], [3, 0, 0, 0, 0, 0, 3], [11, 2, 0, 0, 1, 0, 14], [4, 1, 0, 0, 0, 0, 5],
    [46, 9, 0, 1, 3, 1, 60], [18, 3, 0, 0, 1, 0, 22], [39, 6, 1, 0, 2, 1, 49], [12, 2, 0, 0, 1, 0, 15],
    [27, 4, 0, 0, 2, 1, 34], [298, 41, 1, 3, 19, 7, 369], [54, 8, 0, 0, 3, 1, 66], [37, 5, 0, 1, 2, 1, 46],
    [76, 6, 0, 0, 2, 1, 85], [41, 3, 0, 0, 3, 2, 49], [9, 1, 0, 0, 0, 0, 10], [6, 0, 0, 0, 0, 0, 6],
    [5, 1, 0, 0, 1, 0, 7], [38, 6, 0, 0, 5, 1, 50], [2, 0, 0, 0, 0, 0, 2], [27, 4, 0, 1, 3, 0, 35],
    [1508, 211, 6, 13, 94, 31, 1863], [102, 14, 1, 0, 6, 2, 125],
]

/// A consistent table 三 (2019 format) of 19 new applications and 1
/// carried over, nearly every row zero: most rows read in many orders.
private let sparseTable: [[Int]] = {
    var rows = [[Int]](repeating: [0, 0, 0, 0, 0, 0, 0], count: 23)
    rows[0] = [13, 4, 0, 1, 1, 0, 19]
    rows[1] = [1, 0, 0, 0, 0, 0, 1]
    rows[2] = [6, 2, 0, 1, 0, 0, 9]
    rows[3] = [2, 0, 0, 0, 1, 0, 3]
    rows[7] = [1, 0, 0, 0, 0, 0, 1]
    rows[9] = [0, 1, 0, 0, 0, 0, 1]
    rows[12] = [2, 0, 0, 0, 0, 0, 2]
    rows[13] = [1, 0, 0, 0, 0, 0, 1]
    rows[16] = [1, 0, 0, 0, 0, 0, 1]
    rows[21] = [13, 3, 0, 1, 1, 0, 18]
    rows[22] = [1, 1, 0, 0, 0, 0, 2]
    return rows
}()

private let head = ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]
private let next = "四、政府信息公开行政复议、行政诉讼情况"

@Suite struct ReadingOrderRunTests {
    /// Chromium's PDF through pdftotext -raw, on a page whose labels are
    /// short: each of the last rows' labels is drawn with its first two
    /// values beside it (用、行政机关 2 0, 3.其他 27 4), and only then the
    /// rest of those rows (the first row's, then the others' column by
    /// column, 其他 and 总计 together). Before them, the rows whose first
    /// value came with the label, then their other values row by row. Read
    /// with both columns first, the rows fill the grid and the table adds up.
    @Test func runWithTwoColumnsBesideTheLabelsIsRecovered() throws {
        let labels = dataLabels(2021), v = busyTable
        var lines = head
        for i in 0..<3 { lines.append(labels[i] + " " + v[i].map(String.init).joined(separator: " ")) }
        for i in 3..<21 { lines.append("\(labels[i]) \(v[i][0])") }
        for i in 3..<21 { lines += v[i].dropFirst().map(String.init) }
        for i in 21..<25 { lines.append("\(labels[i]) \(v[i][0]) \(v[i][1])") }
        lines += v[21].dropFirst(2).map(String.init)
        for c in 2..<5 { lines += (22..<25).map { String(v[$0][c]) } }
        lines += (22..<25).map { "\(v[$0][5]) \(v[$0][6])" }
        lines.append(next)
        let doc = try document(lines.joined(separator: "\n") + "\n")
        let table = try #require(doc.tables.first)
        #expect(table.templateID == "2021-applications")
        #expect(table.records.count == 175)
        #expect(table.records.map(\.value) == v.flatMap { $0.map(String.init) })
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair && $0.message.contains("first 2 columns first") })
    }

    /// The same table with the first column's label 三、本年度办理结果 broken
    /// over two lines, its first piece beside the next cell's label
    /// (三、本年度办 （一）予以公开, the space between them dropped as between
    /// Han text) and its values one per line after it: that line opens
    /// with section numbering no label starts with, yet it is the start of
    /// one label run into another's, a row, not the next section. The
    /// stretch goes on to the end of the table, and the table is read.
    @Test func aBrokenNumberedLabelBesideTheNextLabelDoesNotEndTheTable() throws {
        let labels = dataLabels(2021), v = busyTable
        var lines = head
        for i in 0..<2 { lines.append(labels[i] + " " + v[i].map(String.init).joined(separator: " ")) }
        lines.append("三、本年度办 （一）予以公开")
        lines += v[2].map(String.init)
        lines.append("理结果")
        for i in 3..<21 { lines.append("\(labels[i]) \(v[i][0])") }
        for i in 3..<21 { lines += v[i].dropFirst().map(String.init) }
        for i in 21..<25 { lines.append("\(labels[i]) \(v[i][0]) \(v[i][1])") }
        lines += v[21].dropFirst(2).map(String.init)
        for c in 2..<5 { lines += (22..<25).map { String(v[$0][c]) } }
        lines += (22..<25).map { "\(v[$0][5]) \(v[$0][6])" }
        lines.append(next)
        let doc = try document(lines.joined(separator: "\n") + "\n")
        let table = try #require(doc.tables.first)
        #expect(table.records.map(\.value) == v.flatMap { $0.map(String.init) })
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair })
    }

    /// A heading shares no more than its numbering with a label: it ends
    /// the stretch, glued to a label's start or not.
    @Test func aHeadingIsNotTakenForABrokenLabel() {
        let labels = ["三、本年度办理结果", "（一）予以公开", "四、结转下年度继续办理"].map { Array($0.unicodeScalars) }
        #expect(ReadingOrderRecovery.opensRow(Array("三、本年度办（一".unicodeScalars), labels: labels, numbered: 2))
        #expect(ReadingOrderRecovery.opensRow(Array("三、本年度办".unicodeScalars), labels: labels, numbered: 2))
        #expect(!ReadingOrderRecovery.opensRow(Array("四、政府信息公开".unicodeScalars), labels: labels, numbered: 2))
        #expect(!ReadingOrderRecovery.opensRow(Array("四、（一）予以".unicodeScalars), labels: labels, numbered: 2))
    }

    /// The two values beside a label must have been drawn together: where
    /// text stands between a row's first and second value (each label with
    /// one value, the labels wrapped), two columns are not read first, and
    /// those numbers hold in no order.
    @Test func valuesApartFromEachOtherAreNotReadAsTwoLeadingColumns() throws {
        let labels = dataLabels(2021), v = busyTable
        var lines = head
        for i in 0..<3 { lines.append(labels[i] + " " + v[i].map(String.init).joined(separator: " ")) }
        for i in 3..<21 { lines.append("\(labels[i]) \(v[i][0])") }
        for i in 3..<21 { lines += v[i].dropFirst().map(String.init) }
        for i in 21..<25 { lines += ["\(labels[i]) \(v[i][0])", "续 \(v[i][1])"] }
        lines += v[21].dropFirst(2).map(String.init)
        for c in 2..<5 { lines += (22..<25).map { String(v[$0][c]) } }
        lines += (22..<25).map { "\(v[$0][5]) \(v[$0][6])" }
        lines.append(next)
        let doc = try document(lines.joined(separator: "\n") + "\n")
        #expect(!doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair })
    }

    /// Chromium's PDF of a table of many zero rows through pdftotext -raw:
    /// rows whose label wraps drawn from their fourth column (the label's
    /// first line, 社会公益…总计, the label's second line with 自然人…科研),
    /// then past the page break the first column beside the labels and the
    /// other columns after them. So many cheap orders of the zero rows hold
    /// in their rows that the one that holds in its columns too was cut
    /// from the readings kept; the search made again keeping more finds it,
    /// and it is the only one.
    @Test func aReadingCutByTheCandidateBoundIsFoundByTheWiderSearch() throws {
        let labels = dataLabels(2019), v = sparseTable
        var lines = head
        for i in 0..<6 { lines.append(labels[i] + " " + v[i].map(String.init).joined(separator: " ")) }
        for i in 6..<10 {
            let label = Array(labels[i]), half = label.count / 2
            lines.append(String(label[..<half]))
            lines += v[i][3...].map(String.init)
            lines.append(String(label[half...]) + " " + v[i][..<3].map(String.init).joined(separator: " "))
        }
        for i in 10..<14 { lines.append(labels[i] + " " + v[i].map(String.init).joined(separator: " ")) }
        for i in 14..<23 { lines.append("\(labels[i]) \(v[i][0])") }
        for i in 14..<20 { lines += v[i].dropFirst().map(String.init) }
        for c in 1..<5 { lines += (20..<23).map { String(v[$0][c]) } }
        lines += (20..<23).map { "\(v[$0][5]) \(v[$0][6])" }
        lines.append(next)
        let doc = try document(lines.joined(separator: "\n") + "\n")
        let table = try #require(doc.tables.first)
        #expect(table.templateID == "2019-applications")
        #expect(table.records.count == 161)
        #expect(table.records.map(\.value) == v.flatMap { $0.map(String.init) })
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair })
    }

    /// A search whose bound cut nothing is not made again (its readings are
    /// all there are), and the readings it keeps are marked as cut only when
    /// a row position had more than the bound.
    @Test func theBoundMarksACutOnlyWhereReadingsWereDropped() {
        let relations = TemplateRelations(rowChecks: [(left: [2], right: [0, 1])], columnChecks: [], columns: 3)
        var limits = pipeline.tables.rules.readingOrder
        let numbers: [Double] = [0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1]
        func search(_ cap: Int) -> ReadingOrderGrammar.Readings {
            limits.maxCandidates = cap
            return ReadingOrderGrammar(numbers: numbers, afterText: Array(repeating: false, count: numbers.count), rows: 4, columns: 3,
                                       relations: relations, limits: limits).search()
        }
        let wide = search(64)
        #expect(!wide.cut)
        #expect(wide.lists[0].count > 1)
        let narrow = search(1)
        #expect(narrow.cut)
        #expect(narrow.lists[0].count == 1)
    }

    /// LibreOffice's PDF through pdftotext -raw, table 三 opening a page:
    /// the 自然人 and 商业企业 values of the rows right under the header
    /// come with their header cells (1523 214 ⏎ 87 ⏎ 11 …), then every other
    /// row's label with its first value, then, after the 法人或其他组织
    /// header cells, the first rows' other columns row by row, then the
    /// other rows' row by row. Read as the first rows' two columns beside
    /// the run's first column, the table adds up.
    @Test func headerRowsBesideAFirstColumnRunAreRecovered() throws {
        let labels = dataLabels(2021), v = busyTable
        var lines = head + ["自然人 商业企业"]
        lines += ["\(v[0][0]) \(v[0][1])", String(v[1][0]), String(v[1][1]), "\(v[2][0]) \(v[2][1])", ""]
        lines += labels.prefix(3)
        for i in 3..<25 { lines.append("\(labels[i]) \(v[i][0])") }
        lines += ["", "法人或其他组织", "科研机构 社会公益组织 法律服务机构 其他 总计"]
        for i in 0..<3 { lines += v[i].dropFirst(2).map(String.init) }
        for i in 3..<25 { lines += v[i].dropFirst().map { "\($0)\n" } }
        lines.append(next)
        let doc = try document(lines.joined(separator: "\n") + "\n", tracing: true)
        let table = try #require(doc.tables.first)
        #expect(table.templateID == "2021-applications")
        #expect(table.records.map(\.value) == v.flatMap { $0.map(String.init) })
        #expect(doc.diagnostics.contains { $0.rule == "tables.reading-order" && $0.kind == .repair && $0.message.contains("first 2 columns first, beside") })
    }
}
