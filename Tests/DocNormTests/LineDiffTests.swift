import Testing
@testable import DocNorm
import DocNormTestSupport

@Suite struct LineDiffTests {
    /// Longest common subsequence length by dynamic programming (small inputs only).
    func lcs(_ a: [String], _ b: [String]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for j in 0..<b.count {
                let up = row[j + 1]
                row[j + 1] = x == b[j] ? diagonal + 1 : max(row[j + 1], row[j])
                diagonal = up
            }
        }
        return row[b.count]
    }

    /// The script must turn old into new: equal lines match, and every line of
    /// each side appears once, in order.
    func check(_ edits: [LineDiff.Edit], _ a: [String], _ b: [String]) {
        #expect(edits.compactMap { $0.operation == .insert ? nil : $0.old } == Array(a.indices))
        #expect(edits.compactMap { $0.operation == .delete ? nil : $0.new } == Array(b.indices))
        for e in edits where e.operation == .equal { #expect(a[e.old!] == b[e.new!]) }
    }

    @Test func randomInputsGiveValidAndShortestScripts() {
        var generator = SplitMix64(seed: 400)
        for _ in 0..<400 {
            let alphabet = ["a", "b", "c", "d", "e", "", "政府"].prefix(Int.random(in: 2...7, using: &generator))
            let a = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let shortest = LineDiff.edits(a, b, anchoring: false)
            check(shortest, a, b)
            #expect(shortest.filter { $0.operation == .equal }.count == lcs(a, b), "a: \(a) b: \(b)")
            check(LineDiff.edits(a, b), a, b)
        }
    }

    /// The eval's CER counts from a shortest script: an x moved from the
    /// front to the back is two edits. Anchoring on x (once on each side)
    /// would delete and insert the three a's around it: six.
    @Test func characterEditsComeFromAShortestScript() {
        let (x, a) = (Int(("x" as Unicode.Scalar).value), Int(("a" as Unicode.Scalar).value))
        #expect(LineDiff.characterEdits([x, a, a, a], [a, a, a, x], anchoring: false) == 2)
        #expect(LineDiff.characterEdits([x, a, a, a], [a, a, a, x], anchoring: true) == 6)
        #expect(QualityReport.editDistance("x年年年", "年年年x") == 2)
    }

    @Test func hunksCoverChangesWithContext() {
        let a = (1...20).map(String.init)
        var b = a
        b[4] = "five"
        b.insert("new", at: 15)
        let hunks = LineDiff.hunks(LineDiff.edits(a, b), context: 2)
        #expect(hunks.map(\.old) == [2..<7, 13..<17])
        #expect(hunks.map(\.new) == [2..<7, 13..<18])
        #expect(LineDiff.hunks(LineDiff.edits(a, a)).isEmpty)
    }

    /// A re-wrapped document of four thousand lines: the script is valid (the
    /// memory is linear; the run time is measured in the README, not here).
    @Test func largeInputs() {
        let a = (0..<4_000).map { "line \($0 % 700) of a paragraph" }
        let b = stride(from: 0, to: 4_000, by: 3).map { "line \($0 % 700) joined" }
        check(LineDiff.edits(a, b), a, b)
    }
}
