import Testing
@testable import DocNorm
import DocNormTestSupport

/// Shortcuts taken for speed that must give what the slow way gives, in
/// every case and not only on the corpus: the fast path and the way it
/// replaces are compared on the inputs where they could part (text that is
/// not ASCII, a space a combining mark joins, cells left empty).
@Suite struct ExactShortcutTests {
    static let texts = [
        "", "\t", "\t\t", "a", "12\t\t3", "\t规章\t0\t", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "行政许可\t12864\t\t", " \u{301}\t1", "12 \u{301}3", "  12   3 ", "1\r\n2", "减12\t 3", "\t \t",
        "\t\u{301}1", "申请 12", "12 申请", "\u{600} 1", "a \u{301}b", "行政许可 12864\t\t",
    ]

    @Test func tabCellsAreTheCellsSplitByTab() {
        for text in Self.texts {
            #expect(text.tabCells == text.split(separator: "\t", omittingEmptySubsequences: false), "\(text.debugDescription)")
        }
    }

    @Test func blankSeparatedWordsAreTheWordsSplitByCharacters() {
        for text in Self.texts {
            // A space that a combining mark follows is one Character with it,
            // no separator: " \u{301}" stays a word, as the Character split has it.
            #expect(text.blankSeparatedWords == text.split(whereSeparator: { $0 == " " || $0 == "\t" }), "\(text.debugDescription)")
        }
    }

    /// `valuesOf` tells a line whose first scalar opens no value before
    /// cutting it into words; a space joined by a combining mark opens a
    /// word that is no value either.
    @Test func valuesOfALineAsBefore() {
        let runs = pipeline.tables.headerRuns
        func line(_ text: String) -> SourceLine { SourceLine(number: 1, text: text) }
        #expect(runs.valuesOf(line("  12\t3 ")) == ["12", "3"])
        #expect(runs.valuesOf(line("减12 3")) == ["减12", "3"])
        #expect(runs.valuesOf(line("规章 12")) == nil)
        #expect(runs.valuesOf(line(" \u{301}12 3")) == nil)
        #expect(runs.valuesOf(line("12 x")) == nil)
        #expect(runs.valuesOf(line(" \t ")) == nil)
        #expect(runs.valuesOf(line("")) == nil)
    }

    /// `valuesOf` cuts a line's scalars by index; the words and values are
    /// those of the Character split, a space a combining mark joins included
    /// ("12 \u{301}3" is one word, no value; "\u{600} 1" prepends).
    @Test func valuesOfAreTheValuesOfTheCharacterSplit() {
        let runs = pipeline.tables.headerRuns
        for text in Self.texts + ["12 3 \u{301}", "1 \u{301}", "0\t/ 12", "12\u{301} 3", "增5 减3\t"] {
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let slow = words.isEmpty || !words.allSatisfy(runs.rules.isValue) ? nil : words
            #expect(runs.valuesOf(SourceLine(number: 1, text: text)) == slow, "\(text.debugDescription)")
        }
    }

    /// `tables.label-line-values` screens a line by its bytes before cutting
    /// it into words: every line it turns away has no last word that is a
    /// value (or ends in digits after other text) with a non-value before it.
    @Test func labelLineScreenTurnsAwayNoLabelLine() {
        let labelLines = pipeline.tables.headerRuns.labelLines
        let rules = labelLines.rules
        let extra = ["2.重复申请 16", "2.重复申请16", "内容仍不明确 3 ", "内容仍不明确 /", "内容仍不明确 —\t", "0 36", "16", "1.5",
                     "申请人情况", "其他 。", "重复申请 5万元", "申请 12\u{301}", "申请 1\u{600} ", "1 2 3\t", "本年 增5"]
        for text in Self.texts + extra {
            var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            var couldBe = false
            if let last = words.last {
                let digits = last.unicodeScalars.reversed().prefix { ("0"..."9").contains($0) }.count
                if !rules.isValue(last) && digits > 0 && digits < last.unicodeScalars.count {
                    words.removeLast()
                    words += [String(last.unicodeScalars.dropLast(digits)), String(last.unicodeScalars.suffix(digits))]
                }
                couldBe = words.count >= 2 && rules.isValue(words.last!) && !words.dropLast().contains(where: rules.isValue)
            }
            if couldBe { #expect(labelLines.mayBeLabelLine(text), "\(text.debugDescription)") }
        }
        #expect(labelLines.mayBeLabelLine("2.重复申请 16"))
        #expect(!labelLines.mayBeLabelLine("0 36"))
        #expect(!labelLines.mayBeLabelLine("申请人情况"))
    }

    /// `tables.header-runs` cuts a line into words for its unplaced numbers
    /// only where a word may open with a value opener: no line it passes
    /// over holds a value word.
    @Test func unplacedNumbersScreenPassesOverNoValue() {
        let runs = pipeline.tables.headerRuns
        for text in Self.texts + ["2021年 12", "第12条", "本年 增5", "其他\u{301} 3", "a \u{301}1", "\u{600}1", "— 无"] {
            let hasValue = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).contains { runs.rules.isValue(String($0)) }
            if hasValue { #expect(runs.opensWordWithValueOpener(text), "\(text.debugDescription)") }
        }
        #expect(!runs.opensWordWithValueOpener("第12条"))
        // The values of a line, digit lines read off the bytes, are those of the Character split.
        for text in Self.texts + ["0 36", " 12\t 3 ", "007", "1.5 2", "12 \u{301}3", "2021年 12", "— 无 5"] {
            let slow = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init).filter(runs.rules.isValue)
            #expect(runs.valueWords(of: text) == slow, "\(text.debugDescription)")
        }
        #expect(runs.opensWordWithValueOpener("2021年 12"))
    }

