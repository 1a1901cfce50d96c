import ICUKit

/// Stage 3, table tokenization: the text of a stretch of lines as one stream
/// of scalars in reading order, with a mark where a cell may begin (line
/// start, TAB, space) and the source line of every scalar.
///
/// Every dialect flattens to the same stream: space-separated rows, a label
/// on one line with its values on the next, one cell per line, TAB grids with
/// empty cells, header cells split over lines (自然⏎人 → 自然人) or run
/// together (总计商业⏎企业), values wrapped onto the next line. Separators are
/// not kept, so a label matches whatever line breaks cut it; Markdown rule
/// cells (`---|---`) are dropped.
///
/// `tables.row-number`: a row's number set in another font (a
/// Chromium-printed PDF) sits on another baseline, and pdftotext `-layout`
/// can put it after the first line of the label it opens (申请人无正1.,
/// 要求行政机  5.); a line of label text only that ends in one of the
/// templates' row numbers reads with that number first (1.申请人无正), since
/// no label ends in one; so does the label text that opens a line of values
/// (其他  3.  0 0 0 → 3.其他 0 0 0). A line holding only a row number, right
/// after a line whose label text opens a template label with that number,
/// is that label's number printed between its lines (本机关不掌⏎1.⏎握相关政府信
/// 4 1 0 … for 1.本机关不掌握相关政府信息): it is read first.
/// Only the stream changes: the table's cells are the template's, and
/// TableRecognizer traces the line when its table is read.
struct CellStream {
    // Slices of the built arrays, cut at the window's end (`ending(atLine:)`):
    // one stream built over more lines serves every window inside it, and
    // `count` is the window's, so matching sees exactly its window.
    private(set) var scalars: ArraySlice<Unicode.Scalar>
    /// True where a separator (line break, TAB, space) came just before.
    private(set) var cellStart: ArraySlice<Bool>
    private(set) var lineNumbers: ArraySlice<Int>
    /// Stream index of the first scalar of each input line (of `lines`), so a
    /// match can start at any line.
    private(set) var lineStart: [Int]
    /// Label lines read after the values-only line below them
    /// (`tables.split-row`, SplitRows.swift), by line number; the recogniser
    /// traces those in a table it reads.
    private(set) var splitRowLabels: [Int] = []
    /// Lines holding only a row number read before the label line above
    /// them (`tables.row-number`), by line number.
    private(set) var rowNumberLines: [Int] = []
    /// Lines holding only an amount's unit (万元) read as the end of the
    /// number that ends the line before (`tables.unit-line`), by line number.
    private(set) var unitLines: [Int] = []

