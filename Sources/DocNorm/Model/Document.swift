/// A heading's numbering as written (`一、`, `（一）`, `1.`, `（2）`) and the
/// level recovered for it.
public struct Numbering: Codable, Sendable, Equatable {
    /// The numbering prefix exactly as it stands in the output text.
    public var text: String
    /// The numbering style id from Rules/headings.json.
    public var style: String
    /// The number it denotes (三 → 3).
    public var value: Int
}

/// One block of the document. Blocks are what canonical text separates with
/// exactly one blank line.
public enum BlockKind: Sendable, Equatable {
    case title(String)
    case heading(level: Int, numbering: Numbering?, text: String)
    /// A paragraph; `runIn` is set when it opens with a run-in heading such as
    /// （一）主动公开情况。为保证…
    case paragraph(String, runIn: RunInHeading?)
    case table(Table)
}

/// The heading that opens a paragraph (numbering, heading text, 。, running text).
public struct RunInHeading: Codable, Sendable, Equatable {
    public var level: Int
    public var numbering: Numbering
    /// The heading text without numbering and without the closing 。
    public var text: String
}

public struct Block: Sendable, Equatable {
    public var kind: BlockKind
    /// The source lines this block came from.
    public var lines: ClosedRange<Int>

    public init(_ kind: BlockKind, lines: ClosedRange<Int>) {
        self.kind = kind
        self.lines = lines
    }
}

/// What could be recovered about the report itself.
public struct DocumentMetadata: Codable, Sendable, Equatable {
    public var issuingBody: String?
    public var year: Int?
    /// The report's name, from its title or, without a title, from the text.
    public var reportTitle: String?
    public var encoding: String?

    public init() {}
}

/// The recovered document: the value stage 4 produces and the renderers read.
public struct Document: Sendable, Equatable {
    public var blocks: [Block]
    public var metadata: DocumentMetadata
    public var diagnostics: [Diagnostic]
    public var trace: [TraceStep]

    public init(blocks: [Block], metadata: DocumentMetadata, diagnostics: [Diagnostic] = [], trace: [TraceStep] = []) {
        self.blocks = blocks
        self.metadata = metadata
        self.diagnostics = diagnostics
        self.trace = trace
    }

    public var title: String? {
        if case .title(let t)? = blocks.first?.kind { return t }
        return nil
    }

    public var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0.kind { return t } else { return nil } }
    }
}
