import Testing
@testable import DocNorm

/// `CellCut`, the one cut of a table's text into cells that stage 3's cell
/// stream, the settle probe's shortcut (`TableFixpoint.isOneValueToken`,
/// `readsOnlyItself`) and stage 2's `isValuesLine` share.
@Suite struct CellCutTests {
    let cut = pipeline.tables.rules.valueGrammar.cellCut

    /// The cells `cut` makes of `text`, as strings.
    func cells(_ text: String) -> [String] {
        var found: [String] = []
        _ = cut.allCells(in: text.unicodeScalars) { found.append(String($0)); return true }
        return found
    }

    /// The cells of the same text as the cell stream cuts it (its cell starts).
    func streamCells(_ text: String) -> [String] {
        let stream = CellStream([SourceLine(number: 1, text: text)], opensAfterDigit: pipeline.tables.rules.hanPrefixes)
        var found: [String] = [], i = 0
        while i < stream.count {
            let end = stream.tokenEnd(from: i)
            found.append(stream.text(i..<end))
            i = end
        }
        return found
    }

    /// The rules' Han value prefixes are the ones the cut opens a cell with.
    @Test func theCutOpensACellAtTheGrammarsHanPrefixes() {
        #expect(cut.opensAfterDigit == ["增", "减"])
    }

    /// Stage 1 removes the space before a Han prefix (1 增1 减5 → 1增1减5):
    /// a 增 or 减 right after a digit opens a cell.
    @Test func aHanPrefixRightAfterADigitOpensACell() {
        #expect(cells("1增1减5") == ["1", "增1", "减5"])
        #expect(cells("286减12") == ["286", "减12"])
        #expect(cells("12.5增3") == ["12.5", "增3"])
    }

    /// One opening a text or following a separator or another scalar than
    /// a digit cuts nothing.
    @Test func aHanPrefixNotAfterADigitCutsNothing() {
        #expect(cells("增3") == ["增3"])
        #expect(cells("0 增3") == ["0", "增3"])
        #expect(cells("本年增/减") == ["本年增/减"])
        #expect(cells("增减3") == ["增减3"])
        #expect(cells("万元增5") == ["万元增5"])
    }

    /// An ASCII sign is no Han prefix: -2 and 3-1 stay one cell.
    @Test func anASCIISignCutsNothing() {
        #expect(cells("-2") == ["-2"])
        #expect(cells("3-1 +6") == ["3-1", "+6"])
    }

    /// Space, TAB and `|` separate cells; side by side they make no empty cell.
    @Test func spacesTabsAndBarsSeparateCells() {
        #expect(cells("0 0 0") == ["0", "0", "0"])
        #expect(cells("  0   0\t\t0 ") == ["0", "0", "0"])
        #expect(cells("规章\t0\t\t5") == ["规章", "0", "5"])
        #expect(cells("| 0 | 增2 |") == ["0", "增2"])
        #expect(cells("1|增2") == ["1", "增2"])
        #expect(cells("") == [])
        #expect(cells(" \t| ") == [])
    }

    /// A full-width digit is no digit to the cut (stage 1 makes it ASCII
    /// before any reader sees it): １增１ is one cell.
    @Test func aFullWidthDigitIsNoDigit() {
        #expect(cells("１增１") == ["１增１"])
        #expect(cells("1增１减５") == ["1", "增１减５"])
    }

    /// `cellEnd` from inside a text: the cell that opens there, `start`
    /// itself at a separator.
    @Test func aCellEndsAtTheNextCut() {
        let text = Array("0 1增1减5".unicodeScalars)
        #expect(cut.cellEnd(in: text, from: 0) == 1)
        #expect(cut.cellEnd(in: text, from: 1) == 1)
        #expect(cut.cellEnd(in: text, from: 2) == 3)
        #expect(cut.cellEnd(in: text, from: 3) == 5)
        #expect(cut.cellEnd(in: text, from: 5) == 7)
    }

    /// The cell stream cuts every one of these texts as the cut does.
    @Test func theCellStreamCutsAsTheCutDoes() {
        for text in ["1增1减5", "增3", "-2", "0 0 0", "规章\t0\t\t5", "| 0 | 增2 |", "1|增2", "１增１", "286减12 本年增/减 3-1 +6"] {
            #expect(streamCells(text) == cells(text), "\(text)")
        }
    }

    /// The settle probe takes a grid cell for one value only where the cut
    /// makes it one cell.
    @Test func theSettleProbeTakesOneCellOfTheCutForOneValue() {
        let tables = pipeline.tables
        for text in ["增3", "-2", "12.5", "1增1", "0 0", "1|2", "3\t", "１增１"] {
            #expect(!tables.isOneValueToken(text) || cells(text) == [text], "\(text)")
        }
        #expect(tables.isOneValueToken("增3") && tables.isOneValueToken("-2"))
        #expect(!tables.isOneValueToken("1增1") && !tables.isOneValueToken("0 0") && !tables.isOneValueToken("1|2"))
    }

    /// Stage 2's values-line test reads a line's values as the cut makes
    /// them; a line with a TAB or `|` (a grid's row, a Markdown table's) is
    /// none of its lines of values apart by spaces.
    @Test func aValuesLineIsCutAsTheStreamCutsIt() {
        let lines = pipeline.lineRepair
        #expect(lines.isValuesLine("1增1减5"))
        #expect(lines.isValuesLine("1增1减5", signed: true))
        #expect(lines.isValuesLine("0 0 0") && !lines.isValuesLine("0 0 0", signed: true))
        #expect(lines.isValuesLine("3 -1 2", signed: true))
        #expect(lines.isValuesLine("增3", signed: true))
        #expect(!lines.isValuesLine("1增"))
        #expect(!lines.isValuesLine("1本年增/减"))
        #expect(!lines.isValuesLine("0\t0") && !lines.isValuesLine("0 | 增1", signed: true))
    }
}
