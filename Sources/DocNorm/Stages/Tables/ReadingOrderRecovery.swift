import ICUKit

/// Stage 3, `tables.reading-order`: a table whose cells the extractor read
/// out of order, put back in order by its template's arithmetic.
///
/// pdftotext -raw and pdfminer return a PDF's text in the order it was drawn.
/// For a table set by LibreOffice or Chromium that is not row by row: the
/// labels come with the first column's values and the other columns follow,
/// a few rows are read column block by column block (商业企业 for three rows,
/// then 科研机构…法律服务机构 for the same rows, then 其他 and 总计), a row
/// starts in its middle, and every page does it again. The row-by-row match
/// (TemplateMatcher) then finds the labels but leaves value slots empty or
/// full of the wrong numbers.
///
/// When that happens, this rule takes the numbers between the table's anchor
/// and the next section heading, in order, and reads them in every order of a
/// small grammar over the template's data rows (all with the same number of
/// value slots), one stretch of rows after another:
///
/// - a row, left to right (cost 0);
/// - a group of 2…`maxGroupRows` rows, column block by column block, each
///   block row by row (cost 1): all blocks of one column is column-major;
/// - a row started at another column and wrapped round (`rotatedRowCost`);
/// - the rows under a header, column block by column block in the order the
///   header cells were drawn, each block right after text, the last block
///   possibly after the rows that follow (cost 1, or 2);
/// - a run of rows whose first-column values come first, then the rest of
///   those rows read as rows or groups (cost 1 plus theirs).
///
/// Up to `maxDroppedTokens` numbers may be left out at either end (cost 1
/// each). A reading is accepted only when it fills the grid exactly, every
/// row and column relation of the template holds, and no other reading gives
/// other values that hold too: a wrongly placed value is worse than none.
/// Zeros that trade places give the same table and are one reading.
///
/// An author's wrong number breaks every order. When no reading holds, a
/// reading is accepted whose failing relations one cell alone explains (one
/// value there makes every relation hold), when no other reading with other
/// values is so explained: its values are placed as read and that cell is
/// reported. Two such readings, or none, and the table is left as it was,
/// with a diagnostic (a lost number, two wrong ones).
///
/// The header text drawn between the numbers settles what the arithmetic
/// cannot (`HeaderPieceEvidence`): of several orders that hold, the only one
/// whose values stand under the header pieces before them is taken; where
/// none holds and those pieces' column counts say one value was drawn out
/// of its place, the orders with it moved are read, and the only table that
/// holds and agrees with the pieces is taken.
///
/// Example (two rows of the applications table read column-major by
/// pdftotext -raw): `7 72 1 11 0 1 0 0 0 3 0 1 8 88` → row 二 `7 1 0 0 0 0 8`,
/// row 三（一） `72 11 1 0 3 1 88`.
struct ReadingOrderRecovery: Sendable {
    let rules: TableRules
    /// Per template id, the layouts the search tries, built once, when a
    /// table is first read (most of the reader's start-up, and a small
    /// document reads none).
    let plans: BuiltOnFirstUse<[String: ReadingOrderPlan]>
    /// Per template id, its labels as scalars, and every template's anchors
    /// as scalars: what `stretchEnd` compares lines with, built once (it
    /// runs at every anchor, in each recognition of `tables.settle`).
    let labelScalars: [String: [[Unicode.Scalar]]]
    let anchorScalars: [(anchor: String, scalars: [Unicode.Scalar])]
    /// Per template id, its column labels as `HeaderPieceEvidence` asks of
    /// them, built once (a failing read of a long document asks often).
    /// Built on first use, as `plans` are.
    let headerLabels: BuiltOnFirstUse<[String: HeaderPieceEvidence.Labels]>
    /// Per template id (of uniform width), its relations as the search
    /// asks them, built once (`read` built them at every call).
    let relations: [String: TemplateRelations]
    /// The first scalar of every template's anchor, and the section
    /// numerals: a line opening with none of them does not end a stretch
    /// (`stretchEnd`). Built once: per call, the set of the other
    /// templates' anchors' openers cost more than the lines it passed.
    let stretchOpeners: ScalarSet
    /// Some template's anchor is empty (then every line is looked at).
    let anyEmptyAnchor: Bool
    /// The ids of the templates with a value column whose header names a
    /// sign (本年增/减). Every other template's cells are counts, which no
    /// signed value (增2, 减1, +3) is: its search reads such a value as text
    /// (`numbers(in:refusingSigned:)`). None of the templates the search
    /// reads has one today (table 二's blocks are of unequal width).
    let signedTemplates: Set<String>

    init(rules: TableRules) {
        self.rules = rules
        plans = BuiltOnFirstUse {
            var plans: [String: ReadingOrderPlan] = [:]
            // One plan per shape, shared by the templates of that shape: a
            // plan is its layouts of `columns` columns, and of the rows it
            // asks only whether there are two or more (`ReadingOrderPlan.init`),
            // so the 2019 and 2021 tables 三 (seven columns each) have the
            // same one. Building each template's own cost the 1 MB bench
            // ~4.4 M instructions more (`ReadingOrderPlan.init` 8.9 → 4.5 M).
            var byShape: [ReadingOrderPlan.Shape: ReadingOrderPlan] = [:]
            for template in rules.templates {
                guard let columns = Self.uniformSlots(template) else { continue }
                let rows = template.rows.filter { !$0.isHeader }.count
                let shape = ReadingOrderPlan.Shape(rows: rows, columns: columns)
                if byShape[shape] == nil { byShape[shape] = ReadingOrderPlan(rows: rows, columns: columns, limits: rules.readingOrder) }
                plans[template.id] = byShape[shape]
            }
            return plans
        }
        // Only ids that name one template (a rules folder may repeat one;
        // `labels(of:)` then builds them as it goes).
        let ids = Dictionary(rules.templates.map { ($0.id, 1) }, uniquingKeysWith: +)
        labelScalars = Dictionary(uniqueKeysWithValues: rules.templates.filter { ids[$0.id] == 1 }.map { ($0.id, Self.labels(of: $0)) })
        anchorScalars = rules.templates.flatMap(\.anchors).map { ($0, Array($0.unicodeScalars)) }
        headerLabels = BuiltOnFirstUse {
            Dictionary(uniqueKeysWithValues: rules.templates.filter { ids[$0.id] == 1 }.map { ($0.id, HeaderPieceEvidence.Labels($0)) })
        }
        relations = Dictionary(uniqueKeysWithValues: rules.templates.filter { ids[$0.id] == 1 && Self.uniformSlots($0) != nil }.map { template in
            (template.id, TemplateRelations(template, dataRows: template.rows.indices.filter { !template.rows[$0].isHeader }))
        })
        stretchOpeners = ScalarSet(ranges: (anchorScalars.compactMap(\.scalars.first) + rules.sectionNumerals).map { $0.value...$0.value },
                                   pattern: "stretch ends")
        anyEmptyAnchor = anchorScalars.contains { $0.scalars.isEmpty }
        let hanPrefixes = rules.hanPrefixes
        signedTemplates = Set(rules.templates.filter { template in
            template.rows.contains { row in
                row.columnPaths.joined().contains { $0.unicodeScalars.contains { hanPrefixes.contains($0) } }
            }
        }.map(\.id))
    }

