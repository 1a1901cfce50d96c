/// Stage 3, `tables.labelled-columns`: a table without arithmetic whose
/// cells the extractor read column by column, put back in place by the
/// column header each run of values follows.
///
/// pdfminer returns each column of a small table as its own text box (the
/// header cell, then the values down the column), the row labels in a box
/// of their own; pdftotext -raw returns a column's header cells together and
/// then their values, and a column that reaches onto the next page after the
/// page number. Table 二 is four small tables (captions 第二十条第（一）项 …),
/// some sharing column headers (本年处理决定数量 in （五） and （六）), and has
/// no arithmetic, so the reading-order search has nothing to test an order
/// with. The labels themselves say where the values go:
///
/// - a column header followed by exactly as many values as its block has
///   rows: that column, top to bottom; the header of a block's only column
///   followed by more, but by exactly that many before a blank line: those
///   (what follows the blank was drawn elsewhere);
/// - several headers of one block followed by headers × rows values: the
///   block read row by row and read column by column must give the same
///   values (only then is the order beyond doubt: extractors do both);
///   with one row, or one header, they always agree; where they differ and
///   column by column a signed value (增2) would stand under a header that
///   names no sign (上一年项目数量), the rows' reading is the only one left;
///   where row by row a signed value stands out of place, but every row
///   holds one, at the same place, and one header names the sign, each goes
///   under that header and the rest keep the headers' order (38 26418 增2);
/// - a run of fewer values, one row's worth or one column's top part: the
///   rows before a page break, placed only when exactly the rows after them
///   were placed by another run;
/// - a row label followed by exactly its row's values: that row, left to
///   right (a row placed alone this way or as a page's top part, its
///   unsigned 本年增/减 cell not last, in a table where a signed one was
///   drawn last: its cells from 本年增/减 on are left empty and reported,
///   as 38 26418 0 may be 38 0 26418); a TAB grid row (the canonical output read back): each value in
///   its column, empty cells left empty;
/// - a column whose header stands nowhere in the table (or, shared by
///   several blocks, once fewer than they are, the others' columns filled):
///   read where that header stands once, alone on a line followed by exactly its values,
///   within `maxApartLines` before or after the table (pdfminer's box before
///   the section heading; pdftotext -raw's column past the page break, after
///   table 三 has begun). Those lines are the table's: they are not written
///   as text too (`Region.apart`).
///
/// The k-th occurrence of a header shared by several blocks is the k-th such
/// block, unless the caption read last names another block that has it (and
/// no header of a block without it was read since). A lone such header
/// whose block the two leave unsettled takes its run into the one block
/// still without that column, where the header stood once a block and
/// every other block has its column filled.
/// Every other value — a run of another length, headers of two blocks
/// together, a value two runs claim — is placed nowhere and reported, and
/// every cell left empty is reported by row and column: a wrongly placed
/// value is worse than none.
///
/// Applies to templates without checks whose blocks (the data rows between
/// two header rows) each name every value column by a header label of its
/// own.
struct LabelledColumnRecovery: Sendable {
    let rules: TableRules
    /// Per template id, what the labels say, for templates it applies to.
    let shapes: [String: Shape]

    init(rules: TableRules) {
        self.rules = rules
        var shapes: [String: Shape] = [:]
        for template in rules.templates where template.checks.isEmpty {
            if let shape = Shape(template) { shapes[template.id] = shape }
        }
        self.shapes = shapes
    }

    /// The template's blocks and the role of each of its labels.
    struct Shape: Sendable {
        struct Block: Sendable {
            /// Template row indices of the block's data rows, top to bottom.
            var rows: [Int]
            /// Header label of each value slot.
            var headers: [String]
        }
        var blocks: [Block]
        /// Per column header, the (block, slot) pairs it heads, in template order.
        var headed: [String: [(block: Int, slot: Int)]]
        /// Data-row label → template row index.
        var rowOf: [String: Int]
        /// Header-row label found over one block only (its caption) → block.
        var captionOf: [String: Int]
        /// What a label is, as `recover` asks it (a column header, then a
        /// row label, then a caption): one lookup of the label's text for the
        /// three dictionaries above, whose non-ASCII keys each cost a full
        /// hash of the text. A header is named by its index in `headers`.
        enum Role: Sendable { case header(Int), row(Int), caption(Int) }
        var roles: [String: Role]
        /// The column headers' (block, slot) pairs, as in `headed`, by index.
        var headers: [[(block: Int, slot: Int)]]
        /// Every label of the template as scalars and as text, and per
        /// first scalar the labels that open with it, longest first (for
        /// segmenting: it runs for every word of every table it is asked about).
        var labels: [[Unicode.Scalar]]
        var labelTexts: [String]
        /// `roles` of each of `labelTexts`, by the same index.
        var labelRoles: [Role?]
        var labelsByFirst: [Unicode.Scalar: [Int]]

        init?(_ template: TableTemplate) {
            var blocks: [Block] = [], headerLabels: [[String]] = [], pending: [String] = []
            var previousWasHeader = true
            var rowOf: [String: Int] = [:]
            for (index, row) in template.rows.enumerated() {
                let labels = row.cells.compactMap { cell -> String? in if case .label(let l) = cell { l } else { nil } }
                if row.isHeader {
                    pending += labels
                    previousWasHeader = true
                    continue
                }
                guard let label = labels.first, rowOf[label] == nil, !row.columnPaths.isEmpty else { return nil }
                rowOf[label] = index
                let headers = row.columnPaths.map { $0.last ?? "" }
                if previousWasHeader || blocks.isEmpty {
                    guard Set(headers).count == headers.count, !headers.contains("") else { return nil }
                    blocks.append(Block(rows: [index], headers: headers))
                    headerLabels.append(pending)
                    pending = []
                } else {
                    guard blocks[blocks.count - 1].headers == headers else { return nil }
                    blocks[blocks.count - 1].rows.append(index)
                }
                previousWasHeader = false
            }
            guard !blocks.isEmpty else { return nil }
            var headed: [String: [(block: Int, slot: Int)]] = [:]
            for (b, block) in blocks.enumerated() {
                for (slot, header) in block.headers.enumerated() { headed[header, default: []].append((b, slot)) }
            }
            var seen: [String: Set<Int>] = [:]
            for (b, labels) in headerLabels.enumerated() {
                for label in labels where headed[label] == nil { seen[label, default: []].insert(b) }
            }
            self.blocks = blocks
            self.headed = headed
            self.rowOf = rowOf
            captionOf = seen.compactMapValues { $0.count == 1 ? $0.first : nil }
            var roles = captionOf.mapValues { Role.caption($0) }
            for (label, row) in rowOf { roles[label] = .row(row) }
            headers = []
            for (label, heads) in headed {
                roles[label] = .header(headers.count)
                headers.append(heads)
            }
            self.roles = roles
            let all = Set(headed.keys).union(rowOf.keys).union(headerLabels.joined())
            let sorted = all.sorted { ($0.unicodeScalars.count, $0) > ($1.unicodeScalars.count, $1) }
            labels = sorted.map { Array($0.unicodeScalars) }
            labelTexts = sorted
            labelRoles = sorted.map { roles[$0] }
            var byFirst: [Unicode.Scalar: [Int]] = [:]
            for (i, label) in labels.enumerated() { if let f = label.first { byFirst[f, default: []].append(i) } }
            labelsByFirst = byFirst
        }
    }

    /// One piece of the stretch, in reading order.
    enum Piece {
        case value(String, lineIndex: Int)
        /// A label of the shape, with its role there (`Shape.labelRoles`):
        /// found once, where the label is segmented, so that `recover` and
        /// `OneReading` need not hash its text again (nil: no role, as a
        /// lone sign has).
        case label(String, lineIndex: Int, role: Shape.Role?)
        /// A TAB grid row opening with a data-row label: per value slot, its
        /// cell (nil where empty).
        case gridRow(row: Int, values: [String?], lineIndex: Int)

        var lineIndex: Int {
            switch self {
            case .value(_, let i), .label(_, let i, _), .gridRow(_, _, let i): i
            }
        }
    }

