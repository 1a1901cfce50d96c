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
///
/// A document holds one block per paragraph, so its size counts: headings and
/// tables (few, and large) are boxed, and so is a paragraph's run-in heading
/// (`RunInHeading`), which keeps a block at 48 bytes instead of 104.
public enum BlockKind: Sendable, Equatable {
    case title(String)
    indirect case heading(level: Int, numbering: Numbering?, text: String)
    /// A paragraph; `runIn` is set when it opens with a run-in heading such as
    /// （一）主动公开情况。为保证…
    case paragraph(String, runIn: RunInHeading?)
    indirect case table(Table)
}

/// The heading that opens a paragraph (numbering, heading text, 。, running text).
///
/// A value like any other, its fields kept in one immutable box: one
/// reference in the paragraph's block (see `BlockKind`) instead of 64 bytes
/// that every paragraph paid for whether it had a run-in heading or not.
public struct RunInHeading: Codable, Sendable, Equatable {
    private final class Fields: Sendable {
        let level: Int
        let numbering: Numbering
        let text: String

        init(level: Int, numbering: Numbering, text: String) {
            self.level = level
            self.numbering = numbering
            self.text = text
        }
    }

    private var fields: Fields

    public var level: Int {
        get { fields.level }
        set { fields = Fields(level: newValue, numbering: numbering, text: text) }
    }

    public var numbering: Numbering {
        get { fields.numbering }
        set { fields = Fields(level: level, numbering: newValue, text: text) }
    }

    /// The heading text without numbering and without the closing 。
    public var text: String {
        get { fields.text }
        set { fields = Fields(level: level, numbering: numbering, text: newValue) }
    }

    init(level: Int, numbering: Numbering, text: String) {
        fields = Fields(level: level, numbering: numbering, text: text)
    }

    public static func == (a: RunInHeading, b: RunInHeading) -> Bool {
        a.level == b.level && a.numbering == b.numbering && a.text == b.text
    }

    // What the synthesized conformance did, in the same key order.
    enum CodingKeys: String, CodingKey {
        case level, numbering, text
    }

    public init(from decoder: any Swift.Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(level: try c.decode(Int.self, forKey: .level), numbering: try c.decode(Numbering.self, forKey: .numbering),
                  text: try c.decode(String.self, forKey: .text))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(level, forKey: .level)
        try c.encode(numbering, forKey: .numbering)
        try c.encode(text, forKey: .text)
    }
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
