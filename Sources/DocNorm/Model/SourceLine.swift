/// One line of the decoded, character-normalized input, with its 1-based number
/// in the input. Stages 1 and 2 keep line numbers so every finding can point back.
public struct SourceLine: Sendable, Equatable {
    public var text: String
    // Stored as 32-bit values: a document holds one SourceLine per line (ten
    // million for 10 MB of line breaks), and 24 bytes instead of 40 each is
    // the difference between fitting the memory budget and not.
    private var storedNumber: Int32
    private var storedColumns: Int32

    public var number: Int {
        get { Int(storedNumber) }
        set { storedNumber = Int32(clamping: newValue) }
    }

    /// Display columns of the line as extracted (before spaces were removed
    /// and full-width forms folded): how far it reached across the page,
    /// which is the evidence for a hard wrap. Nil when unknown. (Kept up to
    /// 2^31 − 2 columns; a longer line reads as that many.)
    public var extractedColumns: Int? {
        get { storedColumns == Self.unknownColumns ? nil : Int(storedColumns) }
        set { storedColumns = newValue.map { Int32(clamping: min($0, Int(Int32.max) - 1)) } ?? Self.unknownColumns }
    }

    private static let unknownColumns = Int32.max

    public init(number: Int, text: String, extractedColumns: Int? = nil) {
        self.text = text
        storedNumber = Int32(clamping: number)
        storedColumns = extractedColumns.map { Int32(clamping: min($0, Int(Int32.max) - 1)) } ?? Self.unknownColumns
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