    /// The probe of `tables.settle` asks `allHold` where the full reading
    /// asks for the relations: the two must agree on whether all hold.
    @Test func allHoldIsWhetherEveryRelationHolds() {
        for template in pipeline.tables.rules.templates where !template.checkSites.isEmpty {
            let empty = template.rows.map { [String?](repeating: nil, count: $0.isHeader ? 0 : $0.columnPaths.count) }
            var zeros = empty, ones = empty, oneMissing = empty, broken = empty
            for r in template.rows.indices where !template.rows[r].isHeader {
                for s in empty[r].indices { zeros[r][s] = "0"; ones[r][s] = "1"; oneMissing[r][s] = "0"; broken[r][s] = "0" }
            }
            if let site = template.checkSites.first {
                oneMissing[site.cells[0].row][site.cells[0].slot] = nil
                broken[site.cells[0].row][site.cells[0].slot] = "10"
            }
            for values in [empty, zeros, ones, oneMissing, broken] {
                let slow = TableArithmetic.relations(template, values: values).allSatisfy(\.result.holds)
                #expect(TableArithmetic.allHold(template, values: values) == slow, "\(template.id)")
            }
        }
    }

    /// A label piece carries its role from `Shape.labelRoles`, not from a
    /// lookup of its text: the two must agree for every label of every
    /// template; and the flat `checkCells` that `allHold` reads are the
    /// check sites' cells, site by site.
    @Test func labelRolesAndCheckCellsAreWhatTheyStandFor() {
        for template in pipeline.tables.rules.templates {
            if let shape = LabelledColumnRecovery.Shape(template) {
                #expect(shape.labelRoles.count == shape.labelTexts.count, "\(template.id)")
                for (text, role) in zip(shape.labelTexts, shape.labelRoles) {
                    #expect("\(String(describing: role))" == "\(String(describing: shape.roles[text]))", "\(template.id) \(text)")
                }
            }
            #expect(template.checkCellEnds.count == template.checkSites.count, "\(template.id)")
            var start = 0
            for (site, end) in zip(template.checkSites, template.checkCellEnds) {
                let cells = template.checkCells[start..<end]
                #expect(cells.map { [$0.row, $0.slot] } == site.cells.map { [$0.row, $0.slot] }, "\(template.id)")
                #expect(cells.filter(\.isLeft).count == site.leftCount, "\(template.id)")
                start = end
            }
        }
    }

    /// Stage 2's tests read on the UTF-8 in place give what the scalar
    /// views gave, on text where bytes and scalars could part (a combining
    /// mark after a point or a hyphen, full-width letters, Han, no ASCII).
    static let tokens = [
        "", "-", "a-", "ab-", "1-", "见http://www.gov.cn", "WWW.x", "wWw.", "www", "ww.w", "a@b", "电话：0435-",
        "文字 abc-", "Ａ-", "a\u{301}-", ".\u{301}", "1.\u{301}5", "12.5", ".5", "5.", "1.2.3", "123", "x:/", "a://", "年", "，",
        "统计，", "ａｂ，ｃ", "ÀB", "ǅ", "㐀", "一", "鿿", "ꀀ", "\u{20000}",
        "䷿一䶵丁", "中文 ab ䷀", "\u{4DFF}\u{4E00}\u{4FFF}\u{5000}",
    ]

    /// `measure` reads U+4E00…U+9FFF off their first bytes (E4 only from a
    /// second byte of B8: U+4DC0…U+4DFF, hexagrams, are one column).
    @Test func widthsAsTheScalarsMeasureThem() {
        #expect(LineRepair.hanIsWide)
        let repair = pipeline.lineRepair
        for text in Self.tokens {
            #expect(repair.columns(text) == LineRepair.columns(text.unicodeScalars), "\(text.debugDescription)")
            let width = repair.lineWidth(text), slow = LineRepair.lineWidth(text.unicodeScalars)
            #expect(width.columns == slow.columns && width.exactlyWide == slow.exactlyWide, "\(text.debugDescription)")
        }
    }

    /// `wrapEvidence` counts the places where Latin meets CJK in the pass
    /// that measures a line: the same width, and the places the scalars
    /// show (an ASCII and a non-ASCII scalar side by side, no space
    /// between), as `latinBoundaries` counts them; nil at a TAB.
    @Test func latinBoundariesInTheMeasuringPassAsTheScalarsShowThem() {
        let repair = pipeline.lineRepair
        let lines = Self.tokens + [
            "其他信息 26 条。", "其他信息26条。", "26条", "条26", " 26 ", "a 中 b", "中a中", "2023年被行政复议纠正1件。",
            "（2023）", "ａ1ａ", "1\u{301}中", "x\u{20000}y", "中  a", "a\u{301}", "a\tb中",
        ]
        for text in lines {
            var places = 0
            var previous: Unicode.Scalar?
            for s in text.unicodeScalars {
                if let p = previous, p != " ", s != " ", p.isASCII != s.isASCII { places += 1 }
                previous = s
            }
            let counted = repair.lineWidthAndLatinBoundariesUnlessTab(text)
            #expect(counted == nil && text.contains("\t") || counted?.latinBoundaries == places, "\(text.debugDescription)")
            #expect(counted?.latinBoundaries == (text.contains("\t") ? nil : repair.latinBoundaries(text)), "\(text.debugDescription)")
            #expect(counted?.width.columns == repair.lineWidthUnlessTab(text)?.columns, "\(text.debugDescription)")
            #expect(counted?.width.exactlyWide == repair.lineWidthUnlessTab(text)?.exactlyWide, "\(text.debugDescription)")
        }
    }

