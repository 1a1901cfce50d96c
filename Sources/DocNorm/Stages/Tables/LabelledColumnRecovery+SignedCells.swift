/// Stage 3, `tables.labelled-columns`, signed cells: the rules for table
/// 二's 本年增/减 ("signed") cell, which the extractor may draw after the
/// row's other cells.
///
/// pdftotext -raw of a LibreOffice PDF reads a cell whose glyphs sit on the
/// Han baseline (增2, full-width ＋2 or ０) after the row's others:
/// 38 26418 增2 under 上一年项目数量 本年增/减 处理决定数量. A signed value says
/// where it belongs (only under the header naming its sign), and that it was
/// drawn last; an unsigned one (a bare 0) says neither, so a row that would
/// read otherwise had it been drawn last is in doubt, and is held and
/// reported rather than guessed where the table shows (or nothing shows
/// otherwise) that the extractor draws that cell last.
extension LabelledColumnRecovery {
    /// A block's values read row by row (`rows`, each `head.count` long)
    /// where a row's signed value (增2) stands out of place, with each row's
    /// signed value moved under the header that names the sign, or nil
    /// where that place is not certain. pdftotext -raw of a LibreOffice PDF
    /// draws the 本年增/减 cell after the row's other cells (38 26418 增2
    /// under 上一年项目数量 本年增/减 处理决定数量). A signed value stands only
    /// under a header naming its sign, so with exactly one such header its
    /// place is certain; the rest is certain only where every row holds
    /// exactly one signed value, at the same place in each (with two rows
    /// or more no column by column reading, in any order of the columns,
    /// puts the signed values there: a column's values come together), and
    /// the headers were read left to right, so the row's other values, read
    /// in that order, keep it.
    func signedCellPlaced(_ rows: [[(String, Int)]], head: [(label: String, block: Int?, slot: Int)])
        -> (rows: [[(String, Int)]], header: String)? {
        guard let target = signHeader(head) else { return nil }
        var at: Int?
        var moved: [[(String, Int)]] = []
        for row in rows {
            let places = row.indices.filter { isSigned(row[$0].0) }
            guard places.count == 1, let p = places.first, at == nil || at == p,
                  signFits(row[p].0, under: head[target].label) else { return nil }
            at = p
            var others = row
            let value = others.remove(at: p)
            others.insert(value, at: target)
            moved.append(others)
        }
        return (moved, head[target].label)
    }

    /// A block read row by row whose rows may hold their unsigned 本年增/减
    /// cell last (`rowsInDoubt`), kept until every run is read: a signed
    /// cell drawn last anywhere in the table leaves it out.
    struct BlockInDoubt {
        /// The template rows and slots of the block, its values row by row,
        /// and the run they came from.
        var rows: [Int], slots: [Int], byRows: [[(String, Int)]], run: [(String, Int)]
        /// The block's header names, the first doubtful row, the header
        /// naming the sign.
        var names: String, doubtful: [(String, Int)], header: String
        /// Its entries in `bySign` / `byEvidence`, if it made one.
        var bySign: Int?, byEvidence: Int?
        var head: [(label: String, block: Int?, slot: Int)]
    }

    /// Of headers read left to right (two or more), the index of the one
    /// that names a sign (本年增/减), where exactly one does; else nil.
    func signHeader(_ head: [(label: String, block: Int?, slot: Int)]) -> Int? {
        guard head.count >= 2, zip(head, head.dropFirst()).allSatisfy({ $0.slot < $1.slot }) else { return nil }
        let naming = head.indices.filter { c in namesSign(head[c].label) }
        return naming.count == 1 ? naming[0] : nil
    }

    /// The first signed value that a row of `rows` (a block read row by row)
    /// holds last where the header naming the sign is not last: the
    /// extractor draws that cell after the row's others (pdftotext -raw of a
    /// LibreOffice PDF, where the cell's glyphs sit on another baseline: Han
    /// 增2, full-width ＋2 or ０); nil where no row shows it.
    func signedDrawnLast(_ rows: [[(String, Int)]], head: [(label: String, block: Int?, slot: Int)]) -> String? {
        guard let target = signHeader(head), target < head.count - 1 else { return nil }
        return rows.lazy.compactMap(\.last).first { isSigned($0.0) }?.0
    }

