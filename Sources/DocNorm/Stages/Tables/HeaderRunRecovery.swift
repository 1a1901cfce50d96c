import ICUKit

/// Stage 3, `tables.header-runs`: the rows of an arithmetic table (三) that
/// the column headers' own text boxes give beyond doubt, where its numbers
/// fit no reading order.
///
/// pdfminer returns table 三 as one text box per cell or per short run of
/// cells, in an order its grouping of boxes makes (column by column, row by
/// row, bottom up, interleaved) that no grammar of reading orders covers,
/// and the template's arithmetic cannot tell rows apart (any two result rows
/// can trade places). What a box does say: its lines are top to bottom, and
/// a column header's box holds the cells right under the header, so a header
/// followed, with no blank line between, by lines of numbers is that column
/// from the table's first data row down. A line of two numbers there is the
/// header's cell and a neighbour's on one baseline (其他 0 36: 其他 and
/// 总计); after such a line the box holds both columns, two lines a row in
/// no known order.
///
/// A data row is placed only when these runs fill every cell of it and its
/// row relations (总计 = the sum of the applicant columns) hold, in every
/// way the runs can be read (which neighbour a two-number line names, the
/// order of a row's two lines), and those ways agree on its values. Every
/// other cell is left empty and reported, every number not placed reported
/// and dropped. A table whose rows the arithmetic cannot check is not read.
///
/// The output grid, read back, is read the same way: a canonical grid of the
/// template (TAB rows, empty cells empty) gives its complete rows again.
struct HeaderRunRecovery: Sendable {
    let rules: TableRules
    /// Per template id, what its header labels say, for templates it applies to.
    let shapes: [String: Shape]
    /// The first-column cells row labels' lines give (`tables.label-line-values`).
    let labelLines: LabelLineValues

    init(rules: TableRules) {
        self.rules = rules
        self.labelLines = LabelLineValues(rules: rules)
        var shapes: [String: Shape] = [:]
        for template in rules.templates {
            if let shape = Shape(template) { shapes[template.id] = shape }
        }
        self.shapes = shapes
    }

    struct Shape: Sendable {
        /// Template row indices of the data rows, top to bottom.
        var dataRows: [Int]
        /// Value slots of every data row.
        var slots: Int
        /// Header label → the one value slot it heads.
        var slotOf: [String: Int]
        /// Every header-row label as scalars, longest first (for segmenting).
        var headerLabels: [[Unicode.Scalar]]
        var headerTexts: [String]
        /// Every scalar of a header label: a line with any other (a value,
        /// a row label, prose) is no header text, told without allocating.
        var headerScalars: ScalarSet
        /// Per data row (index into `dataRows`), its row relations: check
        /// sites all of whose cells are in that row.
        var rowSites: [[TableTemplate.CheckSite]]
        /// Per data row, the slots its row relations sum: a weak value is
        /// pinned only there.
        var rowSlots: [Set<Int>]

