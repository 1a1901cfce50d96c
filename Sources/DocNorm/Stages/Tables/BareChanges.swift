/// Stage 3, `tables.labelled-columns`, bare changes: a bare number other
/// than 0 placed under a header naming a sign (本年增/减) in a table that
/// writes its changes with their sign is in doubt, and so is the column
/// its run may belong to.
///
/// A table that writes an increase with its sign (增1, +2;
/// Rules/tables.json `values.increasePrefixes`), or its changes both ways
/// (增3 beside 减2), writes no change as a bare number: a bare 31 under
/// 本年增/减 there is another column's value. A document may mark only its
/// decreases (减3 beside a bare 5): that shows nothing, and nothing is
/// asked there.
///
/// Chromium's PDF read by pdftotext in its default mode may print a
/// column's values before its header (mingxi-shanmu-xiang-2020, table 二:
/// 采购项目数量⏎⏎31⏎286⏎⏎处理决定数量⏎⏎0⏎0, 31 286 being （五）'s 处理决定数量,
/// 0 0 （六）'s 本年增/减), and the column runs gave 31 286 to the first
/// header before them still without values, （六）'s 本年增/减, and 0 0 to
/// the 处理决定数量 after them. So the run of a bare change may be the
/// column of the header printed right after it (blank lines only between):
/// what that header holds is in doubt too. Each such cell is reported,
/// naming it (`tables.labelled-columns`, a suspicion); the values stay as
/// read. Where the stretch writes its changes signed, `recover` first
/// leaves such runs, and the cut run after a header with a loose run of
/// its block's rows right before it (`looseRunRightBefore`), to the one
/// reading (OneReading.swift `changesSigned`), which placed mingxi's table
/// right; the report is what is left where no reading is found.
extension LabelledColumnRecovery {
    /// The cells in doubt: `bare`, those under a header naming a sign that
    /// hold a bare number other than 0 where the placed changes show the
    /// table writes them signed; `after`, the cells holding values of the
    /// header printed right after such a value's run, blank lines only
    /// between. Both empty where the table shows no signed writing or no
    /// bare change stands.
    func bareChangesInDoubt(values: [[String?]], placedAt: [[Int]], pieces: [Piece], lines: [SourceLine],
                            heard: [HeardHeader], shape: Shape) -> (bare: [Cell], after: [Cell]) {
        // Asked of every table placed, and nearly every one holds numbers
        // alone: where no value opens with other than an ASCII digit, no
        // change is signed, told on each value's first UTF-8 byte.
        guard values.contains(where: { row in row.contains { $0.map { !Self.opensWithASCIIDigit($0) } ?? false } }) else { return ([], []) }
        var signs = Set<Unicode.Scalar>(), bare: [Cell] = []
        for block in shape.blocks {
            for (slot, header) in block.headers.enumerated() where namesSign(header) {
                for row in block.rows {
                    guard row < values.count, slot < values[row].count, let text = values[row][slot] else { continue }
                    if isSigned(text), let sign = text.unicodeScalars.first {
                        signs.insert(sign)
                    } else if isBareNonZero(text) {
                        bare.append(Cell(row: row, slot: slot))
                    }
                }
            }
        }
        guard !bare.isEmpty, writesChangesSigned(signs) else { return ([], []) }
        var after: [Cell] = []
        for cell in bare {
            guard let text = values[cell.row][cell.slot], case let at = placedAt[cell.row][cell.slot],
                  var end = pieces.firstIndex(where: { if case .value(text, at) = $0 { true } else { false } }) else { continue }
            // The run it stands in: values on the same or the next line.
            while end + 1 < pieces.count, case .value = pieces[end + 1],
                  pieces[end + 1].lineIndex - pieces[end].lineIndex <= 1 { end += 1 }
            let next = end + 1
            guard next < pieces.count, let header = heard.first(where: { $0.piece == next }),
                  ColumnOrderEvidence.onlyBlankLines(lines, between: pieces[end].lineIndex, and: pieces[next].lineIndex) else { continue }
            for row in shape.blocks[header.block].rows {
                let other = Cell(row: row, slot: header.slot)
                guard values[row][header.slot] != nil, !bare.contains(other), !after.contains(other) else { continue }
                after.append(other)
            }
        }
        return (bare, after)
    }