    /// `wrapEvidence` hands `join` the columns it measured of each line,
    /// which `continues` then does not measure again: each is the line's
    /// `columns`, by offset in its stretch, and -1 for a blank line or one
    /// with a TAB (which `continues` never measures).
    @Test func wrapEvidenceColumnsAreEachLinesColumns() {
        let repair = pipeline.lineRepair
        let texts = Self.tokens + ["", "其他信息 26 条。", "a\tb中", "中a中", "x\u{20000}y", "", "1\u{301}中"]
        let segments = [texts[...], texts[3...], texts[..<0]]
        for blanks in [LineRepair.Blanks.asLines, .afterEachLine] {
            for extracted in [nil, 40] {
                let lines = segments.map { segment in
                    segment.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element, extractedColumns: extracted) }[...]
                }
                let evidence = repair.wrapEvidence(lines, blanks: blanks, context: PipelineContext(tracing: false))
                #expect(evidence.columns.map(\.count) == evidence.gathered.map(\.count))
                for (segment, columns) in zip(evidence.gathered, evidence.columns) {
                    for (line, measured) in zip(segment, columns) {
                        let expected = line.text.isEmpty || line.text.contains("\t") ? -1 : repair.columns(line.text)
                        #expect(Int(measured) == expected, "\(line.text.debugDescription)")
                    }
                }
            }
        }
    }

    /// `join` given the measured columns joins as it does measuring each
    /// line itself.
    @Test func joinWithMeasuredColumnsAsWithout() {
        let repair = pipeline.lineRepair
        let texts = ["一、总体情况", "本机关认真贯彻落实政府信息公开条例，持续推进政务公开工作，不断提高", "公开质量和水平。", "二、主动公开政府信息情况",
                     "本年度主动公开政府信息共计一百二十条，其中规范性文件十件，部门文件", "三十件。", "a\tb中", "其他信息 26 条。"]
        let lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }[...]
        let context = PipelineContext(tracing: false)
        let evidence = repair.wrapEvidence([lines], blanks: .asLines, context: context)
        for fullWidth in [nil, 20, 40, 66, 70] {
            let measuring = repair.join(lines, blanks: .at([]), fullWidth: fullWidth, doubleSpaced: false, atTop: true,
                                        probing: false, context: context)
            let given = repair.join(lines, blanks: .at([]), fullWidth: fullWidth, doubleSpaced: false, atTop: true,
                                    measured: evidence.columns[0], probing: false, context: context)
            #expect(measuring?.map(\.text) == given?.map(\.text) && measuring?.map(\.lines) == given?.map(\.lines))
        }
    }

    @Test func asciiTokenAsTheScalarViewsReadIt() {
        let repair = pipeline.lineRepair
        for text in Self.tokens {
            let token = text.unicodeScalars.reversed().prefix { $0.isASCII && $0 != " " }
            let word = String(String.UnicodeScalarView(token.reversed()))
            let linked = token.contains("@") || word.contains("://") || word.lowercased().hasPrefix("www.")
            let hyphen = token.first == "-" && token.count > 1 && token.dropFirst().first?.properties.isAlphabetic == true
            let fast = repair.asciiToken(endingText: text)
            #expect(fast.linked == linked, "\(text.debugDescription)")
            #expect(fast.hyphenAfterLetter == hyphen, "\(text.debugDescription)")
        }
    }

    @Test func runningHeaderTestsAsTheScalarViewsReadThem() {
        for text in Self.tokens {
            #expect(LineRepair.holdsFullWidthComma(text) == text.unicodeScalars.contains("，"), "\(text.debugDescription)")
            #expect(LineRepair.holdsAlphabetic(text) == text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }),
                    "\(text.debugDescription)")
        }
        // Every BMP scalar alone.
        for v in UInt32(0)..<0x10000 {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(LineRepair.holdsAlphabetic(String(s)) == s.properties.isAlphabetic, "\(v)")
        }
    }

    /// The end marks and the running text of a line, read on its UTF-8,
    /// as the scalar views read them (and its open brackets, beside them).
    @Test func lineMarksAsTheScalarViewsReadThem() {
        let repair = pipeline.lineRepair
        let lines = Self.tokens + Self.texts + ["无。", "情况。）", "公开。”", "（地址：", "（一）", "“a”", "\"", "”（", "。\u{301}",
                                                 "a\u{20000}。", "）", "，", "其他（见附件", "《条例》（", "1、2；3",
                                                 "丁（一", "中）（文", "一，二", "不（䷿）丁", "鿿（\u{4DFF}"]
        // The built-in marks hold no unified ideograph: `hasRunningText`
        // and `leavesBracketOpen` step over Han text on its lead byte.
        #expect(!repair.bracketsOrRunningTextHoldHan)
        for text in lines {
            var last: Unicode.Scalar?
            for s in text.unicodeScalars.reversed() where !repair.closers.contains(s) { last = s; break }
            #expect(repair.endsSentence(text) == (last.map { repair.sentenceFinal.contains($0) } ?? false), "\(text.debugDescription)")
            #expect(repair.endsStrongly(text) == (last.map { repair.strongFinal.contains($0) } ?? false), "\(text.debugDescription)")
            #expect(repair.hasRunningText(text) == text.unicodeScalars.contains { repair.runningText.contains($0) }, "\(text.debugDescription)")
            var depth = 0
            for s in text.unicodeScalars {
                let opens = repair.openers.contains(s), closes = repair.closers.contains(s)
                if opens && !closes { depth += 1 } else if closes && !opens && depth > 0 { depth -= 1 }
            }
            #expect(repair.leavesBracketOpen(text) == (depth > 0), "\(text.debugDescription)")
        }
    }

    @Test func decimalsAndBareRunsAsTheScalarsReadThem() {
        let repair = pipeline.lineRepair
        for text in Self.tokens {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let decimal = parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 &- 0x30 < 10 } }
            #expect(repair.isDecimal(text) == decimal, "\(text.debugDescription)")
            let bare = text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
            #expect(text.utf8.allSatisfy { $0 &- 0x30 < 10 } == bare, "\(text.debugDescription)")
        }
    }

    @Test func outerScalarsAreTheScalarViewsEnds() {
        for text in Self.tokens + ["无。", "情况。）", "。\u{301}", "a\u{20000}"] {
            let outer = text.outerScalars
            #expect(outer?.first == text.unicodeScalars.first && outer?.last == text.unicodeScalars.last, "\(text.debugDescription)")
        }
    }

    /// `withoutRunningHeaders` counts the lines near page breaks by their
    /// bytes first (`mayRepeatNearBreaks`): a header spelt in two canonically
    /// equivalent ways (K and the Kelvin sign, a unified ideograph and its
    /// compatibility one, é and e with an acute) is one text near every
    /// break, as `==` has it, and is removed on every page, not found near
    /// only two of the four breaks in each spelling.
    @Test func aRunningHeaderInOtherBytesIsOneText() {
        let repair = pipeline.lineRepair
        for (a, b) in [("K统计局", "\u{212A}统计局"), ("雁溪县统\u{8C48}局", "雁溪县统\u{F900}局"), ("caf\u{E9}统计局", "cafe\u{301}统计局")] {
            let texts: [String] = (0..<4).flatMap { (page: Int) -> [String] in [page % 2 == 0 ? a : b, "第\(page)段正文内容。", "无。"] }
            let lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
            var furniture: [Int] = []
            let kept = repair.withoutRunningHeaders(lines, breaks: [0, 3, 6, 9, 12], furniture: &furniture, context: PipelineContext(tracing: false))
            #expect(furniture == [1, 4, 7, 10], "\(a.debugDescription)")
            #expect(kept.count == 8, "\(a.debugDescription)")
        }
    }

    /// `mayRepeatNearBreaks` asks whether a text may be a header only when
    /// it stands near enough breaks: 无。 there first is no header, and the
    /// header that gets there after it is still found; a header of exactly
    /// `maxColumns` Han columns is one (the walk stops only past them).
    @Test func aRunningHeaderAfterTextNearEveryBreakIsFound() {
        let repair = pipeline.lineRepair
        let han = String(repeating: "统", count: repair.file.runningHeaders.maxColumns / 2)
        for header in ["雁溪县统计局", han] {
            let texts: [String] = ["无。", "正文一。"] + (0..<4).flatMap { (_: Int) -> [String] in [header, "无。", "正文。"] }
            let lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
            var furniture: [Int] = []
            let kept = repair.withoutRunningHeaders(lines, breaks: [0, 2, 5, 8, 11, 14], furniture: &furniture, context: PipelineContext(tracing: false))
            #expect(furniture == [3, 6, 9, 12], "\(header)")
            #expect(kept.count == 10, "\(header)")
        }
    }
}

