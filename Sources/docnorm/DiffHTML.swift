import DocNorm

/// `--html`: one self-contained page (no scripts, no network): raw and
/// normalized side by side, changed lines highlighted, each raw line's stage
/// and rule in its title (hover) and each changed block's rules inline, output
/// lines holding TABs as real tables, and the diagnostics listed.
enum DiffHTMLView {
    /// Unchanged runs longer than this are folded into a <details>.
    static let foldAbove = 12

    static func render(_ model: DiffModel) -> String {
        let (deleted, inserted) = model.changeCounts
        var out = """
            <!DOCTYPE html>
            <html lang="zh">
            <head>
            <meta charset="utf-8">
            <meta name="generator" content="docnorm \(docnormVersion)">
            <title>docnorm diff: \(escape(model.name))</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>docnorm diff: \(escape(model.name))</h1>
            <p class="summary">\(model.raw.count) raw lines (\(escape(model.encoding)), decoded) → \(model.normalized.count) normalized lines: \
            <span class="del">\(deleted) removed</span>, <span class="ins">\(inserted) added</span>, \(model.document.trace.count) trace steps. \
            Hover over a raw line for the stage and rule that changed it.</p>

            """
        out += diagnostics(model)
        out += "<table class=\"diff\">\n<colgroup><col class=\"side\"><col class=\"side\"></colgroup>\n"
        out += "<thead><tr><th>raw (decoded)</th><th>normalized</th></tr></thead>\n<tbody>\n"
        for segment in segments(model.edits) {
            out += row(segment, model)
        }
        out += "</tbody>\n</table>\n</body>\n</html>\n"
        return out
    }

    /// Runs of unchanged lines and runs of changes, in order.
    static func segments(_ edits: [LineDiff.Edit]) -> [[LineDiff.Edit]] {
        var result: [[LineDiff.Edit]] = []
        for edit in edits {
            let changed = edit.operation != .equal
            if let last = result.last?.last, (last.operation != .equal) == changed {
                result[result.count - 1].append(edit)
            } else {
                result.append([edit])
            }
        }
        return result
    }

    static func row(_ segment: [LineDiff.Edit], _ model: DiffModel) -> String {
        let changed = segment[0].operation != .equal
        let oldLines = segment.compactMap { $0.operation == .insert ? nil : $0.old }
        let newLines = segment.compactMap { $0.operation == .delete ? nil : $0.new }
        var left = oldLines.map { rawLine($0, model, changed: changed) }.joined()
        var right = ""
        if changed {
            var rules: [String] = []
            for line in oldLines {
                for step in model.stepsByLine[line + 1] ?? [] where !rules.contains("\(step.stage.rawValue)/\(step.rule)") {
                    rules.append("\(step.stage.rawValue)/\(step.rule)")
                }
            }
            if rules.isEmpty && !oldLines.isEmpty && oldLines.allSatisfy({ model.raw[$0].allSatisfy(\.isWhitespace) }) {
                rules = ["render: blank lines between blocks"]
            }
            right += rules.map { "<span class=\"rule\">\(escape($0))</span>" }.joined(separator: " ")
        }
        right += normalizedLines(newLines, model, changed: changed)
        if !changed && segment.count > foldAbove {
            left = "<details><summary>\(segment.count) unchanged lines</summary>\(left)</details>"
            right = "<details><summary>\(segment.count) unchanged lines</summary>\(right)</details>"
        }
        return "<tr class=\"\(changed ? "changed" : "same")\"><td>\(left)</td><td>\(right)</td></tr>\n"
    }

    static func rawLine(_ index: Int, _ model: DiffModel, changed: Bool) -> String {
        let steps = model.stepsByLine[index + 1] ?? []
        let title = steps.map { "\($0.stage.rawValue)/\($0.rule): \($0.before.replacingNewlines()) → \($0.after.replacingNewlines())" }
            .joined(separator: "\n")
        let titleAttribute = title.isEmpty ? "" : " title=\"\(escape(title))\""
        let classes = "l" + (changed ? " del" : "") + (steps.isEmpty ? "" : " traced")
        return "<div class=\"\(classes)\" id=\"L\(index + 1)\"\(titleAttribute)><span class=\"n\">\(index + 1)</span>\(escape(model.raw[index]))</div>"
    }

    /// Normalized lines; consecutive lines holding a TAB become one <table>.
    static func normalizedLines(_ lines: [Int], _ model: DiffModel, changed: Bool) -> String {
        var out = ""
        var tableRows: [Int] = []
        func flushTable() {
            guard !tableRows.isEmpty else { return }
            out += "<table class=\"cells\(changed ? " ins" : "")\">"
            for index in tableRows {
                let cells = model.normalized[index].split(separator: "\t", omittingEmptySubsequences: false)
                out += "<tr>" + cells.map { "<td>\(escape(String($0)))</td>" }.joined() + "</tr>"
            }
            out += "</table>"
            tableRows.removeAll()
        }
        for index in lines {
            if model.normalized[index].contains("\t") { tableRows.append(index); continue }
            flushTable()
            out += "<div class=\"l\(changed ? " ins" : "")\"><span class=\"n\">\(index + 1)</span>\(escape(model.normalized[index]))</div>"
        }
        flushTable()
        return out
    }

    static func diagnostics(_ model: DiffModel) -> String {
        var out = "<section class=\"diagnostics\">\n<h2>Diagnostics (\(model.document.diagnostics.count))</h2>\n"
        if model.document.diagnostics.isEmpty { return out + "<p>None.</p>\n</section>\n" }
        out += "<ul>\n"
        for d in model.document.diagnostics {
            let line = d.line.map { " <a href=\"#L\($0)\">line \($0)</a>" } ?? ""
            out += "<li class=\"\(escape(d.kind.rawValue))\"><b>\(escape(d.kind.rawValue))</b> <span class=\"rule\">\(escape(d.stage.rawValue))/\(escape(d.rule))</span>\(line): \(escape(d.message))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;margin:1.5em;color:#222}
        h1{font-size:1.3em}h2{font-size:1.1em}
        .summary .del{color:#a00}.summary .ins{color:#070}
        table.diff{border-collapse:collapse;width:100%;table-layout:fixed}
        table.diff>thead th{text-align:left;border-bottom:2px solid #888;padding:.3em}
        table.diff>tbody>tr>td{vertical-align:top;padding:.2em .4em;border-bottom:1px solid #eee;overflow-wrap:anywhere}
        tr.changed>td{background:#fafafa}
        .l{white-space:pre-wrap;tab-size:4;font-family:"Noto Sans Mono CJK SC",monospace;line-height:1.5}
        .l .n{display:inline-block;min-width:3.5em;color:#999;user-select:none}
        .l.del{background:#fde8e8}.l.ins{background:#e3f6e3}
        .l.traced{border-left:3px solid #d49b00;cursor:help}
        .rule{display:inline-block;font:0.75em monospace;background:#fff3c4;border:1px solid #e0c060;border-radius:3px;padding:0 .3em;margin:.1em 0}
        table.cells{border-collapse:collapse;margin:.3em 0}
        table.cells td{border:1px solid #aaa;padding:.15em .4em}
        table.cells.ins td{background:#e3f6e3}
        section.diagnostics li.suspicion b,section.diagnostics li.arithmetic b{color:#a00}
        summary{color:#777;cursor:pointer}
        """
}