    /// What the labels placed: per template row, each slot's value (nil
    /// where nothing was placed), the lines the table spans, the values
    /// placed nowhere, and why.
    struct Placement {
        var template: TableTemplate
        var values: [[String?]]
        var rowLines: [Int?]
        var firstLine: Int
        var lastLine: Int
        var placed: Int
        /// Values placed nowhere: text, source line, why.
        var unplaced: [(text: String, line: Int, reason: String)]
        /// Columns read apart from the table: header, the lines (indices)
        /// of the header and its values, which are the table's.
        var apart: [(header: String, lines: ClosedRange<Int>)] = []
        /// A block's values left unplaced because read row by row and column
        /// by column they give different tables (`ColumnOrderEvidence` may
        /// settle it).
        var orderInDoubt = false
        /// Blocks placed row by row on the evidence: their headers, the
        /// source line of their first value.
        var byEvidence: [(headers: String, line: Int)] = []
        /// Blocks placed row by row because read column by column a signed
        /// value (增2) would stand under a header that names no sign: their
        /// headers, the value, the header it would stand under, the source
        /// line of their first value.
        var bySign: [(headers: String, value: String, header: String, line: Int)] = []
        /// Blocks placed row by row with each row's signed value (增2) moved
        /// under the one header that names the sign (`signedCellPlaced`):
        /// their headers, the first row's signed value, that header, the
        /// source line of their first value.
        var bySignedCell: [(headers: String, value: String, header: String, line: Int)] = []
        /// Columns placed as runs between blank lines (`ColumnRuns.swift`):
        /// their header, the source line of their first value.
        var byRuns: [(header: String, line: Int, passedOver: [String])] = []
        /// Columns under a lone header several blocks share, placed in the
        /// one such block still without that column: the header, the
        /// block's top row label, the source line of their first value.
        var byHeaderLeft: [(header: String, row: String, line: Int)] = []
        /// Template rows read from TAB grid rows (each value in its column).
        var gridRows: [Int] = []
        /// First values a row label's line gave (`tables.label-line-values`):
        /// the template row, the value, its source line.
        var byLabelLine: [(row: Int, value: String, line: Int)] = []
        /// The source line of the first value, where the values were placed
        /// in the stretch's one reading (`OneReading.swift`).
        var byReading: Int? = nil
        /// The lines past the next section's heading that the one reading
        /// read values from (indices): the table's, not text.
        var pastHeading: ClosedRange<Int>? = nil
        /// What that reading allowed beyond the strict order.
        var readingAllowed = ReadingAllowance()
        /// Blocks read as column boxes in an order nothing names
        /// (`tables.column-boxes`): their headers, the labels of the rows
        /// every order reads alike (placed), of the others (left empty), the
        /// source line of their first value, whether the boxes stood among
        /// other blocks' columns, whether the template's bounds ruled out
        /// some orders.
        var byBoxes: [(headers: String, placed: [String], left: [String], line: Int, scattered: Bool, bounded: Bool)] = []
        /// Where a page break cut a block and the rows above it were read on
        /// their own (`tables.page-broken-block`): the source line of the
        /// first value placed, those rows' labels, how many values stayed in doubt.
        var byPageBreak: (line: Int, rows: [String], inDoubt: Int)? = nil
        /// Below that break, every empty cell one text by the values' kinds
        /// (`tables.page-broken-rest`): the source line of the first value
        /// placed, the rows whose cells were placed, how many cells.
        var byPageBreakRest: (line: Int, rows: [String], cells: Int)? = nil
        /// Runs under one of a block's several headers cut at a blank line
        /// after exactly its rows' values, the block's other columns filled:
        /// the header, the source line of the first value.
        var byCutRun: [(header: String, line: Int)] = []
        /// Cells in doubt where the table writes its changes signed
        /// (BareChanges.swift): those holding a bare change, and those of
        /// the header printed right after its run.
        var bareChanges: (bare: [Cell], after: [Cell]) = ([], [])
        /// Runs left for the one reading, which placed them: why, and the
        /// source line of the first value.
        var leftForReading: [(why: String, line: Int)] = []
        /// Rows above a page break read as boxes of one value each, in an
        /// order nothing names (`tables.column-boxes`): the block's headers,
        /// the cells every order reads alike (placed), the rows' labels, the
        /// source line of the first value, whether the bounds ruled out orders.
        var byBoxesAboveBreak: [(headers: String, placed: [String], rows: [String], line: Int, bounded: Bool)] = []
        /// Boxes under the copies of a header several blocks share placed
        /// by their sizes (LabelledColumnRecovery+SizedBoxes.swift): the
        /// header, the cells placed and left empty (row/header), the source
        /// line of the first box's first value.
        var bySize: [(header: String, placed: [String], left: [String], line: Int)] = []
        /// Boxes under the copies of a shared header that a limit of
        /// Rules/tables.json kept from being matched by size: the header,
        /// how many boxes, the limit, the cells under the header (row/header),
        /// the source line of the first box's first value.
        var bySizeCut: [(header: String, boxes: Int, limit: SizedBoxLimit, cells: [String], line: Int)] = []
        /// Boxes of one value placed in one-row blocks' open cells by their
        /// kinds (LabelledColumnRecovery+LoneBoxes.swift): each value with
        /// its cell (row/header), the source line of the first.
        var byKind: [(cells: [String], line: Int)] = []
        /// How many rotations of a one-row table's numbers hold, where the
        /// cells alike in all of them were placed (`tables.rotated-row`).
        var rotations: Int? = nil

        /// `match` puts a value of a TAB grid row read here in another cell
        /// (it fills a row from the left), or leaves it out.
        func gridMoved(by match: TemplateMatcher.Match) -> Bool {
            gridRows.contains { row in
                row < match.values.count && values[row].indices.contains { slot in
                    values[row][slot] != nil && (slot >= match.values[row].count || match.values[row][slot] != values[row][slot])
                }
            }
        }
    }

