#if canImport(Glibc)
import Glibc
#endif

// Structure-aware mutations (run 68 onward). libFuzzer's own mutations flip,
// insert and copy bytes; after run 66 they had stopped finding anything. What
// real extractors do to a report is coarser: a page number or running header
// lands between two table rows or inside a wrapped paragraph, a number or a
// header cell is cut across lines (`自然⏎人`, `12⏎3`), two lines come out in
// the other order, OCR reads digits as O/l/I/工/。, a heading is repeated or
// lost, a table of one page is read into another's prose, separators turn into
// TABs or runs of spaces. These mutators make exactly those changes, on lines
// and at scalar boundaries, and hand every other mutation to libFuzzer's own
// (half of the calls, and always for `--encoding` inputs, which start with
// NUL and may not be UTF-8). `DOCNORM_FUZZ_BYTES_ONLY=1` turns them off, so
// that a run with and without them can be compared on the same binary.

@_silgen_name("LLVMFuzzerMutate")
func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>?, _ size: Int, _ maxSize: Int) -> Int

/// Set in the environment to fuzz with libFuzzer's byte mutations only.
let structureMutationsOff = getenv("DOCNORM_FUZZ_BYTES_ONLY") != nil

@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzCustomMutator(_ data: UnsafeMutablePointer<UInt8>?, _ size: Int, _ maxSize: Int,
                              _ seed: UInt32) -> Int {
    guard let data, size > 1, data[0] != 0, !structureMutationsOff else {
        return LLVMFuzzerMutate(data, size, maxSize)
    }
    var random = SplitMix64(seed: UInt64(seed))
    if random.below(2) == 0 { return LLVMFuzzerMutate(data, size, maxSize) }
    var document = LineDocument(Array(UnsafeBufferPointer(start: data, count: size)))
    // One to three changes, as a page of a real extraction holds several.
    for _ in 0...random.below(3) {
        StructureMutation.allCases[random.below(StructureMutation.allCases.count)]
            .apply(to: &document, &random)
    }
    let mutated = document.bytes
    guard mutated.count <= maxSize, mutated.count != size || !mutated.elementsEqual(
        UnsafeBufferPointer(start: data, count: size)) else {
        return LLVMFuzzerMutate(data, size, maxSize)
    }
    mutated.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: mutated.count) }
    return mutated.count
}

/// Splices a block of lines from a line with digits in the second input (most
/// often a table's rows) into the first at a line boundary: a table of one
/// report read into another's prose, as a page read out of order gives.
@_cdecl("LLVMFuzzerCustomCrossOver")
public func fuzzCustomCrossOver(_ data1: UnsafePointer<UInt8>?, _ size1: Int,
                                _ data2: UnsafePointer<UInt8>?, _ size2: Int,
                                _ out: UnsafeMutablePointer<UInt8>?, _ maxOutSize: Int,
                                _ seed: UInt32) -> Int {
    guard !structureMutationsOff, let data1, let data2, let out, size1 > 0, size2 > 0,
          data1[0] != 0, data2[0] != 0 else { return 0 }
    var random = SplitMix64(seed: UInt64(seed))
    // libFuzzer picks this and the mutator above alike; a refusal here (0) makes it pick
    // again, so splices are a third of the changes rather than half.
    guard random.below(2) == 0 else { return 0 }
    var host = LineDocument(Array(UnsafeBufferPointer(start: data1, count: size1)))
    let donor = LineDocument(Array(UnsafeBufferPointer(start: data2, count: size2)))
    let block = donor.block(from: donor.randomLine(&random, preferring: LineDocument.hasDigit),
                            length: 1 + random.below(12))
    host.lines.insert(contentsOf: block, at: random.below(host.lines.count + 1))
    let spliced = host.bytes
    guard spliced.count <= maxOutSize else { return 0 }
    spliced.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: spliced.count) }
    return spliced.count
}

/// A document as its lines (without their LF), the unit extractors move.
struct LineDocument {
    var lines: [[UInt8]]

