/// Stage 4, table structure: lays a cell stream (stage 3) over a national
/// template, row by row, in reading order, and fills the template's canonical
/// grid.
///
/// - `structure.template-label`: a label cell is found in the stream exactly,
///   or closely (a few edits, a few stray characters before it, as OCR and
///   cut cells leave them); the grid holds the template's text, and a close
///   match is traced (只计这一情况 → 只计这一情形).
/// - `structure.label-restored`: a data row's label is absent (only its values
///   remain); the row keeps its template label, and this is reported.
/// - `structure.header-ahead`: a header label standing further on, past
///   header text only (a spanning header cell set above or below its row,
///   the cut pieces of the next header row), counts as found without moving
///   the reading past that text, which the header's later labels need.
/// - `structure.displaced-values`: a row's values standing past the head of
///   the next row's label (a label centred on its rows, whose first line is
///   above them) are this row's; the head is read with the next row.
/// - `structure.header-value`: a header cell that holds a number in the input
///   keeps that number (the input said so; it is not a value of the table).
/// - `structure.missing-value` / `structure.surplus-value`: a row with fewer
///   or more values than the template's slots. Values fill slots from the
///   left; missing ones stay empty; surplus ones are reported with their text.
/// - `structure.surplus-row`: a row's surplus that is exactly the next row's
///   count of values, where that next row's label is missing, is that row's
///   when both rows' totals hold (SurplusRow.swift).
/// - `structure.stray-rows`: the text skipped to reach a row's label further
///   on holds the values of the rows right before, whose labels were
///   restored and found none, where each row's numbering and arithmetic say
///   so (StrayRows.swift).
/// - `structure.stray-text`: text between labels that matches nothing.
/// - `structure.digit-lookalike`: a value cell OCR read with letters for
///   digits (1O → 10), read as the number.
///
/// Missing header labels stay empty: a label is never invented in a header.
struct TemplateMatcher: Sendable {
    let rules: TableRules

    /// What a match put in one template cell: positions in the stream, not
    /// text. Most matches tried at an anchor are thrown away (another
    /// template wins, or none is a table); the text, the grid and the values
    /// are made (`materialized`) for the match a table keeps.
    enum Placed: Equatable {
        case empty
        /// The template's label: found, or restored in a data row.
        case label
        /// Stream text: a value, or a number standing in a header cell.
        case text(Range<Int>)
        /// A value OCR read with letters for digits (1O), read as the number.
        case lookalike(Range<Int>)
    }

    struct Match {
        var template: TableTemplate
        /// Each cell of the rows read, row by row, `template.columns` a row.
        var placed: [Placed] = []
        /// Template rows read: all of them, unless the stretch stopped
        /// matching (then the rest are no rows of this match).
        var rowsRead = 0
        /// The canonical grid, made by `materialized` (empty before).
        var grid: [[String]] = []
        /// The values as records, template row by row, slot by slot: made
        /// when asked, for the match a table keeps, not for every match
        /// tried (a record per value, built and freed with every match).
        /// (Counted first and reserved; each row's two paths read, not a
        /// copy of the whole row with its cells and strings retained.)
        var records: [TableRecord] {
            var count = 0
            for slots in values { for value in slots where value != nil { count += 1 } }
            var records: [TableRecord] = []
            records.reserveCapacity(count)
            let rows = template.rows
            for (r, slots) in values.enumerated() {
                let path = rows[r].path, columnPaths = rows[r].columnPaths
                for (slot, value) in slots.enumerated() {
                    if let value { records.append(TableRecord(row: path, column: columnPaths[slot], value: value)) }
                }
            }
            return records
        }
        /// Per template row, the text of each value slot (nil when absent);
        /// made by `materialized`.
        var values: [[String?]] = []
        /// Whether each grid row is a header row; made by `materialized`.
        var gridRowIsHeader: [Bool] = []
        /// Per template row, its row in `grid` (nil when left out, empty);
        /// made by `materialized`.
        var gridRowOf: [Int?] = []
        /// Per template row, the source line where its match began.
        var rowLines: [Int?] = []
        /// Labels and values found, of those the template expects.
        var found: Int
        var expected: Int
        /// Of `found` and `expected`, the value slots (the rest are labels).
        var valuesFound = 0
        var valuesExpected = 0
        /// Labels found in place: where the reading stood, past nothing but
        /// other header text, or opening a cell (a line break, TAB or space
        /// before them), as a table's labels stand and words of a sentence
        /// that mentions them (行政复议和行政诉讼…，结果维持、…) do not.
        var labelsInPlace = 0
        var surplus: Int
        /// Stream index just past the last consumed scalar.
        var end: Int
        /// The findings as messages: written by `materialized` from
        /// `findings` (empty before), then added to by later repairs.
        var diagnostics: [Diagnostic] = []
        /// What the match found to report, as places, not text.
        var findings: [Finding] = []
        /// Template rows whose label was restored and whose values
        /// `structure.label-unreadable` placed (OCR's junk for the label, the
        /// next row's label readable after them): `provenUnreadableRows`.
        var unreadableLabelRows: [Int] = []
        var trace: [TraceStep] = []

        var score: Double { Double(found) / Double(max(1, expected + surplus)) }

        /// Value slots of data rows the match left empty (of a materialized match).
        /// Counted in place: a filtered copy of each row was built only to be counted.
        var missingValues: Int { values.reduce(0) { count, row in row.reduce(count) { $1 == nil ? $0 + 1 : $0 } } }
    }

    /// A finding of a match: its rule, kind, line and cells, and what its
    /// message names as stream ranges and template cells. Most matches
    /// tried at an anchor are thrown away: the message is written
    /// (`materialized`) for the match a table keeps. Writing every tried
    /// match's messages was ~13 M instructions of the 1 MB bench.
    struct Finding {
        var rule: String
        var kind: Diagnostic.Kind
        var message: Message
        var line: Int?
        var cells: DiagnosticCells?

        /// A message's form and what it names (`range`: stream text;
        /// `row`, `column`: a template cell, whose label it quotes).
        enum Message {
            /// A group label (a cell spanning rows) absent.
            case groupRestored(row: Int, column: Int)
            /// A row label absent.
            case rowRestored(row: Int, column: Int)
            /// Text before a label that matches no cell.
            case strayBefore(Range<Int>, row: Int, column: Int)
            /// Text before the rest of a cut label that matches no cell.
            case strayBeforeTail(Range<Int>, row: Int, column: Int)
            /// Text before a row's values that matches no cell.
            case strayBeforeValues(Range<Int>)
            /// Text read as a label within the edit budget.
            case readAsLabel(Range<Int>, row: Int, column: Int)
            /// Text read, within the edit budget, as a label's start cut by the row's values.
            case readAsCutLabel(Range<Int>, row: Int, column: Int)
            /// A number standing in a header cell.
            case headerValue(Range<Int>, row: Int, column: Int)
            /// A value OCR read with letters for digits.
            case lookalike(Range<Int>)
            /// A data row with `found` of its values (0: none).
            case missingValues(row: Int, found: Int)
            /// A data row with `count` values more than its slots (`range`).
            case surplusValues(row: Int, count: Int, Range<Int>)
            /// The values over row `from` (`range`) read as row `row`'s.
            case surplusRow(from: Int, row: Int, Range<Int>)
            /// The values in text before label (`row`, `column`) read as
            /// rows `rows`' (`structure.stray-rows`).
            case strayRows(Range<Int>, rows: [Int], row: Int, column: Int)
            /// A cut label whose end (from `read` on) was not found.
            case cutShort(row: Int, column: Int, read: Int)
        }
    }

