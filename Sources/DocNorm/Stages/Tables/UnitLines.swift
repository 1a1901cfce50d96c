/// Stage 3, `tables.unit-line`: a line holding only an amount's unit (万元,
/// 元) right after a line that ends in a number ends that number's cell
/// (4126.8⏎万元 → 4126.8万元). An extractor that breaks a cell's lines
/// (pymupdf, pdfminer, pdftotext -raw) puts a unit printed under its amount
/// on a line of its own; read apart it was no cell, so it ended the table
/// and the amount lost its unit. Only after: no layout prints a unit before
/// its number, and a unit line before one is more likely a header's.
///
/// Both readers of a table's lines join it by `endsAmount`: the cell stream
/// (CellStream.swift, a table read row by row) and the word loop of
/// `tables.labelled-columns` (LabelledColumnRecovery.swift, pdftotext -raw's
/// columns). Then the row's cells' kinds decide (`keepingKinds`): a count
/// column never takes a unit, an amount's unit follows its value, so a unit
/// after a count with an amount after it (168⏎万元⏎32516.8) is not the
/// count's, and the text does not prove it the amount's: the count and the
/// amount are placed as written, the unit reported where it stands.
struct UnitLine: Equatable {
    /// Indices (in the lines read) of the line ending in the number and of
    /// the unit's line.
    var amountLine: Int
    var unitLine: Int
    /// The number the unit was joined to, and the unit.
    var number: String
    var unit: String
    /// The cell's text as read with the unit.
    var joined: String { number + unit }

    /// The last word of `text` (cut where CellCut cuts cells): the number a
    /// unit on the next line would end.
    static func lastWord(of text: String) -> Substring? {
        text.split(whereSeparator: { $0.unicodeScalars.allSatisfy(CellCut.isSeparator) }).last
    }

    /// Whether `line` (a line's scalars, separators left out) is one of
    /// `amountUnits` alone and ends `word`, the last word of the line right
    /// before: a number (its last scalar a digit) that with the unit is a
    /// value. The caller has checked that no blank line stands between.
    @inline(__always)
    static func endsAmount<Line: Collection, Word: BidirectionalCollection>(
        _ line: Line, word: Word, amountUnits: [[Unicode.Scalar]],
        isValue: (ArraySlice<Unicode.Scalar>) -> Bool) -> Bool where Line.Element == Unicode.Scalar, Word.Element == Unicode.Scalar {
        guard let last = word.last, last.isASCIIDigit,
              amountUnits.contains(where: { $0.elementsEqual(line) }) else { return false }
        var joined = Array(word)
        joined.append(contentsOf: line)
        return isValue(joined[...])
    }

    /// What a unit the row's kinds refused says of the row's amount, as
    /// far as it is true: `value`, the amount's cell as placed under
    /// `column`, already ending in a unit (4826.35万元: the refused unit is
    /// a second one), a bare number that may lack it (4126.8), or no value;
    /// with no single amount in the row, that no amount is named.
    static func refusedUnitsAmount(_ value: String?, column: String, amountsInRow: Int) -> String {
        guard amountsInRow == 1 else { return "the row has no single amount it could end" }
        guard let value else { return "the amount \(column) holds no value" }
        guard let last = value.unicodeScalars.last, last.isASCIIDigit else {
            return "the amount \(column) already carries its unit: \(value)"
        }
        return "the amount \(column), \(value), may lack it"
    }
}

extension UnitLine {
    /// The unit line right after `amountLine`, whose last word `number`
    /// it ends, read from the unit line's `text`: the one place the unit is
    /// cut out of its line (the separators around it left out), for both
    /// readers (the cell stream's lines and the word loop's).
    init(after amountLine: Int, number: String, unitText text: String) {
        self.init(amountLine: amountLine, unitLine: amountLine + 1, number: number,
                  unit: String(String.UnicodeScalarView(Self.unit(of: text))))
    }

    /// A unit line's scalars with its separators left out: what
    /// `endsAmount` compares with the amount units.
    static func unit(of text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { !CellCut.isSeparator($0) }
    }
}

extension TableRules {
    /// `tables.unit-line` by the cells' kinds: of `units` joined in a table's
    /// reading, those whose joined text stands in a row (of `values`) that
    /// no placement keeping every value's kind fits (`oneKindAssignment`),
    /// while the number alone would fit one (a count, 168, with 万元 after
    /// it and an amount, 32516.8, after that): the cell gets the number
    /// alone; returned, with the cell, to be reported. A joined text kinds
    /// settle (4126⏎万元⏎19: 4126万元 the amount, 19 the count) stays joined.
    func unitsKindsRefuse(_ units: [UnitLine], values: inout [[String?]], template: TableTemplate)
        -> [(unit: UnitLine, row: Int, slot: Int)] {
        var refused: [(unit: UnitLine, row: Int, slot: Int)] = []
        for unit in units {
            let joined = unit.joined
            guard let r = values.indices.first(where: { values[$0].contains(joined) }),
                  let s = values[r].firstIndex(of: joined), r < template.rows.count else { continue }
            let row = template.rows[r], slots = values[r].count
            // Only a count's cell refuses a unit.
            guard s < row.slotIsAmount.count, !row.slotIsAmount[s] else { continue }
            func settles(_ texts: [String?]) -> Bool {
                let kept = texts.indices.allSatisfy { i in texts[i].map { kindFits($0, row: row, slot: i) } ?? true }
                return kept || oneKindAssignment(texts.compactMap { $0 }, row: row, slots: slots) != nil
            }
            guard !settles(values[r]) else { continue }
            var alone = values[r]
            alone[s] = unit.number
            guard settles(alone) else { continue }
            values[r] = alone
            refused.append((unit, r, s))
        }
        return refused
    }
}
