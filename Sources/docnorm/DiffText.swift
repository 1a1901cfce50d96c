import DocNorm

/// ANSI colours for the terminal views; empty strings when colour is off.
struct Palette {
    let deleted, inserted, hunk, note, reset: String

    init(enabled: Bool) {
        deleted = enabled ? "\u{1B}[31m" : ""
        inserted = enabled ? "\u{1B}[32m" : ""
        hunk = enabled ? "\u{1B}[36m" : ""
        note = enabled ? "\u{1B}[33m" : ""
        reset = enabled ? "\u{1B}[0m" : ""
    }
}

/// The unified diff. Each hunk header is followed by a `#` line counting the
/// stage/rule steps on its source lines, and each removed line that a rule
/// changed by a `#` line naming those rules.
enum UnifiedDiffView {
    static func render(_ model: DiffModel, context: Int, palette p: Palette) -> String {
        var out = "--- raw/\(model.name)\t(\(model.encoding), decoded)\n+++ normalized/\(model.name)\n"
        for step in model.wholeDocument {
            out += "\(p.note)# whole document \(step.stage.rawValue)/\(step.rule): \(clip(step.before)) → \(clip(step.after))\(p.reset)\n"
        }
        for hunk in LineDiff.hunks(model.edits, context: context) {
            out += p.hunk + "@@ -\(range(hunk.old)) +\(range(hunk.new)) @@" + p.reset + "\n"
            out += "\(p.note)# \(model.summary(of: hunk))\(p.reset)\n"
            for edit in hunk.edits {
                switch edit.operation {
                case .equal: out += " " + model.raw[edit.old!] + "\n"
                case .delete:
                    out += p.deleted + "-" + model.raw[edit.old!] + p.reset + "\n"
                    let rules = model.rules(onLine: edit.old!)
                    if !rules.isEmpty { out += "\(p.note)#   ↑ L\(edit.old! + 1): \(rules.joined(separator: ", "))\(p.reset)\n" }
                case .insert: out += p.inserted + "+" + model.normalized[edit.new!] + p.reset + "\n"
                }
            }
        }
        return out
    }

    /// `start,count` as unified diffs write it (1-based; start is the line
    /// before an empty range).
    static func range(_ r: Range<Int>) -> String {
        r.isEmpty ? "\(r.lowerBound),0" : r.count == 1 ? "\(r.lowerBound + 1)" : "\(r.lowerBound + 1),\(r.count)"
    }
}

/// Raw on the left, normalized on the right, changed lines paired up; only
/// the hunks, with their stage/rule notes.
enum SideBySideView {
    static func render(_ model: DiffModel, context: Int, width: Int, palette p: Palette) -> String {
        let column = max(10, (width - 3) / 2)
        var out = fit("raw/\(model.name)", column) + "   " + "normalized" + "\n"
        for hunk in LineDiff.hunks(model.edits, context: context) {
            out += p.hunk + "@@ -\(UnifiedDiffView.range(hunk.old)) +\(UnifiedDiffView.range(hunk.new)) @@" + p.reset + "\n"
            out += "\(p.note)# \(model.summary(of: hunk))\(p.reset)\n"
            var deleted: [String] = [], inserted: [String] = []
            func flush() {
                for i in 0..<max(deleted.count, inserted.count) {
                    let left = i < deleted.count ? deleted[i] : nil, right = i < inserted.count ? inserted[i] : nil
                    let mark = left != nil && right != nil ? "|" : left != nil ? "<" : ">"
                    out += p.deleted + fit(left ?? "", column) + p.reset + " \(mark) " + p.inserted + fit(right ?? "", column, pad: false) + p.reset + "\n"
                }
                deleted.removeAll(); inserted.removeAll()
            }
            for edit in hunk.edits {
                switch edit.operation {
                case .equal:
                    flush()
                    out += fit(model.raw[edit.old!], column) + "   " + fit(model.normalized[edit.new!], column, pad: false) + "\n"
                case .delete: deleted.append(model.raw[edit.old!])
                case .insert: inserted.append(model.normalized[edit.new!])
                }
            }
            flush()
        }
        return out
    }

    /// Cuts or pads a line to `width` terminal columns (CJK counts 2).
    static func fit(_ text: String, _ width: Int, pad: Bool = true) -> String {
        var out = "", used = 0
        for scalar in text.replacingNewlines().unicodeScalars {
            let w = DisplayWidth.columns(scalar)
            if used + w > width { break }
            out.unicodeScalars.append(scalar)
            used += w
        }
        return pad ? out + String(repeating: " ", count: max(0, width - used)) : out
    }
}

/// `--stat`: how many changes each stage and rule made, and the line counts.
enum DiffStatView {
    static func render(_ model: DiffModel) -> String {
        var counts: [String: (steps: Int, lines: Set<Int>)] = [:]
        for step in model.document.trace {
            let key = "\(step.stage.rawValue)\t\(step.rule)"
            var c = counts[key] ?? (0, [])
            c.steps += 1
            if let line = step.line { c.lines.insert(line) }
            counts[key] = c
        }
        let order = Dictionary(uniqueKeysWithValues: StageID.allCases.enumerated().map { ($1.rawValue, $0) })
        let keys = counts.keys.sorted { a, b in
            let sa = String(a.split(separator: "\t")[0]), sb = String(b.split(separator: "\t")[0])
            return sa == sb ? a < b : (order[sa] ?? 99) < (order[sb] ?? 99)
        }
        let (deleted, inserted) = model.changeCounts
        var out = "\(model.name): \(model.raw.count) raw lines → \(model.normalized.count) normalized lines, "
            + "\(deleted) removed, \(inserted) added, \(LineDiff.hunks(model.edits).count) hunks\n"
        out += "stage       rule                          changes  lines\n"
        for key in keys {
            let parts = key.split(separator: "\t").map(String.init)
            let c = counts[key]!
            out += pad(parts[0], 11) + " " + pad(parts[1], 29) + " " + pad(String(c.steps), 8) + " " + String(c.lines.count) + "\n"
        }
        let diagnostics = Dictionary(grouping: model.document.diagnostics, by: \.kind.rawValue)
        out += "diagnostics: " + (diagnostics.isEmpty ? "none" : diagnostics.keys.sorted().map { "\($0) \(diagnostics[$0]!.count)" }.joined(separator: ", ")) + "\n"
        return out
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
