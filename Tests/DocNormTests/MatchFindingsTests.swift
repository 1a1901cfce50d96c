import Testing
@testable import DocNorm

/// Stage 4 records a tried match's findings as places (`TemplateMatcher.Finding`)
/// and writes their messages only for the match a table keeps (`materialized`):
/// the messages are those the match reports, in order.
@Suite struct MatchFindingsTests {
    @Test func aMatchWritesItsMessagesOnlyWhenMaterialized() throws {
        let rules = pipeline.tables.rules
        let template = try #require(rules.templates.first { $0.id == "2021-applications" })
        // （一）予以公开 with 5 of its 7 values; 2.重复申请 with one value more.
        let text = applicationsTable(values: ValueFlagTests.shortRow)
            .replacingFirst("2.重复申请 0 0 0 0 0 0 0", with: "2.重复申请 0 0 0 0 0 0 0 9")
        let lines = text.split(separator: "\n").enumerated().map { SourceLine(number: $0 + 1, text: String($1)) }
        let start = try #require(lines.firstIndex { $0.text == "申请人情况" })
        let stream = CellStream(lines[start...], opensAfterDigit: rules.hanPrefixes, rowNumbers: rules.rowNumbers,
                                numberedLabels: rules.numberedLabels, isValue: rules.valueGrammar.isValue)
        let matcher = pipeline.tables.matcher
        let tried = matcher.match(template, in: stream, from: 0, tracing: false)
        // Tried: places, no text.
        #expect(tried.diagnostics.isEmpty)
        #expect(tried.findings.contains { $0.rule == "structure.missing-value" })
        #expect(tried.findings.contains { $0.rule == "structure.surplus-value" })
        // Kept: the messages, the findings spent.
        let kept = matcher.materialized(tried, in: stream)
        #expect(kept.findings.isEmpty)
        #expect(kept.diagnostics.map(\.rule) == tried.findings.map(\.rule))
        #expect(kept.diagnostics.contains { $0.rule == "structure.missing-value"
            && $0.message == "row '（一）予以公开' has 5 of 7 values, placed from the left (which cells they belong to is a guess); the rest are left empty" })
        #expect(kept.diagnostics.contains { $0.rule == "structure.surplus-value"
            && $0.message == "row '2.重复申请' has 1 value(s) more than template 2021-applications allows, so which are this row's is a guess (the first ones are kept); left over: 9" })
        // Not reporting: nothing recorded.
        #expect(matcher.match(template, in: stream, from: 0, tracing: false, reporting: false).findings.isEmpty)
    }
}