    /// The text of a finding's message, as the match would have written it.
    func text(of message: Finding.Message, template: TableTemplate, in stream: CellStream) -> String {
        let rows = template.rows
        func label(_ r: Int, _ column: Int) -> String {
            if case .label(let l) = rows[r].cells[column] { return l }
            return ""
        }
        func text(_ range: Range<Int>) -> String { stream.text(range) }
        func rowName(_ r: Int) -> String { rows[r].path.last ?? rows[r].id ?? "" }
        switch message {
        case let .groupRestored(r, column):
            return "group label '\(label(r, column))' is missing; restored from template \(template.id)"
        case let .rowRestored(r, column):
            return "row label '\(label(r, column))' is missing; restored from template \(template.id), so the row's values are placed by their order alone"
        case let .strayBefore(range, r, column):
            return "text '\(text(range))' before '\(label(r, column))' matches no template cell; dropped"
        case let .strayBeforeTail(range, r, column):
            return "text '\(text(range))' before the rest of '\(label(r, column))' matches no template cell; dropped"
        case let .strayBeforeValues(range):
            return "text '\(text(range))' before the values matches no template cell; dropped"
        case let .readAsLabel(range, r, column):
            return "'\(text(range))' read as template label '\(label(r, column))'"
        case let .readAsCutLabel(range, r, column):
            return "'\(text(range))' read as the start of template label '\(label(r, column))', cut by the row's values"
        case let .headerValue(range, r, column):
            return "'\(text(range))' stands where the header '\(label(r, column))' belongs; kept as written"
        case let .lookalike(range):
            // The match placed it so: it reads as this number.
            let mapped = rules.valueFromLookalikes(stream.scalars[range]) ?? []
            return "'\(text(range))' read as the value \(String(String.UnicodeScalarView(mapped)))"
        case let .missingValues(r, found):
            let slots = rows[r].columnPaths.count
            return found == 0 ? "row '\(rowName(r))' has none of its \(slots) values; they are left empty"
                : "row '\(rowName(r))' has \(found) of \(slots) values, placed from the left (which cells they belong to is a guess); the rest are left empty"
        case let .surplusValues(r, count, range):
            return "row '\(rowName(r))' has \(count) value(s) more than template \(template.id) allows, so which are this row's is a guess (the first ones are kept); left over: \(valueTexts(in: stream, range).joined(separator: " "))"
        case let .surplusRow(from, r, range):
            return "the \(rows[r].columnPaths.count) values over row '\(rowName(from))' (\(valueTexts(in: stream, range).joined(separator: " "))) are the values of row '\(rowName(r))', whose label is missing: they are exactly its count of values, its total holds on them, and the total of row '\(rowName(from))' holds on its own values"
        case let .strayRows(range, restored, r, column):
            let runs = strayRowValues(template, rows: restored, in: range, stream: stream) ?? []
            let named = zip(restored, runs).map { row, values in
                "'\(rowName(row))' (\(valueTexts(in: stream, values[0].lowerBound..<values[values.count - 1].upperBound).joined(separator: " ")))"
            }
            return "text '\(text(range))' before '\(label(r, column))' holds the values of row(s) \(named.joined(separator: ", ")), whose labels are missing: each run of values follows its row's numbering, is exactly its count of values and keeps its row's total; placed, the labels' text dropped"
        case let .cutShort(r, column, read):
            return "'\(label(r, column))' is cut short: its end '\(String(String.UnicodeScalarView(rows[r].labelScalars[column][read...])))' was not found"
        }
    }

    /// The match with its text: the grid, the values, which grid row each
    /// template row is. Made for the match a table keeps (TableRecognizer
    /// decides which); `stream` is the one it was matched in.
    func materialized(_ match: consuming Match, in stream: CellStream) -> Match {
        var m = match
        let template = m.template, columns = template.columns
        // Its findings' messages, in the order found (before any later repair's).
        m.diagnostics.reserveCapacity(m.diagnostics.count + m.findings.count)
        for finding in m.findings {
            m.diagnostics.append(Diagnostic(stage: .structure, rule: finding.rule, kind: finding.kind,
                                            message: text(of: finding.message, template: template, in: stream),
                                            line: finding.line, cells: finding.cells))
        }
        m.findings = []
        m.grid.reserveCapacity(m.rowsRead)
        m.gridRowIsHeader.reserveCapacity(m.rowsRead)
        m.gridRowOf.reserveCapacity(m.rowsRead)
        m.values.reserveCapacity(m.rowsRead)
        let rows = template.rows
        for r in 0..<m.rowsRead {
            // The row's fields, not a copy of the whole row (each of its
            // arrays and strings retained and released).
            let rowCells = rows[r].cells, isHeader = rows[r].isHeader, valueColumns = rows[r].valueColumns
            let base = r * columns
            // Rows grown in capacity reserved once: `Array(repeating:)` and
            // `Array(unsafeUninitializedCapacity:)` take the generic
            // allocation path (seven hundred instructions and more a row),
            // `reserveCapacity` a specialised one.
            var cells: [String] = []
            cells.reserveCapacity(columns)
            var hasText = false
            // A cell of the template is looked at only where a label was
            // placed (a copy of each retained its label's text); each text
            // is appended as made, not held in an optional and the cell
            // asked again whether it is a value slot.
            for column in 0..<columns {
                switch m.placed[base + column] {
                case .empty: cells.append("")
                case .label:
                    if case .label(let label) = rowCells[column] {
                        hasText = hasText || !label.isEmpty
                        cells.append(label)
                    } else {
                        cells.append("")
                    }
                case .text(let range):
                    let text = stream.text(range)
                    hasText = hasText || !text.isEmpty
                    cells.append(text)
                case .lookalike(let range):
                    // The number it reads as, never empty; "" when it reads as none.
                    let text = rules.valueFromLookalikes(stream.scalars[range]).map { String(String.UnicodeScalarView($0)) } ?? ""
                    hasText = hasText || !text.isEmpty
                    cells.append(text)
                }
            }
            // The value slots are the row's value cells in order (slot k is
            // `valueColumns[k]`), read from the cells just made: a slot holds
            // the text placed there, nil where none was (a lookalike that
            // reads as no number left its cell empty).
            var slots: [String?] = []
            slots.reserveCapacity(valueColumns.count)
            for column in valueColumns {
                switch m.placed[base + column] {
                case .text: slots.append(cells[column])
                case .lookalike: slots.append(cells[column].isEmpty ? nil : cells[column])
                case .empty, .label: slots.append(nil)
                }
            }
            m.values.append(slots)
            // A row with nothing in it (table 四's value row when the input has
            // no values) is left out: an empty line is no table row.
            if isHeader || hasText {
                m.grid.append(cells)
                m.gridRowIsHeader.append(isHeader)
                m.gridRowOf.append(m.grid.count - 1)
            } else {
                m.gridRowOf.append(nil)
            }
        }
        return m
    }

