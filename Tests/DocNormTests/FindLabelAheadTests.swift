import Testing
@testable import DocNorm

/// `TemplateMatcher.findLabel` looks for a label exactly, further on, up to
/// the next value; that scan goes on from where the edit-distance window's
/// scan for a value stopped, so a value past that window still bounds it.
@Suite struct FindLabelAheadTests {
    let label = Array("予以公开事项".unicodeScalars)[...]

    func found(_ text: String) -> TemplateMatcher.LabelMatch? {
        let stream = CellStream([SourceLine(number: 1, text: text)], opensAfterDigit: pipeline.tables.rules.hanPrefixes)
        return pipeline.tables.matcher.findLabel(label, in: stream, at: 0, next: nil)
    }

    @Test func aLabelPastStrayTextIsFoundBeforeTheNextValue() throws {
        // Stray text longer than the edit-distance window, then the label.
        let stray = String(repeating: "甲", count: 40)
        let match = try #require(found(stray + "予以公开事项 5"))
        #expect(match.end == 46 && match.cost == 40 && match.skipped == 40)
    }

    @Test func aValuePastTheWindowStopsTheSearch() {
        // A value after the window but before the label: the label is not this cell's.
        let stray = String(repeating: "甲", count: 20)
        #expect(found(stray + " 7 " + stray + "予以公开事项") == nil)
        // Within the window too.
        #expect(found("甲 7 " + stray + "予以公开事项") == nil)
        // Without the value, found.
        #expect(found(stray + " 乙 " + stray + "予以公开事项")?.end == 47)
    }
}
