/// Stage 3, `tables.labelled-columns`, columns between blank lines: what the
/// headers alone leave unplaced in a table read column by column with a
/// blank line at every jump (pdftotext -raw of a Chromium-printed PDF).
///
/// That extractor reads table 二 a column at a time, each column's values
/// down the page, and marks every jump to a place that does not follow (up
/// to the next column's top, or on to a header it draws later) with a blank
/// line. So the values stand in runs of one column each, a blank line
/// between runs, and a column's run follows either its header directly (no
/// blank line between) or, after a jump, the run of the column before it:
///
///       本年制发件数⏎本年废止件数⏎0⏎8⏎⏎0⏎3⏎⏎…本年处理决定数量⏎⏎现行有效件数⏎0⏎57⏎⏎4127⏎362
///
/// Each such run of the values left unplaced goes to the first header still
/// without values: among the headers right above it (lines without a blank
/// between), else among all headers read before it, when that header stands
/// in line with the text before it (no blank line between) or is the last
/// header before the run: a header set apart by blank lines may be a box of
/// its own (pdfminer's), whose place in the reading order says nothing about
/// where its values are unless no other header stands between, or unless
/// the document's arithmetic table shows the extractor marks every step up
/// with a blank line and the headers set apart are followed by exactly as
/// many runs, one per header (本年制发件数⏎⏎本年废止件数⏎⏎0⏎2⏎⏎0⏎0). A run not
/// right under a header must follow a single blank line, or a page break (the
/// page number stage 2 removed, the extractor's form feed) only when it goes
/// to another block than the run before the break: a row read row by row may
/// go down across a page break too, but it stays in its block
/// (现行有效件数⏎0⏎9⏎⏎-2-⏎⏎186: 186 is （五）'s, no row of （一）'s); a run
/// after a page break with only captions before it goes to the one header
/// still without values (本年处理决定数量⏎第二十条第（八）项⏎-2-⏎⏎0⏎0). A header
/// that names a sign (本年增/减) is passed over by the unsigned runs while a
/// signed run (减2) is still to come for it (`reservedForSigns`). Only when every
/// run is exactly its header's column, onto cells nothing else claimed, is
/// any of them placed: then the reading is the extractor's, no other left.
extension LabelledColumnRecovery {
    /// One column's values, read as a run between blank lines.
    struct ColumnRun {
        var block: Int
        var slot: Int
        var values: [(text: String, lineIndex: Int)]
        /// Headers before it still without values that it passed over,
        /// kept for a signed run after it (`reservedForSigns`).
        var passedOver: [String] = []
    }

    /// A header read in the stretch: its block and slot, and its piece.
    struct HeardHeader {
        var block: Int
        var slot: Int
        var piece: Int
    }

