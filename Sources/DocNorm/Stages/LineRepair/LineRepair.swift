import FoundationEssentials
import ICUKit

/// Rules/lines.json, version docnorm-rules/1.
struct LineRulesFile: VersionedRuleFile {
    struct RunningHeaders: Decodable {
        var minRepeats: Int
        var minShareOfPages: Double
        var maxColumns: Int
        var window: Int
    }
    var runningHeaders: RunningHeaders
    struct Wrap: Decodable {
        var minLineColumns: Int
        var window: Int
        var minShare: Double
        var minLines: Int
        var doubleSpacedShare: Double
        /// A text column has almost no line wider than it; more than this share
        /// of wider lines means the peak is not a column (e.g. canonical text).
        var maxWiderShare: Double
        /// Columns a paragraph's first line is indented by; extractors drop
        /// the indent, so a first line may fall short of the column by this.
        var firstLineIndent: Int
        var minParagraphIndent: Int
        /// Lines of one Han character each, this many in a row, are one
        /// justified line an extractor spread out.
        var scatteredRun: Int
        /// A shorter run (one Han character or more) is one such line too
        /// when the line before runs on into it and a Latin run of at least
        /// this many characters stands in it or right after it: the
        /// unbreakable run (a URL) left the justified line few units to
        /// spread (`lines.join-scattered-latin`); optional, so a rules folder
        /// written before it still loads (then never).
        var scatteredLatinRun: Int?
        /// The share of the lines where Latin meets CJK that must hold, as
        /// extracted, a space per such place for those spaces to be an
        /// extractor's marks of a font switch, not room on the page
        /// (`spacesMarkFontSwitches`); optional, so a rules folder written
        /// before it still loads (then never).
        var fontSwitchShare: Double?
        /// The lines that plainly ran on that settle a column where the
        /// histogram finds none (`ranOnColumn`); optional, so a rules folder
        /// written before it still loads (then never).
        var minRanOnLines: Int?
        /// Columns a line with digits or Latin letters after a removed page
        /// number may reach past the column, so counted, and still go on
        /// with the paragraph (`lines.join-page-break`); and how far where
        /// the extractor put no space but where Latin meets CJK. Optional,
        /// so a rules folder written before them still loads (then 1 and 2).
        var pageBreakOverhang: Int?
        var pageBreakOverhangUnspaced: Int?
        /// Columns such a line may come short of the column, so counted and
        /// its letters' and marks' slack added, and still go on: a first
        /// line whose indent was dropped comes `firstLineIndent` short,
        /// within a column. Optional, as the overhangs (then 2).
        var pageBreakMaxShort: Int?
        /// The share of a column a digit may take less than it measures
        /// (`lines.indent-hung-mark`); optional, so a rules folder written
        /// before it still loads (then 0: the rule asks only of lines of
        /// full-width characters).
        var digitSlack: Double?
    }
    struct Title: Decodable {
        var endings: [String]
        var maxColumns: Int
        var maxLines: Int
        /// A title's last character OCR read as Latin letters or marks on a
        /// line of its own (`lines.title-misread-end`).
        struct MisreadEnd: Decodable {
            var stems: [String]
            var last: String
            var maxScalars: Int
        }
        var misreadEnd: MisreadEnd?
    }
    var format: String
    var title: Title
    var pageNumbers: [String]
    var markdownEmphasis: [String]
    var sentenceFinal: String
    var closers: String
    var strongFinal: String
    var openers: String
    var noLineStart: String
    /// Marks of running text (，。；、): a numbered line without any is a
    /// heading, not a paragraph's first line, when the next line has some.
    var runningText: String
    var tokenJoiners: String
    struct DisplacedRun: Decodable {
        var characters: String
        var maxColumns: Int
        /// What a bare run of digits put back at a block's start must open
        /// the block with (年: the run is its year); optional, so a rules
        /// folder written before it still loads.
        var numberedUnits: String?
        /// Marks a run may end with (84.2%), for a run a page seam carried
        /// apart from its sentence's end mark (PageSeamRuns.swift); optional,
        /// as numberedUnits.
        var numberSuffixes: String?
        /// Quote pairs (opener, closer) whose opener a PDF may set in the
        /// Latin font like the digits, so that it too is drawn at its
        /// block's end; optional, as numberedUnits.
        var quotes: [String]?
    }
    var displacedRun: DisplacedRun
    /// Fixed-line phone numbers, for the `-` pdftotext -raw drops where one
    /// wrapped (DroppedHyphens.swift); optional, so a rules folder written
    /// before it still loads (and the rule is off).
    struct PhoneNumbers: Decodable {
        /// Digits in all, area code included.
        var lengths: [Int]
        /// Digits after the area code.
        var localLengths: [Int]
        /// First two digits of the three-digit area codes (010, 02x); every
        /// other code has four.
        var threeDigitAreaCodePrefixes: [String]
    }
    var phoneNumbers: PhoneNumbers?
    /// A run-in heading OCR cut inside its title, its tail in a later block
    /// (CutHeadingTails.swift); optional, so a rules folder written before
    /// it still loads (and the rule is off).
    struct CutHeadingTail: Decodable {
        /// The marks that close a run-in heading's title (：。).
        var closers: String
        /// The widest a title's tail may be, its closer with it, in columns;
        /// and how far short of a first line the heading's start must fall.
        var maxTailColumns: Int
        /// Non-blank lines after the heading's start the tail is looked for in.
        var window: Int
    }
    var cutHeadingTail: CutHeadingTail?
    /// Where a visual line was cut at two adjacent full-width marks
    /// (MarkPairCuts.swift): what a piece may end with, and what the next
    /// may open with. Optional, so a rules folder written before it still
    /// loads (and the rule is off).
    struct MarkPairRules: Decodable {
        var lineEnds: String
        var lineStarts: String
    }
    var markPairs: MarkPairRules?
    /// The pairs a paragraph OCR cut at a page break may leave open
    /// (OCRQuoteBreaks.swift); optional, so a rules folder written before it
    /// still loads (and the rule is off).
    struct OCRQuoteBreakRules: Decodable {
        var description: String?
        var pairs: [String]
    }
    var ocrQuoteBreaks: OCRQuoteBreakRules?
    /// The mark an extractor drops at a line's end when it joins the line
    /// to the next as a hyphenated word, running a page number below the
    /// page's last line onto it (RunOnPageNumbers.swift); optional, so a
    /// rules folder written before it still loads (and the rule is off).
    var runOnPageNumberHyphen: String?
    /// Marks a layout may hang past the column at a line's end
    /// (`lines.indent-hung-mark`); optional, so a rules folder written
    /// before it still loads (and the rule is off).
    var hangingMarks: String?
    /// Marks no heading holds (，。；：): a numbered line with one is a
    /// paragraph's line (a run-in heading's label closed, text after it),
    /// so it may count among the lines that ran on (`lines.ran-on-run-in`);
    /// optional, so a rules folder written before it still loads (and
    /// numbered lines never count).
    var runInMarks: String?
    /// A prose list's items that open paragraphs of their own (一是…, 二是…):
    /// the numerals in order and the marker after them
    /// (`lines.ordinal-item-sibling`); optional, so a rules folder written
    /// before it still loads (and the rule is off).
    struct OrdinalItems: Decodable {
        var numerals: String
        var marker: String
    }
    var ordinalItems: OrdinalItems?
    var wrap: Wrap
}

