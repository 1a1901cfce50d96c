import Testing
@testable import DocNorm
import DocNormTestSupport

/// The table stage's fast paths give what the slow paths they replace gave.
struct TableSpeedPathTests {
    /// The header labels and all labels a template holds as Characters
    /// (made once, with the template) are its header rows' label cells and
    /// then its rows' path labels, as they were made at each call.
    @Test func templateLabelCharactersAreItsLabels() {
        for template in pipeline.tables.rules.templates {
            let header = template.rows.filter(\.isHeader).flatMap { row in
                row.cells.compactMap { cell -> [Character]? in if case .label(let l) = cell { Array(l) } else { nil } }
            }
            #expect(template.headerLabelCharacters == header)
            #expect(TableRecognizer.labels(template) == header + template.rows.flatMap { $0.path.map { Array($0) } }.filter { !$0.isEmpty })
        }
    }

    /// `tables.debris` reads each line's words (between spaces and TABs)
    /// from its bytes: pieces of the template's labels, values, and a number
    /// glued to a label's end pass; any other word keeps the stretch text.
    @Test func debrisWordsAreLabelPiecesAndNumbers() throws {
        let template = try #require(pipeline.tables.rules.templates.first { $0.id == "2021-applications" })
        let cells = template.rows.reduce(0) { $0 + ($1.isHeader ? 0 : $1.columnPaths.count) }
        let token = ReadingOrderRecovery.Token(text: "0", number: 0, line: 1, lineIndex: 0, afterText: false, afterBlank: false)
        func lastLine(_ texts: [String]) -> Int? {
            let lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
            return pipeline.tables.debris.recover(lines, from: 0, end: lines.count, template: template,
                                                  numbers: { Array(repeating: token, count: cells) })?.lastLine
        }
        #expect(lastLine(["自然人  商业企业2", "其他\t总计 0", "", "0 36", ""]) == 3)
        #expect(lastLine(["商业企业2x"]) == nil)
        #expect(lastLine(["其他", "hello"]) == nil)
    }
}
