import Testing
@testable import DocNorm

let rules = try! RuleSet.load()

func normalized(_ text: String) throws -> String {
    let lines = try CharacterNormalizer(rules: rules).normalize(text, context: PipelineContext(tracing: false))
    return lines.map(\.text).joined(separator: "\n")
}

@Suite struct CharacterNormalizerTests {
    @Test func fullWidthDigitsAndLettersFold() throws {
        #expect(try normalized("２０２４年ＡＢＣ") == "2024年ABC")
    }

    @Test func keptPunctuationSurvivesNFKC() throws {
        #expect(try normalized("便捷，我局（以下简称《条例》）：一是；①") == "便捷，我局（以下简称《条例》）：一是；①")
    }

    @Test func radicalsBecomeIdeographs() throws {
        // Kangxi Radicals (U+2F00 ⼀, U+2F08 ⼈) and CJK Radicals Supplement (U+2EA0 ⺠, U+2ED4 ⻔).
        #expect(try normalized("\u{2F00}、总体情况\u{2F08}\u{2EA0}\u{2ED4}") == "一、总体情况人民门")
    }

    @Test func controlsAndZeroWidthRemoved() throws {
        #expect(try normalized("政\u{200B}府\u{FEFF}信\u{00AD}息\u{0007}公开") == "政府信息公开")
    }

    @Test func spacesBetweenCJKAndDigitsRemoved() throws {
        #expect(try normalized("2024 年 1 月\u{3000}1 日，新 洲 医 保") == "2024年1月1日，新洲医保")
        #expect(try normalized("\u{00A0}一、总体情况  ") == "一、总体情况")
    }

    @Test func lineBreaksNormalized() throws {
        #expect(try normalized("甲\r\n乙\r丙\u{000C}丁") == "甲\n乙\n丙\n丁")
    }

    @Test(arguments: [
        "The quick brown fox jumps over the lazy dog.",
        "http://www.qingxi.gov.cn/zwgk/index.html",
        "986761580@qq.com",
        "0564-7356522",
        "国办函〔2020〕109号",
        "3.5 1,000 2024-01-06 12:30",
        "行政事业性收费\t0\t\t",
    ])
    func textThatMustNotChange(_ text: String) throws {
        #expect(try normalized(text) == text)
    }

    @Test func latinWordsKeepOneSpace() throws {
        #expect(try normalized("PDF   text  extraction") == "PDF text extraction")
    }
}

@Suite struct PunctuationContextTests {
    @Test(arguments: [
        ("便捷,我局", "便捷，我局"),
        ("(以下简称《条例》)", "（以下简称《条例》）"),
        ("电话:0564-7356522", "电话：0564-7356522"),
        ("如下:", "如下："),
        ("(一) 予以公开", "（一）予以公开"),
        ("（2) 政府信息依申请公开情况", "（2）政府信息依申请公开情况"),
        ("网站(www.qingxi.gov.cn)查阅", "网站（www.qingxi.gov.cn）查阅"),
        ("加大;三是", "加大；三是"),
        ("公开信息.", "公开信息。"),
        ("共1，000元", "共1,000元"),
        ("3．5万", "3.5万"),
        // ，between Han is passed over without its next neighbour; between
        // digits, on the same line as a mark that sends it to the rule, it goes.
        ("收到，共1，000件,其中", "收到，共1,000件，其中"),
        ("收到 ，1，2,其中", "收到，1,2，其中"),
    ])
    func rewritten(_ pair: (String, String)) throws {
        #expect(try normalized(pair.0) == pair.1)
    }

    @Test(arguments: [
        "1.属于国家秘密",
        "f(x) = a, b; c: d!",
        "http://www.example.gov.cn/a?b=1",
        "v1.2.3",
        "12:30",
        "第一项加第二项之和，等于第三项加第四项之和",
    ])
    func unchanged(_ text: String) throws {
        #expect(try normalized(text) == text)
    }
}

@Suite struct RadicalOverrideTests {
    /// Unicode says ⼾ is 戶; in a simplified report's PDF it was drawn as 户.
    @Test func doorRadicalBecomesTheSimplifiedForm() throws {
        #expect(try canonical(Array("⼾籍管理\n".utf8)) == "户籍管理\n")
    }
}