    init(_ bytes: [UInt8]) {
        lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    var bytes: [UInt8] { Array(lines.joined(separator: [0x0A])) }

    /// A random line index, half the time one whose line passes `preferring` if any does.
    func randomLine(_ random: inout SplitMix64, preferring: ([UInt8]) -> Bool) -> Int {
        if random.below(2) == 0 {
            let preferred = lines.indices.filter { preferring(lines[$0]) }
            if !preferred.isEmpty { return preferred[random.below(preferred.count)] }
        }
        return random.below(lines.count)
    }

    /// Up to `length` lines starting at `index`.
    func block(from index: Int, length: Int) -> ArraySlice<[UInt8]> {
        lines[index..<min(lines.count, index + length)]
    }

    static func hasDigit(_ line: [UInt8]) -> Bool { line.contains { $0 >= 0x30 && $0 <= 0x39 } }

    /// `一、`…`十二、` or `（` at the start: a section or block heading.
    static func isHeading(_ line: [UInt8]) -> Bool {
        var rest = line.drop { $0 == 0x20 }
        if rest.starts(with: Array("（".utf8)) { return true }
        var numeralCount = 0
        while let numeral = headingNumerals.first(where: { rest.starts(with: $0) }) {
            rest = rest.dropFirst(numeral.count)
            numeralCount += 1
        }
        return numeralCount > 0 && rest.starts(with: Array("、".utf8))
    }

    static let headingNumerals = "一二三四五六七八九十".unicodeScalars.map { Array(String($0).utf8) }

    /// Offsets in `line` where a scalar starts, and its end.
    static func scalarBoundaries(_ line: [UInt8]) -> [Int] {
        line.indices.filter { line[$0] & 0xC0 != 0x80 } + [line.count]
    }
}

/// One kind of change a real extractor makes to a report's lines.
enum StructureMutation: CaseIterable {
    case pageFurniture, splitLine, joinLines, swapLines, ocrLookAlike,
         headingCopiedOrLost, separatorChanged, moveBlock, insertWord,
         headingAmongRows, gridCellEmptied

    /// Page numbers and a running header as extractors leave them between lines.
    static let furniture = ["- 3 -", "— 12 —", "7", "第 2 页", "第3页 共9页", "2 / 5", "－ 4 －",
                            "政府信息公开工作年度报告"].map { Array($0.utf8) }
    /// What OCR reads a digit as.
    static let lookAlikes = ["O", "o", "l", "I", "工", "。", "S", "B", "〇", "|", "Z"].map { Array($0.utf8) }
    /// Separators extractors put between cells.
    static let cellSeparators = ["\t", "\t\t", " ", "  ", "    ", "\u{3000}", " \t"].map { Array($0.utf8) }
    /// What an extractor leaves at the end of a heading it read twice (item 43's `一、总体情况/`).
    static let headingTails = ["/", "；", ";", "。", " ", "、", "|", "-"].map { Array($0.utf8) }
    /// Words of the tables' headers and units, cut or misplaced by extractors.
    static let words = ["万元", "件", "本年增", "减", "合计", "总计", "自然人", "商业企业", "法人或其他组织",
                        "（三）", "第二十条第（一）项", "行政复议", "行政诉讼", "维持", "纠正", "0", "-",
                        "—", "/", "%", "12.5", "（", "）", "、"].map { Array($0.utf8) }

