extension JSONRenderer {
    /// The document as JSON text: `renderUTF8`'s bytes as a string.
    public static func render(_ document: Document) throws -> String {
        String(decoding: try renderUTF8(document), as: UTF8.self)
    }

    /// The document as JSON, written straight to bytes by `JSONWriter`: the
    /// same bytes as `renderWithEncoder`. What the CLI writes, so the output
    /// (about ten times the input) is neither copied out of a `String` nor
    /// validated as one. The writer writes into the result's own storage,
    /// sized by `estimatedSize`; only a document that outgrows it is copied.
    public static func renderUTF8(_ document: Document) throws -> [UInt8] {
        var outgrown: [UInt8]?
        let bytes = try [UInt8](unsafeUninitializedCapacity: estimatedSize(document)) { storage, initialized in
            var w = JSONWriter(into: storage)
            try write(document, &w)
            if w.outgrewStorage { outgrown = w.bytes } else { initialized = w.count }
        }
        return outgrown ?? bytes
    }

    /// The document's object, keys in the order `.sortedKeys` gives (each
    /// object's keys below are listed sorted by UTF-8 bytes).
    private static func write(_ document: Document, _ w: inout JSONWriter) throws {
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
                if let column = cells.column { w.key("column"); w.value(path: column) }
                if let each = cells.each {
                    w.key("each")
                    w.beginArray()
                    for cell in each {
                        w.element()
                        w.beginObject()
                        w.key("column"); w.value(path: cell.column)
                        w.key("row"); w.value(path: cell.row)
                        w.endObject()
                    }
                    w.endArray()
                }
                if let row = cells.row { w.key("row"); w.value(path: row) }
                w.key("table"); w.value(cells.table)
                if let value = cells.value { w.key("value"); w.value(value) }
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
                    if let suspect = c.suspect {
                        w.key("suspect")
                        w.beginObject()
                        w.key("column"); w.value(path: suspect.column)
                        w.key("row"); w.value(path: suspect.row)
                        w.endObject()
                    }
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
                    w.key("column"); w.value(path: r.column)
                    w.key("row"); w.value(path: r.row)
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
}