        init?(_ template: TableTemplate) {
            let dataRows = template.rows.indices.filter { !template.rows[$0].isHeader }
            guard let first = dataRows.first else { return nil }
            let paths = template.rows[first].columnPaths
            guard !paths.isEmpty, dataRows.allSatisfy({ template.rows[$0].columnPaths == paths }) else { return nil }
            var rowSites = [[TableTemplate.CheckSite]](repeating: [], count: dataRows.count)
            for site in template.checkSites where template.checks[site.check].axis == .row {
                guard let k = dataRows.firstIndex(of: site.row), site.cells.allSatisfy({ $0.row == site.row }) else { continue }
                rowSites[k].append(site)
            }
            // Only rows the arithmetic checks can be placed: every row must be.
            guard rowSites.allSatisfy({ !$0.isEmpty }) else { return nil }
            var count: [String: Int] = [:]
            for path in paths { if let leaf = path.last { count[leaf, default: 0] += 1 } }
            var slotOf: [String: Int] = [:]
            for (slot, path) in paths.enumerated() { if let leaf = path.last, count[leaf] == 1 { slotOf[leaf] = slot } }
            var labels = Set<String>()
            for row in template.rows where row.isHeader {
                for cell in row.cells { if case .label(let l) = cell { labels.insert(l) } }
            }
            guard !slotOf.isEmpty, Set(slotOf.keys).isSubset(of: labels) else { return nil }
            let sorted = labels.sorted { ($0.unicodeScalars.count, $0) > ($1.unicodeScalars.count, $1) }
            self.dataRows = dataRows
            self.slots = paths.count
            self.slotOf = slotOf
            self.headerTexts = sorted
            self.headerLabels = sorted.map { Array($0.unicodeScalars) }
            self.headerScalars = ScalarSet(ranges: Set(sorted.flatMap(\.unicodeScalars)).map { $0.value...$0.value },
                                           pattern: "header-label scalars of \(template.id)")
            self.rowSites = rowSites
            self.rowSlots = rowSites.map { sites in Set(sites.flatMap { $0.cells.map(\.slot) }) }
        }

        /// `scalars` as a run of header labels: the last one, or nil when
        /// they are not such a run.
        func lastHeader(_ scalars: [Unicode.Scalar]) -> String? {
            var p = 0, last: String?
            while p < scalars.count {
                guard let k = headerLabels.firstIndex(where: { scalars[p...].starts(with: $0) }) else { return nil }
                last = headerTexts[k]
                p += headerLabels[k].count
            }
            return last
        }
    }

    /// What the boxes say about one data row: values whose cell is known,
    /// and pairs of values standing in two cells in either order.
    struct Claims {
        /// `weak`: read from a box of numbers after a header's box of its
        /// own, not from the header's box.
        var exact: [(slot: Int, value: String, line: Int, weak: Bool)] = []
        var pairs: [(a: (String, Int), b: (String, Int), ordered: Bool, run: Int)] = []
    }

    /// A header's run: its slot, and the value lines of its box (each one
    /// or two values, with the line index).
    struct Run {
        var slot: Int
        var lines: [(values: [String], line: Int)]
        var header: String
        /// The numbers stand in a box of their own right after the
        /// header's (Chromium's PDFs put every header in its own box, and
        /// several headers' boxes before their columns): another column's
        /// may be meant.
        var weak = false
    }