    /// Whether the search reads a signed value as text for `template`: its
    /// cells are all counts (no header names a sign), and a count is never
    /// signed. Else a box of table 二's 本年增/减 (增2 ⏎ 减1) standing among
    /// table 四's numbers was read as 行政诉讼 counts, and its grid, read
    /// again, refused them as the value kinds do (fuzz item 35).
    func refusesSigned(_ template: TableTemplate) -> Bool { !signedTemplates.contains(template.id) }

    /// A number of the stretch: its text, its value, and where it stood.
    struct Token {
        var text: String
        var number: Double
        var line: Int
        /// Index of its line in the stretch.
        var lineIndex: Int
        /// Text (a label piece) stands between it and the number before.
        var afterText: Bool
        /// Only a blank line stands between it and the number before: the
        /// extractor went on to another text block (pdftotext -raw).
        var afterBlank: Bool
        /// Where `afterText`, the last piece of that text (its line's index
        /// and bytes): a row label's piece drawn where it stands says which
        /// row the number is (`labelPieceChoice`).
        var textBefore: TextPiece? = nil
    }

    /// A piece of text among a stretch's numbers: its line's index and the
    /// bytes of the piece in that line.
    struct TextPiece {
        var lineIndex: Int
        var bytes: Range<Int>
    }

    /// An accepted reading: the values per data row and slot (token indices),
    /// what it cost and how it reads.
    struct Reading {
        var template: TableTemplate
        /// Token index of every value, per data row (row-major).
        var cells: [[Int]]
        var cost: Int
        var plan: [String]
        var dropped: [Int]
        /// Where no order holds: the cells (data row, slot) of which one, as
        /// read, is the only relation-breaker, each with the value that would
        /// make every relation hold (an author's error; one reading's
        /// candidates, in one row). Empty for a reading that holds.
        var suspects: [Suspect] = []
    }

    /// A cell whose value alone breaks the arithmetic of a reading.
    struct Suspect: Equatable {
        var row: Int
        var slot: Int
        /// The value that would make every relation hold.
        var holdingValue: Double
    }

    /// The outcome at one anchor: the table, or why nothing was placed.
    enum Outcome {
        case recovered(Reading, tokens: [Token], lastLine: Int)
        /// Nothing placed, and why; `end` is where the stretch stopped;
        /// `fitting`: the templates whose value cells the numbers fill (the
        /// table stands there, its numbers in no order that holds).
        case rejected(String, end: Int, fitting: [String])
        case notApplicable
    }

    /// The searches of one document (`read`), kept for the read-back of
    /// `tables.settle`: a second recognition of the document meets many of
    /// the same stretches (a table left as text, or one whose grid holds its
    /// numbers as the damaged text had them), and `read` depends on nothing
    /// but the template and the numbers' texts and `afterText`, so a search
    /// already done is not done again. One per run, never shared between
    /// documents (nothing of one report is evidence about another).
    final class Memo {
        struct Key: Hashable {
            var template: String
            var texts: [String]
            var afterText: [Bool]
            var afterBlank: [Bool]
            /// The hash of `texts` and `afterText`, worked out once per
            /// stretch (`numbersHash`): hashed with the key, every token's
            /// text was hashed again for each template, in every lookup,
            /// insertion and rehash of the memo.
            var numbersHash: Int

            /// Mixed as the search's keys are (`ReadingOrderGrammar.mix`), not
            /// with `Hasher`: its SipHash of every token's text cost ~15 K
            /// instructions a stretch, and the key is only looked up.
            static func numbersHash(texts: [String], afterText: [Bool], afterBlank: [Bool]) -> Int {
                var h = ReadingOrderGrammar.keySeed
                for text in texts { h = ReadingOrderGrammar.mix(h ^ textHash(text)) }
                // The flags two bits a token, 32 tokens a word.
                var word: UInt64 = 0
                for i in afterText.indices {
                    word = word << 2 | (afterText[i] ? 1 : 0) | (afterBlank[i] ? 2 : 0)
                    if i % 32 == 31 { h = ReadingOrderGrammar.mix(h ^ word); word = 0 }
                }
                return Int(truncatingIfNeeded: ReadingOrderGrammar.mix(h ^ word ^ UInt64(texts.count) << 48))
            }

            /// A text's hash: FNV-1a of its bytes where no other string is
            /// equal to it, else its `Hasher` hash. `String`'s `==` is
            /// canonical equivalence, and equal texts must hash alike: an
            /// ASCII text without K, ; or ` (the only ASCII a non-ASCII
            /// scalar is canonically equivalent to: U+212A, U+037E, U+1FEF)
            /// equals only itself, byte for byte. (Token texts are numbers.)
            static func textHash(_ text: String) -> UInt64 {
                let plain = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
                    var x: UInt64 = 0xCBF2_9CE4_8422_2325
                    for b in bytes {
                        guard b < 0x80, b != 0x4B, b != 0x3B, b != 0x60 else { return nil }
                        x = (x ^ UInt64(b)) &* 0x0000_0100_0000_01B3
                    }
                    return x
                } ?? nil
                return plain ?? UInt64(bitPattern: Int64(text.hashValue))
            }

            static func == (a: Key, b: Key) -> Bool {
                a.numbersHash == b.numbersHash && a.template == b.template && a.texts == b.texts && a.afterText == b.afterText
                    && a.afterBlank == b.afterBlank
            }