extension ExactShortcutTests {
    /// `opens` reads a line's UTF-8 in place; it must find numbering where
    /// `parse` does, and nowhere else.
    @Test func numberingOpensWhereParseFindsIt() throws {
        let numbering = try StructureRules.load(from: .builtin).numbering
        let lines = ["一、概述", "（一）主动公开", "1.总体情况", "（1）规章", "①其他", "一是加强", "1.5万条", "2024.", "二十三、附则",
                     "", "一", "（", "a\u{20000}", "十二、", "（十）情况", "12345.情况", "①"] + Self.texts + Self.tokens
        for line in lines {
            #expect(numbering.opens(line) == (numbering.parse(line) != nil), "\(line.debugDescription)")
        }
        #expect(numbering.opens("（一）主动公开") && numbering.opens("1.总体情况") && !numbering.opens("1.5万条") && !numbering.opens("一是加强"))
    }

    /// `levelAndRestOffset` finds what `parse` finds, as places: its level,
    /// and the UTF-8 offset where its `rest` starts; and the running-text
    /// test read from such an offset is the test of that rest's scalars.
    @Test func numberingRestOffsetIsWhereParsesRestStarts() throws {
        let numbering = try StructureRules.load(from: .builtin).numbering
        let repair = pipeline.lineRepair
        let lines = ["一、概述", "（一）主动公开，情况", "1.总体情况", "（1）规章", "①其他", "一是加强", "1.5万条", "2024.", "二十三、附则",
                     "", "一", "（", "a\u{20000}", "十二、", "（十）情况", "12345.情况", "①", "三、\u{20000}，", "（二）\u{301}、"]
            + Self.texts + Self.tokens
        for line in lines {
            let parsed = numbering.parse(line), found = numbering.levelAndRestOffset(line)
            #expect(found?.level == parsed?.level, "\(line.debugDescription)")
            if let parsed, let found {
                #expect(String(line.utf8.dropFirst(found.restUTF8Offset)) == String(Substring(parsed.rest)), "\(line.debugDescription)")
                #expect(repair.hasRunningText(line, fromUTF8Offset: found.restUTF8Offset)
                        == parsed.rest.contains { repair.runningText.contains($0) }, "\(line.debugDescription)")
            }
        }
        #expect(numbering.levelAndRestOffset("（一）主动公开")?.restUTF8Offset == "（一）".utf8.count)
    }

    /// `topBlockColumn` given `wrapEvidence`'s columns finds the block it
    /// finds measuring each line itself.
    @Test func topBlockColumnWithMeasuredColumnsAsWithout() {
        let repair = pipeline.lineRepair
        let block = ["关于印发本机关二〇二三年度政府信息公开工作", "年度报告的通知", "各处室、各直属单位：现将本机关年度报告印发",
                     "给你们，请认真贯彻落实，结合实际抓好工作。", "a\u{20000}中文中文中文中文中文中文", "本报告依据条例编制，由总体情况等部分组成。"]
        let body = ["一、总体情况", "本机关认真贯彻落实政府信息公开条例，持续推进政务公开工作，不断提高公开质量和水平，", "取得实效。"]
        let lines = (block + body).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }[...]
        let evidence = repair.wrapEvidence([lines], blanks: .asLines, context: PipelineContext(tracing: false))
        for bodyWidth in [nil, 20, 40, 60, 80] {
            for start in [0, 1, 2] {
                let measuring = repair.topBlockColumn(lines[start...], bodyWidth: bodyWidth, context: nil)
                let given = repair.topBlockColumn(lines[start...], bodyWidth: bodyWidth, measured: evidence.columns[0][start...], context: nil)
                #expect(measuring?.width == given?.width && measuring?.end == given?.end, "\(String(describing: bodyWidth)) \(start)")
            }
        }
    }

    /// `opening` reads each style off the line's UTF-8, decoding only as far
    /// as the style goes; it must find what the rules say, read on the line's
    /// scalars: the first style (in the rules' order) whose open mark, one to
    /// four numerals (one where no close mark), close mark and a scalar after
    /// (no ASCII digit after Arabic numerals) open the line, with a value
    /// above 0. Every line of up to three of the scalars numbering reads, and
    /// lines longer than any opening.
    @Test func numberingOpeningIsTheRulesReadOnScalars() throws {
        let numbering = try StructureRules.load(from: .builtin).numbering
        func reference(_ line: String) -> (style: String, value: Int, written: String)? {
            let s = Array(line.unicodeScalars)
            for style in numbering.styles {
                guard s.starts(with: style.open) else { continue }
                var i = style.open.count, digits: [Int] = []
                while i < s.count, digits.count < 4, let d = style.numerals[s[i]] { digits.append(d); i += 1 }
                guard !digits.isEmpty, s[i...].starts(with: style.close), !(style.close.isEmpty && digits.count > 1) else { continue }
                i += style.close.count
                guard i < s.count, style.isChinese || !("0"..."9").contains(s[i]) else { continue }
                var packed = SIMD4<Int>()
                for (k, d) in digits.enumerated() { packed[k] = d }
                let value = style.isChinese ? numbering.chineseValue(packed, count: digits.count) : digits.reduce(0) { $0 * 10 + $1 }
                guard value > 0 else { continue }
                return (style.id, value, String(String.UnicodeScalarView(s[..<i])))
            }
            return nil
        }
        let alphabet: [Unicode.Scalar] = ["（", "）", "、", ".", "一", "十", "〇", "0", "1", "9", "①", "⑳", "中", "\u{20000}"]
        var lines = [""]
        for _ in 0..<3 { lines += lines.flatMap { line in alphabet.map { line + String($0) } } }
        lines = Array(Set(lines)) + ["（十二）情况", "（一二三四）", "（一二三四五）", "12345.情况", "1234.情况", "二十三、附则",
                                     "（1234）规章", "（12345）规章", "①②", "1.5万", "1.一"] + Self.texts + Self.tokens
        var found = 0
        for line in lines {
            let parsed = numbering.parse(line), expected = reference(line)
            #expect(parsed?.numbering.style == expected?.style && parsed?.numbering.value == expected?.value
                    && parsed?.numbering.text == expected?.written, "\(line.debugDescription)")
            #expect(numbering.opens(line) == (expected != nil), "\(line.debugDescription)")
            if expected != nil { found += 1 }
        }
        #expect(found > 300)
    }

    /// `opening` turns a line away by its first byte: every scalar numbering
    /// opens with must have its first UTF-8 byte in `firstBytes`, and the
    /// lines opening with no such byte are opened by no style.
    @Test func numberingFirstBytesHoldEveryOpenersLead() throws {
        let numbering = try StructureRules.load(from: .builtin).numbering
        var openers = 0
        numbering.firstScalars.forEachBMPMember { value in
            openers += 1
            let lead = String(Unicode.Scalar(value)!).utf8.first!
            #expect(numbering.firstBytes.contains(UInt32(lead)), "U+\(String(value, radix: 16))")
        }
        #expect(openers >= 30)
        for line in ["数据12", "本机关", "a1.", " 1.总体情况", "\t一、"] {
            #expect(!numbering.opens(line), "\(line.debugDescription)")
        }
    }
}

