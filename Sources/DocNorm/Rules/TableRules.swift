import ICUKit

/// Rules/tables.json, version docnorm-rules/1.
struct TableRulesFile: VersionedRuleFile {
    struct Values: Decodable {
        var digits: String
        var inside: String
        var prefixes: [String]
        /// The prefixes that mark an increase (增, +): a table that writes
        /// one writes no change bare.
        var increasePrefixes: [String]
        var suffixes: [String]
        var emptyMarks: [String]
        var digitLookalikes: [String: String]
        /// What OCR reads a table rule before a number as (| 0 → 10).
        var ruleReadAs: String
        /// Marks OCR reads a table rule between two numbers as (43“116 for
        /// 43 | 16): within a token of digits, such a mark is a cell break.
        var ruleReadAsMarks: String
        /// Characters no count holds (a decimal point, 元, %), and endings
        /// no amount has (%, 件, 项): `structure.value-kind`.
        var countExcludes: String
        var amountExcludes: [String]
    }
    struct Matching: Decodable {
        var maxEditShare: Double
        var maxSkippedLead: Int
        var minFoundShare: Double
        /// A lower share suffices when it is at least `many` labels and values.
        var minFoundShareWhenMany: Double
        /// Lower still for the edition of the report's tables so far.
        var minFoundShareInEdition: Double
        var many: Int
        var maxLines: Int
        /// A label's start this long, followed by a value or the row's next
        /// label, stands for the label; its end is expected after the values.
        var minLabelPrefix: Int
        /// How far a row stuck before unplaced text looks for its label.
        var resyncWindow: Int
        /// Largest gap between the characters of a header label read across lines.
        var maxScatterGap: Int
        /// A stretch at an anchor whose match was not accepted still looks
        /// like the template's table (`tables.unplaced`) with this many of
        /// its labels found in place (nothing but header text before them,
        /// or opening a cell), and this share of those tried.
        var unplacedMinLabels: Int
        var unplacedMinLabelShare: Double
        /// Numbers standing alone in the prose where a template table of the
        /// report's edition should be, for it to be reported lost (`tables.missing`).
        var missingMinBareNumbers: Int
        /// Or this many of its row labels standing whole as lines of their
        /// own there, where too few numbers stand for debris: OCR that read
        /// the label column and lost every value (`tables.missing`).
        var missingMinLabelLines: Int
        /// A stretch read row by row stops being read as the template once
        /// at least `stopAfterExpected` labels and values were tried and
        /// under this share of them was found: it matches almost nothing.
        var stopBelowShare: Double
        var stopAfterExpected: Int
        /// Longest junk OCR leaves for a row label whose values, and the next
        /// row's label after them, are read (`structure.label-unreadable`).
        var unreadableLabelReach: Int
    }
    /// Limits of ReadingOrderRecovery (stage 3): tables whose cells an
    /// extractor read out of order.
    struct ReadingOrder: Decodable {
        /// Numerals of section headings (一、…六、): such a line ends the
        /// stretch searched for a table's numbers, unless a label starts so.
        var sectionNumerals: String
        var sectionMark: String
        /// Marks that end a sentence: a line ending so is prose, not a cell.
        var sentenceEnds: String
        /// Numbers at either end of the stretch that may be left out
        /// (another table's values read after the anchor, a stray year).
        var maxDroppedTokens: Int
        /// Most rows in a group read column block by column block.
        var maxGroupRows: Int
        /// Readings kept per row position, cheapest first.
        var maxCandidates: Int
        /// Readings of a first-column run's other columns kept, cheapest first.
        var maxRunCandidates: Int
        var rotatedRowCost: Int
        /// Most column blocks of a header group read in another order.
        var maxPermutedBlocks: Int
        /// Share of a first-column run's values that must follow label text.
        var minInterleavedShare: Double
        /// Most leading columns of such a run (read row by row beside the
        /// labels before the rest of its rows).
        var maxLeadColumns: Int
        /// A row label's piece shorter than this names no row when readings
        /// that hold are told apart by label pieces (a label's last
        /// character alone, 息, stands in many).
        var minLabelPieceScalars: Int
        /// Readings kept per row position in a second search, made only
        /// when the first kept `maxCandidates`, cut some, and found none
        /// that holds.
        var maxCandidatesWhenCut: Int
        /// `tables.labelled-columns`: how far (in lines) before a table or
        /// after it a column the extractor set apart (its header, then its
        /// values) is looked for.
        var maxApartLines: Int
        /// `tables.labelled-columns`' one reading: assignments tried before a
        /// table 二's leftover values are given up as in doubt.
        var maxOneReadingSteps: Int
        /// `tables.interleaved-heading`: most headings drawn in a row between
        /// a table's pieces (a section heading and its first sub-headings).
        var maxInterleavedHeadings: Int
        /// `tables.labelled-columns`' boxes under a shared header's copies
        /// placed by their sizes: most boxes (copies) matched to blocks,
        /// and most matchings of them before the sizes are taken to say
        /// nothing (every cell left empty then).
        var maxSizedBoxes: Int
        var maxSizedAssignments: Int
    }
    /// `tables.span-text`: which lines inside a table's span are running
    /// text, not the table's.
    struct SpanText: Decodable {
        /// Marks of running text (，。：…): no line of cells holds one
        /// outside its labels.
        var runningText: String
        /// Scalars outside label pieces of two or more that make a line
        /// running text (with more than half of the line).
        var minRunningScalars: Int
    }
    var format: String
    var templates: [String]
    var values: Values
    var matching: Matching
    var readingOrder: ReadingOrder
    var spanText: SpanText
}