    /// The columns the loose values (those no header or row label placed)
    /// make, or nil when they make none or not all of them fit.
    /// `stepsUpMarked`: the document's arithmetic table shows its extractor
    /// marks every step up the page with a blank line (`ColumnOrderEvidence`).
    func columnRuns(_ pieces: [Piece], lines: [SourceLine], heard: [HeardHeader], shape: Shape, claimed: [[Bool]],
                    loose: [(text: String, lineIndex: Int)], stepsUpMarked: Bool = false) -> [ColumnRun]? {
        guard !loose.isEmpty, !heard.isEmpty, let lastLabel = pieces.lastIndex(where: { if case .label = $0 { true } else { false } })
        else { return nil }
        var count: [String: Int] = [:]
        for value in loose { count["\(value.lineIndex)|\(value.text)", default: 0] += 1 }
        // Runs of loose values: adjacent pieces on the same or the next line.
        var runs: [(first: Int, values: [(text: String, lineIndex: Int)])] = []
        for (p, piece) in pieces.enumerated() where p < lastLabel {
            guard case .value(let text, let line) = piece, let n = count["\(line)|\(text)"], n > 0 else { continue }
            count["\(line)|\(text)"] = n - 1
            if let last = runs.last, last.first + last.values.count == p, let previous = last.values.last,
               line - previous.lineIndex <= 1 {
                runs[runs.count - 1].values.append((text, line))
            } else {
                runs.append((p, [(text, line)]))
            }
        }
        guard !runs.isEmpty else { return nil }
        func isHeader(_ p: Int) -> Bool { heard.contains { $0.piece == p } }
        /// One blank line, and no line taken out, between piece `p` and the one before.
        func afterOneBlank(_ p: Int) -> Bool {
            guard p > 0 else { return false }
            let before = pieces[p - 1].lineIndex, at = pieces[p].lineIndex
            return at - before == 2 && ColumnOrderEvidence.isBlank(lines[before + 1])
                && lines[at].number - lines[before].number == 2
        }
        /// Only blank lines, more than one or with lines taken out (a page
        /// number, a form feed), between piece `p` and the one before.
        func afterPageBreak(_ p: Int) -> Bool {
            guard p > 0 else { return false }
            let before = pieces[p - 1].lineIndex, at = pieces[p].lineIndex
            return ColumnOrderEvidence.onlyBlankLines(lines, between: before, and: at)
                && !afterOneBlank(p)
        }
        func rowsOf(_ header: HeardHeader) -> [Int] { shape.blocks[header.block].rows }
        var taken: [(block: Int, slot: Int)] = []
        var columns: [ColumnRun] = []
        let runValues = runs.map(\.values)
        for (r, run) in runs.enumerated() {
            // Headers read before the run whose column nothing holds yet.
            var pending: [HeardHeader] = []
            for header in heard where header.piece < run.first {
                let same = { (b: Int, s: Int) in b == header.block && s == header.slot }
                guard !pending.contains(where: { same($0.block, $0.slot) }), !taken.contains(where: { same($0.block, $0.slot) }),
                      rowsOf(header).allSatisfy({ !claimed[$0][header.slot] }) else { continue }
                pending.append(header)
            }
            let reserved = reservedForSigns(runValues, at: r, pieces: pieces, heard: heard, claimed: claimed, taken: taken, shape: shape)
            let kept = pending.filter { header in reserved.contains { $0.block == header.block && $0.slot == header.slot } }
            pending.removeAll { header in kept.contains { $0.piece == header.piece } }
            // The headers right above the run: header pieces back from it,
            // each on its neighbour's line or the one before.
            var above = Set<Int>()
            var p = run.first - 1, line = run.values[0].lineIndex
            while p >= 0, isHeader(p), line - pieces[p].lineIndex <= 1 {
                above.insert(p)
                line = pieces[p].lineIndex
                p -= 1
            }
            func inLine(_ header: HeardHeader) -> Bool {
                header.piece > 0 && pieces[header.piece].lineIndex - pieces[header.piece - 1].lineIndex <= 1
                    || !heard.contains { $0.piece > header.piece && $0.piece < run.first }
                    || leadsGroup(header)
            }
            /// The header opens the headers right before the run, all of its
            /// block and still without values, and the runs from this one on,
            /// one after another each after a single blank line, are as many
            /// as those headers and each as long as the block has rows: the
            /// headers' cells and their columns were drawn in one order. Only
            /// where the extractor marks every step up with a blank line, as
            /// its reading of the arithmetic table shows: boxes of their own
            /// (pdfminer's) come in an order of their grouping instead.
            func leadsGroup(_ header: HeardHeader) -> Bool {
                let group = header.piece..<run.first
                guard stepsUpMarked, group.count > 1, r + group.count <= runs.count,
                      group.allSatisfy({ p in pending.contains { $0.piece == p && $0.block == header.block } }) else { return false }
                var end = run.first
                for next in runs[r..<(r + group.count)] {
                    guard next.first == end, afterOneBlank(next.first), next.values.count == rowsOf(header).count else { return false }
                    end = next.first + next.values.count
                }
                return true
            }
            // After a page break, the column before it must have been a run
            // of its own (placed just now, ending right before the break),
            // and this one must go to another block.
            let blockBefore: Int? = columns.last.flatMap { last in
                runs.contains { $0.first + $0.values.count == run.first && $0.values.last?.lineIndex == last.values.last?.lineIndex }
                    ? last.block : nil
            }
            let jumped = above.isEmpty && (afterOneBlank(run.first) || afterPageBreak(run.first) && blockBefore != nil)
            // After a page break that follows no run: the one header still
            // without values, when only captions stand between it and the
            // break (its values went on to the next page).
            let acrossBreak: HeardHeader? = above.isEmpty && afterPageBreak(run.first) && blockBefore == nil && pending.count == 1
                && (pending[0].piece + 1..<run.first).allSatisfy { p in
                    if case .label = pieces[p], !isHeader(p) { true } else { false }
                } ? pending[0] : nil
            guard let header = pending.first(where: { above.contains($0.piece) })
                    ?? (jumped ? pending.first.flatMap { inLine($0) ? $0 : nil } : acrossBreak),
                  !(above.isEmpty && afterPageBreak(run.first)) || header.block != blockBefore,
                  rowsOf(header).count == run.values.count, signsFit(run.values, header: pieces[header.piece]) else { return nil }
            taken.append((header.block, header.slot))
            let passedOver = kept.filter { $0.piece < header.piece }.map { shape.blocks[$0.block].headers[$0.slot] }
            columns.append(ColumnRun(block: header.block, slot: header.slot, values: run.values, passedOver: passedOver))
        }
        return columns
    }

