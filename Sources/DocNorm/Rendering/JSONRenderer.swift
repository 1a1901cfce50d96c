import FoundationEssentials

/// JSON output, schema `docnorm-document/1` (documented in docs/json-schema.md):
/// metadata, blocks (title, headings with level and numbering, paragraphs
/// with their run-in heading, tables with grid, spans, template, records and
/// arithmetic checks), diagnostics, and with tracing the trace.
public enum JSONRenderer {
    public static let schema = "docnorm-document/1"

    struct Output: Encodable {
        var schema: String
        var metadata: DocumentMetadata
        var blocks: [BlockOut]
        var diagnostics: [Diagnostic]
        var trace: [TraceStep]?
    }

    struct BlockOut: Encodable {
        var kind: String
        var text: String?
        var level: Int?
        var numbering: Numbering?
        var runIn: RunInHeading?
        var rows: [[String]]?
        var spans: [CellSpan]?
        var template: String?
        var records: [TableRecord]?
        var checks: [ArithmeticCheck]?
        /// First and last source line.
        var lines: [Int]
    }

    /// The reference rendering through `JSONEncoder`: `render` (in
    /// JSONRenderer+Streaming.swift) must give the same bytes, and a test checks it.
    static func renderWithEncoder(_ document: Document) throws -> String {
        let blocks = document.blocks.map { block -> BlockOut in
            let lines = [block.lines.lowerBound, block.lines.upperBound]
            switch block.kind {
            case .title(let t):
                return BlockOut(kind: "title", text: t, lines: lines)
            case .heading(let level, let numbering, let t):
                return BlockOut(kind: "heading", text: t, level: level, numbering: numbering, lines: lines)
            case .paragraph(let t, let runIn):
                return BlockOut(kind: "paragraph", text: t, runIn: runIn, lines: lines)
            case .table(let table):
                return BlockOut(kind: "table", rows: table.grid, spans: table.spans, template: table.templateID,
                                records: table.templateID == nil ? nil : table.records,
                                checks: table.templateID == nil ? nil : table.checks, lines: lines)
            }
        }
        let output = Output(schema: schema, metadata: document.metadata, blocks: blocks,
                            diagnostics: document.diagnostics, trace: document.trace.isEmpty ? nil : document.trace)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self) + "\n"
    }
}