    /// Whether the pieces right before header piece `header` are a run of
    /// exactly `rows` values (on the same or the next line each), every one
    /// loose (placed nowhere yet), with only blank lines, one or more,
    /// between the run and the header: Chromium's PDF read by pdftotext may
    /// print a column that way, before its header (31⏎286⏎⏎处理决定数量), so
    /// the values right after the header may be another column's.
    func looseRunRightBefore(_ header: Int, rows: Int, pieces: [Piece], lines: [SourceLine],
                             loose: [(text: String, lineIndex: Int, reason: String)]) -> Bool {
        guard header > 0, header < pieces.count, case .value = pieces[header - 1] else { return false }
        var first = header - 1
        while first > 0, case .value = pieces[first - 1], pieces[first].lineIndex - pieces[first - 1].lineIndex <= 1 { first -= 1 }
        guard header - first == rows,
              ColumnOrderEvidence.onlyBlankLines(lines, between: pieces[header - 1].lineIndex, and: pieces[header].lineIndex) else { return false }
        return (first..<header).allSatisfy { p in
            guard case .value(let text, let index) = pieces[p] else { return false }
            return loose.contains { $0.text == text && $0.lineIndex == index }
        }
    }

    /// Whether a text's first UTF-8 byte is an ASCII digit (a signed
    /// value never opens so).
    static func opensWithASCIIDigit(_ text: String) -> Bool {
        text.firstUTF8Byte &- 0x30 < 10
    }

    /// Whether the signs of a table's changes show it writes them signed:
    /// an increase's sign (增, +; `values.increasePrefixes`), or two signs.
    func writesChangesSigned(_ signs: Set<Unicode.Scalar>) -> Bool {
        signs.count >= 2 || signs.contains { rules.increasePrefixes.contains($0) }
    }

    /// Whether a value is a bare number other than zero (9, 31): unsigned,
    /// opening with a digit, one digit not 0.
    func isBareNonZero(_ text: String) -> Bool {
        !isSigned(text) && text.unicodeScalars.first.map { rules.digits.contains($0) } == true
            && text.unicodeScalars.contains { rules.digits.contains($0) && $0 != "0" }
    }
}

extension TableRecognizer {
    /// Reports each cell `LabelledColumnRecovery.bareChangesInDoubt` found
    /// in a placement, naming it, with its value as it stands (the kinds
    /// settled); the values are left as read.
    func reportBareChanges(_ placement: LabelledColumnRecovery.Placement, first: Int, context: PipelineContext) {
        let template = placement.template, (bare, after) = placement.bareChanges
        guard !bare.isEmpty else { return }
        let shown = bare.compactMap { placement.values[$0.row][$0.slot] }.joined(separator: " ")
        for (cell, isBare) in bare.map({ ($0, true) }) + after.map({ ($0, false) }) {
            let row = template.rows[cell.row]
            guard cell.slot < row.columnPaths.count, let value = placement.values[cell.row][cell.slot] else { continue }
            let name = "'\(row.path.joined(separator: " / "))' × '\(row.columnPaths[cell.slot].joined(separator: " / "))'"
            let why = isBare
                ? "a bare number other than 0 under a header naming a sign, where this table writes its changes with their sign: no change, another column's value"
                : "under the header printed right after the run of the bare change(s) \(shown), blank lines only between: that run may be this column, printed before its header, and \(value) another's"
            context.report(.tables, "tables.labelled-columns", .suspicion,
                           "cell \(name) of table \(template.id) holds \(value), \(why); left as read",
                           line: placement.rowLines[cell.row] ?? first,
                           cells: DiagnosticCells(table: template.id, row: row.path, column: row.columnPaths[cell.slot], value: value))
        }
    }
}