    func apply(to document: inout LineDocument, _ random: inout SplitMix64) {
        var lines = document.lines
        guard !lines.isEmpty else { return }
        switch self {
        case .pageFurniture:
            // A page number or header (or a copy of the title line) put beside a table row.
            let title = lines.first { !$0.isEmpty } ?? []
            let line = random.below(9) == 0 ? title
                : Self.furniture[random.below(Self.furniture.count)]
            let at = document.randomLine(&random, preferring: LineDocument.hasDigit) + random.below(2)
            lines.insert(line, at: min(at, lines.count))
            if random.below(3) == 0 { lines.insert([], at: min(at, lines.count)) }
        case .splitLine:
            // `自然⏎人`, `12⏎3`: a line cut at a scalar boundary, sometimes with a blank line between.
            let index = document.randomLine(&random, preferring: LineDocument.hasDigit)
            let line = lines[index]
            let boundaries = LineDocument.scalarBoundaries(line)
            guard boundaries.count > 2 else { return }
            let cut = boundaries[1 + random.below(boundaries.count - 2)]
            lines[index] = Array(line[..<cut])
            lines.insert(Array(line[cut...]), at: index + 1)
            if random.below(4) == 0 { lines.insert([], at: index + 1) }
        case .joinLines:
            let index = random.below(lines.count)
            guard index + 1 < lines.count else { return }
            let joint: [UInt8] = random.below(2) == 0 ? [] : Self.cellSeparators[random.below(Self.cellSeparators.count)]
            lines[index] += joint + lines[index + 1]
            lines.remove(at: index + 1)
        case .swapLines:
            let index = document.randomLine(&random, preferring: LineDocument.hasDigit)
            guard index + 1 < lines.count else { return }
            lines.swapAt(index, index + 1)
        case .ocrLookAlike:
            // Digits of a table row read as letters or look-alike Han marks.
            let index = document.randomLine(&random, preferring: LineDocument.hasDigit)
            var line = lines[index]
            for _ in 0...random.below(2) {
                let at = line.indices.filter { line[$0] >= 0x30 && line[$0] <= 0x39 }
                guard !at.isEmpty else { break }
                let position = at[random.below(at.count)]
                line.replaceSubrange(position...position, with: Self.lookAlikes[random.below(Self.lookAlikes.count)])
            }
            lines[index] = line
        case .headingCopiedOrLost:
            let headings = lines.indices.filter { LineDocument.isHeading(lines[$0]) }
            guard !headings.isEmpty else { return }
            let index = headings[random.below(headings.count)]
            switch random.below(3) {
            case 0: lines.remove(at: index)
            case 1: lines.insert(lines[index], at: index + 1)
            default: lines.insert(lines[index], at: random.below(lines.count + 1))
            }
        case .separatorChanged:
            // A TAB or a run of spaces inside a row, or a separator of one kind turned into another.
            let index = document.randomLine(&random, preferring: LineDocument.hasDigit)
            var line = lines[index]
            let gaps = line.indices.filter { line[$0] == 0x20 || line[$0] == 0x09 }
            let separator = Self.cellSeparators[random.below(Self.cellSeparators.count)]
            if !gaps.isEmpty && random.below(2) == 0 {
                let gap = gaps[random.below(gaps.count)]
                line.replaceSubrange(gap...gap, with: separator)
            } else {
                let boundaries = LineDocument.scalarBoundaries(line)
                line.insert(contentsOf: separator, at: boundaries[random.below(boundaries.count)])
            }
            lines[index] = line
        case .moveBlock:
            // A run of lines read out of order (a column or a page's end read elsewhere),
            // repeated (a page extracted twice) or lost.
            let start = document.randomLine(&random, preferring: LineDocument.hasDigit)
            let block = Array(document.block(from: start, length: 1 + random.below(8)))
            switch random.below(4) {
            case 0: lines.removeSubrange(start..<(start + block.count))
            case 1: lines.insert(contentsOf: block, at: start + block.count)
            default:
                lines.removeSubrange(start..<(start + block.count))
                lines.insert(contentsOf: block, at: random.below(lines.count + 1))
            }
        case .headingAmongRows:
            // A section or block heading read between a table's rows or its debris (a heading
            // drawn beside the table, a page's running heading), once or twice, the copy
            // sometimes with a stray mark after it or its last character cut: item 43's shape
            // (`一、总体情况` ⏎ `一、总体情况/` between table 三's debris and its rows), which
            // the copy above inserts at any line and so rarely among digits.
            let headings = lines.indices.filter { LineDocument.isHeading(lines[$0]) }
            guard !headings.isEmpty else { return }
            let source = headings[random.below(headings.count)]
            let heading = lines[source]
            var copy = heading
            switch random.below(3) {
            case 0: copy += Self.headingTails[random.below(Self.headingTails.count)]
            case 1:
                let boundaries = LineDocument.scalarBoundaries(heading)
                if boundaries.count > 3 { copy = Array(heading[..<boundaries[boundaries.count - 2]]) }
            default: break
            }
            if random.below(3) == 0 { lines.remove(at: source) }  // moved rather than copied
            let at = min(document.randomLine(&random, preferring: LineDocument.hasDigit) + random.below(2),
                         lines.count)
            lines.insert(contentsOf: random.below(2) == 0 ? [heading, copy] : [copy], at: at)
        case .gridCellEmptied:
            // A TAB grid row with one interior cell emptied (a value the extractor lost, its
            // separators kept): item 39's second half. A row of spaces is made a TAB row first.
            let rows = lines.indices.filter { lines[$0].contains(0x09) }
            let index: Int
            var cells: [[UInt8]]
            if !rows.isEmpty && random.below(4) != 0 {
                index = rows[random.below(rows.count)]
                cells = lines[index].split(separator: 0x09, omittingEmptySubsequences: false).map(Array.init)
            } else {
                index = document.randomLine(&random, preferring: LineDocument.hasDigit)
                cells = lines[index].split(separator: 0x20, omittingEmptySubsequences: true).map(Array.init)
            }
            guard cells.count >= 3 else { return }
            cells[1 + random.below(cells.count - 2)] = []
            lines[index] = Array(cells.joined(separator: [0x09]))
        case .insertWord:
            let index = document.randomLine(&random, preferring: LineDocument.hasDigit)
            let boundaries = LineDocument.scalarBoundaries(lines[index])
            lines[index].insert(contentsOf: Self.words[random.below(Self.words.count)],
                                at: boundaries[random.below(boundaries.count)])
        }
        document.lines = lines.isEmpty ? [[]] : lines
    }
}

/// A small seeded generator, so that libFuzzer's seed decides every choice.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
