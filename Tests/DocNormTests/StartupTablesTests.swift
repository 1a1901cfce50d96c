import Testing
@testable import DocNorm
import ICUKit

/// The 64K tables built at start-up are filled from sets of members (ICU's
/// property sets as ranges); they must hold exactly what asking each scalar
/// gives, as they were first built.
@Suite struct StartupTablesTests {
    @Test func propertyRangesAgreeWithPerScalarProperties() {
        let mayChange = ScalarSet(ranges: UnicodeProperties.mayChangeUnderNFKCRanges, pattern: "NFKC")
        let twoColumns = ScalarSet(ranges: UnicodeProperties.twoColumnRanges, pattern: "two columns")
        let wide = ScalarSet(ranges: UnicodeProperties.wideRanges, pattern: "wide")
        for v in UInt32(0)...0x10FFFF where v <= 0xFFFF || v % 97 == 0 {
            if mayChange.contains(v) != UnicodeProperties.mayChangeUnderNFKC(v) { Issue.record("NFKC U+\(String(v, radix: 16))") }
            if twoColumns.contains(v) != (UnicodeProperties.columns(v) == 2) { Issue.record("columns U+\(String(v, radix: 16))") }
            if wide.contains(v) != UnicodeProperties.isWide(v) { Issue.record("wide U+\(String(v, radix: 16))") }
        }
    }

    @Test func forEachBMPMemberVisitsTheMembersInOrder() {
        let set = ScalarSet(ranges: [0...2, 0x3F...0x41, 0xFFFF...0x10001], pattern: "test")
        var members: [UInt32] = []
        set.forEachBMPMember { members.append($0) }
        #expect(members == [0, 1, 2, 0x3F, 0x40, 0x41, 0xFFFF])
    }

    @Test func widthClassesAskEachScalar() {
        for v in 0..<0x10000 {
            let columns = UnicodeProperties.columns(UInt32(v))
            let asked = UInt8(columns) | (columns == 2 && UnicodeProperties.isWide(UInt32(v)) ? LineRepair.exactlyWideBit : 0)
            if LineRepair.widthClasses[v] != asked { Issue.record("U+\(String(v, radix: 16)): \(LineRepair.widthClasses[v]), asked \(asked)") }
        }
    }

    /// The pipeline's own normalizer (with stage 1c's openers) and one built
    /// from the rules alone.
    @Test func scalarClassesAskEachScalar() throws {
        let pipeline = try Pipeline(rules: rules)
        for classes in [pipeline.characters.classes, CharacterNormalizer(rules: rules).classes] {
            let kept = try? ScalarSet(pattern: classes.rules.normalizer.keptPattern)
            for v in UInt32(0)..<0x10000 {
                var c: ScalarClasses.Bits = 0
                if v == 0x0A || v == 0x0D || v == 0x0C || v == 0x2028 || v == 0x2029 { c |= ScalarClasses.lineBreak }
                if classes.rules.radicals[v] != nil { c |= ScalarClasses.radical }
                if !(kept?.contains(v) ?? false) && (v & 0xF800 == 0xD800 || UnicodeProperties.mayChangeUnderNFKC(v)) { c |= ScalarClasses.nfkc }
                if classes.rules.remove.contains(v) { c |= ScalarClasses.remove }
                if classes.rules.spaces.contains(v) { c |= ScalarClasses.space }
                if v == 0x20 { c |= ScalarClasses.asciiSpace }
                if classes.punctuationCandidates.contains(v) {
                    c |= classes.digitGuarded.contains(v) ? ScalarClasses.punctuationInNumbers : ScalarClasses.punctuation
                }
                if classes.ocrOpeners.contains(v) && v != classes.ocrIdeograph && v != classes.otherOCRIdeograph { c |= ScalarClasses.ocrOpener }
                if classes.bmp[Int(v)] != c { Issue.record("U+\(String(v, radix: 16)): \(classes.bmp[Int(v)]), asked \(c)") }
            }
        }
    }

    /// The radicals table is read on its bytes; lines and comments are what
    /// splitting the String into Characters made them: a line does not end
    /// inside CR LF, and `#` with a mark joined to it opens no comment.
    @Test func radicalsTableLinesAreTheStringsLines() {
        func parsed(_ text: String) -> String {
            do {
                return try RuleSet.parseRadicals(text, file: "r.tsv").sorted { $0.key < $1.key }
                    .map { "\(String($0.key, radix: 16))→\(String($0.value, radix: 16))" }.joined(separator: " ")
            } catch let DocNormError.invalidRules(_, line, _, _) { return "line \(line ?? -1)" } catch { return "\(error)" }
        }
        #expect(parsed("# c\n\n2F00\t4E00\t⼀\t一\n") == "2f00→4e00")
        #expect(parsed("2F00\t\t4E00\n#x\n") == "2f00→4e00")
        #expect(parsed("# a\r\n2F00\t4E00\r\n") == "")
        #expect(parsed("# a\n2F00\t4E00\r\n") == "line 2")
        #expect(parsed("#\u{301} x\n2F00\t4E00\n") == "line 1")
        #expect(parsed("#\u{4E00}\n+2F00\t4e00") == "2f00→4e00")
        #expect(parsed("\n\n2F00 4E00\n") == "line 3")
        #expect(parsed("2F00\t4E00\n\r\n2F01\t4E01") == "line 2")
    }
}
