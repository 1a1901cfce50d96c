/// Stage 2, the top of the document, which is often set apart in a larger font:
///
/// - `lines.join-title`: a title split over the first lines (…工作年度报⏎告) is
///   joined when the joined text ends with a title ending from the rules,
///   no part ends a sentence and none opens with heading numbering; a title
///   is never invented.
/// - `lines.join-top-block`: the lines before the first heading, when they
///   share a column of their own narrower than the body's (a preamble styled
///   like a title: bold, centred, large), are wrapped against that column.
/// - `lines.join-section-title`: a section heading (一、 numbering, Rules/
///   structure.json `sectionTitles`) whose title is a proper prefix of a
///   known section title goes on in the next line when that line is exactly
///   the rest of the title, across blank lines and whatever the widths: OCR
///   sets the title's wrap apart as a paragraph of its own
///   (三、收到和处理政府信息公 ⏎⏎ 开申请情况), or that rest misread with the
///   noise of an underline in it (`sectionTitles.noise`: 二、主动公 ⏎⏎
///   \开政府信  /心\ 息情况), within the edit allowance stage 4 restores a
///   noisy title by (`structure.section-title`). Nothing else is joined so.
/// - `lines.section-heading-alone`: a section heading whose title is a
///   known section title, or one stage 4 restores (`structure.section-title`:
///   二、主动公\开政府言息情况), takes nothing after it as a wrap: OCR's stray
///   fragment below it (，累, which no line starts with) is no part of it.
///   Nor does any section heading, its title known or not, take a line of
///   a table's values (`isValuesLine`) as a wrap (fuzz item 44).
extension LineRepair {
    /// Whether `line`, a section heading whose title is cut short, goes on
    /// in `next`, the rest of that title (`lines.join-section-title`).
    /// `lineNumbered`: whether numbering opens `line` (`NumberedLines`),
    /// asked only of a `next` short enough to be a title's rest.
    func completesSectionTitle(_ line: String, with next: String, lineNumbered: @autoclosure () -> Bool) -> Bool {
        let titles = structure.sectionTitles
        guard next.utf8.count < titles.longestUTF8, lineNumbered(),
              let parsed = numbering.parse(line), parsed.numbering.style == titles.style else { return false }
        return titles.completes(parsed.rest, with: next) || titles.completesThroughNoise(parsed.rest, with: next)
    }

    /// Whether `line` is a section heading (`sectionTitles.style` numbering)
    /// whose title is a known section title as written or as stage 4
    /// restores it (`SectionTitles.restored`): a line of its own
    /// (`lines.section-heading-alone`).
    func standsAsSectionHeading(_ line: String) -> Bool {
        let titles = structure.sectionTitles
        guard line.utf8.count < titles.longestUTF8 * 2, let parsed = numbering.parse(line), parsed.numbering.style == titles.style else { return false }
        return titles.isKnown(parsed.rest) || titles.restored(parsed.rest, misreadEndings: structure.notHeadingEndings) != nil
    }

    /// The title at the top, joined from up to `maxLines` lines, and how many
    /// lines it used; nil when the first lines do not form a title.
    func joinedTitle(_ lines: ArraySlice<SourceLine>, context: PipelineContext) -> (line: LogicalLine, count: Int)? {
        var text = ""
        guard let head = lines.first else { return nil }
        for (i, line) in lines.prefix(file.title.maxLines).enumerated() {
            // No line of a title opens with heading numbering, its first
            // either: a section heading at the top (四、…情况 before a title
            // cut in two) joined with the lines after it was no title, and a
            // second run, finding the heading's mark restored, joined it so
            // (fuzz item 41).
            if line.text.containsTab || endsSentence(line.text) || startsWithNumbering(line.text) { return nil }
            if i > 0, let misread = misreadTitleEnd(text, line.text) {
                context.traced(.lines, "lines.title-misread-end", line: head.number,
                               before: lines.prefix(i + 1).map(\.text).joined(separator: "⏎"), after: misread)
                return (LogicalLine(text: misread, lines: head.number...line.number, role: .title), i + 1)
            }
            text = i == 0 ? line.text : join(text, line.text)
            if columns(text) > file.title.maxColumns { return nil }
            if file.title.endings.contains(where: { text.hasSuffix($0) }) {
                if i > 0 {
                    context.traced(.lines, "lines.join-title", line: head.number,
                                   before: lines.prefix(i + 1).map(\.text).joined(separator: "⏎"), after: text)
                }
                return (LogicalLine(text: text, lines: head.number...line.number, role: .title), i + 1)
            }
        }
        return nil
    }

    /// The title `text` with its last character back, where `next`, a line
    /// of its own, is that character as OCR misread it
    /// (`lines.title-misread-end`, Rules/lines.json `title.misreadEnd`):
    /// `text` ends with one of `stems` (年度报, a title ending's stem), and
    /// `next` is at most `maxScalars` ASCII letters or marks, no digit and
    /// no Han (Tesseract read the larger title's 告 as ZE on a line of its
    /// own, after a blank line); the result ends with a title ending.
    /// Nil otherwise: a title is never invented.
    func misreadTitleEnd(_ text: String, _ next: String) -> String? {
        guard let misread = file.title.misreadEnd, misread.stems.contains(where: { text.hasSuffix($0) }) else { return nil }
        var count = 0
        for scalar in next.unicodeScalars where scalar != " " {
            count += 1
            // A printable ASCII character that is no digit: a letter or a mark.
            guard count <= misread.maxScalars, scalar.value > 0x20, scalar.value < 0x7F, !(0x30...0x39).contains(scalar.value) else { return nil }
        }
        guard count > 0 else { return nil }
        let title = text + misread.last
        return file.title.endings.contains(where: { title.hasSuffix($0) }) ? title : nil
    }

    /// The column of the block at the top (the lines before the first one
    /// opening with heading numbering) and the index where the block ends,
    /// when the block ends a sentence and its own line widths peak (measured
    /// as for the body) well short of the body column.
    /// `context`: where to trace the block found; nil to look without tracing.
    /// `measured`: `wrapEvidence`'s columns of the lines (by offset from
    /// `lines.startIndex`, -1 where it measured none), read instead of
    /// measuring each line again; empty where none are known.
    func topBlockColumn(_ lines: ArraySlice<SourceLine>, bodyWidth: Int?, measured: ArraySlice<Int32> = [],
                        context: PipelineContext?) -> (width: Int, end: Int)? {
        let end = lines.firstIndex { startsWithNumbering($0.text) || $0.text.containsTab } ?? lines.endIndex
        let block = lines[lines.startIndex..<end]
        guard block.count >= file.wrap.minLines, let last = block.last, endsSentence(last.text) else { return nil }
        // `columnWidth(block)`, its widths read where measured.
        var widths: [Int] = []
        widths.reserveCapacity(block.count)
        for (offset, line) in block.enumerated() {
            let k = measured.startIndex + offset
            if k < measured.endIndex, measured[k] >= 0 {
                widths.append(Int(measured[k]))
            } else if let columns = columnsUnlessTab(line.text) {
                widths.append(columns)
            }
        }
        guard let own = columnWidth(widths: widths) else { return nil }
        if let body = bodyWidth, own >= body - file.wrap.window { return nil }
        context?.traced(.lines, "lines.join-top-block", line: block.first?.number, before: "\(block.count) lines at the top",
                       after: "a column of their own, \(own) display columns")
        return (own, end)
    }
}