            func hash(into hasher: inout Hasher) {
                hasher.combine(template)
                hasher.combine(numbersHash)
            }
        }
        var readings: [Key: Result<Reading, Failure>] = [:]
        init() {}
    }

    /// One call of `recover` on one recognition's lines: a search made
    /// ahead of the recognition (`columnOrderEvidence`) is found by it.
    struct SearchAt: Hashable {
        var start: Int
        var candidates: [String]
        var edition: Int?
    }

    /// Tries every template of `candidates` on the stretch from `lines[start]`.
    func recover(_ lines: [SourceLine], from start: Int, candidates: [TableTemplate], edition: Int?, memo: Memo? = nil) -> Outcome {
        let usable = candidates.filter { Self.uniformSlots($0) != nil && !$0.checks.isEmpty }
        guard !usable.isEmpty else { return .notApplicable }
        let end = stretchEnd(lines, from: start, templates: usable)
        let (plain, signed) = numbersAndSigns(in: lines[start..<end])
        /// The numbers as each template reads them (`refusesSigned`): with
        /// no signed value among them, the same for all. Index 1: with
        /// signed values read as text, read only when one stands there.
        var variants: [[Token]?] = [plain, signed ? nil : plain]
        /// Per variant, the memo's key parts (made when first asked).
        var keyParts: [(texts: [String], afterText: [Bool], afterBlank: [Bool], hash: Int)?] = [nil, nil]
        var accepted: [(reading: Reading, tokens: [Token])] = []
        var reasons: [String] = [], fitting: [String] = []
        for template in usable {
            let variant = refusesSigned(template) ? 1 : 0
            if variants[variant] == nil { variants[variant] = numbers(in: lines[start..<end], refusingSigned: true) }
            let tokens = variants[variant]!
            if memo != nil, keyParts[variant] == nil {
                let texts = tokens.map(\.text), afterText = tokens.map(\.afterText), afterBlank = tokens.map(\.afterBlank)
                keyParts[variant] = (texts, afterText, afterBlank, Memo.Key.numbersHash(texts: texts, afterText: afterText, afterBlank: afterBlank))
            }
            let parts = keyParts[variant] ?? ([], [], [], 0)
            let key = Memo.Key(template: template.id, texts: parts.texts, afterText: parts.afterText, afterBlank: parts.afterBlank,
                               numbersHash: parts.hash)
            let result: Result<Reading, Failure>
            if let known = memo?.readings[key] {
                result = known
            } else {
                result = read(template, tokens: tokens)
                memo?.readings[key] = result
            }
            switch result {
            case .success(let reading): accepted.append((reading, tokens))
            case .failure(let reason):
                if let reading = headerPieceChoice(reason.ties, lines: lines[start..<end], tokens: tokens)
                    ?? headerBlockChoice(reason.ties, lines: lines[start..<end], tokens: tokens)
                    ?? labelPieceChoice(reason.ties, lines: lines[start..<end], tokens: tokens)
                    ?? movedChoice(template, reason, lines: lines[start..<end], tokens: tokens) {
                    accepted.append((reading, tokens))
                    continue
                }
                reasons.append("\(template.id): \(reason.message)")
                if reason.numbersFit { fitting.append(template.id) }
            }
        }
        guard !accepted.isEmpty else { return .rejected(reasons.joined(separator: "; "), end: end, fitting: fitting) }
        // A template whose arithmetic holds wins over one that holds but for a cell.
        if accepted.contains(where: { $0.reading.suspects.isEmpty }) { accepted.removeAll { !$0.reading.suspects.isEmpty } }
        // Templates of the same shape (table 四 is the same in both editions)
        // accept the same reading: the edition found before wins, else the first.
        let cheapest = accepted.map(\.reading.cost).min()!
        let best = accepted.filter { $0.reading.cost == cheapest }
        let (chosen, tokens) = best.first { $0.reading.template.edition == edition } ?? best[0]
        if best.contains(where: { $0.reading.cells.count != chosen.cells.count }) {
            return .rejected("templates \(best.map(\.reading.template.id).joined(separator: ", ")) both fit the numbers", end: end,
                             fitting: best.map(\.reading.template.id))
        }
        let lastToken = chosen.cells.flatMap { $0 }.max() ?? 0
        return .recovered(chosen, tokens: tokens, lastLine: tokens[lastToken].lineIndex)
    }

    struct Failure: Error {
        var message: String
        /// The numbers are as many as the value cells (give or take the
        /// numbers that may be dropped): only their order failed.
        var numbersFit = true
        /// The readings that hold, when more than one does: the header text
        /// between the numbers may tell them apart (`headerPieceChoice`).
        var ties: [Reading] = []
    }

    /// Where no order holds: the numbers with one of them drawn out of its
    /// place, by the header pieces between them (`HeaderPieceEvidence`): a
    /// group with a value more than its piece's columns next to one with a
    /// value fewer (pdftotext -raw drew a value after the next header's
    /// text, as when a header row is split across a page break). Each way of
    /// moving that value into the other group is read; the only table that
    /// holds and agrees with the pieces is taken, or none.
    func movedChoice(_ template: TableTemplate, _ failure: Failure, lines: ArraySlice<SourceLine>, tokens: [Token]) -> Reading? {
        guard failure.ties.isEmpty, failure.numbersFit else { return nil }
        let labels = headerLabels.value[template.id] ?? HeaderPieceEvidence.Labels(template)
        guard let evidence = HeaderPieceEvidence.forMovedOrders(lines: lines, tokens: tokens, labels: labels.labels, index: labels.index) else { return nil }
        let slotLabels = labels.slots
        var found: [[String]: Reading] = [:]
        for order in evidence.movedOrders() {
            let moved = order.map { tokens[$0] }
            let readings: [Reading]
            switch read(template, tokens: moved, explain: false) {
            case .success(let reading): readings = [reading]
            case .failure(let reason): readings = reason.ties
            }
            for var reading in readings {
                reading.cells = reading.cells.map { $0.map { order[$0] } }
                reading.dropped = reading.dropped.map { order[$0] }
                let key = reading.cells.flatMap { $0.map { tokens[$0].text } }
                guard evidence.agrees(labelling(reading, slotLabels)) else { continue }
                if let known = found[key], known.cost <= reading.cost { continue }
                found[key] = reading
            }
            guard found.count <= 1 else { return nil }
        }
        guard var only = found.values.first else { return nil }
        let moved = zip(tokens.indices, only.cells.flatMap { $0 }.sorted()).first { $0 != $1 }
        only.plan.insert("one number drawn out of its place (\(moved.map { tokens[$0.0].text } ?? "?")), its header pieces' columns give where", at: 0)
        only.cost += 1
        return only
    }

    /// The header pieces of the stretch, and every data row's slots' column labels.
    func headerPieces(_ template: TableTemplate, lines: ArraySlice<SourceLine>, tokens: [Token]) -> (HeaderPieceEvidence, [[String]]) {
        let labels = headerLabels.value[template.id] ?? HeaderPieceEvidence.Labels(template)
        return (HeaderPieceEvidence(lines: lines, tokens: tokens, labels: labels.labels, index: labels.index), labels.slots)
    }

    /// Each token's column label in `reading` (nil: dropped).
    func labelling(_ reading: Reading, _ slotLabels: [[String]]) -> (Int) -> String? {
        var label = [Int: String]()
        for (r, row) in reading.cells.enumerated() { for (slot, token) in row.enumerated() { label[token] = slotLabels[r][slot] } }
        return { label[$0] }
    }

    /// Of several readings that hold, the only one the header pieces drawn
    /// between the numbers agree with (`HeaderPieceEvidence`), or nil.
    func headerPieceChoice(_ ties: [Reading], lines: ArraySlice<SourceLine>, tokens: [Token]) -> Reading? {
        guard ties.count > 1 else { return nil }
        let (evidence, slotLabels) = headerPieces(ties[0].template, lines: lines, tokens: tokens)
        let agreeing = ties.filter { evidence.agrees(labelling($0, slotLabels)) }
        guard agreeing.count == 1, var chosen = agreeing.first else { return nil }
        chosen.plan.append("the only one of \(ties.count) orders that hold its header pieces agree with")
        return chosen
    }

    /// Of several readings that hold, the only one that puts the first
    /// numbers of each run right after header text in columns that text
    /// names (`HeaderBlockEvidence`: LibreOffice's rows under table 三's header,
    /// block by block after their header cells), or nil.
    func headerBlockChoice(_ ties: [Reading], lines: ArraySlice<SourceLine>, tokens: [Token]) -> Reading? {
        guard ties.count > 1 else { return nil }
        let labels = headerLabels.value[ties[0].template.id] ?? HeaderPieceEvidence.Labels(ties[0].template)
        let evidence = HeaderBlockEvidence(lines: lines, tokens: tokens, labels: labels.labels, index: labels.index)
        guard !evidence.blocks.isEmpty else { return nil }
        let agreeing = ties.filter { evidence.agrees(labelling($0, labels.slots)) }
        guard agreeing.count == 1, var chosen = agreeing.first else { return nil }
        chosen.plan.append("the only one of \(ties.count) orders that hold that puts the numbers right after header cells' text in the columns it names")
        return chosen
    }

    /// Of several readings that hold, the only one that puts every number
    /// drawn right after a row label's piece in that label's row
    /// (`tables.reading-order`, by row-label pieces), or nil. pdftotext -raw
    /// draws a row label's lines where they stand among the row's values
    /// (3.危及“三安全 0 0 0 0 一稳定” 0 0 0): a value after a piece that is
    /// part of one data row's own label, and of no other label or column
    /// label, is that row's. Zeros that trade places between rows of the
    /// same sums can hold in any order; the label pieces say which row a
    /// value stands in. Pieces of fewer than `readingOrder.minLabelPieceScalars` scalars
    /// (息, 作) name nothing.
    func labelPieceChoice(_ ties: [Reading], lines: ArraySlice<SourceLine>, tokens: [Token]) -> Reading? {
        guard ties.count > 1 else { return nil }
        let template = ties[0].template
        // Each data row's own label: the last label cell of the row.
        let own: [String?] = template.rows.filter { !$0.isHeader }.map { row in
            row.cells.reversed().lazy.compactMap { if case .label(let l) = $0 { l } else { nil } }.first
        }
        let columnLabels = Set(template.rows.flatMap { $0.columnPaths.joined() })
        var named: [(token: Int, row: Int)] = []
        for (index, token) in tokens.enumerated() {
            guard let piece = token.textBefore else { continue }
            let utf8 = Array(lines[piece.lineIndex].text.utf8)
            guard piece.bytes.upperBound <= utf8.count else { continue }
            let text = String(decoding: utf8[piece.bytes], as: UTF8.self)
            guard text.unicodeScalars.count >= rules.readingOrder.minLabelPieceScalars,
                  !columnLabels.contains(where: { $0.contains(text) }) else { continue }
            let rows = own.indices.filter { own[$0]?.contains(text) == true }
            if rows.count == 1 { named.append((index, rows[0])) }
        }
        guard !named.isEmpty else { return nil }
        let agreeing = ties.filter { reading in
            var rowOf: [Int: Int] = [:]
            for (r, row) in reading.cells.enumerated() { for token in row { rowOf[token] = r } }
            return named.allSatisfy { name in rowOf[name.token].map { $0 == name.row } ?? true }
        }
        guard agreeing.count == 1, var chosen = agreeing.first else { return nil }
        chosen.plan.append("the only one of \(ties.count) orders that hold that puts the numbers after row-label pieces in their rows")
        return chosen
    }

    /// The one reading of `tokens` that fits `template`, or why there is none.
    /// `explain`: when no order holds, look for the reading one author's
    /// error explains (not asked of numbers already moved by `movedChoice`).
    func read(_ template: TableTemplate, tokens: [Token], explain: Bool = true) -> Result<Reading, Failure> {
        guard let columns = Self.uniformSlots(template) else { return .failure(Failure(message: "rows of unequal width", numbersFit: false)) }
        let dataRows = template.rows.indices.filter { !template.rows[$0].isHeader }
        let rowCount = dataRows.count
        let needed = rowCount * columns
        let relations = self.relations[template.id] ?? TemplateRelations(template, dataRows: dataRows)
        let limit = rules.readingOrder.maxDroppedTokens
        guard tokens.count >= needed, tokens.count - needed <= 2 * limit else {
            return .failure(Failure(message: "\(tokens.count) numbers for \(needed) value cells", numbersFit: false))
        }
        // Texts as small integers: two readings that differ only where equal
        // numbers trade places are the same table.
        // Made when a reading is first accepted (most reads accept none).
        var keys: [Int32] = []
        func textKeys() -> [Int32] {
            if keys.isEmpty { keys = Self.textKeys(tokens) }
            return keys
        }
        /// Every reading whose values `accept` takes (nil: rejected; else its
        /// suspects), one per distinct table of values, the cheapest. Each
        /// lead's search with no row exempt is kept in `strict`: a search
        /// with an exempt row reads the rows below it as that one did.
        var strict: [Int: ReadingOrderGrammar.Readings] = [:]
        /// The search with no row exempt cut readings at some row position.
        var cut = false
        /// Per lead, the numbers' values and `afterText`: the same for every
        /// search of that lead (one per exempt row), listed once.
        var leadInputs: [Int: (numbers: [Double], afterText: [Bool])] = [:]
        /// The template's layouts, looked up once (per search, a lock, a
        /// hash of the id and a copy of the plan).
        let plan = plans.value[template.id]
        /// `blankOpens`: a block of the rows right under the header may open
        /// after a blank line as after text.
        func search(exempt: Int?, limits: TableRulesFile.ReadingOrder? = nil, blankOpens: Bool = false,
                    _ accept: ([Double]) -> [Suspect]?) -> [[Int32]: Reading] {
            var passing: [[Int32]: Reading] = [:]
            // Each reading's values (its cells listed only for one accepted).
            var values: [Double] = []
            for lead in 0...min(limit, tokens.count - needed) where tokens.count - needed - lead <= limit {
                let slice = lead..<(lead + needed)
                let inputs = leadInputs[lead] ?? (tokens[slice].map(\.number), tokens[slice].map(\.afterText))
                leadInputs[lead] = inputs
                let grammar = ReadingOrderGrammar(numbers: inputs.numbers, afterText: inputs.afterText,
                                      rows: rowCount, columns: columns, relations: relations, limits: limits ?? rules.readingOrder,
                                      plan: plan, exemptRow: exempt,
                                      underHeaderOpens: blankOpens ? tokens[slice].map { $0.afterText || $0.afterBlank } : nil)
                // An exempt search, or the one where a block under the header
                // may open after a blank line, starts from the strict one (`search(below:)`).
                let found = grammar.search(below: exempt != nil || blankOpens && limits == nil ? strict[lead] : nil)
                if exempt == nil && limits == nil && !blankOpens {
                    strict[lead] = found
                    if found.cut { cut = true }
                }
                for index in found.lists[0].indices {
                    grammar.values(found, index, into: &values)
                    guard let suspects = accept(values) else { continue }
                    let candidate = grammar.candidate(found, index)
                    let keys = textKeys()
                    let key = candidate.cells.map { keys[lead + $0] }
                    let cost = candidate.cost + tokens.count - needed
                    if let known = passing[key], known.cost <= cost { continue }
                    let cells = (0..<rowCount).map { r in (0..<columns).map { c in lead + candidate.cells[r * columns + c] } }
                    let dropped = Array(0..<lead) + Array((lead + needed)..<tokens.count)
                    passing[key] = Reading(template: template, cells: cells, cost: cost, plan: candidate.plan, dropped: dropped, suspects: suspects)
                }
            }
            return passing
        }
        var passing = search(exempt: nil) { relations.columnsHold($0) ? [] : nil }
        // Nothing held among the readings kept, and some were cut: many
        // cheap readings whose rows hold (a table of many zero rows) may
        // have crowded out the one whose columns hold too. Searched once
        // more keeping more; what it finds is judged as the first search's
        // finds are (the exempt searches below still start from the first).
        if passing.isEmpty, cut, rules.readingOrder.maxCandidatesWhenCut > rules.readingOrder.maxCandidates {
            var wide = rules.readingOrder
            wide.maxCandidates = wide.maxCandidatesWhenCut
            passing = search(exempt: nil, limits: wide) { relations.columnsHold($0) ? [] : nil }
        }
        guard passing.count <= 1 else {
            return .failure(Failure(message: "\(passing.count) reading orders with different values satisfy the arithmetic",
                                    ties: Array(passing.values)))
        }
        if let only = passing.values.first { return .success(only) }
        guard explain else { return .failure(Failure(message: "no reading order of the \(tokens.count) numbers satisfies the arithmetic")) }
        // No order holds. An author's error breaks every order: the reading
        // whose one cell, and nothing else, breaks the arithmetic (each row in
        // turn let off its row relations, the columns then held to that
        // cell) is the table, when it is the only such reading.
        var explained: [[Int32]: Reading] = [:]
        for row in 0..<rowCount {
            let found = search(exempt: row) { grid in
                let fixes = relations.singleCellFixes(grid, row: row)
                return fixes.isEmpty ? nil : fixes.map { Suspect(row: row, slot: $0.slot, holdingValue: $0.value) }
            }
            for (key, reading) in found {
                if let known = explained[key] {
                    // A cell in no row relation is a suspect of more than one exempt row.
                    var merged = known.cost <= reading.cost ? known : reading
                    merged.suspects = known.suspects + reading.suspects.filter { !known.suspects.contains($0) }
                    explained[key] = merged
                } else {
                    explained[key] = reading
                }
            }
            guard explained.count <= 1 else { break }
        }
        guard explained.count <= 1 else {
            return .failure(Failure(message: "no reading order of the \(tokens.count) numbers satisfies the arithmetic; more than one does but for one cell"))
        }
        guard let only = explained.values.first else {
            // No order holds, not even but for one cell, with every block
            // opening after text. pdftotext -raw may print a column block
            // of the rows right under the header after a blank line only,
            // its header cell drawn before the row labels (lanchuan: 科研…总计
            // of three rows, then 2863 126 1460 after a blank line, 自然人
            // printed above): read once more letting a block of those rows
            // open after a blank line too (nowhere else: a block further down
            // so opened let a row of a sparse table slide to another row of
            // the same sums), and only one table that holds in every
            // relation is taken.
            let opened = search(exempt: nil, blankOpens: true) { relations.columnsHold($0) ? [] : nil }
            guard opened.count == 1, var reading = opened.values.first else {
                return .failure(Failure(message: "no reading order of the \(tokens.count) numbers satisfies the arithmetic"))
            }
            reading.plan.append("a block under the header opening after a blank line")
            return .success(reading)
        }
        return .success(only)
    }

    /// Per token, a small integer naming its text: equal texts (`==`) the
    /// same, numbered in the order they first stand. Hashed as the memo's
    /// keys are (`Memo.Key.textHash`) into a table of its own, each text
    /// compared with the first token of its hash: a `[String: Int32]`,
    /// SipHash of every token's text and a copy of every token, was most
    /// of what `read` does besides its searches.
    static func textKeys(_ tokens: [Token]) -> [Int32] {
        var keys = [Int32](repeating: 0, count: tokens.count)
        var size = 16
        while size < 2 * tokens.count { size *= 2 }
        let mask = size - 1
        // Per slot, the hash of a text and its first token (-1: empty).
        var slots = [(hash: UInt64, first: Int)](repeating: (0, -1), count: size)
        var next: Int32 = 0
        for i in tokens.indices {
            let hash = Memo.Key.textHash(tokens[i].text)
            var s = Int(truncatingIfNeeded: ReadingOrderGrammar.mix(hash)) & mask
            while true {
                let first = slots[s].first
                if first < 0 {
                    slots[s] = (hash, i)
                    keys[i] = next
                    next += 1
                    break
                }
                if slots[s].hash == hash && tokens[first].text == tokens[i].text {
                    keys[i] = keys[first]
                    break
                }
                s = (s + 1) & mask
            }
        }
        return keys
    }

    /// The number of value slots of every data row, when all have the same.
    /// (Read in place: asked at every anchor of every recognition, a set of
    /// the widths built from a filtered copy of the rows cost 11 K instructions.)
    static func uniformSlots(_ template: TableTemplate) -> Int? {
        var width: Int?
        for i in template.rows.indices where !template.rows[i].isHeader {
            let w = template.rows[i].columnPaths.count
            if let known = width, known != w { return nil }
            width = w
        }
        guard let w = width, w > 0 else { return nil }
        return w
    }

    /// The template's labels as scalars.
    static func labels(of template: TableTemplate) -> [[Unicode.Scalar]] {
        template.rows.flatMap { row in row.cells.compactMap { cell -> [Unicode.Scalar]? in
            if case .label(let l) = cell { Array(l.unicodeScalars) } else { nil }
        } }
    }

    /// `head` (a line's first piece, section numbering first) opens a row
    /// of a template with these labels: it is a label's start, or holds a
    /// label; or it is the start of a label, at least two scalars past the
    /// numbering, run straight into the start of another label: a first
    /// column's label broken over lines with the next cell's label beside
    /// its first piece, the space between them dropped as between Han text
    /// (三、本年度办（一）予以公开). A heading (四、政府信息公开…) shares no
    /// more than its numbering with any label.
    static func opensRow(_ head: [Unicode.Scalar], labels: [[Unicode.Scalar]], numbered: Int) -> Bool {
        if labels.contains(where: { $0.starts(with: head) || head.starts(with: $0) }) { return true }
        var cut = head.count - 1
        while cut > numbered + 1 {
            let rest = head[cut...]
            if labels.contains(where: { $0.starts(with: head[..<cut]) }), labels.contains(where: { $0.starts(with: rest) }) { return true }
            cut -= 1
        }
        return false
    }

    /// Index just past the stretch: the first line, within `maxLines`, that
    /// opens with section numbering (四、) no template label starts with, or
    /// with the anchor of another table, or ends a sentence (。): prose with
    /// an anchor's words at a line start costs a few lines, not `maxLines`.
    func stretchEnd(_ lines: [SourceLine], from start: Int, templates: [TableTemplate]) -> Int {
        // The other templates' anchors are every anchor but these templates'
        // own, asked of an anchor only when a line opens with it; the
        // templates' labels are listed only for a line opening with a
        // section number. (A set of the own anchors, the others and the
        // labels, listed at every call, were most of this function's time;
        // few lines of a stretch open with an anchor's first scalar.)
        func own(_ anchor: String) -> Bool { templates.contains { $0.anchors.contains(anchor) } }
        let mark = Array(rules.readingOrder.sectionMark.unicodeScalars)
        let stop = min(lines.count, start + rules.matching.maxLines)
        // A line can end the stretch below only when its first scalar opens
        // another anchor or is a section numeral (or an anchor is empty):
        // most lines, table cells, are passed on that scalar alone.
        // Those scalars in one set, looked up without hashing: every
        // anchor's opener (`stretchOpeners`), built once; a line opening
        // one of these templates' own is then looked at and passed below.
        let openers = stretchOpeners
        let anyOpens = anyEmptyAnchor && anchorScalars.contains { $0.scalars.isEmpty && !own($0.anchor) }
        // Three marks: compared, not hashed, for every line.
        let sentenceEnds = Array(rules.sentenceEnds)
        var i = start + 1
        while i < stop {
            // Its first and last scalar only, for most lines.
            let outer = lines[i].text.outerScalars
            // A sentence is prose, never a cell: the table has ended.
            if let last = outer?.last, sentenceEnds.contains(last) { return i }
            if !anyOpens {
                guard let first = outer?.first, first != " ", first != "\t", openers.contains(first) else { i += 1; continue }
            }
            // Its first word's first 8 scalars, decoded from its bytes (the
            // scalar view's prefixes, copied, cost ~2,400 instructions a line).
            var text = lines[i].text
            let head = text.withUTF8 { bytes in
                var head: [Unicode.Scalar] = []
                head.reserveCapacity(8)
                var k = 0
                while k < bytes.count, head.count < 8, bytes[k] != 0x20, bytes[k] != 0x09 {
                    let (value, length) = decodeUTF8Scalar(bytes, at: k)
                    // Valid UTF-8 decodes to a valid scalar.
                    head.append(unsafeBitCast(value, to: Unicode.Scalar.self))
                    k += length
                }
                return head
            }
            if anchorScalars.contains(where: { head.starts(with: $0.scalars.prefix(head.count)) && head.count >= min(4, $0.scalars.count) && !own($0.anchor) }) { return i }
            var n = 0
            while n < head.count && rules.sectionNumerals.contains(head[n]) { n += 1 }
            if n > 0, head[n...].starts(with: mark) {
                // 四、结转下年度继续办理 is a row of table 三; 四、政府信息公开… is not.
                let known = head.count > n + mark.count + 1
                    && templates.contains { Self.opensRow(head, labels: labelScalars[$0.id] ?? Self.labels(of: $0), numbered: n + mark.count) }
                if !known { return i }
            }
            i += 1
        }
        return stop
    }

    /// The numeric tokens of the stretch in reading order. A number glued
    /// to the end of a label by the space rules (…申请数量96, 一稳定”0) is
    /// split off where Han text or non-ASCII punctuation meets it; empty marks such as "/"
    /// carry no number and are not counted.
    ///
    /// Each line is read once, as UTF-8 bytes decoded scalar by scalar into
    /// one buffer with each scalar's byte offset; a token's text is cut from
    /// the line's bytes and its number read from its scalars. Label text,
    /// most pieces, is passed on its first and last scalar. (Stepping a
    /// String index through each line, each step validated, and cutting
    /// substrings was most of this function's time; it runs at every anchor
    /// of both recognitions of `tables.settle`.)
    /// `refusingSigned`: a signed value (增2, 减1, +3) is read as text, as
    /// for a template of counts (`refusesSigned`).
    func numbers(in lines: ArraySlice<SourceLine>, refusingSigned: Bool = false) -> [Token] {
        numbersAndSigns(in: lines, refusingSigned: refusingSigned).tokens
    }

    /// `numbers(in:refusingSigned:)`, and whether a signed value was read
    /// as a number (then the numbers differ as a template refuses it).
    func numbersAndSigns(in lines: ArraySlice<SourceLine>, refusingSigned: Bool = false) -> (tokens: [Token], signed: Bool) {
        var reader = NumberReader(rules: rules, refusesSigned: refusingSigned, digitsAreValues: rules.valueGrammar.plainDigitsAreValues)
        // Most lines of a stretch hold one number or none: room for one a
        // line spares the copies of the list growing from empty.
        reader.tokens.reserveCapacity(lines.count)
        for index in lines.indices {
            var text = lines[index].text
            text.withUTF8 { reader.read($0, line: lines[index].number, index: index) }
        }
        return (reader.tokens, reader.signed)
    }

    /// `numbers(in:)` line by line. Its state is its own, not captured by
    /// nested functions: captured, every access to it was checked for
    /// exclusivity at run time (more than the reading itself).
    private struct NumberReader {
        let rules: TableRules
        /// A signed value is text (`numbers(in:refusingSigned:)`).
        let refusesSigned: Bool
        /// `ValueGrammar.plainDigitsAreValues`: a piece of ASCII digits is a value.
        let digitsAreValues: Bool
        /// A signed value was read as a number.
        var signed = false
        var tokens: [Token] = []
        /// Text (a label piece) stands since the last number.
        var text = false
        /// A blank line stands since the last number.
        var blank = false
        /// The last piece of text read (`Token.textBefore`).
        var lastText: TextPiece?
        /// The piece being read, and the byte offset in its line of each of its scalars.
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []

        // Inlined: called out of line from `piece` (a mutating method), each
        // call first copied the whole reader, its rules with it (~100
        // instructions of memcpy at every label piece).
        @inline(__always)
        func numeric(_ s: Unicode.Scalar) -> Bool { rules.digits.contains(s) || rules.inside.contains(s) }
        @inline(__always)
        func cjk(_ s: Unicode.Scalar) -> Bool { s.value > 0x7F }  // Han, CJK or typographic punctuation (”)

        /// The tokens of one line, `bytes` its UTF-8: pieces between spaces,
        /// TABs and `|`, cut on those bytes (none stands inside another
        /// scalar's UTF-8).
        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, index: Int) {
            var i = 0, pieces = false
            while i < bytes.count {
                guard !CellCut.isSeparator(bytes[i]) else { i += 1; continue }
                var end = i + 1
                while end < bytes.count && !CellCut.isSeparator(bytes[end]) { end += 1 }
                piece(bytes, from: i, end: end, line: line, index: index)
                pieces = true
                i = end
            }
            if !pieces { blank = true }
        }

        /// The piece of bytes start..<end of `bytes` (not empty).
        mutating func piece(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, line: Int, index: Int) {
            // A run of ASCII digits, most values (0, 12): the grammar takes
            // every such run (`digitsAreValues`), none has a sign, and its
            // number is its digits read off its bytes, as `plainNumber` reads
            // up to 15 of them (exactly). Told without decoding it into the
            // scalar buffers below or asking the grammar (most of reading a
            // stretch was those steps for such values).
            if digitsAreValues && end - start <= 15 {
                var mantissa: Int64 = 0, i = start
                while i < end && bytes[i] &- 0x30 < 10 {
                    mantissa = mantissa &* 10 &+ Int64(bytes[i] &- 0x30)
                    i &+= 1
                }
                if i == end {
                    let written = end - start == 1 ? CellStream.asciiStrings[Int(bytes[start])]
                        : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    appendValue(written, Double(mantissa), line: line, index: index)
                    return
                }
            }
            // Label text, most pieces: no value opens with its first
            // scalar and no number ends it. It is text, and nothing more
            // of it is looked at: only those two scalars are decoded (each
            // scalar of every label decoded and listed was most of reading
            // a stretch).
            let first = Unicode.Scalar(decodeUTF8Scalar(bytes, at: start).value).unsafelyUnwrapped
            let last = Unicode.Scalar(decodeLastUTF8Scalar(bytes, before: end)).unsafelyUnwrapped
            if !rules.valueOpeners.contains(first) && !numeric(last) {
                text = true
                lastText = TextPiece(lineIndex: index, bytes: start..<end)
                return
            }
            // The piece's scalars, each with its byte offset in the line,
            // written over the last piece's (`removeAll(keepingCapacity:)`
            // of both buffers, a generic call each, cost more than most
            // pieces' decoding).
            var n = 0, i = start
            while i < end {
                let (value, length) = decodeUTF8Scalar(bytes, at: i)
                let scalar = Unicode.Scalar(value).unsafelyUnwrapped
                if n < self.scalars.count {
                    self.scalars[n] = scalar
                    offsets[n] = i
                } else {
                    self.scalars.append(scalar)
                    offsets.append(i)
                }
                n += 1
                i += length
            }
            let scalars = self.scalars[..<n]
            let value: Range<Int>
            if rules.isValue(scalars) {
                value = 0..<scalars.count
            } else {
                text = true
                // Only at the end: a number before Han text is a year or a
                // count in prose (2019年, 1件), not a cell.
                // The numeric scalars at its end, counted in a loop (`numeric`
                // passed as a closure captured a copy of the reader).
                var trail = 0
                while trail < scalars.count && numeric(scalars[scalars.count - 1 - trail]) { trail += 1 }
                guard trail > 0, trail < scalars.count, cjk(scalars[scalars.count - trail - 1]) else {
                    lastText = TextPiece(lineIndex: index, bytes: start..<end)
                    return
                }
                value = (scalars.count - trail)..<scalars.count
                lastText = TextPiece(lineIndex: index, bytes: start..<offsets[value.lowerBound])
            }
            let found = scalars[value]
            // The whole piece was asked of the value grammar above.
            guard found.contains(where: { rules.digits.contains($0) }), value.lowerBound == 0 || rules.isValue(found) else { return }
            // A sign opens it (most values open with a digit: no hashing).
            if let first = found.first, !rules.digits.contains(first),
               rules.hanPrefixes.contains(first) || rules.signPrefixes.contains(first) {
                guard !refusesSigned else {
                    text = true
                    lastText = TextPiece(lineIndex: index, bytes: start..<end)
                    return
                }
                signed = true
            }
            // The value runs to the piece's end: its text is the line's bytes
            // from its first scalar on. One ASCII scalar, most values (a
            // digit), is taken from the table of them made once (making it
            // from its byte cost ~110 instructions a value).
            let valueStart = offsets[value.lowerBound]
            let written = end - valueStart == 1 && bytes[valueStart] < 0x80 ? CellStream.asciiStrings[Int(bytes[valueStart])]
                : String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self)
            let number: Double
            if let plain = ReadingOrderRecovery.plainNumber(found, digits: rules.digits) {
                number = plain
            } else {
                let digits = found.allSatisfy({ rules.digits.contains($0) || $0 == "." }) ? written
                    : String(String.UnicodeScalarView(found.filter { rules.digits.contains($0) || $0 == "." }))
                guard let parsed = Double(digits) else { return }
                number = parsed
            }
            let sign: Double = found.first == "-" || found.first == "减" ? -1 : 1
            appendValue(written, sign * number, line: line, index: index)
        }

        /// A value token read (its text and number): what stood since the
        /// last one is its `afterText`, `afterBlank` and `textBefore`.
        @inline(__always)
        mutating func appendValue(_ written: String, _ number: Double, line: Int, index: Int) {
            tokens.append(Token(text: written, number: number, line: line, lineIndex: index, afterText: text, afterBlank: blank && !text,
                                textBefore: text ? lastText : nil))
            text = false
            blank = false
        }
    }

    /// The number of a value token's digits and decimal point (other marks,
    /// such as a thousands comma, a sign or a unit, are not read), as
    /// `Double` parses their text: exactly, when ASCII digits, at most 15 of
    /// them, stand around at most one point (an integer below 10^15 over a
    /// power of ten up to 10^15 is one correctly rounded division, as a
    /// parse is). Nil otherwise: the caller parses the text.
    static func plainNumber(_ token: ArraySlice<Unicode.Scalar>, digits: ScalarSet) -> Double? {
        var mantissa: Int64 = 0
        var count = 0, fraction = 0, points = 0
        var firstIsPoint = false, lastIsPoint = false, any = false
        for s in token {
            if digits.contains(s) {
                guard s.value >= 0x30 && s.value <= 0x39 else { return nil }
                mantissa = mantissa * 10 + Int64(s.value - 0x30)
                count += 1
                if points > 0 { fraction += 1 }
                if !any { any = true }
                lastIsPoint = false
            } else if s == "." {
                if !any { firstIsPoint = true; any = true }
                points += 1
                lastIsPoint = true
            }
            if count > 15 || points > 1 { return nil }
        }
        guard count > 0, !firstIsPoint, !lastIsPoint else { return nil }
        let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
        return Double(mantissa) / powers[fraction]
    }
}