    /// The pieces of `lines[range]`: values, the template's labels (a line's
    /// text cut into labels, however the extractor ran them together), and
    /// TAB grid rows; nil at the first line with other text in it (the
    /// table has ended, or this is not one).
    /// A line of an amount's unit alone ends the value on the line right
    /// before (`tables.unit-line`, UnitLines.swift): that value's piece
    /// holds the unit and stands on the unit's line, so a table that places
    /// it reaches over that line (`unitLines(in:)` finds them again).
    func pieces(_ lines: [SourceLine], _ range: Range<Int>, _ template: TableTemplate, _ shape: Shape) -> (pieces: [Piece], end: Int) {
        var pieces: [Piece] = []
        // Buffers emptied in place per word and per line, given room for a
        // line's worth at the start: each grew from empty a step at a time,
        // in every call (~11,000 allocations of the 1 MB bench).
        var scalars: [Unicode.Scalar] = [], found: [Int] = []
        scalars.reserveCapacity(64)
        found.reserveCapacity(16)
        /// The pieces of the line being read, kept apart until the whole
        /// line reads (a line with other text in it adds none).
        var linePieces: [Piece] = []
        linePieces.reserveCapacity(16)
        for index in range {
            var text = lines[index].text
            linePieces.removeAll(keepingCapacity: true)
            if text.containsTab {
                let cells = text.tabCells.map { $0.trimmingSpaces }
                if let first = cells.first, let row = shape.rowOf[first] {
                    var values = [String?](repeating: nil, count: template.rows[row].columnPaths.count)
                    var fits = cells.count <= template.columns
                    for (column, cell) in template.rows[row].cells.enumerated() {
                        guard case .value(let slot) = cell, column < cells.count, !cells[column].isEmpty else { continue }
                        if rules.isValue(Array(cells[column].unicodeScalars)[...]) { values[slot] = cells[column] } else { fits = false }
                    }
                    // Cells outside the template's value columns must be empty.
                    for (column, cell) in cells.enumerated().dropFirst() where column >= template.columns || template.rows[row].cells[column] == .empty {
                        if !cell.isEmpty { fits = false }
                    }
                    guard fits else { return (pieces, index) }
                    pieces.append(.gridRow(row: row, values: values, lineIndex: index))
                    continue
                }
            }
            // Words between separators, scalar by scalar (no Characters: this
            // runs for every line of every table it is asked about), read on
            // the line's UTF-8: the separators are ASCII bytes, and each word
            // is decoded into `scalars` (the scalar view's index steps, each
            // validated, and its slices appended were ~10 M instructions of
            // the 1 MB bench).
            let read = text.withUTF8 { bytes -> Bool in
                var from = 0
                func word(_ end: Int) -> Bool {
                    guard from < end else { return true }
                    scalars.removeAll(keepingCapacity: true)
                    var k = from
                    while k < end {
                        let (value, length) = decodeUTF8Scalar(bytes, at: k)
                        // Valid UTF-8 decodes to a valid scalar.
                        scalars.append(unsafeBitCast(value, to: Unicode.Scalar.self))
                        k += length
                    }
                    if rules.isValue(scalars[...]) {
                        linePieces.append(.value(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self), lineIndex: index))
                    } else if segment(scalars, shape, into: &found) {
                        for label in found { linePieces.append(.label(shape.labelTexts[label], lineIndex: index, role: shape.labelRoles[label])) }
                    } else {
                        return false
                    }
                    return true
                }
                for i in 0..<bytes.count {
                    if CellCut.isSeparator(bytes[i]) {
                        guard word(i) else { return false }
                        from = i + 1
                    }
                }
                return word(bytes.count)
            }
            guard read else {
                // A line no word of which reads may be an amount's unit alone
                // (no label or value is one: asked only here, off the path
                // of every line that reads).
                if let unit = unitLine(lines, index, after: pieces.last) {
                    pieces[pieces.count - 1] = .value(unit.joined, lineIndex: index)
                    continue
                }
                return (pieces, index)
            }
            pieces += linePieces
        }
        return (pieces, range.upperBound)
    }

    /// The lines of `lines[range]` the word loop read as an amount's unit
    /// (`pieces`): a unit alone after a line whose last word is a value.
    func unitLines(in range: ClosedRange<Int>, _ lines: [SourceLine]) -> [UnitLine] {
        var found: [UnitLine] = []
        // Asked of every line of the table, in a plain loop (a closure
        // called per line was most of its cost, 2.8 M of 3.4 M instructions
        // of the 1 MB bench): most are no unit by the line before
        // (`unitLine` asks that it end in the number, and a number a unit
        // ends ends in a digit: one byte), their length or first scalar.
        for k in range.lowerBound + 1..<range.upperBound + 1 {
            guard (0x30...0x39).contains(lines[k - 1].text.lastUTF8Byte), lines[k].text.utf8.count <= 32,
                  let head = lines[k].text.unicodeScalars.first(where: { !CellCut.isSeparator($0) }),
                  rules.amountUnits.contains(where: { $0.first == head }),
                  let word = UnitLine.lastWord(of: lines[k - 1].text),
                  rules.isValue(Array(word.unicodeScalars)[...]),
                  let unit = unitLine(lines, k, after: .value(String(word), lineIndex: k - 1)) else { continue }
            found.append(unit)
        }
        return found
    }

    /// `tables.unit-line` in the word loop: `lines[index]` as an amount's
    /// unit alone (separators aside) ending `last`, the value read last,
    /// when that value ends the line right before (UnitLine.endsAmount).
    func unitLine(_ lines: [SourceLine], _ index: Int, after last: Piece?) -> UnitLine? {
        guard case .value(let number, let at)? = last, at == index - 1, index > 0,
              lines[index].text.utf8.count <= 32 else { return nil }
        let unit = UnitLine.unit(of: lines[index].text)
        let amountLine = lines[index - 1].text.unicodeScalars
        // The value is the line's last word (nothing but separators after it).
        guard amountLine.last.map({ !CellCut.isSeparator($0) }) == true, String(amountLine).hasSuffix(number),
              UnitLine.endsAmount(unit, word: number.unicodeScalars, amountUnits: rules.amountUnits, isValue: rules.isValue) else { return nil }
        return UnitLine(after: index - 1, number: number, unitText: lines[index].text)
    }

    /// `scalars` as a run of the shape's labels (indices into `found`),
    /// longest first at each point; false when they are not.
    func segment(_ scalars: [Unicode.Scalar], _ shape: Shape, into found: inout [Int]) -> Bool {
        found.removeAll(keepingCapacity: true)
        var p = 0
        while p < scalars.count {
            guard let candidates = shape.labelsByFirst[scalars[p]],
                  let label = candidates.first(where: { scalars[p...].starts(with: shape.labels[$0]) }) else { return false }
            found.append(label)
            p += shape.labels[label].count
        }
        return true
    }

    /// The placement of `template`'s values in the stretch from the anchor
    /// at `lines[start]` (label lines just before it, back to `earliest`,
    /// belong to it), or nil when the template is not one this applies to
    /// or nothing could be placed. `earliest`, the first line no earlier
    /// table took, may lie past the anchor: no column is read apart before it.
    /// `rowOrder`: the document's evidence that a block's values with no
    /// blank line among them were read row by row. `through`: a line the
    /// table reaches at least to (what the row-by-row match read), its
    /// values placed nowhere reported with the rest.
    func recover(_ lines: [SourceLine], anchorAt start: Int, earliest: Int, template: TableTemplate, stretchEnd: Int,
                 rowOrder: ColumnOrderEvidence? = nil, through: Int? = nil) -> Placement? {
        guard let shape = shapes[template.id] else { return nil }
        // Lines of labels and values just before the anchor belong to the
        // table: pdftotext -raw reads the first column (信息内容 规章 …)
        // before the caption, pdfminer may read a whole column box (现行有效件数
        // 0 57) there. The table opens with a label.
        var first = start
        var k = start - 1
        while k >= earliest {
            if lines[k].text.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" }) { k -= 1; continue }
            let (found, end) = pieces(lines, k..<(k + 1), template, shape)
            guard end == k + 1, !found.isEmpty else { break }
            if case .label = found[0] { first = k }
            k -= 1
        }
        let (pieces, piecesEnd) = self.pieces(lines, first..<stretchEnd, template, shape)
        /// The stretch's signed values, where they carry two signs: a run
        /// that would put a bare non-zero number under 本年增/减 is left out.
        let shownSigns = signsBothWays(pieces)
        /// The stretch read on past a sign standing alone (`piecesPastLoneSign`).
        let pastLoneSign = piecesPastLoneSign(pieces, end: piecesEnd, stretchEnd: stretchEnd, lines: lines, template: template, shape: shape)
        /// Whether the stretch writes its changes with their sign (an
        /// increase's, or both: `writesChangesSigned`), no sign standing
        /// alone to be joined to a bare number after the reading (增⏎1,
        /// dongling-county-2019): then a bare number other than 0 is no
        /// change (BareChanges.swift). Told where first asked.
        var changesSignedFound: Bool?
        func changesSigned() -> Bool {
            if let found = changesSignedFound { return found }
            var signs = Set<Unicode.Scalar>()
            if pastLoneSign == nil {
                for piece in pieces {
                    if case .value(let text, _) = piece, isSigned(text), let sign = text.unicodeScalars.first { signs.insert(sign) }
                }
            }
            changesSignedFound = pastLoneSign == nil && writesChangesSigned(signs)
            return changesSignedFound!
        }
        var values = template.rows.map { [String?](repeating: nil, count: $0.isHeader ? 0 : $0.columnPaths.count) }
        var rowLines = [Int?](repeating: nil, count: template.rows.count)
        var claimed = template.rows.map { [Bool](repeating: false, count: $0.isHeader ? 0 : $0.columnPaths.count) }
        /// Values placed nowhere, with their line index and why.
        var unplaced: [(text: String, lineIndex: Int, reason: String)] = []
        /// The last line of a label or a placed value: the table ends there.
        var lastLine = start
        var placedAt = template.rows.map { [Int](repeating: 0, count: $0.isHeader ? 0 : $0.columnPaths.count) }
        func place(_ row: Int, _ slot: Int, _ text: String, _ lineIndex: Int) {
            if claimed[row][slot] {
                if let other = values[row][slot] { unplaced.append((other, placedAt[row][slot], "two runs of values claim its cell")) }
                unplaced.append((text, lineIndex, "two runs of values claim its cell"))
                values[row][slot] = nil
                return
            }
            claimed[row][slot] = true
            values[row][slot] = text
            placedAt[row][slot] = lineIndex
        }
        func drop(_ run: [(String, Int)], _ reason: String) {
            for (text, index) in run { unplaced.append((text, index, reason)) }
        }
        /// Runs too short for their block, placed once every run is read.
        var partial: [(block: Int, slots: [Int], run: [(String, Int)])] = []
        /// Runs under one of a block's several headers too long for it, but
        /// exactly its rows' long before their first blank line: settled
        /// once every run is read (`byCutRun`).
        var cutRuns: [(block: Int, slot: Int, run: [(String, Int)], header: Int)] = []
        /// Runs after a lone header several blocks share whose block neither
        /// its order nor the caption read last settles (per header, its
        /// index in `shape.headers`): placed once every run is read, in the
        /// one block of that header still without its column.
        var unsettled: [(header: Int, run: [(String, Int)])] = []
        var orderInDoubt = false
        var byEvidence: [(headers: String, line: Int)] = []
        var bySign: [(headers: String, value: String, header: String, line: Int)] = []
        var bySignedCell: [(headers: String, value: String, header: String, line: Int)] = []
        /// A signed value a row read row by row holds last, the header naming
        /// its sign not being last (`signedDrawnLast`): the extractor draws
        /// that cell after the row's others in this table.
        var drawnLast: String?
        /// A signed value a row read row by row holds under the header naming
        /// its sign, that header not being last (`signedDrawnInPlace`): the
        /// extractor draws that cell in its place in this table.
        var drawnInPlace: String?
        /// Blocks read row by row whose rows may have had their unsigned
        /// 本年增/减 cell drawn last (`rowsInDoubt`): placed once every run is
        /// read, unless a signed one shows the extractor draws it last.
        var inDoubt: [BlockInDoubt] = []
        /// Cells of a block whose header's run was left out as a bare
        /// change (`bareChange`): the header stood with a run of its own,
        /// so its column counts as answered where a lone shared header's run
        /// looks for the one block still without it (`byHeaderLeft`).
        var bareHeld: Set<Cell> = []
        /// Single rows placed as read (a row label then its values, a
        /// block's top row before a page break) whose unsigned 本年增/减 cell
        /// may have been drawn last: read the same row by row and column by
        /// column, they reach no order evidence, and only a signed cell drawn
        /// last in the table (`drawnLast`) says which value is which.
        var singleRowsInDoubt: [(row: Int, slots: [Int], values: [(String, Int)], head: [(label: String, block: Int?, slot: Int)])] = []
        var head: [(label: String, block: Int?, slot: Int)] = []
        var heard: [HeardHeader] = []
        var lastRow: Int?
        /// Whether the last row label stood in a stack of labels (the line
        /// right above it a label too), and its line.
        var lastRowStacked = false, lastRowLine = 0
        var lastCaption: Int?
        /// Per column header (its index in `shape.headers`), how many times it stood.
        var occurrences = [Int](repeating: 0, count: shape.headers.count)
        var gridRows: [Int] = []
        /// Per shared column header (its index in `shape.headers`), the
        /// boxes of values right under a lone copy of it, in reading order.
        var sharedBoxes: [Int: [[(String, Int)]]] = [:]
        var i = 0
        while i < pieces.count {
            switch pieces[i] {
            case .label(let label, let index, let role):
                lastLine = max(lastLine, index)
                switch role {
                case .header(let h)?:
                    let heads = shape.headers[h]
                    let k = occurrences[h]
                    occurrences[h] = k + 1
                    var resolved: Int? = k < heads.count ? heads[k].block : nil
                    if let c = lastCaption, heads.contains(where: { $0.block == c }), resolved != c { resolved = nil }
                    // A header the caption's block lacks ends what the caption
                    // says: the extractor has gone on to another block's column
                    // (对外公开总数量 of （一） after （六）, then 处理决定数量 of （五）).
                    if let c = lastCaption, !heads.contains(where: { $0.block == c }) { lastCaption = nil }
                    head.append((label, resolved, resolved.map { b in heads.first { $0.block == b }!.slot } ?? 0))
                    if let b = resolved { heard.append(HeardHeader(block: b, slot: head[head.count - 1].slot, piece: i)) }
                    lastRow = nil
                case .row(let row)?:
                    lastRow = row
                    lastRowLine = index
                    if i > 0, case .label(_, let above, _) = pieces[i - 1], above == index - 1 { lastRowStacked = true } else { lastRowStacked = false }
                    head = []
                case .caption(let b)?:
                    lastCaption = b
                    lastRow = nil
                    head = []
                case nil:
                    lastRow = nil
                    head = []
                }
                i += 1
            case .gridRow(let row, let cells, let index):
                lastLine = max(lastLine, index)
                gridRows.append(row)
                for (slot, cell) in cells.enumerated() { if let cell { place(row, slot, cell, index) } }
                head = []; lastRow = nil
                i += 1
            case .value:
                let runStart = i
                var run: [(String, Int)] = []
                while i < pieces.count, case .value(let text, let index) = pieces[i] { run.append((text, index)); i += 1 }
                defer { head = []; lastRow = nil }
                // A box right under a lone copy of a header several blocks
                // share, no blank line in it (`sizedBoxes`).
                if lastRow == nil, head.count == 1, runStart > 0, case .label(_, let at, .header(let h)?) = pieces[runStart - 1],
                   shape.headers[h].count > 1, at + 1 == run[0].1, run.indices.dropFirst().allSatisfy({ run[$0].1 == run[$0 - 1].1 + 1 }) {
                    sharedBoxes[h, default: []].append(run)
                }
                if let row = lastRow {
                    if run.count == values[row].count {
                        let headers = template.rows[row].columnPaths.map { $0.last ?? "" }
                        if let signed = zip(run, headers).first(where: { !signFits($0.0.0, under: $0.1) }) {
                            drop(run, "after row label '\(template.rows[row].path.last ?? "")' left to right, \(signed.0.0) would stand under \(signed.1), which names no such sign")
                            continue
                        }
                        // A row label stacked under other labels is pdftotext
                        // -raw's label column (rows of several blocks, 信息内容
                        // between): values past a blank line after it are a
                        // column beside that stack, not this row left to right.
                        if lastRowStacked, (lastRowLine...run[0].1).contains(where: { ColumnOrderEvidence.isBlank(lines[$0]) }) {
                            drop(run, "after row label '\(template.rows[row].path.last ?? "")' across a blank line: a column beside the labels, not its row")
                            continue
                        }
                        for (slot, (text, index)) in run.enumerated() { place(row, slot, text, index) }
                        let rowHead = headers.enumerated().map { (label: $0.element, block: Int?.none, slot: $0.offset) }
                        if !rowsInDoubt([run], head: rowHead).isEmpty { singleRowsInDoubt.append((row, Array(0..<run.count), run, rowHead)) }
                    } else {
                        drop(run, "\(run.count) values after row label '\(template.rows[row].path.last ?? "")', which has \(values[row].count) cells")
                    }
                    continue
                }
                guard !head.isEmpty else { drop(run, "no column header or row label before them"); continue }
                let names = head.map(\.label).joined(separator: " ")
                guard let b = head[0].block, head.allSatisfy({ $0.block == b }) else {
                    drop(run, "the headers before them (\(names)) are not of one block of the table")
                    if head.count == 1, case .header(let h)? = shape.roles[head[0].label] { unsettled.append((h, run)) }
                    continue
                }
                let rows = shape.blocks[b].rows, m = head.count, slots = head.map(\.slot)
                // The header of a block's only column followed by too many
                // values, but by exactly its rows' before the first blank line
                // among them: the extractor jumped there (a column comes down
                // with no blank line inside it), so what follows the blank was
                // drawn elsewhere (pdftotext -raw of a LibreOffice PDF gave a
                // value of another block's row there). With several columns the
                // values before the blank may be another of its columns
                // (Chromium's PDF: 对外公开总数量⏎⏎0⏎3⏎⏎0⏎12, 0 3 being 本年新公开数量's).
                if m == 1, shape.blocks[b].headers.count == 1, run.count > rows.count, firstAfterBlank(run, lines) == rows.count {
                    drop(Array(run[rows.count...]), "after a blank line past the \(rows.count) values under \(names), its block's only column: drawn elsewhere")
                    run.removeLast(run.count - rows.count)
                }
                // The same under one of a block's several headers: settled
                // once every run is read, where the block's other columns are
                // all filled (what stands before the blank is then no other
                // column of the block: pdfminer's 采购项目数量⏎19, then the page
                // footer, then 第（一）项's column box 0⏎17).
                if m == 1, shape.blocks[b].headers.count > 1, run.count > rows.count, firstAfterBlank(run, lines) == rows.count {
                    cutRuns.append((b, slots[0], run, runStart - 1))
                    continue
                }
                if run.count == m * rows.count {
                    let byRows = (0..<rows.count).map { r in (0..<m).map { c in run[r * m + c] } }
                    let byColumns = (0..<rows.count).map { r in (0..<m).map { c in run[c * rows.count + r] } }
                    if let signed = (0..<rows.count).flatMap({ r in (0..<m).map { c in (byRows[r][c].0, head[c].label) } })
                        .first(where: { !signFits($0.0, under: $0.1) }) {
                        drawnLast = drawnLast ?? signedDrawnLast(byRows, head: head)
                        guard let moved = signedCellPlaced(byRows, head: head) else {
                            drop(run, "under \(names) row by row, \(signed.0) would stand under \(signed.1), which names no such sign")
                            continue
                        }
                        bySignedCell.append((names, signed.0, moved.header, lines[run[0].1].number))
                        for (r, row) in rows.enumerated() { for c in 0..<m { place(row, slots[c], moved.rows[r][c].0, moved.rows[r][c].1) } }
                        continue
                    }
                    // A bare non-zero change where the table signs its changes:
                    // another column's values under these headers. Only a
                    // block of one row (（八）: two numbers of another column
                    // read as its row) under headers ending with the one naming
                    // the sign: elsewhere a change drawn after the row's others
                    // (142 8637 0) is `rowsInDoubt`'s to settle.
                    if let shown = shownSigns, rows.count == 1, signHeader(head) == m - 1,
                       let bare = bareChange(byRows.flatMap { zip($0, head).map { ($0.0.0, $0.1.label) } }, shown: shown) {
                        drop(run, bareChangeReason(names, run, bare, shown: shown))
                        for row in rows { for slot in slots { bareHeld.insert(Cell(row: row, slot: slot)) } }
                        continue
                    }
                    // Rows whose unsigned cell under the header naming the sign
                    // may have been drawn last: where a signed one was, which
                    // of their cells is which is not certain (38 26418 0).
                    let doubtful = rowsInDoubt(byRows, head: head)
                    drawnInPlace = drawnInPlace ?? signedDrawnInPlace(byRows, head: head)
                    if !doubtful.isEmpty, let shown = drawnLast {
                        drop(run, doubtReason(names, byRows[doubtful[0]], head[signHeader(head)!].label, shown))
                        continue
                    }
                    var bySignIndex: Int?, byEvidenceIndex: Int?
                    if !zip(byRows, byColumns).allSatisfy({ zip($0, $1).allSatisfy { $0.0 == $1.0 } }) {
                        let unbroken = rowOrder != nil
                            && !(run[0].1...run[run.count - 1].1).contains { ColumnOrderEvidence.isBlank(lines[$0]) }
                        // Column by column, a signed value would stand under a
                        // header that names no sign: only the rows' reading is left.
                        let signedAcross = (0..<rows.count).lazy.flatMap { r in (0..<m).lazy.map { c in (byColumns[r][c].0, head[c].label) } }
                            .first { !signFits($0.0, under: $0.1) }
                        if let signedAcross {
                            bySignIndex = bySign.count
                            bySign.append((names, signedAcross.0, signedAcross.1, lines[run[0].1].number))
                        } else if !unbroken {
                            drop(run, "under \(names) they read row by row and column by column give different tables")
                            orderInDoubt = true
                            continue
                        } else {
                            byEvidenceIndex = byEvidence.count
                            byEvidence.append((names, lines[run[0].1].number))
                        }
                    }
                    if !doubtful.isEmpty {
                        inDoubt.append(BlockInDoubt(rows: rows, slots: slots, byRows: byRows, run: run, names: names,
                                                    doubtful: byRows[doubtful[0]], header: head[signHeader(head)!].label,
                                                    bySign: bySignIndex, byEvidence: byEvidenceIndex, head: head))
                        continue
                    }
                    for (r, row) in rows.enumerated() { for c in 0..<m { place(row, slots[c], byRows[r][c].0, byRows[r][c].1) } }
                } else if run.count < m * rows.count, m == 1 || run.count == m {
                    partial.append((b, slots, run))
                } else {
                    drop(run, "\(run.count) values under \(names), whose block has \(rows.count) rows")
                }
            }
        }
        // A run under one of a block's several headers, cut at a blank line
        // after exactly its rows' values: that column, where every other
        // column of the block is filled by runs of its own; what follows
        // the blank was drawn elsewhere and stays loose.
        var byCutRun: [(header: String, line: Int)] = []
        var byBoxesAboveBreak: [(headers: String, placed: [String], rows: [String], line: Int, bounded: Bool)] = []
        /// Cut runs left for the one reading (`looseRunRightBefore`): placed
        /// as cut runs only where no reading is found. Their cells stay
        /// claimed, no value, until the reading is sought.
        var waitingCutRuns: [(block: Int, slot: Int, run: [(String, Int)])] = []
        for (b, slot, run, headerPiece) in cutRuns {
            let rows = shape.blocks[b].rows, header = shape.blocks[b].headers[slot]
            let othersFilled = rows.allSatisfy { row in
                !claimed[row][slot] && values[row].indices.allSatisfy { $0 == slot || values[row][$0] != nil }
            }
            guard othersFilled, run.prefix(rows.count).allSatisfy({ signFits($0.0, under: header) }) else {
                drop(run, "\(run.count) values under \(header), whose block has \(rows.count) rows")
                continue
            }
            let drawnElsewhere = "after a blank line past the \(rows.count) values under \(header), the one column of its block still empty: drawn elsewhere"
            if looseRunRightBefore(headerPiece, rows: rows.count, pieces: pieces, lines: lines, loose: unplaced), changesSigned() {
                drop(Array(run[rows.count...]), drawnElsewhere)
                waitingCutRuns.append((b, slot, Array(run.prefix(rows.count))))
                for row in rows { claimed[row][slot] = true }
                continue
            }
            for (row, (text, index)) in zip(rows, run) { place(row, slot, text, index) }
            drop(Array(run[rows.count...]), drawnElsewhere)
            byCutRun.append((header, lines[run[0].1].number))
        }
        /// Cells of rows in doubt left empty below (`hold`): claimed, no
        /// value, so no later reading guesses them.
        var heldInDoubt: [Cell] = []
        /// Holds a row in doubt (`rowsInDoubt`): its cells from the header
        /// naming the sign on (`from`) left empty, claimed and reported with
        /// `reason`; the ones before it placed. Each of the row's values is
        /// placed or reported once: one already placed by the row itself (a
        /// single row placed as read) is taken back, one already reported
        /// (two runs claimed its cell) is not reported again. A held cell
        /// holding another run's value is a cell two runs claim: which value
        /// is its own is not known, so that value is reported too and the
        /// cell stays empty, as `place` leaves any cell two runs claim (a
        /// wrongly placed value is worse than none).
        func hold(_ row: Int, _ slots: [Int], _ rowValues: [(String, Int)], from t: Int, _ reason: String) {
            for (c, slot) in slots.enumerated() {
                let (text, index) = rowValues[c]
                let own = claimed[row][slot] && values[row][slot] == text && placedAt[row][slot] == index
                let reported = unplaced.contains { $0.text == text && $0.lineIndex == index }
                if c < t {
                    if !own && !reported { place(row, slot, text, index) }
                    continue
                }
                if !own, let other = values[row][slot] {
                    unplaced.append((other, placedAt[row][slot], "two runs of values claim its cell"))
                }
                if !reported { unplaced.append((text, index, reason)) }
                values[row][slot] = nil
                claimed[row][slot] = true
                heldInDoubt.append(Cell(row: row, slot: slot))
            }
        }
        /// `hold` for a single row in doubt (`rowsInDoubt`) where something
        /// says the extractor drew its 本年增/减 cell last: a signed cell
        /// drawn last in the table (`drawnLast`), or the row's own last value
        /// drawn wider than its text (`drawnLastByWidth`: a full-width ０,
        /// with no signed cell in the table to show it). False, nothing
        /// held, where nothing says so.
        func holdDrawnLast(_ row: Int, _ slots: [Int], _ rowValues: [(String, Int)], _ head: [(label: String, block: Int?, slot: Int)]) -> Bool {
            let t = signHeader(head) ?? slots.count, names = head.map(\.label).joined(separator: " ")
            if let shown = drawnLast {
                hold(row, slots, rowValues, from: t, doubtReason(names, rowValues, head[t].label, shown))
            } else if let wide = drawnLastByWidth(rowValues, lines) {
                hold(row, slots, rowValues, from: t, widthDoubtReason(names, rowValues, head[t].label, wide))
            } else {
                return false
            }
            return true
        }
        // Blocks whose rows' order was in doubt: a signed cell drawn last
        // elsewhere in the table (read after them) leaves them out too.
        for block in inDoubt {
            if let shown = drawnLast {
                drop(block.run, doubtReason(block.names, block.doubtful, block.header, shown))
                continue
            }
            // Read row by row only on the evidence of another table, and no
            // signed cell shows where this table's extractor draws that
            // column (a document whose every change is a bare 0): the cells
            // from the header naming the sign on may be out of place in the
            // doubtful rows, and are left empty and reported, not guessed.
            let doubtful = drawnInPlace == nil && block.byEvidence != nil ? rowsInDoubt(block.byRows, head: block.head) : []
            let t = signHeader(block.head) ?? block.slots.count
            for (r, row) in block.rows.enumerated() {
                if doubtful.contains(r) {
                    hold(row, block.slots, block.byRows[r], from: t, unsignedDoubtReason(block.names, block.byRows[r], block.header))
                    continue
                }
                for (c, slot) in block.slots.enumerated() { place(row, slot, block.byRows[r][c].0, block.byRows[r][c].1) }
            }
        }
        // A single row placed as read where a signed cell drawn last in this
        // table shows the extractor draws that cell after the row's others
        // (38 26418 0 beside 38 26418 +2): its cells from 本年增/减 on are
        // taken back, held and reported.
        // So is one whose own last value stands alone on a line drawn wider
        // than its text (38 26418 ０), where no signed cell shows it.
        for single in singleRowsInDoubt { _ = holdDrawnLast(single.row, single.slots, single.values, single.head) }
        if drawnLast != nil {
            let (signIndices, evidenceIndices) = (Set(inDoubt.compactMap(\.bySign)), Set(inDoubt.compactMap(\.byEvidence)))
            bySign = bySign.indices.filter { !signIndices.contains($0) }.map { bySign[$0] }
            byEvidence = byEvidence.indices.filter { !evidenceIndices.contains($0) }.map { byEvidence[$0] }
        }
        // Boxes under the copies of a shared header, one a block, none of
        // its columns filled: placed by their sizes where every way the
        // sizes allow agrees (LabelledColumnRecovery+SizedBoxes.swift).
        var bySize: [(header: String, placed: [String], left: [String], line: Int)] = []
        var bySizeCut: [(header: String, boxes: Int, limit: SizedBoxLimit, cells: [String], line: Int)] = []
        for (h, boxes) in sharedBoxes.sorted(by: { $0.key < $1.key }) {
            let sharing = shape.headers[h]
            guard occurrences[h] == sharing.count, boxes.count == sharing.count,
                  sharing.allSatisfy({ s in shape.blocks[s.block].rows.allSatisfy { !claimed[$0][s.slot] } })
            else { continue }
            let header = shape.blocks[sharing[0].block].headers[sharing[0].slot]
            let (agreed, cutBy) = Self.agreedBySize(boxes: boxes.map { $0.map { $0.0 } }, blockRows: sharing.map { shape.blocks[$0.block].rows.count },
                                                    fits: { k, _ in boxes[k].allSatisfy { self.signFits($0.0, under: header) } },
                                                    maxBoxes: rules.readingOrder.maxSizedBoxes,
                                                    maxAssignments: rules.readingOrder.maxSizedAssignments)
            if let cutBy {
                // Not matched by size: said, naming the cells, and the boxes
                // left to the rules after this one.
                let cells = sharing.flatMap { s in shape.blocks[s.block].rows.map { "\(template.rows[$0].path.last ?? "")/\(header)" } }
                bySizeCut.append((header, boxes.count, cutBy, cells, lines[boxes[0][0].1].number))
            }
            guard agreed.contains(where: { $0.contains { $0 != nil } }) else { continue }
            var used = Set<Int>(), placedCells: [String] = [], leftCells: [String] = []
            for (b, s) in sharing.enumerated() {
                for (r, row) in shape.blocks[s.block].rows.enumerated() {
                    let name = "\(template.rows[row].path.last ?? "")/\(header)"
                    guard let cell = agreed[b][r] else {
                        // Left empty, and held so no later reading guesses it.
                        claimed[row][s.slot] = true
                        heldInDoubt.append(Cell(row: row, slot: s.slot))
                        leftCells.append(name)
                        continue
                    }
                    let value = boxes[cell.box][cell.position]
                    used.insert(value.1)
                    place(row, s.slot, value.0, value.1)
                    placedCells.append(name)
                }
            }
            let inBoxes = Set(boxes.joined().map { $0.1 })
            partial.removeAll { $0.run.contains { inBoxes.contains($0.1) } }
            unsettled.removeAll { $0.run.contains { inBoxes.contains($0.1) } }
            unplaced.removeAll { inBoxes.contains($0.lineIndex) }
            for (text, index) in boxes.joined() where !used.contains(index) {
                unplaced.append((text, index, "a box under \(header), whose block its size leaves in doubt (boxes right under copies of the header, one a block, matched to the blocks by their number of rows in more than one way)"))
            }
            bySize.append((header, placedCells, leftCells, lines[boxes[0][0].1].number))
        }
        // A column's top part (the rows before a page break): only where
        // exactly the rows below it were placed by other runs.
        for (b, slots, run) in partial {
            let rows = shape.blocks[b].rows, m = slots.count, count = run.count / m
            let open = rows.filter { row in slots.allSatisfy { !claimed[row][$0] } }
            let names = slots.map { shape.blocks[b].headers[$0] }.joined(separator: " ")
            guard open == Array(rows.prefix(count)) else {
                // Boxes of the rows above a page break, the rows below not
                // placed: the cells every order of the boxes reads alike.
                if let above = boxesAboveBreak(run, block: b, slots: slots, pieces: pieces, lines: lines, shape: shape, claimed: claimed),
                   case let aboveBlock = Shape.Block(rows: above.rows, headers: shape.blocks[b].headers),
                   // One header's own box: the header names its column.
                   case let (agreed, bounded) = m == 1
                       ? (above.boxes[0].map { Array(repeating: String?.none, count: slots[0]) + [$0.text] }, false)
                       : agreedCells(above.boxes, block: aboveBlock, template: template),
                   agreed.contains(where: { $0.contains { $0 != nil } }) {
                    var free = above.boxes.indices.map { _ in Array(above.boxes.indices) }, placedCells: [String] = []
                    var left: [(String, Int)] = []
                    for (r, row) in above.rows.enumerated() {
                        for (slot, text) in agreed[r].enumerated() {
                            guard let text, let k = free[r].firstIndex(where: { above.boxes[$0][r].text == text }) else { continue }
                            let value = above.boxes[free[r].remove(at: k)][r]
                            place(row, slot, value.text, value.lineIndex)
                            placedCells.append("\(template.rows[row].path.last ?? "")/\(shape.blocks[b].headers[slot])")
                        }
                        left += free[r].map { (above.boxes[$0][r].text, above.boxes[$0][r].lineIndex) }
                    }
                    drop(left, "boxes of the rows above a page break under \(names), in an order nothing names: read otherwise in another order")
                    byBoxesAboveBreak.append((names, placedCells, above.rows.map { template.rows[$0].path.last ?? "" },
                                              lines[run[0].1].number, bounded))
                    continue
                }
                drop(run, "\(run.count) values under \(names), whose block has \(rows.count) rows")
                continue
            }
            if let signed = run.enumerated().first(where: { !signFits($0.element.0, under: shape.blocks[b].headers[slots[$0.offset % m]]) }) {
                drop(run, "\(signed.element.0) would stand under \(shape.blocks[b].headers[slots[signed.offset % m]]), which names no such sign")
                continue
            }
            // One row's worth, its unsigned change perhaps drawn last.
            let partialHead = slots.map { (label: shape.blocks[b].headers[$0], block: Int?.some(b), slot: $0) }
            if count == 1, m >= 2, !rowsInDoubt([run], head: partialHead).isEmpty, holdDrawnLast(open[0], slots, run, partialHead) {
                continue
            }
            for (r, row) in open.enumerated() { for c in 0..<m { place(row, slots[c], run[r * m + c].0, run[r * m + c].1) } }
        }
        // A lone shared header's run whose block was not settled (（六）'s
        // caption read, then 处理决定数量⏎14⏎38⏎处理决定数量⏎2⏎0: pdftotext -raw
        // of a LibreOffice PDF drew both blocks' columns after （六）'s others,
        // the upper first, and the first is （五）'s by its order, （六）'s by
        // the caption): where that header stood once a block, every other
        // block with it has its column filled and one has none, the run is
        // that block's column, the only one it can belong to.
        var byHeaderLeft: [(header: String, row: String, line: Int)] = []
        for (h, run) in unsettled {
            let sharing = shape.headers[h]
            guard occurrences[h] == sharing.count else { continue }
            let answered = { (s: (block: Int, slot: Int)) in shape.blocks[s.block].rows.contains { bareHeld.contains(Cell(row: $0, slot: s.slot)) } }
            let open = sharing.filter { s in !answered(s) && shape.blocks[s.block].rows.allSatisfy { !claimed[$0][s.slot] } }
            guard open.count == 1, case let (b, slot) = (open[0].block, open[0].slot), case let rows = shape.blocks[b].rows,
                  run.count == rows.count, run.allSatisfy({ signFits($0.0, under: shape.blocks[b].headers[slot]) }),
                  sharing.allSatisfy({ s in s.block == b || answered(s) || shape.blocks[s.block].rows.allSatisfy { values[$0][s.slot] != nil } })
            else { continue }
            for (row, (text, index)) in zip(rows, run) {
                place(row, slot, text, index)
                if let k = unplaced.firstIndex(where: { $0.text == text && $0.lineIndex == index }) { unplaced.remove(at: k) }
            }
            byHeaderLeft.append((shape.blocks[b].headers[slot], template.rows[rows[0]].path.last ?? "", lines[run[0].1].number))
        }
        // What is still loose, as columns between blank lines (ColumnRuns.swift).
        var byRuns: [(header: String, line: Int, passedOver: [String])] = []
        /// Column runs that would put a bare change under a header naming a
        /// sign where the table writes its changes signed: left for the one
        /// reading, placed as runs only where no reading is found.
        var waitingRuns: [ColumnRun] = []
        /// Why runs were left for the one reading, and from which line.
        var leftForReading: [(why: String, line: Int)] = []
        func placeRuns(_ runs: [ColumnRun]) {
            var taken: [String: Int] = [:]
            for run in runs {
                for (row, value) in zip(shape.blocks[run.block].rows, run.values) {
                    place(row, run.slot, value.text, value.lineIndex)
                    taken["\(value.lineIndex)|\(value.text)", default: 0] += 1
                }
                byRuns.append((shape.blocks[run.block].headers[run.slot], lines[run.values[0].lineIndex].number, run.passedOver))
            }
            unplaced.removeAll { value in
                guard let n = taken["\(value.lineIndex)|\(value.text)"], n > 0 else { return false }
                taken["\(value.lineIndex)|\(value.text)"] = n - 1
                return true
            }
        }
        if let runs = columnRuns(pieces, lines: lines, heard: heard, shape: shape, claimed: claimed,
                                 loose: unplaced.map { ($0.text, $0.lineIndex) }, stepsUpMarked: rowOrder != nil) {
            let bare = runs.lazy.compactMap { run -> (value: String, header: String, line: Int)? in
                let header = shape.blocks[run.block].headers[run.slot]
                guard self.namesSign(header), let value = run.values.first(where: { self.isBareNonZero($0.text) }) else { return nil }
                return (value.text, header, value.lineIndex)
            }.first
            if let bare, changesSigned() {
                waitingRuns = runs
                leftForReading.append(("the runs of values between blank lines would put \(bare.value), a bare number, under \(bare.header), where the table writes its changes with their sign", lines[bare.line].number))
            } else {
                placeRuns(runs)
            }
        }
        for (b, slot, run) in waitingCutRuns {
            for row in shape.blocks[b].rows { claimed[row][slot] = false }
            leftForReading.append(("the values after \(shape.blocks[b].headers[slot]) as many as its block's rows before a blank line follow a run of as many values right before that header, blank lines only between: that run may be its column, printed before its header", lines[run[0].1].number))
        }
        // What is still loose and empty, in the one reading of the whole
        // stretch that keeps a grid's drawing order (OneReading.swift),
        // where it agrees with what is placed.
        // The stretch's values may go on past the next section's heading.
        var byReading: Int?, pastHeading: ClosedRange<Int>?, readingAllowed = ReadingAllowance()
        // Where the stretch ends at a sign alone on its line, read on past
        // it first (`piecesPastLoneSign`), then as it stands.
        var attempts = [(pieces: pieces, end: piecesEnd)]
        if let on = pastLoneSign { attempts.insert(on, at: 0) }
        for (pieces, piecesEnd) in attempts where !unplaced.isEmpty && claimed.contains(where: { $0.contains(false) }) && byReading == nil {
            let past = piecesPastHeading(pieces, end: piecesEnd, stretchEnd: stretchEnd, lines: lines, template: template, shape: shape)
            let read = past?.pieces ?? pieces
            // Equal numbers may trade places: a placed value agrees by its text.
            // Several readings: the cells they agree on, only where every
            // value in doubt is the stretch's own (reported where it stands).
            if let one = oneReading(read, lines: lines, template: template, shape: shape, changesSigned: changesSigned()),
               case let reading = one.reading,
               let signed = loneSignsAttached(read, reading: reading, template: template, shape: shape),
               signed.keys.allSatisfy({ values[$0.row][$0.slot] == nil }),
               one.allowed.inDoubt.allSatisfy({ $0 < pieces.count }),
               heldInDoubt.allSatisfy({ reading[$0.row][$0.slot] == nil }),
               reading.indices.allSatisfy({ row in reading[row].indices.allSatisfy { slot in
                   guard let value = values[row][slot] else { return true }
                   guard let p = reading[row][slot], case .value(let text, _) = read[p] else { return false }
                   return text == value
               } }) {
                for (row, slots) in reading.enumerated() {
                    for (slot, p) in slots.enumerated() {
                        guard let p, case .value(let text, let index) = read[p] else { continue }
                        claimed[row][slot] = true
                        values[row][slot] = signed[Cell(row: row, slot: slot)].map { $0 + text } ?? text
                        // Past the heading: the table's, placed at its anchor (as
                        // a column read apart is), so the table ends before it.
                        placedAt[row][slot] = p < pieces.count ? index : start
                    }
                }
                unplaced = one.allowed.inDoubt.compactMap { p in
                    guard case .value(let text, let index) = read[p] else { return nil }
                    return (text, index, "its cell differs between the readings that keep the grid's drawing order")
                }
                readingAllowed = one.allowed
                byReading = reading.lazy.compactMap { $0.compactMap { $0 }.min() }.min().map { lines[read[$0].lineIndex].number }
                if let past, reading.contains(where: { $0.contains { $0 != nil && $0! >= pieces.count } }) { pastHeading = past.past }
            }
        }
        // No reading: what waited for one is placed as it was read.
        if byReading == nil {
            for (b, slot, run) in waitingCutRuns {
                let rows = shape.blocks[b].rows
                for (row, (text, index)) in zip(rows, run) { place(row, slot, text, index) }
                byCutRun.append((shape.blocks[b].headers[slot], lines[run[0].1].number))
            }
            placeRuns(waitingRuns)
            leftForReading = []
        }
        // A page break inside a block, no reading of the whole: the rows
        // above the break read on their own (PageBrokenBlock.swift), where
        // that agrees with what is placed.
        var byPageBreak: (line: Int, rows: [String], inDoubt: Int)?
        var byPageBreakRest: (line: Int, rows: [String], cells: Int)?
        // The values below the break were tried as its rows' cells and gave
        // no one table (several, or none keeping the kinds and bounds):
        // they come in no order, so the boxes they stand in prove nothing.
        var restInDoubt = false
        if byReading == nil, !unplaced.isEmpty,
           let broken = pageBrokenReading(pieces, lines: lines, template: template, shape: shape),
           case let reading = broken.reading,
           let signed = loneSignsAttached(pieces, reading: reading, template: template, shape: shape), signed.isEmpty,
           heldInDoubt.allSatisfy({ reading[$0.row][$0.slot] == nil }),
           // Only the rows above the break are read: a cell it leaves is no disagreement.
           reading.indices.allSatisfy({ row in reading[row].indices.allSatisfy { slot in
               guard let value = values[row][slot], let p = reading[row][slot] else { return true }
               guard case .value(let text, _) = pieces[p] else { return false }
               return text == value
           } }) {
            var taken: [String: Int] = [:], doubted: [String: Int] = [:], first: Int?
            for (row, slots) in reading.enumerated() {
                for (slot, p) in slots.enumerated() {
                    // A cell two runs claimed stays empty, as `place` leaves it.
                    guard let p, case .value(let text, let index) = pieces[p], !claimed[row][slot] else { continue }
                    claimed[row][slot] = true
                    values[row][slot] = text
                    placedAt[row][slot] = index
                    taken["\(index)|\(text)", default: 0] += 1
                    first = min(first ?? index, index)
                }
            }
            for p in broken.allowed.inDoubt {
                if case .value(let text, let index) = pieces[p] { doubted["\(index)|\(text)", default: 0] += 1 }
            }
            var kept: [(text: String, lineIndex: Int, reason: String)] = []
            for value in unplaced {
                let key = "\(value.lineIndex)|\(value.text)"
                if let n = taken[key], n > 0 { taken[key] = n - 1; continue }
                if let n = doubted[key], n > 0 {
                    doubted[key] = n - 1
                    kept.append((value.text, value.lineIndex, "its cell above the page break differs between the readings that keep the grid's drawing order"))
                    continue
                }
                kept.append(value)
            }
            unplaced = kept
            if let first {
                byPageBreak = (lines[first].number, broken.rows.map { template.rows[$0].path.last ?? "" }, broken.allowed.inDoubt.count)
            }
            // The rows below the break, where the values' kinds leave every
            // cell one text (`tables.page-broken-rest`, PageBrokenBlock.swift).
            let above = Set(broken.rows)
            var open: [(row: Int, slot: Int, header: String)] = []
            for block in shape.blocks {
                for row in block.rows where !above.contains(row) {
                    for (slot, header) in block.headers.enumerated() where !claimed[row][slot] { open.append((row, slot, header)) }
                }
            }
            let loose = unplaced.indices.filter { unplaced[$0].lineIndex > broken.cutLine }
            let restTried = byPageBreak != nil && !open.isEmpty && loose.count == open.count
                && loose.count == unplaced.count - broken.allowed.inDoubt.count
            restInDoubt = restTried
            if restTried,
               let rest = brokenRest(cells: open, loose: loose.map { unplaced[$0].text }, values: values,
                                     signsShown: shownSigns, template: template) {
                restInDoubt = false
                var free = loose
                for (cell, text) in zip(open, rest) {
                    let k = free.firstIndex { unplaced[$0].text == text }!, at = free.remove(at: k)
                    claimed[cell.row][cell.slot] = true
                    values[cell.row][cell.slot] = text
                    placedAt[cell.row][cell.slot] = unplaced[at].lineIndex
                }
                let placedRows = open.reduce(into: [String]()) { names, cell in
                    let name = template.rows[cell.row].path.last ?? ""
                    if names.last != name { names.append(name) }
                }
                byPageBreakRest = (lines[unplaced[loose[0]].lineIndex].number, placedRows, open.count)
                unplaced = unplaced.indices.filter { !loose.contains($0) }.map { unplaced[$0] }
            }
        }
        // Boxes of one value left loose, each the one open cell of a one-row
        // block its kind fits, the other loose values boxes as long as the
        // open blocks' rows (LabelledColumnRecovery+LoneBoxes.swift): placed
        // before the column boxes, which need every other block whole; not
        // the values below a page break its rows' kinds did not settle
        // (`tables.page-broken-rest`: their boxes follow no order).
        var byKind: [(cells: [String], line: Int)] = []
        if byReading == nil, !restInDoubt, !unplaced.isEmpty,
           let cells = loneBoxCells(loose: unplaced.map { ($0.text, $0.lineIndex) }, claimed: claimed, lines: lines, shape: shape,
                                    shownSigns: shownSigns) {
            var names: [String] = []
            for cell in cells {
                let value = unplaced[cell.loose]
                place(cell.row, cell.slot, value.text, value.lineIndex)
                let block = shape.blocks.first { $0.rows.contains(cell.row) }
                names.append("\(value.text) \(template.rows[cell.row].path.last ?? "")/\(block?.headers[cell.slot] ?? "")")
            }
            let taken = Set(cells.map(\.loose))
            byKind.append((names, lines[cells.map { unplaced[$0.loose].lineIndex }.min()!].number))
            unplaced = unplaced.indices.filter { !taken.contains($0) }.map { unplaced[$0] }
        }
        // Blocks whose columns came as boxes in an order nothing names: the
        // rows every order reads alike (ColumnRuns.swift).
        var byBoxes: [(headers: String, placed: [String], left: [String], line: Int, scattered: Bool, bounded: Bool)] = []
        if byReading == nil, !unplaced.isEmpty {
            for found in columnBoxes(pieces, lines: lines, heard: heard, shape: shape, claimed: claimed,
                                     loose: unplaced.map { ($0.text, $0.lineIndex) }, template: template) {
                let block = shape.blocks[found.block], names = block.headers.joined(separator: " ")
                var taken: [String: Int] = [:], inDoubt: [String: Int] = [:]
                // A row every order reads alike is named by its label; a
                // cell the bounds alone settle, by its row and column.
                var placedRows: [String] = [], leftRows: [String] = []
                for (r, row) in block.rows.enumerated() {
                    let label = template.rows[row].path.last ?? ""
                    // Each value placed is taken from a box that holds it in this row.
                    var free = Array(found.boxes.indices)
                    var placedSlots: [Int] = []
                    for (slot, text) in found.agreed[r].enumerated() {
                        guard let text, let k = free.firstIndex(where: { found.boxes[$0][r].text == text }) else { continue }
                        let value = found.boxes[free.remove(at: k)][r]
                        place(row, slot, value.text, value.lineIndex)
                        taken["\(value.lineIndex)|\(value.text)", default: 0] += 1
                        placedSlots.append(slot)
                    }
                    for k in free { inDoubt["\(found.boxes[k][r].lineIndex)|\(found.boxes[k][r].text)", default: 0] += 1 }
                    if placedSlots.count == block.headers.count {
                        placedRows.append(label)
                    } else {
                        placedRows += placedSlots.map { "\(label)/\(block.headers[$0])" }
                        leftRows.append(label)
                    }
                }
                guard !placedRows.isEmpty else { continue }
                let reason = "column boxes of \(names) in an order nothing names: row(s) \(leftRows.joined(separator: " ")) read otherwise in another order"
                var kept: [(text: String, lineIndex: Int, reason: String)] = []
                for value in unplaced {
                    let key = "\(value.lineIndex)|\(value.text)"
                    if let n = taken[key], n > 0 { taken[key] = n - 1; continue }
                    if let n = inDoubt[key], n > 0 { inDoubt[key] = n - 1; kept.append((value.text, value.lineIndex, reason)); continue }
                    kept.append(value)
                }
                unplaced = kept
                byBoxes.append((names, placedRows, leftRows, lines[found.boxes[0][0].lineIndex].number, found.scattered, found.bounded))
            }
        }
        // A column whose header stands nowhere in the table, set apart by
        // the extractor: read where its header stands once, alone on a line
        // with exactly its values after it, near the table. Those lines are
        // the table's (`Region.apart`): not text, and numbers another table
        // read over leaves out.
        var apart: [(header: String, lines: ClosedRange<Int>)] = []
        for (row, slots) in values.enumerated() {
            for (slot, value) in slots.enumerated() where value != nil { lastLine = max(lastLine, placedAt[row][slot]) }
        }
        // Both windows from `earliest` on: past every line an earlier table
        // took, its own apart columns included, which may stand after this
        // anchor (fuzz run 53: two copies of table 二 read one column there).
        let afterEnd = min(lines.count, lastLine + 1 + rules.readingOrder.maxApartLines)
        let window = (before: min(first, max(earliest, first - rules.readingOrder.maxApartLines))..<first,
                      after: min(afterEnd, max(earliest, lastLine + 1))..<afterEnd)
        // A header several blocks share (本年增/减 in （五）（六）（八）) counts
        // as standing nowhere for the one block whose column is still empty
        // when the table holds it once fewer than the template and every
        // other block with it has its column.
        /// The lines after the table a column apart is looked for in: up to
        /// the next copy of the table (a line opening with one of its
        /// anchors), not past it. The lines after that anchor are that
        /// copy's to read forward (its match, its labelled columns), and a
        /// column read apart past it was read by both copies, one input line
        /// in two tables: 第二十条第（一）项⏎斅⏎第二十条第（一）项⏎采购总金额⏎09
        /// put 09 under both copies (the case fuzz30 left open: an earlier
        /// table's apart lines after the next anchor; the lines before the
        /// anchor are `earliest`'s, fuzzing item 30). Asked only where a
        /// header is missing.
        var ownedAfterEnd: Int?
        func ownedAfter() -> Range<Int> {
            if ownedAfterEnd == nil {
                let anchors = template.anchors.filter { !$0.isEmpty }
                ownedAfterEnd = window.after.first { k in
                    let text = lines[k].text.drop { $0 == " " || $0 == "\t" }
                    return anchors.contains { text.hasPrefix($0) }
                } ?? window.after.upperBound
            }
            return window.after.lowerBound..<ownedAfterEnd!
        }
        func missing(_ header: String, block b: Int) -> Bool {
            guard case .header(let h)? = shape.roles[header] else { return false }
            let sharing = shape.headers[h]
            guard occurrences[h] == sharing.count - 1 else { return false }
            return sharing.allSatisfy { other in
                let filled = shape.blocks[other.block].rows.map { claimed[$0][other.slot] }
                return other.block == b ? !filled.contains(true) : !filled.contains(false)
            }
        }
        for (b, block) in shape.blocks.enumerated() {
            for (slot, header) in block.headers.enumerated() where missing(header, block: b) {
                let found = [window.before, ownedAfter()].flatMap { range in
                    range.filter { lines[$0].text.utf8.count == header.utf8.count && lines[$0].text.utf8.elementsEqual(header.utf8) }
                }
                guard found.count == 1, let run = column(after: found[0], in: lines, count: block.rows.count),
                      run.texts.allSatisfy({ signFits($0, under: header) }) else { continue }
                for (row, text) in zip(block.rows, run.texts) { place(row, slot, text, start) }
                apart.append((header, found[0]...run.last))
            }
        }
        var placed = 0
        for (row, slots) in values.enumerated() {
            for (slot, value) in slots.enumerated() where value != nil {
                placed += 1
                lastLine = max(lastLine, placedAt[row][slot])
                rowLines[row] = min(rowLines[row] ?? .max, lines[placedAt[row][slot]].number)
            }
        }
        guard placed > 0 else { return nil }
        // Only over lines read into pieces: every number there is reported.
        if let through { lastLine = max(lastLine, min(through, piecesEnd - 1)) }
        // Values after the table's last label and placed value stay text.
        let dropped = unplaced.filter { $0.lineIndex <= lastLine }.map { ($0.text, lines[$0.lineIndex].number, $0.reason) }
        var placement = Placement(template: template, values: values, rowLines: rowLines, firstLine: first, lastLine: lastLine,
                         placed: placed, unplaced: dropped, apart: apart, orderInDoubt: orderInDoubt, byEvidence: byEvidence, bySign: bySign,
                         bySignedCell: bySignedCell, byRuns: byRuns, byHeaderLeft: byHeaderLeft, gridRows: gridRows, byReading: byReading, pastHeading: pastHeading, readingAllowed: readingAllowed,
                         byBoxes: byBoxes, byPageBreak: byPageBreak, byPageBreakRest: byPageBreakRest, byCutRun: byCutRun, byBoxesAboveBreak: byBoxesAboveBreak, bySize: bySize, bySizeCut: bySizeCut, byKind: byKind)
        placement.leftForReading = leftForReading
        placement.bareChanges = bareChangesInDoubt(values: values, placedAt: placedAt, pieces: pieces, lines: lines, heard: heard, shape: shape)
        return placement
    }

    /// Index of the first value of `run` with a blank line between it and
    /// the value before (nil: none). Values of one line (`0 TAB 0`, a run
    /// holds each) have no line between them: the range between their lines
    /// is empty, not reversed (fuzz item 36).
    func firstAfterBlank(_ run: [(String, Int)], _ lines: [SourceLine]) -> Int? {
        run.indices.dropFirst().first { i in
            run[i].1 > run[i - 1].1 + 1 && (run[i - 1].1 + 1..<run[i].1).contains { ColumnOrderEvidence.isBlank(lines[$0]) }
        }
    }

    /// The `count` values on the lines after `lines[header]`, one a line
    /// (blank lines passed), followed by a line that is no value or the
    /// end; nil when there are more or fewer.
    func column(after header: Int, in lines: [SourceLine], count: Int) -> (texts: [String], last: Int)? {
        var texts: [String] = [], last = header, k = header + 1
        while k < lines.count {
            let text = lines[k].text
            if text.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" }) { k += 1; continue }
            guard rules.isValue(Array(text.unicodeScalars)[...]) else { break }
            texts.append(text)
            last = k
            guard texts.count <= count else { return nil }
            k += 1
        }
        return texts.count == count ? (texts, last) : nil
    }
}