extension ExactShortcutTests {
    /// `gridRows` as it read a line before: its cells split by TAB, each
    /// compared with the template's cell as a Substring (`==`, canonical
    /// equivalence).
    static func gridRowsSplitByTab(_ runs: HeaderRunRecovery, _ lines: [SourceLine], from start: Int, end: Int,
                                   template: TableTemplate, shape: HeaderRunRecovery.Shape) -> (rows: [[String?]], lines: [Int], last: Int)? {
        func row(_ text: String, _ r: Int) -> [String?]? {
            let cells = text.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count <= template.columns, cells.count > 1 else { return nil }
            var values = [String?](repeating: nil, count: shape.slots)
            for (c, cell) in template.rows[r].cells.enumerated() {
                let text = c < cells.count ? cells[c] : ""
                switch cell {
                case .label(let l): guard text == l else { return nil }
                case .empty: guard text.isEmpty else { return nil }
                case .value(let slot):
                    guard !text.isEmpty else { continue }
                    guard runs.rules.isValue(String(text)) else { return nil }
                    values[slot] = String(text)
                }
            }
            return values
        }
        var k = start
        while k < end {
            guard lines[k].text.contains("\t") else { return nil }
            if row(lines[k].text, shape.dataRows[0]) != nil { break }
            k += 1
        }
        var rows: [[String?]] = [], at: [Int] = []
        for r in shape.dataRows {
            guard k < end, let values = row(lines[k].text, r) else { return nil }
            rows.append(values)
            at.append(k)
            k += 1
        }
        return (rows, at, k - 1)
    }