    /// The headers that name a sign (本年增/减) kept for the runs after run
    /// `r` that hold one (减2, 增3), when run `r` holds none: pdftotext -raw
    /// of a LibreOffice PDF may draw the signed column after the block's
    /// other columns (上一年项目数量, 处理决定数量, then 本年增/减), and the
    /// unsigned runs before it are the other headers' columns, in their
    /// order. Only when the headers still without values that name a sign
    /// are exactly as many as the signed runs to come, and each of those
    /// runs fits each of them: otherwise nothing is kept, and a signed run
    /// that meets another header places no run (`signsFit`).
    func reservedForSigns(_ runs: [[(text: String, lineIndex: Int)]], at r: Int, pieces: [Piece], heard: [HeardHeader],
                          claimed: [[Bool]], taken: [(block: Int, slot: Int)], shape: Shape) -> [(block: Int, slot: Int)] {
        func signed(_ values: [(text: String, lineIndex: Int)]) -> Bool {
            values.contains { isSigned($0.text) }
        }
        guard !signed(runs[r]) else { return [] }
        let later = runs[(r + 1)...].filter(signed)
        guard !later.isEmpty else { return [] }
        var naming: [HeardHeader] = []
        for header in heard {
            guard case .label(let label, _, _) = pieces[header.piece], namesSign(label),
                  !naming.contains(where: { $0.block == header.block && $0.slot == header.slot }),
                  !taken.contains(where: { $0.block == header.block && $0.slot == header.slot }),
                  shape.blocks[header.block].rows.allSatisfy({ !claimed[$0][header.slot] }) else { continue }
            naming.append(header)
        }
        guard naming.count == later.count,
              later.allSatisfy({ run in naming.allSatisfy { signsFit(run, header: pieces[$0.piece]) } }) else { return [] }
        return naming.map { ($0.block, $0.slot) }
    }

    /// A run holding a change signed with a Han prefix (减2, 增3) fits only a
    /// header that names that prefix (本年增/减): pdftotext -raw of a
    /// LibreOffice PDF gave a block's columns as 上一年项目数量, 处理决定数量,
    /// 本年增/减, not in the headers' order, and the signs are what says so.
    func signsFit(_ values: [(text: String, lineIndex: Int)], header: Piece) -> Bool {
        guard case .label(let label, _, _) = header else { return true }
        return values.allSatisfy { signFits($0.text, under: label) }
    }
}

/// Stage 3, `tables.column-boxes`: a block whose columns came as boxes of
/// their own in an order nothing in the text names (pdfminer of a
/// Chromium-printed PDF).
///
/// pdfminer sets every box apart by a blank line and prints a box's lines
/// top to bottom; a line holds what stands on one baseline, so a box of
/// lines of one number each holds cells stacked one over another: one
/// column's, top to bottom. Chromium's table 二 through pdfminer gives
/// 第（一）项's three headers each as a box, then its three columns as boxes
/// of two numbers in an order of the boxes' grouping, not the headers'
/// (现行有效件数's, 本年制发件数's, the next block's caption, 本年废止件数's:
/// 0⏎5⏎⏎0⏎1⏎第二十条第（五）项⏎⏎0⏎2), and no arithmetic says which box is
/// whose. Every order of the boxes is a reading the text allows; a row whose
/// cell is the same in every box reads the same in all of them (规章 0 0 0),
/// and only such a row is placed. The others stay empty, their values
/// reported.
///
/// Asked only of the stretch of an extractor that reads boxes (a caption
/// set apart, not in line with a header right after it nor at a page's
/// foot: `OneReading`'s test the other way round), and only where the
/// block's headers, each on a line of its own set apart by blank lines, are
/// followed by exactly as many boxes as it has columns, each of exactly its
/// rows' values one a line, every box after a blank line, with nothing
/// between them but captions of blocks whose rows are not as many (a box
/// after such a caption cannot be that block's column), up to the next
/// header or row label; a block with as many rows as columns is left alone.
///
/// The boxes may also stand apart, among other blocks' (2019's 第（一）项
/// through pdfminer: its second box after 第（五）项's caption, its third
/// after 第（九）项's): taken only where every other block is placed whole
/// and the values still loose are exactly such boxes, nothing else left for
/// them to be. An order of the boxes must keep the template's bounds
/// (本年新公开数量 ≤ 对外公开总数量), where any order does: of 规范性文件's
/// 3 3 12 that leaves 3 3 12 and 12 3 3, which agree on 本年新公开数量 alone,
/// and a cell every such order fills alike is placed.
extension LabelledColumnRecovery {
    /// A block read from column boxes in an order nothing names.
    struct ColumnBoxes {
        var block: Int
        /// The boxes' values in reading order, each one column top to bottom.
        var boxes: [[(text: String, lineIndex: Int)]]
        /// Per row of the block (top to bottom) and slot, the value every
        /// reading puts there; nil where readings differ (the cell stays empty).
        var agreed: [[String?]]
        /// The boxes stood apart from the headers, among other blocks'
        /// columns: the rest of the table was placed otherwise.
        var scattered = false
        /// The template's bounds ruled out some orders of the boxes.
        var bounded = false
    }