    /// `reporting`: whether the match's findings are wanted (the probe of
    /// `tables.settle` keeps none); without it no message is built.
    /// The match records where things stand, not their text
    /// (`materialized` makes that for the match kept).
    func match(_ template: TableTemplate, in stream: CellStream, from start: Int, tracing: Bool, reporting: Bool = true) -> Match {
        var m = Match(template: template, found: 0, expected: 0, surplus: 0, end: start)
        // One entry per template row: sized once, not grown row by row.
        let rowCount = template.rows.count, columns = template.columns
        m.rowLines.reserveCapacity(rowCount)
        // Every cell's placement, written in place (plain values: no text,
        // nothing to retain or free per cell).
        var placed = [Placed](unsafeUninitializedCapacity: rowCount * columns) { buffer, count in
            buffer.initialize(repeating: .empty)
            count = rowCount * columns
        }
        var p = start
        let s = stream.scalars
        func line(_ i: Int) -> Int? { stream.lineNumbers.isEmpty ? nil : stream.lineNumbers[min(i, stream.count - 1)] }
        /// A finding recorded as places: its message is written if the match is kept.
        func report(_ rule: String, _ kind: Diagnostic.Kind, _ message: Finding.Message, at i: Int, row: [String]? = nil) {
            guard reporting else { return }
            m.findings.append(Finding(rule: rule, kind: kind, message: message, line: line(i),
                                      cells: row.map { DiagnosticCells(table: template.id, row: $0) }))
        }
        // Autoclosures: the before/after text is built only when tracing.
        func traced(_ rule: String, at i: Int, _ before: @autoclosure () -> String, _ after: @autoclosure () -> String) {
            if tracing { m.trace.append(TraceStep(stage: .structure, rule: rule, line: line(i), before: before(), after: after())) }
        }
        func text(_ range: Range<Int>) -> String { stream.text(range) }
        // The rows, for the helpers below to capture (one array, not the
        // whole template, copied into each closure made of them).
        let rows = template.rows
        /// The template's label in `column` of row `r` (for messages: the
        /// match itself compares the labels' scalars).
        func label(_ r: Int, _ column: Int) -> String {
            if case .label(let l) = rows[r].cells[column] { return l }
            return ""
        }

        // Scalars of every header label: text skipped on the way to the first
        // data row that consists of these is scattered header text, not stray.
        let headerScalars = template.headerScalars
        func isHeaderScalar(_ scalar: Unicode.Scalar) -> Bool { headerScalars.contains(scalar) }
        /// A label found, starting at `index`; `inPlace` when nothing but
        /// header text was skipped to reach it.
        func foundLabel(at index: Int, inPlace: Bool) {
            m.found += 1
            if inPlace || (index < s.count && stream.cellStart[index]) { m.labelsInPlace += 1 }
        }
        func commonPrefix(_ target: ArraySlice<Unicode.Scalar>, at index: Int) -> Int {
            var k = 0, t = target.startIndex
            while t < target.endIndex && index + k < s.count && s[index + k] == target[t] { k += 1; t += 1 }
            return k
        }
        /// Group labels (cells spanning rows, such as （四）无法提供) open with their
        /// group and may stand anywhere among its rows, in pieces: extractors
        /// centre them vertically and cut them by line. A group is its cell
        /// (template row, column), its label's scalars (the template's own
        /// array, shared) and how much of them has been read.
        typealias Group = (row: Int, column: Int, label: [Unicode.Scalar], read: Int, seen: Bool)
        /// A label's end still to come in this row: its column and where the
        /// part read so far ends.
        typealias Tail = (column: Int, read: Int)
        /// What of the group's label is still to come.
        func remaining(_ group: Group) -> ArraySlice<Unicode.Scalar> { group.label[group.read...] }
        var floating: [Group] = []
        /// Label parts still to come in this row: the end of a cell cut by a page
        /// break or read line by line, before, between or after the values.
        var tails: [Tail] = []
        // Both hold a buffer of their own from the start, emptied in place:
        // `absorb` may change them, and the compiler makes them unique ahead
        // of its loop; the shared empty array is never unique, so each call
        // copied it (a third of a million allocations per megabyte).
        floating.reserveCapacity(4)
        tails.reserveCapacity(4)
        /// Whether a piece of an open group label or of the row's pending
        /// label end may open at `p`: what `absorb` looks for. Asked inline
        /// before each `absorb` (~340,000 times a reading of the 1 MB bench,
        /// six in ten with no group open and no cut label): a call of
        /// `absorb` to find nothing to do, its captured context passed and
        /// its registers saved, cost more than these tests (~16 M
        /// instructions). It reads its arguments and constants only (a
        /// function that captures the match's variables has every access to
        /// them checked at run time).
        @inline(__always)
        func pieceMayOpen(at p: Int, _ floating: [Group], _ tails: [Tail], row rowIndex: Int) -> Bool {
            // Most rows have no open group and no cut label: nothing to look for.
            guard !floating.isEmpty || !tails.isEmpty else { return false }
            // Nor does any piece open at `p` in most calls (a group stays
            // open over its rows): a piece opens with the next unread scalar
            // of its label, compared here before either array is touched
            // (`absorb`'s loop makes both unique first).
            guard p < s.count else { return false }
            let next = s[p]
            if !floating.contains(where: { $0.read < $0.label.count && $0.label[$0.read] == next }) {
                guard let first = tails.first else { return false }
                let tail = rows[rowIndex].labelScalars[first.column][first.read...]
                guard tail.first.map({ $0 == next }) ?? true else { return false }
            }
            return true
        }
        /// Consumes, at `p`, pieces of open group labels and of the row's pending
        /// label ends (of template row `rowIndex`).
        ///
        /// The reading, the groups and the tails come in as `inout`, not
        /// captured: captured, every access to them here was checked for
        /// exclusivity at run time (a third of this function's cost).
        /// The trace's text closures capture constants, not `p` or the
        /// groups, for the same reason.
        ///
        /// Called only where `pieceMayOpen` says a piece may open at `p`.
        func absorb(_ p: inout Int, _ floating: inout [Group], _ tails: inout [Tail], row rowIndex: Int) {
            var progress = true
            while progress && p < s.count {
                progress = false
                let at = p
                for i in floating.indices {
                    // A piece opens with the next unread scalar: others are not compared.
                    guard floating[i].read < floating[i].label.count, floating[i].label[floating[i].read] == s[at] else { continue }
                    let rest = remaining(floating[i])
                    let k = commonPrefix(rest, at: at)
                    if k >= min(floating[i].seen ? 2 : 3, rest.count) {
                        let (r, column) = (floating[i].row, floating[i].column)
                        traced("structure.group-label", at: at, text(at..<at + k), label(r, column))
                        if !floating[i].seen { floating[i].seen = true; foundLabel(at: at, inPlace: true) }
                        floating[i].read += k
                        p += k
                        progress = true
                        break
                    }
                }
                if !progress, let first = tails.first {
                    let tail = rows[rowIndex].labelScalars[first.column][first.read...]
                    let k = commonPrefix(tail, at: at)
                    if k >= min(2, tail.count) {
                        traced("structure.label-tail", at: at, text(at..<at + k), label(rowIndex, first.column))
                        tails[0].read += k
                        if k == tail.count { tails.removeFirst() }
                        p += k
                        progress = true
                    }
                }
            }
        }
        /// Whether a piece of one of the open group labels `groups` starts at `index`.
        func groupPieceStarts(_ groups: [Group], at index: Int) -> Bool {
            groups.contains { group in
                let rest = remaining(group)
                return !rest.isEmpty && commonPrefix(rest, at: index) >= min(2, rest.count)
            }
        }
        // The row after each row and which labels span rows, as the template
        // worked them out once (TableTemplate.init), in arrays of their own:
        // a closure over the template's rows copied the whole template per call.
        let nextDataRows = template.nextDataRow, spanning = template.spansRows
        /// The data row after data row `rowIndex`, if any.
        func nextDataRow(after rowIndex: Int) -> Int? { nextDataRows[rowIndex] }
        /// A data-row label spans rows when the next data row has no label at or left of its column.
        func spansRows(_ rowIndex: Int, _ column: Int) -> Bool { spanning[rowIndex * columns + column] }

        /// The text from `index` to this row's values when that text is the
        /// head of the next data row's labels and exactly this row's count of
        /// values follows, then more of that label or of an open group label:
        /// （五）不予 4.无正当理由 / 0 0 0 0 0 0 0 / 处理 大量反复申请 0 … read as
        /// one row after the other.
        func displacedHead(after rowIndex: Int, at index: Int) -> Range<Int>? {
            guard valueEnd(in: stream, at: index) == nil, let nextRow = nextDataRow(after: rowIndex) else { return nil }
            let nextLabels = rows[nextRow].labelScalars
            guard let rowLabel = nextLabels.last(where: { !$0.isEmpty }) else { return nil }
            // The next row's whole label standing at `index`, no value
            // opening inside it, is that row's own label, not a head of it
            // (a row whose values are missing, the usual ask): the scan below
            // would pass all of it (its scalars are `allowed`, and `reach`
            // lies past it, no value stopping it) and find the head opening
            // at `index` no shorter than the label, which is no head (nil).
            // Told here on its scalars, without a search per scalar (~2,300
            // instructions a call, ~5,000 calls of the 1 MB bench).
            if index + rowLabel.count <= s.count, commonPrefix(rowLabel[...], at: index) == rowLabel.count,
               !rowLabel.dropFirst().contains(where: { rules.valueOpeners.contains($0) }) {
                return nil
            }
            let allowed = rows[nextRow].labelScalarSet
            let reach = min(s.count, index + nextLabels.reduce(0) { $0 + $1.count } + rules.matching.maxSkippedLead)
            var q = index
            while q < reach && valueEnd(in: stream, at: q) == nil {
                // `allowed` is sorted: the first scalar not below this one.
                let value = s[q].value
                var low = 0, high = allowed.count
                while low < high {
                    let middle = (low + high) / 2
                    if allowed[middle].value < value { low = middle + 1 } else { high = middle }
                }
                guard low < allowed.count, allowed[low].value == value else { return nil }
                q += 1
            }
            guard q < reach, q > index else { return nil }
            // The next row's own label starts in the head, and is cut there.
            let lead = min(rules.matching.minLabelPrefix, rowLabel.count)
            let opening = rowLabel.prefix(lead)
            guard let start = (index..<q).first(where: { commonPrefix(opening, at: $0) == lead }) else { return nil }
            let headOfLabel = q - start
            guard headOfLabel < rowLabel.count else { return nil }
            // Exactly this row's values, then the rest of that label.
            var end = q, count = 0
            while let e = valueEnd(in: stream, at: end) { end = e; count += 1 }
            guard count == rows[rowIndex].columnPaths.count,
                  commonPrefix(rowLabel[headOfLabel...], at: end) >= min(2, rowLabel.count - headOfLabel)
                    || groupPieceStarts(floating, at: end) else { return nil }
            return index..<q
        }

        /// The next row's label head, read out of place: after this row's
        /// labels the reading goes back to `head` and, past it, on from `resume`.
        var displaced: (head: Range<Int>, resume: Int)?
        var resumeAfterHead: (at: Int, to: Int)?
        /// `structure.surplus-row`: the last data row's surplus, one range a
        /// value, and its finding's index; kept for the next row only.
        var surplusRun: (row: Int, values: [Range<Int>], finding: Int?)?
        /// Where the values start after the last place a scattered header
        /// label was looked for: the missing header labels of a row are
        /// looked for from one place, each up to the same next value (a scan
        /// of up to `resyncWindow` scalars), which is found once.
        var scatterStop: (at: Int, stop: Int)?
        /// `structure.stray-rows`: the data rows right before, their labels
        /// restored and none of their values read, each with its
        /// missing-value finding's index (StrayRows.swift).
        var restoredEmpty: [(row: Int, finding: Int?)] = []

        // Rows by index: `enumerated()` handed each row out as an optional
        // (offset, row) pair, copied and destroyed through the generic
        // value witnesses (about 3% of matching).
        for rowIndex in 0..<rowCount {
            // The row's fields taken one by one: a copy of the whole row
            // (each of its arrays and strings retained and released) was
            // made for every row of every match.
            let isHeader = rows[rowIndex].isHeader, rowLabels = rows[rowIndex].labelScalars
            if let d = displaced {
                p = d.head.lowerBound
                resumeAfterHead = (d.head.upperBound, d.resume)
                displaced = nil
            }
            let base = rowIndex * columns
            var valuesInRow = 0
            // The surplus of the row before, asked of this row only; the
            // values this row takes from it (`structure.surplus-row`).
            var surplusBefore: (row: Int, values: [Range<Int>], finding: Int?)?
            if surplusRun != nil { surplusBefore = surplusRun; surplusRun = nil }
            var takenSurplus: [Range<Int>]?
            var labelRestored = false
            m.rowLines.append(p < stream.count ? line(p) : nil)
            // The columns of the row's labels, listed with the template.
            let labels = rows[rowIndex].labelColumns
            // A label at or left of an open group's column closes that group.
            if !isHeader, let leftmost = labels.first {
                for group in floating where group.column >= leftmost && !group.seen {
                    report("structure.label-restored", .suspicion, .groupRestored(row: group.row, column: group.column), at: p)
                }
                // (Most rows have no open group: not asked, the removal
                // is a partition and a replacement even of nothing.)
                if !floating.isEmpty { floating.removeAll { $0.column >= leftmost } }
            }
            // Emptied only when it holds something: most rows cut no label,
            // and emptying an empty array still replaces its (empty) range.
            if !tails.isEmpty { tails.removeAll(keepingCapacity: true) }
            for (k, column) in labels.enumerated() {
                m.expected += 1
                if !isHeader { placed[base + column] = .label }
                if !isHeader && spansRows(rowIndex, column) {
                    floating.append((rowIndex, column, rowLabels[column], 0, false))
                    if pieceMayOpen(at: p, floating, tails, row: rowIndex) { absorb(&p, &floating, &tails, row: rowIndex) }
                    continue
                }
                if pieceMayOpen(at: p, floating, tails, row: rowIndex) { absorb(&p, &floating, &tails, row: rowIndex) }
                let labelScalars = rowLabels[column][...]
                let next = k + 1 < labels.count ? rowLabels[labels[k + 1]][...] : nil
                // The open groups as they stand, copied into the closure:
                // a closure that shares the variable makes every access to
                // it checked at run time (a tenth of matching, in absorb).
                // With none open (most rows), no piece of one can follow and
                // nothing is copied (a retain and a release per label tried).
                let found = floating.isEmpty
                    ? findLabel(labelScalars, in: stream, at: p, next: next, searchAhead: 80)
                    : findLabel(labelScalars, in: stream, at: p, next: next,
                                followedBy: { [floating] in groupPieceStarts(floating, at: $0) }, searchAhead: 80)
                if let found, isHeader, found.skipped > 0,
                   s[p..<p + found.skipped].allSatisfy(isHeaderScalar) {
                    // The label stands further on, past header text only:
                    // found, and the reading stays, for the text it would
                    // jump over holds other header labels, whole or cut
                    // (未经复议直接起诉 above 结果维持…总计; 商业 before 总计).
                    foundLabel(at: p + found.skipped, inPlace: true)
                    placed[base + column] = .label
                    traced("structure.header-ahead", at: p + found.skipped, "", label(rowIndex, column))
                } else if let found {
                    foundLabel(at: p + found.skipped, inPlace: found.skipped == 0)
                    placed[base + column] = .label
                    if found.skipped > 0 {
                        let stray = p..<p + found.skipped
                        traced("structure.stray-text", at: p, text(stray), "")
                        report("structure.stray-text", .suspicion, .strayBefore(stray, row: rowIndex, column: column), at: p)
                    }
                    if found.cutMisread {
                        traced("structure.label-cut-misread", at: p, text(p + found.skipped..<found.end), String(String.UnicodeScalarView(labelScalars.prefix(found.cutAt ?? 0))))
                        report("structure.label-cut-misread", .repair, .readAsCutLabel(p + found.skipped..<found.end, row: rowIndex, column: column), at: p)
                    } else if found.cost > 0 {
                        traced("structure.template-label", at: p, text(p..<found.end), label(rowIndex, column))
                        if found.skipped < found.cost {
                            report("structure.template-label", .repair, .readAsLabel(p + found.skipped..<found.end, row: rowIndex, column: column), at: p)
                        }
                    }
                    if let cut = found.cutAt { tails.append((column, cut)) }
                    p = found.end
                } else if isHeader, let end = valueEnd(in: stream, at: p), valueEnd(in: stream, at: end) == nil {
                    placed[base + column] = .text(p..<end)
                    report("structure.header-value", .suspicion, .headerValue(p..<end, row: rowIndex, column: column), at: p)
                    p = end
                } else if isHeader {
                    // Header cells read line by line across the header (自 法人… 然 总 人):
                    // the label's characters in order, close together, count as the label.
                    if scatterStop?.at != p {
                        scatterStop = (p, nextValueStart(in: stream, after: p, limit: rules.matching.resyncWindow))
                    }
                    if scattered(rowLabels[column], in: stream, from: p, stop: scatterStop!.stop) {
                        m.found += 1  // scattered over lines: no one place it opens
                        placed[base + column] = .label
                        traced("structure.header-scattered", at: p, "", label(rowIndex, column))
                    } else if spelledByLinePieces(rowLabels[column], in: stream, from: p, stop: scatterStop!.stop) {
                        // Its two lines printed out of order (业 above 商业企).
                        m.found += 1
                        placed[base + column] = .label
                        traced("structure.header-line-pieces", at: p, "", label(rowIndex, column))
                    } else {
                        traced("structure.header-missing", at: p, "", "")
                    }
                } else if valueEnd(in: stream, at: p) == nil, let ahead = findAhead(labelScalars, in: stream, from: p) {
                    // Stuck before unknown text: the label stands further on.
                    foundLabel(at: ahead.start, inPlace: false)
                    let skipped = p..<ahead.start
                    if !restoredEmpty.isEmpty,
                       let runs = strayRowValues(template, rows: restoredEmpty.map(\.row), in: skipped, stream: stream) {
                        // `structure.stray-rows`: the values in the text
                        // skipped are those of the rows before, whose
                        // labels OCR garbled (StrayRows.swift).
                        var stale: [Int] = []
                        for ((row, finding), values) in zip(restoredEmpty, runs) {
                            for (slot, valueColumn) in rows[row].valueColumns.enumerated() {
                                placed[row * columns + valueColumn] = .text(values[slot])
                            }
                            m.found += values.count
                            m.valuesFound += values.count
                            if let at = line(values[0].lowerBound) { m.rowLines[row] = at }
                            if let finding { stale.append(finding) }
                            let all = values[0].lowerBound..<values[values.count - 1].upperBound
                            traced("structure.stray-rows", at: all.lowerBound, valueTexts(in: stream, all).joined(separator: " "), label(row, rows[row].labelColumns.last ?? 0))
                        }
                        for f in stale.sorted(by: >) where f < m.findings.count && m.findings[f].rule == "structure.missing-value" {
                            m.findings.remove(at: f)
                        }
                        report("structure.stray-rows", .repair, .strayRows(skipped, rows: restoredEmpty.map(\.row), row: rowIndex, column: column), at: p)
                        // Their labels stay restored, flagged, unless the
                        // table's arithmetic proves the placement as for an
                        // unreadable label's (`structure.placement-proven`).
                        if reporting { m.unreadableLabelRows.append(contentsOf: restoredEmpty.map(\.row)) }
                        restoredEmpty.removeAll()
                    } else {
                        traced("structure.stray-text", at: p, text(skipped), "")
                        if !s[skipped].allSatisfy(isHeaderScalar) {
                            report("structure.stray-text", .suspicion, .strayBefore(skipped, row: rowIndex, column: column), at: p)
                        }
                    }
                    if ahead.cutMisread {
                        traced("structure.label-cut-misread", at: ahead.start, text(ahead.start..<ahead.end), String(String.UnicodeScalarView(labelScalars.prefix(ahead.cutAt ?? 0))))
                    } else if ahead.cost > 0 {
                        // Read within the edit budget (a numbering's dot lost: 4无让当理由…).
                        traced("structure.template-label", at: ahead.start, text(ahead.start..<ahead.end), label(rowIndex, column))
                    }
                    if let cut = ahead.cutAt { tails.append((column, cut)) }
                    p = ahead.end
                } else {
                    if k == labels.count - 1, let run = surplusBefore, nextDataRow(after: run.row) == rowIndex,
                       surplusIsRow(template, run.values, row: rowIndex, after: run.row, placed: placed, in: stream) {
                        // `structure.surplus-row`: the surplus of the row
                        // before is this row's values (its label lost).
                        takenSurplus = run.values
                        m.surplus -= run.values.count
                        if let f = run.finding, f < m.findings.count, m.findings[f].rule == "structure.surplus-value" { m.findings.remove(at: f) }
                        if let at = line(run.values[0].lowerBound) { m.rowLines[m.rowLines.count - 1] = at }
                        let all = run.values[0].lowerBound..<run.values[run.values.count - 1].upperBound
                        traced("structure.surplus-row", at: all.lowerBound, valueTexts(in: stream, all).joined(separator: " "), label(rowIndex, column))
                        report("structure.surplus-row", .repair, .surplusRow(from: run.row, row: rowIndex, all), at: all.lowerBound)
                    }
                    traced("structure.label-restored", at: p, "", label(rowIndex, column))
                    report("structure.label-restored", .suspicion, .rowRestored(row: rowIndex, column: column),
                           at: p, row: rows[rowIndex].path)
                    labelRestored = true
                    if takenSurplus == nil, k == labels.count - 1, let values = unreadableLabel(template, before: rowIndex, at: p, in: stream) {
                        // `structure.label-unreadable`: OCR's junk where the
                        // row label stands, then values, then the next row's
                        // label: the values are this row's (flagged with the
                        // restored label: placed by their order alone).
                        traced("structure.label-unreadable", at: p, text(p..<values), label(rowIndex, column))
                        if reporting { m.unreadableLabelRows.append(rowIndex) }
                        p = values
                    }
                }
            }
            if let r = resumeAfterHead {
                if p < r.at {
                    traced("structure.stray-text", at: p, text(p..<r.at), "")
                    report("structure.stray-text", .suspicion, .strayBeforeValues(p..<r.at), at: p)
                }
                if p <= r.at { p = r.to }
                resumeAfterHead = nil
            }
            if !isHeader, !labels.isEmpty, pieceMayOpen(at: p, floating, tails, row: rowIndex) { absorb(&p, &floating, &tails, row: rowIndex) }
            // (Asked here first whether a value stands at `p`, as
            // `displacedHead` asks: most rows' values do, and the call, which
            // copies the template it captures, is not made.)
            if !isHeader, !labels.isEmpty, takenSurplus == nil, valueEnd(in: stream, at: p) == nil, let head = displacedHead(after: rowIndex, at: p) {
                // This row's values stand past the next row's label head (a
                // label centred on its rows starts above them): read them
                // here, and the head with the next row.
                traced("structure.displaced-values", at: p, text(head), "")
                displaced = (head, p)
                p = head.upperBound
            }
            if !isHeader && labels.isEmpty && valueEnd(in: stream, at: p) == nil {
                // A row of values only (table 四) after headers read line by line:
                // the values start after the scattered header text.
                let q = nextValueStart(in: stream, after: p, limit: rules.matching.resyncWindow)
                if q < stream.count, valueEnd(in: stream, at: q) != nil,
                   s[p..<q].allSatisfy(isHeaderScalar) {
                    traced("structure.header-fragments", at: p, text(p..<q), "")
                    p = q
                }
            }
            if let taken = takenSurplus {
                for (slot, column) in rows[rowIndex].valueColumns.enumerated() {
                    placed[base + column] = .text(taken[slot])
                    m.expected += 1
                    m.valuesExpected += 1
                    m.found += 1
                    m.valuesFound += 1
                    valuesInRow += 1
                }
            }
            for column in rows[rowIndex].valueColumns where takenSurplus == nil {
                m.expected += 1
                m.valuesExpected += 1
                if pieceMayOpen(at: p, floating, tails, row: rowIndex) { absorb(&p, &floating, &tails, row: rowIndex) }
                if let end = valueEnd(in: stream, at: p) {
                    placed[base + column] = .text(p..<end)
                    p = end
                } else if !mayOpenMisreadValue(in: stream, at: p) {
                    continue
                } else if case let end = stream.tokenEnd(from: p),
                          let mapped = rules.valueFromLookalikes(s[p..<end]) {
                    placed[base + column] = .lookalike(p..<end)
                    traced("structure.digit-lookalike", at: p, text(p..<end), String(String.UnicodeScalarView(mapped)))
                    report("structure.digit-lookalike", .repair, .lookalike(p..<end), at: p)
                    p = end
                } else if let mark = ruleMarkInValue(in: stream, at: p) {
                    // `structure.rule-read-as-mark`: 43“116 is 43 | 16 (a rule
                    // OCR read as a quote mark): the digits before the mark are
                    // this value; the next slot reads on after the mark.
                    placed[base + column] = .text(p..<mark)
                    traced("structure.rule-read-as-mark", at: p, text(p..<stream.tokenEnd(from: p)), text(p..<mark) + " " + text((mark + 1)..<stream.tokenEnd(from: mark + 1)))
                    p = mark + 1
                } else {
                    continue
                }
                m.found += 1
                m.valuesFound += 1
                valuesInRow += 1
            }
            if pieceMayOpen(at: p, floating, tails, row: rowIndex) { absorb(&p, &floating, &tails, row: rowIndex) }
            if !isHeader {
                let slots = rows[rowIndex].columnPaths.count
                var missingFinding: Int?
                if valuesInRow < slots, m.found > 0 {
                    // With none, nothing was placed; with some, which slots
                    // they belong to is a guess (filled from the left).
                    report("structure.missing-value", .suspicion, .missingValues(row: rowIndex, found: valuesInRow),
                           at: p, row: valuesInRow == 0 ? nil : rows[rowIndex].path)
                    if reporting { missingFinding = m.findings.count - 1 }
                }
                if labelRestored && valuesInRow == 0 {
                    restoredEmpty.append((rowIndex, missingFinding))
                } else if !restoredEmpty.isEmpty {
                    restoredEmpty.removeAll()
                }
                // Values over: counted; their text is made for the message only.
                let surplusStart = p
                var surplus = 0
                while let end = valueEnd(in: stream, at: p) {
                    surplus += 1
                    p = end
                }
                if surplus > 0 {
                    m.surplus += surplus
                    let surplusEnd = p
                    report("structure.surplus-value", .suspicion, .surplusValues(row: rowIndex, count: surplus, surplusStart..<surplusEnd),
                           at: p, row: rows[rowIndex].path)
                    // Kept for the next row when it is exactly that row's count.
                    if let next = nextDataRow(after: rowIndex), rows[next].valueColumns.count == surplus {
                        var values: [Range<Int>] = [], q = surplusStart
                        while let end = valueEnd(in: stream, at: q) { values.append(q..<end); q = end }
                        surplusRun = (rowIndex, values, reporting ? m.findings.count - 1 : nil)
                    }
                }
                if pieceMayOpen(at: p, floating, tails, row: rowIndex) { absorb(&p, &floating, &tails, row: rowIndex) }
            } else if !restoredEmpty.isEmpty {
                // A header row between: the rows before are no neighbours.
                restoredEmpty.removeAll()
            }
            for (column, read) in tails {
                let tail = rowLabels[column][read...]
                if let found = findLabel(tail, in: stream, at: p, next: nil) {
                    if isHeader, found.skipped > 0, s[p..<p + found.skipped].allSatisfy(isHeaderScalar) {
                        // As for a header label further on: the header text
                        // before the tail is left for the next header rows.
                        traced("structure.header-ahead", at: p + found.skipped, "", label(rowIndex, column))
                        continue
                    }
                    if found.skipped > 0 {
                        let stray = p..<p + found.skipped
                        traced("structure.stray-text", at: p, text(stray), "")
                        report("structure.stray-text", .suspicion, .strayBeforeTail(stray, row: rowIndex, column: column), at: p)
                    }
                    traced("structure.label-tail", at: p, text(p + found.skipped..<found.end), label(rowIndex, column))
                    p = found.end
                } else {
                    report("structure.label-tail", .suspicion, .cutShort(row: rowIndex, column: column, read: read), at: p)
                }
            }
            if !tails.isEmpty { tails.removeAll(keepingCapacity: true) }
            if displaced != nil { displaced!.resume = p }
            m.rowsRead += 1
            // A stretch that matches almost nothing of the template is not this table.
            if m.expected >= rules.matching.stopAfterExpected && m.score < rules.matching.stopBelowShare { break }
        }
        for group in floating where !group.seen {
            report("structure.label-restored", .suspicion, .groupRestored(row: group.row, column: group.column), at: p)
        }
        m.placed = placed
        m.end = max(m.end, p)
        return m
    }

