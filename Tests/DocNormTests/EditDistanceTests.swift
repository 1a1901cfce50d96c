import Testing
@testable import DocNorm
import DocNormTestSupport

@Suite struct EditDistanceTests {
    /// Levenshtein distance by the plain O(n·m) table (small inputs only).
    func table(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var row = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var diagonal = row[0]
            row[0] = i + 1
            for j in 0..<b.count {
                let up = row[j + 1]
                row[j + 1] = min(up + 1, row[j] + 1, diagonal + (x == b[j] ? 0 : 1))
                diagonal = up
            }
        }
        return row[b.count]
    }

    func distance(_ a: String, _ b: String) -> Int { EditDistance(a, b).value }

    @Test func knownDistances() {
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("sitting", "kitten") == 3)
        #expect(distance("", "") == 0)
        #expect(distance("", "abc") == 3)
        #expect(distance("abc", "") == 3)
        #expect(distance("政府信息公开", "政府信息公开") == 0)
        #expect(distance("政府信息公开", "政府倍息公开") == 1)
        #expect(distance("信息公开", "政府信息公开工作") == 4)
        #expect(distance("政府信息公开工作", "信息公开") == 4)
        // Scalars, not characters: é as e + combining acute is two.
        #expect(distance("e\u{301}", "\u{E9}") == 2)
    }

    /// Counted from a shortest insert/delete script, 信信府 → 府开开 keeps 府
    /// and costs two deletions before it and two insertions after: 4. Three
    /// substitutions do it in 3.
    @Test func substitutionsBeatTheShortestInsertDeleteScript() {
        let (a, b) = ("信信府", "府开开")
        #expect(LineDiff.characterEdits(a.unicodeScalars.map { Int($0.value) }, b.unicodeScalars.map { Int($0.value) }, anchoring: false) == 4)
        #expect(distance(a, b) == 3)
        #expect(QualityReport.editDistance(a, b) == 3)
    }

    /// Lengths across 64 and 128 symbols (word boundaries of a bit-parallel
    /// table; long diagonals here).
    @Test func longTexts() {
        let base = String(repeating: "政府信息公开年度报告", count: 20)   // 200 scalars
        #expect(distance(base, base) == 0)
        #expect(distance(String(base.prefix(65)), String(base.prefix(130))) == 65)
        #expect(distance(String(base.prefix(130)), "") == 130)
        var changed = Array(base.unicodeScalars)
        for index in [0, 63, 64, 127, 128, 199] { changed[index] = "x" }
        #expect(distance(base, String(String.UnicodeScalarView(changed))) == 6)
        changed.insert("y", at: 100)
        #expect(distance(base, String(String.UnicodeScalarView(changed))) == 7)
    }

    @Test func randomInputsAgreeWithTheTable() {
        var generator = SplitMix64(seed: 68)
        for _ in 0..<2000 {
            let alphabet: [UInt32] = Array([0x61, 0x62, 0x63, 0x64, 0x653F, 0x5E9C].prefix(Int.random(in: 1...6, using: &generator)))
            let a = (0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(EditDistance(scalars: a, b).value == table(a, b), "a: \(a) b: \(b)")
        }
        // Long and mostly equal, as the eval's texts are.
        for _ in 0..<50 {
            var a = (0..<Int.random(in: 100...300, using: &generator)).map { _ in UInt32.random(in: 0x61...0x64, using: &generator) }
            var b = a
            for _ in 0..<Int.random(in: 0...20, using: &generator) {
                let index = Int.random(in: 0..<b.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: b[index] = 0x65
                case 1: b.remove(at: index)
                default: b.insert(0x66, at: index)
                }
            }
            if Bool.random(using: &generator) { swap(&a, &b) }
            #expect(EditDistance(scalars: a, b).value == table(a, b))
        }
    }
}
