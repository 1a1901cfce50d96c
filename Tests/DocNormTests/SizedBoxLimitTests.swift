import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// Rules/tables.json `readingOrder.maxSizedBoxes` and `maxSizedAssignments`
/// bound `tables.labelled-columns`' match of shared-header boxes to blocks
/// by size (LabelledColumnRecovery+SizedBoxes.swift). No built-in template
/// reaches them (at most three blocks share a header: 3 boxes, 3! = 6
/// matchings), but a template loaded from a rules folder may be larger, and
/// the matchings grow as the factorial of the boxes. A template with two
/// more blocks of three rows under 本年增/减 (five boxes, 2 × 2 = 4
/// matchings) reaches them; the limit that stops the match is reported,
/// naming the cells.
@Suite struct SizedBoxLimitTests {
    /// A copy of Rules/ whose 2019 table 二 template has blocks （十） and
    /// （十一）, three rows each, with the columns of （八）, and the sized-box
    /// limits as given.
    static func largerTemplateRules(maxSizedBoxes: Int, maxSizedAssignments: Int) throws -> String {
        let folder = "/tmp/docnorm-sized-rules-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent("Rules").path, toPath: folder)
        func edit(_ name: String, mustChange: Bool = true, _ change: (String) -> String) throws {
            let path = folder + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let changed = change(text)
            #expect(!mustChange || changed != text, "\(name) unchanged")
            try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
        }
        var rows = ""
        for (caption, labels, set) in [("第二十条第（十）项", ["行政奖励", "行政给付", "行政裁决"], "block6"),
                                       ("第二十条第（十一）项", ["行政检查", "行政确认", "行政征收"], "block7")] {
            rows += ",\n  {\"kind\": \"header\", \"cells\": [\"\(caption)\", \"\", \"\", \"\"]}"
            rows += ",\n  {\"kind\": \"header\", \"cells\": [\"信息内容\", \"上一年项目数量\", \"本年增/减\", \"\"]}"
            for label in labels {
                rows += ",\n  {\"kind\": \"data\", \"id\": \"\(label)\", \"cells\": [\"\(label)\", \"#\", \"#\", \"\"], \"path\": [\"\(caption)\", \"\(label)\"], \"columns\": \"\(set)\"}"
            }
        }
        try edit("templates/2019-active-disclosure.json") {
            $0.replacing("\"columns\": \"block5\"}\n ],\n \"columnSets\": {\n",
                         with: "\"columns\": \"block5\"}" + rows + "\n ],\n \"columnSets\": {\n"
                             + "  \"block6\": [[\"上一年项目数量\"], [\"本年增/减\"]],\n  \"block7\": [[\"上一年项目数量\"], [\"本年增/减\"]],\n")
        }
        try edit("tables.json", mustChange: false) {
            $0.replacing("\"maxSizedBoxes\": 4", with: "\"maxSizedBoxes\": \(maxSizedBoxes)")
                .replacing("\"maxSizedAssignments\": 24", with: "\"maxSizedAssignments\": \(maxSizedAssignments)")
        }
        return folder
    }

    /// pdfminer of a Chromium table 二 as in
    /// LabelledColumnTests.sharedHeaderBoxesArePlacedByTheirSizes, with the
    /// two more blocks: the five 本年增/减 boxes (1, 3, 3, 2, 2 values) right
    /// under copies of the header, none the size of the block its copy's
    /// place names (blocks of 2, 2, 1, 3, 3 rows), the new blocks' captions,
    /// labels and 上一年项目数量 values at the end.
    static let input = ["二、主动公开政府信息情况", "", "第二十条第（一）项", "", "本年新制作数量", "", "本年新公开数量", "",
                        "对外公开总数量", "", "0", "12", "", "处理决定数量", "", "236", "147", "", "处理决定数量", "", "42", "5", "",
                        "本年增/减", "减2", "", "本年增/减", "减4", "增1", "0", "", "本年增/减", "增5", "0", "减1", "",
                        "采购总金额", "", "862.47", "", "信息内容", "规章", "规范性文件", "", "0", "3", "",
                        "第二十条第（五）项", "", "0", "3", "", "信息内容", "行政许可", "其他对外管理服务事项", "", "上一年项目数量", "",
                        "18", "9", "", "本年增/减", "增2", "减1", "", "信息内容", "行政处罚", "行政强制", "", "信息内容", "行政事业性收费", "",
                        "第二十条第（六）项", "", "上一年项目数量", "", "7", "3", "", "本年增/减", "增3", "减1", "",
                        "第二十条第（八）项", "", "上一年项目数量", "", "2", "", "第二十条第（九）项", "", "信息内容", "政府集中采购", "",
                        "采购项目数量", "", "14", "",
                        "第二十条第（十）项", "", "信息内容", "行政奖励", "行政给付", "行政裁决", "", "上一年项目数量", "", "6", "2", "0", "",
                        "第二十条第（十一）项", "", "信息内容", "行政检查", "行政确认", "行政征收", "", "上一年项目数量", "", "4", "0", "9", "",
                        "三、收到和处理政府信息公开申请情况", "全年无申请。"].joined(separator: "\n") + "\n"

