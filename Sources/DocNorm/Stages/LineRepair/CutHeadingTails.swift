import ICUKit

/// Stage 2, `lines.cut-heading-tail`: Tesseract's page segmentation splits
/// a stretch of text into side-by-side blocks where a vertical gap runs down
/// the page, and emits each block whole, one after the other: the left
/// pieces of some lines, then their right pieces. A paragraph's first line
/// that opens with a run-in heading comes out cut inside the heading's
/// title, the title's start a block of its own, its tail (up to the run-in
/// closer) opening a later block, other lines between:
///
///         （三）政府信息管                      （三）政府信息管理情况：我局印发《云…
///
///         公益林补偿资金和采伐许                公益林补偿资金和采伐许
///
///         理情况：我局印发《云岫省林业和草原
///
/// The heading's start is no heading: it is shorter than the column less
/// the first-line indent by more than a title's tail, holds no running text
/// and opens a block. A later block (within
/// `cutHeadingTail.window` lines) whose first line opens with a Han
/// character and whose first mark of running text is a run-in closer
/// (`cutHeadingTail.closers`) within `maxTailColumns` is its tail when the
/// two together are one first line wide (the column less the indent, within
/// `wrap.window`), and the document's other headings of that level are
/// run-in with that closer (so a heading that is a line of its own is never
/// taken for a cut one). Exactly one such block, or nothing moves. The
/// lines after the two, in their blocks, are the paragraph's next lines'
/// left and right pieces while each pair is a line wide (`followingPieces`):
///
///         （三）政府信息管                      （三）政府信息管理情况。按照…重新
///         编制《…指南》，                       编制《…指南》，明确党政办公室为政府信
///         息公开工作机构，7月1日起              息公开工作机构，7月1日起实行公开前“一事一审”。
///         …
///
///         理情况。按照…重新
///         明确党政办公室为政府信
///         实行公开前“一事一审”。
extension LineRepair {
    /// The stretches with each cut heading given its tail back (the tail's
    /// line left blank): the same slices when none is (most documents).
    /// `measured`: the lines' columns as `wrapEvidence` measured them,
    /// updated for the lines changed (-1: not measured).
    func restoreCutHeadingTails(_ segments: [ArraySlice<SourceLine>], fullWidth: Int?, measured: inout [[Int32]],
                                context: PipelineContext) -> [ArraySlice<SourceLine>] {
        guard let full = fullWidth, let rule = file.cutHeadingTail, let closers = cutHeadingClosers else { return segments }
        let firstLine = full - file.wrap.firstLineIndent
        // Headings that open a block and stop short. Most documents have
        // some, but few have a line after one that can be its tail: the
        // document's run-in headings (every numbered line parsed) are read
        // only once a tail is in view (`runIn`, below).
        var candidates: [(segment: Int, index: Int, level: Int)] = []
        for (s, segment) in segments.enumerated() {
            for i in segment.indices where i == segment.startIndex || segment[i - 1].text.isEmpty {
                let text = segment[i].text
                // `levelAndRestOffset` alone (it turns most lines away on
                // their first byte): `opens` before it read a numbered
                // line's head twice, and `parse` copied the numbering and
                // the rest, which is read here where it stands.
                guard let opening = numbering.levelAndRestOffset(text), opening.restUTF8Offset < text.utf8.count,
                      columns(text) + rule.maxTailColumns <= firstLine,
                      !hasRunningText(text, fromUTF8Offset: opening.restUTF8Offset) else { continue }
                candidates.append((s, i, opening.level))
            }
        }
        guard !candidates.isEmpty else { return segments }
        // Run-in headings of the document, by level and closer: read once,
        // from the lines as they came, when first asked.
        var runInRead: Set<String>?
        func runIn() -> Set<String> {
            if let runInRead { return runInRead }
            var read: Set<String> = []
            for segment in segments {
                for line in segment {
                    guard let parsed = numbering.parse(line.text),
                          let closer = runInCloser(String(Substring(parsed.rest)), closers: closers), closer.followed else { continue }
                    read.insert("\(parsed.level)\(closer.mark)")
                }
            }
            runInRead = read
            return read
        }
        var result = segments
        for candidate in candidates {
            let s = candidate.segment, h = candidate.index
            let heading = result[s][h].text
            guard !heading.isEmpty else { continue }
            let headingColumns = columns(heading)
            var found: Int?, ambiguous = false, seen = 0
            var j = h + 1
            while j < result[s].endIndex && seen < rule.window {
                let text = result[s][j].text
                if !text.isEmpty {
                    seen += 1
                    if result[s][j - 1].text.isEmpty, let first = text.firstScalar, Self.isIdeographic(first),
                       !numbering.opens(text), let closer = runInCloser(text, closers: closers, within: rule.maxTailColumns),
                       abs(headingColumns + columns(text) - firstLine) <= file.wrap.window,
                       runIn().contains("\(candidate.level)\(closer.mark)") {
                        if found != nil { ambiguous = true }
                        found = j
                    }
                }
                j += 1
            }
            guard let tail = found, !ambiguous else { continue }
            for (left, right) in [(h, tail)] + followingPieces(result[s], left: h, right: tail, fullWidth: full) {
                let joined = result[s][left].text + result[s][right].text
                // Two steps, each where its text stands: the piece taken
                // from its line, then put after the line it continues (a
                // replay of the trace finds each piece at its own line).
                context.traced(.lines, "lines.cut-heading-tail", line: result[s][right].number,
                               before: result[s][right].text, after: "")
                context.traced(.lines, "lines.cut-heading-tail", line: result[s][left].number,
                               before: result[s][left].text, after: joined)
                result[s][left].text = joined
                result[s][right].text = ""
                let base = result[s].startIndex
                measured[s][left - base] = Int32(clamping: columns(joined))
                measured[s][right - base] = -1
            }
        }
        return result
    }

