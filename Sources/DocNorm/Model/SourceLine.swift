/// One line of the decoded, character-normalized input, with its 1-based number
/// in the input. Stages 1 and 2 keep line numbers so every finding can point back.
public struct SourceLine: Sendable, Equatable {
    public var number: Int
    public var text: String
    /// Display columns of the line as extracted (before spaces were removed
    /// and full-width forms folded): how far it reached across the page,
    /// which is the evidence for a hard wrap. Nil when unknown.
    public var extractedColumns: Int?

    public init(number: Int, text: String, extractedColumns: Int? = nil) {
        self.number = number
        self.text = text
        self.extractedColumns = extractedColumns
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
