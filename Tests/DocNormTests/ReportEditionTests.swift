import Testing
@testable import DocNorm

/// A report's tables are in the edition in force in its year (the 2019
/// format for 2019–2020 reports, the 2021 one from 2021): the title's year
/// tells stage 3 which grid to read the first table in, before any table
/// has told it.
@Suite struct ReportEditionTests {
    @Test func theTitlesYearPicksTheEditionOfTheFirstTable() throws {
        // A 2021 table 三 whose three （六） rows OCR ran into one: the 2019
        // grid fits it perfectly, but a 2024 report has no 2019 table.
        let table = applicationsTable(edition: 2019)
        for (title, template) in [("石门区卫生健康局2024年政府信息公开工作年度报告\n\n", "2021-applications"),
                                  ("石门区卫生健康局2020年政府信息公开工作年度报告\n\n", "2019-applications"),
                                  ("", "2019-applications")] {
            let doc = try document(title + table)
            #expect(doc.tables.map(\.templateID) == [template], "\(title)")
        }
    }

    @Test func theOpeningYearIsReadBeforeTheTitleIsJoined() {
        func year(_ text: String) -> Int? {
            pipeline.structure.openingYear(text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                SourceLine(number: $0.offset + 1, text: String($0.element))
            })
        }
        #expect(year("南平市石门区卫生健康局关于2024年政府信息公开工作年度报\n告\n") == 2024)
        #expect(year("\n\n根据《条例》规定，现公布云岭县农业农村局2020年政府信息公开工作\n年度报告。") == 2020)
        #expect(year("一、总体情况\n2022年，我局…\n") == nil)
    }

    /// A second run searches the output's opening lines, stage 2's joined
    /// lines, which can hold a name the source's did not reach (…年度报 the
    /// eighth line, 告。 the ninth): the first run reads its tables back in
    /// the edition that name gives, as a second run does (fuzz item 20),
    /// and as it reads them when the title stands first.
    @Test func theTablesAreReadBackInTheEditionTheOutputsOpeningNames() throws {
        let opening = (0..<7).map { _ in String(repeating: "政", count: 22) } + ["石门区卫生健康局2024年政府信息公开工作年度报", "告。"]
        let text = opening.joined(separator: "\n") + "\n\n" + applicationsTable(edition: 2019)
        #expect(try document(text).tables.map(\.templateID) == ["2021-applications"])
        let once = try canonical(Array(text.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
        let titled = try document("石门区卫生健康局2024年政府信息公开工作年度报告\n\n" + applicationsTable(edition: 2019))
        #expect(try document(text).tables.map(\.grid) == titled.tables.map(\.grid))
    }

    @Test func theEditionInForceIsTheLatestNamedByAYearAtOrBeforeIt() {
        #expect(pipeline.tables.edition(inForceIn: 2020) == 2019)
        #expect(pipeline.tables.edition(inForceIn: 2021) == 2021)
        #expect(pipeline.tables.edition(inForceIn: 2025) == 2021)
        #expect(pipeline.tables.edition(inForceIn: 2018) == nil)
        #expect(pipeline.tables.edition(inForceIn: nil) == nil)
    }
}