/// Stage 2: line repair, each decision a named rule (one file per concern):
///
/// - DisplacedRuns.swift: `lines.displaced-run` — a run of digits another
///   baseline cut off the line it opens, put back.
/// - BlockEndRuns.swift: `lines.block-end-run` — the run of digits that opens
///   a block, emitted at the block's end (pdftotext -raw), put back.
/// - PageSeamRuns.swift: `lines.page-seam-run` — a number (or Latin word)
///   carried over a page break apart from its sentence's lone end mark, put
///   back before that mark.
/// - RunOnPageNumbers.swift: `lines.run-on-page-number` — a page number
///   pdftotext's default mode ran onto a page's last line ending in a
///   hyphen (8:30-1-), taken off and the hyphen given back.
/// - NumbersApart.swift: `lines.numbers-apart` — a line of numbers and their
///   measure words (2026年1月20日) that another baseline split in two, joined.
/// - DroppedHyphens.swift: `lines.dropped-hyphen` — the `-` of a phone
///   number that pdftotext -raw dropped where the number wrapped, put back.
///   `lines.dropped-hyphen-paragraph-end`: the same where the number ends
///   its paragraph (the joined line barely past the column).
/// - DroppedHostHyphens.swift: `lines.dropped-hyphen-host` — the `-` of a
///   host name pdftotext's default mode dropped where the host wrapped,
///   put back when the document writes that host label with it elsewhere.
/// - PageFurniture.swift: `lines.page-number`, `lines.duplicate-heading`,
///   `lines.markdown-emphasis` — what is on the page but not in the text.
/// - WrapJoining.swift: `lines.text-column`, `lines.join-wrap`, `lines.join-bracket`,
///   `lines.join-page-break`, `lines.join-scattered`, `lines.join-scattered-latin`,
///   `lines.join-link-query`, `lines.join-link-path` — hard wraps joined on
///   the evidence of the document's text column.
/// - CutHeadingTails.swift: `lines.cut-heading-tail` — a run-in heading OCR
///   cut inside its title, its tail emitted in a later block, joined again.
/// - TitleJoining.swift: `lines.join-title`, `lines.join-top-block` — the
///   lines at the top of the document, often set in a larger font;
///   `lines.join-section-title` — a section heading's title cut short.
/// - MarkPairCuts.swift: `lines.join-mark-pair` — a line cut where two
///   full-width marks meet (pdftotext -raw on Chromium's PDF), joined.
/// - OCRQuoteBreaks.swift: `lines.join-open-quote` — OCR's paragraph cut
///   at a page break inside an open “…”, （…） or 《…》, joined.
public struct LineRepair: Sendable {
    let file: LineRulesFile
    let cjk: ScalarSet
    let numbering: HeadingNumbering
    /// Stage 4's rules, for what it reads as a heading: only a heading
    /// repeated is furniture (`lines.duplicate-heading`).
    let structure: StructureRules
    /// Lines that open a national table (its anchors, Rules/templates): a
    /// paragraph never runs into one, even where the table was not matched.
    let tableAnchors: [[Unicode.Scalar]]
    /// Their first scalars: most lines open with none, and are not compared.
    let tableAnchorFirsts: ScalarSet
    /// What a table's value cell looks like (Rules/templates' values): a
    /// line of them is a table's cells, never a wrapped paragraph's tail
    /// (`isValuesLine`); nil where no table rules were given.
    let valueGrammar: ValueGrammar?
    /// `pageNumbers` from the rules, as scalars once.
    let pageNumberPatterns: [[Unicode.Scalar]]
    /// What a page number can open with: a pattern's first character, or a
    /// digit (a pattern's `#`, a lone number). Most lines open otherwise.
    let pageNumberOpeners: ScalarSet
    /// Every character a page number can hold: a pattern's (its `#` too) or
    /// a digit. A line with another is none, found at that character.
    let pageNumberCharacters: ScalarSet
    /// The patterns a run of digits alone can match (those of `#` and digits
    /// only): a table's value opens many lines, and every other pattern
    /// needs a character it does not have.
    let digitsOnlyPageNumberPatterns: [[Unicode.Scalar]]
    /// Per `markdownEmphasis` marker, its first byte when it is all ASCII:
    /// such a marker has no other canonical form, so a line it opens starts
    /// with that byte (asked of every line before comparing characters).
    let emphasisFirstBytes: [UInt8?]
    /// Per byte, whether a marker opens with it; nil when a marker is not
    /// all ASCII (any line may then open with it).
    let emphasisLeads: [Bool]?
    /// The rules' mark lists as bit sets, asked for scalars at every line end
    /// and start (a search through the rule's string each time, before).
    let closers: ScalarSet, sentenceFinal: ScalarSet, strongFinal: ScalarSet, openers: ScalarSet, noLineStart: ScalarSet,
        runningText: ScalarSet
    /// `hangingMarks` as a bit set (empty when the rules have none).
    let hangingMarks: ScalarSet
    /// `runInMarks` as a bit set (empty when the rules have none).
    let runInMarks: ScalarSet
    /// Item number of each `ordinalItems` numeral (一 → 1) and the marker
    /// after it (是); empty and nil when the rules have none.
    let ordinalNumbers: [Unicode.Scalar: Int]
    let ordinalMarker: Unicode.Scalar?
    /// Whether a CJK unified ideograph from U+5000 on (UTF-8 lead bytes
    /// E5…E9) is among `noLineStart` or `closers`: never in the rules as
    /// written, so a line of several scalars opening with one is no piece
    /// of a scattered run, told on its first byte (`scatteredPiece`).
    let marksHoldHan: Bool
    /// Whether a CJK unified ideograph (U+4E00…U+9FFF) is among `runningText`,
    /// `openers` or `closers`: never in the rules as written, so the readers
    /// of those marks step over a Han character, most of a line, on its
    /// lead byte, neither decoded nor looked up (`hasRunningText`,
    /// `leavesBracketOpen`: 4.3 M fewer instructions of the 1 MB bench).
    let bracketsOrRunningTextHoldHan: Bool
    /// `displacedRun.characters` as a bit set: every short line is asked
    /// whether it holds nothing else.
    let displacedRunCharacters: ScalarSet
    /// `displacedRun.numberedUnits` as a bit set (empty when the rules have
    /// none): every pair of short lines is asked whether one holds nothing else.
    let numberedUnits: ScalarSet
    /// `displacedRun.numberSuffixes` as a bit set (empty when the rules have none).
    let numberSuffixes: ScalarSet
    /// Per byte, whether a unit's UTF-8 opens with it: a line of nothing but
    /// units opens with one of these bytes.
    let numberedUnitLeads: [Bool]
    /// Per byte, whether a `strongFinal` mark's UTF-8 opens with it: a line
    /// that is one such mark alone opens with one of these bytes
    /// (`restorePageSeamRuns` asks it of every short line).
    let strongFinalLeads: [Bool]
    /// Per byte, whether a full-width `noLineStart` mark's UTF-8 opens with
    /// it: a line that opens with such a mark opens with one of these bytes
    /// (`restorePageSeamRuns` asks it of every line).
    let markLineLeads: [Bool]
    /// `markPairs` from the rules, as bit sets; nil when the rules have none.
    let markPairs: MarkPairs?
    /// `ocrQuoteBreaks.pairs` (Rules/lines.json), opener and closer; empty when the rules have none.
    let quoteBreakPairs: [(open: Unicode.Scalar, close: Unicode.Scalar)]
    /// The UTF-8 of each of `quoteBreakPairs`' closers: a block holding none
    /// closes no pair (`closesAcrossBreak`'s first test).
    let quoteBreakClosers: [[UInt8]]
    /// `cutHeadingTail.closers` as a bit set, built once (nil when the rules
    /// have no `cutHeadingTail`): built per document, its 8 KB bitmap cost
    /// ~10 K instructions a document.
    let cutHeadingClosers: ScalarSet?
    /// What `restoreRunOnPageNumbers` reads of `pageNumbers`, built once
    /// (built per document, its sets cost ~3,500 instructions a document).
    let runOnPageNumbers: RunOnPageNumberPatterns

    /// East Asian Width of every BMP scalar in one byte, built once per
    /// process: its display columns (`columnsMask`: 1, or 2 for Wide,
    /// Fullwidth and Ambiguous) and, for Wide and Fullwidth alone,
    /// `exactlyWideBit` (not Ambiguous: a PDF may set “ ” — in its Latin
    /// font). One table, so that a line's columns and whether its width is
    /// exact are read off it in one pass (`measure`); the exactness was a
    /// second 64K table, looked up again on a second pass.
    /// Filled from ICU's property sets (ranges), not by asking ICU about each
    /// scalar: that was a fixed cost of every run, however small its input.
    static let widthClasses: [UInt8] = {
        var classes = [UInt8](repeating: 1, count: 0x10000)
        for range in UnicodeProperties.twoColumnRanges where range.lowerBound <= 0xFFFF {
            for v in Int(range.lowerBound)...Int(min(range.upperBound, 0xFFFF)) { classes[v] = 2 }
        }
        // Wide and Fullwidth are two columns (a subset of the ranges above).
        for range in UnicodeProperties.wideRanges where range.lowerBound <= 0xFFFF {
            for v in Int(range.lowerBound)...Int(min(range.upperBound, 0xFFFF)) { classes[v] = 2 | exactlyWideBit }
        }
        return classes
    }()
    static let columnsMask: UInt8 = 0x03
    static let exactlyWideBit: UInt8 = 0x04

    /// Display columns of every BMP scalar (`widthClasses` without the
    /// exactness): stage 1's loops read them as plain bytes.
    static let widths: [UInt8] = widthClasses.map { $0 & columnsMask }

    /// `properties.isIdeographic`, with U+4E00…U+9FFF (most of the text)
    /// answered without the property lookup, nor anything below U+2E80
    /// (no ideograph is).
    static func isIdeographic(_ s: Unicode.Scalar) -> Bool {
        s.value &- 0x4E00 <= 0x9FFF - 0x4E00 || (s.value >= 0x2E80 && s.properties.isIdeographic)
    }

    /// U+4E00…U+9FFF (UTF-8 lead bytes E5…E9, and E4 before a second byte
    /// of B8 or more) are each two columns wide, and exactly so, as `measure`
    /// takes for granted; checked once against `widthClasses`.
    static let hanIsWide: Bool = (0x4E00...0x9FFF).allSatisfy { widthClasses[$0] == 2 | exactlyWideBit }