    /// The text of each value token in `range` (which holds values only).
    func valueTexts(in stream: CellStream, _ range: Range<Int>) -> [String] {
        var texts: [String] = []
        var p = range.lowerBound
        while p < range.upperBound, let end = valueEnd(in: stream, at: p) {
            texts.append(stream.text(p..<end))
            p = end
        }
        return texts
    }

    /// End of the value token at `index`, or nil when no value starts there.
    func valueEnd(in stream: CellStream, at index: Int) -> Int? {
        guard index < stream.count else { return nil }
        // Label text, where most asks stand: its first scalar opens no
        // value, and its token's end is not looked for.
        guard rules.valueOpeners.contains(stream.scalars[index]) else { return nil }
        // A token of ASCII digits, most values, is one wherever the grammar
        // says so (`plainDigitsAreValues`): found with the token's end, not
        // asked of the grammar (~17 M instructions of the 1 MB bench).
        let (end, digitsOnly) = stream.tokenEndAndDigits(from: index)
        if digitsOnly && rules.valueGrammar.plainDigitsAreValues { return end }
        return rules.isValue(stream.scalars[index..<end]) ? end : nil
    }

    /// Where a value starts after `index` (a digit that opens a value token),
    /// which a label match must not reach; at most `limit` scalars ahead.
    func nextValueStart(in stream: CellStream, after index: Int, limit: Int) -> Int {
        let stop = min(stream.count, index + limit)
        var q = index + 1
        // The scan for a digit that opens a token reads the stream in
        // place (no bounds checks, no slice retained per scalar); only a
        // digit found is asked whether a value starts there.
        while q < stop {
            q = nextTokenDigit(in: stream, from: q, stop: stop)
            if q < stop, valueEnd(in: stream, at: q) != nil { return q }
            q += 1
        }
        return stop
    }

