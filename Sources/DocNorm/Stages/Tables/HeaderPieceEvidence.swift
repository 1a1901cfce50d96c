/// `tables.reading-order`'s tie-breaker: the header text drawn between a
/// table's numbers, as evidence of which columns those numbers are.
///
/// pdftotext -raw draws a LibreOffice table's header cells and values in one
/// stream: a column's value comes right after the bottom line of its header
/// cell. When several orders of the numbers hold in the arithmetic (table 四,
/// 15 values in one row, its header split across a page break), the header
/// text between them says which: cut the numbers into groups at each piece of
/// text, and each group's values belong to the columns its piece names.
///
/// A piece's columns are the template's column labels (the last of each
/// slot's column path) its text ends: its lines, between blank lines, stacked
/// one above the other are one cell's text (结果⏎维持 is 结果维持), words side
/// by side on a line are as many cells (尚未 总⏎审结 计 is 尚未审结, 总计; 审结 计
/// alone is the bottoms of the same two; stage 1 has joined such words,
/// 审结计, so a line is cut where the text read down ends a label). A reading agrees with the pieces
/// when every group's values can be given distinct columns of its piece, as
/// many as it names (the first group, after the whole header, at most), one
/// value allowed to belong to a neighbouring group's piece instead (a value
/// drawn just before or after its header's bottom line).
///
/// Example: `结果⏎维持 10 3 审结 计 1` agrees with 总计 10, 结果维持 3, 尚未审结 1
/// (10 belongs to 审结 计), not with 尚未审结 10, 总计 3.
struct HeaderPieceEvidence {
    /// A run of numbers with no text between them, and the column labels
    /// the text before it names (each column: the labels its text may be).
    struct Group {
        var tokens: [Int]
        var columns: [[String]]
    }

    let groups: [Group]

    /// The labels' characters and every run of characters inside a label,
    /// built once: the cut's search asks of many runs, and a line with a
    /// character no label has names nothing.
    struct LabelIndex {
        var alphabet = Set<Character>()
        var inside = Set<String>()
        /// The labels' scalars, when every one is a scalar of
        /// `HeaderPieceEvidence.hasNoCanonicalDecomposition` (nil otherwise): a line holding such a
        /// scalar that no label holds then has a Character no label has,
        /// told without cutting the line into Characters.
        var scalars: Set<Unicode.Scalar>?
        /// Each ending of a label at its Character boundaries, to the labels
        /// (in their order) that end with it: `cells(of:)` asks which labels
        /// end with a text at every cut it tries, and filtering every label
        /// by `hasSuffix` was ~2.5 M instructions of the 1 MB bench. Only
        /// where `scalars` is not nil (else nil, and the labels are
        /// filtered): then each label Character is one scalar with no
        /// canonical equivalent, so a text `cells` reads (each of its
        /// Characters one of a label's) ends a label exactly where it is
        /// equal to one of these endings, as a key of the map compares.
        var endings: [String: [String]]?
        init(_ labels: [String]) {
            let all = Set(labels.flatMap(\.unicodeScalars))
            scalars = all.allSatisfy(HeaderPieceEvidence.hasNoCanonicalDecomposition) ? all : nil
            var endings: [String: [String]] = [:]
            for label in labels {
                alphabet.formUnion(label)
                // Cut at the label's own Character boundaries (a String
                // built from Characters one by one costs far more).
                let bounds = Array(label.indices) + [label.endIndex]
                for start in bounds.indices.dropLast() {
                    for end in (start + 1)..<bounds.count { inside.insert(String(label[bounds[start]..<bounds[end]])) }
                    if scalars != nil { endings[String(label[bounds[start]...]), default: []].append(label) }
                }
            }
            self.endings = scalars == nil ? nil : endings
        }

        /// The labels, in order, that end with `text` (`labels`: those the
        /// index was made of).
        func labels(endingWith text: String, in labels: [String]) -> [String] {
            guard let endings else { return labels.filter { $0.hasSuffix(text) } }
            return endings[text] ?? []
        }

        /// The line has a Character no label has, as its scalars show: one
        /// of `HeaderPieceEvidence.hasNoCanonicalDecomposition` that no label holds (a Character
        /// holding it decomposes to text holding it, and every label
        /// Character is one such scalar, so none equals it). False where the
        /// scalars cannot tell (the Characters are then asked).
        func surelyNamesNothing(_ line: String) -> Bool {
            guard let scalars else { return false }
            return line.unicodeScalars.contains { !scalars.contains($0) && HeaderPieceEvidence.hasNoCanonicalDecomposition($0) }
        }
    }

