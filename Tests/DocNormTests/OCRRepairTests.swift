import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

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

    /// An opener OCR read twice: another mark, then the parenthesis.
    @Test(arguments: [
        ("印发〈报告格式〉的通知》(〈国办公开办函〔2021〕30号)要求", "印发〈报告格式〉的通知》（国办公开办函〔2021〕30号）要求"),
        ("报告格式》《〈国办公开办函〔2021〕30号)要求", "报告格式》（国办公开办函〔2021〕30号）要求"),
        ("在14个村《〈社区) 政务公开栏公开", "在14个村（社区）政务公开栏公开"),
        ("报告格式》 (〈国办公开办函 [2021] 30 号) 要求", "报告格式》（国办公开办函〔2021〕30号）要求"),
        ("门户网站〈(www.censhan.gov.cn/xxgk) 查阅", "门户网站（www.censhan.gov.cn/xxgk）查阅"),
        // Its first bracket an opener: `mayRepair` must still let it through.
        ("第二十条第〈（八）项", "第二十条第（八）项"),
    ])
    func doubledOpenersRepaired(_ input: String, _ expected: String) throws {
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

    @Test(arguments: [
        "编制《（2020年版）政策汇编》",
        "依据((一)项)",
        "依据(（一）项），其他（二）",
        "依据（（一）项）",
        "关于〈(试行)办法〉",
    ])
    func openersBeforeAParenthesisKept(_ input: String) {
        var s = Array(input.unicodeScalars)
        #expect(!pipeline.ocr.doubledParens(&s))
    }

    /// Found by the fuzzer (run 26): a pair at the end of a longer run of
    /// openers lost one opener on every run. The run is left as it stands.
    @Test(arguments: ["总计（（（二）", "工作，((((((）总计", "《（（社区）"])
    func aRunOfThreeOpenersIsNoDoubling(_ input: String) throws {
        var s = Array(input.unicodeScalars)
        #expect(!pipeline.ocr.doubledParens(&s))
        let once = try canonical(Array(input.utf8))
        #expect(try canonical(Array(once.utf8)) == once)
    }

    @Test func doubledOpenerDropped() {
        var s = Array("格式》(（国办公开办函〔2021〕30号）要求，其他（二）".unicodeScalars)
        #expect(pipeline.ocr.doubledParens(&s))
        #expect(String(String.UnicodeScalarView(s)) == "格式》（国办公开办函〔2021〕30号）要求，其他（二）")
    }

    /// Found by the fuzzer: after a digit `)` stays ASCII and so does the
    /// space after it (no CJK on either side); repaired to （1）, the space is
    /// next to CJK and goes, else a second run removes it.
    @Test func spaceBesideARepairedBracketGoes() throws {
        let once = try normalized("第〈1) A项规定。")
        #expect(once == "第（1）A项规定。")
        #expect(try normalized(once) == once)
    }

    /// Tesseract reads the dash of a range as 一 (chengjiang, danzhou,
    /// yilan): between numbers no report writes the ideograph.
    @Test(arguments: [
        ("申请，一般在 5一10个工作日内", "申请，一般在5—10个工作日内"),
        ("工作日 9:00一17:00联系", "工作日9:00—17:00联系"),
        ("（5月1日一10月15日）", "（5月1日—10月15日）"),
        ("时间为10:00一10:23，通", "时间为10:00—10:23，通"),
    ])
    func misreadDashRepaired(_ input: String, _ expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test(arguments: [
        "一是加强组织领导，二是完善制度。",
        "2021年一季度共受理12件",
        "第一季度，十一月，第1一项",
        "一10个",
        "共有一10人",
    ])
    func realOneKept(_ input: String) throws {
        #expect(try normalized(input) == input)
    }

    @Test func dashRepairIsTraced() throws {
        let doc = try pipeline.run(Array("一般在5一10个工作日内\n".utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-dash" && $0.line == 1 })
    }

    /// Tesseract reads a scheme's // as one character on nearly every
    /// report with a web address.
    @Test(arguments: [
        ("可在门户网站〈http:/www.liping.gov.cn/zwgk）查阅", "可在门户网站（http://www.liping.gov.cn/zwgk）查阅"),
        ("网站（https:Wwww.lanchuan.gov.cn/zwgk）", "网站（https://www.lanchuan.gov.cn/zwgk）"),
        ("网站（http:Vwww.xiling.gov.cn）", "网站（http://www.xiling.gov.cn）"),
        ("网站（http:/dz.qx.gov.cn/zwgk/ndbg/）", "网站（http://dz.qx.gov.cn/zwgk/ndbg/）"),
    ])
    func misreadSlashesRepaired(_ input: String, _ expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    /// Wrapped after the misread slash (〈https:/ ending a line of a
    /// whole report): the paragraph stage 2 joined is repaired.
    @Test func misreadSlashesRepairedAcrossAWrap() throws {
        let path = repositoryRoot.appendingPathComponent("Corpus/eval/liuhe-city-2020/extracted/ocr-tesseract.txt").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("〈https:/\nwww.liuhe.gov.cn)"))
        #expect(TextRenderer.render(try pipeline.run(Array(text.utf8))).contains("网站（https://www.liuhe.gov.cn）政府"))
    }

    @Test(arguments: [
        "网站（http://www.liuhe.gov.cn）",
        "时间为9:00—17:00",
        "xhttp:/www.a.cn",
        "网站（http:/）",
    ])
    func urlsKept(_ input: String) throws {
        #expect(try normalized(input) == input)
    }

    /// A title inside a title is 〈…〉 (GB/T 15834); OCR reads its marks as
    /// the outer ones, as a quote, or as >.
    @Test(arguments: [
        ("《国务院办公厅关于印发《报告格式》的通知》要求", "《国务院办公厅关于印发〈报告格式〉的通知》要求"),
        ("《国务院办公厅关于印发《报告格式>的通知》要求", "《国务院办公厅关于印发〈报告格式〉的通知》要求"),
        ("《国务院办公厅关于印发“报告格式》的通知》要求", "《国务院办公厅关于印发〈报告格式〉的通知》要求"),
        ("《办公室关于印发“报告格式〈试行) >的通知》要求", "《办公室关于印发〈报告格式（试行）〉的通知》要求"),
        ("《关于印发〈报告格式》的通知》", "《关于印发〈报告格式〉的通知》"),
    ])
    func misreadNestedTitlesRepaired(_ input: String, _ expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test(arguments: [
        "围绕《东陵省交通运输发展“十四五”规划》召开",
        "关于印发〈报告格式〉的通知》",
        "《关于印发〈报告格式〉的通知》",
        "《条例》和《规定》",
        // No outer close after the inner title: nothing says it nests.
        "印发《报告格式》的通知",
    ])
    func titlesLeftAsDrawn(_ input: String) throws {
        #expect(try normalized(input) == input)
    }

    @Test func nestedTitleRepairIsTraced() throws {
        let doc = try pipeline.run(Array("《关于印发《报告格式》的通知》\n".utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-nested-title" && $0.line == 1 })
    }

    @Test func misreadPermilleRepaired() throws {
        #expect(try normalized("差错率控制在1%o以内。") == "差错率控制在1‰以内。")
        #expect(try normalized("完成率为98.5%，其中") == "完成率为98.5%，其中")
        #expect(try normalized("rate 5%of all") == "rate 5%of all")
    }

    /// Tesseract reads % as 9%6 or %6 at a number's end, and 100% as 1009%.
    @Test(arguments: [
        ("按时办结率99.29%6。", "按时办结率99.2%。"),
        ("权重占59%6。全年", "权重占5%。全年"),
        ("办结率98.7%6。", "办结率98.7%。"),
        ("公开率达1009%，满意率", "公开率达100%，满意率"),
        ("满意率 1009%。", "满意率100%。"),
    ])
    func misreadPercentsRepaired(_ input: String, _ expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test(arguments: [
        // A 9% alone may be what the report says.
        "同比增长23.49%，上年结转",
        "占比99%。",
        "增长21009%。",
        "增长10.1009%。",
        "比例5%66个",
        "rate 5%6x",
    ])
    func percentsKept(_ input: String) throws {
        #expect(try normalized(input) == input)
    }

    /// A / lost between two path segments of a government site's address,
    /// in a URL whose scheme OCR misread too (the holdout's OCR outputs:
    /// baichuan, lanchuan, heting, chengling's 衣 for its host's first letters).
    @Test(arguments: [
        ("网站（http:/www.a.gov.cn/slj/zfxxgkndbg/）下载", "网站（http://www.a.gov.cn/slj/zfxxgk/ndbg/）下载"),
        ("网站（https:Wwww.lanchuan.gov.cn/zwgkndbg/）下载", "网站（https://www.lanchuan.gov.cn/zwgk/ndbg/）下载"),
        ("网站（http:Vczj.heting.gov.cn/colcol5821/index.htm）查阅", "网站（http://czj.heting.gov.cn/col/col5821/index.htm）查阅"),
        ("网站（https:/衣.a.gov.cn/colxxgk/）查阅", "网站（https:/衣.a.gov.cn/col/xxgk/）查阅"),
    ])
    func lostPathSlashesRepaired(_ input: String, _ expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    /// Six lines of daichuan-ybj-2024's OCR, which stage 2 joins into one
    /// paragraph: stage 1c mends the scheme on its own line, and the path's
    /// lost / is found once the next line is joined to it.
    static let daichuanOCR = """
        知》 〈国办公开办函 【2021] 30 号) 要求，现公布贷川市医疗
        保障局 2024年政府信息公开工作年度报告。本报告所列数据的
        统计期限为 2024年1月1日至12月31日。本报告电子版可在
        贷川市人民政府门户网站 〈https:/www.daichuan.gov.cn/ybj/
        zfxxgkndbg/) 查阅或下载，提供 PDF 格式。如对本报告有疑问，
        请与贷川市医疗保障局办公室联系 〈地址: 贷川市滨江东路 88
        """

    @Test func lostPathSlashRepairedAcrossALineBreak() throws {
        #expect(try normalized(Self.daichuanOCR).contains("（https://www.daichuan.gov.cn/ybj/zfxxgk/ndbg/）查阅"))
    }

    /// Sites name directories xxgkndbg and zfxxgkndbg: a URL with no sign of
    /// OCR keeps them as written (binzhu-kjj-2022, every text layer, Word
    /// and HTML), on one line or two.
    @Test(arguments: [
        "www.a.gov.cn/zwgk/ndbg/",
        "www.a.gov.cn/column/index.htm",
        "www.a.gov.cn/zwgknyncj/",
        "/colcol",
        "www.a.gov.cn/colcol5821/index.htm",
        "网站（https://kjj.binzhu.gov.cn/zwgk/xxgkndbg/202301/t20230118_86421.html）查阅",
        "网站（http://www.a.gov.cn/slj/zfxxgkndbg/）下载",
    ])
    func urlPathsKept(_ input: String) throws {
        #expect(try normalized(input) == input)
    }

    /// Another OCR repair on the line says nothing of the URL.
    @Test func otherRepairIsNoSignForAURL() throws {
        #expect(try normalized("网站（http://www.a.gov.cn/zfxxgkndbg/）办结率99.29%6") == "网站（http://www.a.gov.cn/zfxxgkndbg/）办结率99.2%")
    }

    /// The same paragraph with its scheme written right: joined, its path stays.
    @Test func cleanURLKeptAcrossALineBreak() throws {
        let input = """
            知》 〈国办公开办函 【2021] 30 号) 要求，现公布贷川市医疗
            保障局 2024年政府信息公开工作年度报告。本报告所列数据的
            统计期限为 2024年1月1日至12月31日。本报告电子版可在
            贷川市人民政府门户网站 〈https://www.daichuan.gov.cn/ybj/
            zfxxgkndbg/) 查阅或下载，提供 PDF 格式。如对本报告有疑问，
            请与贷川市医疗保障局办公室联系 〈地址: 贷川市滨江东路 88
            """
        #expect(try normalized(input).contains("（https://www.daichuan.gov.cn/ybj/zfxxgkndbg/）查阅"))
    }

    /// A scheme's // OCR misread, whether or not `urls` can mend it; a
    /// right // and an http:/ that ends the line (a // may break there) are none.
    @Test(arguments: [
        ("网站（http:/www.a.gov.cn）", true),
        ("网站（https:Wwww.a.gov.cn）", true),
        ("网站（https:/衣.a.gov.cn）", true),
        ("网站（http://www.a.gov.cn）", false),
        ("网站（http:/", false),
        ("xhttp:/www.a.gov.cn", false),
        ("时间9:00/天", false),
    ])
    func misreadSchemesSeen(_ text: String, _ expected: Bool) {
        #expect(pipeline.ocr.misreadsScheme(Array(text.unicodeScalars)) == expected)
    }

    /// A table's 1 read as 工, in a row of values with a digit after it.
    @Test(arguments: [
        ("事务信息工0 0 0 0 0", "事务信息1 0 0 0 0 0"),
        ("2 0 1 0 3 1 0 0 0工0 0 0 0 0", "2 0 1 0 3 1 0 0 0 1 0 0 0 0 0"),
        ("4工0 1 6 2 0 0工3 1 0 0 0", "4 1 0 1 6 2 0 0 1 3 1 0 0 0"),
        ("1工0 0 2 0 0 0工工0 0 0 0 0", "1 1 0 0 2 0 0 0 1 1 0 0 0 0 0"),
        // Its only spaced run (0 0) two long: the 工s between numbers are values too.
        ("性信息2工0工0 0 | 4", "性信息2 1 0 1 0 0 | 4"),
        ("相关政府信息14工0 0工1 17", "相关政府信息14 1 0 0 1 1 17"),
    ])
    func misreadOnesRepaired(_ input: String, _ expected: String) {
        var s = Array(input.unicodeScalars)
        #expect(pipeline.ocr.ones(&s))
        #expect(String(String.UnicodeScalarView(s)) == expected)
    }

    @Test(arguments: [
        // No row of values, or no value after it: a word's 工.
        "施工2处，完工3处",
        "共有员工12人，其中1 2 3",
        "施工2处，其他 1 2 3",
        "职工 0 0",
    ])
    func onesKept(_ input: String) {
        var s = Array(input.unicodeScalars)
        #expect(!pipeline.ocr.ones(&s))
        #expect(String(String.UnicodeScalarView(s)) == input)
    }

    /// A table's 1 read as 工 as a row's last cell, alone at the line's end
    /// after a value or a rule (| 工): no digit after it.
    @Test(arguments: [
        ("事务信息1 0 0 0 0 0 |工", "事务信息1 0 0 0 0 0 | 1"),
        ("容仍不明确1 0 0 0 0 0 | 工", "容仍不明确1 0 0 0 0 0 | 1"),
        ("2 0 1 0 3 1 0 0 0 1 0 0 0 0工", "2 0 1 0 3 1 0 0 0 1 0 0 0 0 1"),
    ])
    func misreadOneEndingARowRepaired(_ input: String, _ expected: String) {
        var s = Array(input.unicodeScalars)
        #expect(pipeline.ocr.oneAtRowEnd(&s))
        #expect(String(String.UnicodeScalarView(s)) == expected)
    }

    @Test(arguments: [
        // A word's 工 (after a Han character), no row of values, or not last.
        "其中1 2 3人参与施工",
        "1 2 3名职工",
        "其他 0 0 |工",
        "1 2 3 |工程",
    ])
    func oneEndingARowKept(_ input: String) {
        var s = Array(input.unicodeScalars)
        #expect(!pipeline.ocr.oneAtRowEnd(&s))
        #expect(String(String.UnicodeScalarView(s)) == input)
    }

    @Test func oneEndingARowRepairedInThePipelineAndTraced() throws {
        let doc = try pipeline.run(Array("事务信息    工   0    0     0      0    0 | 工\n".utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-one-row-end" && $0.line == 1 })
        #expect(!(try normalized("事务信息    工   0    0     0      0    0 | 工").contains("工")))
    }

    /// A row's last 工 with nothing after it on a line stage 1b leaves as it
    /// is (a changed line is marked anyway) and no other opener: the one-pass
    /// stage 1b (no tracing) must mark it for stage 1c as the passes read it
    /// (fuzz item 38: untraced kept 工, traced read 1).
    @Test(arguments: ["其他0 0 0 0 0工", "事务信息1 0 0 0 0 0 工"])
    func oneEndingARowRepairedUntracedAsTraced(_ input: String) throws {
        let traced = TextRenderer.render(try pipeline.run(Array((input + "\n").utf8), options: PipelineOptions(tracing: true)))
        let untraced = TextRenderer.render(try pipeline.run(Array((input + "\n").utf8)))
        #expect(untraced == traced)
        #expect(untraced.hasSuffix("0 0 0 0 0 1\n"))
    }

    @Test func oneRepairedInThePipelineAndTraced() throws {
        let doc = try pipeline.run(Array("事务信息    工   0    0     0      0    0\n".utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-one" && $0.line == 1 })
        #expect(try normalized("事务信息    工   0    0     0      0    0").contains("1 0 0 0 0 0"))
    }

    @Test func percentAndPathRepairsAreTraced() throws {
        let doc = try pipeline.run(Array("网站（http:/www.a.gov.cn/zwgkndbg/）办结率99.29%6\n".utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-url-path" && $0.line == 1 })
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-percent" && $0.line == 1 })
    }

    /// What Tesseract makes of a % where no form proves it alone (both
    /// corpora: 14.7% read 14.79%, 40% read 409% after 占比, 0.5% read 0.596。),
    /// taken only in a text that reads as OCR: here the misread 〈 of the first line.
    static let readAsOCR = "第二十条第〈一)项\n\n"

    func normalizedAsOCR(_ text: String) throws -> String {
        String(try normalized(Self.readAsOCR + text).split(separator: "\n", omittingEmptySubsequences: true).dropFirst().joined(separator: "\n"))
    }

    @Test(arguments: [
        ("同比增长14.79%。", "同比增长14.7%。"),
        ("息更新及时率达到97.369%。", "息更新及时率达到97.36%。"),
        ("样化解读占比达到41.99%。", "样化解读占比达到41.9%。"),
        ("视频解读占比超过409%。", "视频解读占比超过40%。"),
        ("差错率0.596。", "差错率0.5%。"),
        ("同比增长12.590。", "同比增长12.5%。"),
        // After the form `percents` takes: 99.29%6 is 99.2% by then, and stays.
        ("办结率99.29%6。", "办结率99.2%。"),
    ])
    func percentReadingsRepairedInOCR(_ input: String, _ expected: String) throws {
        #expect(try normalizedAsOCR(input) == expected)
    }

    @Test(arguments: [
        // The 9 is the first decimal; its repair would be read again; no share word; a share over 100 still.
        "公开率为61.9%。", "合格率97.399%。", "同比增长409%。", "占比1099%。",
        // A unit after the decimal, no clause end, two points.
        "投入0.596亿元。", "4.2025年度", "版本1.2.596。",
    ])
    func percentReadingsKeptInOCR(_ input: String) throws {
        #expect(try normalizedAsOCR(input) == input)
    }

    @Test(arguments: ["同比增长14.79%。", "视频解读占比超过409%。", "差错率0.596。"])
    func percentReadingsKeptInATextLayer(_ input: String) throws {
        #expect(try normalized(input) == input)
    }

    @Test func percentReadingsAreTraced() throws {
        let text = Self.readAsOCR + "同比增长14.79%，占比超过409%，差错率0.596。\n"
        let doc = try pipeline.run(Array(text.utf8), options: PipelineOptions(tracing: true))
        for rule in ["normalize.ocr-percent-nine", "normalize.ocr-percent-share", "normalize.ocr-percent-digits"] {
            #expect(doc.trace.contains { $0.rule == rule && $0.line == 3 }, "\(rule)")
        }
        #expect(TextRenderer.render(doc).contains("同比增长14.7%，占比超过40%，差错率0.5%。"))
    }

    /// `normalize.ocr-percent-nine` is right on OCR's extra 9 and wrong on a
    /// real two-decimal percentage ending in 9 (23.49%), which only the
    /// source tells apart: each percentage it changes is reported as a
    /// repair, with its line, in OCR only; one it leaves is not.
    @Test func percentNineRepairsAreReported() throws {
        let doc = try pipeline.run(Array((Self.readAsOCR + "同比增长14.79%，公开率为61.9%，占比23.49%。\n").utf8))
        #expect(TextRenderer.render(doc).contains("同比增长14.7%，公开率为61.9%，占比23.4%。"))
        let nines = doc.diagnostics.filter { $0.rule == "normalize.ocr-percent-nine" }
        #expect(nines.count == 2)
        #expect(nines.allSatisfy { $0.kind == .repair && $0.stage == .normalize && $0.line == 3 })
        #expect(nines.first?.message.hasPrefix("14.79% in a text read by OCR taken as 14.7%") == true)
        #expect(nines.last?.message.hasPrefix("23.49% in a text read by OCR taken as 23.4%") == true)
        let layer = try pipeline.run(Array("同比增长14.79%。\n".utf8))
        #expect(!layer.diagnostics.contains { $0.rule == "normalize.ocr-percent-nine" })
        let others = try pipeline.run(Array((Self.readAsOCR + "占比超过409%，差错率0.596。\n").utf8))
        #expect(!others.diagnostics.contains { $0.rule == "normalize.ocr-percent-nine" })
    }

    @Test(arguments: [
        ("累计解答群众咨询4.816人次。", "累计解答群众咨询4,816人次。"),
        ("共收到申请1.205件，", "共收到申请1,205件，"),
        ("发布信息12.345条。", "发布信息12,345条。"),
    ])
    func thousandsPointRepairedInOCR(_ input: String, _ expected: String) throws {
        #expect(try normalizedAsOCR(input) == expected)
    }

    @Test(arguments: [
        // A multiplier between; a measure; not three places; a leading 0; a unit that is no count; a version.
        "关注人数达4.816万人次。", "比上年提高0.375个百分点。", "缩短1.5个工作日。", "共4.81件。", "共1.2345件。",
        "共0.816件。", "投入1.205元。", "版本V1.205条。",
    ])
    func thousandsPointKeptInOCR(_ input: String) throws {
        #expect(try normalizedAsOCR(input) == input)
    }

    /// A count whose comma OCR read as a point is repaired, traced and
    /// reported (its number changed), in OCR only; the wrap Tesseract leaves
    /// (4.816 人 ⏎ 次) is read on the line; a measure cut by a wrap stays.
    @Test func thousandsPointIsTracedAndReported() throws {
        let text = Self.readAsOCR + "累计解答群众咨询 4.816 人\n次。\n"
        let doc = try pipeline.run(Array(text.utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-thousands-point" && $0.line == 3 })
        #expect(doc.diagnostics.contains { $0.rule == "normalize.ocr-thousands-point" && $0.kind == .repair && $0.line == 3 && $0.message.contains("4,816") })
        #expect(TextRenderer.render(doc).contains("4,816"))
        let layer = try pipeline.run(Array("累计解答群众咨询4.816人次。\n".utf8))
        #expect(TextRenderer.render(layer).contains("4.816人次"))
        #expect(!layer.diagnostics.contains { $0.rule == "normalize.ocr-thousands-point" })
        let measure = try pipeline.run(Array((Self.readAsOCR + "比上年提高0.375个\n百分点。\n").utf8))
        #expect(TextRenderer.render(measure).contains("0.375个"))
    }

    /// A two-digit percentage ending in 9 may be right (49%) or 4% misread:
    /// left as read, and named with its line as a suspicion, in OCR only.
    @Test func twoDigitNinePercentIsSuspected() throws {
        let doc = try pipeline.run(Array((Self.readAsOCR + "分值占比达49%。\n").utf8))
        #expect(TextRenderer.render(doc).contains("分值占比达49%。"))
        #expect(doc.diagnostics.contains { $0.rule == "normalize.ocr-percent-suspect" && $0.kind == .suspicion && $0.line == 3 && $0.message.contains("49%") })
        let layer = try pipeline.run(Array("分值占比达49%。\n".utf8))
        #expect(!layer.diagnostics.contains { $0.rule == "normalize.ocr-percent-suspect" })
        let right = try pipeline.run(Array((Self.readAsOCR + "公开率为61.9%，占比40%。\n").utf8))
        #expect(!right.diagnostics.contains { $0.rule == "normalize.ocr-percent-suspect" })
    }

    /// A list's ； misread as ， or }, or lost between Han (both corpora's
    /// OCR), in a list that shows its ； elsewhere: the list's ；.
    @Test(arguments: [
        ("一是数据未能按时更新，二是政策解读形式单一；三是答复不够完整四是培训偏少。",
         "一是数据未能按时更新；二是政策解读形式单一；三是答复不够完整；四是培训偏少。"),
        ("一是网上网下公开不一致}二是答复质量参差不齐；三是公开深度不够。",
         "一是网上网下公开不一致；二是答复质量参差不齐；三是公开深度不够。"),
        ("一是确保7个工作日内公开，；二是丰富解读形式；三是加强培训。",
         "一是确保7个工作日内公开；二是丰富解读形式；三是加强培训。"),
    ])
    func enumerationMarksRepairedInOCR(_ input: String, _ expected: String) throws {
        #expect(try normalizedAsOCR(input) == expected)
    }

    @Test(arguments: [
        // No ； of the list's own: its mark may be 。 as well.
        "一是数据未能按时更新，二是政策解读形式单一。",
        // A list set apart by 。 (and one that mixes 。 and ；).
        "一是开展培训。二是提升质量，三是规范流程。",
        "一是开展培训。二是提升质量；三是规范流程，四是加强监督。",
        // Items out of order, and 第二 is no item.
        "一是开展培训；三是规范流程，二是提升质量。",
        "一是开展培训；二是提升质量，第三是规范流程。",
    ])
    func enumerationMarksKeptInOCR(_ input: String) throws {
        #expect(try normalizedAsOCR(input) == input)
    }

    @Test func enumerationMarksKeptInATextLayerAndTraced() throws {
        let text = "一是数据未能按时更新，二是政策解读形式单一；三是答复不够完整四是培训偏少。"
        #expect(try normalized(text) == text)
        let doc = try pipeline.run(Array((Self.readAsOCR + text + "\n").utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-enumeration-mark" && $0.line == 3 })
    }

    /// A scheme's // read as two characters, a misspelt scheme, a host's end
    /// with the / after it lost or read into it (both corpora's OCR).
    @Test(arguments: [
        ("网站（http:W/www.a.gov.cn/wxx/xxgk/）查阅", "网站（http://www.a.gov.cn/wxx/xxgk/）查阅"),
        ("网站（https:/Wzrzyt.a.gov.cn/col/col1234/index.html）", "网站（https://zrzyt.a.gov.cn/col/col1234/index.html）"),
        ("网站（htps:/www.a.gov.cn/jgswj/zfxxgkndbg/）查阅", "网站（https://www.a.gov.cn/jgswj/zfxxgk/ndbg/）查阅"),
        ("网站（http:/www.a.gov.cnrsj/zfxxgk）下载", "网站（http://www.a.gov.cn/rsj/zfxxgk）下载"),
        ("网站（http:/www.a.gov.cmlpx/xxgk/）查阅", "网站（http://www.a.gov.cn/lpx/xxgk/）查阅"),
        // One letter after the host: more likely the / misread (y/) than a directory.
        ("网站（http:/lcj.a.gov.cny/xxgk/）查阅", "网站（http://lcj.a.gov.cny/xxgk/）查阅"),
    ])
    func urlReadingsRepaired(_ input: String, _ expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test(arguments: [
        // A URL written right: its host's end is no OCR evidence alone.
        "网站（www.a.gov.cmlpx/xxgk/）查阅",
        "网站（https://www.a.gov.cn/rsj/）查阅",
        // A longer word's colon is no scheme.
        "xhtps:/www.a.gov.cn",
    ])
    func urlReadingsKept(_ input: String) throws {
        #expect(try normalized(input) == input)
    }

    @Test func urlReadingsAreTraced() throws {
        let doc = try pipeline.run(Array("网站（htps:/www.a.gov.cmlpx/）\n".utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-url-scheme" && $0.line == 1 })
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-url-host" && $0.line == 1 })
    }

    /// An address's @ read G@ or @D (both corpora's OCR), in OCR only.
    @Test(arguments: [
        ("电子邮箱：cpqzwgkG@chenpu.gov.cn。", "电子邮箱：cpqzwgk@chenpu.gov.cn。"),
        ("电子邮箱：ysjyj_gkG@yanshan.gov.cn。", "电子邮箱：ysjyj_gk@yanshan.gov.cn。"),
        ("电子邮箱：cyxdag@D126.com。", "电子邮箱：cyxdag@126.com。"),
    ])
    func emailAtRepairedInOCR(_ input: String, _ expected: String) throws {
        #expect(try normalizedAsOCR(input) == expected)
        #expect(try normalized(input) == input)
    }

    @Test(arguments: ["电子邮箱：ABCG@chenpu.gov.cn。", "电子邮箱：abc@DEF.com。", "代号G@与@D"])
    func emailAtKeptInOCR(_ input: String) throws {
        #expect(try normalizedAsOCR(input) == input)
    }

    @Test func emailAtIsTraced() throws {
        let doc = try pipeline.run(Array((Self.readAsOCR + "电子邮箱：abcG@a.gov.cn\n").utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-email-at" && $0.line == 3 })
    }

    /// A capital in an address's local part (both corpora's OCR: Xczhzf_gk,
    /// Zywjw_gk, ywxq_Zzwgk), in OCR only; beside its own lower-case letter
    /// it is that letter read twice.
    @Test(arguments: [
        ("电子邮箱：Xczhzf_gk@xicheng.gov.cn）。", "电子邮箱：xczhzf_gk@xicheng.gov.cn）。"),
        ("电子邮箱：Zywjw_gk@163.com）。", "电子邮箱：zywjw_gk@163.com）。"),
        ("电子邮箱：ywxq_ZzwgkG@yuwan.gov.cn。", "电子邮箱：ywxq_zwgk@yuwan.gov.cn。"),
    ])
    func emailCaseRepairedInOCR(_ input: String, _ expected: String) throws {
        #expect(try normalizedAsOCR(input) == expected)
        #expect(try normalized(input) == input)
    }

    @Test func emailCaseIsTraced() throws {
        let doc = try pipeline.run(Array((Self.readAsOCR + "电子邮箱：Zywjw_gk@163.com。\n").utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-email-case" && $0.line == 3 })
    }

    /// A host's 。 read as o at a paragraph's end (yuwan.gov.cno), in OCR only.
    @Test(arguments: [
        ("电子邮箱：ywxq_zwgk@yuwan.gov.cno", "电子邮箱：ywxq_zwgk@yuwan.gov.cn。"),
        ("网址：www.a.gov.cno下一句。", "网址：www.a.gov.cn。下一句。"),
        ("邮箱：abc@126.como", "邮箱：abc@126.com。"),
    ])
    func hostStopRepairedInOCR(_ input: String, _ expected: String) throws {
        #expect(try normalizedAsOCR(input) == expected)
        #expect(try normalized(input) == input)
    }

    @Test(arguments: ["邮箱：abc@a.gov.cn。", "网址：www.a.gov.cnode/x", "邮箱：abc@cno.gov.cn", "cno结尾"])
    func hostStopKeptInOCR(_ input: String) throws {
        #expect(try normalizedAsOCR(input) == input)
    }

    @Test func hostStopIsTraced() throws {
        let doc = try pipeline.run(Array((Self.readAsOCR + "电子邮箱：abc@a.gov.cno\n").utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-host-stop" && $0.line == 3 })
    }

    /// A count 1 read as 工 before its unit where the clause ends (both
    /// corpora's OCR: 结转工件，, 审结工件。, 工作人员工名、), in OCR only.
    @Test(arguments: [
        ("上年结转工件，均在法定期限内办结。", "上年结转1件，均在法定期限内办结。"),
        ("其他结果工件，尚未审结工件。", "其他结果1件，尚未审结1件。"),
        ("配备专职工作人员工名、兼职工作人员2名。", "配备专职工作人员1名、兼职工作人员2名。"),
    ])
    func proseOneRepairedInOCR(_ input: String, _ expected: String) throws {
        #expect(try normalizedAsOCR(input) == expected)
        #expect(try normalized(input) == input)
    }

    @Test(arguments: [
        // A word goes on after the unit; a unit that makes a word with 工; a digit before 工.
        "其中新开工项目38个。", "明确施工单位和工期；", "招聘技术工人，", "共2工件，", "员工名单。",
    ])
    func proseOneKeptInOCR(_ input: String) throws {
        #expect(try normalizedAsOCR(input) == input)
    }

    /// A row label's numbering whose point OCR lost, its 1 read as 工 or
    /// not (both corpora's OCR: 5要求行政机关, 4无正当理直天, 工末机关不掌握,
    /// |工信访举报投诉, 不巴4保护), in OCR only.
    @Test(arguments: [
        ("5要求行政机关", "5.要求行政机关"),
        ("处理|4无正当理直天", "处理|4.无正当理直天"),
        ("（三）不巴4保护第三广6 | 4 0 0 1 0| 11", "（三）不巴4.保护第三广6 | 4 0 0 1 0| 11"),
        ("7属于行政淮法| 0 0", "7.属于行政淮法| 0 0"),
        ("工末机关不掌握", "1.末机关不掌握"),
        ("（四）无法|工末机关不学所", "（四）无法|1.末机关不学所"),
        ("人瑟）未予|工信访举报投诉", "人瑟）未予|1.信访举报投诉"),
        ("工属王国家 0 0 0 0 0 0 0", "1.属王国家 0 0 0 0 0 0 0"),
    ])
    func labelNumberingRepaired(_ input: String, _ expected: String) {
        var s = Array(input.unicodeScalars)
        #expect(pipeline.ocr.labelNumberings.repair(&s))
        #expect(String(String.UnicodeScalarView(s)) == expected)
    }

    @Test(arguments: [
        // Its point there; another number's label; after a value; a word's 工;
        // no label's opening; two of it misread; a longer number.
        "5.要求行政机关", "4要求行政机关", "0 0 1属于国家秘密", "施工属于国家", "工作年度报告",
        "工末关不掌握", "员工本机关不", "15要求行政机关", "共3件要求提供",
    ])
    func labelNumberingKept(_ input: String) {
        var s = Array(input.unicodeScalars)
        #expect(!pipeline.ocr.labelNumberings.repair(&s))
        #expect(String(String.UnicodeScalarView(s)) == input)
    }

    /// The openings are derived from the templates' numbered labels at load:
    /// the same set Rules/ocr.json listed by hand before (debt108).
    @Test func labelNumberingOpeningsAreTheTemplatesNumberedLabels() {
        let written: [Int: Set<String>] = [
            1: ["属于国家", "本机关不", "信访举报", "申请人无"],
            2: ["其他法律", "没有现成", "重复申请", "申请人逾"],
            3: ["危及“三", "补正后申", "要求提供"],
            4: ["保护第三", "无正当理"],
            5: ["属于三类", "要求行政"],
            6: ["属于四类"],
            7: ["属于行政执"],
            8: ["属于行政查"],
        ]
        let derived = pipeline.ocr.labelNumberings.openings
        for digit in 0...9 {
            let openings = derived[digit].map { String(String.UnicodeScalarView($0)) }
            #expect(openings.count == Set(openings).count)
            #expect(Set(openings) == written[digit, default: []], "digit \(digit)")
        }
    }

    @Test func labelNumberingIsTracedInOCROnly() throws {
        let doc = try pipeline.run(Array((Self.readAsOCR + "工末机关不掌握\n").utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-label-numbering" && $0.line == 3 })
        #expect(try normalizedAsOCR("工末机关不掌握") == "1.末机关不掌握")
        #expect(try normalizedAsOCR("5 要求行政机关") == "5.要求行政机关")
        #expect(try normalized("工末机关不掌握") == "工末机关不掌握")
        #expect(try normalized("5 要求行政机关") == "5要求行政机关")
    }

    /// Table 三's anchor read after a rule or with Han characters misread
    /// (held-out zichuan-zjj-2020's |（本列…, luchuan-wsjkw-2025's
    /// （杰列数据的久生关系…), put back so the table region opens there.
    @Test(arguments: [
        ("|（本列数据的勾稽关系为；第一项加第二项|申请人情况", "（本列数据的勾稽关系为；第一项加第二项|申请人情况"),
        ("（杰列数据的久生关系为：第一项加第二项|申请人情况", "（本列数据的勾稽关系为：第一项加第二项|申请人情况"),
        ("| （本列数据的色稽关系为", "（本列数据的勾稽关系为"),
    ])
    func tableAnchorRepaired(_ input: String, _ expected: String) {
        var s = Array(input.unicodeScalars)
        #expect(pipeline.ocr.tableAnchors.repair(&s) != nil)
        #expect(String(String.UnicodeScalarView(s)) == expected)
    }

    @Test(arguments: [
        // The anchor as is; four misread; a digit or mark for a Han character;
        // another bracket; not at the line's start.
        "（本列数据的勾稽关系为", "（杰列数据的久生关糸为", "（本列数据的勾1关系为", "（本列数据的勾稽关，为",
        "(本列数据的勾稽关系为", "处理|（本列数据的勾稽关系为", "（本年度数据的关系",
    ])
    func tableAnchorKept(_ input: String) {
        var s = Array(input.unicodeScalars)
        #expect(pipeline.ocr.tableAnchors.repair(&s) == nil)
        #expect(String(String.UnicodeScalarView(s)) == input)
    }

    /// In OCR only, traced and reported; and the table is then recognised.
    @Test func tableAnchorIsTracedInOCROnly() throws {
        let doc = try pipeline.run(Array((Self.readAsOCR + "（杰列数据的久生关系为：第一项加第二项\n").utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-table-anchor" && $0.line == 3 })
        #expect(doc.diagnostics.contains { $0.rule == "normalize.ocr-table-anchor" && $0.kind == .repair && $0.line == 3 })
        #expect(try normalizedAsOCR("|（本列数据的勾稽关系为：第一项加第二项") == "（本列数据的勾稽关系为：第一项加第二项")
        #expect(try normalized("|（本列数据的勾稽关系为：第一项加第二项") == "|（本列数据的勾稽关系为：第一项加第二项")
        #expect(try normalized("（杰列数据的久生关系为：第一项加第二项") == "（杰列数据的久生关系为：第一项加第二项")
    }

    /// The held-out documents whose table 三 went unread for its anchor
    /// alone: with the anchor put back the table is recognised and its
    /// first row read (gold: 286 and 254 自然人 in 一、本年新收…).
    @Test(arguments: [("luchuan-wsjkw-2025", "2021-applications", "286"), ("zichuan-zjj-2020", "2019-applications", "254")])
    func tableAnchorOpensTable(_ name: String, _ template: String, _ naturalPersons: String) throws {
        let path = repositoryRoot.path + "/Corpus/holdout/\(name)/extracted/ocr-tesseract.txt"
        let input = try #require(FileManager.default.contents(atPath: path))
        let doc = try pipeline.run(Array(input))
        let table = try #require(doc.tables.first { $0.templateID == template })
        #expect(table.records.contains { $0.row.last == "一、本年新收政府信息公开申请数量" && $0.column.last == "自然人" && $0.value == naturalPersons })
    }

    /// A row's cell read as a letter alone or with a mark glued on, on a
    /// line of values alone (both corpora's OCR: table 四's
    /// `0  0  0  0 |o| … 0_ |0`, `2>  0  1  1 |4|`; table 三's
    /// ` 5 | 2 |o  0   1  0 8`), in OCR only.
    @Test(arguments: [
        ("0 0 0 0 |o| 0 0 0 0 |0| 0 0 0 0_ |0", "0 0 0 0 |0| 0 0 0 0 |0| 0 0 0 0 |0"),
        ("4 1 0 1 |6| 2> 0 1 1 |4| 1 0 0 1 |2", "4 1 0 1 |6| 2 0 1 1 |4| 1 0 0 1 |2"),
        (" 5 | 2 |o  0   1  0 8", " 5 | 2 |0  0   1  0 8"),
    ])
    func valueRowCellsRepaired(_ input: String, _ expected: String) {
        var s = Array(input.unicodeScalars)
        _ = pipeline.ocr.valueRows.repair(&s, .zeros)
        _ = pipeline.ocr.valueRows.repair(&s, .marks)
        #expect(String(String.UnicodeScalarView(s)) == expected)
    }

    @Test(arguments: [
        // A Han character, another letter, two letters, too few values, a decimal.
        "事务信息 0 |o| 0 0", "1 2 3 |x| 0", "0 0 0 |oo| 0", "0o|o | 0 0 |olo", "0 |o| 0", "1.5 2_ 3 4",
    ])
    func valueRowCellsKept(_ input: String) {
        var s = Array(input.unicodeScalars)
        let candidate = input.utf8.withContiguousStorageIfAvailable { pipeline.ocr.valueRows.mayHold($0) } ?? false
        #expect(!candidate || (pipeline.ocr.valueRows.repair(&s, .zeros).isEmpty && pipeline.ocr.valueRows.repair(&s, .marks).isEmpty))
        #expect(String(String.UnicodeScalarView(s)) == input)
    }

    @Test func valueRowCellsRepairedInOCROnlyTracedAndReported() throws {
        let line = "0 0 0 0 |o| 0 0 0 0 |0| 0 0 0 0_ |0\n"
        let doc = try pipeline.run(Array((Self.readAsOCR + line).utf8), options: PipelineOptions(tracing: true))
        for rule in ["normalize.ocr-row-zero", "normalize.ocr-row-mark"] {
            #expect(doc.trace.contains { $0.rule == rule && $0.line == 3 }, "\(rule)")
            #expect(doc.diagnostics.contains { $0.rule == rule && $0.kind == .repair && $0.line == 3 }, "\(rule)")
        }
        let layer = try pipeline.run(Array(line.utf8))
        #expect(!layer.diagnostics.contains { $0.rule.hasPrefix("normalize.ocr-row") })
        #expect(TextRenderer.render(layer).contains("|o|"))
    }

    /// A row's last cells read with look-alikes after its label (both
    /// corpora's OCR: the 部分公开 row of one table style, eval
    /// tongchuan-scjg-2019 `| 3 | 0 | 。 0 0 |1ols`, held-out binzhu-kjj-2022
    /// `|ol7`, weichuan-swjt-2024 `|oli`): read back where the one reading
    /// of its look-alikes makes the last value the sum of the others.
    @Test(arguments: [
        ("的，只计这一情形,不计其| 3 | 0 | 。   0    0 |1ols", "的，只计这一情形,不计其| 3 | 0 | 0   0    0 |0 3"),
        ("不计其| 4 | 2 | 1   0    0 |ol7", "不计其| 4 | 2 | 1   0    0 |0 7"),
        ("不计其| 1 | o | 。   0    0 |oli", "不计其| 1 | 0 | 0   0    0 |0 1"),
        // As stage 1 leaves it: no space after the 。.
        ("不计其| 3 | 0 |。0 0 |1ols", "不计其| 3 | 0 |0 0 0 |0 3"),
        // Two zeros read oo: two cells glued (held-out linjiang-sthjj-2022,
        // yunling-nyncj-2020), or one zero read twice where readings
        // holding alike leave the values settled (guangping-fgw-2023).
        ("四、结转下年度继续办理   [3| 1 oo lo lol4|", "四、结转下年度继续办理   [3| 1 0 0 0 0 4|"),
        ("和  1| oo     0      0 |oli", "和  1| 0 0     0      0 |0 1"),
        ("办理    |4|1| oo | oo ol5|", "办理    |4|1| 0 | 0 0 0 5|"),
    ])
    func rowTotalCellsRepaired(_ input: String, _ expected: String) throws {
        let rowTotals = try #require(pipeline.ocr.rowTotals)
        var s = Array(input.unicodeScalars)
        #expect(input.utf8.withContiguousStorageIfAvailable { rowTotals.mayHold($0) } == true)
        #expect(rowTotals.repair(&s) != nil)
        #expect(String(String.UnicodeScalarView(s)) == expected)
    }

    @Test(arguments: [
        // The sum fails (2 ≠ 3); a cell short; two readings of oo holding
        // with different values (1 0 1 0 0 0 2, 1 0 0 1 0 0 2); zeros alone;
        // a token cut by the tail's start; no look-alike at all.
        "不计其| 2 | 0 | 。   0    0 |1ols", "不计其| 5 | 2 |   0    0 |ol7", "事项  1 oo 1 0 oo 2",
        "事项| o | 。 | 。   0    0 0 0", "总计     7| oo0    0     0 ”10T7", "不计其| 3 | 0 | 0   0    0 | 0 3",
    ])
    func rowTotalCellsKept(_ input: String) throws {
        let rowTotals = try #require(pipeline.ocr.rowTotals)
        var s = Array(input.unicodeScalars)
        #expect(rowTotals.repair(&s) == nil)
        #expect(String(String.UnicodeScalarView(s)) == input)
    }

    @Test func rowTotalCellsRepairedInOCROnlyTracedAndReported() throws {
        let line = "的，只计这一情形,不计其| 3 | 0 | 。   0    0 |1ols\n"
        let doc = try pipeline.run(Array((Self.readAsOCR + line).utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-row-total" && $0.line == 3 })
        #expect(doc.diagnostics.contains { $0.rule == "normalize.ocr-row-total" && $0.kind == .repair && $0.line == 3 })
        #expect(TextRenderer.render(doc).contains("0 3"))
        let layer = try pipeline.run(Array(line.utf8))
        #expect(!layer.diagnostics.contains { $0.rule == "normalize.ocr-row-total" })
        #expect(TextRenderer.render(layer).contains("1ols"))
    }

    /// The 部分公开 row so read is placed whole and right (gold: eval
    /// tongchuan-scjg-2019 3 0 0 0 0 0 3; held-out binzhu-kjj-2022 4 2 1 0 0 0 7).
    @Test(arguments: [("eval/tongchuan-scjg-2019", "3000003"), ("holdout/binzhu-kjj-2022", "4210007")])
    func rowTotalCellsPlaceTheRow(_ name: String, _ values: String) throws {
        let path = repositoryRoot.path + "/Corpus/\(name)/extracted/ocr-tesseract.txt"
        let input = try #require(FileManager.default.contents(atPath: path))
        let doc = try pipeline.run(Array(input))
        let table = try #require(doc.tables.first { $0.templateID?.hasSuffix("applications") == true })
        let row = table.records.filter { $0.row.last?.hasPrefix("（二）部分公开") == true }
        #expect(row.count == 7)
        #expect(row.map(\.value).joined() == values)
    }

    /// Table 四's one row, its cells so read, placed whole (gold: eval
    /// yanxi-tjj-2023 all 0; held-out luchuan-wsjkw-2025 4 1 0 1 6 2 0 1 1 4 1 0 0 1 2).
    @Test(arguments: [("eval/yanxi-tjj-2023", "000000000000000"), ("holdout/luchuan-wsjkw-2025", "410162011410012")])
    func valueRowCellsPlaceTableFour(_ name: String, _ values: String) throws {
        let path = repositoryRoot.path + "/Corpus/\(name)/extracted/ocr-tesseract.txt"
        let input = try #require(FileManager.default.contents(atPath: path))
        let doc = try pipeline.run(Array(input))
        let table = try #require(doc.tables.first { $0.templateID == "2021-review-litigation" })
        #expect(table.records.count == 15)
        #expect(table.records.map(\.value).joined() == values)
    }

    @Test func proseOneIsTracedAndReported() throws {
        let doc = try pipeline.run(Array((Self.readAsOCR + "尚未审结工件。\n").utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-prose-one" && $0.line == 3 })
        #expect(doc.diagnostics.contains { $0.rule == "normalize.ocr-prose-one" && $0.kind == .repair && $0.line == 3 && $0.message.contains("审结1件。") })
        let layer = try pipeline.run(Array("尚未审结工件。\n".utf8))
        #expect(!layer.diagnostics.contains { $0.rule == "normalize.ocr-prose-one" })
    }

    /// A Han character alone as a paragraph (yuwan's 瑟 after table 四) is
    /// named in OCR, left as read; a text layer's is not named.
    @Test func loneCharacterIsSuspected() throws {
        let text = Self.readAsOCR + "四、行政复议情况\n\n瑟\n\n五、存在的主要问题\n"
        let doc = try pipeline.run(Array(text.utf8))
        #expect(doc.diagnostics.contains { $0.rule == "normalize.ocr-lone-character" && $0.kind == .suspicion && $0.line == 5 })
        #expect(TextRenderer.render(doc).contains("\n瑟\n"))
        let layer = try pipeline.run(Array("四、行政复议情况\n\n瑟\n\n五、存在的主要问题\n".utf8))
        #expect(!layer.diagnostics.contains { $0.rule == "normalize.ocr-lone-character" })
        let words = try pipeline.run(Array((Self.readAsOCR + "四、行政复议情况\n\n瑟瑟。\n").utf8))
        #expect(!words.diagnostics.contains { $0.rule == "normalize.ocr-lone-character" })
    }

    /// A / and the next segment's n read as m (zfxxgkmdbg), in a URL OCR visibly read.
    @Test(arguments: [
        ("网站（http:/www.a.gov.cn/xfgj/zfxxgkmdbg/）查阅", "网站（http://www.a.gov.cn/xfgj/zfxxgk/ndbg/）查阅"),
        ("网站（http:/www.a.gov.cn/zwgkmdbgcol/）查阅", "网站（http://www.a.gov.cn/zwgk/ndbg/col/）查阅"),
    ])
    func segmentJoinRepaired(_ input: String, _ expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test(arguments: ["网站（http://www.a.gov.cn/zfxxgkmdbg/）查阅", "网站（http:/www.a.gov.cn/zfxxgkmdb/）查阅"])
    func segmentJoinKept(_ input: String) throws {
        #expect(try normalized(input).contains(input.contains("mdb/") ? "zfxxgkmdb/" : "zfxxgkmdbg"))
    }

    /// huangchuan-fgj-2020's kind, on daichuan's lines: the misread scheme on
    /// one line, the segments run together on the next.
    @Test func segmentJoinIsTracedAcrossALineBreak() throws {
        let text = Self.daichuanOCR.replacing("zfxxgkndbg", with: "zfxxgkmdbg") + "\n"
        #expect(text.contains("zfxxgkmdbg"))
        let doc = try pipeline.run(Array(text.utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-url-path" })
        #expect(TextRenderer.render(doc).contains("（https://www.daichuan.gov.cn/ybj/zfxxgk/ndbg/）查阅"))
    }

    @Test func urlAndPermilleRepairsAreTraced() throws {
        let doc = try pipeline.run(Array("网站（http:/www.a.gov.cn）差错率1%o\n".utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-url" && $0.line == 1 })
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-permille" && $0.line == 1 })
    }

    @Test func repairsAreTraced() throws {
        let doc = try pipeline.run(Array("第二十条第〈一)项\n".utf8), options: PipelineOptions(tracing: true))
        #expect(doc.trace.contains { $0.rule == "normalize.ocr-paren" && $0.line == 1 })
    }

    /// `mayRepair` steps over a three-byte character by its bit in a bitmap
    /// of what it reacts to: the Han beside 号 (只 U+53EA shares its word),
    /// the ，、。 beside （ and 〈, and 一 without a digit are passed over, and
    /// what they share a word with is still seen.
    @Test(arguments: [
        ("（2021）只有号", true),
        ("〈，一）", true),
        ("〈、。）", true),
        ("【2021]，只，30号", true),
        ("“，只，)", true),
        ("只，5一10", true),
        ("（，只有，）", false),
        ("中（2021）只号", true),
        ("只（，）", false),
        ("共计，一、二。", false),
        ("一是加强，二是完善。", false),
        ("《条例》、“十四五”。", false),
        // A title inside a title: only a misread inner pair lets the line through.
        ("《关于印发《格式》的通知》", true),
        ("《关于印发“格式》的通知》", true),
        ("《关于印发“格式>的通知》", true),
        ("《关于印发〈格式》的通知》", true),
        ("《发展“十四五”规划》", false),
        ("《关于印发〈格式〉的通知》", false),
        // A % with a misread form's neighbour, a / before run-together segments.
        ("率99.29%", true),
        ("率98.7%6。", true),
        ("率98.7%。", false),
        ("gov.cn/zfxxgkndbg/", true),
        ("gov.cn/zfxxgk/ndbg/", false),
    ])
    func mayRepairSeesWhatItReactsTo(_ text: String, _ expected: Bool) {
        #expect(pipeline.ocr.mayRepair(text) == expected)
    }

    /// `mayRepair` lets a line through only where a rule can act: a misread
    /// paren opener whose first bracket (past whole enclosed pairs) is a
    /// closer, a number opener before four digits and a closer that are not
    /// the right pair, a colon before a misread // and a host. The common
    /// 《条例》（以下简称《条例》）, (一), 〔2021〕30号 and http:// are left
    /// alone (they were all read by every rule before).
    @Test(arguments: [
        ("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定", false),
        ("简称《条例》）第五十条规定", false),
        ("(一) 主动公开", false),
        ("（国办公开办函〔2021〕30号）要求", false),
        ("（第2021号）", false),
        ("网站（http://www.a.gov.cn）", false),
        ("的通知》〈国办公开办函〔2021〕30号）要求", true),
        ("〈以下简称《条例》）", true),
        ("〈以下简称“条例”）", true),
        ("(以下简称《条例》）", true),
        ("(一）项", true),
        ("〈一) 项", true),
        ("“一）项", true),
        ("依据【2021] 30号", true),
        ("（国卫办发 [2021j 43号）", true),
        ("网站（http:/www.a.gov.cn）", true),
        ("https:Wwww.a.gov.cn", true),
        // An opener read twice (`doubledParens`), its first bracket the parenthesis.
        ("第二十条第〈（八）项", true),
    ])
    func mayRepairLeavesWhatNoRuleChanges(_ text: String, _ expected: Bool) {
        #expect(pipeline.ocr.mayRepair(text) == expected)
    }

    /// The readings of an OCR document a text may need, from its bytes
    /// alone: a % or point, a point, an @, a later list item (二是, not 一是),
    /// a 工 (a count's 1 as OCR may read it); a line with none is never decoded.
    @Test(arguments: [
        ("依申请公开政府信息正常开展。", [] as [String]),
        ("依申请公开政府信息工作正常开展。", ["ones"]),
        ("占比达49%，", ["percents"]),
        ("差错率0.596。", ["percents", "counts", "hosts"]),
        ("电子邮箱：abcG@a.gov.cn", ["percents", "counts", "addresses", "hosts"]),
        ("一是数据未能按时更新，二是政策解读形式单一", ["lists"]),
        // The marker after the first numeral only, or none: no later item.
        ("一是数据未能按时更新，于是政策解读形式单一", []),
        ("二", []), ("是", []), ("三是", ["lists"]),
    ])
    func readingCandidatesNameWhatMayApply(_ text: String, _ expected: [String]) {
        let names: [(String, OCRRepairs.ReadingCandidates)] = [("percents", .percents), ("counts", .counts), ("lists", .lists), ("addresses", .addresses),
                                                             ("hosts", .hosts), ("ones", .ones)]
        let found = Array(text.utf8).withUnsafeBufferPointer { pipeline.ocr.readingCandidates($0) }
        #expect(names.filter { found.contains($0.1) }.map(\.0) == expected)
    }
}

@Suite struct RepunctuatedTests {
    /// A joined line's mark judged by a neighbour stepped over undecoded:
    /// U+4E00…U+4FFF (lead byte E4) as well as U+5000…U+9FFF.
    @Test(arguments: [
        ("一,二", "一，二"),
        ("中,会", "中，会"),
        ("便捷,我局", "便捷，我局"),
        ("信,人", "信，人"),
        // After a run of Han characters of both lead-byte ranges (中 人: E4),
        // stepped over in one inner loop: the run's last is the neighbour.
        ("中华人民共和国政府,会", "中华人民共和国政府，会"),
        ("政府信息公开,人", "政府信息公开，人"),
    ])
    func markBesideHanRewritten(_ input: String, _ expected: String) {
        #expect(pipeline.characters.repunctuated(input) == expected)
    }

    /// ，： stay between Han, between a Han and a digit, and change only
    /// between digits, also after a Han stepped over undecoded.
    @Test(arguments: [
        ("共计，1，000件", "共计，1,000件"),
        ("共计1：2，会", "共计1:2，会"),
        ("政府信息公开共计1，000件", "政府信息公开共计1,000件"),
    ])
    func markBetweenDigitsRewritten(_ input: String, _ expected: String) {
        #expect(pipeline.characters.repunctuated(input) == expected)
    }

    @Test func settledLineLeftAlone() {
        #expect(pipeline.characters.repunctuated("一，二。中：会") == nil)
        #expect(pipeline.characters.repunctuated("共计，1，会：2件") == nil)
        #expect(pipeline.characters.repunctuated("中华人民共和国政府信息公开，会") == nil)
    }
}