    /// The blocks of the stretch read as column boxes, whose values are all
    /// still loose and whose cells nothing claimed.
    func columnBoxes(_ pieces: [Piece], lines: [SourceLine], heard: [HeardHeader], shape: Shape, claimed: [[Bool]],
                     loose: [(text: String, lineIndex: Int)], template: TableTemplate) -> [ColumnBoxes] {
        guard readsBoxes(pieces, lines: lines, shape: shape) else { return [] }
        func blankBefore(_ lineIndex: Int) -> Bool { lineIndex > 0 && ColumnOrderEvidence.isBlank(lines[lineIndex - 1]) }
        func blankAfter(_ lineIndex: Int) -> Bool { lineIndex + 1 < lines.count && ColumnOrderEvidence.isBlank(lines[lineIndex + 1]) }
        var found: [ColumnBoxes] = []
        for (b, block) in shape.blocks.enumerated() {
            let rows = block.rows.count, columns = block.headers.count
            guard rows >= 2, columns >= 2, rows != columns,
                  block.rows.allSatisfy({ row in claimed[row].allSatisfy { !$0 } }) else { continue }
            // The block's headers, each once, in consecutive pieces, each a box.
            let heads = heard.filter { $0.block == b }.sorted { $0.piece < $1.piece }
            guard heads.count == columns, Set(heads.map(\.slot)).count == columns,
                  let firstHead = heads.first, let lastHead = heads.last, lastHead.piece - firstHead.piece == columns - 1,
                  heads.allSatisfy({ blankBefore(pieces[$0.piece].lineIndex) && blankAfter(pieces[$0.piece].lineIndex) })
            else { continue }
            var boxes: [[(text: String, lineIndex: Int)]] = []
            var p = lastHead.piece + 1
            walk: while p < pieces.count {
                switch pieces[p] {
                case .value(let text, let lineIndex):
                    if let last = boxes.last?.last, case .value = pieces[p - 1], lineIndex == last.lineIndex + 1 {
                        boxes[boxes.count - 1].append((text, lineIndex))
                    } else {
                        // A new box: after a blank line, alone on its line.
                        guard blankBefore(lineIndex) else { boxes = []; break walk }
                        boxes.append([(text, lineIndex)])
                    }
                    if p + 1 < pieces.count, pieces[p + 1].lineIndex == lineIndex { boxes = []; break walk }
                case .label(_, _, .caption(let c)?) where c != b && shape.blocks[c].rows.count != rows:
                    break
                default:
                    break walk
                }
                p += 1
            }
            var scattered = false
            if boxes.count != columns || !boxes.allSatisfy({ $0.count == rows }) {
                // Not right after the headers: the boxes may stand among
                // other blocks' columns (2019's 第（一）项, whose second box
                // follows 第（五）项's caption and third comes after 第（九）项's).
                // Taken only where every other block is placed whole and
                // what is loose is exactly such boxes.
                guard let apart = scatteredBoxes(pieces, lines: lines, shape: shape, claimed: claimed, loose: loose, block: b)
                else { continue }
                boxes = apart
                scattered = true
            }
            guard boxes.count == columns, boxes.allSatisfy({ $0.count == rows }),
                  boxes.joined().allSatisfy({ value in block.headers.allSatisfy { signFits(value.text, under: $0) } })
            else { continue }
            var count: [String: Int] = [:]
            for value in loose { count["\(value.lineIndex)|\(value.text)", default: 0] += 1 }
            guard boxes.joined().allSatisfy({ value in
                let key = "\(value.lineIndex)|\(value.text)"
                guard let n = count[key], n > 0 else { return false }
                count[key] = n - 1
                return true
            }) else { continue }
            let (agreed, bounded) = agreedCells(boxes, block: block, template: template)
            found.append(ColumnBoxes(block: b, boxes: boxes, agreed: agreed, scattered: scattered, bounded: bounded))
        }
        return found
    }