    /// No text has more display columns than UTF-8 bytes: each ASCII
    /// scalar (one byte) is one column, every other scalar (two bytes or
    /// more) two at most. So a line of few bytes is narrow, told without
    /// measuring it. `widthClasses` holds 1 or 2 columns by construction;
    /// that no ASCII scalar has two is checked once.
    static let columnsAtMostBytes: Bool = (0..<0x80).allSatisfy { widthClasses[$0] & columnsMask == 1 }

    init(file: LineRulesFile, rules: RuleSet, structure: StructureRules, tableAnchors: [String] = [], valueGrammar: ValueGrammar? = nil) {
        self.file = file
        self.valueGrammar = valueGrammar
        cjk = rules.cjk
        self.structure = structure
        numbering = structure.numbering
        self.tableAnchors = tableAnchors.map { Array($0.unicodeScalars) }
        tableAnchorFirsts = ScalarSet(ranges: self.tableAnchors.compactMap { $0.first.map { $0.value...$0.value } }, pattern: "table anchors")
        pageNumberPatterns = file.pageNumbers.map { Array($0.unicodeScalars) }
        emphasisFirstBytes = file.markdownEmphasis.map { $0.utf8.allSatisfy { $0 < 0x80 } ? $0.utf8.first : nil }
        var leads = [Bool](repeating: false, count: 256)
        for (marker, first) in zip(file.markdownEmphasis, emphasisFirstBytes) where !marker.isEmpty {
            if let first { leads[Int(first)] = true }
        }
        emphasisLeads = zip(file.markdownEmphasis, emphasisFirstBytes).contains { !$0.0.isEmpty && $0.1 == nil } ? nil : leads
        pageNumberOpeners = ScalarSet(ranges: [0x30...0x39] + pageNumberPatterns.compactMap { $0.first.map { $0.value...$0.value } },
                                      pattern: "page number openers")
        pageNumberCharacters = ScalarSet(ranges: [0x30...0x39] + pageNumberPatterns.flatMap { $0.map { $0.value...$0.value } },
                                         pattern: "page number characters")
        digitsOnlyPageNumberPatterns = pageNumberPatterns.filter { $0.allSatisfy { $0 == "#" || ("0"..."9").contains($0) } }
        func set(_ marks: String) -> ScalarSet { ScalarSet(ranges: marks.unicodeScalars.map { $0.value...$0.value }, pattern: marks) }
        closers = set(file.closers)
        sentenceFinal = set(file.sentenceFinal)
        strongFinal = set(file.strongFinal)
        openers = set(file.openers)
        noLineStart = set(file.noLineStart)
        runningText = set(file.runningText)
        hangingMarks = set(file.hangingMarks ?? "")
        runInMarks = set(file.runInMarks ?? "")
        let ordinalMarkers = Array((file.ordinalItems?.marker ?? "").unicodeScalars)
        ordinalMarker = ordinalMarkers.count == 1 ? ordinalMarkers[0] : nil
        ordinalNumbers = Dictionary(Array((file.ordinalItems?.numerals ?? "").unicodeScalars).enumerated().map { ($1, $0 + 1) },
                                    uniquingKeysWith: { first, _ in first })
        markPairs = file.markPairs.map { MarkPairs(lineEnds: $0.lineEnds, lineStarts: set($0.lineStarts), set: set) }
        quoteBreakPairs = (file.ocrQuoteBreaks?.pairs ?? []).compactMap { pair in
            let marks = Array(pair.unicodeScalars)
            return marks.count == 2 ? (open: marks[0], close: marks[1]) : nil
        }
        quoteBreakClosers = quoteBreakPairs.map { Array(String($0.close).utf8) }
        cutHeadingClosers = file.cutHeadingTail.map { set($0.closers) }
        marksHoldHan = (file.noLineStart + file.closers).unicodeScalars.contains { $0.value &- 0x5000 <= 0x9FFF - 0x5000 }
        bracketsOrRunningTextHoldHan = (file.runningText + file.openers + file.closers).unicodeScalars.contains { $0.value &- 0x4E00 <= 0x9FFF - 0x4E00 }
        displacedRunCharacters = set(file.displacedRun.characters)
        numberedUnits = set(file.displacedRun.numberedUnits ?? "")
        numberSuffixes = set(file.displacedRun.numberSuffixes ?? "")
        var unitLeads = [Bool](repeating: false, count: 256)
        for unit in (file.displacedRun.numberedUnits ?? "").unicodeScalars { unitLeads[Int(String(unit).utf8.first!)] = true }
        numberedUnitLeads = unitLeads
        var finalLeads = [Bool](repeating: false, count: 256)
        for mark in file.strongFinal.unicodeScalars { finalLeads[Int(String(mark).utf8.first!)] = true }
        strongFinalLeads = finalLeads
        var markLeads = [Bool](repeating: false, count: 256)
        for mark in file.noLineStart.unicodeScalars where !mark.isASCII { markLeads[Int(String(mark).utf8.first!)] = true }
        markLineLeads = markLeads
        runOnPageNumbers = RunOnPageNumberPatterns(pageNumberPatterns)
    }

    public static func load(from source: RuleSource, rules: RuleSet, structure: StructureRules,
                            tableAnchors: [String] = []) throws -> LineRepair {
        LineRepair(file: try source.decode(LineRulesFile.self, from: "lines.json"), rules: rules, structure: structure,
                   tableAnchors: tableAnchors)
    }

    /// With the tables' value grammar too (the pipeline's stage 2).
    static func load(from source: RuleSource, rules: RuleSet, structure: StructureRules,
                     tableAnchors: [String], valueGrammar: ValueGrammar) throws -> LineRepair {
        LineRepair(file: try source.decode(LineRulesFile.self, from: "lines.json"), rules: rules, structure: structure,
                   tableAnchors: tableAnchors, valueGrammar: valueGrammar)
    }

    /// The line opens with a table anchor (行政复议, 第二十条第（一）项, …).
    func opensTable(_ text: String) -> Bool {
        // Most lines open with no anchor's first scalar: read off the UTF-8
        // before the scalars are walked.
        guard let first = Self.firstScalar(of: text, skippingTabs: true), tableAnchorFirsts.contains(first) else {
            return tableAnchors.contains { $0.isEmpty }
        }
        let head = text.unicodeScalars.drop { $0 == " " || $0 == "\t" }
        return tableAnchors.contains { head.starts(with: $0) }
    }