    /// The first index in `q..<stop` (`q` > 0) holding a digit that opens a
    /// token (a cell starts there, or no digit stands before it); `stop`
    /// when there is none.
    private func nextTokenDigit(in stream: CellStream, from q: Int, stop: Int) -> Int {
        let digits = rules.digits
        return stream.scalars.withUnsafeBufferPointer { scalars in
            stream.cellStart.withUnsafeBufferPointer { cellStart in
                // Buffer positions count from each slice's start.
                let base = stream.scalars.startIndex, cellBase = stream.cellStart.startIndex - base
                var i = q - base
                let end = stop - base
                while i < end {
                    if digits.contains(scalars[i]) && (cellStart[i - cellBase] || !digits.contains(scalars[i - 1])) { return i + base }
                    i += 1
                }
                return stop
            }
        }
    }

    /// Where a label was found, what it cost, and the part of it still to come.
    struct LabelMatch {
        var end: Int
        /// Edits plus skipped stray scalars.
        var cost: Int
        var skipped: Int
        /// Where the label is cut, when only its start stands here (counted
        /// from the label's start): the rest follows the row's values (a cell
        /// cut by a page break or read line by line).
        var cutAt: Int? = nil
        var start: Int = 0
        /// The cut start was found with edits (`structure.label-cut-misread`).
        var cutMisread = false
    }

