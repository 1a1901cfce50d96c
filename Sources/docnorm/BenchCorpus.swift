#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials

/// The benchmark corpus: every seed document from `Corpus/` (samples and, when
/// present, the evaluation corpus's extracted texts), repeated with other
/// numbers and another place name in each copy, so that no two documents are
/// the same bytes and caches do not flatter the figures.
struct BenchCorpus {
    var documents: [[UInt8]]
    var bytes: Int { documents.reduce(0) { $0 + $1.count } }

    /// The seed documents under `root`: Corpus/samples/*/input.txt and every
    /// extraction `eval` scores, Corpus/eval/*/extracted/*.txt and
    /// extracted/chromium/*.txt (the Chromium-printed PDFs' dialects: pdftotext
    /// setting a row's first value on another baseline, pdfminer's one box per
    /// cell). Not Corpus/holdout: the held-out reports are a generality check
    /// kept out of every loop a change is tuned in, and the set grows, which
    /// would move the bench's figures with no change to the code.
    static func seeds(root: String) throws -> [[UInt8]] {
        let fm = FileManager.default
        var paths: [String] = []
        let samples = root + "/Corpus/samples"
        for name in (try? fm.contentsOfDirectory(atPath: samples))?.sorted() ?? [] {
            let path = "\(samples)/\(name)/input.txt"
            if fm.fileExists(atPath: path) { paths.append(path) }
        }
        let eval = root + "/Corpus/eval"
        for sub in (try? fm.subpathsOfDirectory(atPath: eval))?.sorted() ?? [] where sub.hasSuffix(".txt") {
            let folders = sub.split(separator: "/").dropLast()
            if folders.last == "extracted" || folders.suffix(2) == ["extracted", "chromium"] { paths.append("\(eval)/\(sub)") }
        }
        let seeds = paths.compactMap { fm.contents(atPath: $0).map { [UInt8]($0) } }.filter { !$0.isEmpty }
        guard !seeds.isEmpty else {
            throw failure(.unreadable, "bench: no documents under \(root)/Corpus (run from the repository root or pass --corpus-root)")
        }
        return seeds
    }

    /// At least `bytes` bytes of documents: the seeds in turn, each copy varied.
    static func generate(bytes target: Int, seeds: [[UInt8]]) -> BenchCorpus {
        var documents: [[UInt8]] = []
        var total = 0
        forEachDocument(bytes: target, seeds: seeds) { document in
            documents.append(document)
            total += document.count
        }
        return BenchCorpus(documents: documents)
    }

    /// The documents of `generate`, one at a time (none held), with their
    /// numbers varied or, when `numbers` is false, as extracted: then the
    /// tables' arithmetic holds as in real reports, where the varied numbers
    /// break every relation and make each table a worst case.
    static func forEachDocument(bytes target: Int, seeds: [[UInt8]], numbers: Bool = true, _ body: ([UInt8]) throws -> Void) rethrows {
        var total = 0
        var copy = 0
        while total < target {
            let document = vary(seeds[copy % seeds.count], copy: copy / seeds.count, numbers: numbers)
            try body(document)
            total += document.count
            copy += 1
        }
    }

    /// One document of about `bytes` bytes, made by concatenating corpus
    /// documents (a blank line between them) and cut at a line end.
    ///
    /// Every copy has its numbers varied, the first pass over the seeds too,
    /// so that a document of any size is the same kind of text and the
    /// scaling report's time per MB measures size alone. With the seeds as
    /// extracted first, the 1 MB document was nothing but them (tables that
    /// add up, whose searches stop early) and the 100 MB one 99% varied
    /// copies (tables that add up in no order): 1.24× the instructions per MB
    /// at 10 MB with no cost from the size itself (the same copies as separate
    /// documents took 1.32× those of the 1 MB one's).
    static func concatenated(bytes target: Int, seeds: [[UInt8]]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(target + 16_384)
        var copy = 0
        while result.count < target {
            if !result.isEmpty { result += [0x0A, 0x0A] }
            result += vary(seeds[copy % seeds.count], copy: copy / seeds.count + 1)
            copy += 1
        }
        if let cut = result[..<target].lastIndex(of: 0x0A), cut > 0 { result.removeSubrange((cut + 1)...) }
        return result
    }

    /// Two-character place names, enough for thousands of distinct documents.
    static let nameCharacters = Array("安平德昌泰和宁远兴华阳新东西南北江河山湖清丰永定长乐嘉福庆云临海丹凤青松".unicodeScalars)

    /// A copy of `seed` with its place name (the two Han characters before the
    /// first 县/区/市 of its first lines) replaced everywhere, and its numbers
    /// changed digit by digit (same length, so line widths stay those of the
    /// original; years stay years) unless `numbers` is false.
    static func vary(_ seed: [UInt8], copy: Int, numbers: Bool = true) -> [UInt8] {
        guard copy > 0, let text = String(validating: seed, as: UTF8.self) else { return seed }
        var scalars = Array(text.unicodeScalars)
        let head = scalars.prefix(400)
        if let suffix = head.firstIndex(where: { "县区市".unicodeScalars.contains($0) }), suffix >= 2,
           scalars[suffix - 2].properties.isIdeographic, scalars[suffix - 1].properties.isIdeographic {
            let old = (scalars[suffix - 2], scalars[suffix - 1])
            let n = nameCharacters.count
            let new = (nameCharacters[copy % n], nameCharacters[(copy / n + copy) % n])
            for i in 0..<(scalars.count - 1) where scalars[i] == old.0 && scalars[i + 1] == old.1 {
                scalars[i] = new.0
                scalars[i + 1] = new.1
            }
        }
        var i = numbers ? 0 : scalars.count
        while i < scalars.count {
            guard ("0"..."9").contains(scalars[i]) else { i += 1; continue }
            var j = i
            while j < scalars.count && ("0"..."9").contains(scalars[j]) { j += 1 }
            let digits = scalars[i..<j].map { Int($0.value) - 0x30 }
            var replaced: [Int]
            if digits.count == 4, digits[0] == 2, digits[1] == 0 {
                let year = 2015 + (digits[2] * 10 + digits[3] + copy) % 11
                replaced = String(year).unicodeScalars.map { Int($0.value) - 0x30 }
            } else {
                replaced = digits.map { ($0 + copy) % 10 }
                if replaced.count > 1 && replaced[0] == 0 { replaced[0] = 1 }
            }
            for (k, d) in replaced.enumerated() { scalars[i + k] = Unicode.Scalar(UInt8(0x30 + d)) }
            i = j
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return Array(String(view).utf8)
    }

    /// Writes each document to DIR/000001.txt, DIR/000002.txt, …
    func write(to directory: String) throws {
        // Written over another corpus, the two would mix (a larger one's
        // files past this one's count stay), and whatever reads the folder
        // would time both.
        let present = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        guard present.isEmpty else {
            throw failure(.writeFailed, "\(directory): the folder is not empty (\(present.count) \(present.count == 1 ? "entry" : "entries")); "
                          + "a corpus written there would mix with them: give a new or empty folder")
        }
        guard makeFolders(directory) else {
            throw failure(.writeFailed, "\(directory): cannot create the corpus folder (\(whyFoldersFail(directory)))")
        }
        for (i, document) in documents.enumerated() {
            let digits = String(i + 1)
            try writeAtomically(document, to: "\(directory)/\(String(repeating: "0", count: max(0, 6 - digits.count)) + digits).txt")
        }
    }
}