/// One Rules/templates/*.json file, version docnorm-rules/1.
struct TableTemplateFile: VersionedRuleFile {
    struct Row: Decodable {
        var kind: String
        var id: String?
        var cells: [String]
        var path: [String]?
        var columns: String?
    }
    /// A check names rows by id (`per: column`) or value slots by index (`per: row`).
    enum Operand: Decodable {
        case row(String)
        case slot(Int)
        init(from decoder: any Swift.Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { self = .slot(i) } else { self = .row(try c.decode(String.self)) }
        }
    }
    struct Check: Decodable {
        var id: String
        var per: String
        var left: [Operand]
        var right: [Operand]
        /// `per: row` only: the rows (ids) it holds on; every data row that
        /// has its slots when absent.
        var rows: [String]?
        var description: String
    }
    var format: String
    var id: String
    var edition: Int
    var anchors: [String]
    var columns: Int
    var rows: [Row]
    var columnSets: [String: [[String]]]
    var checks: [Check]
    /// Relations `left ≤ right` the template implies (2019 table 二: what was
    /// published this year is part of all that was published). Absent in most.
    var bounds: [Check]?
    /// Column paths whose values are sums of money (采购总金额); every other
    /// value column holds counts (`structure.value-kind`). Absent in most.
    var amounts: [[String]]?
}

/// A national table template (Rules/templates/), compiled: the canonical grid
/// with its label cells and value slots, the label paths of every value, and
/// the arithmetic the values must satisfy.
public struct TableTemplate: Sendable {
    public enum Cell: Sendable, Equatable {
        case label(String)
        /// The n-th value slot of its row.
        case value(Int)
        case empty
    }

    public struct Row: Sendable {
        public var isHeader: Bool
        public var id: String?
        public var cells: [Cell]
        /// Row-label path of the row's values, e.g. [三、本年度办理结果, （三）不予公开, 1.属于国家秘密].
        public var path: [String]
        /// Column-label path of each value slot.
        public var columnPaths: [[String]]
        /// Each cell's label as scalars (empty for other cells), made once:
        /// stage 4 compares them with every table it reads.
        var labelScalars: [[Unicode.Scalar]] = []
        /// The scalars of the row's labels, sorted, each once (stage 4: a
        /// head of this row's labels read before the row above's values
        /// holds only these). Searched, not hashed: a hash per scalar of
        /// the head was most of looking for one.
        var labelScalarSet: [Unicode.Scalar] = []
        /// The columns of the row's label cells and of its value cells, in
        /// order: stage 4 reads a row's labels, then its values, in every
        /// match it tries (going over the cells copied each label's text).
        var labelColumns: [Int] = []
        var valueColumns: [Int] = []
        /// Per value slot, whether its column holds sums of money (the
        /// template's `amounts`) rather than counts (`structure.value-kind`).
        var slotIsAmount: [Bool] = []
    }

