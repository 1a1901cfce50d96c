import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport

/// Corpus/*/known-losses.json lets `docnorm eval` score a LibreOffice PDF's
/// extractions against the gold less what that PDF does not draw. Each listed
/// loss must be real: the gold has the text once, every text layer of the
/// LibreOffice PDF has its neighbours together without it, and the Chromium
/// PDF of the same gold (where there is one) has it — so the mark is missing
/// from the page, not from the gold or from docnorm's reading.
@Suite struct KnownLossTests {
    /// The extraction without whitespace and without the rendered footers
    /// (`- 3 -`), which stand between the two halves of a page-broken line.
    func squeezed(_ text: String) -> String {
        let footer = { (line: Substring) -> Bool in
            let t = line.filter { $0 != " " }
            return t.count >= 3 && t.first == "-" && t.last == "-" && t.dropFirst().dropLast().allSatisfy(\.isNumber)
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { !footer($0) }
            .joined().filter { !$0.isWhitespace }
    }

    func read(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: ["Corpus/eval", "Corpus/holdout"])
    func everyListedLossIsMissingFromThePage(corpus: String) throws {
        let root = repositoryRoot.appendingPathComponent(corpus)
        let data = try #require(FileManager.default.contents(atPath: root.appendingPathComponent("known-losses.json").path))
        let known = try JSONDecoder().decode(QualityReport.KnownLosses.self, from: data)
        #expect(!known.losses.isEmpty)
        for loss in known.losses {
            let folder = root.appendingPathComponent(loss.document)
            let written = loss.before + loss.lost + loss.after
            let gold = try #require(read(folder.appendingPathComponent("gold.txt")))
            #expect(gold.ranges(of: written).count == 1, "\(loss.document): \(written)")
            for layer in ["pymupdf", "pypdf", "pdftotext-layout", "pdftotext-rawflag"] {
                let text = squeezed(try #require(read(folder.appendingPathComponent("extracted/\(layer).txt"))))
                #expect(!text.contains(written) && text.contains(loss.before + loss.after), "\(loss.document) \(layer): \(written)")
            }
            if let chromium = read(folder.appendingPathComponent("extracted/chromium/pymupdf.txt")) {
                #expect(squeezed(chromium).contains(written), "\(loss.document) chromium: \(written)")
            }
        }
    }

    @Test func aLossIsTakenFromTheGoldOfItsPDFsExtractionsOnly() throws {
        let known = QualityReport.KnownLosses(extractors: ["pymupdf"], losses: [.init(document: "d", before: "公开", lost: "，", after: "其中")])
        #expect(try known.allowing(in: "甲公开，其中乙\n", document: "d") == "甲公开其中乙\n")
        #expect(try known.allowing(in: "甲公开，其中乙\n", document: "other") == nil)
        // A loss that no longer fits its gold is an error, not a silent pass.
        #expect(throws: DocNormError.self) { try known.allowing(in: "甲公开其中乙\n", document: "d") }
        #expect(throws: DocNormError.self) { try known.allowing(in: "公开，其中 公开，其中\n", document: "d") }
    }
}
