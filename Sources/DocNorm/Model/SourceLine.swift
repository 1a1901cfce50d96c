/// One line of the decoded, character-normalized input, with its 1-based number
/// in the input. Stages 1 and 2 keep line numbers so every finding can point back.
public struct SourceLine: Sendable, Equatable {
    public var text: String
    // Stored as 32-bit values: a document holds one SourceLine per line (ten
    // million for 10 MB of line breaks), and 24 bytes instead of 40 each is
    // the difference between fitting the memory budget and not. The indent
    // shares a word with the width (its top 8 bits) for that reason.
    private var storedNumber: Int32
    private var storedLayout: UInt32

    public var number: Int {
        get { Int(storedNumber) }
        set { storedNumber = Int32(clamping: newValue) }
    }

    /// Display columns of the line as extracted (before spaces were removed
    /// and full-width forms folded): how far it reached across the page,
    /// which is the evidence for a hard wrap. Nil when unknown. (Kept up to
    /// 2^24 − 2 columns; a longer line reads as that many.)
    public var extractedColumns: Int? {
        get { storedLayout & Self.columnMask == Self.columnMask ? nil : Int(storedLayout & Self.columnMask) }
        set { storedLayout = storedLayout & ~Self.columnMask | Self.packedColumns(newValue) }
    }

    /// Display columns of the spaces before the line's text as extracted:
    /// where an extractor that lays text out by columns (pdftotext -layout)
    /// put its first character, the evidence for a run of it that another
    /// baseline cut off (LineRepair's `lines.displaced-run`). Nil when
    /// unknown. (Kept up to 254; a deeper indent reads as that.)
    public var extractedIndent: Int? {
        get { storedLayout >> 24 == Self.unknownIndent ? nil : Int(storedLayout >> 24) }
        set { storedLayout = storedLayout & Self.columnMask | Self.packedIndent(newValue) << 24 }
    }

    private static let columnMask: UInt32 = 0xFF_FFFF
    private static let unknownIndent: UInt32 = 0xFF

    private static func packedColumns(_ columns: Int?) -> UInt32 {
        columns.map { UInt32(clamping: min(max($0, 0), Int(columnMask) - 1)) } ?? columnMask
    }

    private static func packedIndent(_ indent: Int?) -> UInt32 {
        indent.map { UInt32(clamping: min(max($0, 0), Int(unknownIndent) - 1)) } ?? unknownIndent
    }

    public init(number: Int, text: String, extractedColumns: Int? = nil, extractedIndent: Int? = nil) {
        self.text = text
        storedNumber = Int32(clamping: number)
        storedLayout = Self.packedIndent(extractedIndent) << 24 | Self.packedColumns(extractedColumns)
    }
}

/// A line of output text assembled from one or more source lines (a paragraph
/// re-joined from hard wraps, a title split over lines).
public struct LogicalLine: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        case title
        case body
    }

    public var text: String
    public var lines: ClosedRange<Int>
    public var role: Role

    public init(text: String, lines: ClosedRange<Int>, role: Role = .body) {
        self.text = text
        self.lines = lines
        self.role = role
    }
}