    /// A relation between sums: per column (`left`/`right` are row indices,
    /// checked in every value column) or per row (slot indices, checked in
    /// every data row that has those slots).
    public struct Check: Sendable {
        public enum Axis: Sendable { case column, row }
        public var id: String
        public var description: String
        public var axis: Axis
        public var left: [Int]
        public var right: [Int]
        /// `.row` only: the template rows it holds on (nil: every data row
        /// that has its slots).
        public var rows: [Int]?
    }

    /// One check at one place: a column check in one value slot, a row
    /// check in one data row that has its slots. Its cells and the subject
    /// it names are made once, with the template: stage 4 evaluates every
    /// site on every table it reads (TableArithmetic).
    /// One cell a check site sums, on its left side or its right.
    struct CheckCell: Sendable {
        var row: Int
        var slot: Int
        var isLeft: Bool
    }

    struct CheckSite: Sendable {
        var check: Int
        /// The row or column the check is evaluated on (a column or row path).
        var subject: String
        /// The template row whose source line a diagnostic names.
        var row: Int
        /// (template row, value slot) of every cell summed on either side:
        /// the first `leftCount` on the left.
        var cells: [(row: Int, slot: Int)]
        var leftCount: Int
    }

    public var id: String
    public var edition: Int
    public var anchors: [String]
    public var columns: Int
    public var rows: [Row]
    public var checks: [Check]
    /// Relations `left ≤ right` (same form as `checks`). Diagnosed
    /// (`structure.bound`): a sum that must hold exactly is what table
    /// recognition tests readings against; a bound tells too little, except
    /// between the few readings Chromium's anti-diagonal runs leave
    /// (`tables.diagonal-runs`, and only where one of them holds it).
    public var bounds: [Check] = []

    /// What `init` works out once from the fields above for the stages to
    /// read, held in one shared, immutable object: a template is copied
    /// into every match tried and every list of candidates, and with these
    /// eleven references fields of its own, each copy retained (and each
    /// drop released) every one of them (~25,000 copies and as many drops
    /// a reading of the 1 MB bench).
    private final class Derived: Sendable {
        let checkSites: [CheckSite]
        let checkCells: [CheckCell]
        let checkCellEnds: [Int]
        let boundSites: [CheckSite]
        let headerScalars: ScalarSet
        let headerScalarsHaveNoDecompositions: Bool
        let nextDataRow: [Int?]
        let spansRows: [Bool]
        let headerLabelCharacters: [[Character]]
        let labelCharacters: [[Character]]

        init(checkSites: [CheckSite], checkCells: [CheckCell], checkCellEnds: [Int], boundSites: [CheckSite],
             headerScalars: ScalarSet, headerScalarsHaveNoDecompositions: Bool, nextDataRow: [Int?], spansRows: [Bool],
             headerLabelCharacters: [[Character]], labelCharacters: [[Character]]) {
            self.checkSites = checkSites
            self.checkCells = checkCells
            self.checkCellEnds = checkCellEnds
            self.boundSites = boundSites
            self.headerScalars = headerScalars
            self.headerScalarsHaveNoDecompositions = headerScalarsHaveNoDecompositions
            self.nextDataRow = nextDataRow
            self.spansRows = spansRows
            self.headerLabelCharacters = headerLabelCharacters
            self.labelCharacters = labelCharacters
        }
    }
    private let derived: Derived