    /// `gridRows` reads a line's cells on its bytes, comparing labels by
    /// their bytes and by `==` only where those differ: it must read every
    /// grid as the split by TAB does, and refuse every line it refuses —
    /// a label written with a compatibility ideograph (行 U+FA08 for 行,
    /// canonically the same), values, empty cells, a cell too many or one
    /// missing, text that is no value, a line cut after a TAB.
    @Test func gridRowsReadAsTheSplitByTab() throws {
        let runs = pipeline.tables.headerRuns
        var compared = 0
        for template in pipeline.tables.rules.templates {
            guard let shape = runs.shapes[template.id] else { continue }
            func grid(_ value: (Int, Int) -> String, label: (String) -> String = { $0 }) -> [String] {
                template.rows.enumerated().map { r, row in
                    row.cells.enumerated().map { c, cell -> String in
                        switch cell {
                        case .label(let l): label(l)
                        case .empty: ""
                        case .value: value(r, c)
                        }
                    }.joined(separator: "\t")
                }
            }
            let variants: [[String]] = [
                grid { _, _ in "0" },
                grid { r, c in (r + c) % 3 == 0 ? "" : "\(r * 7 + c)" },
                grid { _, _ in "" },
                grid({ _, _ in "1" }, label: { String(String.UnicodeScalarView($0.unicodeScalars.map { $0 == "行" ? "\u{FA08}" : $0 })) }),
                grid { r, c in r == shape.dataRows.last && c == 1 ? "x" : "2" },
                grid { _, _ in "3" }.map { $0 + "\t" },
                grid { _, _ in "4" }.map { $0.hasSuffix("\t") ? String($0.dropLast()) : $0 },
                grid { _, _ in "5" }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).first.map(String.init) ?? $0 },
                ["前文"] + grid { _, _ in "6" } + ["后文"],
            ]
            for texts in variants {
                let lines = texts.enumerated().map { SourceLine(number: $0 + 1, text: $1) }
                for start in [0, 1] where start < lines.count {
                    let fast = runs.gridRows(lines, from: start, end: lines.count, template: template, shape: shape)
                    let slow = Self.gridRowsSplitByTab(runs, lines, from: start, end: lines.count, template: template, shape: shape)
                    #expect(fast?.rows == slow?.rows && fast?.lines == slow?.lines && fast?.last == slow?.last, "\(template.id)")
                    if slow != nil { compared += 1 }
                }
            }
        }
        // Grids were read, not only refused.
        #expect(compared > 0)
    }

    /// The settle probe keeps a complete match that reads as the first
    /// run's grid as that grid, unmaterialized (`readsAs`): it must keep what
    /// materializing the match keeps, region for region, and tell the same
    /// grids equal — the grid itself, one value changed, a label written
    /// with a compatibility ideograph (行 U+FA08, `==` to 行), a row dropped;
    /// values that break the arithmetic, an empty value cell.
    @Test func probeReadsTheGridItWouldMaterialize() {
        let tables = pipeline.tables, rules = tables.rules
        let context = PipelineContext(tracing: false, collecting: false)
        var readAs = 0
        for template in rules.templates {
            /// `anchorOnly`: each header label that opens with an anchor cut
            /// back to that anchor, so that the match leaves it to
            /// `keepAnchorLabel` (the probe looks that label up only then).
            func lines(anchorOnly: Bool = false, _ value: (Int, Int) -> String) -> [SourceLine] {
                let rows = template.rows.enumerated().map { r, row in
                    row.cells.enumerated().map { c, cell -> String in
                        switch cell {
                        case .label(let l): anchorOnly && row.isHeader ? template.anchors.first { l.hasPrefix($0) } ?? l : l
                        case .empty: ""
                        case .value: value(r, c)
                        }
                    }.joined(separator: "\t")
                }
                return (["前文"] + rows + ["后文"]).enumerated().map { SourceLine(number: $0 + 1, text: $1) }
            }
            for input in [lines { _, _ in "0" }, lines { r, c in "\(r * 7 + c)" }, lines { r, c in (r + c) % 5 == 0 ? "" : "1" },
                          lines(anchorOnly: true) { _, _ in "0" }] {
                let slow = tables.recognize(input, context: context, gridsOnly: true)
                for region in slow {
                    let grid = region.table.grid
                    var changed = grid, compatible = grid
                    if let r = changed.indices.last, let c = changed[r].indices.last { changed[r][c] += "9" }
                    compatible = compatible.map { $0.map { String(String.UnicodeScalarView($0.unicodeScalars.map { $0 == "行" ? "\u{FA08}" : $0 })) } }
                    for first in [grid, changed, compatible, Array(grid.dropLast())] {
                        let quick = tables.recognize(input, context: context, gridsOnly: true, firstReading: { $0 == region.lines ? first : nil })
                        #expect(quick.map(\.lines) == slow.map(\.lines), "\(template.id)")
                        #expect(quick.map { $0.table.grid == first } == slow.map { $0.table.grid == first }, "\(template.id)")
                    }
                    // The match itself, read as its grid and as another.
                    let start = region.lines.lowerBound
                    let stream = CellStream(input[start...], opensAfterDigit: rules.hanPrefixes, rowNumbers: rules.rowNumbers,
                                            numberedLabels: rules.numberedLabels, isValue: rules.valueGrammar.isValue)
                    let m = tables.matcher.match(template, in: stream, from: 0, tracing: false, reporting: false)
                    let lineText = input[start].text.unicodeScalars.drop { $0 == "\t" || $0 == " " }
                    if tables.readsAs(m, grid: grid, in: stream, lineText: lineText) { readAs += 1 }
                    #expect(!tables.readsAs(m, grid: changed, in: stream, lineText: lineText), "\(template.id)")
                    #expect(!tables.readsAs(m, grid: Array(grid.dropLast()), in: stream, lineText: lineText), "\(template.id)")
                }
            }
        }
        // Complete matches were read as their grids, not only refused.
        #expect(readAs > 0)
    }
}

extension ExactShortcutTests {
    /// `holdsHost` steps over eight bytes at a time where none is ASCII: it
    /// finds a mark wherever it stands against those steps (after every
    /// count of ASCII and Han bytes), as a read byte by byte finds it.
    @Test func holdsHostAsReadByteByByte() {
        func byteByByte(_ bytes: [UInt8]) -> Bool {
            let count = bytes.count
            for i in bytes.indices {
                let b = bytes[i]
                if b == UInt8(ascii: "@") { return true }
                if b == UInt8(ascii: ":"), i + 2 < count, bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/") { return true }
                if b | 0x20 == UInt8(ascii: "w"), i + 3 < count, bytes[i + 1] | 0x20 == UInt8(ascii: "w"),
                   bytes[i + 2] | 0x20 == UInt8(ascii: "w"), bytes[i + 3] == UInt8(ascii: ".") { return true }
            }
            return false
        }
        var found = 0, checked = 0
        for ascii in 0..<8 {
            for han in 0..<6 {
                for mark in ["@", "://", "www.", "WwW.", ":/", "ww.", "w", ":", "a-b", "", "www", "：//"] {
                    for tail in ["", "中", "a", "文字文字文字文", "/", "."] {
                        let text = String(repeating: "x", count: ascii) + String(repeating: "中", count: han) + mark + tail
                        var copy = text
                        let fast = copy.withUTF8 { LineRepair.holdsHost($0) }
                        let slow = byteByByte(Array(text.utf8))
                        #expect(fast == slow, "\(text.debugDescription)")
                        if slow { found += 1 }
                        checked += 1
                    }
                }
            }
        }
        #expect(found > 500 && found < checked)
    }