    /// `opensAfterDigit`: characters that open a cell when a digit stands
    /// right before them: stage 1 removes the space before a Han value prefix
    /// (286 减12 → 286减12), and the two values must stay two cells.
    ///
    /// `rowNumbers`: the templates' row numbers (1. … 8.), put back before
    /// the label text they were cut off (`tables.row-number`);
    /// `numberedLabels`: the template labels that open with one.
    ///
    /// `isValue`: what a value cell is; given, a row's values split by the
    /// next row's label line are read together (`tables.split-row`).
    ///
    /// `amountUnits`: the units a sum of money ends with (万元, 元); with
    /// `isValue`, a line holding one alone, right after a line that ends in
    /// a number, ends that number's cell (4126.8⏎万元 → 4126.8万元,
    /// `tables.unit-line`): an extractor that breaks a cell's lines
    /// (pymupdf, pdfminer) puts a unit printed under its amount on a line of
    /// its own, and read apart it was no cell, so it ended the table and the
    /// amount lost its unit. Only after: no layout prints a unit before its
    /// number, and a unit line before one is more likely a header's.
    ///
    /// `digitsAreValues`: every token of ASCII digits only is a value to
    /// `isValue` (`ValueGrammar.plainDigitsAreValues`), which the split-row
    /// search may then tell on the bytes (`SplitRows`); `valueEnders`: the
    /// last scalars such a value ends with (`ValueGrammar.valueEnders`), by
    /// which that search tells a line ending in none at once.
    init<Lines: RandomAccessCollection>(_ lines: Lines, opensAfterDigit: Set<Unicode.Scalar> = [],
                                        rowNumbers: [[Unicode.Scalar]] = [], numberedLabels: [[Unicode.Scalar]] = [],
                                        amountUnits: [[Unicode.Scalar]] = [],
                                        isValue: ((ArraySlice<Unicode.Scalar>) -> Bool)? = nil,
                                        digitsAreValues: Bool = false, valueEnders: ScalarSet? = nil) where Lines.Element == SourceLine {
        var lineStart: [Int] = []
        var unitLines: [Int] = []
        // (0 where no value test is given: no line is then short enough.)
        let longestUnit = isValue == nil ? 0 : amountUnits.map(\.count).max() ?? 0
        /// Lines short enough to be a unit line, right after a line ending
        /// in a digit: their stream range and line number, tested once the
        /// stream is built (`tables.unit-line`).
        var unitCandidates: [(range: Range<Int>, number: Int)] = []
        var splitRowLabels: [Int] = []
        // At most one scalar per UTF-8 byte: the three arrays are made at
        // that size and written in place (an append per scalar to each, with
        // its uniqueness and capacity checks, was most of building a stream).
        // (At least one: the buffers' base addresses are taken once, and an
        // empty buffer may have none.)
        // In the same pass: the lines that open with a digit, the only ones
        // a split row's values-only line or a row-number line can be (each
        // search below asked every line's first byte, a copy of the line and
        // a call each).
        var bound = 0
        var digitFirst: [Int] = []
        var position = 0
        for index in lines.indices {
            // The first byte read in place (`firstUTF8Byte`, 0 for an empty
            // line: no digit): `utf8.first` was a call per line.
            let text = lines[index].text
            bound += text.utf8.count
            if text.firstUTF8Byte &- 0x30 < 10 { digitFirst.append(position) }
            position += 1
        }
        bound = max(1, bound)
        lineStart.reserveCapacity(lines.count)
        // Label lines read after the values-only line below them: each such
        // pair is read in swapped order (line starts stay in line order).
        let splits = isValue.map {
            SplitRows.labelLinesBeforeValues(lines, isValue: $0, digitFirst: digitFirst, digitsAreValues: digitsAreValues,
                                               valueEnders: valueEnders)
        } ?? []
        // Row-number lines read before the label line above them; not where
        // a split row already reorders the lines.
        let numberLines = Self.rowNumberLinesBelowLabels(lines, numberedLabels: numberedLabels, digitFirst: digitFirst).filter { p in
            !splits.contains { $0 >= p - 2 && $0 <= p }
        }
        /// Whether any line is read out of its place (most stretches: none).
        let reordered = !splits.isEmpty || !numberLines.isEmpty
        /// Whether a line's first word may end in a row number: its last
        /// byte is the last of one (ASCII, not a digit). Only such a line is
        /// asked `rowNumberFirst`, on bytes already at hand.
        func mayEndInRowNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard !rowNumbers.isEmpty else { return false }
            let wordEnd = offsetOfFirst(0x20, in: bytes)
            guard wordEnd > 0 else { return false }
            let last = bytes[wordEnd - 1]
            return last < 0x80 && last &- 0x30 >= 10 && rowNumbers.contains { $0.last?.value == UInt32(last) }
        }
        var rowNumberLines: [Int] = []
        /// Where the text is cut into cells (shared with the readers that
        /// must cut as the stream does).
        let cut = CellCut(opensAfterDigit: opensAfterDigit)
        /// Scalars written, set once the innermost buffer is filled.
        var written = 0
        var cellStart: [Bool] = [], lineNumbers: [Int] = []
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bound) { scalarBuffer, scalarCount in
            cellStart = [Bool](unsafeUninitializedCapacity: bound) { startBuffer, startCount in
                lineNumbers = [Int](unsafeUninitializedCapacity: bound) { lineBuffer, lineCount in
                    // Local to this closure, and handed to the functions below
                    // as an argument: a variable they captured was checked for
                    // exclusive access at run time on every use.
                    var count = 0
                    /// A token of three or more `-` `:` `=` is a rule line's cell (Markdown's
                    /// `---|---`, text tables' `====`), not table content: it is dropped.
                    /// Its length and first scalar are tested inline where a token
                    /// ends: most tokens fail there, and a call per separator (its
                    /// captured buffer passed, its registers saved) cost more.
                    @inline(__always)
                    func dropRule(from start: Int, _ count: inout Int) {
                        guard count - start >= 3, isRuleScalar(scalarBuffer[start]) else { return }
                        dropRuleToken(from: start, &count)
                    }
                    func isRuleScalar(_ scalar: Unicode.Scalar) -> Bool { scalar == "-" || scalar == ":" || scalar == "=" }
                    func dropRuleToken(from start: Int, _ count: inout Int) {
                        guard (start..<count).allSatisfy({ isRuleScalar(scalarBuffer[$0]) }) else { return }
                        count = start
                    }
                    func line(_ offset: Int) -> SourceLine { lines[lines.index(lines.startIndex, offsetBy: offset)] }
                    /// Appends the scalars of one line's UTF-8 bytes, read
                    /// and decoded here: the scalar view's iterator, which
                    /// checks every step, was most of building a stream.
                    func append(_ bytes: UnsafeBufferPointer<UInt8>, line number: Int, _ total: inout Int) {
                        // Counted in a local, written back once.
                        var count = total
                        defer { total = count }
                        var boundary = true
                        var tokenStart = count
                        /// Whether the scalar before is a digit (a line opens
                        /// after a separator).
                        var afterDigit = false
                        // Taken once a line: read from the closures'
                        // captures, each was loaded again for every scalar.
                        let scalarBase = scalarBuffer.baseAddress!, startBase = startBuffer.baseAddress!
                        let lineBase = lineBuffer.baseAddress!
                        var i = 0
                        while i < bytes.count {
                            // An ASCII byte is its scalar, and only it can be a
                            // separator; other scalars are decoded and compared
                            // with nothing of the kind.
                            let byte = bytes[i]
                            let value: UInt32
                            if byte < 0x80 {
                                i += 1
                                let mark = cut.mark(ascii: byte, afterDigit: &afterDigit)
                                if mark == .separator {
                                    dropRule(from: tokenStart, &count)
                                    boundary = true
                                    continue
                                }
                                if mark == .opensCell { boundary = true }
                                value = UInt32(byte)
                            } else {
                                let (decoded, length) = decodeUTF8Scalar(bytes, at: i)
                                i += length
                                value = decoded
                                // Valid UTF-8 decodes to a valid scalar: not checked again.
                                if cut.mark(nonASCII: unsafeBitCast(value, to: Unicode.Scalar.self), afterDigit: &afterDigit) == .opensCell {
                                    boundary = true
                                }
                            }
                            let s = unsafeBitCast(value, to: Unicode.Scalar.self)
                            if boundary { tokenStart = count }
                            (scalarBase + count).initialize(to: s)
                            (startBase + count).initialize(to: boundary)
                            (lineBase + count).initialize(to: number)
                            count += 1
                            boundary = false
                        }
                        dropRule(from: tokenStart, &count)
                    }
                    var lastBegin = -1
                    for position in 0..<lines.count {
                        var source = position
                        /// Set where a row number with values after it is read
                        /// before the label above and its values after it.
                        var movedText: String?
                        if !reordered {
                        } else if splits.contains(position) {
                            source = position + 1
                            splitRowLabels.append(line(position).number)
                        } else if splits.contains(position - 1) {
                            source = position - 1
                        } else if numberLines.contains(position + 1) {
                            let numberLine = line(position + 1)
                            rowNumberLines.append(numberLine.number)
                            let values = Self.valuesAfterRowNumber(numberLine.text)
                            if values.isEmpty { source = position + 1 } else {
                                movedText = String(numberLine.text[..<values.startIndex]) + line(position).text
                            }
                        } else if numberLines.contains(position) {
                            let values = Self.valuesAfterRowNumber(line(position).text)
                            if values.isEmpty { source = position - 1 } else { movedText = String(values) }
                        }
                        let number = line(source).number
                        // This line's first scalar and the line before's, in
                        // locals (the unit-line test below, asked of every line).
                        let previousBegin = lastBegin, lineBegin = count
                        lastBegin = count
                        lineStart.append(count)
                        if var moved = movedText {
                            moved.withUTF8 { append($0, line: number, &count) }
                            continue
                        }
                        let text = line(source).text
                        // The line's bytes read in place (no copy of the
                        // string to make it mutable and unique).
                        let appended = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                            if mayEndInRowNumber(bytes) { return false }
                            append(bytes, line: number, &count)
                            return true
                        }
                        if appended != true {
                            // A row number moved to the line's front makes a
                            // new string (rare), as does a string without
                            // contiguous UTF-8.
                            var read = Self.rowNumberFirst(text, rowNumbers: rowNumbers).map { String(String.UnicodeScalarView($0)) } ?? text
                            read.withUTF8 { append($0, line: number, &count) }
                        }
                        // `tables.unit-line`: a line of an amount's unit alone
                        // after a line ending in a number. The length first:
                        // most lines are longer than any unit. Only noted
                        // here, on locals and the buffer: the units and the
                        // value test are asked after the loop (asked here,
                        // their captures slowed the whole closure: +8 M
                        // instructions of the 1 MB bench).
                        let start = lineBegin
                        if count - start <= longestUnit, count > start, previousBegin >= 0, previousBegin < start,
                           scalarBuffer[start - 1].isASCIIDigit {
                            unitCandidates.append((start..<count, number))
                        }
                    }
                    lineCount = count
                    written = count
                }
                startCount = written
            }
            scalarCount = written
        }
        // Tested in line order, as the loop would have: a later line only
        // writes past a candidate's scalars and the number's before it, and
        // the loop reads no cell start, so each test reads what it read there.
        if let isValue {
            for (range, number) in unitCandidates where amountUnits.contains(where: { $0.elementsEqual(scalars[range]) }) {
                var tokenStart = range.lowerBound - 1
                while tokenStart > 0 && !cellStart[tokenStart] { tokenStart -= 1 }
                // The rule itself is the one the labelled columns' word loop
                // asks (the unit asked again there; asked first here, it
                // spares the walk back on the many short numbers).
                if UnitLine.endsAmount(scalars[range], word: scalars[tokenStart..<range.lowerBound],
                                       amountUnits: amountUnits, isValue: isValue) {
                    cellStart[range.lowerBound] = false
                    unitLines.append(number)
                }
            }
        }
        self.scalars = scalars[...]
        self.cellStart = cellStart[...]
        self.lineNumbers = lineNumbers[...]
        self.lineStart = lineStart
        self.splitRowLabels = splitRowLabels
        self.rowNumberLines = rowNumberLines
        self.unitLines = unitLines
    }

    /// Positions (in `lines`) of lines that hold only a row number (1.)
    /// right after a line whose label text, after that number, opens one of
    /// `numberedLabels` (本机关不掌 for 1.本机关不掌握相关政府信息), or a row
    /// number and values right after a line whose label text, after that
    /// number, is one (重复申请 0 ⏎ 2. 0 0 0 0 0 0: the number on the baseline
    /// of the values after the first). The label text is the line without
    /// the values at its end (属于行政查 5 → 属于行政查). Empty for most
    /// stretches.
    /// `digitFirst`: the positions of the lines that open with a digit, in
    /// order, when the caller has them (only those are looked at).
    static func rowNumberLinesBelowLabels<Lines: RandomAccessCollection>(
        _ lines: Lines, numberedLabels: [[Unicode.Scalar]], digitFirst: [Int]? = nil) -> [Int] where Lines.Element == SourceLine {
        guard !numberedLabels.isEmpty, lines.count > 1 else { return [] }
        var found: [Int] = []
        let first = lines.startIndex
        for position in digitFirst ?? Array(1..<lines.count) where position >= 1 {
            let whole = lines[lines.index(first, offsetBy: position)].text
            let aboveText = lines[lines.index(first, offsetBy: position - 1)].text
            // Cheapest tests first: a row number is a few ASCII bytes, a
            // digit first; the line above opens with a Han scalar (below),
            // so with a lead byte of E2 or more (U+2E80 is E2 BA 80), which
            // one byte tells (in a table read line by line, the line above
            // a line of values is mostly values too, and the whole line
            // below was read for each).
            // (Both first bytes read in place, `firstUTF8Byte`: 0 for an
            // empty line, which passes neither test.)
            let opening = whole.firstUTF8Byte
            guard opening &- 0x30 < 10, aboveText.firstUTF8Byte >= 0xE2, isRowNumberLine(whole) else { continue }
            let above = aboveText.unicodeScalars
            // The label text's first scalar is the line's (stripping values
            // off its end leaves it, or nothing when the line is all values):
            // tested before any array is made (most lines above a number are
            // numbers too, in a table read one cell per line).
            guard let opener = above.first, opener.value >= 0x2E80 else { continue }
            // A label that opens with the number and then the text opens
            // with the line's digit and holds the text's first scalar after
            // it: asked before the arrays are made and the scalar's
            // properties looked up (a line of values under a label line
            // opens no label: ~10 M instructions of the 1 MB bench).
            guard numberedLabels.contains(where: { $0.first?.value == UInt32(opening) && $0.dropFirst().contains(opener) }),
                  opener.properties.isIdeographic else { continue }
            let line = whole.prefix { $0 != " " }
            let number = Array(line.unicodeScalars)
            var text = Array(above)
            while let last = text.last, last == " " || ("0"..."9").contains(last) { text.removeLast() }
            // Made once, not once per label compared. (The text still opens
            // with `opener`: only spaces and digits came off its end.)
            let numberedText = number + text
            // A lone number goes before a label's first line (the label goes
            // on below it); one with values after it, before a whole label
            // (its values go on after it). A lone number under a whole label
            // may open the row below.
            let withValues = line.utf8.count < whole.utf8.count
            guard numberedLabels.contains(where: {
                $0.starts(with: numberedText) && (withValues ? $0.count == numberedText.count : $0.count > numberedText.count)
            }) else { continue }
            found.append(position)
        }
        return found
    }

    /// Whether the line's first word is at most three bytes (a row number)
    /// and the rest, if any, values only (digits and spaces). On the bytes:
    /// every value line of a table is asked.
    static func isRowNumberLine(_ line: String) -> Bool {
        var text = line
        return text.withUTF8 { bytes in
            let wordEnd = offsetOfFirst(0x20, in: bytes)
            guard wordEnd <= 3 else { return false }
            var digit = wordEnd == bytes.count
            for b in bytes[wordEnd...] {
                if b &- 0x30 < 10 { digit = true } else if b != 0x20 { return false }
            }
            return digit
        }
    }

    /// A row-number line's values after its number (` 0 0 0` of `2. 0 0 0`);
    /// empty for a lone number.
    static func valuesAfterRowNumber(_ line: String) -> Substring {
        let text = Substring(line)
        return text[(text.firstIndex(of: " ") ?? text.endIndex)...]
    }

    /// The line's scalars with the row number its first word ends in first,
    /// when that word is label text (no digit) with one of `rowNumbers`
    /// glued to its last character, which is not ASCII (申请人无正1. →
    /// 1.申请人无正; 其他3. 0 0 → 3.其他 0 0); nil for any other line.
    static func rowNumberFirst(_ text: String, rowNumbers: [[Unicode.Scalar]]) -> [Unicode.Scalar]? {
        // On the first word's last UTF-8 byte: an ASCII last scalar is that
        // byte (most words end in Han text or a digit, and are passed at once).
        guard !rowNumbers.isEmpty else { return nil }
        // The first space found in the contiguous UTF-8 with memchr (a prose
        // line has no space; `firstIndex(of:)` on the view cost several times
        // as much per byte, and a byte loop still walked the whole line).
        guard let lastByte = Self.lastByteOfFirstWord(text) else { return nil }
        guard lastByte < 0x80, lastByte &- 0x30 >= 10,
              rowNumbers.contains(where: { $0.last?.value == UInt32(lastByte) }) else { return nil }
        let scalars = Array(text.unicodeScalars)
        let word = scalars.prefix { $0 != " " }
        for number in rowNumbers where word.count > number.count && word.suffix(number.count).elementsEqual(number) {
            let label = word.dropLast(number.count)
            guard !label.last!.isASCII, !label.contains(where: { ("0"..."9").contains($0) }) else { return nil }
            return number + label + scalars[word.count...]
        }
        return nil
    }

    /// The last UTF-8 byte before the first space of `text` (its last byte
    /// when it has none); nil when `text` is empty or opens with a space.
    static func lastByteOfFirstWord(_ text: String) -> UInt8? {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> UInt8? in
            let end = offsetOfFirst(0x20, in: bytes)
            return end > 0 ? bytes[end - 1] : nil
        }) { return found }
        let utf8 = text.utf8
        let wordEnd = utf8.firstIndex(of: 0x20) ?? utf8.endIndex
        return wordEnd > utf8.startIndex ? utf8[utf8.index(before: wordEnd)] : nil
    }

    /// The stream of the first `lines` lines only (the whole stream when it
    /// has no more): what a stream built over just those lines holds.
    func ending(atLine lines: Int) -> CellStream {
        guard lines < lineStart.count else { return self }
        var window = self
        let end = lineStart[lines]
        window.scalars = scalars[..<end]
        window.cellStart = cellStart[..<end]
        window.lineNumbers = lineNumbers[..<end]
        return window
    }

    var count: Int { scalars.count }

    /// Each ASCII scalar as a string of its own (`text` of one scalar).
    static let asciiStrings: [String] = (0..<0x80).map { String(Unicode.Scalar(UInt8($0))) }

    /// The scalars in `range` as a string, encoded straight to UTF-8 (a
    /// value cell's text; appending to a UnicodeScalarView was slower).
    /// One ASCII scalar, as most values are (a single digit: 87% of the
    /// bench's numbers), is taken from a table made once: encoding and
    /// copying it cost about 250 instructions a value.
    func text(_ range: Range<Int>) -> String {
        if range.count == 1, case let value = scalars[range.lowerBound].value, value < 0x80 {
            return Self.asciiStrings[Int(value)]
        }
        return scalars.withUnsafeBufferPointer { buffer in
            // Unicode.Scalar is its UInt32 value.
            buffer.withMemoryRebound(to: UInt32.self) { utf8String(UnsafeBufferPointer(rebasing: $0[range])) }
        }
    }

    /// `tokenEnd(from:)`, and whether the token is ASCII digits only, read
    /// in one pass: most values stage 4 reads are such numbers, which the
    /// value grammar then need not be asked about.
    func tokenEndAndDigits(from index: Int) -> (end: Int, digitsOnly: Bool) {
        scalars.withUnsafeBufferPointer { scalars in
            cellStart.withUnsafeBufferPointer { starts in
                // Buffer positions count from each slice's start.
                let scalarBase = self.scalars.startIndex, startBase = cellStart.startIndex
                var digitsOnly = scalars[index - scalarBase].value &- 0x30 < 10
                var end = index + 1
                while end - startBase < starts.count && !starts[end - startBase] {
                    digitsOnly = digitsOnly && scalars[end - scalarBase].value &- 0x30 < 10
                    end += 1
                }
                return (end, digitsOnly)
            }
        }
    }

    /// End (exclusive) of the token at `index`: up to the next cell start.
    /// Read in place: stage 4 asks it of every value it reads.
    func tokenEnd(from index: Int) -> Int {
        cellStart.withUnsafeBufferPointer { starts in
            // Buffer positions count from the slice's start.
            let base = cellStart.startIndex
            var end = index + 1 - base
            while end < starts.count && !starts[end] { end += 1 }
            return end + base
        }
    }
}
