extension JSONRenderer {
    /// The document as JSON, written straight to bytes by `JSONWriter`: the
    /// same bytes as `renderWithEncoder`, keys in the same sorted order (each
    /// object's keys below are listed sorted by UTF-8 bytes).
    public static func render(_ document: Document) throws -> String {
        var w = JSONWriter(capacity: estimatedSize(document))
        w.beginObject()
        w.key("blocks")
        w.beginArray()
        for block in document.blocks {
            w.element()
            try write(block, &w)
        }
        w.endArray()
        w.key("diagnostics")
        w.beginArray()
        for d in document.diagnostics {
            w.element()
            w.beginObject()
            if let cells = d.cells {
                w.key("cells")
                w.beginObject()
                if let column = cells.column { w.key("column"); w.value(column) }
                if let row = cells.row { w.key("row"); w.value(row) }
                w.key("table"); w.value(cells.table)
                w.endObject()
            }
            w.key("kind"); w.value(d.kind.rawValue)
            if let line = d.line { w.key("line"); w.value(line) }
            w.key("message"); w.value(d.message)
            w.key("rule"); w.value(d.rule)
            w.key("stage"); w.value(d.stage.rawValue)
            w.endObject()
        }
        w.endArray()
        w.key("metadata")
        w.beginObject()
        let m = document.metadata
        if let v = m.encoding { w.key("encoding"); w.value(v) }
        if let v = m.issuingBody { w.key("issuingBody"); w.value(v) }
        if let v = m.reportTitle { w.key("reportTitle"); w.value(v) }
        if let v = m.year { w.key("year"); w.value(v) }
        w.endObject()
        w.key("schema"); w.value(schema)
        if !document.trace.isEmpty {
            w.key("trace")
            w.beginArray()
            for step in document.trace {
                w.element()
                w.beginObject()
                w.key("after"); w.value(step.after)
                w.key("before"); w.value(step.before)
                if let line = step.line { w.key("line"); w.value(line) }
                w.key("rule"); w.value(step.rule)
                w.key("stage"); w.value(step.stage.rawValue)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        w.newline()
        return w.text
    }

    private static func write(_ block: Block, _ w: inout JSONWriter) throws {
        w.beginObject()
        func lines() {
            w.key("lines")
            w.beginArray()
            w.element(); w.value(block.lines.lowerBound)
            w.element(); w.value(block.lines.upperBound)
            w.endArray()
        }
        switch block.kind {
        case .title(let text):
            w.key("kind"); w.value("title")
            lines()
            w.key("text"); w.value(text)
        case .heading(let level, let numbering, let text):
            w.key("kind"); w.value("heading")
            w.key("level"); w.value(level)
            lines()
            if let numbering { w.key("numbering"); write(numbering, &w) }
            w.key("text"); w.value(text)
        case .paragraph(let text, let runIn):
            w.key("kind"); w.value("paragraph")
            lines()
            if let runIn {
                w.key("runIn")
                w.beginObject()
                w.key("level"); w.value(runIn.level)
                w.key("numbering"); write(runIn.numbering, &w)
                w.key("text"); w.value(runIn.text)
                w.endObject()
            }
            w.key("text"); w.value(text)
        case .table(let table):
            let templated = table.templateID != nil
            if templated {
                w.key("checks")
                w.beginArray()
                for c in table.checks {
                    w.element()
                    w.beginObject()
                    w.key("check"); w.value(c.check)
                    w.key("holds"); w.value(c.holds)
                    w.key("left"); try w.value(c.left)
                    w.key("right"); try w.value(c.right)
                    w.key("subject"); w.value(c.subject)
                    w.endObject()
                }
                w.endArray()
            }
            w.key("kind"); w.value("table")
            lines()
            if templated {
                w.key("records")
                w.beginArray()
                for r in table.records {
                    w.element()
                    w.beginObject()
                    w.key("column"); w.value(r.column)
                    w.key("row"); w.value(r.row)
                    w.key("value"); w.value(r.value)
                    w.endObject()
                }
                w.endArray()
            }
            w.key("rows")
            w.beginArray()
            for row in table.grid {
                w.element()
                w.value(row)
            }
            w.endArray()
            w.key("spans")
            w.beginArray()
            for s in table.spans {
                w.element()
                w.beginObject()
                w.key("column"); w.value(s.column)
                w.key("columnSpan"); w.value(s.columnSpan)
                w.key("row"); w.value(s.row)
                w.key("rowSpan"); w.value(s.rowSpan)
                w.endObject()
            }
            w.endArray()
            if let id = table.templateID { w.key("template"); w.value(id) }
        }
        w.endObject()
    }

    private static func write(_ numbering: Numbering, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("style"); w.value(numbering.style)
        w.key("text"); w.value(numbering.text)
        w.key("value"); w.value(numbering.value)
        w.endObject()
    }

    /// Text bytes plus a rough allowance for keys and indentation, so the
    /// buffer seldom grows.
    private static func estimatedSize(_ document: Document) -> Int {
        var size = 1024
        for block in document.blocks {
            switch block.kind {
            case .title(let t), .heading(_, _, let t), .paragraph(let t, _): size += t.utf8.count + 120
            case .table(let table):
                for row in table.grid { for cell in row { size += cell.utf8.count + 12 } }
                size += table.records.count * 200 + table.spans.count * 120 + 200
            }
        }
        for d in document.diagnostics { size += d.message.utf8.count + 150 }
        for t in document.trace { size += t.before.utf8.count + t.after.utf8.count + 150 }
        return size
    }
}