    /// Every site of `checks`, in order: check by check, slot by slot or row by row.
    var checkSites: [CheckSite] { derived.checkSites }
    /// The cells of `checkSites`, site after site, as plain values, and
    /// where each site's cells end: `TableArithmetic.allHold` goes over
    /// them for every table the settle probe reads (going over the sites
    /// retained and released each one's subject and cells).
    var checkCells: [CheckCell] { derived.checkCells }
    var checkCellEnds: [Int] { derived.checkCellEnds }
    /// Every site of `bounds`, as `checkSites`.
    var boundSites: [CheckSite] { derived.boundSites }
    /// The scalars of every header label (stage 4: text made of these only is
    /// scattered header text).
    var headerScalars: ScalarSet { derived.headerScalars }
    /// Every header label scalar is one of
    /// `HeaderPieceEvidence.hasNoCanonicalDecomposition`: a line holding
    /// another such scalar then holds a Character no header label has.
    var headerScalarsHaveNoDecompositions: Bool { derived.headerScalarsHaveNoDecompositions }
    /// Per row, the data row after it (nil for a header row and for the last
    /// data row); stage 4 asks it of every row of every match.
    var nextDataRow: [Int?] { derived.nextDataRow }
    /// Per cell (`row * columns + column`), whether a data row's label
    /// spans rows (a group label): the next data row has no label at or
    /// left of its column.
    var spansRows: [Bool] { derived.spansRows }
    /// The header labels as Characters, and every label (those, then each
    /// label of the rows' paths), made once: `tables.header-fragments` and
    /// `tables.label-fragments` compare the lines before and after each
    /// table read in another order with them (made at each call, ~56 K
    /// instructions a table).
    var headerLabelCharacters: [[Character]] { derived.headerLabelCharacters }
    var labelCharacters: [[Character]] { derived.labelCharacters }

    init(_ file: TableTemplateFile, path: String) throws {
        func invalid(_ reason: String) -> DocNormError { .invalidRules(file: path, line: nil, reason: reason) }
        id = file.id
        edition = file.edition
        anchors = file.anchors
        columns = file.columns
        var rowIndex: [String: Int] = [:]
        rows = try file.rows.enumerated().map { index, row in
            guard row.cells.count == file.columns else {
                throw invalid("row \(index + 1) has \(row.cells.count) cells, the template has \(file.columns) columns")
            }
            var slot = 0
            let cells: [Cell] = row.cells.map { text in
                if text == "#" { slot += 1; return .value(slot - 1) }
                return text.isEmpty ? .empty : .label(text)
            }
            switch row.kind {
            case "header":
                guard slot == 0 else { throw invalid("header row \(index + 1) has value slots") }
                return Row(isHeader: true, id: nil, cells: cells, path: [], columnPaths: [])
            case "data":
                guard let id = row.id, let path = row.path, let set = row.columns, let columnPaths = file.columnSets[set] else {
                    throw invalid("data row \(index + 1) needs id, path and a columns set that exists")
                }
                guard columnPaths.count == slot else {
                    throw invalid("data row '\(id)' has \(slot) value slots but column set '\(set)' has \(columnPaths.count) paths")
                }
                rowIndex[id] = index
                return Row(isHeader: false, id: id, cells: cells, path: path, columnPaths: columnPaths)
            default:
                throw invalid("row \(index + 1) has unknown kind '\(row.kind)' (header or data)")
            }
        }
        for r in rows.indices {
            rows[r].labelScalars = rows[r].cells.map { if case .label(let l) = $0 { Array(l.unicodeScalars) } else { [] } }
            // Sorted, then each kept once: a Set of them hashed every scalar
            // before the sort (~10 K instructions a row, at every start-up).
            let sorted = rows[r].labelScalars.joined().sorted { $0.value < $1.value }
            rows[r].labelScalarSet = sorted.indices.compactMap { i in i == 0 || sorted[i - 1] != sorted[i] ? sorted[i] : nil }
        }
        let amounts = file.amounts ?? []
        for path in amounts where !file.columnSets.values.contains(where: { $0.contains(path) }) {
            throw invalid("amounts names column '\(path.joined(separator: " / "))', which no column set has")
        }
        for r in rows.indices {
            rows[r].slotIsAmount = rows[r].columnPaths.map { amounts.contains($0) }
        }
        for r in rows.indices {
            let cells = rows[r].cells
            rows[r].labelColumns = cells.indices.filter { if case .label = cells[$0] { true } else { false } }
            rows[r].valueColumns = cells.indices.filter { if case .value = cells[$0] { true } else { false } }
        }
        let compiled = rows, columnCount = columns
        let nextRows: [Int?] = compiled.indices.map { r in
            guard !compiled[r].isHeader else { return nil }
            return compiled[(r + 1)...].firstIndex { !$0.isHeader }
        }
        let spansRows = compiled.indices.flatMap { r in
            (0..<columnCount).map { column in
                nextRows[r].map { next in compiled[next].cells[...column].allSatisfy { $0 == .empty } } ?? false
            }
        }
        let headerScalars = ScalarSet(ranges: rows.filter(\.isHeader).flatMap(\.labelScalars).joined().map { $0.value...$0.value },
                                      pattern: "header labels of \(file.id)")
        let headerScalarsHaveNoDecompositions = rows.filter(\.isHeader).flatMap(\.labelScalars).joined().allSatisfy(HeaderPieceEvidence.hasNoCanonicalDecomposition)
        let headerLabelCharacters = rows.filter(\.isHeader).flatMap { row in
            row.cells.compactMap { cell -> [Character]? in if case .label(let l) = cell { Array(l) } else { nil } }
        }
        let labelCharacters = headerLabelCharacters + rows.flatMap { $0.path.map { Array($0) } }.filter { !$0.isEmpty }
        checks = try file.checks.map { try Self.compile($0, rowIndex: rowIndex, invalid: invalid) }
        bounds = try (file.bounds ?? []).map { try Self.compile($0, rowIndex: rowIndex, invalid: invalid) }
        let checkSites = Self.sites(of: checks, rows: rows)
        var checkCells: [CheckCell] = [], checkCellEnds: [Int] = []
        for site in checkSites {
            for (k, cell) in site.cells.enumerated() {
                checkCells.append(CheckCell(row: cell.row, slot: cell.slot, isLeft: k < site.leftCount))
            }
            checkCellEnds.append(checkCells.count)
        }
        derived = Derived(checkSites: checkSites, checkCells: checkCells, checkCellEnds: checkCellEnds,
                          boundSites: Self.sites(of: bounds, rows: rows), headerScalars: headerScalars,
                          headerScalarsHaveNoDecompositions: headerScalarsHaveNoDecompositions, nextDataRow: nextRows,
                          spansRows: spansRows, headerLabelCharacters: headerLabelCharacters, labelCharacters: labelCharacters)
    }