    /// ASCII, general punctuation, CJK punctuation, Han and fullwidth
    /// forms (the ranges of `standsApart` without Latin-1 and its
    /// precomposed letters and without marks): no scalar here has a
    /// canonical decomposition (ICU's NFD_Quick_Check is Yes for each;
    /// `HeaderPieceScalarTests` checks the ranges against ICU's data), so
    /// each is its own NFD. Some are still the target of another scalar's
    /// singleton decomposition, which is then canonically equivalent: 行
    /// U+884C of U+FA08, 〈 U+3008 of U+2329, K of U+212A KELVIN SIGN. Those
    /// sources have a decomposition, so they are not in these ranges.
    /// What the callers rely on: two Characters are equal when their NFDs
    /// are; a Character equal to a label Character made of one such scalar
    /// L has the NFD L alone; a Character holding another such scalar X
    /// keeps X in its NFD (X has no decomposition), so it equals no label
    /// Character. Where a text's scalars are all such, a Character holding
    /// another such scalar equals none of its Characters: told without
    /// cutting either into Characters. (A line holding U+FA08 where a label
    /// has 行 is not told so: U+FA08 is not such a scalar, and the
    /// Characters are asked; they find 行.)
    static func hasNoCanonicalDecomposition(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20...0x7E, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF65: return true
        default: return false
        }
    }

    /// A template's column labels as the evidence asks of them, built once
    /// per template: every data row's slots' labels (the last of each
    /// slot's column path), the distinct labels in order, and their index.
    struct Labels {
        var slots: [[String]]
        var labels: [String]
        var index: LabelIndex
        init(_ template: TableTemplate) {
            slots = template.rows.filter { !$0.isHeader }.map { $0.columnPaths.map { $0.last ?? "" } }
            labels = Array(Set(slots.flatMap { $0 })).sorted()
            index = LabelIndex(labels)
        }
    }

    /// The most values of the two groups a moved value is sought among
    /// (a piece names a few header cells; table 四's name at most 3).
    static let maxMovedWindow = 8

    /// A run of numbers with no text between them, and the text lines
    /// before it (its piece; [] marks a blank line), not yet read for columns.
    struct Run {
        var tokens: [Int]
        var piece: [[String]]
    }

    /// The groups of the stretch `lines` whose numbers are `tokens` (the
    /// tokens of `ReadingOrderRecovery.numbers(in:)`, with their line indices).
    init(lines: ArraySlice<SourceLine>, tokens: [ReadingOrderRecovery.Token], labels: [String], index: LabelIndex? = nil) {
        let index = index ?? LabelIndex(labels)
        let runs = Self.runs(lines: lines, tokens: tokens) { _ in true } ?? []
        groups = runs.map { Group(tokens: $0.tokens, columns: Self.columns(of: $0.piece, labels: labels, index: index)) }
    }

    init(groups: [Group]) {
        self.groups = groups
    }

    /// The groups of the stretch, when `movedOrders` may give an order:
    /// nil as soon as two groups whose counts disagree with their pieces
    /// stand apart (one moved value mends two neighbours only). Most tables
    /// that fail are read that way: a row's values after its label, which
    /// names no column, and the next row's the same; so the groups are read
    /// one by one and the first group's piece, the table's whole header and
    /// the longest cut's search, last; a group with more values than its
    /// piece could name columns (`mostColumns`) disagrees unsearched. Where
    /// it is not nil it is the evidence `init(lines:tokens:labels:)` builds.
    ///
    /// Nil too as soon as one group has more values than `mostValues` of its
    /// piece: `movedOrders` then gives no order (a run of table 三's rows
    /// with no text between them, 100-odd values, was read to its end or to
    /// the next group's opening for nothing).
    static func forMovedOrders(lines: ArraySlice<SourceLine>, tokens: [ReadingOrderRecovery.Token], labels: [String], index: LabelIndex) -> HeaderPieceEvidence? {
        var columns: [[[String]]?] = [nil]  // nil: not read yet (group 0's is read at the end)
        var firstDisagreeing: Int? = nil
        /// Per group, `mostColumns` of its piece (worked out when it opens).
        var mostNamed: [Int] = []
        // A group's count is known when the next opens.
        func opened(_ runs: [Run]) -> Bool {
            mostNamed.append(Self.mostColumns(of: runs[runs.count - 1].piece))
            let g = runs.count - 2
            guard g >= 1 else { return true }
            let count = runs[g].tokens.count
            if count > mostNamed[g] {
                columns.append(nil)
            } else {
                let named = Self.columns(of: runs[g].piece, labels: labels, index: index)
                columns.append(named)
                guard count != named.count else { return true }
            }
            guard let first = firstDisagreeing else { firstDisagreeing = g; return true }
            return g - first < 2
        }
        func grown(_ count: Int) -> Bool { count <= Self.mostValues(mostColumns: mostNamed[mostNamed.count - 1]) }
        guard let runs = Self.runs(lines: lines, tokens: tokens, closed: opened, grown: grown) else { return nil }
        if runs.count > 1 { columns.append(nil) }
        return HeaderPieceEvidence(groups: zip(runs, columns).map { run, named in
            Group(tokens: run.tokens, columns: named ?? Self.columns(of: run.piece, labels: labels, index: index))
        })
    }

    /// The most values a group whose piece could name `mostColumns` columns
    /// may hold where `movedOrders` gives an order: one more and every
    /// order fails `countsAgree` at that group. Left as read, its count must
    /// equal its columns' (at most, for group 0), which are no more than
    /// `mostColumns`; as one of the two groups a value moves between, its
    /// values and its neighbour's (one at least: a group opens with its
    /// first value) are at most `maxMovedWindow`.
    static func mostValues(mostColumns: Int) -> Int {
        max(mostColumns, maxMovedWindow - 1)
    }

    /// The runs of numbers of the stretch and the text before each, in
    /// order; `closed` is asked of the runs so far each time one opens
    /// (the one before it then complete), and `grown` of a run's count of
    /// values each time it takes one; the reading stops (nil) when either
    /// answers false.
    static func runs(lines: ArraySlice<SourceLine>, tokens: [ReadingOrderRecovery.Token], closed: ([Run]) -> Bool,
                     grown: (Int) -> Bool = { _ in true }) -> [Run]? {
        var runs: [Run] = []
        var piece: [[String]] = []  // text lines since the last number; [] marks a blank line
        var next = 0
        for index in lines.indices {
            let words = Self.words(of: lines[index].text)
            guard !words.isEmpty else { piece.append([]); continue }
            var text: [String] = []
            for word in words {
                // A number of this line, alone or glued to a label's end.
                if next < tokens.count, tokens[next].lineIndex == index, word.hasSuffix(tokens[next].text) {
                    let label = String(word.dropLast(tokens[next].text.count))
                    if !label.isEmpty { text.append(label) }
                    if !text.isEmpty { piece.append(text); text = [] }
                    if runs.isEmpty || piece.contains(where: { !$0.isEmpty }) {
                        runs.append(Run(tokens: [], piece: piece))
                        guard closed(runs) else { return nil }
                    }
                    piece = []
                    runs[runs.count - 1].tokens.append(next)
                    guard grown(runs[runs.count - 1].tokens.count) else { return nil }
                    next += 1
                } else {
                    text.append(word)
                }
            }
            if !text.isEmpty { piece.append(text) }
        }
        return runs
    }

    /// A line's words: its text between spaces, tabs and bars, as `split`
    /// reads them Character by Character. Read on the UTF-8 bytes where that
    /// is the same, each such byte's neighbours being scalars no grapheme
    /// cluster joins to it (ASCII, Latin, Han, CJK and fullwidth
    /// punctuation); else by Characters. (Reading Characters was most of the
    /// cost of a failing table's evidence.)
    static func words(of line: String) -> [String] {
        var text = line
        let bytewise = text.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            var start = 0
            for i in bytes.indices where CellCut.isSeparator(bytes[i]) {
                guard i == 0 || standsApart(bytes, scalarBefore: i), i + 1 == bytes.count || standsApart(bytes, scalarAt: i + 1) else { return nil }
                if i > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) }
                start = i + 1
            }
            if bytes.count > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return words
        }
        return bytewise ?? line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "|" }).map(String.init)
    }

    /// The scalar ending just before `end` is one no grapheme cluster joins
    /// to what follows (no Prepend).
    private static func standsApart(_ bytes: UnsafeBufferPointer<UInt8>, scalarBefore end: Int) -> Bool {
        var lead = end - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        return standsApart(bytes, scalarAt: lead)
    }

    /// The scalar starting at `i` is one no grapheme cluster joins to what
    /// stands before it (no Extend, SpacingMark, ZWJ) nor to what follows:
    /// ASCII, U+0080–U+02FF, and the general, CJK, Han and fullwidth ranges
    /// of Chinese text (none holds a mark).
    private static func standsApart(_ bytes: UnsafeBufferPointer<UInt8>, scalarAt i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return true }
        if b >= 0xC2 && b <= 0xCB, i + 1 < bytes.count { return true }  // U+0080–U+02FF
        guard b & 0xF0 == 0xE0, i + 2 < bytes.count else { return false }
        let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        switch v {
        case 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF65: return true
        default: return false
        }
    }

    /// The most columns `columns(of:)` can find in a piece: each column
    /// takes at least one Character of a line, and a line has no more
    /// Characters than scalars.
    static func mostColumns(of piece: [[String]]) -> Int {
        piece.reduce(0) { sum, line in line.reduce(sum) { $0 + $1.unicodeScalars.count } }
    }

    /// The columns a piece of text names: per block of lines between blank
    /// lines, the columns of the block (`cells(of:)`), else of each line.
    static func columns(of piece: [[String]], labels: [String], index: LabelIndex? = nil) -> [[String]] {
        var columns: [[String]] = []
        // nil: a line its scalars show names nothing (prose), never cut into Characters.
        var block: [[Character]?] = []
        // Every piece of a cut stands inside a label, so a line with a
        // character no label has names nothing: tested before the cut's
        // search, which prose would make long.
        let index = index ?? LabelIndex(labels)
        func names(_ line: [Character]?) -> Bool { line.map { $0.allSatisfy(index.alphabet.contains) } ?? false }
        func close() {
            guard !block.isEmpty else { return }
            let whole = block.allSatisfy(names) ? cells(of: block.map { $0! }, labels: labels, index: index) : nil
            columns += whole ?? block.flatMap { line in line.flatMap { names($0) ? cells(of: [$0], labels: labels, index: index) : nil } ?? [] }
            block = []
        }
        for line in piece {
            // Stage 1 joins Han words a space stood between (审结 计 → 审结计).
            guard !line.isEmpty else { close(); continue }
            let text = line.joined()
            block.append(index.surelyNamesNothing(text) ? nil : Array(text))
        }
        close()
        return columns
    }

    /// The cells of a block of lines stacked one above the other: each line
    /// cut into as many pieces, left to right, the pieces at one place read
    /// down making text that ends a label (尚未总结果⏎审结计维持 is 尚未审结,
    /// 总计, 结果维持), each cell with the labels it may be; nil when no cut
    /// does (longer pieces tried first).
    static func cells(of block: [[Character]], labels: [String], index: LabelIndex) -> [[String]]? {
        let longest = labels.map(\.count).max() ?? 0
        let inside = index.inside
        // What `cut` gave for each starting point: the same cut is reached
        // along many paths.
        var known: [[Int]: [[String]]?] = [:]
        func cut(_ from: [Int]) -> [[String]]? {
            if let result = known[from] { return result }
            let result = cutFresh(from)
            known[from] = result
            return result
        }
        func cutFresh(_ from: [Int]) -> [[String]]? {
            if zip(from, block).allSatisfy({ $0 == $1.count }) { return [] }
            guard zip(from, block).allSatisfy({ $0 < $1.count }) else { return nil }
            // Every line's next piece: lengths chosen line by line.
            func choose(_ line: Int, _ lengths: [Int]) -> [[String]]? {
                if line == block.count {
                    let text = String(zip(from, block).enumerated().flatMap { i, fb in fb.1[fb.0..<(fb.0 + lengths[i])] })
                    let named = index.labels(endingWith: text, in: labels)
                    guard !named.isEmpty, let rest = cut(zip(from, lengths).map { $0 + $1 }) else { return nil }
                    return [named] + rest
                }
                let sofar = String(zip(from, block).prefix(line).enumerated().flatMap { i, fb in fb.1[fb.0..<(fb.0 + lengths[i])] })
                for length in stride(from: min(block[line].count - from[line], longest - sofar.count), through: 1, by: -1) {
                    // Text read down so far stands inside a label (prose does not: the search stays small).
                    let text = sofar + String(block[line][from[line]..<(from[line] + length)])
                    guard inside.contains(text) else { continue }
                    if let found = choose(line + 1, lengths + [length]) { return found }
                }
                return nil
            }
            return choose(0, [])
        }
        return cut(block.map { _ in 0 })
    }

    /// Every group has as many values as its piece names columns (the
    /// first, after the table's whole header, at most as many).
    func countsAgree(_ counts: [Int]) -> Bool {
        counts.indices.allSatisfy { g in g == 0 ? counts[g] <= groups[g].columns.count : counts[g] == groups[g].columns.count }
    }

    /// The orders of the tokens (indices) with one value moved, where the
    /// counts say one was: two neighbouring groups, one with a value more
    /// than its piece's columns, the other with one fewer, every other
    /// group's count agreeing. The value may be any of the two groups' and
    /// go anywhere among them (the pieces' columns need not be in the
    /// table's order: a bottom line after a page break comes late). None
    /// when the counts agree as read or a token stands in no group.
    func movedOrders() -> [[Int]] {
        let counts = groups.map(\.tokens.count)
        let all = groups.flatMap(\.tokens)
        guard !groups.isEmpty, all == Array(0..<all.count), !countsAgree(counts) else { return [] }
        var orders: [[Int]] = [], seen: Set<[Int]> = []
        for g in groups.indices.dropLast() {
            var after = counts
            guard after[g] != after[g + 1] else { continue }
            let (from, to) = after[g] - groups[g].columns.count == 1 ? (g, g + 1) : (g + 1, g)
            after[from] -= 1
            after[to] += 1
            guard countsAgree(after) else { continue }
            let window = groups[g].tokens + groups[g + 1].tokens
            // Each order is a full search: a few header cells' values, not a table's run.
            guard window.count <= Self.maxMovedWindow else { continue }
            for i in window.indices {
                for j in window.indices where j != i {
                    var moved = window
                    let token = moved.remove(at: i)
                    moved.insert(token, at: j)
                    let order = all.filter { $0 < window[0] } + moved + all.filter { $0 > window.last! }
                    if seen.insert(order).inserted { orders.append(order) }
                }
            }
        }
        return orders
    }

    /// The groups agree with a reading that puts each token in the column
    /// `label(token)` names (nil: a dropped token, not asked), one token
    /// allowed to move into a neighbouring group.
    func agrees(_ label: (Int) -> String?) -> Bool {
        let wanted = groups.map { $0.tokens.compactMap(label) }
        func fits(_ labels: [String], _ g: Int) -> Bool {
            (g == 0 || labels.count == groups[g].columns.count) && Self.fits(labels, groups[g].columns)
        }
        if wanted.indices.allSatisfy({ fits(wanted[$0], $0) }) { return true }
        for g in wanted.indices {
            for (i, moving) in wanted[g].enumerated() {
                var rest = wanted[g]
                rest.remove(at: i)
                guard fits(rest, g) else { continue }
                for n in [g - 1, g + 1] where wanted.indices.contains(n) {
                    guard fits(wanted[n] + [moving], n) else { continue }
                    if wanted.indices.allSatisfy({ $0 == g || $0 == n || fits(wanted[$0], $0) }) { return true }
                }
            }
        }
        return false
    }

    /// Each of `labels` has a column of its own among `columns` (a matching
    /// by augmenting paths; a piece names a few columns).
    static func fits(_ labels: [String], _ columns: [[String]]) -> Bool {
        guard labels.count <= columns.count else { return false }
        var owner = [Int?](repeating: nil, count: columns.count)
        func place(_ l: Int, _ visited: inout [Bool]) -> Bool {
            for c in columns.indices where !visited[c] && columns[c].contains(labels[l]) {
                visited[c] = true
                if owner[c] == nil || place(owner[c]!, &visited) { owner[c] = l; return true }
            }
            return false
        }
        for l in labels.indices {
            var visited = [Bool](repeating: false, count: columns.count)
            guard place(l, &visited) else { return false }
        }
        return true
    }
}