    /// The loose values as boxes of the block's columns, where they stand
    /// apart from its headers: every other block's cells are all placed,
    /// and the loose values are exactly as many boxes as the block has
    /// columns, each of its rows' values one a line, each after a blank line
    /// (pdfminer sets a box apart so). Nothing else is left for them to be.
    func scatteredBoxes(_ pieces: [Piece], lines: [SourceLine], shape: Shape, claimed: [[Bool]],
                        loose: [(text: String, lineIndex: Int)], block b: Int) -> [[(text: String, lineIndex: Int)]]? {
        let block = shape.blocks[b]
        guard shape.blocks.indices.allSatisfy({ other in
            other == b || shape.blocks[other].rows.allSatisfy { row in claimed[row].allSatisfy { $0 } }
        }) else { return nil }
        var count: [String: Int] = [:]
        for value in loose { count["\(value.lineIndex)|\(value.text)", default: 0] += 1 }
        var boxes: [[(text: String, lineIndex: Int)]] = []
        var previous: Int? = nil
        for (p, piece) in pieces.enumerated() {
            guard case .value(let text, let lineIndex) = piece, let n = count["\(lineIndex)|\(text)"], n > 0 else { continue }
            count["\(lineIndex)|\(text)"] = n - 1
            // Alone on its line.
            if p > 0, pieces[p - 1].lineIndex == lineIndex { return nil }
            if p + 1 < pieces.count, pieces[p + 1].lineIndex == lineIndex { return nil }
            if let previous, previous == p - 1, let last = boxes.last?.last, lineIndex == last.lineIndex + 1 {
                boxes[boxes.count - 1].append((text, lineIndex))
            } else {
                guard lineIndex > 0, ColumnOrderEvidence.isBlank(lines[lineIndex - 1]) else { return nil }
                boxes.append([(text, lineIndex)])
            }
            previous = p
        }
        guard count.values.allSatisfy({ $0 == 0 }), boxes.count == block.headers.count,
              boxes.allSatisfy({ $0.count == block.rows.count }) else { return nil }
        return boxes
    }