    private static func compile(_ check: TableTemplateFile.Check, rowIndex: [String: Int],
                                invalid: (String) -> DocNormError) throws -> Check {
        func operands(_ list: [TableTemplateFile.Operand]) throws -> [Int] {
            try list.map { operand in
                switch (check.per, operand) {
                case ("column", .row(let id)):
                    guard let i = rowIndex[id] else { throw invalid("check '\(check.id)' names unknown row '\(id)'") }
                    return i
                case ("row", .slot(let i)): return i
                default: throw invalid("check '\(check.id)': per '\(check.per)' takes \(check.per == "row" ? "slot numbers" : "row ids")")
                }
            }
        }
        let rows: [Int]? = try check.rows.map { ids in
            guard check.per == "row" else { throw invalid("check '\(check.id)': rows is for per 'row' only") }
            return try ids.map { id in
                guard let i = rowIndex[id] else { throw invalid("check '\(check.id)' names unknown row '\(id)'") }
                return i
            }
        }
        return Check(id: check.id, description: check.description, axis: check.per == "row" ? .row : .column,
                     left: try operands(check.left), right: try operands(check.right), rows: rows)
    }

    /// Every place each check is evaluated: a column check in each value
    /// slot, a row check in each data row (of its `rows`) that has its slots.
    private static func sites(of checks: [Check], rows: [Row]) -> [CheckSite] {
        var sites: [CheckSite] = []
        for (index, check) in checks.enumerated() {
            switch check.axis {
            case .column:
                let slots = check.left.first.map { rows[$0].columnPaths.count } ?? 0
                for slot in 0..<slots {
                    sites.append(CheckSite(check: index, subject: rows[check.left[0]].columnPaths[slot].joined(separator: "/"),
                                           row: check.left[0], cells: (check.left + check.right).map { (row: $0, slot: slot) },
                                           leftCount: check.left.count))
                }
            case .row:
                for (r, row) in rows.enumerated() where !row.isHeader && check.rows?.contains(r) != false {
                    guard (check.left + check.right).allSatisfy({ $0 < row.columnPaths.count }) else { continue }
                    sites.append(CheckSite(check: index, subject: row.path.isEmpty ? (row.id ?? "") : row.path.joined(separator: "/"),
                                           row: r, cells: (check.left + check.right).map { (row: r, slot: $0) },
                                           leftCount: check.left.count))
                }
            }
        }
        return sites
    }
}