    /// `firstScalar` reads an ASCII or three-byte lead off the UTF-8 view and
    /// decodes the rest in place: both give the scalar view's first scalar
    /// that is no space (nor TAB, when skipping them).
    @Test func firstScalarIsTheScalarViewsFirst() {
        let lines = ["数据12", "一、概述", "（一）", " 1", "\t1", "\t \t", "é1", "\u{20000}x", "①", "Ab", "　全角"] + Self.texts
        for line in lines {
            for skippingTabs in [false, true] {
                let slow = line.unicodeScalars.first { $0 != " " && !(skippingTabs && $0 == "\t") }?.value
                #expect(LineRepair.firstScalar(of: line, skippingTabs: skippingTabs) == slow, "\(line.debugDescription) \(skippingTabs)")
            }
        }
    }
}

/// The lines stage's screens and in-place reads (speedL104) give what the
/// cell-by-cell, array and dictionary ways they replace gave.
extension ExactShortcutTests {
    static let valueLines = [
        "", " ", "0", "12 3", "增1 减5 0", "3 -1 2", "286减12", "2021年，我市", "2021年 12", "12 件", "12件 3", "/ 12",
        "— 无 5", "1.5 2", "12 \u{301}3", "1,234 5", "12%", "万元 12", "12 x", "增", "减12\t3", "3 +2", "12  3", "1 2 3 增",
        "５ 3", "0 ——", "12。", "12 元", "12万元 3", "无", "+ 5", "12.", ".5",
    ]

    /// `isValuesLine` as it was before its screen: the line cut into cells
    /// at spaces and at a Han prefix after a digit, each asked in turn.
    static func isValuesLineCellByCell(_ text: String, signed: Bool, _ repair: LineRepair) -> Bool {
        guard let first = LineRepair.firstScalar(of: text, skippingTabs: false), let grammar = repair.valueGrammar,
              grammar.valueOpeners.contains(first) else { return false }
        let scalars = Substring(text).unicodeScalars
        var start = scalars.startIndex, previousDigit = false, sign = false
        func value(upTo end: String.UnicodeScalarView.Index) -> Bool {
            let cell = scalars[start..<end]
            guard let opener = cell.first else { return true }
            if !grammar.digits.contains(opener), grammar.prefixOpeners.contains(opener) { sign = true }
            return TableRecognizer.isDigitValue(cell, grammar)
        }
        for i in scalars.indices {
            let s = scalars[i]
            if s == " " || (previousDigit && grammar.hanPrefixes.contains(s)) {
                guard value(upTo: i) else { return false }
                start = s == " " ? scalars.index(after: i) : i
            }
            previousDigit = grammar.digits.contains(s)
        }
        return value(upTo: scalars.endIndex) && (sign || !signed)
    }

    /// `isValuesLine` turns away a line with a scalar no value holds before
    /// cutting it into cells: the answers are those of the cells.
    @Test func valuesLineScreenAnswersAsTheCells() {
        let repair = pipeline.lineRepair
        let grammar = repair.valueGrammar!
        for text in Self.valueLines + Self.texts {
            for signed in [false, true] {
                #expect(repair.isValuesLine(text, signed: signed) == Self.isValuesLineCellByCell(text, signed: signed, repair),
                        "\(text.debugDescription) \(signed)")
            }
        }
        #expect(!LineRepair.holdsOnlySpaces(or: grammar.valueScalars, "2021年，我市"))
        #expect(LineRepair.holdsOnlySpaces(or: grammar.valueScalars, "增1 减5 0 12万元 —"))
    }

    /// `isClockTime` reads four or five bytes in place, as the array of them read.
    @Test func clockTimesAsTheBytesArray() {
        let repair = pipeline.lineRepair
        for run in ["17:30", "8:30", "830", "17:3", ":30", "117:30", "17:30:", "a7:30", "17：30", "1:2:3", "12:345", "", "::::", "17:3a", "١٧:٣٠"] {
            let bytes = Array(run.utf8)
            let slow = bytes.firstIndex(of: UInt8(ascii: ":")).map { colon in
                colon > 0 && colon <= 2 && bytes.count - colon == 3 && bytes.enumerated().allSatisfy { $0.offset == colon || $0.element &- 0x30 < 10 }
            } ?? false
            #expect(repair.isClockTime(run) == slow, "\(run.debugDescription)")
        }
    }

    /// `pageNumberSuffix` sums the `#`'s digits in place: the match and the
    /// number the digits' string parsed to, as before.
    @Test func pageNumberSuffixNumbersAsParsed() {
        func slow(_ pattern: [Unicode.Scalar], of scalars: [Unicode.Scalar]) -> (start: Int, number: Int)? {
            var j = scalars.count
            var number: Int?
            for p in pattern.reversed() {
                while j > 0 && scalars[j - 1] == " " { j -= 1 }
                if p == "#" {
                    let end = j
                    while j > 0 && scalars[j - 1].value &- 0x30 < 10 { j -= 1 }
                    guard j < end, end - j <= 4 else { return nil }
                    number = Int(String(String.UnicodeScalarView(scalars[j..<end])))
                } else {
                    guard j > 0, scalars[j - 1] == p else { return nil }
                    j -= 1
                }
            }
            return number.map { (j, $0) }
        }
        let patterns: [[Unicode.Scalar]] = [Array("- # -".unicodeScalars), Array("第#页".unicodeScalars), Array("#/#".unicodeScalars)]
        for text in ["- 12 -", "- 0012 -", "第 7 页", "第0页", "3/45", "- 12345 -", "x- 9 -", "第页", "9999/0001", "8:30-1-", ""] {
            let scalars = Array(text.unicodeScalars)
            for pattern in patterns {
                let (fast, reference) = (LineRepair.pageNumberSuffix(pattern, of: scalars), slow(pattern, of: scalars))
                #expect(fast?.start == reference?.start && fast?.number == reference?.number, "\(text.debugDescription)")
            }
        }
    }

    /// `columnWidth` counts the widths in its window by their runs in the
    /// sorted widths: the most common width, ties to the wider, as a count
    /// of each width found it, at the widest window with enough lines.
    @Test func columnWidthAsCountedWidthByWidth() {
        let repair = pipeline.lineRepair
        let wrap = repair.file.wrap
        func slow(_ widths: [Int]) -> Int? {
            let w = widths.filter { $0 >= wrap.minLineColumns }
            guard let widest = w.max(), let narrowest = w.min() else { return nil }
            let needed = max(wrap.minLines, Int((wrap.minShare * Double(w.count)).rounded(.up)))
            for width in stride(from: widest, through: narrowest, by: -1) {
                let inWindow = w.filter { $0 <= width && $0 > width - wrap.window - 1 }
                guard inWindow.count >= needed else { continue }
                guard Double(w.filter { $0 > width }.count) <= wrap.maxWiderShare * Double(w.count) else { return nil }
                var counts: [Int: Int] = [:]
                for x in inWindow { counts[x, default: 0] += 1 }
                return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key
            }
            return nil
        }
        var seed: UInt64 = 104
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) % n }
        var cases: [[Int]] = [[], [30], Array(repeating: 30, count: 5) + Array(repeating: 32, count: 5), [40, 40, 41, 41, 42, 42, 10, 10]]
        for _ in 0..<300 { cases.append((0..<(5 + next(40))).map { _ in 15 + next(30) }) }
        for widths in cases {
            #expect(repair.columnWidth(widths: widths) == slow(widths), "\(widths)")
        }
    }
}