    /// A run right after all of a block's headers (or after one of them)
    /// that holds its rows above a page break, as boxes: per column one box
    /// of those rows' values,
    /// each box after a blank line, one value a line (pdfminer sets a box
    /// apart so and orders a page's boxes by their grouping, not by column).
    /// Taken where the stretch reads boxes, no cell of the block is placed,
    /// the block's row labels before the run are exactly its rows above the
    /// break, and the next of its row labels after the run comes past a
    /// line taken out (page furniture: pdfminer prints the page's footer
    /// and then the next page's boxes). Chromium's 2021 第（一）项 cut after
    /// 规章: 0⏎⏎0⏎⏎0, the footer, then 行政规范性文件's label; 2019's
    /// 第（五）项 cut after 行政许可: 上一年项目数量⏎⏎38, 本年增/减⏎减2, …, the footer,
    /// then 其他对外管理服务事项's label.
    func boxesAboveBreak(_ run: [(String, Int)], block b: Int, slots: [Int], pieces: [Piece], lines: [SourceLine], shape: Shape,
                         claimed: [[Bool]]) -> (rows: [Int], boxes: [[(text: String, lineIndex: Int)]])? {
        let block = shape.blocks[b], m = slots.count
        // All of the block's columns (boxes in an order nothing names), or
        // one header's own box (the header names it).
        guard m == 1 || m == block.headers.count, Set(slots).count == m, !run.isEmpty, run.count % m == 0, case let count = run.count / m,
              count < block.rows.count,
              block.rows.allSatisfy({ row in slots.allSatisfy { !claimed[row][$0] } }),
              readsBoxes(pieces, lines: lines, shape: shape),
              let firstPiece = pieces.firstIndex(where: { if case .value(_, let i) = $0 { i == run[0].1 } else { false } }),
              let lastPiece = pieces.firstIndex(where: { if case .value(_, let i) = $0 { i == run[run.count - 1].1 } else { false } })
        else { return nil }
        func row(_ piece: Piece) -> Int? {
            if case .label(_, _, .row(let r)?) = piece, block.rows.contains(r) { r } else { nil }
        }
        // Each value alone on its line.
        for p in firstPiece...lastPiece {
            guard case .value = pieces[p] else { return nil }
            if p > 0, pieces[p - 1].lineIndex == pieces[p].lineIndex { return nil }
            if p + 1 < pieces.count, pieces[p + 1].lineIndex == pieces[p].lineIndex { return nil }
        }
        let above = Array(block.rows.prefix(count))
        guard Set(pieces[..<firstPiece].compactMap(row)) == Set(above),
              let next = pieces[(lastPiece + 1)...].firstIndex(where: { row($0) != nil }), row(pieces[next]) == block.rows[count],
              case let (from, to) = (run[run.count - 1].1, pieces[next].lineIndex),
              (from..<to).contains(where: { lines[$0 + 1].number - lines[$0].number > 1 })
        else { return nil }
        var boxes: [[(text: String, lineIndex: Int)]] = []
        // One header's values may stand in the header's own box, right
        // under it (本年增/减⏎减2).
        let inHeadersBox = m == 1 && firstPiece > 0 && pieces[firstPiece - 1].lineIndex == run[0].1 - 1
        for (k, (text, lineIndex)) in run.enumerated() {
            if k > 0, lineIndex == run[k - 1].1 + 1 {
                boxes[boxes.count - 1].append((text, lineIndex))
            } else {
                guard lineIndex > 0, ColumnOrderEvidence.isBlank(lines[lineIndex - 1]) || (k == 0 && inHeadersBox) else { return nil }
                boxes.append([(text, lineIndex)])
            }
        }
        guard boxes.count == m, boxes.allSatisfy({ $0.count == count }),
              run.allSatisfy({ value in slots.allSatisfy { signFits(value.0, under: block.headers[$0]) } }) else { return nil }
        return (above, boxes)
    }

    /// Per row and slot of the block, the value every order of the boxes
    /// that keeps the template's bounds (本年新公开数量 ≤ 对外公开总数量)
    /// puts there, nil where two such orders differ; and whether the bounds
    /// ruled out an order. Where no order keeps them (an author's figures
    /// may break an implied bound), every order counts.
    func agreedCells(_ boxes: [[(text: String, lineIndex: Int)]], block: Shape.Block,
                     template: TableTemplate) -> (agreed: [[String?]], bounded: Bool) {
        var orders: [[Int]] = [[]]
        for _ in boxes.indices {
            orders = orders.flatMap { order in boxes.indices.filter { !order.contains($0) }.map { order + [$0] } }
        }
        let sites = template.boundSites.filter { site in site.cells.allSatisfy { block.rows.contains($0.row) } }
        func keeps(_ order: [Int]) -> Bool {
            for site in sites {
                let sums = site.sums { row, slot in
                    guard let r = block.rows.firstIndex(of: row), slot < order.count else { return nil }
                    return boundNumber(boxes[order[slot]][r].text)
                }
                if let sums, !sums.keepsBound { return false }
            }
            return true
        }
        let kept = orders.filter(keeps)
        let readings = kept.isEmpty ? orders : kept
        let agreed = block.rows.indices.map { r in
            boxes.indices.map { slot -> String? in
                let text = boxes[readings[0][slot]][r].text
                return readings.allSatisfy { boxes[$0[slot]][r].text == text } ? text : nil
            }
        }
        return (agreed, readings.count < orders.count)
    }

    /// Some caption of the stretch stands apart: not in line with a header
    /// right after it, nor at a page's foot with the page number right
    /// after it. An extractor that reads lines (pdftotext) puts each
    /// caption with its header line; one that reads boxes (pdfminer) does
    /// not (`OneReading`).
    func readsBoxes(_ pieces: [Piece], lines: [SourceLine], shape: Shape) -> Bool {
        for (p, piece) in pieces.enumerated() {
            guard case .label(_, let line, .caption?) = piece else { continue }
            if p + 1 < pieces.count, case .label(_, let nextLine, .header?) = pieces[p + 1], nextLine - line <= 1 { continue }
            if line + 1 < lines.count, lines[line + 1].number - lines[line].number > 1 { continue }
            return true
        }
        return false
    }
}