    /// The first scalar of a text that is no space (nor TAB, when
    /// `skippingTabs`), decoded from its UTF-8 in place; nil when there is none.
    static func firstScalar(of text: String, skippingTabs: Bool) -> UInt32? {
        text.utf8.withContiguousStorageIfAvailable { p -> UInt32? in
            var i = 0
            while i < p.count && (p[i] == 0x20 || (skippingTabs && p[i] == 0x09)) { i += 1 }
            guard i < p.count else { return nil }
            let b = UInt32(p[i])
            if b < 0x80 { return b }
            if b < 0xE0 { return (b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F) }
            if b < 0xF0 { return (b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F) }
            return (b & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
        } ?? text.unicodeScalars.first { $0 != " " && !(skippingTabs && $0 == "\t") }?.value
    }

    func columns(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { Self.columns(utf8: $0) } ?? Self.columns(text.unicodeScalars)
    }

    /// What the rules ask of a line's width, measured in one pass over it:
    /// its display columns, and whether every character is Wide or Fullwidth
    /// (Han, CJK punctuation), so that its width on the page is exact, no
    /// Latin, digit or Ambiguous width to guess (`lines.indent-width`).
    struct LineWidth {
        var columns: Int
        var exactlyWide: Bool
    }

    /// The `LineWidth` of a text.
    func lineWidth(_ text: String) -> LineWidth {
        text.utf8.withContiguousStorageIfAvailable { Self.measure(utf8: $0, tabEnds: false)! } ?? Self.lineWidth(text.unicodeScalars)
    }

    /// The `LineWidth` of a line without a TAB, nil for a line with one (a
    /// table row, kept out of the text column's histogram): one pass over
    /// its UTF-8.
    func lineWidthUnlessTab(_ text: String) -> LineWidth? {
        text.utf8.withContiguousStorageIfAvailable { Self.measure(utf8: $0, tabEnds: true) }
            ?? (text.containsTab ? nil : Self.lineWidth(text.unicodeScalars))
    }

    /// `lineWidthUnlessTab` and `latinBoundaries` in the one pass over the
    /// UTF-8: `wrapEvidence` asks both of every line with an extracted
    /// width (`lines.font-switch-spaces`), and a second walk of each was
    /// 15.8 M instructions of the 1 MB bench.
    func lineWidthAndLatinBoundariesUnlessTab(_ text: String) -> (width: LineWidth, latinBoundaries: Int)? {
        text.utf8.withContiguousStorageIfAvailable { Self.measure(utf8: $0, tabEnds: true, countsLatinBoundaries: true) }
            ?? lineWidthUnlessTab(text).map { ($0, latinBoundaries(text)) }
    }

    /// `columns` of a line without a TAB, nil for a line with one.
    func columnsUnlessTab(_ text: String) -> Int? { lineWidthUnlessTab(text)?.columns }

    /// `columns` of a text's UTF-8, decoded in place: stage 2 measures every
    /// line several times, and walking its scalars was a tenth of the stage.
    static func columns(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        measure(utf8: bytes, tabEnds: false)!.columns
    }

    /// The `LineWidth` of UTF-8 text; nil at a TAB when `tabEnds`. (Inlined:
    /// where only the columns are asked, the exactness is not computed.)
    @inline(__always)
    private static func measure(utf8 bytes: UnsafeBufferPointer<UInt8>, tabEnds: Bool) -> LineWidth? {
        measure(utf8: bytes, tabEnds: tabEnds, countsLatinBoundaries: false)?.width
    }

    /// The `LineWidth` of UTF-8 text, nil at a TAB when `tabEnds`, and, when
    /// `countsLatinBoundaries`, its `latinBoundaries` (0 otherwise). Inlined
    /// with a constant flag: where the places are not asked, nothing of
    /// their count is left in the loop.
    @inline(__always)
    private static func measure(utf8 bytes: UnsafeBufferPointer<UInt8>, tabEnds: Bool, countsLatinBoundaries: Bool)
        -> (width: LineWidth, latinBoundaries: Int)? {
        let hanIsWide = Self.hanIsWide
        return widthClasses.withUnsafeBufferPointer { classes in
            // Wrapping arithmetic: neither count can overflow (both stay
            // below the text's byte count plus three), and the overflow
            // checks were two of the few instructions a Han character costs.
            var n = 0, i = 0
            // Every class ANDed: `exactlyWideBit` stays only if each has it.
            var all = exactlyWideBit
            // `latinBoundaries`: what the scalar before was, 0 a space (or
            // nothing), 1 ASCII, 2 not ASCII; a place where it was 1 and
            // this one is not ASCII (`previous & 1`), or 2 and this one is
            // ASCII but no space (`previous >> 1`): a couple of instructions
            // a Han character, where a walk of its own decoded it again.
            var places = 0, previous = 0
            while i < bytes.count {
                let b = UInt32(bytes[i])
                if hanIsWide && (b &- 0xE5 <= 0xE9 - 0xE5 || (b == 0xE4 && bytes[i &+ 1] >= 0xB8)) {
                    // U+4E00…U+9FFF, CJK unified ideographs (most of the
                    // text): two columns, exactly, not decoded (`hanIsWide`);
                    // asked first, so a Han character costs one test, or
                    // two for U+4E00…U+4FFF (一, 不, 中, 人, 以, 作, 信: a
                    // seventh of the Han text, decoded and looked up before).
                    n &+= 2; i &+= 3
                    if countsLatinBoundaries {
                        places &+= previous & 1; previous = 2
                    } else {
                        // Where no boundary is counted (a paragraph read back
                        // is measured so), the run of them is read in a loop
                        // of its own, one test a character. (With the count,
                        // the run loop cost more than it saved: extracted
                        // lines break their Han runs often.)
                        while i < bytes.count, case let h = bytes[i], h &- 0xE5 <= 0xE9 - 0xE5 || (h == 0xE4 && bytes[i &+ 1] >= 0xB8) {
                            n &+= 2; i &+= 3
                        }
                    }
                } else {
                    let c: UInt8
                    if b < 0x80 {
                        if tabEnds && b == 9 { return nil }
                        c = classes[Int(b)]; i &+= 1
                        if countsLatinBoundaries {
                            if b == 0x20 { previous = 0 } else { places &+= previous >> 1; previous = 1 }
                        }
                    } else if b < 0xE0 {
                        c = classes[Int((b & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F))]; i &+= 2
                    } else if b < 0xF0 {
                        c = classes[Int((b & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F))]; i &+= 3
                    } else {
                        c = 2 | exactlyWideBit; i &+= 4  // above the BMP
                    }
                    n &+= Int(c & columnsMask)
                    all &= c
                    if countsLatinBoundaries && b >= 0x80 { places &+= previous & 1; previous = 2 }
                }
            }
            // Every scalar takes a column at least: an empty text has none.
            return (LineWidth(columns: n, exactlyWide: n > 0 && all != 0), places)
        }
    }

    /// The `LineWidth` of scalars (a text whose UTF-8 is not contiguous).
    static func lineWidth<Scalars: Sequence>(_ scalars: Scalars) -> LineWidth where Scalars.Element == Unicode.Scalar {
        var n = 0, all = exactlyWideBit
        for s in scalars {
            let c = s.value < 0x10000 ? widthClasses[Int(s.value)] : 2 | exactlyWideBit
            n += Int(c & columnsMask)
            all &= c
        }
        return LineWidth(columns: n, exactlyWide: n > 0 && all != 0)
    }

    /// Display columns of a text (East Asian Wide and Fullwidth count 2).
    static func columns<Scalars: Sequence>(_ scalars: Scalars) -> Int where Scalars.Element == Unicode.Scalar {
        var n = 0
        for s in scalars { n += s.value < 0x10000 ? Int(widths[Int(s.value)]) : 2 }
        return n
    }

    /// Joins hard wraps and the split title in each stretch of prose; tables
    /// separate the stretches, and no paragraph crosses one. The text column
    /// is measured over all stretches together; the title and the top block
    /// can only open the first. `furniture`: the lines `removeFurniture`
    /// removed as page furniture, sorted. `readsAsOCR`: whether stage 1c
    /// found the document OCR's (`OCRRepairs.LineRepairs`), the evidence
    /// `lines.join-open-quote` asks for.
    public func joinLines(_ segments: [ArraySlice<SourceLine>], furniture: [Int], readsAsOCR: Bool = false,
                          context: PipelineContext) -> [[LogicalLine]] {
        var evidence = wrapEvidence(segments, blanks: .asLines, context: context)
        // Lines cut where two full-width marks meet, joined against the
        // column measured with their pieces in it; the evidence measured
        // again without the pieces, which are short lines of no paragraph's
        // end (`lines.join-mark-pair`).
        var spans: [Int: Int] = [:]
        if let column = evidence.fullWidth {
            let found = evidence.gathered.map { markPairCuts($0, column: column, spans: &spans, context: context) }
            var cut = found.map(\.joined)
            // Where no line of the first stretch ends where the next was cut
            // from it, no part of it joins against the top block's column
            // either: the block is not looked for (most documents).
            if found.first?.holdsCut == true, let top = cut.first.map({ $0 ?? evidence.gathered[0] }),
               let joined = gatherTopBlockMarkPairCuts(top, bodyWidth: column, spans: &spans, context: context) {
                cut[0] = joined
            }
            if cut.contains(where: { $0 != nil }) {
                evidence = wrapEvidence(zip(cut, evidence.gathered).map { $0 ?? $1 }, blanks: .asLines, context: context)
            }
        }
        var measured = evidence.columns
        let phonesMended = restoreDroppedHyphens(evidence.gathered, fullWidth: evidence.fullWidth, measured: &measured, context: context)
        let unhyphenated = restoreDroppedHostHyphens(phonesMended, fullWidth: evidence.fullWidth, measured: &measured, context: context)
        let restored = restoreCutHeadingTails(unhyphenated, fullWidth: evidence.fullWidth, measured: &measured, context: context)
        return restored.enumerated().map { index, segment in
            let stretch = nonBlank(segment, measured: measured[index])
            return join(stretch.lines, blanks: .at(stretch.afterBlank), fullWidth: evidence.fullWidth, doubleSpaced: evidence.doubleSpaced,
                        exactColumn: evidence.exactColumn, spacesMarkFontSwitches: evidence.spacesMarkFontSwitches,
                        atTop: index == 0, furniture: furniture, measured: stretch.measured, spans: spans,
                        quotesCutAtBreaks: readsAsOCR, probing: false, context: context)!
        }
    }

    /// Whether `sorted` holds a number above `low` and below `high`
    /// (binary search: a document's page furniture, asked at a paragraph's end).
    static func holdsNumber(_ sorted: [Int], above low: Int, below high: Int) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] <= low { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] < high
    }

    /// Where the blank lines of the stretches given to `wrapEvidence` are.
    enum Blanks {
        /// As empty lines among the others (the input).
        case asLines
        /// None is given, and one stands after every line but the last line
        /// of the last stretch (stage 2's output read back: JoinFixpoint.swift).
        case afterEachLine
    }

    /// The stretches with scattered runs gathered, and what the wrap decisions
    /// rest on: the text column, whether the text is double-spaced, and
    /// whether the extractor's spaces where Latin meets CJK mark font
    /// switches (`spacesMarkFontSwitches`: at least `wrap.fontSwitchShare`
    /// of the lines with such places, and `wrap.minLines`, hold a space at
    /// each as extracted: pypdf on Chromium's PDF, 97% of such lines or
    /// more on every report of both corpora; every other extraction, which
    /// shows a space only where the PDF set a gap or not at all, 78% at
    /// most). Reads
    /// the lines in place (a copy of every non-blank line, and an index per
    /// line, were the largest things stage 2 held).
    /// `columns`: per stretch gathered, the columns of each of its lines as
    /// measured here (by offset in the stretch; -1 for a blank line or one
    /// with a TAB), which `join` asks of every line it reads and need not
    /// measure again (`continues`; 8 M instructions of the 1 MB bench).
    func wrapEvidence(_ segments: [ArraySlice<SourceLine>], blanks: Blanks, context: PipelineContext)
        -> (gathered: [ArraySlice<SourceLine>], fullWidth: Int?, doubleSpaced: Bool, exactColumn: Int?, spacesMarkFontSwitches: Bool,
            columns: [[Int32]]) {
        let gathered = segments.map { gatherScattered($0, context: context) }
        // Each line measured once (the widths and the extracted widths of
        // the lines without a TAB; a table row's TAB keeps it out of the
        // histogram), not once per histogram and filter.
        // Whether a line's width is exact is read in the same pass, for
        // `exactlyWideColumn` (a second walk of every line, before).
        // Twelve bytes a line (a million short lines: the peak of stage 2).
        struct Measured {
            var columns: Int32, extracted: Int32, exactlyWide: Bool
            var width: Int { Int(columns) }
        }
        var measured: [Measured] = []
        // Sized once for every line (the blank ones and those with a TAB
        // are not kept): growing it copied it at each doubling (2 M of the
        // 28 M instructions of measuring stage 2's output read back, 1 MB
        // bench) and could hold it twice over.
        let lineCount = gathered.reduce(0) { $0 + $1.count }
        measured.reserveCapacity(lineCount)
        // Which lines measured here are exactly wide, one bit a line (by its
        // place among all stretches' lines): `wrappedLineColumn` and
        // `middleLineColumn` read it instead of walking their lines again.
        var exactlyWideLines = [UInt64](repeating: 0, count: (lineCount + 63) / 64)
        var base = 0
        // The lines where Latin meets CJK, and those of them that hold, as
        // extracted, a space per such place (`spacesMarkFontSwitches`).
        var latinMeetsCJK = 0, spacedAtEach = 0
        var lineColumns: [[Int32]] = []
        lineColumns.reserveCapacity(gathered.count)
        for segment in gathered {
            var columnsHere = [Int32](repeating: -1, count: segment.count)
            for (offset, line) in segment.enumerated() where !line.text.isEmpty {
                // The places counted in the pass that measures the line, and only
                // where an extracted width can say whether spaces stand at them
                // (a line of full-width characters only has none).
                let counted = line.extractedColumns == nil ? lineWidthUnlessTab(line.text).map { ($0, 0) }
                    : lineWidthAndLatinBoundariesUnlessTab(line.text)
                guard let (width, places) = counted else { continue }
                columnsHere[offset] = Int32(exactly: width.columns) ?? -1
                if width.exactlyWide { exactlyWideLines[(base + offset) >> 6] |= 1 << UInt64((base + offset) & 63) }
                measured.append(Measured(columns: Int32(clamping: width.columns), extracted: Int32(clamping: line.extractedColumns ?? 0),
                                         exactlyWide: width.exactlyWide))
                if places > 0, let extracted = line.extractedColumns {
                    latinMeetsCJK += 1
                    if extracted - width.columns >= places { spacedAtEach += 1 }
                }
            }
            lineColumns.append(columnsHere)
            base += segment.count
        }
        let spacesMarkFontSwitches = file.wrap.fontSwitchShare.map { share in
            latinMeetsCJK >= file.wrap.minLines && Double(spacedAtEach) >= share * Double(latinMeetsCJK)
        } ?? false
        // Rows of a table the recogniser missed blur the peak; they were laid
        // out with runs of spaces, so without a peak they are set aside.
        // (When no line is set aside — stage 2's output read back has no
        // extracted widths — that is the same histogram, and no peak again.)
        let histogramColumn = columnWidth(widths: measured.lazy.map(\.width)) ?? {
            let plain = measured.filter { Int(max($0.extracted, $0.columns)) - $0.width <= file.wrap.window }
            return plain.count == measured.count ? nil : columnWidth(widths: plain.lazy.map(\.width))
        }()
        // Where first lines whose indent was dropped outnumber the wrapped
        // lines, they are the most common width: the column as measured is
        // `firstLineIndent` short, and the wrapped lines (those after a line
        // that ran on) say so.
        let wrapped = histogramColumn.flatMap { column in
            measured.contains { $0.width == column + file.wrap.firstLineIndent }
                ? wrappedLineColumn(gathered, columns: lineColumns, exactlyWideLines: exactlyWideLines, column: column) : nil
        }
        var lines = 0, followedByBlank = 0
        for segment in gathered {
            var i = segment.startIndex
            while i < segment.endIndex {
                if !segment[i].text.isEmpty {
                    lines += 1
                    if i + 1 < segment.endIndex && segment[i + 1].text.isEmpty { followedByBlank += 1 }
                }
                i += 1
            }
        }
        if blanks == .afterEachLine { followedByBlank = lines - (gathered.last?.isEmpty == false ? 1 : 0) }
        var doubleSpaced = Double(followedByBlank) >= file.wrap.doubleSpacedShare * Double(max(lines, 1))
        // Too few lines for the histogram (a short report): the lines that
        // plainly ran on (`ranOnColumn`), a share of the long lines set in
        // text, not of the rows of a table the recogniser missed, laid out
        // with runs of spaces (as the histogram sets them aside: held-out
        // yingchuan-town-2025's w3m, table 三's header rows beside four
        // wrapped lines).
        var unindented = false, runIn = false
        let ranOn = histogramColumn == nil
            ? ranOnColumn(gathered, blanks: blanks, doubleSpaced: doubleSpaced,
                          longLines: measured.lazy.filter {
                              $0.width >= self.file.wrap.minLineColumns && Int(max($0.extracted, $0.columns)) - $0.width <= self.file.wrap.window
                          }.count, unindented: &unindented, runIn: &runIn)
            : nil
        if let column = ranOn, runIn, wrapped == nil {
            context.traced(.lines, "lines.ran-on-run-in", line: gathered.first?.first?.number,
                           before: "no column", after: "\(column) display columns, a numbered line of running text counted")
        }
        if let column = ranOn, unindented, wrapped == nil {
            context.traced(.lines, "lines.ran-on-unindented", line: gathered.first?.first?.number,
                           before: "no column", after: "\(column) display columns, a first line counted without its indent")
        }
        let fullWidth = wrapped?.column ?? histogramColumn ?? ranOn
        if doubleSpaced, blanks == .asLines, let full = fullWidth {
            doubleSpaced = !wrapsRunStraightOn(gathered, columns: lineColumns, fullWidth: full)
        }
        // A line with a TAB is not exactly wide: the lines measured are all
        // that count.
        let exactColumn = wrapped.map { exactlyWideColumn($0.column, widths: $0.exactlyWide) }
            ?? histogramColumn.flatMap { column in
                exactlyWideColumn(column, widths: measured.lazy.filter(\.exactlyWide).map(\.width))
            }
            ?? fullWidth.flatMap { column in histogramColumn == nil ? nil : middleLineColumn(gathered, columns: lineColumns, exactlyWideLines: exactlyWideLines, column: column) }
        return (gathered, fullWidth, doubleSpaced, exactColumn, spacesMarkFontSwitches, lineColumns)
    }

    /// The text column the wrapped lines reach, where it is `firstLineIndent`
    /// wider than `column`, the most common width of all lines: nil
    /// elsewhere. A wrapped line is one after a line that ran on into it
    /// (ending no sentence, within `wrap.window` of `column` or wider); a
    /// paragraph's first line comes after a sentence end or a heading, and
    /// an extractor that drops its indent (PyMuPDF, pypdf, pdftotext -raw on
    /// LibreOffice's PDF) leaves it `firstLineIndent` short. Where
    /// paragraphs are short, full first lines outnumber the full wrapped
    /// lines (held-out sangning-mzw-2024: ten at 50 columns, five each at
    /// 53 and 54), and measured at 50 the column had 二是…便利。 at 46 fill
    /// a first line's room (50), so it ran into 三是…. The wider column holds when it is the most common width of the
    /// wrapped lines from `column` less `wrap.window` up to it (ties to the
    /// wider), with more of them than at `column`. `exactlyWide`: the
    /// widths of those wrapped lines made only of full-width characters
    /// (`exactlyWideColumn`'s evidence there, since the first lines are
    /// exactly wide too).
    /// `columns`: `wrapEvidence`'s columns of each line (`measuredColumnsUnlessTab`),
    /// and `exactlyWideLines` whether each is exactly wide (`isExactlyWide`),
    /// so that no line is walked again.
    func wrappedLineColumn(_ segments: [ArraySlice<SourceLine>], columns: [[Int32]], exactlyWideLines: [UInt64],
                           column: Int) -> (column: Int, exactlyWide: [Int])? {
        let wider = column + file.wrap.firstLineIndent, floor = column - file.wrap.window
        var counts: [Int: Int] = [:], exactlyWide: [Int] = []
        var base = 0
        for (segment, measured) in zip(segments, columns) {
            var previousRanOn = false
            for (offset, line) in segment.enumerated() where !line.text.isEmpty {
                guard let width = measuredColumnsUnlessTab(line, measured: measured, offset: offset) else { previousRanOn = false; continue }
                if previousRanOn, width >= floor, width <= wider {
                    counts[width, default: 0] += 1
                    if isExactlyWide(line, measured: measured, offset: offset, exactlyWideLines: exactlyWideLines, at: base + offset) {
                        exactlyWide.append(width)
                    }
                }
                previousRanOn = plainlyWrapped(line.text, width: width, column: column)
            }
            base += segment.count
        }
        let mostCommon = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }
        guard let mode = mostCommon, mode.key == wider, mode.value > counts[column, default: 0] else { return nil }
        return (wider, exactlyWide)
    }

    /// Whether more of the lines that plainly wrapped (reaching the column
    /// less `wrap.window`, no sentence mark at the end) go straight on in
    /// the next line than across a blank one: then a blank line is no
    /// double spacing but a paragraph break, however many paragraphs are a
    /// line each (held-out sangning-mzw-2024, w3m: one-line paragraphs with
    /// a blank line after each, wrapped ones straight on; 一是…公开。 at
    /// 93 of 98 columns ran into 二是… across the blank line). A
    /// double-spaced extraction (pdfminer on LibreOffice's PDF) puts its
    /// blank line after the wrapped lines too.
    /// `columns`: `wrapEvidence`'s columns of each line (`measuredColumnsUnlessTab`).
    func wrapsRunStraightOn(_ segments: [ArraySlice<SourceLine>], columns: [[Int32]], fullWidth: Int) -> Bool {
        var straight = 0, acrossBlank = 0
        for (segment, measured) in zip(segments, columns) {
            var i = segment.startIndex
            while i + 1 < segment.endIndex {
                let line = segment[i]
                if !line.text.isEmpty, let columns = measuredColumnsUnlessTab(line, measured: measured, offset: i - segment.startIndex),
                   plainlyWrapped(line.text, width: max(line.extractedColumns ?? 0, columns), column: fullWidth) {
                    if segment[i + 1].text.isEmpty { acrossBlank += 1 } else { straight += 1 }
                }
                i += 1
            }
        }
        return straight > acrossBlank
    }

    /// Whether a line plainly wrapped, running on into the next: it ends no
    /// sentence and reaches `column` less `wrap.window`. `width` is the
    /// caller's measure of the line, and the two callers measure apart:
    /// `wrapsRunStraightOn` counts the width as extracted (`width(_:)`,
    /// spaces an extractor put around digits took room on the page), while
    /// `wrappedLineColumn` takes the columns its histogram counts, the text
    /// alone. Counting the extracted width there too moved no output on any
    /// corpus extraction, but it would change what a line with such spaces
    /// says, untested, so the measures stay apart.
    func plainlyWrapped(_ text: String, width: Int, column: Int) -> Bool {
        width >= column - file.wrap.window && !endsSentence(text)
    }

    /// The stretch without its blank lines (itself when it has none, else a
    /// copy), and the indices in it of the lines that stood right after a
    /// blank line: the blank lines `join` reads between two lines.
    /// `measured`: the stretch's `wrapEvidence` columns (by offset), kept
    /// for the lines kept, so that they stand by offset in `lines` too.
    func nonBlank(_ segment: ArraySlice<SourceLine>, measured: [Int32])
        -> (lines: ArraySlice<SourceLine>, afterBlank: [Int], measured: [Int32]) {
        guard segment.contains(where: { $0.text.isEmpty }) else { return (segment, [], measured) }
        var lines: [SourceLine] = [], afterBlank: [Int] = [], kept: [Int32] = []
        lines.reserveCapacity(segment.count)
        kept.reserveCapacity(min(segment.count, measured.count))
        var blank = false
        for (offset, line) in segment.enumerated() {
            if line.text.isEmpty { blank = true; continue }
            if blank { afterBlank.append(lines.count) }
            blank = false
            lines.append(line)
            if offset < measured.count { kept.append(measured[offset]) }
        }
        return (lines[...], afterBlank, kept)
    }

    /// Which lines of a stretch handed to `join` (its blank lines left out)
    /// had a blank line right before them. Not a gap in the line numbers:
    /// lines put back elsewhere (DisplacedRuns.swift, BlockEndRuns.swift,
    /// NumbersApart.swift), gathered (`gatherScattered`) or read by a table
    /// leave one where the input has no blank line. (`join` counts page
    /// furniture removed between two lines as a break too: a page ended.)
    enum BlanksBefore {
        /// The lines at these indices of the stretch (sorted).
        case at([Int])
        /// Every line (stage 2's output read back: JoinFixpoint.swift).
        case everyLine

        /// Whether a blank line stood right before the line at `index`.
        func before(_ index: Int) -> Bool {
            switch self {
            case .at(let sorted): LineRepair.holdsNumber(sorted, above: index - 1, below: index + 1)
            case .everyLine: true
            }
        }
    }

    /// The whole of stage 2 on a document without tables.
    public func repair(_ input: [SourceLine], context: PipelineContext) -> [LogicalLine] {
        var furniture: [Int] = []
        let lines = removeFurniture(input, furniture: &furniture, context: context)
        return joinLines([lines[...]], furniture: furniture, context: context)[0]
    }

    /// The logical lines of a stretch of non-blank lines, `blanks` saying
    /// where the input had blank lines between them. `probing`: only
    /// whether anything joins; nil as soon as two lines would (a title or a
    /// wrap), else an empty array, and nothing is built or traced.
    /// `exactColumn`: the column the document's exactly wide lines reach
    /// (`exactlyWideColumn`), nil where they reach none. `furniture`: the
    /// numbers of the lines removed as page furniture (`removeFurniture`),
    /// sorted; empty where none is known (stage 2's output read back).
    /// `spacesMarkFontSwitches`: the extractor's spaces where Latin meets
    /// CJK took no room on the page (`wrapEvidence`). `measured`: the
    /// columns `wrapEvidence` measured of each line (by offset in `lines`,
    /// -1 where it measured none), so that `continues` need not measure the
    /// line again; empty where none are known. `spans`: the last input
    /// line of each line `gatherMarkPairCuts` joined, by its number.
    /// `quotesCutAtBreaks`: the document reads as OCR, whose page breaks
    /// may cut a paragraph inside an open quotation (`lines.join-open-quote`).
    func join(_ lines: ArraySlice<SourceLine>, blanks: BlanksBefore, fullWidth: Int?, doubleSpaced: Bool, exactColumn: Int? = nil,
              spacesMarkFontSwitches: Bool = false, atTop: Bool, furniture: [Int] = [], measured: [Int32] = [], spans: [Int: Int] = [:],
              quotesCutAtBreaks: Bool = false, probing: Bool, context: PipelineContext) -> [LogicalLine]? {
        var output: [LogicalLine] = []
        // At most one logical line per line: sized once (growing held the
        // lines twice over at each doubling).
        if !probing { output.reserveCapacity(lines.count) }
        var position = lines.startIndex
        if atTop, let title = joinedTitle(lines, context: context) {
            if probing && title.count > 1 { return nil }
            if !probing { output.append(title.line) }
            position += title.count
        }
        // A block at the top set in a column of its own (a preamble styled
        // like a title) is joined against that column, not the body's.
        var topBlock = atTop
            ? topBlockColumn(lines[position...], bodyWidth: fullWidth,
                             measured: position - lines.startIndex < measured.count ? measured[(position - lines.startIndex)...] : [],
                             context: context)
            : nil
        var numbered = NumberedLines()
        // The lines of the paragraph before (`lines.join-item-sibling`).
        var previousParagraph: ClosedRange<Int>?
        // Whether a blank line of the input or a page break (page furniture
        // removed) stands right before the line at `index`.
        func breakBefore(_ index: Int) -> Bool {
            blanks.before(index) || Self.holdsNumber(furniture, above: lines[index - 1].number, below: lines[index].number)
        }
        /// The columns of the line at `index` as `wrapEvidence` measured them, if it did.
        func measuredColumns(_ index: Int) -> Int? {
            let offset = index - lines.startIndex
            return offset < measured.count && measured[offset] >= 0 ? Int(measured[offset]) : nil
        }
        /// Records that `rule` keeps a paragraph break between `last` and
        /// `next` where the widths alone would have joined them.
        func keepBreak(_ rule: String, _ last: SourceLine, _ next: SourceLine) {
            guard !probing else { return }
            context.traced(.lines, rule, line: next.number,
                           before: join(last.text, next.text), after: last.text + "⏎" + next.text)
        }
        while position < lines.endIndex {
            let first = lines[position]
            var last = first
            var brackets = OpenBrackets()
            // The lines joined because a bracket was open (rare: no array grows otherwise).
            var bracketSeams: [Int] = []
            // The lines joined as html2text's wrap after a Latin token where the document has no column (rare too).
            var latinSeams: [Int] = []
            // The lines joined across a blank line at a page break (rare too).
            var breakSeams: [Int] = []
            // The lines joined across a blank line inside an open quotation (OCR only, rare too).
            var quoteSeams: [Int] = []
            // The lines that end a section heading's title cut short (rare too).
            var titleSeams: [Int] = []
            // The lines joined before an unbreakable run a numbered first line with no running text left no room for (rare too).
            var unbreakableSeams: [Int] = []
            // The lines joined where only the gaps at Latin–Han places reached the column (rare too).
            var latinGapSeams: [Int] = []
            // The lines joined after a numbered first line with no running text
            // that is the next item of a numbered paragraph with running text (rare too).
            var itemSeams: [Int] = []
            if let block = topBlock, position >= block.end { topBlock = nil }
            let column = topBlock?.width ?? fullWidth
            // The paragraph's lines first (the decisions read the lines, not
            // the text joined so far), then its text built once in a string
            // sized once (appending grew it, copying the paragraph, again and again).
            var end = position
            while end + 1 < lines.endIndex, topBlock.map({ end + 1 < $0.end }) ?? true {
                let next = lines[end + 1]
                let breakBetween = breakBefore(end + 1)
                // A section heading cut short goes on in the rest of its
                // title, across blank lines and whatever the widths
                // (`lines.join-section-title`).
                if end == position,
                   completesSectionTitle(last.text, with: next.text, lineNumbered: numbered.opens(lines, at: end, self)) {
                    if probing { return nil }
                    titleSeams.append(end + 1)
                    last = next
                    end += 1
                    continue
                }
                // No column (a paragraph per line): only html2text's wraps
                // inside a Latin token's paragraph are known for one
                // (`lines.join-latin`, `lines.join-latin-hyphen`).
                guard let full = column else {
                    guard !breakBetween, wrapsInsideLatinParagraph(last.text, next.text) else { break }
                    if probing { return nil }
                    latinSeams.append(end + 1)
                    last = next
                    end += 1
                    continue
                }
                // The paragraph before, when this line opens one: its item may
                // prove this numbered line no heading (`lines.join-item-sibling`,
                // read by `endsAsNumberedHeading` only where the line ends as a
                // heading would: reading it at every numbered line cost 15 M
                // in the 1 MB bench).
                let paragraphBefore = end == position ? previousParagraph : nil
                let wrapped = continues(last, into: next.text, fullWidth: full, blankBetween: breakBetween && !doubleSpaced,
                                        opensParagraph: last.number == first.number, spacesMarkFontSwitches: spacesMarkFontSwitches,
                                        lineColumns: measuredColumns(end),
                                        endsAsNumberedHeading: endsAsNumberedHeading(lines, at: end, before: next.text, after: paragraphBefore, &numbered),
                                        nextNumbered: numbered.opens(lines, at: end + 1, self))
                // The paragraph ends where only the spaces marking font
                // switches had made the line reach the column (`lines.font-switch-spaces`).
                if !wrapped, spacesMarkFontSwitches, !probing,
                   continues(last, into: next.text, fullWidth: full, blankBetween: breakBetween && !doubleSpaced,
                             opensParagraph: last.number == first.number, lineColumns: measuredColumns(end),
                             endsAsNumberedHeading: endsAsNumberedHeading(lines, at: end, before: next.text, after: paragraphBefore, &numbered),
                             nextNumbered: numbered.opens(lines, at: end + 1, self)) {
                    context.traced(.lines, "lines.font-switch-spaces", line: next.number,
                                   before: join(last.text, next.text), after: last.text + "⏎" + next.text)
                }
                // Whether only the gaps where digits or Latin meet Han made
                // the line reach the column (`lines.latin-gaps`).
                let byLatinGaps = wrapped && !probing && !spacesMarkFontSwitches && endsStrongly(last.text)
                    && !continues(last, into: next.text, fullWidth: full, blankBetween: breakBetween && !doubleSpaced,
                                  opensParagraph: last.number == first.number, lineColumns: measuredColumns(end), countsLatinGaps: false,
                                  endsAsNumberedHeading: endsAsNumberedHeading(lines, at: end, before: next.text, after: paragraphBefore, &numbered),
                                  nextNumbered: numbered.opens(lines, at: end + 1, self))
                // A blank line after a full stop ends the paragraph, unless the
                // line after it could not be a first line (`lines.join-page-break`).
                let acrossBreak = !wrapped && breakBetween && topBlock == nil
                    && (exactColumn.map { goesOnAcrossBlank(last, into: next, fullWidth: $0,
                                                            pageBreak: Self.holdsNumber(furniture, above: last.number, below: next.number),
                                                            nextNumbered: numbered.opens(lines, at: end + 1, self)) } == true
                        || end > position && end + 2 < lines.endIndex
                        && goesOnUnindented(last, into: next, after: lines[end + 2], blankBefore: breakBefore(end + 2),
                                            opening: first, second: lines[position + 1], fullWidth: full,
                                            nextNumbered: numbered.opens(lines, at: end + 1, self),
                                            afterNumbered: numbered.opens(lines, at: end + 2, self)))
                // A blank line inside a quotation the next block closes, in
                // OCR's text (`lines.join-open-quote`, OCRQuoteBreaks.swift).
                let acrossQuote = !wrapped && !acrossBreak && breakBetween && quotesCutAtBreaks && topBlock == nil
                    && closesAcrossBreak(lines[position...end], into: next.text) && !numbered.opens(lines, at: end + 1, self)
                // Asked only where the widths end a paragraph they saw wrap
                // already (not a table's debris: short lines, no column).
                guard wrapped || acrossBreak || acrossQuote || (!breakBetween && last.number != first.number
                                  && goesOnInsideBrackets(lines[position...end], &brackets, last: last.text, into: next.text,
                                                          nextNumbered: numbered.opens(lines, at: end + 1, self)))
                else { break }
                // A first-line indent the extractor kept, after a full stop
                // (`lines.indent-kept`).
                if end + 2 < lines.endIndex, setIn(next, between: last, and: lines[end + 2]), endsStrongly(last.text) {
                    keepBreak("lines.indent-kept", last, next)
                    break
                }
                // A one-line paragraph set in before another paragraph's
                // first line, set in as far (`lines.indent-before-first-line`).
                if end + 2 < lines.endIndex, endsStrongly(last.text),
                   setInBeforeFirstLine(next, after: last, then: lines[end + 2], beyond: end + 3 < lines.endIndex ? lines[end + 3] : nil,
                                        nextNumbered: numbered.opens(lines, at: end + 2, self)) {
                    keepBreak("lines.indent-before-first-line", last, next)
                    break
                }
                // A line set in as far as the one-line paragraph before it
                // (`lines.indent-like-first-line`).
                if end + 2 < lines.endIndex, next.extractedIndent ?? 0 > 0, endsStrongly(last.text),
                   setInLikeFirstLine(next, after: last, then: lines[end + 2]) {
                    keepBreak("lines.indent-like-first-line", last, next)
                    break
                }
                // A line of a table's values, a signed one among them
                // (`isValuesLine(signed:)`: 增1 减5 0, 3 -1 2), is a table's
                // cells, no paragraph's tail, however far the line before
                // reached (a 2019 table 二 header line at the column, its
                // row's values on the next line; `lines.signed-values-line`).
                // Bare numbers are left to the widths: an address's 216
                // wraps so (held-out juzhou-lsj-2019's PyMuPDF).
                if isValuesLine(next.text, signed: true) {
                    if !probing {
                        context.traced(.lines, "lines.signed-values-line", line: next.number,
                                       before: join(last.text, next.text), after: last.text + "⏎" + next.text)
                    }
                    break
                }
                // A section heading, its title known or restorable, is a line
                // of its own: what follows (OCR's stray ，累) is no wrap of it
                // (`lines.section-heading-alone`). Nor, its title known or
                // not, does a section heading go on in a line of a table's
                // values: a heading is no wrapped address (fuzz item 44, a
                // damaged 四、…情况； at the column took table 四's next 0, and
                // a second run counted the table's values after it one fewer).
                if end == position, numbered.opens(lines, at: end, self),
                   standsAsSectionHeading(last.text) || isValuesLine(next.text) {
                    keepBreak("lines.section-heading-alone", last, next)
                    break
                }
                if wrapped, let exact = exactColumn, topBlock == nil, end + 2 < lines.endIndex,
                   case let evidence = indentByWidth(next, before: last, after: lines[end + 2], fullWidth: exact), evidence != .none {
                    keepBreak(evidence == .nextUnitFits ? "lines.indent-width"
                              : evidence == .nextUnitWiderThanRoom ? "lines.indent-width-wide-unit" : "lines.indent-width-hung-next", last, next)
                    break
                }
                if wrapped, let exact = exactColumn, topBlock == nil, end + 2 < lines.endIndex,
                   indentedPastHungMark(next, before: last, after: lines[end + 2], fullWidth: exact) {
                    keepBreak("lines.indent-hung-mark", last, next)
                    break
                }
                // A full stop before the next of a prose list's items, where
                // this paragraph and the one before opened with the two items
                // before it (二是…。 ⏎ 三是…。 ⏎ 四是…), ends the paragraph
                // whatever the widths say: such a list's items each open a
                // paragraph (`lines.ordinal-item-sibling`).
                if wrapped, endsStrongly(last.text), let before = previousParagraph,
                   opensNextOrdinalItem(next.text, after: first.text, and: lines[before.lowerBound].text) {
                    keepBreak("lines.ordinal-item-sibling", last, next)
                    break
                }
                if probing { return nil }
                if acrossBreak { breakSeams.append(end + 1) } else if acrossQuote { quoteSeams.append(end + 1) }
                else if !wrapped { bracketSeams.append(end + 1) }
                else if byLatinGaps { latinGapSeams.append(end + 1) }
                else if end == position, numbered.opens(lines, at: end, self), endsAsHeading(last.text, before: next.text) {
                    if previousParagraph.map({ isNextItem(last.text, after: lines[$0]) }) == true { itemSeams.append(end + 1) } else { unbreakableSeams.append(end + 1) }
                }
                last = next
                end += 1
            }
            if !probing {
                var text = first.text
                if end > position {
                    // The seam's rule is named only for the trace: untraced,
                    // its tests (the seam lists, the link tests) and the
                    // copies of both lines cost 8 M instructions of the 1 MB bench.
                    // (It reads the lines, not the text joined so far: traced
                    // first, in the same order, then the text is built.)
                    if context.tracing {
                        for k in (position + 1)...end {
                            let before = lines[k - 1], next = lines[k]
                            let rule = bracketSeams.contains(k) ? "lines.join-bracket" : latinSeams.contains(k) ? (before.text.utf8.last == UInt8(ascii: "-") ? "lines.join-latin-hyphen" : "lines.join-latin")
                                : breakSeams.contains(k) ? "lines.join-page-break" : quoteSeams.contains(k) ? "lines.join-open-quote" : titleSeams.contains(k) ? "lines.join-section-title"
                                : unbreakableSeams.contains(k) ? "lines.join-unbreakable-run" : latinGapSeams.contains(k) ? "lines.latin-gaps"
                                : itemSeams.contains(k) ? "lines.join-item-sibling"
                                : endsInLinkQuery(before.text) ? "lines.join-link-query"
                                : continuesLinkPath(before.text, into: next.text) ? "lines.join-link-path"
                                : "lines.join-wrap"
                            context.traced(.lines, rule, line: before.number,
                                           before: before.text + "⏎" + next.text, after: join(before.text, next.text))
                        }
                    }
                    text = joinedText(lines[position...end])
                }
                output.append(LogicalLine(text: text, lines: first.number...(spans.isEmpty ? last.number : spans[last.number] ?? last.number)))
            }
            previousParagraph = position...end
            position = end + 1
        }
        return output
    }

    /// The item number of the prose list item that opens `text` (三是… → 3),
    /// nil when none does: a numeral of `ordinalItems` and its marker at
    /// the line's start.
    func ordinalItem(_ text: String) -> Int? {
        guard let marker = ordinalMarker else { return nil }
        var scalars = text.unicodeScalars.makeIterator()
        guard let numeral = scalars.next(), let number = ordinalNumbers[numeral], scalars.next() == marker else { return nil }
        return number
    }

    /// Whether `next` opens with a prose list's item (三是 or later) whose
    /// item before it opens the paragraph `head` opens and whose item two
    /// before opens the paragraph `headBefore` opens: two items in a row
    /// that each opened a paragraph say the list sets one an item, so a
    /// full stop at the column before the next item ends a paragraph too
    /// (held-out mingchuan-jtyst-2019: 三是…接受社会监督。 at the column,
    /// 四是…公开2019年部门预算和 ⏎ 2018年…, whose width with digits could
    /// not tell a dropped indent; `lines.ordinal-item-sibling`). A list
    /// run into one paragraph (一是…；二是…) never has two such heads.
    func opensNextOrdinalItem(_ next: String, after head: String, and headBefore: String) -> Bool {
        guard let item = ordinalItem(next), item >= 3 else { return false }
        return ordinalItem(head) == item - 1 && ordinalItem(headBefore) == item - 2
    }

    /// Whether numbering opens the line at `index` and it ends as a heading
    /// would before `next` (`endsAsHeading`), and the paragraph
    /// `paragraphBefore` (the lines right before, nil where the line opens
    /// no paragraph) does not prove it no heading: the line is not that
    /// numbered paragraph's next item (`isNextItem`, `lines.join-item-sibling`).
    /// `join` asks it through `continues` of a paragraph's first line only.
    /// A method, not a local function of `join`: one capturing `join`'s
    /// `NumberedLines` checked every access to it at run time (+14 M of
    /// `swift_beginAccess` in the 1 MB bench).
    func endsAsNumberedHeading(_ lines: ArraySlice<SourceLine>, at index: Int, before next: String, after paragraphBefore: ClosedRange<Int>?,
                               _ numbered: inout NumberedLines) -> Bool {
        numbered.opens(lines, at: index, self) && endsAsHeading(lines[index].text, before: next)
            && paragraphBefore.map({ isNextItem(lines[index].text, after: lines[$0]) }) != true
    }

    func endsSentence(_ line: String) -> Bool { lastMark(of: line, in: sentenceFinal) }

    /// Ends with 。！？ (closing quotes and brackets aside): a full stop the next
    /// word's width says nothing about.
    func endsStrongly(_ line: String) -> Bool { lastMark(of: line, in: strongFinal) }

    /// Read back from the end of the UTF-8 in place: the reversed scalar
    /// view's validated steps were most of the cost, and every step of
    /// `join` asks it of a line.
    private func lastMark(of line: String, in marks: ScalarSet) -> Bool {
        if let found = line.utf8.withContiguousStorageIfAvailable({ utf8 -> Bool in
            var end = utf8.count
            while end > 0 {
                let (s, length) = UTF8Scalars.scalar(endingAt: end, in: utf8)
                if closers.contains(s) { end -= length; continue }
                return marks.contains(s)
            }
            return false
        }) { return found }
        for s in line.unicodeScalars.reversed() {
            if closers.contains(s) { continue }
            return marks.contains(s)
        }
        return false
    }

    /// Whether the line has a mark of running text (，。；、), its scalars
    /// decoded from the UTF-8 in place (`decodeUTF8Scalar`).
    func hasRunningText(_ text: String) -> Bool { hasRunningText(text, fromUTF8Offset: 0) }

    /// `hasRunningText` of the text from the UTF-8 offset `start` (a scalar's
    /// first byte) on: the text after a line's numbering
    /// (`HeadingNumbering.levelAndRestOffset`), read where it stands (a
    /// copy of it as a string, or its substring's scalar view, cost more
    /// than the search).
    func hasRunningText(_ text: String, fromUTF8Offset start: Int) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            let stepsOverHan = !bracketsOrRunningTextHoldHan
            var i = start
            while i < utf8.count {
                if stepsOverHan && opensUnifiedIdeograph(utf8, at: i) { i &+= 3; continue }
                let (v, length) = decodeUTF8Scalar(utf8, at: i)
                if runningText.contains(v) { return true }
                i += length
            }
            return false
        } ?? text.unicodeScalars[text.utf8.index(text.utf8.startIndex, offsetBy: start)...].contains { runningText.contains($0) }
    }

    /// Whether an opener (（《“〔) is still unclosed at the line's end: a heading
    /// does not end inside brackets, so such a line goes on in the next. A mark
    /// in both sets (a straight quote) counts for neither. Decoded from the
    /// UTF-8 in place, as `hasRunningText` is (the scalar view's validated
    /// steps were most of its cost).
    func leavesBracketOpen(_ text: String) -> Bool {
        if let open = text.utf8.withContiguousStorageIfAvailable({ utf8 -> Bool in
            let stepsOverHan = !bracketsOrRunningTextHoldHan
            var depth = 0, i = 0
            while i < utf8.count {
                if stepsOverHan && opensUnifiedIdeograph(utf8, at: i) { i &+= 3; continue }
                let (v, length) = decodeUTF8Scalar(utf8, at: i)
                let opens = openers.contains(v), closes = closers.contains(v)
                if opens && !closes { depth += 1 } else if closes && !opens && depth > 0 { depth -= 1 }
                i += length
            }
            return depth > 0
        }) { return open }
        var depth = 0
        for s in text.unicodeScalars {
            let opens = openers.contains(s), closes = closers.contains(s)
            if opens && !closes { depth += 1 } else if closes && !opens && depth > 0 { depth -= 1 }
        }
        return depth > 0
    }

    /// Heading numbering (Rules/structure.json) at the start of a line, followed by text.
    func startsWithNumbering(_ text: String) -> Bool { numbering.opens(text) }
}