/// Stage 3 and 4 rules, compiled once: the templates, what a value cell looks
/// like, and how closely a label must match.
public struct TableRules: Sendable {
    public var templates: [TableTemplate]
    // Bit sets, not `Set`: stage 4 asks for every scalar it passes, and
    // hashing each one was a tenth of the run.
    let digits: ScalarSet
    let inside: ScalarSet
    /// What a value cell looks like; `isValue` asks it.
    let valueGrammar: ValueGrammar
    /// One-character Han prefixes (增, 减): stage 1 joins them to a number
    /// before them, so the cell stream cuts there.
    let hanPrefixes: Set<Unicode.Scalar>
    /// One-character prefixes that are no Han (+, -): a sign, where a digit
    /// follows (a lone - is an empty mark).
    let signPrefixes: Set<Unicode.Scalar>
    /// Rules/tables.json `values.increasePrefixes`: the one-character
    /// prefixes that mark an increase (增, +). A table that writes an
    /// increase with its sign writes every change signed, so a bare number
    /// other than 0 is no change there (`LabelledColumnRecovery.signedChanges`).
    let increasePrefixes: Set<Unicode.Scalar>
    /// Rules/tables.json `values.countExcludes`, `values.amountExcludes`:
    /// what a count never holds, what an amount never ends with
    /// (`structure.value-kind`).
    let countExcludes: Set<Unicode.Scalar>
    let amountExcludes: [[Unicode.Scalar]]
    /// Letters OCR reads for digits (O → 0, l → 1).
    let digitLookalikes: [Unicode.Scalar: Unicode.Scalar]
    /// The keys of `digitLookalikes`: most tokens have none, asked without hashing.
    let lookalikeLetters: ScalarSet
    /// Rules/tables.json `values.ruleReadAs`: a value's first character that
    /// may be a table rule OCR misread.
    let ruleReadAs: Set<Unicode.Scalar>
    /// Rules/tables.json `values.ruleReadAsMarks`: a mark between two
    /// digits of one token that is a table rule OCR misread. A bit set: it
    /// is asked of every numbered label (1.属于…) a value slot stands at.
    let ruleReadAsMarks: ScalarSet
    let matching: TableRulesFile.Matching
    let readingOrder: TableRulesFile.ReadingOrder
    let sectionNumerals: Set<Unicode.Scalar>
    let sentenceEnds: Set<Unicode.Scalar>
    let spanText: TableRulesFile.SpanText
    /// The first scalars a value can open with (digits, prefixes, empty
    /// marks), and whether an empty token is one (an empty mark "").
    let valueOpeners: ScalarSet
    let emptyIsValue: Bool
    /// The row numbers (1. … 8.) data-row labels of the templates open with:
    /// the run that another baseline can cut off a label (CellStream).
    let rowNumbers: [[Unicode.Scalar]]
    /// The data-row labels that open with one of `rowNumbers` (1.属于国家秘密):
    /// what a row number printed apart from its label's first line opens.
    let numberedLabels: [[Unicode.Scalar]]
    /// The units a sum of money ends with: `values.suffixes` that
    /// `values.amountExcludes` leaves an amount (元, 万元). A line of one
    /// alone after a number ends that number's cell (`tables.unit-line`).
    let amountUnits: [[Unicode.Scalar]]

