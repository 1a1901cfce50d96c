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
}
