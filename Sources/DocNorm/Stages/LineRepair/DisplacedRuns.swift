/// Stage 2, runs on another baseline:
///
/// - `lines.displaced-run`: a run of Latin digits that opens a line and is set
///   in another font (a Chromium-printed PDF's fallback font for digits) sits
///   on a slightly lower baseline, and pdftotext `-layout` emits it on a line
///   of its own right after the line it opens:
///
///         年，我局因政府信息公开工作被申请行政复议1件，经
///       2019
///
///   The columns say where it belongs: it stands under the first character
///   of the line before (their columns as extracted overlap, which no two
///   parts of one line do), so it is put back at that line's start
///   (2019年，我局…; in a table cell, 3.危及“三安全…); so is a heading
///   number standing right after that first character. A run that stands
///   under the rest of such a line lost its place there too, but where in the
///   line is unknown: it is left on its line and reported.
///
/// Only lines whose indent is known (stage 1 measured it) and not zero take
/// part: text laid out one cell or paragraph per line at the margin, where
/// every value stands under the label before it, never does.
extension LineRepair {
    /// Puts displaced runs back in place, in the one array (no copy).
    func restoreDisplacedRuns(_ lines: inout [SourceLine], context: PipelineContext) {
        let rule = file.displacedRun
        var kept = 0
        for i in lines.indices {
            // The columns `placement` needs first: without them it places
            // nothing, and most short lines (a table's values, text not laid
            // out by columns) were read for their characters only to be
            // found so (89,749 lines asked in the 1 MB bench).
            if kept > 0, lines[i].number == lines[kept - 1].number + 1, (lines[kept - 1].extractedIndent ?? 0) > 0,
               lines[kept - 1].extractedColumns != nil, lines[i].extractedIndent != nil, lines[i].extractedColumns != nil,
               lines[i].text.utf8.count <= rule.maxColumns, isDisplacedRun(lines[i].text) {
                let run = lines[i], line = lines[kept - 1]
                switch placement(of: run, under: line) {
                case .opening:
                    let text = run.text + line.text
                    context.traced(.lines, "lines.displaced-run", line: line.number, before: line.text + "⏎" + run.text, after: text)
                    lines[kept - 1].text = text
                    lines[kept - 1].extractedIndent = run.extractedIndent
                    continue
                case .inside:
                    context.report(.lines, "lines.displaced-run", .suspicion,
                                   "'\(run.text)' stands alone under the text of line \(line.number): a run set on another baseline, cut off from that line, but where in it the run belongs is unknown; left where it stands",
                                   line: run.number)
                case nil:
                    break
                }
            }
            // No write until a run has gone: most documents have none.
            if kept != i { lines.swapAt(kept, i) }
            kept += 1
        }
        lines.removeLast(lines.count - kept)
    }

    /// The line holds nothing but the rule's characters, a digit among them.
    func isDisplacedRun(_ text: String) -> Bool {
        var digit = false
        for s in text.unicodeScalars {
            guard displacedRunCharacters.contains(s) else { return false }
            if ("0"..."9").contains(s) { digit = true }
        }
        // No scalar is wider than its UTF-8 (one column, or two from U+0080
        // on, two bytes or more): a line within the limit in bytes, as every
        // caller has asked already, is not measured again.
        let limit = file.displacedRun.maxColumns
        return digit && (text.utf8.count <= limit || columns(text) <= limit)
    }

    enum RunPlacement {
        /// Under the first character of the line before: it opens that line.
        case opening
        /// Under the rest of the line before: cut off from it, place unknown.
        case inside
    }

    /// Where `run` (the next input line) stands under `line`, when its
    /// columns say it was cut off from it; nil when they do not.
    func placement(of run: SourceLine, under line: SourceLine) -> RunPlacement? {
        // The columns first: a line without them (text not laid out by
        // columns) is not read for its first scalar.
        guard line.number == run.number - 1, let indent = line.extractedIndent, indent > 0, let end = line.extractedColumns,
              let runStart = run.extractedIndent, let runEnd = run.extractedColumns,
              let first = line.text.unicodeScalars.first, cjk.contains(first) else { return nil }
        let firstEnd = indent + Self.columns(CollectionOfOne(first))
        if runStart < firstEnd && runEnd > indent { return .opening }
        // A heading's number (1.) can come out a column late, right after the
        // first character rather than under it (   提高政策解读实效。…⏎     1.):
        // it opens the line all the same when it reads as the numbering of
        // the line's text, which a run cut from inside a line (第⏎3季度) does not.
        if runStart == firstEnd, numbering.opens(run.text + line.text) { return .opening }
        // Under the rest of a line of prose (a table row's label and value end
        // in a digit; its cells keep spaces between them).
        if runStart >= firstEnd, runEnd <= end, !line.text.unicodeScalars.contains(" "),
           let last = line.text.unicodeScalars.last, !("0"..."9").contains(last) {
            return .inside
        }
        return nil
    }
}