    public static func load(from source: RuleSource) throws -> TableRules {
        let file = try source.decode(TableRulesFile.self, from: "tables.json")
        let templates = try file.templates.map { path in
            try TableTemplate(try source.decode(TableTemplateFile.self, from: path), path: path)
        }
        var lookalikes: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (from, to) in file.values.digitLookalikes {
            guard let f = from.unicodeScalars.first, let t = to.unicodeScalars.first, from.unicodeScalars.count == 1, to.unicodeScalars.count == 1 else {
                throw DocNormError.invalidRules(file: "tables.json", line: nil, reason: "digitLookalikes: '\(from)' → '\(to)' must map one character to one")
            }
            lookalikes[f] = t
        }
        let valueGrammar = ValueGrammar(digits: file.values.digits, inside: file.values.inside, prefixes: file.values.prefixes,
                                        suffixes: file.values.suffixes, emptyMarks: file.values.emptyMarks)
        return TableRules(templates: templates,
                          digits: valueGrammar.digits,
                          inside: valueGrammar.inside,
                          valueGrammar: valueGrammar,
                          hanPrefixes: valueGrammar.hanPrefixes,
                          signPrefixes: Set(file.values.prefixes.compactMap { p in
                              p.unicodeScalars.count == 1 && !p.unicodeScalars.first!.properties.isIdeographic ? p.unicodeScalars.first : nil
                          }),
                          increasePrefixes: Set(file.values.increasePrefixes.compactMap { p in
                              p.unicodeScalars.count == 1 ? p.unicodeScalars.first : nil
                          }),
                          countExcludes: Set(file.values.countExcludes.unicodeScalars),
                          amountExcludes: file.values.amountExcludes.map { Array($0.unicodeScalars) },
                          digitLookalikes: lookalikes,
                          lookalikeLetters: ScalarSet(ranges: lookalikes.keys.map { $0.value...$0.value }, pattern: "digit lookalikes"),
                          ruleReadAs: Set(file.values.ruleReadAs.unicodeScalars),
                          ruleReadAsMarks: ScalarSet(ranges: file.values.ruleReadAsMarks.unicodeScalars.map { $0.value...$0.value },
                                                     pattern: "rule read as marks"),
                          matching: file.matching,
                          readingOrder: file.readingOrder,
                          sectionNumerals: Set(file.readingOrder.sectionNumerals.unicodeScalars),
                          sentenceEnds: Set(file.readingOrder.sentenceEnds.unicodeScalars),
                          spanText: file.spanText,
                          valueOpeners: valueGrammar.valueOpeners,
                          emptyIsValue: valueGrammar.emptyIsValue,
                          rowNumbers: rowNumbers(of: templates),
                          numberedLabels: numberedLabels(of: templates),
                          amountUnits: file.values.suffixes.filter { !file.values.amountExcludes.contains($0) }.map { Array($0.unicodeScalars) })
    }

    /// Every data-row label that opens with ASCII digits and a mark (1.…), once each.
    static func numberedLabels(of templates: [TableTemplate]) -> [[Unicode.Scalar]] {
        let numbers = rowNumbers(of: templates)
        var found: [[Unicode.Scalar]] = []
        for row in templates.flatMap(\.rows) where !row.isHeader {
            for case .label(let label) in row.cells {
                let scalars = Array(label.unicodeScalars)
                if numbers.contains(where: { scalars.starts(with: $0) }), !found.contains(scalars) { found.append(scalars) }
            }
        }
        return found
    }

    /// Every opening of a data-row label that is ASCII digits and one mark
    /// after them (1.), once each.
    static func rowNumbers(of templates: [TableTemplate]) -> [[Unicode.Scalar]] {
        var found: [[Unicode.Scalar]] = []
        for row in templates.flatMap(\.rows) where !row.isHeader {
            for case .label(let label) in row.cells {
                let digits = label.unicodeScalars.prefix { ("0"..."9").contains($0) }
                guard !digits.isEmpty, let mark = label.unicodeScalars.dropFirst(digits.count).first, mark.isASCII,
                      !("0"..."9").contains(mark) else { continue }
                let number = Array(digits) + [mark]
                if !found.contains(number) { found.append(number) }
            }
        }
        return found
    }

    /// `token` read as a number when OCR put letters for some digits (1O → 10,
    /// a lone O → 0): nil unless the mapped token is a value and the token
    /// has a real digit or is one character.
    func valueFromLookalikes(_ token: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
        guard token.contains(where: { lookalikeLetters.contains($0) }) else { return nil }
        guard token.count == 1 || token.contains(where: { digits.contains($0) }) else { return nil }
        let mapped = token.map { digitLookalikes[$0] ?? $0 }
        return isValue(mapped[...]) ? mapped : nil
    }

    /// Whether `token` is a table value: a number with an optional sign or
    /// 增/减 prefix, decimals, and a unit suffix, or an empty mark such as "/".
    func isValue(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
        valueGrammar.isValue(token)
    }

    /// A grid cell's text: `isValue` of its scalars (an array is made only
    /// when its first scalar may open a value).
    func isValue(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return emptyIsValue }
        guard valueOpeners.contains(first) else { return false }
        return isValue(Array(text.unicodeScalars)[...])
    }
}