    func run(maxSizedBoxes: Int, maxSizedAssignments: Int) throws -> Document {
        let folder = try Self.largerTemplateRules(maxSizedBoxes: maxSizedBoxes, maxSizedAssignments: maxSizedAssignments)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = RuleSource.directory(folder)
        let folderPipeline = try Pipeline(rules: try RuleSet.load(from: source), source: source)
        #expect(Guarantees.check(Array(Self.input.utf8), pipeline: folderPipeline).isEmpty)
        return try folderPipeline.run(Array(Self.input.utf8))
    }

    func limitReport(_ doc: Document) -> Diagnostic? {
        doc.diagnostics.first { $0.rule == "tables.labelled-columns" && $0.kind == .suspicion && $0.message.contains("matching them to the blocks by their sizes") }
    }

    /// Limits raised past the match (4 matchings): the boxes are placed by
    /// size as with the built-in template — 减2 is （八）'s, both second rows
    /// of （五）（六） 减1; the boxes of three differ between the ways, left out.
    @Test func aLargerTemplateWithinTheLimitsIsMatchedBySize() throws {
        let doc = try run(maxSizedBoxes: 5, maxSizedAssignments: 4)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(LabelledColumnTests.value(doc, "行政事业性收费", "本年增/减") == "减2")
        #expect(LabelledColumnTests.value(doc, "其他对外管理服务事项", "本年增/减") == "减1")
        #expect(LabelledColumnTests.value(doc, "行政强制", "本年增/减") == "减1")
        #expect(LabelledColumnTests.value(doc, "行政奖励", "本年增/减") == nil)
        #expect(doc.diagnostics.contains { $0.rule == "tables.labelled-columns" && $0.kind == .repair && $0.message.contains("copies of 本年增/减") })
        #expect(limitReport(doc) == nil)
    }

    /// Five boxes, more than `maxSizedBoxes` (4, the built-in value): not
    /// matched, nothing placed by size, and said, naming the cells.
    @Test func moreBoxesThanMaxSizedBoxesAreNotMatchedAndReported() throws {
        let doc = try run(maxSizedBoxes: 4, maxSizedAssignments: 24)
        #expect(doc.tables.map(\.templateID) == ["2019-active-disclosure"])
        #expect(LabelledColumnTests.value(doc, "行政事业性收费", "本年增/减") == nil)
        #expect(LabelledColumnTests.value(doc, "行政强制", "本年增/减") == nil)
        #expect(!doc.diagnostics.contains { $0.kind == .repair && $0.message.contains("copies of 本年增/减") })
        let report = try #require(limitReport(doc))
        #expect(report.message.contains("5 boxes, more than readingOrder.maxSizedBoxes (4)"))
        #expect(report.message.contains("行政事业性收费/本年增/减") && report.message.contains("行政征收/本年增/减"))
    }

    /// Four matchings, more than `maxSizedAssignments` (3 here; at the
    /// built-in 24 = 4! it cuts only where `maxSizedBoxes` is raised past
    /// 4): the search stops, nothing placed by size, and said.
    @Test func moreMatchingsThanMaxSizedAssignmentsStopTheMatchAndAreReported() throws {
        let doc = try run(maxSizedBoxes: 5, maxSizedAssignments: 3)
        #expect(LabelledColumnTests.value(doc, "行政事业性收费", "本年增/减") == nil)
        #expect(!doc.diagnostics.contains { $0.kind == .repair && $0.message.contains("copies of 本年增/减") })
        let report = try #require(limitReport(doc))
        #expect(report.message.contains("more than readingOrder.maxSizedAssignments (3) ways"))
    }

    /// The match itself: a limit stops it whatever the boxes, and says which.
    @Test func agreedBySizeNamesTheLimitThatStoppedIt() {
        let boxes = [["1"], ["2"], ["3"], ["4"], ["5"]]
        let all = LabelledColumnRecovery.agreedBySize(boxes: boxes, blockRows: [1, 1, 1, 1, 1], fits: { _, _ in true },
                                                      maxBoxes: 4, maxAssignments: 1000)
        #expect(all.cutBy == .boxes && all.cells.allSatisfy { $0.allSatisfy { $0 == nil } })
        let many = LabelledColumnRecovery.agreedBySize(boxes: boxes, blockRows: [1, 1, 1, 1, 1], fits: { _, _ in true },
                                                       maxBoxes: 5, maxAssignments: 119)
        #expect(many.cutBy == .assignments)
        let alike = LabelledColumnRecovery.agreedBySize(boxes: [["0"], ["0"], ["0"], ["0"], ["0"]], blockRows: [1, 1, 1, 1, 1],
                                                        fits: { _, _ in true }, maxBoxes: 5, maxAssignments: 120)
        #expect(alike.cutBy == nil && alike.cells.allSatisfy { $0.allSatisfy { $0?.text == "0" } })
    }
}
