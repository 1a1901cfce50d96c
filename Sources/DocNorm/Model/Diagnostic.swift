/// The pipeline's stages, in order. The raw value is the stable id used in the
/// trace, in diagnostics and in the JSON schema.
public enum StageID: String, Codable, Sendable, CaseIterable {
    case decode
    case normalize
    case lines
    case tables
    case structure
}

/// A finding about the document: what was repaired, what looks wrong. Findings
/// are data, not errors: the document is still produced.
public struct Diagnostic: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// Something was changed to undo extraction damage (e.g. a table row re-joined).
        case repair
        /// Something looks wrong and was left as it is (e.g. a missing table cell).
        case suspicion
        /// A table's numbers break its template's arithmetic.
        case arithmetic
        /// Values read by OCR that nothing in the document can check (no
        /// relation or bound of their table reads them): not in doubt, but
        /// unconfirmed, so the user is told (`structure.ocr-unverified`).
        /// Below a suspicion: nothing points at these values being wrong.
        case unverified
        /// The input bytes themselves were damaged (e.g. invalid UTF-8).
        case invalidInput = "invalid-input"
    }

    public var stage: StageID
    public var rule: String
    public var kind: Kind
    public var message: String
    /// 1-based line of the (decoded) input the finding is about, when known.
    public var line: Int?
    /// The table values the finding puts in doubt, when it is about values.
    public var cells: DiagnosticCells?

    public init(stage: StageID, rule: String, kind: Kind, message: String, line: Int?, cells: DiagnosticCells? = nil) {
        self.stage = stage
        self.rule = rule
        self.kind = kind
        self.message = message
        self.line = line
        self.cells = cells
    }
}

/// The value cells of a template table a diagnostic is about: every value
/// of the table when `row` and `column` are nil, one row's (or column's)
/// when only that is set, one cell when both are. Paths are the template's
/// label paths, as in `TableRecord` (table 四's one data row has the path []).
public struct DiagnosticCells: Codable, Sendable, Equatable {
    /// The template id (2021-applications).
    public var table: String
    public var row: [String]?
    public var column: [String]?
    /// The text read in the one cell and taken out of it, when the finding
    /// left that cell empty (`structure.value-kind`: a value of the other
    /// kind): a reader of the JSON gets it without parsing the message.
    public var value: String?
    /// Exactly these cells of the table, when set (`row` and `column` are
    /// then absent): a finding about scattered cells, each named, in one
    /// diagnostic (`structure.ocr-unverified`).
    public var each: [TableCell]?

    public init(table: String, row: [String]? = nil, column: [String]? = nil, value: String? = nil, each: [TableCell]? = nil) {
        self.table = table
        self.row = row
        self.column = column
        self.value = value
        self.each = each
    }

    /// Whether the value at `row` × `column` of template `table` is among these cells.
    public func covers(table: String, row: [String], column: [String]) -> Bool {
        guard table == self.table else { return false }
        if let each { return each.contains { $0.row == row && $0.column == column } }
        return (self.row == nil || self.row! == row) && (self.column == nil || self.column! == column)
    }
}

/// One change made by one rule, recorded only when tracing is on, so that every
/// difference between input and output can be explained.
public struct TraceStep: Codable, Sendable, Equatable {
    public var stage: StageID
    public var rule: String
    /// 1-based first source line the change touches.
    public var line: Int?
    public var before: String
    public var after: String

    public init(stage: StageID, rule: String, line: Int?, before: String, after: String) {
        self.stage = stage
        self.rule = rule
        self.line = line
        self.before = before
        self.after = after
    }
}

/// Where stages report what they did. One context per document; not shared
/// between threads.
public final class PipelineContext {
    public let tracing: Bool
    /// Where `measure` adds each stage's time; nil outside benchmarks.
    public let timings: StageTimings?
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var trace: [TraceStep] = []

    /// Whether findings are kept: a probe that only asks whether a reading
    /// changes anything (`tables.settle`) keeps none.
    let collecting: Bool

    public init(tracing: Bool, timings: StageTimings? = nil) {
        self.tracing = tracing
        self.timings = timings
        collecting = true
    }

    init(tracing: Bool, collecting: Bool) {
        self.tracing = tracing
        timings = nil
        self.collecting = collecting
    }

    /// Records a finding. The message is built only when findings are kept:
    /// the probe of `tables.settle` reads every table again and keeps none.
    public func report(_ stage: StageID, _ rule: String, _ kind: Diagnostic.Kind, _ message: @autoclosure () -> String, line: Int?,
                       cells: @autoclosure () -> DiagnosticCells? = nil) {
        guard collecting else { return }
        diagnostics.append(Diagnostic(stage: stage, rule: rule, kind: kind, message: message(), line: line, cells: cells()))
    }

    /// Takes back findings that no longer hold: stage 3 reading its output
    /// back (`tables.settle`) replaces a table and, with it, what was found
    /// matching the table it replaced.
    func withdraw(where shouldWithdraw: (Diagnostic) -> Bool) {
        diagnostics.removeAll(where: shouldWithdraw)
    }

    /// Records a change; callers may skip building `before`/`after` when
    /// `tracing` is false, since the step is dropped then.
    public func traced(_ stage: StageID, _ rule: String, line: Int?, before: @autoclosure () -> String, after: @autoclosure () -> String) {
        guard tracing else { return }
        trace.append(TraceStep(stage: stage, rule: rule, line: line, before: before(), after: after()))
    }
}
