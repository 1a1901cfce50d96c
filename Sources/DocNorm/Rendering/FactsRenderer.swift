/// One value cell of a template table, with what a researcher needs to use it
/// without the document: which table, where in the label hierarchy, whether
/// the table's arithmetic held.
public struct Fact: Codable, Sendable, Equatable {
    /// 1-based position of the table among the document's tables.
    public var table: Int
    public var template: String?
    public var row: [String]
    public var column: [String]
    public var value: String
    /// Whether every arithmetic check of the table held; nil when it had none.
    public var arithmeticHeld: Bool?
}

/// The facts of a document (one per TableRecord of every table), as values or
/// as RFC 4180 CSV rows (CRLF line ends, fields quoted when they hold a comma,
/// a quote or a line break, quotes doubled).
public enum FactsRenderer {
    public static let csvColumns = ["file", "issuing_body", "year", "table", "template", "row", "column", "value", "arithmetic_held"]
    /// Label paths are joined with this in CSV.
    public static let labelSeparator = " / "

    public static func facts(_ document: Document) -> [Fact] {
        var facts: [Fact] = []
        for (index, table) in document.tables.enumerated() {
            let held: Bool? = table.checks.isEmpty ? nil : table.checks.allSatisfy(\.holds)
            for record in table.records {
                facts.append(Fact(table: index + 1, template: table.templateID, row: record.row, column: record.column,
                                  value: record.value, arithmeticHeld: held))
            }
        }
        return facts
    }

    public static var csvHeader: String { csvLine(csvColumns) }

    /// The document's rows, without the header.
    public static func csvRows(_ document: Document, file: String) -> String {
        let body = document.metadata.issuingBody ?? ""
        let year = document.metadata.year.map(String.init) ?? ""
        return facts(document).map { fact in
            csvLine([file, body, year, String(fact.table), fact.template ?? "",
                     fact.row.joined(separator: labelSeparator), fact.column.joined(separator: labelSeparator),
                     fact.value, fact.arithmeticHeld.map { $0 ? "true" : "false" } ?? ""])
        }.joined()
    }

    public static func csvLine(_ fields: [String]) -> String {
        fields.map(csvField).joined(separator: ",") + "\r\n"
    }

    public static func csvField(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return field }
        var quoted = "\""
        for character in field {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