    /// The first signed value that a row of `rows` (a block read row by row)
    /// holds under the header naming the sign, that header not being last:
    /// the extractor draws that cell in its place (Chromium's PDF: 38 +2
    /// 26418); nil where no row shows it.
    func signedDrawnInPlace(_ rows: [[(String, Int)]], head: [(label: String, block: Int?, slot: Int)]) -> String? {
        guard let target = signHeader(head), target < head.count - 1 else { return nil }
        return rows.lazy.map { $0[target].0 }.first { isSigned($0) }
    }

    /// The rows of `rows` (a block read row by row, in its headers' order)
    /// whose cell under the header naming the sign is unsigned and which,
    /// had the extractor drawn that cell last, would read otherwise
    /// (38 26418 0: 26418 or 0 under 本年增/减). Nothing but a signed cell
    /// says where the extractor drew it.
    func rowsInDoubt(_ rows: [[(String, Int)]], head: [(label: String, block: Int?, slot: Int)]) -> [Int] {
        let m = head.count
        guard let t = signHeader(head), t < m - 1 else { return [] }
        return rows.indices.filter { r in
            !isSigned(rows[r][t].0) && (t..<m).contains { c in rows[r][c].0 != rows[r][c == t ? m - 1 : c - 1].0 }
        }
    }

    /// The last value of a row read alone (values with their line indices)
    /// where its line shows it was drawn after the others: it stands alone
    /// on a line the extractor drew wider than its text (a full-width ０,
    /// folded to 0 in stage 1: 2 columns for 1), the row's other values on
    /// lines no wider than their text. pdftotext -raw of a LibreOffice PDF
    /// draws a cell set in the Chinese font after the row's others, so the
    /// width shows it where no signed cell in the table does; a document
    /// typed full-width throughout shows nothing. Nil where the lines show
    /// nothing, or their widths are not known.
    func drawnLastByWidth(_ row: [(String, Int)], _ lines: [SourceLine]) -> String? {
        func widths(_ index: Int) -> (extracted: Int, text: Int)? {
            let line = lines[index]
            guard let extracted = line.extractedColumns, (line.extractedIndent ?? 0) == 0 else { return nil }
            return (extracted, DisplayWidth.columns(line.text))
        }
        guard row.count >= 2, let last = row.last, lines[last.1].text == last.0,
              let wide = widths(last.1), wide.extracted > wide.text,
              row.dropLast().allSatisfy({ widths($0.1).map { $0.extracted <= $0.text } ?? false }) else { return nil }
        return last.0
    }

    /// Why a single row whose last value was drawn wider than its text
    /// (`drawnLastByWidth`) is left out from the header naming the sign on.
    func widthDoubtReason(_ names: String, _ row: [(String, Int)], _ header: String, _ wide: String) -> String {
        "under \(names) row by row, \(row.map(\.0).joined(separator: " ")) may hold its \(header) cell last, as its last value \(wide) was drawn full-width, after the row's others: which value is which is not certain"
    }

    /// Why a block whose rows' order is in doubt is left out.
    func doubtReason(_ names: String, _ row: [(String, Int)], _ header: String, _ shown: String) -> String {
        "under \(names) row by row, \(row.map(\.0).joined(separator: " ")) may hold its \(header) cell last, as \(shown) was drawn in this table: which value is which is not certain"
    }

    /// Why a cell of a row whose unsigned change may have been drawn last,
    /// with no signed cell in the table to tell, is left out.
    func unsignedDoubtReason(_ names: String, _ row: [(String, Int)], _ header: String) -> String {
        "under \(names) row by row only on another table's evidence, \(row.map(\.0).joined(separator: " ")) may hold its unsigned \(header) cell last and no signed cell in this table shows where it is drawn: which value is which is not certain"
    }

    /// A template row and value slot.
    struct Cell: Hashable { var row: Int, slot: Int }

