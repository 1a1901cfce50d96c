#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials

/// How a copy of a seed document gets other numbers.
enum BenchNumbers {
    /// As extracted (only the place name varies).
    case asExtracted
    /// Every count multiplied by one factor per copy (2…9): sums and equalities
    /// survive multiplication, so the tables add up as in real reports. Left
    /// as they are: numbering (a digit run before `.`, `、` or `．` and a
    /// non-digit, or inside parentheses, as in 1.属于国家秘密 or （1）),
    /// percentages (a ratio of counts is the same after scaling them), month
    /// and day numbers (before 月 or 日, spaces between allowed). Years vary
    /// as years. Decimals scale with their point kept. Everything else
    /// (document numbers, phone numbers, page numbers) is multiplied too.
    case scaled
    /// Legacy: each digit shifted by the copy number (d → (d + copy) % 10),
    /// labels' digits too. No table adds up, so every table is a reading
    /// order search's worst case and labels are restored fuzzily.
    case digitsShifted
}

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
    static func generate(bytes target: Int, seeds: [[UInt8]], numbers: BenchNumbers = .scaled) -> BenchCorpus {
        var documents: [[UInt8]] = []
        var total = 0
        forEachDocument(bytes: target, seeds: seeds, numbers: numbers) { document in
            documents.append(document)
            total += document.count
        }
        return BenchCorpus(documents: documents)
    }

    /// The documents of `generate`, one at a time (none held), with their
    /// numbers varied as `numbers` says.
    static func forEachDocument(bytes target: Int, seeds: [[UInt8]], numbers: BenchNumbers = .scaled,
                                _ body: ([UInt8]) throws -> Void) rethrows {
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
    static func concatenated(bytes target: Int, seeds: [[UInt8]], numbers: BenchNumbers = .scaled) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(target + 16_384)
        var copy = 0
        while result.count < target {
            if !result.isEmpty { result += [0x0A, 0x0A] }
            result += vary(seeds[copy % seeds.count], copy: copy / seeds.count + 1, numbers: numbers)
            copy += 1
        }
        if let cut = result[..<target].lastIndex(of: 0x0A), cut > 0 { result.removeSubrange((cut + 1)...) }
        return result
    }

    /// Two-character place names, enough for thousands of distinct documents.
    static let nameCharacters = Array("安平德昌泰和宁远兴华阳新东西南北江河山湖清丰永定长乐嘉福庆云临海丹凤青松".unicodeScalars)

    /// A copy of `seed` with its place name (the two Han characters before the
    /// first 县/区/市 of its first lines) replaced everywhere, and its numbers
    /// varied as `numbers` says.
    static func vary(_ seed: [UInt8], copy: Int, numbers: BenchNumbers = .scaled) -> [UInt8] {
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
        switch numbers {
        case .asExtracted: break
        case .scaled: scalars = scaled(scalars, by: 2 + (copy - 1) % 8, copy: copy)
        case .digitsShifted: shiftDigits(&scalars, copy: copy)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return Array(String(view).utf8)
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// A year (20xx) as another year of 2015…2025, so that a copy's years stay years.
    private static func variedYear(_ digits: [Int], copy: Int) -> [Int]? {
        guard digits.count == 4, digits[0] == 2, digits[1] == 0 else { return nil }
        return String(2015 + (digits[2] * 10 + digits[3] + copy) % 11).unicodeScalars.map { Int($0.value) - 0x30 }
    }

    /// `BenchNumbers.scaled`: every number that counts something times
    /// `factor`. A number that grows by m digits takes m of the spaces
    /// before it (or else after it) when at least one would remain, so the
    /// columns of a layout-preserving extraction stay where they were.
    private static func scaled(_ scalars: [Unicode.Scalar], by factor: Int, copy: Int) -> [Unicode.Scalar] {
        let n = scalars.count
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(n + n / 16)
        var i = 0
        while i < n {
            guard isDigit(scalars[i]) else { out.append(scalars[i]); i += 1; continue }
            var j = i
            while j < n && isDigit(scalars[j]) { j += 1 }
            let integer = scalars[i..<j].map { Int($0.value) - 0x30 }
            if let year = variedYear(integer, copy: copy) {
                out += year.map { Unicode.Scalar(UInt8(0x30 + $0)) }
                i = j
                continue
            }
            var end = j
            if j + 1 < n, scalars[j] == ".", isDigit(scalars[j + 1]) {
                end = j + 1
                while end < n && isDigit(scalars[end]) { end += 1 }
            }
            let next: Unicode.Scalar? = end < n ? scalars[end] : nil
            let afterNext: Unicode.Scalar? = end + 1 < n ? scalars[end + 1] : nil
            let before: Unicode.Scalar? = i > 0 ? scalars[i - 1] : nil
            let numbering = end == j && next.map { ".、．".unicodeScalars.contains($0) } == true && afterNext.map(isDigit) != true
            let parenthesized = before.map { "(（".unicodeScalars.contains($0) } == true && next.map { ")）".unicodeScalars.contains($0) } == true
            // Extractions often set a space between a number and its unit (2024 年 1 月 1 日).
            let unit = scalars[end...].first(where: { $0 != " " })
            let kept = numbering || parenthesized || unit.map { "%％月日".unicodeScalars.contains($0) } == true
            if kept {
                out += scalars[i..<end]
                i = end
                continue
            }
            // Multiply the digits (the point left out) with a carry, from the last.
            var digits = scalars[i..<end].filter(isDigit).map { Int($0.value) - 0x30 }
            let fraction = end - j - (end > j ? 1 : 0)
            var carry = 0
            for k in digits.indices.reversed() {
                let product = digits[k] * factor + carry
                digits[k] = product % 10
                carry = product / 10
            }
            while carry > 0 { digits.insert(carry % 10, at: 0); carry /= 10 }
            var number = digits.map { Unicode.Scalar(UInt8(0x30 + $0)) }
            if fraction > 0 { number.insert(".", at: number.count - fraction) }
            let grown = number.count - (end - i)
            var skip = 0
            if grown > 0 {
                let spacesBefore = out.reversed().prefix(while: { $0 == " " }).count
                let spacesAfter = scalars[end...].prefix(while: { $0 == " " }).count
                if spacesBefore > grown { out.removeLast(grown) } else if spacesAfter > grown { skip = grown }
            }
            out += number
            i = end + skip
        }
        return out
    }

    /// `BenchNumbers.digitsShifted`: digit by digit, same length, so line
    /// widths stay those of the original; years stay years.
    private static func shiftDigits(_ scalars: inout [Unicode.Scalar], copy: Int) {
        var i = 0
        while i < scalars.count {
            guard isDigit(scalars[i]) else { i += 1; continue }
            var j = i
            while j < scalars.count && isDigit(scalars[j]) { j += 1 }
            let digits = scalars[i..<j].map { Int($0.value) - 0x30 }
            var replaced: [Int]
            if let year = variedYear(digits, copy: copy) {
                replaced = year
            } else {
                replaced = digits.map { ($0 + copy) % 10 }
                if replaced.count > 1 && replaced[0] == 0 { replaced[0] = 1 }
            }
            for (k, d) in replaced.enumerated() { scalars[i + k] = Unicode.Scalar(UInt8(0x30 + d)) }
            i = j
        }
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
