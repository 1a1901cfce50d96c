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
///
/// `tables.page-broken-rest`, the rows below the break: their cells come in
/// no order a rule could use (pingxi's 减1 before its 5, yunling's 21 drawn
/// after everything else on the page), but a value's kind may leave it one
/// cell. Where the values still loose after the break's label are exactly
/// as many as the empty cells of the rows below it, every assignment of
/// them to those cells is tried that keeps each value's kind: a signed
/// value (增3) only under a header naming its sign (本年增/减), no bare
/// number but zero under such a header where the table writes its changes
/// with both signs (增1 and 减1: the author signs every change), every
/// bound of the template holding. Where exactly one table comes of it
/// (jingyang's seven zeros in seven cells; three 增2 for the three cells
/// under 本年增/减), it is placed. Where several do, nothing is: a single
/// cell they agree on (yunling's 增3, the one cell naming 增) would leave
/// the row's others empty beside it, and a later reading of the table
/// moves such a value left (see the holdout README).
extension LabelledColumnRecovery {
    /// The reading of the rows above a page break inside a block: per template
    /// row, each slot's piece (index into `pieces`), what it allowed, and the
    /// template rows read; nil where the stretch is not so cut or no reading
    /// of that part keeps the order.
    func pageBrokenReading(_ pieces: [Piece], lines: [SourceLine], template: TableTemplate, shape: Shape)
        -> (reading: [[Int?]], allowed: ReadingAllowance, rows: [Int], cutLine: Int)? {
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
        return (one.reading, one.allowed, above, pieces[cut].lineIndex)
    }

    /// The rows below the break (`tables.page-broken-rest`): per empty cell
    /// (its template row, slot and header), the text every assignment of
    /// `loose` to them puts there that keeps the values' kinds and the
    /// template's bounds; nil where the counts differ, none keeps them, two
    /// give other tables, or the search ran out of steps. `values`: what is
    /// placed already (the bounds' other cells); `signsShown`: the table
    /// writes its changes with both signs (`signsBothWays`).
    func brokenRest(cells: [(row: Int, slot: Int, header: String)], loose: [String], values: [[String?]],
                    signsShown: [String]?, template: TableTemplate) -> [String]? {
        guard !cells.isEmpty, loose.count == cells.count else { return nil }
        // Equal texts trading cells give one table: each distinct text once, with its count.
        var texts: [String] = [], left: [Int] = []
        for text in loose {
            if let k = texts.firstIndex(of: text) { left[k] += 1 } else { texts.append(text); left.append(1) }
        }
        // Per cell, the texts its kind allows there.
        let allowed = cells.map { cell in
            texts.indices.filter { k in
                signFits(texts[k], under: cell.header) && bareChange([(texts[k], cell.header)], shown: signsShown) == nil
            }
        }
        var cellAt: [Int: Int] = [:]
        for (c, cell) in cells.enumerated() { cellAt[cell.row << 8 | cell.slot] = c }
        let bounds = template.boundSites.filter { site in site.cells.contains { cellAt[$0.row << 8 | $0.slot] != nil } }
        var chosen = [Int](repeating: -1, count: cells.count), first: [Int]?, tables = 0, steps = 0
        let budget = rules.readingOrder.maxOneReadingSteps
        func boundsHold() -> Bool {
            for site in bounds {
                let sums = site.sums { row, slot in
                    let text = cellAt[row << 8 | slot].map { texts[chosen[$0]] } ?? values[row][slot]
                    return text.flatMap(boundNumber)
                }
                if let sums, !sums.keepsBound { return false }
            }
            return true
        }
        func search(_ c: Int) {
            guard steps < budget, tables < 2 else { return }
            if c == cells.count {
                guard boundsHold() else { return }
                tables += 1
                if first == nil { first = chosen }
                return
            }
            for k in allowed[c] where left[k] > 0 {
                steps += 1
                left[k] -= 1; chosen[c] = k
                search(c + 1)
                left[k] += 1; chosen[c] = -1
            }
        }
        search(0)
        guard steps < budget, tables == 1, let first else { return nil }
        return first.map { texts[$0] }
    }
}
