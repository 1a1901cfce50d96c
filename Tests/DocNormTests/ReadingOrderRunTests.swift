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
}
