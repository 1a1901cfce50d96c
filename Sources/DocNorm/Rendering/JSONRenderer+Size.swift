extension JSONRenderer {
    /// A little more than the document's JSON takes: its strings' bytes plus
    /// what the layout adds around each (keys, quotes, indentation, numbers),
    /// counted per block, table row, cell, record, span, check and
    /// diagnostic. `renderUTF8` writes into storage of this size, so that
    /// the output is not copied again; space never written costs no memory
    /// (its pages are never touched), while a document that outgrows it
    /// costs a copy. Only escapes (six bytes for one) make it too small.
    static func estimatedSize(_ document: Document) -> Int {
        var size = 1024
        func labels(_ path: [String]) -> Int {
            var n = 0
            for label in path { n += label.utf8.count + 20 }
            return n
        }
        func numbering(_ n: Numbering) -> Int { n.text.utf8.count + n.style.utf8.count + 150 }
        for block in document.blocks {
            size += 160  // braces, kind, lines
            switch block.kind {
            case .title(let text): size += text.utf8.count
            case .heading(_, let n, let text): size += text.utf8.count + 30 + (n.map(numbering) ?? 0)
            case .paragraph(let text, let runIn):
                size += text.utf8.count
                if let runIn { size += runIn.text.utf8.count + numbering(runIn.numbering) + 100 }
            case .table(let table):
                size += 300 + (table.templateID?.utf8.count ?? 0)
                for row in table.grid {
                    size += 30
                    for cell in row { size += cell.utf8.count + 16 }
                }
                size += table.spans.count * 160
                guard table.templateID != nil else { break }
                // A row's records follow one another and share its path's
                // array (the template's): its labels are counted once per run.
                var row = (address: UInt(0), size: 0)
                for record in table.records {
                    let address = record.row.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
                    if address != row.address || address == 0 { row = (address, labels(record.row)) }
                    size += 140 + row.size + labels(record.column) + record.value.utf8.count
                }
                for check in table.checks {
                    size += 220 + check.check.utf8.count + check.subject.utf8.count
                    if let suspect = check.suspect { size += 80 + labels(suspect.row) + labels(suspect.column) }
                }
            }
        }
        for d in document.diagnostics {
            size += 200 + d.message.utf8.count + d.rule.utf8.count
            if let cells = d.cells {
                size += 120 + cells.table.utf8.count + labels(cells.row ?? []) + labels(cells.column ?? []) + (cells.value.map { 12 + $0.utf8.count } ?? 0)
                for cell in cells.each ?? [] { size += 60 + labels(cell.row) + labels(cell.column) }
            }
        }
        for t in document.trace { size += 160 + t.before.utf8.count + t.after.utf8.count + t.rule.utf8.count }
        return size
    }
}