extension ReadingOrderRecovery {
    /// A table region's text as `fill` looks for header labels in it: its
    /// scalars but the separators (space, TAB, `|`), and where each of its
    /// lines ends in them.
    struct RegionText {
        var scalars: [Unicode.Scalar] = []
        var lineEnds: [Int] = []

        /// Adds a line, its separators left out.
        mutating func append(_ line: some Sequence<Unicode.Scalar>) {
            for s in line where !CellCut.isSeparator(s) { scalars.append(s) }
            lineEnds.append(scalars.count)
        }

        /// `append(_:)` of a line's UTF-8 `bytes`, decoded scalar by scalar
        /// (the separators are ASCII, none inside another scalar's bytes):
        /// the scalar view's validated index steps were most of its cost.
        mutating func append(utf8 bytes: UnsafeBufferPointer<UInt8>) {
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    if !CellCut.isSeparator(byte) { scalars.append(Unicode.Scalar(byte)) }
                    i += 1
                } else {
                    let (value, length) = decodeUTF8Scalar(bytes, at: i)
                    scalars.append(Unicode.Scalar(value).unsafelyUnwrapped)
                    i += length
                }
            }
            lineEnds.append(scalars.count)
        }

        /// Line `k`'s scalars.
        func line(_ k: Int) -> ArraySlice<Unicode.Scalar> {
            scalars[(k == 0 ? 0 : lineEnds[k - 1])..<lineEnds[k]]
        }
    }

    /// The template's grid filled from an accepted reading: data-row labels
    /// from the template, header labels only where their characters stand in
    /// the stretch in order (read line by line, 自⏎然⏎人) or its lines hold
    /// the label's pieces (商业 … 企业), values as written.
    struct Filled {
        var grid: [[String]]
        var gridRowIsHeader: [Bool]
        var values: [[String?]]
        var rowLines: [Int?]
        var records: [TableRecord]
    }

    func fill(_ reading: Reading, tokens: [Token], text: RegionText) -> Filled {
        var values: [[String?]] = [], rowLines: [Int?] = [], data = 0
        for row in reading.template.rows {
            guard !row.isHeader else { values.append([]); rowLines.append(nil); continue }
            let taken = reading.cells[data]
            data += 1
            values.append(taken.map { tokens[$0].text })
            rowLines.append(tokens[taken[0]].line)
        }
        return fill(reading.template, values: values, rowLines: rowLines, text: text)
    }

    /// The grid of `template` with `values` (per template row, each slot's
    /// text; nil leaves the cell empty, with no record).
    func fill(_ template: TableTemplate, values: [[String?]], rowLines: [Int?], text: RegionText) -> Filled {
        var filled = Filled(grid: [], gridRowIsHeader: [], values: [], rowLines: [], records: [])
        for (index, row) in template.rows.enumerated() {
            var cells = [String](repeating: "", count: template.columns)
            if row.isHeader {
                for (column, cell) in row.cells.enumerated() {
                    guard case .label(let label) = cell else { continue }
                    // The label's scalars as the template made them, once
                    // (listed here, for each table filled, they were an
                    // allocation and a walk of the scalar view per label).
                    let scalars = row.labelScalars[column]
                    if stands(scalars, in: text.scalars) || standsInPieces(scalars, in: text) { cells[column] = label }
                }
                filled.values.append([])
                filled.rowLines.append(nil)
            } else {
                let slots = values[index]
                for (column, cell) in row.cells.enumerated() {
                    switch cell {
                    case .label(let label): cells[column] = label
                    case .value(let slot):
                        guard let text = slots[slot] else { continue }
                        cells[column] = text
                        filled.records.append(TableRecord(row: row.path, column: row.columnPaths[slot], value: text))
                    case .empty: break
                    }
                }
                filled.values.append(slots)
                filled.rowLines.append(rowLines[index])
                // A row with no label and no value (table 四's one row, none
                // of its values read) is not written: the matcher, reading
                // the grid back, finds nothing of it, and left its line of
                // TABs as text, so the settle step read the document again.
                if slots.allSatisfy({ $0 == nil }), !row.cells.contains(where: { if case .label = $0 { true } else { false } }) { continue }
            }
            filled.grid.append(cells)
            filled.gridRowIsHeader.append(row.isHeader)
        }
        return filled
    }

    /// The label stands in `text` as a piece of one line followed by whole
    /// lines, later, that complete it: a header cell drawn on two lines
    /// whose second line pdftotext -raw prints with the column's values,
    /// far from the first (商业 with the header, 企业 over 412 18 181; 科研
    /// in the line 科研社会公益法律服务其计, 机构 a line of its own further on).
    func standsInPieces(_ label: [Unicode.Scalar], in text: RegionText) -> Bool {
        let m = label.count, lines = text.lineEnds.count
        guard m > 1 else { return false }
        // earliest[i]: the first line by which label[..<i] can have stood.
        var earliest = [Int](repeating: lines, count: m + 1)
        for i in 1..<m {
            let head = label[..<i]
            for k in 0..<lines where Self.contains(text.line(k), head) { earliest[i] = k; break }
        }
        for i in 1..<m where earliest[i] < lines {
            for k in (earliest[i] + 1)..<lines {
                let line = text.line(k)
                let j = i + line.count
                if !line.isEmpty, j <= m, k < earliest[j], label[i..<j].elementsEqual(line) { earliest[j] = k }
            }
        }
        return earliest[m] < lines
    }

    static func contains(_ line: ArraySlice<Unicode.Scalar>, _ piece: ArraySlice<Unicode.Scalar>) -> Bool {
        guard piece.count <= line.count else { return false }
        var start = line.startIndex
        while start + piece.count <= line.endIndex {
            if line[start..<start + piece.count].elementsEqual(piece) { return true }
            start += 1
        }
        return false
    }

    /// The label's characters stand in `text` in order, each within
    /// `maxScatterGap` of the one before.
    func stands(_ label: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Bool {
        guard let first = label.first else { return false }
        var start = 0
        while start < text.count {
            if text[start] == first {
                var q = start, complete = true
                for c in label.dropFirst() {
                    let limit = min(text.count, q + 1 + rules.matching.maxScatterGap)
                    var r = q + 1
                    while r < limit && text[r] != c { r += 1 }
                    guard r < limit else { complete = false; break }
                    q = r
                }
                if complete { return true }
            }
            start += 1
        }
        return false
    }
}