    /// The signs standing alone on a line in a stretch read in its one
    /// reading, each put before the digits of the one cell that can have
    /// lost it: empty where the stretch holds none, nil where one has no
    /// such cell. pdftotext -raw of a Chromium PDF may draw a 2019 table
    /// 二's 增1 as two pieces, the 1 in its column and the 增 after the
    /// column's block (…⏎0⏎1⏎⏎2816⏎67⏎⏎增⏎⏎146, dongling-county-2019). A sign
    /// stands only under a header naming it, and it was drawn apart from
    /// digits drawn before it without one: the cell is the one such header's
    /// cell whose value, read before the sign, is unsigned and not zero
    /// (a change of nothing has no sign). Two signs, or two such cells,
    /// and which is whose is not certain.
    func loneSignsAttached(_ pieces: [Piece], reading: [[Int?]], template: TableTemplate, shape: Shape) -> [Cell: String]? {
        let signs = pieces.indices.filter { p in
            guard case .label(let text, _, _) = pieces[p] else { return false }
            return isLoneSign(text, shape: shape)
        }
        guard let sign = signs.first else { return [:] }
        guard signs.count == 1, case .label(let mark, _, _) = pieces[sign] else { return nil }
        var open: [Cell] = []
        for (row, slots) in reading.enumerated() {
            for (slot, p) in slots.enumerated() {
                guard let p, p < sign, case .value(let text, _) = pieces[p], !isSigned(text),
                      text.unicodeScalars.allSatisfy({ rules.digits.contains($0) }),
                      text.unicodeScalars.contains(where: { $0 != "0" }),
                      slot < template.rows[row].columnPaths.count,
                      let header = template.rows[row].columnPaths[slot].last,
                      namesSign(header),
                      signFits(mark + text, under: header) else { continue }
                open.append(Cell(row: row, slot: slot))
            }
        }
        guard open.count == 1 else { return nil }
        return [open[0]: mark]
    }

    /// A signed value (增3, 减2, +3, -2) stands only under a header that
    /// names the sign (本年增/减; a Han sign, that one): a run that would put
    /// it elsewhere is not that row's or that column's, whatever its length
    /// says.
    /// (`TableRules.signFits`, which stage 4's `structure.value-kind` asks too.)
    func signFits(_ text: String, under header: String) -> Bool { rules.signFits(text, under: header) }

    /// The signed values of a stretch's pieces (增12, 减3) where they carry
    /// two signs or more: the author writes a change with its sign either
    /// way, so a bare number that is not zero is no change (`bareChange`);
    /// nil where the stretch shows one sign or none (a document may mark
    /// only its decreases, 减3 beside a bare 5).
    func signsBothWays(_ pieces: [Piece]) -> [String]? {
        var signed: [String] = [], signs = Set<Unicode.Scalar>()
        for piece in pieces {
            guard case .value(let text, _) = piece, isSigned(text), let sign = text.unicodeScalars.first else { continue }
            signed.append(text)
            signs.insert(sign)
        }
        return signs.count >= 2 ? signed : nil
    }

    /// Of values and the headers they would stand under, the first bare
    /// number other than zero (9) under a header naming a sign (本年增/减),
    /// where the table writes its changes signed both ways (`shown`, from
    /// `signsBothWays`): the run is another column's (pdfminer's Chromium
    /// PDF: 第（一）项's 对外公开总数量 column drawn after the page footer,
    /// right under 第（八）项's 上一年项目数量 本年增/减). Nil where none is,
    /// or the table shows no such signs.
    func bareChange(_ placed: [(value: String, header: String)], shown: [String]?) -> (value: String, header: String)? {
        guard shown != nil else { return nil }
        return placed.first { namesSign($0.header) && isBareNonZero($0.value) }
    }

    /// Why a run holding a bare change (`bareChange`) is left out.
    func bareChangeReason(_ names: String, _ run: [(String, Int)], _ bare: (value: String, header: String), shown: [String]) -> String {
        "under \(names), \(run.map(\.0).joined(separator: " ")) would put \(bare.value), unsigned, under \(bare.header), where this table writes its changes with their sign (\(shown.prefix(3).joined(separator: ", "))): another column's values, not this block's"
    }

    /// Whether a header names a sign (本年增/减): it holds a Han prefix.
    func namesSign(_ header: String) -> Bool { rules.namesSign(header) }

    /// Whether a text is a sign standing alone: one Han prefix (增), no
    /// header or label of the table's (`piecesPastLoneSign`, `loneSignsAttached`).
    func isLoneSign<Text: StringProtocol>(_ text: Text, shape: Shape) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let sign = scalars.next(), scalars.next() == nil, rules.hanPrefixes.contains(sign) else { return false }
        return shape.roles[String(text)] == nil
    }

    /// Whether a value is signed: with a Han prefix (增3, 减2), or with + or -
    /// and a digit after it (a lone - is an empty mark).
    func isSigned(_ text: String) -> Bool { rules.isSigned(text) }

    /// A value's number as the template's bounds sum it (`TableRules.boundNumber`).
    func boundNumber(_ text: String) -> Double? { rules.boundNumber(text) }
}