    /// The label at `index`: exactly; or its start, when a value or the next
    /// label of the row follows (the rest comes later); else within the edit
    /// budget, allowing a few stray scalars before it; else exactly, a little
    /// further on but before the next value.
    /// The label is compared in place (a slice of the template's scalars):
    /// no array is made per try.
    func findLabel(_ label: ArraySlice<Unicode.Scalar>, in stream: CellStream, at index: Int, next: ArraySlice<Unicode.Scalar>?,
                   followedBy groupPiece: (Int) -> Bool = { _ in false }, searchAhead: Int = 80) -> LabelMatch? {
        let s = stream.scalars
        let m = label.count
        guard m > 0, index < s.count else { return nil }
        // Offsets into the label count from its start (a tail's slice starts inside it).
        let first = label.startIndex
        // The common prefix; the whole label when it stands here exactly
        // (four calls in five). Read in place: indexing both slices checked
        // each bound on every scalar (~7 M instructions of the 1 MB bench).
        let k = s.withUnsafeBufferPointer { scalars in
            label.withUnsafeBufferPointer { label in
                // Buffer positions count from each slice's start.
                let at = index - s.startIndex, limit = min(m, s.count - index)
                var k = 0
                while k < limit && scalars[at + k] == label[k] { k += 1 }
                return k
            }
        }
        if k == m { return LabelMatch(end: index + m, cost: 0, skipped: 0) }
        if k >= rules.matching.minLabelPrefix, k < m, index + k < s.count {
            let nextFollows = next.map { n in
                let probe = n.prefix(3)
                return index + k + probe.count <= s.count && s[(index + k)..<(index + k + probe.count)].elementsEqual(probe)
            } ?? false
            if nextFollows || startsValue(in: stream, at: index + k) || groupPiece(index + k) {
                return LabelMatch(end: index + k, cost: 0, skipped: 0, cutAt: k)
            }
        }
        let budget = Int(rules.matching.maxEditShare * Double(m))
        let lead = rules.matching.maxSkippedLead
        let reach = m + lead + budget + 1
        let limit = nextValueStart(in: stream, after: index, limit: reach)
        // Each of the label's scalars that no scalar of the window equals
        // costs an edit in every alignment: with more of them than the
        // budget, no end is within it, and the table below is not filled
        // (most labels tried at a place that holds another cell's text).
        var absent = 0
        if budget > 0 {
            let window = s[index..<limit]
            var i = first
            while i < label.endIndex && absent <= budget {
                if !window.contains(label[i]) { absent += 1 }
                i += 1
            }
        }
        if budget > 0 && absent <= budget {
            let n = limit - index
            // `structure.label-cut-misread`: the window ends where a value
            // starts, and a label's first half or more, a character or two
            // misread, stands before it: the cell's first line, read before
            // the row's values, its rest after them (OCR: （二）部分公开《区分
            // 处理…不计其 | 27 | 15 ⏎ 他情形）). That prefix is the label's
            // start, cut there, when it costs less than the whole label.
            // A whole label only: a label's rest, looked for after the values,
            // is not cut again.
            let cutBeforeValue = first == 0 && n >= 1 && limit < s.count && startsValue(in: stream, at: limit)
            var cutPrefix: (length: Int, cost: Int, skipped: Int)?
            // Semi-global edit distance: leading stream scalars may be skipped at cost 1 each.
            // Its four rows stand on the stack: this runs for every label tried
            // at every position, so no heap arrays per call.
            let big = Int.max / 2
            let best: LabelMatch? = withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * (n + 1)) { buffer in
                buffer.initialize(repeating: 0)
                var previous = UnsafeMutableBufferPointer(rebasing: buffer[0..<(n + 1)])
                var skippedLead = UnsafeMutableBufferPointer(rebasing: buffer[(n + 1)..<(2 * n + 2)])
                var current = UnsafeMutableBufferPointer(rebasing: buffer[(2 * n + 2)..<(3 * n + 3)])
                var currentLead = UnsafeMutableBufferPointer(rebasing: buffer[(3 * n + 3)..<(4 * n + 4)])
                for j in 0...n {
                    previous[j] = j <= lead ? j : big
                    skippedLead[j] = j
                }
                for i in 1...m {
                    current[0] = i
                    currentLead[0] = 0
                    var rowMinimum = i
                    for j in 1...max(1, n) where j <= n {
                        let substitute = previous[j - 1] + (label[first + i - 1] == s[index + j - 1] ? 0 : 1)
                        let delete = previous[j] + 1
                        let insert = current[j - 1] + 1
                        if substitute <= delete && substitute <= insert {
                            current[j] = substitute; currentLead[j] = skippedLead[j - 1]
                        } else if delete <= insert {
                            current[j] = delete; currentLead[j] = skippedLead[j]
                        } else {
                            current[j] = insert; currentLead[j] = currentLead[j - 1]
                        }
                        rowMinimum = min(rowMinimum, current[j])
                    }
                    if cutBeforeValue, i < m, 2 * i >= m, i >= rules.matching.minLabelPrefix,
                       current[n] <= Int(rules.matching.maxEditShare * Double(i)),
                       cutPrefix.map({ current[n] <= $0.cost }) ?? true {
                        cutPrefix = (i, current[n], currentLead[n])
                    }
                    // No cell of a later row is below this row's least (each
                    // comes from one of it, or from the row's start, i, by
                    // adding 0 or 1): past the budget, no end can be within it.
                    if rowMinimum > budget { return nil }
                    swap(&previous, &current)
                    swap(&skippedLead, &currentLead)
                }
                var best: LabelMatch?
                if n >= 1 {
                    for j in 1...n where previous[j] <= budget && (best == nil || previous[j] <= best!.cost) {
                        best = LabelMatch(end: index + j, cost: previous[j], skipped: skippedLead[j])
                    }
                }
                return best
            }
            if let cut = cutPrefix, cut.cost > 0, best.map({ cut.cost < $0.cost }) ?? true,
               restFollowsValues(label[(first + cut.length)...], in: stream, from: limit) {
                return LabelMatch(end: limit, cost: cut.cost, skipped: cut.skipped, cutAt: cut.length, cutMisread: true)
            }
            if let best { return best }
        }
        // Exact, further on, before the next value: stray text stands before the label.
        // (Within `m` scalars no later start leaves room for the whole label.)
        guard searchAhead > 0 else { return nil }
        // The scan for `limit` read the start of this one's window already:
        // a value start it found is the first here too, and where it found
        // none this scan goes on from its end (re-reading that window was
        // ~10 M instructions of the 1 MB bench).
        let zone: Int
        let scanned = min(stream.count, index + reach)
        if searchAhead + m < reach {
            zone = nextValueStart(in: stream, after: index, limit: searchAhead + m)
        } else if limit < scanned || scanned == stream.count {
            zone = limit
        } else {
            zone = nextValueStart(in: stream, after: scanned - 1, limit: index + searchAhead + m - (scanned - 1))
        }
        // Read in place, as the prefix above.
        let ahead: Int? = s.withUnsafeBufferPointer { scalars in
            label.withUnsafeBufferPointer { label in
                let base = s.startIndex, head = label[0]
                var q = index + 1
                while q + m <= zone {
                    if scalars[q - base] == head {
                        var k = 1
                        while k < m && scalars[q - base + k] == label[k] { k += 1 }
                        if k == m { return q }
                    }
                    q += 1
                }
                return nil
            }
        }
        if let q = ahead { return LabelMatch(end: q + m, cost: q - index, skipped: q - index) }
        return nil
    }

    /// Whether a label's rest opens right after the values that start at
    /// `index` (its first two scalars, as written): a start cut by its
    /// row's values is taken only where its rest stands after them, not
    /// where OCR merely lost the label's last character.
    func restFollowsValues(_ rest: ArraySlice<Unicode.Scalar>, in stream: CellStream, from index: Int) -> Bool {
        let s = stream.scalars
        var q = index
        while let end = valueEnd(in: stream, at: q) { q = end }
        let probe = rest.prefix(2)
        return !probe.isEmpty && q + probe.count <= s.count && s[q..<(q + probe.count)].elementsEqual(probe)
    }

    /// Whether a value OCR misread may start at `index` (read with letters
    /// for digits, `structure.digit-lookalike`, or cut by a rule read as a
    /// mark, `structure.rule-read-as-mark`): its first scalar opens a value
    /// or is a letter OCR reads for a digit. A value slot that holds no
    /// value stands mostly at the next row's label, which neither opens:
    /// its cell is then not scanned for lookalikes and marks (~41,000
    /// slots of the 1 MB bench, half of them at such a label).
    func mayOpenMisreadValue(in stream: CellStream, at index: Int) -> Bool {
        guard index < stream.count else { return false }
        let first = stream.scalars[index]
        return rules.valueOpeners.contains(first) || rules.lookalikeLetters.contains(first)
    }

    /// The mark in the token at `index` when it is digits, one of
    /// `ruleReadAsMarks`, and a value after it (43“116): a table rule OCR
    /// read as a quote mark between two cells' numbers; or digits and the
    /// mark ending the token, the next cell opening with a value (37“|21|
    /// 539: the rule read as “ and |, the space before “ gone with stage 1,
    /// as CJK punctuation takes none); nil otherwise.
    func ruleMarkInValue(in stream: CellStream, at index: Int) -> Int? {
        let s = stream.scalars
        guard index < s.count, rules.digits.contains(s[index]) else { return nil }
        let end = stream.tokenEnd(from: index)
        var q = index
        while q < end && rules.digits.contains(s[q]) { q += 1 }
        guard q < end, rules.ruleReadAsMarks.contains(s[q]) else { return nil }
        if q + 1 == end { return valueEnd(in: stream, at: end) != nil ? q : nil }
        guard rules.digits.contains(s[q + 1]), rules.isValue(s[(q + 1)..<end]) else { return nil }
        return q
    }

    /// Where this row's values start when its label is unreadable: text
    /// that no value starts in, at most `unreadableLabelReach` scalars
    /// (OCR's junk for the label: L局于国家短 for 1.属于国家秘密), then one
    /// value or more, then the next data row's label (whole, or its start
    /// cut by that row's values), a few stray scalars at most before it:
    /// the readable neighbour pins the junk to this row. Nil otherwise.
    func unreadableLabel(_ template: TableTemplate, before rowIndex: Int, at index: Int, in stream: CellStream) -> Int? {
        guard let nextRow = template.nextDataRow[rowIndex], valueEnd(in: stream, at: index) == nil else { return nil }
        let reach = rules.matching.unreadableLabelReach
        guard reach > 0, let nextLabel = template.rows[nextRow].labelScalars.last(where: { !$0.isEmpty }) else { return nil }
        let q = nextValueStart(in: stream, after: index, limit: reach + 1)
        guard q < stream.count, q - index <= reach, valueEnd(in: stream, at: q) != nil else { return nil }
        var end = q
        while let e = valueEnd(in: stream, at: end) { end = e }
        guard let next = findLabel(nextLabel[...], in: stream, at: end, next: nil, searchAhead: 0),
              next.skipped <= rules.matching.maxSkippedLead else { return nil }
        return q
    }

    /// A value token starts at `index`.
    func startsValue(in stream: CellStream, at index: Int) -> Bool {
        valueEnd(in: stream, at: index) != nil
    }

    /// The label (or its start followed by a value) further on, within
    /// `resyncWindow` scalars: for a row stuck before text that fits no cell.
    func findAhead(_ label: ArraySlice<Unicode.Scalar>, in stream: CellStream, from index: Int) -> LabelMatch? {
        let s = stream.scalars
        let stop = min(s.count, index + rules.matching.resyncWindow)
        let probe = min(label.count, rules.matching.minLabelPrefix)
        // A start that agrees with half the label's opening
        // (OCR: 二、林年新收… for 一、本年新收…) is tried in full.
        let opening = label.prefix(probe)
        var q = index + 1
        while q + probe <= stop {
            q = nextAgreeing(opening, in: s, from: q, stop: stop)
            guard q + probe <= stop else { break }
            if let found = findLabel(label, in: stream, at: q, next: nil, searchAhead: 0), found.skipped == 0 {
                var match = found
                match.start = q
                return match
            }
            q += 1
        }
        return nil
    }

    /// The first position `q` from `from` (while `q + opening.count <= stop`)
    /// where at least half of `opening`'s scalars stand in place; a position
    /// past that when there is none. Read in place, and a position is left
    /// as soon as too many of its scalars disagree: `findAhead` asks this of
    /// up to `resyncWindow` positions per call.
    private func nextAgreeing(_ opening: ArraySlice<Unicode.Scalar>, in s: ArraySlice<Unicode.Scalar>, from: Int, stop: Int) -> Int {
        let probe = opening.count
        // `agree * 2 >= probe`: at most this many may disagree.
        let allowedMisses = probe - (probe + 1) / 2
        return s.withUnsafeBufferPointer { scalars in
            opening.withUnsafeBufferPointer { opening in
                let base = s.startIndex
                var q = from - base
                let end = stop - base
                if probe == 4 {
                    // The usual opening (`minLabelPrefix` scalars): its four
                    // comparisons made without a branch each, at least two
                    // of them equal (as `allowedMisses` says for four).
                    let (o0, o1, o2, o3) = (opening[0], opening[1], opening[2], opening[3])
                    // Or with its second scalar lost, where that is a
                    // numbering's dot: OCR drops it (4无让当理由… for
                    // 4.无正当理由…), which shifts the rest by one. Only such
                    // labels are read so: for the others the shifted reading
                    // found nothing the match kept and cost 8.9 M instructions
                    // of the 1 MB bench (callgrind, 2,229.5 → 2,220.6 M).
                    let dotMayBeLost = o1 == "."
                    while q + 4 <= end {
                        // Two of four agreeing take one of the first three
                        // (all three differing leaves the fourth alone), and
                        // the shifted reading its first or second: most
                        // positions (label text of other rows) agree in none
                        // and are passed on these, before the counts below.
                        guard scalars[q] == o0 || scalars[q + 1] == o1 || scalars[q + 2] == o2
                                || (dotMayBeLost && scalars[q + 1] == o2) else { q += 1; continue }
                        let agree = (scalars[q] == o0 ? 1 : 0) + (scalars[q + 1] == o1 ? 1 : 0)
                            + (scalars[q + 2] == o2 ? 1 : 0) + (scalars[q + 3] == o3 ? 1 : 0)
                        if agree >= 2 { return q + base }
                        if dotMayBeLost && (scalars[q] == o0 ? 1 : 0) + (scalars[q + 1] == o2 ? 1 : 0)
                            + (scalars[q + 2] == o3 ? 1 : 0) >= 2 { return q + base }
                        q += 1
                    }
                    return q + base
                }
                while q + probe <= end {
                    var misses = 0, k = 0
                    while k < probe && misses <= allowedMisses {
                        if scalars[q + k] != opening[k] { misses += 1 }
                        k += 1
                    }
                    if misses <= allowedMisses { return q + base }
                    q += 1
                }
                return q + base
            }
        }
    }

    /// The label's scalars stand in order from `index`, each within
    /// `maxScatterGap` of the previous, before the next value (`stop`, as
    /// `nextValueStart` within `resyncWindow` gives it) and before the label
    /// stands there whole. Read in place (no slice per position compared).
    func scattered(_ label: [Unicode.Scalar], in stream: CellStream, from index: Int, stop: Int) -> Bool {
        guard let first = label.first, stop > index else { return false }
        let gap = rules.matching.maxScatterGap
        return stream.scalars.withUnsafeBufferPointer { scalars in
            label.withUnsafeBufferPointer { label in
                // Buffer positions count from the slice's start.
                let base = stream.scalars.startIndex
                let m = label.count
                // Where the label stands whole further on, it is another cell's (a
                // later row's copy of it): the chain must end before that.
                var end = stop
                if m <= stop - index {
                    var q = index
                    search: while q <= stop - m {
                        if scalars[q - base] == first {
                            var k = 1
                            while k < m && scalars[q - base + k] == label[k] { k += 1 }
                            if k == m { end = q; break search }
                        }
                        q += 1
                    }
                }
                // Any occurrence of the first character may open the chain.
                var start = index
                while start < end {
                    if scalars[start - base] == first {
                        var q = start
                        var complete = true
                        var k = 1
                        while k < m {
                            let c = label[k]
                            let limit = min(end, q + 1 + gap)
                            var r = q + 1
                            while r < limit && scalars[r - base] != c { r += 1 }
                            guard r < limit else { complete = false; break }
                            q = r
                            k += 1
                        }
                        if complete { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}

extension TemplateMatcher {
    /// The label is spelled exactly by a piece of one header line and a
    /// piece of the line above or below it, in either order, in the header
    /// text from `index` to `stop`: a header cell drawn on two lines whose
    /// lines the extractor printed in another order than drawn (Chromium's
    /// 商业企⏎业 under pdftotext -layout: 业 on the line above 商业企, so its
    /// characters never stand in order). Stage 1 has joined each header
    /// line's cells (商业企科研机法律服务其总), so a piece is any run of a line.
    func spelledByLinePieces(_ label: [Unicode.Scalar], in stream: CellStream, from index: Int, stop: Int) -> Bool {
        let m = label.count
        guard m > 1, stop > index, !stream.lineNumbers.isEmpty else { return false }
        let s = stream.scalars, numbers = stream.lineNumbers
        // Each of the label's scalars in the header text: most missing
        // headers fail here, before any line is gathered.
        guard label.allSatisfy({ s[index..<stop].contains($0) }) else { return false }
        // The header text's lines, each with its source line number and
        // the longest head of the label it holds (label[..<head], at most
        // m - 1 scalars; 0: none). A line that holds a head holds every
        // shorter one, and a line that holds a tail (label[k...]) holds
        // every shorter one: the label is spelled across two lines next to
        // each other, cut at some k, exactly when one holds a head and the
        // other the tail after its longest head. So each line is read for
        // its heads once, not again for each of the m - 1 cuts (~30,000
        // instructions a call that gets this far, on the 1 MB bench).
        var lines: [(range: Range<Int>, number: Int, head: Int)] = []
        var q = index
        while q < stop {
            var e = q + 1
            while e < stop && numbers[e] == numbers[q] { e += 1 }
            var head = 0
            while head < m - 1 && ReadingOrderRecovery.contains(s[q..<e], label[...head]) { head += 1 }
            lines.append((q..<e, numbers[q], head))
            q = e
        }
        for first in lines where first.head > 0 {
            let tail = label[first.head...]
            for second in lines where abs(second.number - first.number) == 1 && ReadingOrderRecovery.contains(s[second.range], tail) {
                return true
            }
        }
        return false
    }
}
