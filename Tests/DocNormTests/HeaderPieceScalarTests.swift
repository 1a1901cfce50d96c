import Testing
import ICUKit
@testable import DocNorm

/// `HeaderPieceEvidence.hasNoCanonicalDecomposition`: the hand-written
/// ranges it holds true for, against ICU's data, and what its callers rely
/// on where a scalar of them is still the target of another's singleton
/// decomposition (行 U+884C of U+FA08).
struct HeaderPieceScalarTests {
    /// No scalar it holds true for has a canonical decomposition (ICU's
    /// NFD_Quick_Check No): each is its own NFD. (Its doc comment said such a
    /// Character equals one of them alone only when it is that scalar alone;
    /// U+FA08 equals 行.)
    @Test func itsScalarsHaveNoCanonicalDecomposition() {
        var held = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), HeaderPieceEvidence.hasNoCanonicalDecomposition(scalar) else { continue }
            held += 1
            #expect(!UnicodeProperties.canonicalDecompositionRanges.contains { $0.contains(value) }, "U+\(String(value, radix: 16))")
        }
        #expect(held > 20_000)
        // The ranges ICU gives are the decomposing scalars: U+FA08 is one, 行 not.
        #expect(UnicodeProperties.canonicalDecompositionRanges.contains { $0.contains(0xFA08) })
        #expect(!UnicodeProperties.canonicalDecompositionRanges.contains { $0.contains(0x884C) })
    }

    /// 行 has a canonical equivalent, U+FA08, whose Character equals its own.
    /// A line holding U+FA08 where a label holds 行 is not told by its
    /// scalars to name nothing (U+FA08 decomposes, so it is no scalar of the
    /// test): the Characters are asked, and the label ending is found.
    @Test func aSingletonOfALabelScalarIsAskedByCharacters() {
        let labels = ["行政许可", "行政处罚"]
        let index = HeaderPieceEvidence.LabelIndex(labels)
        #expect(index.endings != nil)
        #expect(!HeaderPieceEvidence.hasNoCanonicalDecomposition("\u{FA08}"))
        #expect(HeaderPieceEvidence.hasNoCanonicalDecomposition("\u{884C}"))
        #expect(Character("\u{FA08}") == Character("行"))
        let line = "\u{FA08}政许可"
        #expect(!index.surelyNamesNothing(line))
        #expect(index.labels(endingWith: line, in: labels) == labels.filter { $0.hasSuffix(line) })
        #expect(index.labels(endingWith: line, in: labels) == ["行政许可"])
        // A scalar of the test no label holds: surely nothing.
        #expect(index.surelyNamesNothing("行政复议"))
    }
}