    /// The lines after the heading's start in its block and after the tail
    /// in the tail's, paired in order while each pair is one line wide (the
    /// column, within `wrap.window`; the paragraph's last no wider and
    /// ending a sentence): the left and right pieces of the heading's
    /// paragraph's next lines, which the two blocks held too.
    func followingPieces(_ lines: ArraySlice<SourceLine>, left heading: Int, right tail: Int, fullWidth: Int) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var l = heading + 1, r = tail + 1
        let window = file.wrap.window
        while l < tail, r < lines.endIndex {
            let left = lines[l].text, right = lines[r].text
            guard !left.isEmpty, !right.isEmpty, !numbering.opens(left), !numbering.opens(right) else { break }
            let width = columns(left) + columns(right)
            guard abs(width - fullWidth) <= window || (endsSentence(right) && width <= fullWidth + window) else { break }
            pairs.append((l, r))
            l += 1
            r += 1
        }
        return pairs
    }

    /// The first mark of running text in `text` when it is one of `closers`:
    /// the mark, the columns up to and with it, and whether text follows it.
    /// `within`: the most columns it may take (nil when none stands there,
    /// told without reading further). Read from the UTF-8 in place (the
    /// scalar view's steps were most of the cost of `lines.cut-heading-tail`
    /// on a document with headings that stop short).
    func runInCloser(_ text: String, closers: ScalarSet, within limit: Int = .max) -> (mark: Unicode.Scalar, columns: Int, followed: Bool)? {
        func closer(_ bytes: UnsafeBufferPointer<UInt8>) -> (mark: Unicode.Scalar, columns: Int, followed: Bool)? {
            var width = 0, i = 0
            while i < bytes.count {
                let (value, length) = decodeUTF8Scalar(bytes, at: i)
                width += value < 0x10000 ? Int(Self.widths[Int(value)]) : 2
                guard width <= limit else { return nil }
                i += length
                if runningText.contains(value) {
                    guard closers.contains(value) else { return nil }
                    return (Unicode.Scalar(value).unsafelyUnwrapped, width, i < bytes.count)
                }
            }
            return nil
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(closer) { return found }
        var text = text
        return text.withUTF8(closer)
    }
}