extension ExactShortcutTests {
    /// `columnWidth` of lines measures them into an array: the column of
    /// their widths, lines with a TAB left out.
    @Test func columnWidthOfLinesIsThatOfTheirWidths() {
        let repair = pipeline.lineRepair
        let full = String(repeating: "政", count: 30), short = String(repeating: "政", count: 12) + "。"
        let texts = Array(repeating: full, count: 8) + [short, "a\tb", full + "\t1", "", short] + Array(repeating: full + "政", count: 1)
        let lines = texts.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        #expect(repair.columnWidth(lines) == repair.columnWidth(widths: texts.compactMap { repair.columnsUnlessTab($0) }))
        #expect(repair.columnWidth(lines[...]) == 60)
    }
}

extension ExactShortcutTests {
    /// A style's numerals are looked up in a table by scalar value; it must
    /// answer as the style's dictionary does for every scalar of the BMP and
    /// beyond, the ones just outside the table's ends included.
    @Test func numeralTableIsTheNumeralDictionary() throws {
        let numbering = try StructureRules.load(from: .builtin).numbering
        #expect(numbering.styles.contains { $0.numerals.count >= 20 })
        for style in numbering.styles {
            for value in UInt32(0)...0x1_0010 {
                guard let scalar = Unicode.Scalar(value) else { continue }
                #expect(style.numeral(scalar) == style.numerals[scalar], "\(style.id) U+\(String(value, radix: 16))")
            }
        }
        #expect(numbering.parse("二十三、附则")?.numbering.value == 23 && numbering.parse("⑳其他")?.numbering.value == 20
                && numbering.parse("（〇）")?.numbering == nil && numbering.parse("9.情况")?.numbering.value == 9)
    }
}

extension ExactShortcutTests {
    /// `endsAsHeading` asks the whole lines first and reads the text after
    /// the numbering in place: the answer of the test on a copy of that text.
    @Test func endsAsHeadingIsTheTestOnTheRestCopied() {
        let repair = pipeline.lineRepair
        let lines = ["一、概述", "一、主动公开，情况", "（一）主动公开（", "1.总体情况", "二、", "本年度，共", "（二）行政（许可）",
                     "①其他、", "3、依申请公开", "1.5万条，", "（三）"] + Self.texts
        for line in lines {
            for next in lines {
                let rest = repair.numbering.parse(line).map { String($0.rest) } ?? line
                let copied = !repair.hasRunningText(rest) && !repair.leavesBracketOpen(line) && repair.hasRunningText(next)
                #expect(repair.endsAsHeading(line, before: next) == copied, "\(line.debugDescription) \(next.debugDescription)")
            }
        }
    }
}

extension ExactShortcutTests {
    /// `joinLines` looks for the top block's mark-pair cuts only where the
    /// first stretch holds a cut (`markPairCuts`' `holdsCut`): a stretch
    /// that holds none joins nothing against the block's column either, and
    /// `lineEndLastBytes`, which turns most lines away, holds the last byte
    /// of every mark a cut line may end with.
    @Test func noMarkPairCutInAStretchMeansNoneInItsTopBlock() throws {
        let repair = pipeline.lineRepair
        let pairs = try #require(repair.markPairs)
        for mark in "》）〕】」』〉，、；：。！？".unicodeScalars where pairs.lineEnds.contains(mark) {
            #expect(pairs.lineEndLastBytes[Int(String(mark).utf8.last!)], "\(mark)")
        }
        let block = String(repeating: "甲", count: 15)
        let pieceSets = [["报告格式》", "（国办函〔2021〕）编"], ["报告格式》", "国办函〔2021〕）编"], ["报告格式", "（国办函〔2021〕）编"],
                         ["报告格式。", "（二）国办函〔2021〕"], ["报告格式》", "\t（国办函〔2021〕）编"], ["报告格式》|", "（国办函〔2021〕）编"]]
        for pieces in pieceSets {
            for blank in [false, true] {
                let preamble = [block, block, block] + pieces + [block, block, blank ? "" : block, String(repeating: "乙", count: 9) + "。"]
                let body = (0..<8).map { _ in String(repeating: "丙", count: 20) } + ["结束。"]
                let lines = (preamble + ["一、总体情况"] + body).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }[...]
                for column in [20, 30, 40, 60] {
                    var spans: [Int: Int] = [:]
                    let found = repair.markPairCuts(lines, column: column, spans: &spans, context: PipelineContext(tracing: false))
                    let top = repair.gatherTopBlockMarkPairCuts(lines, bodyWidth: column, spans: &spans, context: PipelineContext(tracing: false))
                    #expect(found.holdsCut || (found.joined == nil && top == nil), "\(pieces) \(blank) \(column)")
                }
            }
        }
    }
}