    /// The rows of `template` placed from `lines[start..<end]`, or nil when
    /// none is.
    /// `listingUnplaced`: whether the numbers placed nowhere are listed
    /// (`Placement.unplaced`). They are only reported (`region`), and the
    /// probe of `tables.settle`, which keeps no finding, does not ask for
    /// them: cutting every line of the stretch into its value words again
    /// was most of this function's time there (a table read back holds a
    /// line per grid row).
    func recover(_ lines: [SourceLine], from start: Int, end: Int, template: TableTemplate,
                 listingUnplaced: Bool = true) -> LabelledColumnRecovery.Placement? {
        guard let shape = shapes[template.id], start < end else { return nil }
        var claims = [Claims](repeating: Claims(), count: shape.dataRows.count)
        var pairRuns: [(slot: Int, run: Int)] = []
        var lastLine = start
        let grid = gridRows(lines, from: start, end: end, template: template, shape: shape)
        if let grid {
            for (k, row) in grid.rows.enumerated() {
                for (slot, value) in row.enumerated() { if let value { claims[k].exact.append((slot, value, grid.lines[k], false)) } }
            }
            lastLine = grid.last
        } else {
            let runs = headerRuns(lines, from: start, end: end, shape: shape)
            guard !runs.isEmpty else { return nil }
            for (r, run) in runs.enumerated() {
                let paired = run.lines[0].values.count == 2
                if paired && run.weak { continue }
                if paired { pairRuns.append((run.slot, r)) }
                var row = 0, k = 0
                while k < run.lines.count, row < shape.dataRows.count {
                    let line = run.lines[k]
                    if !paired {
                        guard line.values.count == 1 else { break }
                        claims[row].exact.append((run.slot, line.values[0], line.line, run.weak))
                        k += 1
                    } else if line.values.count == 2 {
                        claims[row].pairs.append(((line.values[0], line.line), (line.values[1], line.line), true, r))
                        k += 1
                    } else {
                        guard k + 1 < run.lines.count, run.lines[k + 1].values.count == 1 else { break }
                        let next = run.lines[k + 1]
                        claims[row].pairs.append(((line.values[0], line.line), (next.values[0], next.line), false, r))
                        k += 2
                    }
                    row += 1
                }
            }
            lastLine = (start..<end).last { !ColumnOrderEvidence.isBlank(lines[$0]) } ?? start
        }
        // Every way of reading the two-number runs: the header's cell and
        // the one to its right, or the one to its left and the header's.
        var choices: [[(Int, Int)]] = [[]]
        for (slot, _) in pairRuns {
            var options: [(Int, Int)] = []
            if slot + 1 < shape.slots { options.append((slot, slot + 1)) }
            if slot > 0 { options.append((slot - 1, slot)) }
            choices = choices.flatMap { c in options.map { c + [$0] } }
            if choices.count > 16 { return nil }
        }
        var values = template.rows.map { [String?](repeating: nil, count: $0.isHeader ? 0 : $0.columnPaths.count) }
        var rowLines = [Int?](repeating: nil, count: template.rows.count)
        var placedAt: [Int: [String]] = [:]
        var placed = 0
        for (k, claim) in claims.enumerated() where !claim.exact.isEmpty || !claim.pairs.isEmpty {
            guard claim.exact.allSatisfy({ !$0.weak || shape.rowSlots[k].contains($0.slot) }) else { continue }
            var agreed: [String]?, doubt = false, possible = false
            for choice in choices {
                let columns = Dictionary(uniqueKeysWithValues: zip(pairRuns.map(\.run), choice))
                guard let readings = self.readings(claim, columns: columns, slots: shape.slots) else { continue }
                possible = true
                let holding = readings.filter { holds(shape.rowSites[k], row: shape.dataRows[k], values: $0) }
                let distinct = holding.reduce(into: [[String]]()) { found, r in if !found.contains(r) { found.append(r) } }
                if distinct.count != 1 || (agreed != nil && agreed != distinct[0]) { doubt = true; break }
                agreed = distinct[0]
            }
            guard possible, !doubt, let row = agreed else { continue }
            let index = shape.dataRows[k]
            values[index] = row.map { Optional($0) }
            let used = claim.exact.map(\.line) + claim.pairs.flatMap { [$0.a.1, $0.b.1] }
            rowLines[index] = used.min().map { lines[$0].number }
            for e in claim.exact { placedAt[e.line, default: []].append(e.value) }
            for p in claim.pairs { placedAt[p.a.1, default: []].append(p.a.0); placedAt[p.b.1, default: []].append(p.b.0) }
            placed += row.count
        }
        // Beside the rows placed, a row a label's line gives its first value
        // (`LabelLineValues`); read back, such a row is the grid's row
        // holding its first value alone.
        var byLabelLine: [(row: Int, value: String, line: Int)] = []
        if placed > 0 {
            var lone: [(row: Int, value: String, line: Int)] = []
            if let grid {
                for (k, row) in grid.rows.enumerated() where row.first.flatMap({ $0 }) != nil && row.dropFirst().allSatisfy({ $0 == nil }) {
                    lone.append((k, row[0]!, grid.lines[k]))
                }
            } else {
                lone = labelLines.cells(lines, from: start, end: end, template: template).map { ($0.row, $0.value, $0.line) }
            }
            for cell in lone {
                let index = shape.dataRows[cell.row]
                guard !values[index].isEmpty, values[index].allSatisfy({ $0 == nil }) else { continue }
                values[index][0] = cell.value
                rowLines[index] = lines[cell.line].number
                placedAt[cell.line, default: []].append(cell.value)
                placed += 1
                if grid == nil { byLabelLine.append((index, cell.value, lines[cell.line].number)) }
            }
        }
        guard placed > 0 else { return nil }
        // Every other number of the stretch: placed nowhere.
        var unplaced: [(text: String, line: Int, reason: String)] = []
        for index in start...lastLine where listingUnplaced {
            // A value opens with one of `valueOpeners`: a line where no word
            // opens with one holds none, and is not cut into words (by
            // Characters, the most of this function's time on the stretches
            // after prose).
            guard opensWordWithValueOpener(lines[index].text) else { continue }
            var taken = placedAt[index] ?? []
            for text in valueWords(of: lines[index].text) {
                if let k = taken.firstIndex(of: text) { taken.remove(at: k); continue }
                unplaced.append((text, lines[index].number, "not in a column header's box, or in a row that box leaves in doubt"))
            }
        }
        var placement = LabelledColumnRecovery.Placement(template: template, values: values, rowLines: rowLines, firstLine: start,
                                                         lastLine: lastLine, placed: placed, unplaced: unplaced)
        placement.byLabelLine = byLabelLine
        return placement
    }

