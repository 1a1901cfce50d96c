import Testing
@testable import DocNorm

@Suite struct OCRRepairTests {
    func normalized(_ text: String) throws -> String {
        TextRenderer.render(try pipeline.run(Array((text + "\n").utf8))).dropLast().description
    }

    @Test(arguments: [
        ("第二十条第〈一)项的规定", "第二十条第（一）项的规定"),
        // An opening quote closed by a parenthesis is a misread one.
        ("第二十条第“一）项", "第二十条第（一）项"),
        ("〈以下简称“条例”）", "（以下简称“条例”）"),
        ("行政事业性收费〈单位: 万元)", "行政事业性收费（单位：万元）"),
        ("依据国办公开办函【2021] 30号要求", "依据国办公开办函〔2021〕30号要求"),
        ("（国卫办发 [2021j 43号）", "（国卫办发〔2021〕43号）"),
        // A title or a document number inside the misread pair is passed over.
        ("《中华人民共和国政府信息公开条例》〈以下简称《条例》）第五十条", "《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条"),
        ("的通知》〈国办公开办函〔2021〕30号）要求编制", "的通知》（国办公开办函〔2021〕30号）要求编制"),
        // A contact line is long, and a web address holds no Han or digit.
        ("请与司法局办公室联系〈电话：0435-87251306，电子邮箱：lhsfj@liuhe.gov.cn）。", "请与司法局办公室联系（电话：0435-87251306，电子邮箱：lhsfj@liuhe.gov.cn）。"),
        ("可在门户网站〈https://www.liuhe.gov.cn/sfj）查阅", "可在门户网站（https://www.liuhe.gov.cn/sfj）查阅"),
    ])
    func misreadBracketsRepaired(_ input: String, _ expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test(arguments: [
        "编制《柳河市惠企政策汇编（2020年版）》，",
        "关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知",
        "共计【2021】年度",
        "see ISO 9001 (2015) edition",
        // Its own closer after a title inside: a real angle-bracket title.
        "关于印发〈《条例》解读〉的通知",
        // A quote with its own closer, inside parentheses or before them.
        "（以下简称“十四五”规划）",
        "围绕“放管服”改革（第一批）",
    ])
    func realBracketsKept(_ input: String) throws {
        #expect(try normalized(input) == input)
    }

    /// Found by the fuzzer: after a digit `)` stays ASCII and so does the
    /// space after it (no CJK on either side); repaired to （1）, the space is
    /// next to CJK and goes, else a second run removes it.
    @Test func spaceBesideARepairedBracketGoes() throws {
        let once = try normalized("第〈1) A项规定。")
        #expect(once == "第（1）A项规定。")
        #expect(try normalized(once) == once)
    }

    @Test func repairsAreTraced() throws {
        let doc = try pipeline.run(Array("第二十条第〈一)项\n".utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-paren" && $0.line == 1 })
    }
}
