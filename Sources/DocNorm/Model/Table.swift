/// A rectangular cell block: a spanning cell's text stands at (row, column) and
/// covers `rowSpan` × `columnSpan` positions.
public struct CellSpan: Codable, Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
}

/// One value cell of a recognised table, with where it sits in the template's
/// label hierarchy, e.g. row [三、本年度办理结果, （三）不予公开, 1.属于国家秘密],
/// column [申请人情况, 法人或其他组织, 商业企业], value "0".
public struct TableRecord: Codable, Sendable, Equatable {
    public var row: [String]
    public var column: [String]
    public var value: String
}

/// One value cell of a template table, by its label paths (as in `TableRecord`).
public struct TableCell: Codable, Sendable, Equatable {
    public var row: [String]
    public var column: [String]

    public init(row: [String], column: [String]) {
        self.row = row
        self.column = column
    }
}

/// The outcome of one arithmetic relation of a template, for one row or column.
public struct ArithmeticCheck: Codable, Sendable, Equatable {
    public var check: String
    /// The row or column the relation was evaluated on.
    public var subject: String
    public var holds: Bool
    public var left: Double
    public var right: Double
    /// Of a relation that fails, the one cell whose value alone explains it
    /// (`structure.arithmetic`, TableArithmetic+LoneSuspect.swift): the
    /// relation puts that cell in doubt, not its whole row or column.
    public var suspect: TableCell? = nil

    public init(check: String, subject: String, holds: Bool, left: Double, right: Double, suspect: TableCell? = nil) {
        self.check = check
        self.subject = subject
        self.holds = holds
        self.left = left
        self.right = right
        self.suspect = suspect
    }
}

/// A table as a rectangular grid of cell texts (spanned positions are empty
/// strings), with the template it matched and what that recovered.
public struct Table: Sendable, Equatable {
    public var grid: [[String]]
    public var spans: [CellSpan]
    public var templateID: String?
    public var records: [TableRecord]
    public var checks: [ArithmeticCheck]

    /// The arrays are held at their size: a table lives as long as its
    /// document, and one grown by appending holds up to twice its elements
    /// (a 100 MB report holds tens of thousands of tables).
    public init(grid: [[String]], spans: [CellSpan] = [], templateID: String? = nil,
                records: [TableRecord] = [], checks: [ArithmeticCheck] = []) {
        self.grid = grid.atItsSize
        self.spans = spans.atItsSize
        self.templateID = templateID
        self.records = records.atItsSize
        self.checks = checks.atItsSize
    }

    public var columnCount: Int { grid.first?.count ?? 0 }
}

extension Array {
    /// The same elements in a buffer of their count (copied when the array
    /// holds more room than that).
    var atItsSize: [Element] {
        capacity > count ? withUnsafeBufferPointer { Array($0) } : self
    }
}