    /// The words of `text` that are values, in order. A line of nothing but
    /// ASCII digits, spaces and TABs (most lines asked: a column's numbers)
    /// is its runs of digits, each a value where plain digits are
    /// (`plainDigitsAreValues`), read off its bytes: cutting such a line
    /// into Substrings and asking each word, as other lines are, was most
    /// of the cost of the numbers left unplaced.
    func valueWords(of text: String) -> [String] {
        func digitRuns(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
            var runs: [String] = [], start = -1
            for (i, byte) in bytes.enumerated() {
                if byte &- 0x30 < 10 {
                    if start < 0 { start = i }
                } else if byte == 0x20 || byte == 0x09 {
                    if start >= 0 { runs.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                    start = -1
                } else {
                    return nil
                }
            }
            if start >= 0 { runs.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return runs
        }
        if rules.valueGrammar.plainDigitsAreValues, let runs = text.utf8.withContiguousStorageIfAvailable(digitRuns), let runs {
            return runs
        }
        var values: [String] = []
        for word in text.blankSeparatedWords {
            // A string is made only of a word a value may be (prose words
            // are most of them, each a copy).
            guard let first = word.unicodeScalars.first, rules.valueOpeners.contains(first) else { continue }
            let value = String(word)
            if rules.isValue(value) { values.append(value) }
        }
        return values
    }

    /// Whether a scalar of `valueOpeners` stands first in the text or right
    /// after a space or TAB, told on the UTF-8: where none does, no word of
    /// `blankSeparatedWords` opens with one (each word opens at the text's
    /// start or right after a space or TAB byte, split by bytes or, around
    /// a space a combining mark joins, by Characters), and no word is a value.
    func opensWordWithValueOpener(_ text: String) -> Bool {
        let openers = rules.valueOpeners
        func look(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            // Byte by byte: a scalar is read only where a word may open
            // (no lead or continuation byte is a space or TAB).
            var afterBlank = true
            for (i, byte) in bytes.enumerated() {
                if afterBlank && openers.contains(UTF8Scalars.scalar(at: i, in: bytes).scalar) { return true }
                afterBlank = byte == 0x20 || byte == 0x09
            }
            return false
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(look) { return found }
        var text = text
        return text.withUTF8(look)
    }

    /// Every complete or partial reading of a row's claims with the pair
    /// runs naming `columns`: per slot its value (nil where none), or nil
    /// when two claims take one cell in every reading, or more than one
    /// value is weak. One weak value is as sure as the others when the row
    /// adds up: the others fix what the cell must hold.
    func readings(_ claim: Claims, columns: [Int: (Int, Int)], slots: Int) -> [[String]]? {
        guard claim.exact.filter(\.weak).count <= 1 else { return nil }
        var base = [String?](repeating: nil, count: slots)
        for e in claim.exact {
            guard base[e.slot] == nil else { return nil }
            base[e.slot] = e.value
        }
        var partial: [[String?]] = [base]
        for p in claim.pairs {
            guard let (left, right) = columns[p.run] else { return nil }
            let orders = p.ordered ? [(p.a.0, p.b.0)] : [(p.a.0, p.b.0), (p.b.0, p.a.0)]
            partial = partial.flatMap { cells -> [[String?]] in
                guard cells[left] == nil, cells[right] == nil else { return [] }
                return orders.map { o in var c = cells; c[left] = o.0; c[right] = o.1; return c }
            }
            if partial.isEmpty { return nil }
        }
        return partial.compactMap { cells in cells.contains(where: { $0 == nil }) ? nil : cells.map { $0! } }
    }

    /// Whether every row relation of template row `row` holds on `values`.
    func holds(_ sites: [TableTemplate.CheckSite], row: Int, values: [String]) -> Bool {
        for site in sites {
            guard let sums = site.sums({ _, slot in TableArithmetic.number(values[slot]) }), sums.balance else { return false }
        }
        return true
    }

    /// The runs of numbers that open boxes after a column header: a box is
    /// a stretch of lines between blank lines; its lines before the first
    /// line of numbers must read as header labels, the last of which heads
    /// one value column; the run is its lines of one or two numbers from
    /// there to the first other line.
    /// Empty when a column's header stands in two boxes: the header rows
    /// are repeated on a later page, whose header boxes hold that page's
    /// first rows, not the table's.
    func headerRuns(_ lines: [SourceLine], from start: Int, end: Int, shape: Shape) -> [Run] {
        var runs: [Run] = []
        var headed = Set<Int>()
        var k = start
        /// The box before was a column header's alone.
        var headerAlone: (slot: Int, label: String)?
        while k < end {
            guard !ColumnOrderEvidence.isBlank(lines[k]) else { k += 1; continue }
            var boxEnd = k
            while boxEnd < end, !ColumnOrderEvidence.isBlank(lines[boxEnd]) { boxEnd += 1 }
            let before = headerAlone
            headerAlone = nil
            defer { k = boxEnd }
            if let (slot, label) = before, valuesOf(lines[k]) != nil {
                var run = Run(slot: slot, lines: [], header: label, weak: true)
                for m in k..<boxEnd {
                    guard let values = valuesOf(lines[m]), values.count == 1 else { run.lines = []; break }
                    run.lines.append((values, m))
                }
                if !run.lines.isEmpty { runs.append(run) }
                continue
            }
            // The box opens with header text, lines of header-label scalars only.
            var j = k
            while j < boxEnd, lines[j].text.unicodeScalars.allSatisfy({ shape.headerScalars.contains($0) || $0 == " " || $0 == "\t" }) { j += 1 }
            guard j > k, j == boxEnd || valuesOf(lines[j]) != nil else { continue }
            let header = (k..<j).flatMap { lines[$0].text.unicodeScalars.filter { $0 != " " && $0 != "\t" } }
            guard let label = shape.lastHeader(header), let slot = shape.slotOf[label] else { continue }
            guard headed.insert(slot).inserted else { return [] }
            if j == boxEnd { headerAlone = (slot, label); continue }
            var run = Run(slot: slot, lines: [], header: label)
            var m = j
            while m < boxEnd, let values = valuesOf(lines[m]), values.count <= 2 {
                run.lines.append((values, m))
                m += 1
            }
            if !run.lines.isEmpty { runs.append(run) }
        }
        return runs
    }

    /// The numbers of a line that holds nothing else, or nil.
    /// Each word is made a string once, and the line left at its first word
    /// that is no value.
    /// A line whose first scalar past spaces and TABs opens no value (a
    /// label, prose) is told so before it is cut into words: its first word
    /// opens with that scalar, or with a space a combining mark after it
    /// joined (no value opens with a space or TAB either).
    func valuesOf(_ line: SourceLine) -> [String]? {
        let openers = rules.valueOpeners
        guard let first = line.text.unicodeScalars.first(where: { $0 != " " && $0 != "\t" }) else { return nil }
        if !openers.contains(first) && !openers.contains(" ") && !openers.contains("\t") { return nil }
        let words = line.text.blankSeparatedWords
        guard !words.isEmpty else { return nil }
        var values: [String] = []
        values.reserveCapacity(words.count)
        for word in words {
            let value = String(word)
            guard rules.isValue(value) else { return nil }
            values.append(value)
        }
        return values
    }

    /// The template's canonical grid as the output writes it (TAB rows, a
    /// data row's label cells as the template has them, its value cells a
    /// value or empty), read back: per data row its values; nil when the
    /// stretch is not that grid.
    func gridRows(_ lines: [SourceLine], from start: Int, end: Int, template: TableTemplate, shape: Shape)
        -> (rows: [[String?]], lines: [Int], last: Int)? {
        gridRows(lines, from: start, end: end, template: template, dataRows: shape.dataRows, slots: shape.slots)
    }

    /// `gridRows` of a template with no `Shape` (table 四: its header labels
    /// name three columns each), given its data rows and value slots.
    func gridRows(_ lines: [SourceLine], from start: Int, end: Int, template: TableTemplate, dataRows: [Int], slots: Int)
        -> (rows: [[String?]], lines: [Int], last: Int)? {
        // The line's cells are read between its TABs on its bytes in place
        // (`tabCells`, its array of offsets and a Substring per cell, was
        // most of the cost: the settle probe asks this of every TAB row of
        // a table read back, header rows included, for each template and
        // again in `placeAsDebris`). A label is compared by its bytes, and
        // with `==` (canonical equivalence) only where they differ; a string
        // is made only of a value.
        func rowOfBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Int) -> [String?]? {
            var cellCount = 1, at = 0
            while at < bytes.count {
                at += offsetOfFirst(9, in: UnsafeBufferPointer(rebasing: bytes[at...])) + 1
                if at <= bytes.count { cellCount += 1 }
            }
            guard cellCount <= template.columns, cellCount > 1 else { return nil }
            let cellsOfRow = template.rows[r].cells
            var values = [String?](repeating: nil, count: slots)
            var from = 0
            for (c, cell) in cellsOfRow.enumerated() {
                // The cell's bytes; past the last cell, an empty cell.
                var text = UnsafeBufferPointer(rebasing: bytes[0..<0])
                if c < cellCount {
                    let rest = UnsafeBufferPointer(rebasing: bytes[from...])
                    text = UnsafeBufferPointer(rebasing: rest[0..<offsetOfFirst(9, in: rest)])
                    from += text.count + 1
                }
                switch cell {
                case .label(let l):
                    guard l.hasUTF8(text) || String(decoding: text, as: UTF8.self) == l else { return nil }
                case .empty: guard text.isEmpty else { return nil }
                case .value(let slot):
                    guard !text.isEmpty else { continue }
                    let value = String(decoding: text, as: UTF8.self)
                    guard rules.isValue(value) else { return nil }
                    values[slot] = value
                }
            }
            return values
        }
        func row(_ text: String, _ r: Int) -> [String?]? {
            if let cells = text.utf8.withContiguousStorageIfAvailable({ rowOfBytes($0, r) }) { return cells }
            var text = text
            return text.withUTF8 { rowOfBytes($0, r) }
        }
        // Header rows, then the data rows: every line a TAB row.
        var k = start
        while k < end {
            guard lines[k].text.containsTab else { return nil }
            if row(lines[k].text, dataRows[0]) != nil { break }
            k += 1
        }
        var rows: [[String?]] = [], at: [Int] = []
        for r in dataRows {
            guard k < end, let values = row(lines[k].text, r) else { return nil }
            rows.append(values)
            at.append(k)
            k += 1
        }
        return (rows, at, k - 1)
    }
}
