/// Stage 3, `tables.page-broken-block`: a table whose row block a page break
/// cuts, the part above the break read on its own.
///
/// pdftotext's default mode, on a Chromium-printed 2019 table 二 whose page
/// ends inside （五）, reads the first page's part of the table as a grid of
/// its own: the row labels there (规章 规范性文件 行政许可), the captions
/// and headers, then its value blocks (2⏎增1 with the headers, 0⏎1 ⏐ 0⏎1 ⏐
/// -1- ⏐ 0⏎6 ⏐ 14), and only then the next page's labels
/// (其他对外管理服务事项 信息内容 行政处罚 …) and values, those of the cut
/// block's rows there read in an order of their own (its 减1 before its 5,
/// its 38 after the next section's heading). So no reading of the whole
/// table keeps the drawing order, and every value was left unplaced.
///
/// Asked where the stretch's first row label after a value is the next row
/// of a block whose rows above it were all labelled before any value, and a
/// line was taken out between that first value and it (a page number, a
/// running header: page furniture): the labels before the first value name
/// the rows above the break, a prefix of the table's rows. The pieces up to
/// that label are read as a table of those rows alone (`oneReading`, its
/// drawing order and, of several readings, the anti-diagonal one), a run
/// right after column headers allowed before the block over it (it stands
/// in the headers' text block). Only where those pieces hold exactly as many
/// values as those rows have cells; where readings differ, the cells they
/// differ on stay empty and reported. The rows after the break are left to
/// the rest of the stage.
extension LabelledColumnRecovery {
    /// The reading of the rows above a page break inside a block: per template
    /// row, each slot's piece (index into `pieces`), what it allowed, and the
    /// template rows read; nil where the stretch is not so cut or no reading
    /// of that part keeps the order.
    func pageBrokenReading(_ pieces: [Piece], lines: [SourceLine], template: TableTemplate, shape: Shape)
        -> (reading: [[Int?]], allowed: ReadingAllowance, rows: [Int])? {
        func isValue(_ piece: Piece) -> Bool { if case .value = piece { true } else { false } }
        func row(_ piece: Piece) -> Int? { if case .label(_, _, .row(let r)?) = piece { r } else { nil } }
        guard let firstValue = pieces.firstIndex(where: isValue),
              let cut = pieces[firstValue...].firstIndex(where: { row($0) != nil }), let cutRow = row(pieces[cut]),
              let m = shape.blocks.firstIndex(where: { $0.rows.contains(cutRow) }),
              let rank = shape.blocks[m].rows.firstIndex(of: cutRow), rank > 0 else { return nil }
        // The rows above the break, all labelled before the first value.
        let above = shape.blocks[..<m].flatMap(\.rows) + shape.blocks[m].rows[..<rank]
        let labelled = Set(pieces[..<firstValue].compactMap(row))
        guard Set(above) == labelled else { return nil }
        // Page furniture taken out between the first value and the cut.
        let from = pieces[firstValue].lineIndex, to = pieces[cut].lineIndex
        guard (from..<to).contains(where: { lines[$0 + 1].number - lines[$0].number > 1 }) else { return nil }
        var part = shape
        part.blocks = Array(shape.blocks[...m])
        part.blocks[m].rows = Array(shape.blocks[m].rows[..<rank])
        part.headers = shape.headers.map { $0.filter { $0.block <= m } }
        // A header of a block below the break among the pieces: not this kind.
        for piece in pieces[..<cut] {
            if case .label(_, _, .header(let h)?) = piece, part.headers[h].isEmpty { return nil }
        }
        guard let one = oneReading(Array(pieces[..<cut]), lines: lines, template: template, shape: part, headerRunsFirst: true)
        else { return nil }
        return (one.reading, one.allowed, above)
    }
}
