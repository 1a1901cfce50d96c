import Testing
@testable import DocNorm

/// `TableTemplate.Row.labelScalarSet`, made at start-up by sorting the row's
/// label scalars and keeping each once (no Set hashed): stage 4 searches it.
@Suite struct TemplateLabelScalarsTests {
    @Test func aRowsLabelScalarsAreSortedEachOnce() {
        for template in pipeline.tables.rules.templates {
            for row in template.rows {
                let set = row.labelScalarSet
                #expect(zip(set, set.dropFirst()).allSatisfy { $0.value < $1.value }, "\(template.id)")
                #expect(Set(set) == Set(row.labelScalars.joined()), "\(template.id)")
            }
        }
    }
}
