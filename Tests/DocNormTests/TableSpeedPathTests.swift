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
}
