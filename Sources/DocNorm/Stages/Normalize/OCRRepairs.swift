import ICUKit

/// Rules/ocr.json, version docnorm-rules/1.
struct OCRRulesFile: VersionedRuleFile {
    struct Pairs: Decodable {
        var openers: String
        var closers: String
        var open: String
        var close: String
        /// How far a closer may be, which brackets end the search for it,
        /// and which pairs it passes over whole (parens only).
        var reach: Int?
        var brackets: String?
        var enclosed: [String]?
        /// Openers OCR reads before the parenthesis it doubles (《（, （（),
        /// each with its own closer (parens only).
        var doubled: [String]?
        /// Openers no author closes with a parenthesis (〈, written only
        /// inside 《》 and closed by 〉), whose closer is looked for as far
        /// as `farReach` (parens only; optional, else `reach`).
        var farOpeners: String?
        var farReach: Int?
        /// A bracket OCR read twice before a document number's misread
        /// opener (〔【2019] → 〔〔2019〕): it goes (documentNumbers only;
        /// optional, else none goes).
        var doubledOpeners: String?
    }
    /// The dash of a range OCR read as an ideograph (5一10 for 5—10).
    struct Dashes: Decodable {
        var misread: String
        var dash: String
        /// Date units a range may start after (5月1日一10月15日).
        var units: String
    }
    /// A scheme's // OCR read as one character (http:/www, https:Wwww).
    struct URLs: Decodable {
        var schemes: [String]
        var slashes: [String]
        var slash: String
        /// Path segments of government sites (zfxxgk, ndbg, col) between
        /// which OCR lost a /: zfxxgkndbg, colcol5821.
        var segments: [String]
        /// A / and a segment's first letter OCR read as one letter, and
        /// what that letter stands for (m for /n: zfxxgkmdbg).
        var segmentJoins: [[String]]
        /// A scheme OCR misspelt, and the scheme (htps: → https:).
        var misreadSchemes: [[String]]
        /// What a space OCR read inside a URL's path stands for (the low
        /// `_`: art 3617_84125.html for art_3617_84125.html); optional,
        /// else such a space is left.
        var spaceReadings: String?
        /// A host's end, as OCR read it with the / after it lost or merged
        /// (.gov.cnrsj, .gov.cmjyj for .gov.cn/jyj), and what it stands for.
        var hostEnds: [[String]]
    }
    /// % as OCR reads it at a number's end (99.2% as 99.29%6, 100% as
    /// 1009%): each form and what it stands for.
    struct Percents: Decodable {
        var misread: [[String]]
    }
    /// A table value 1 OCR read as an ideograph (工).
    struct Ones: Decodable {
        var misread: String
        var digit: String
        /// The marks (a table rule read as |) a row's last cell may stand after.
        var rowEndAfter: String
    }
    /// A sign OCR read as two characters (‰ as %o).
    struct Sign: Decodable {
        var misread: String
        var sign: String
    }
    /// A title inside a title, drawn 〈…〉 (GB/T 15834), that OCR read as
    /// 《…》, “…》 or 《…>: the marks it may have read for the inner pair,
    /// and the ” that makes a “ a quotation instead.
    struct NestedTitles: Decodable {
        var open: String, close: String
        var innerOpen: String, innerClose: String
        var misreadOpeners: String, misreadClosers: String
        var quoteClose: String
        /// Whether a title closer right after the inner title's closer, with
        /// the outer title's own closer still to come, is that inner closer
        /// read twice (…格式〉》的通知》); optional, else left.
        var doubledCloses: Bool?
    }
    var format: String
    var parens: Pairs
    var documentNumbers: Pairs
    var dashes: Dashes
    var urls: URLs
    var permille: Sign
    var nestedTitles: NestedTitles
    var percents: Percents
    var percentReadings: OCRPercentReadingsRules
    var enumerations: OCREnumerationRules
    var emails: OCREmailRules
    var thousandsPoints: OCRThousandsPointsRules
    var ones: Ones
    var proseOnes: OCRProseOnesRules
    var labelNumberings: OCRLabelNumberingsRules
    var tableAnchors: OCRTableAnchorsRules
    var valueRows: OCRValueRowReadingsRules
    var hostStops: OCRHostStopsRules
    var loneCharacters: OCRLoneCharactersRules
    /// Optional, so a rules folder written before it still loads (and the rule is off).
    var wordReadings: OCRWordReadingsRules?
}

/// Stage 1c, what OCR misreads, on the character-normalized lines:
///
/// - `normalize.ocr-paren`: an opener OCR misread (〈 《 ( for （) whose first
///   closer on the line is a parenthesis becomes a full-width pair:
///   第二十条第〈一)项 → 第二十条第（一）项, 〈单位: 万元) → （单位：万元）;
///   〈格式〉 and 《条例》 keep their own closers and stay;
///   `normalize.ocr-doubled-paren`: an opener OCR read twice, first as
///   another mark, loses that mark when its own closer does not follow:
///   《（社区） → （社区）. A 〈, which no author closes with a parenthesis,
///   finds its ） further away (`parens.farReach`): 〈地址：…，电子邮箱：…）.
/// - `normalize.ocr-document-number`: a year in misread brackets before a
///   document number: 国办公开办函【2021] 30号 → 国办公开办函〔2021〕30号;
///   the opener read twice loses its first reading: 〔【2019] → 〔2019〕.
/// - `normalize.ocr-dash`: a range's dash read as 一 between numbers:
///   5一10个工作日 → 5—10个工作日, 9:00一17:00 → 9:00—17:00,
///   5月1日一10月15日 → 5月1日—10月15日 (一是, 第一, 十一月 have no digit
///   on both sides).
/// - `normalize.ocr-url`: a scheme's // read as one character before a host:
///   http:/www.liping.gov.cn → http://www.liping.gov.cn, https:Wwww → https://www.;
///   `normalize.ocr-url-scheme` (htps: → https:) and `normalize.ocr-url-host`
///   (.gov.cmjyj → .gov.cn/jyj) mend a scheme and a host end OCR misspelt.
/// - `normalize.ocr-permille`: ‰ read as %o after a digit: 1%o以内 → 1‰以内.
/// - `normalize.ocr-percent`: % read as 9%6 or %6, 100% as 1009%, at a
///   number's end: 99.29%6 → 99.2%, 98.7%6 → 98.7%, 1009% → 100%.
/// - Once one of these changed a line, the document reads as OCR, and
///   `OCRPercentReadings` reads every line for what OCR makes of a % that no
///   form proves alone (`normalize.ocr-percent-nine`, `-share`, `-digits`:
///   14.79% → 14.7%, 占比超过409% → 40%, 0.596。 → 0.5%。; suspicion
///   `normalize.ocr-percent-suspect`), a count's thousands comma read as a
///   point (`OCRThousandsPoints`, `normalize.ocr-thousands-point`:
///   4.816人次 → 4,816人次), and an enumeration's ； read as ， or } or lost
///   before 二是… (`OCREnumerationMarks`, `normalize.ocr-enumeration-mark`),
///   and an e-mail's @ read with a capital beside it (`OCREmailReadings`,
///   `normalize.ocr-email-at`: cpqzwgkG@chenpu.gov.cn → cpqzwgk@chenpu.gov.cn;
///   `normalize.ocr-email-case`: Xczhzf_gk@ → xczhzf_gk@, ywxq_Zzwgk@ →
///   ywxq_zwgk@), a host's 。 read as o (`OCRHostStops`,
///   `normalize.ocr-host-stop`: yuwan.gov.cno → yuwan.gov.cn。) and a count
///   1 read as 工 before its unit in prose (`OCRProseOnes`,
///   `normalize.ocr-prose-one`: 上年结转工件， → 上年结转1件，), a row label's
///   numbering whose point OCR lost, its 1 read as 工 or not
///   (`OCRLabelNumberings`, `normalize.ocr-label-numbering`: 5要求行政机关 →
///   5.要求行政机关, 工末机关不掌握 → 1.末机关不掌握); the pipeline
///   names its paragraphs of a Han character alone once its prose is
///   settled (`OCRLoneCharacters`, suspicion `normalize.ocr-lone-character`);
///   a word OCR misread into no word (`OCRWordReadings`, `normalize.ocr-word`:
///   全履盖 → 全覆盖).
/// - `normalize.ocr-one`: a value 1 read as 工 in a row of numbers, a digit
///   after it: 事务信息工0 0 0 0 0 → 事务信息1 0 0 0 0 0, 0 0工0 0 → 0 0 1 0 0.
/// - `normalize.ocr-url-path`: a / OCR lost between two path segments of a
///   government site, in a URL OCR visibly read: http:/www.a.gov.cn/zfxxgkndbg/
///   → http://www.a.gov.cn/zfxxgk/ndbg/, /colcol5821 → /col/col5821, and a
///   / with the next segment's first letter read as one (`segmentJoins`):
///   /zfxxgkmdbg/ → /zfxxgk/ndbg/. Sites
///   name directories xxgkndbg and zfxxgkndbg too, so a run-together pair is
///   no proof alone: the text must show a scheme whose // OCR misread
///   (`misreadsScheme`), here or on a line stage 1c repaired (`repair`).
/// - `normalize.ocr-nested-title`: a title opened inside an open title and
///   closed before it is the inner 〈…〉 of GB/T 15834, whatever OCR read its
///   marks as: 《…关于印发《…格式》的通知》 and 《…印发“…格式>的通知》 →
///   《…关于印发〈…格式〉的通知》; “十四五” closed by ” inside a title stays;
///   `normalize.ocr-doubled-title-close`: a 》 right after the inner 〉 with
///   the outer title's own 》 still to come is the 〉 read twice:
///   《…格式（试行）〉》的通知》 → 《…格式（试行）〉的通知》.
/// - `normalize.ocr-url-underscore`: a URL's `_` read as a space, in a URL
///   OCR visibly read: /hpx2025/art 3617_84125.html → /art_3617_84125.html.
///
/// Each change is traced with its line; the line's punctuation and spaces are
/// looked at again afterwards (the new （ can give a colon a Han context, and
/// a space beside it is now a space next to CJK).
struct OCRRepairs: Sendable {
    // Bit sets: both rules ask for every scalar of a line with a candidate.
    let parenOpeners: ScalarSet
    let parenClosers: ScalarSet
    let open: Unicode.Scalar, close: Unicode.Scalar
    /// How far (in characters) a misread opener's closer may be.
    let reach: Int
    /// The brackets that end the search for that closer.
    let brackets: ScalarSet
    /// Pairs passed over whole on the way (opener → closer).
    let enclosedPairs: [Unicode.Scalar: Unicode.Scalar]
    /// The openers of `enclosedPairs`: asked first, so the search for a
    /// closer hashes only at one of them, not at every character it passes.
    let enclosedOpeners: ScalarSet
    /// An opener OCR read twice, before the parenthesis (〈（, 《（, (（), and
    /// its own closer, whose absence after the pair makes it debris.
    let doubledOpeners: [Unicode.Scalar: Unicode.Scalar]
    let numberOpeners: ScalarSet
    let numberClosers: ScalarSet
    let numberOpen: Unicode.Scalar, numberClose: Unicode.Scalar
    /// The ideograph a range's dash is misread as, the dash, and the date
    /// units a range may start after.
    let misreadDash: Unicode.Scalar, dash: Unicode.Scalar
    let dashUnits: Set<Unicode.Scalar>
    /// Schemes (with their colon), what OCR reads their // as, and //.
    let schemes: [[Unicode.Scalar]], misreadSlashes: [[Unicode.Scalar]], slash: [Unicode.Scalar]
    /// Each misspelt scheme (with its colon) and the scheme (`schemeSpellings`).
    let misreadSchemes: [(form: [Unicode.Scalar], scheme: [Unicode.Scalar])]
    /// Each host end as read before a path (.gov.cm) and what it stands for (.gov.cn/).
    let hostEnds: [(form: [Unicode.Scalar], right: [Unicode.Scalar])]
    /// The first ASCII byte of each misread //: a colon before none of them
    /// (9:00) is no URL.
    let misreadSlashLeads: Set<UInt8>
    /// Each misread //'s UTF-8: `mayRepair` lets a colon through only
    /// before one with a host's first letter or digit after it, as `urls`
    /// asks (a URL written right, http://, is none).
    let misreadSlashesUTF8: [[UInt8]]
    /// The misread dash's UTF-8 when no other scalar `mayRepair` reacts to
    /// shares its lead byte (一 leads with E4, as do a fifth of the common
    /// ideographs): `mayRepair` then steps over every other scalar of that
    /// lead byte, and over 一 with no digit after it, undecoded.
    let misreadDashUTF8: [UInt8]?
    let misreadPermille: [Unicode.Scalar], permille: Unicode.Scalar
    /// Each misread % form and what it stands for, in the rule file's order
    /// (9%6 before %6); the % they share, and the ASCII bytes beside it in
    /// some form (9 before, 6 after) that let a line with % through `mayRepair`.
    let misreadPercents: [(form: [Unicode.Scalar], sign: [Unicode.Scalar])]
    let percent: Unicode.Scalar
    let percentNeighbours: (before: Set<UInt8>, after: Set<UInt8>)
    /// What OCR makes of a % where no form proves it alone (14.79%, 0.596。),
    /// read only once the document reads as OCR (`repair`).
    let percentReadings: OCRPercentReadings
    /// A list's ； as OCR misreads it (，二是, }二是), read with `percentReadings`.
    let enumerations: OCREnumerationMarks
    /// An address's @ as OCR reads it (G@, @D), read with `percentReadings`.
    let emails: OCREmailReadings
    /// A count's thousands comma read as a point (4.816 人次), read only once
    /// the document reads as OCR, with `percentReadings`.
    let thousandsPoints: OCRThousandsPoints
    /// The bytes the %, count and @ readings each need one of (their
    /// `gateBytes`), each byte once, with the readings it lets through
    /// (`readingCandidates`).
    let readingGates: [(byte: UInt8, readings: ReadingCandidates)]
    /// A count 1 in prose read as 工 (结转工件，), read with `percentReadings`.
    let proseOnes: OCRProseOnes
    /// A row label's numbering whose point OCR lost (5要求行政机关), its 1 read as 工 or not.
    let labelNumberings: OCRLabelNumberings
    /// A table header's anchor OCR read after a rule or with characters misread (|（本列…, （杰列数据的久生关系).
    let tableAnchors: OCRTableAnchors
    /// A row's 0 read as a letter alone (|o|) or a value read with a mark glued on (0_, 2>), on a line of values alone.
    let valueRows: OCRValueRowReadings
    /// A row's last cells read with look-alikes (|1ols, 。), read back where the row's total then holds.
    let rowTotals: OCRRowTotalReadings?
    /// A host's 。 read as o (gov.cno), read with `percentReadings`.
    let hostStops: OCRHostStops
    /// A paragraph of one Han character alone, named once the document reads as OCR.
    let loneCharacters: OCRLoneCharacters
    /// URL path segments (ASCII) a lost / ran together, as scalars and as UTF-8.
    let pathSegments: [[Unicode.Scalar]]
    let pathSegmentsUTF8: [[UInt8]]
    /// Each form a / and a segment's first letter were read as (m), with what
    /// is left of each segment it may start once that letter is put back
    /// (dbg of ndbg), as UTF-8 (all ASCII), and the stand-in (/n).
    let segmentJoins: [(form: [UInt8], rests: [[UInt8]], standIn: [Unicode.Scalar])]
    /// The ideograph a table's 1 is read as, and 1. Stage 1b marks a line
    /// for it only with a digit after it (or when the line changed), so
    /// that is what `ones` asks too.
    let misreadOne: Unicode.Scalar, one: Unicode.Scalar
    /// The marks a misread 1 closing a row may stand right after (`oneAtRowEnd`).
    let oneRowEndAfter: [Unicode.Scalar]
    /// The outer title's marks, the inner title's, what OCR reads the
    /// inner ones as, and the closing quote that makes a “ a quotation.
    let titleOpen: Unicode.Scalar, titleClose: Unicode.Scalar
    let innerOpen: Unicode.Scalar, innerClose: Unicode.Scalar
    /// Arrays, not sets: three marks each, asked of every character inside a
    /// title (`mayRepair`), where hashing each cost more than the comparisons.
    let misreadInnerOpeners: [Unicode.Scalar], misreadInnerClosers: [Unicode.Scalar]
    let quoteClose: Unicode.Scalar
    /// Every opener of either bracket rule, the misread dash, a scheme's
    /// last character (:) and the misread ‰'s first (%): a line with none
    /// is left alone at once.
    let candidates: ScalarSet
    /// Per UTF-8 byte that starts a scalar: 0 when it may start a scalar
    /// `mayRepair` reacts to (an opener of either rule, a paren closer, 号),
    /// else the length of its sequence, so `mayRepair` steps over the rest
    /// of a line (most Han, ASCII) without decoding it.
    let candidateSkips: [UInt8]
    /// The scalars `mayRepair` reacts to as a BMP bitmap, one word per 64
    /// scalars: a three-byte sequence's lead and second byte give its word
    /// and its last byte its bit, so the Han and the ，。、 that share a lead
    /// byte with 号, 〈 or （ are stepped over undecoded too.
    let reactingBits: [UInt64]
    /// Whether `mayRepair` follows the brackets after a misread paren
    /// opener as `firstBracket` reads them (so that 《条例》（以下简称…） and
    /// (一) are left alone): the enclosed pairs' marks are all brackets,
    /// none a paren closer, and each pair's closer is no pair's opener. Else
    /// an opener waits for any closer, as before.
    let tracksParenBrackets: Bool
    /// `parens.farOpeners` and `parens.farReach`: openers whose closer is
    /// looked for further than `reach` (〈地址：…，电子邮箱：…） runs to 110).
    var farOpeners: [Unicode.Scalar] = []
    var farReach = 0
    /// `documentNumbers.doubledOpeners`: the bracket read twice before a
    /// number's opener (`documentNumbers`).
    var doubledNumberOpeners: [Unicode.Scalar] = []
    /// `nestedTitles.doubledCloses` (`doubledTitleCloses`).
    var doubledTitleCloses = false
    /// `urls.spaceReadings` (`urlPathSpaces`), nil when the rules have none.
    var urlPathSpace: Unicode.Scalar? = nil
    /// `wordReadings` (OCRWordReadings.swift).
    var words = OCRWordReadings.none

    /// `numberedLabels`: the table templates' labels that open with a row
    /// number (`TableRules.numberedLabels`), whose lost points
    /// `labelNumberings` puts back.
    static func load(from source: RuleSource, numberedLabels: [[Unicode.Scalar]]) throws -> OCRRepairs {
        let file = try source.decode(OCRRulesFile.self, from: "ocr.json")
        func one(_ s: String, _ key: String) throws -> Unicode.Scalar {
            guard s.unicodeScalars.count == 1, let c = s.unicodeScalars.first else {
                throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "\(key) must be one character")
            }
            return c
        }
        guard let reach = file.parens.reach, reach > 0 else {
            throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "parens.reach must be a positive number of characters")
        }
        guard let brackets = file.parens.brackets, !brackets.isEmpty else {
            throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "parens.brackets must list the brackets that end the search for a closer")
        }
        /// Each opener of a list of two-mark pairs to its closer.
        func closers(of pairs: [String]?, _ name: String) throws -> [Unicode.Scalar: Unicode.Scalar] {
            var closers: [Unicode.Scalar: Unicode.Scalar] = [:]
            for pair in pairs ?? [] {
                let both = Array(pair.unicodeScalars)
                guard both.count == 2 else {
                    throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "\(name): '\(pair)' must be an opener and its closer")
                }
                closers[both[0]] = both[1]
            }
            return closers
        }
        let enclosedPairs = try closers(of: file.parens.enclosed, "parens.enclosed")
        let doubledOpeners = try closers(of: file.parens.doubled, "parens.doubled")
        func set(_ s: String, _ name: String) -> ScalarSet { ScalarSet(ranges: s.unicodeScalars.map { $0.value...$0.value }, pattern: name) }
        let parenOpeners = Set(file.parens.openers.unicodeScalars), numberOpeners = Set(file.documentNumbers.openers.unicodeScalars)
        var skips = (0..<256).map { UInt8($0 < 0x80 ? 1 : $0 < 0xE0 ? 2 : $0 < 0xF0 ? 3 : 4) }
        let misreadDash = try one(file.dashes.misread, "dashes.misread")
        let schemes = file.urls.schemes.map { Array($0.unicodeScalars) }, misreadSlashes = file.urls.slashes.map { Array($0.unicodeScalars) }
        let misreadPermille = Array(file.permille.misread.unicodeScalars)
        guard !schemes.isEmpty, schemes.allSatisfy({ $0.last == ":" }),
              !misreadSlashes.isEmpty, misreadSlashes.allSatisfy({ $0.first.map(\.isASCII) ?? false }) else {
            throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "urls: each scheme must end in : and each misread slash start with an ASCII character")
        }
        let misreadSchemes = file.urls.misreadSchemes.map { (form: Array(($0.first ?? "").unicodeScalars), scheme: Array(($0.last ?? "").unicodeScalars)) }
        let hostEnds = file.urls.hostEnds.map { (form: Array(($0.first ?? "").unicodeScalars), right: Array(($0.last ?? "").unicodeScalars)) }
        guard file.urls.misreadSchemes.allSatisfy({ $0.count == 2 }), misreadSchemes.allSatisfy({ $0.form.last == ":" && schemes.contains($0.scheme) }),
              file.urls.hostEnds.allSatisfy({ $0.count == 2 }), hostEnds.allSatisfy({ $0.form.first == "." && $0.right.last == "/" && $0.form.allSatisfy(\.isASCII) }) else {
            throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "urls: each misread scheme must pair a form ending in : with one of schemes, each host end a form starting with . with what it stands for, ending in /")
        }
        guard misreadPermille.count > 1, misreadPermille[0].isASCII else {
            throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "permille.misread must be two or more characters, the first ASCII")
        }
        // The rules' last (:) and first (%) characters mark a line.
        let titles = file.nestedTitles
        let titleOpen = try one(titles.open, "nestedTitles.open"), titleClose = try one(titles.close, "nestedTitles.close")
        let misreadInnerOpeners = Array(titles.misreadOpeners.unicodeScalars), misreadInnerClosers = Array(titles.misreadClosers.unicodeScalars)
        guard misreadInnerOpeners.contains(titleOpen), !misreadInnerClosers.isEmpty else {
            throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "nestedTitles.misreadOpeners must hold nestedTitles.open, and misreadClosers a closer")
        }
        let quoteClose = try one(titles.quoteClose, "nestedTitles.quoteClose")
        let misreadPercents = file.percents.misread.map { (form: Array(($0.first ?? "").unicodeScalars), sign: Array(($0.count == 2 ? $0[1] : "").unicodeScalars)) }
        let percentSigns = Set(misreadPercents.compactMap { $0.form.first { !("0"..."9").contains($0) } })
        guard let percent = percentSigns.first, percentSigns.count == 1, percent.isASCII, file.percents.misread.allSatisfy({ $0.count == 2 }),
              misreadPercents.allSatisfy({ $0.form.allSatisfy(\.isASCII) && $0.form.contains(percent) && $0.sign.contains(percent) }) else {
            throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "percents.misread: each entry must be an ASCII form holding one sign and what it stands for")
        }
        var percentBefore = Set<UInt8>(), percentAfter = Set<UInt8>()
        for (form, _) in misreadPercents {
            let k = form.firstIndex(of: percent)!
            if k > 0 { percentBefore.insert(UInt8(form[k - 1].value)) }
            if k + 1 < form.count { percentAfter.insert(UInt8(form[k + 1].value)) }
        }
        let misreadOne = try one(file.ones.misread, "ones.misread"), oneDigit = try one(file.ones.digit, "ones.digit")
        guard ("0"..."9").contains(oneDigit), misreadOne.properties.isIdeographic else {
            throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "ones: misread must be an ideograph and digit a digit")
        }
        let pathSegments = file.urls.segments.map { Array($0.unicodeScalars) }
        guard pathSegments.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) } }) else {
            throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "urls.segments must be lower-case Latin letters and digits")
        }
        var segmentJoins: [(form: [UInt8], rests: [[UInt8]], standIn: [Unicode.Scalar])] = []
        for join in file.urls.segmentJoins {
            guard join.count == 2, let form = join.first, let standIn = join.last, !form.isEmpty, form.utf8.allSatisfy({ $0 < 0x80 }),
                  standIn.hasPrefix("/"), standIn.count > 1, standIn.utf8.allSatisfy({ $0 < 0x80 }) else {
                throw DocNormError.invalidRules(file: "ocr.json", line: nil, reason: "urls.segmentJoins: each entry must pair an ASCII form with the / and letters it stands for")
            }
            let letters = Array(standIn.utf8.dropFirst())
            let rests = file.urls.segments.map { Array($0.utf8) }.filter { $0.count > letters.count && $0.starts(with: letters) }.map { Array($0.dropFirst(letters.count)) }
            segmentJoins.append((Array(form.utf8), rests, Array(standIn.unicodeScalars)))
        }
        let triggers: Set<Unicode.Scalar> = Set(misreadInnerOpeners).union([misreadDash, ":", misreadPermille[0], percent, "/", misreadOne]).union(doubledOpeners.keys)
        let innerMarks = Set(misreadInnerClosers).union([titleClose, quoteClose])
        var reactsTo = parenOpeners.union(numberOpeners).union(file.parens.closers.unicodeScalars).union(["号"]).union(innerMarks).union(triggers)
        let bracketMarks = Set(brackets.unicodeScalars), closerMarks = Set(file.parens.closers.unicodeScalars)
        let tracksParenBrackets = enclosedPairs.allSatisfy { opener, closer in
            opener != closer && bracketMarks.contains(opener) && bracketMarks.contains(closer)
                && !closerMarks.contains(opener) && !closerMarks.contains(closer) && enclosedPairs[closer] == nil
        }
        // Followed, every bracket must be seen: one stepped over could be
        // the pair an opener's closer is found past.
        if tracksParenBrackets { reactsTo.formUnion(bracketMarks) }
        var reactingBits = [UInt64](repeating: 0, count: 1024)
        for scalar in reactsTo {
            skips[Int(String(scalar).utf8.first!)] = 0
            if scalar.value <= 0xFFFF { reactingBits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63) }
        }
        let percentReadings = try OCRPercentReadings.load(file.percentReadings, percent: percent)
        let thousandsPoints = try OCRThousandsPoints.load(file.thousandsPoints), emails = try OCREmailReadings.load(file.emails)
        let hostStops = try OCRHostStops.load(file.hostStops)
        var readingGates: [(byte: UInt8, readings: ReadingCandidates)] = []
        for (bytes, reading) in [(percentReadings.gateBytes, ReadingCandidates.percents), (thousandsPoints.gateBytes, .counts),
                                 (emails.gateBytes, .addresses), (hostStops.gateBytes, .hosts)] {
            for byte in bytes {
                if let k = readingGates.firstIndex(where: { $0.byte == byte }) { readingGates[k].readings.insert(reading) }
                else { readingGates.append((byte, reading)) }
            }
        }
        let dashUTF8 = Array(String(misreadDash).utf8)
        let dashLeadShared = reactsTo.contains { $0 != misreadDash && String($0).utf8.first == dashUTF8[0] }
        let valueRows = try OCRValueRowReadings.load(file.valueRows)
        return OCRRepairs(parenOpeners: set(file.parens.openers, "parens.openers"), parenClosers: set(file.parens.closers, "parens.closers"),
                          open: try one(file.parens.open, "parens.open"), close: try one(file.parens.close, "parens.close"),
                          reach: reach, brackets: set(brackets, "parens.brackets"), enclosedPairs: enclosedPairs,
                          enclosedOpeners: ScalarSet(ranges: enclosedPairs.keys.map { $0.value...$0.value }, pattern: "parens.enclosed openers"),
                          doubledOpeners: doubledOpeners,
                          numberOpeners: set(file.documentNumbers.openers, "documentNumbers.openers"),
                          numberClosers: set(file.documentNumbers.closers, "documentNumbers.closers"),
                          numberOpen: try one(file.documentNumbers.open, "documentNumbers.open"),
                          numberClose: try one(file.documentNumbers.close, "documentNumbers.close"),
                          misreadDash: misreadDash, dash: try one(file.dashes.dash, "dashes.dash"),
                          dashUnits: Set(file.dashes.units.unicodeScalars),
                          schemes: schemes, misreadSlashes: misreadSlashes, slash: Array(file.urls.slash.unicodeScalars),
                          misreadSchemes: misreadSchemes, hostEnds: hostEnds,
                          misreadSlashLeads: Set(misreadSlashes.map { UInt8($0[0].value) }),
                          misreadSlashesUTF8: misreadSlashes.map { Array(String(String.UnicodeScalarView($0)).utf8) },
                          misreadDashUTF8: dashUTF8.count > 1 && !dashLeadShared ? dashUTF8 : nil,
                          misreadPermille: misreadPermille, permille: try one(file.permille.sign, "permille.sign"),
                          misreadPercents: misreadPercents, percent: percent, percentNeighbours: (before: percentBefore, after: percentAfter),
                          percentReadings: percentReadings, enumerations: try OCREnumerationMarks.load(file.enumerations), emails: emails,
                          thousandsPoints: thousandsPoints, readingGates: readingGates,
                          proseOnes: try OCRProseOnes.load(file.proseOnes),
                          labelNumberings: try OCRLabelNumberings.load(file.labelNumberings, numberedLabels: numberedLabels),
                          tableAnchors: try OCRTableAnchors.load(file.tableAnchors),
                          valueRows: valueRows,
                          rowTotals: try file.valueRows.totals.map { try OCRRowTotalReadings.load($0, valueRows: valueRows) },
                          hostStops: hostStops,
                          loneCharacters: try OCRLoneCharacters.load(file.loneCharacters),
                          pathSegments: pathSegments, pathSegmentsUTF8: file.urls.segments.map { Array($0.utf8) },
                          segmentJoins: segmentJoins,
                          misreadOne: misreadOne, one: oneDigit,
                          oneRowEndAfter: Array(file.ones.rowEndAfter.unicodeScalars),
                          titleOpen: titleOpen, titleClose: titleClose,
                          innerOpen: try one(titles.innerOpen, "nestedTitles.innerOpen"),
                          innerClose: try one(titles.innerClose, "nestedTitles.innerClose"),
                          misreadInnerOpeners: misreadInnerOpeners, misreadInnerClosers: misreadInnerClosers,
                          quoteClose: quoteClose,
                          candidates: ScalarSet(ranges: parenOpeners.union(numberOpeners).union(triggers).map { $0.value...$0.value },
                                                pattern: "OCR candidates"),
                          candidateSkips: skips, reactingBits: reactingBits, tracksParenBrackets: tracksParenBrackets,
                          farOpeners: Array((file.parens.farOpeners ?? "").unicodeScalars), farReach: max(file.parens.farReach ?? reach, reach),
                          doubledNumberOpeners: Array((file.documentNumbers.doubledOpeners ?? "").unicodeScalars),
                          doubledTitleCloses: titles.doubledCloses ?? false,
                          urlPathSpace: try file.urls.spaceReadings.map { try one($0, "urls.spaceReadings") },
                          words: try OCRWordReadings.load(file.wordReadings))
    }

    /// What stage 1c found on a document's lines.
    struct LineRepairs {
        /// The numbers of the lines whose URL scheme OCR misread, in order:
        /// the evidence `urlPaths` asks for once the line is joined to the
        /// rest of its URL (http:/www.a.gov.cn/ ⏎ zfxxgkndbg/), when the
        /// scheme is mended already.
        var misreadURLs: [Int] = []
        /// Whether a rule changed a line: the document reads as OCR, and
        /// `percentReadings` read its lines (and its joined paragraphs, later).
        var readsAsOCR = false
    }

    /// `only`: the indices of the lines that may hold an opener
    /// (`NormalizedLines.mayNeedOCR`); nil for every line. Once a rule
    /// changed a line, every line is read again for `percentReadings`, and
    /// a percentage they leave in doubt is reported with its line.
    @discardableResult
    func repair(_ lines: inout [SourceLine], only: [Int]? = nil, characters: CharacterNormalizer, context: PipelineContext) -> LineRepairs {
        var found = LineRepairs()
        func repair(_ i: Int) {
            var urlMisread = false
            if let fixed = repaired(lines[i].text, line: lines[i].number, urlMisread: &urlMisread, characters: characters, context: context) {
                lines[i].text = fixed
                found.readsAsOCR = true
            }
            if urlMisread { found.misreadURLs.append(lines[i].number) }
        }
        if let only {
            for i in only { repair(i) }
        } else {
            for i in lines.indices { repair(i) }
        }
        guard found.readsAsOCR else { return found }
        for i in lines.indices {
            if let fixed = repairedReadings(lines[i].text, line: lines[i].number, characters: characters, context: context) {
                lines[i].text = fixed
            }
            // Only a line with a % holds a percentage to doubt: the others are not decoded.
            guard withUTF8(of: lines[i].text, { percentReadings.mayDoubt($0) }) else { continue }
            for reading in percentReadings.doubts(scalars(of: lines[i].text)) {
                context.report(.normalize, "normalize.ocr-percent-suspect", .suspicion,
                               "\(reading) in a text read by OCR may be \(reading.dropLast(2))% (Tesseract reads a % after a digit as 9%); check it against the source",
                               line: lines[i].number)
            }
        }
        return found
    }

    /// The readings of a document read as OCR (`repairedReadings`) that may
    /// change a text.
    struct ReadingCandidates: OptionSet, Sendable {
        let rawValue: UInt16
        static let percents = ReadingCandidates(rawValue: 1), counts = ReadingCandidates(rawValue: 2)
        static let lists = ReadingCandidates(rawValue: 4), addresses = ReadingCandidates(rawValue: 8)
        static let hosts = ReadingCandidates(rawValue: 16), ones = ReadingCandidates(rawValue: 32)
        static let labels = ReadingCandidates(rawValue: 64), anchors = ReadingCandidates(rawValue: 128)
        static let valueRows = ReadingCandidates(rawValue: 256), words = ReadingCandidates(rawValue: 512)
        static let rowTotals = ReadingCandidates(rawValue: 1024)
    }

    /// Which readings may change a text, from its UTF-8: each gate byte
    /// looked for once with `memchr` (a point lets both the % and the count
    /// readings through), then the list items and the 工 of a count. Every line of an OCR
    /// document is asked, and most have none: they are not decoded, and
    /// four scans of the bytes, one per reading, cost more than the readings.
    func readingCandidates(_ utf8: UnsafeBufferPointer<UInt8>) -> ReadingCandidates {
        var found: ReadingCandidates = []
        for gate in readingGates where !found.isSuperset(of: gate.readings) && offsetOfFirst(gate.byte, in: utf8) < utf8.count {
            found.formUnion(gate.readings)
        }
        if enumerations.mayHold(utf8) { found.insert(.lists) }
        if proseOnes.mayHold(utf8) { found.insert(.ones) }
        if found.contains(.ones) || labelNumberings.mayHold(utf8) { found.insert(.labels) }
        if tableAnchors.mayHold(utf8) { found.insert(.anchors) }
        if valueRows.mayHold(utf8) { found.insert(.valueRows) }
        if let rowTotals, rowTotals.mayHold(utf8) { found.insert(.rowTotals) }
        if words.mayHold(utf8) { found.insert(.words) }
        return found
    }

    /// A line or joined paragraph of a document that reads as OCR with
    /// `percentReadings`, `thousandsPoints`, the list marks before N是 and
    /// the e-mail `@` readings applied, or nil when they change nothing.
    /// Each percentage `normalize.ocr-percent-nine` changed is reported: it
    /// is wrong on a real two-decimal percentage ending in 9, which only the
    /// source can tell from OCR's extra 9. A repaired count is reported: its
    /// number changed.
    func repairedReadings(_ text: String, line: Int, characters: CharacterNormalizer, context: PipelineContext) -> String? {
        let may = withUTF8(of: text) { readingCandidates($0) }
        guard !may.isEmpty else { return nil }
        var s = scalars(of: text)
        var nines: [OCRPercentReadings.NineRepair] = []
        var changed = may.contains(.percents) ? percentReadings.repair(&s, nines: &nines) : []
        /// A rule's repaired readings: one step of the line, one repair reported each.
        func record(_ rule: String, _ repaired: [(read: String, repaired: String)], _ message: (String, String) -> String) {
            guard !repaired.isEmpty else { return }
            changed.append((rule, s))
            for one in repaired { context.report(.normalize, rule, .repair, message(one.read, one.repaired), line: line) }
        }
        if may.contains(.counts) {
            record("normalize.ocr-thousands-point", thousandsPoints.repair(&s)) { read, repaired in
                "\(read) before a count unit in a text read by OCR is \(repaired): a count is never fractional, and Tesseract reads a thousands comma as a point"
            }
        }
        if may.contains(.lists) && enumerations.repair(&s) { changed.append(("normalize.ocr-enumeration-mark", s)) }
        if may.contains(.addresses) && emails.repair(&s) { changed.append(("normalize.ocr-email-at", s)) }
        if may.contains(.addresses) && emails.lowerCased(&s) { changed.append(("normalize.ocr-email-case", s)) }
        if may.contains(.hosts) && hostStops.repair(&s) { changed.append(("normalize.ocr-host-stop", s)) }
        if may.contains(.ones) {
            record("normalize.ocr-prose-one", proseOnes.repair(&s)) { read, repaired in
                "\(read) in a text read by OCR taken as \(repaired) (Tesseract reads a count 1 as 工 before its unit); a word ending in 工 before the unit would be changed too: check it against the source"
            }
        }
        if may.contains(.labels) && labelNumberings.repair(&s) { changed.append(("normalize.ocr-label-numbering", s)) }
        if may.contains(.anchors), let mended = tableAnchors.repair(&s) {
            changed.append(("normalize.ocr-table-anchor", s))
            context.report(.normalize, "normalize.ocr-table-anchor", .repair,
                           "'\(mended.read)' opening a line of a text read by OCR taken as the table anchor '\(mended.anchor)' (Tesseract reads a table's left rule as | and misreads some characters of its header); check it against the source",
                           line: line)
        }
        if may.contains(.valueRows) {
            record("normalize.ocr-row-zero", valueRows.repair(&s, .zeros)) { read, repaired in
                "'\(read)' alone among a row's values in a text read by OCR taken as \(repaired) (Tesseract reads a cell's 0 as a letter); the table's relations check it"
            }
            record("normalize.ocr-row-mark", valueRows.repair(&s, .marks)) { read, repaired in
                "'\(read)' among a row's values in a text read by OCR taken as \(repaired) (Tesseract glues a rule or stain after a value as a mark)"
            }
        }
        if may.contains(.rowTotals), let rowTotals, let mended = rowTotals.repair(&s) {
            changed.append(("normalize.ocr-row-total", s))
            context.report(.normalize, "normalize.ocr-row-total", .repair,
                           "'\(mended.read)' ending a table row's line in a text read by OCR taken as \(mended.repaired) (Tesseract reads a cell's 0 as o or 。, a rule glued to a cell as l or 1, a 3 as s): the one row of values its look-alikes read as whose last value, the row's total, is the sum of the others",
                           line: line)
        }
        if may.contains(.words) && words.repair(&s) { changed.append(("normalize.ocr-word", s)) }
        guard !changed.isEmpty else { return nil }
        for nine in nines {
            context.report(.normalize, "normalize.ocr-percent-nine", .repair,
                           "\(nine.read) in a text read by OCR taken as \(nine.repaired) (Tesseract reads a % after a digit as 9%); a percentage that really ends in 9 would be changed too: check it against the source",
                           line: line)
        }
        return finished(text, s, changed, line: line, characters: characters, context: context)
    }

    /// One line (or a paragraph stage 2 joined, where a bracket may meet its
    /// closer from the next line) repaired, or nil when nothing changes.
    /// `urlMisread`: whether a URL of the text is known to be OCR's (a line
    /// of the paragraph whose scheme was mended before); set when the text
    /// shows a misread scheme itself. Only then may `urlPaths` act.
    func repaired(_ text: String, line: Int, urlMisread: inout Bool, characters: CharacterNormalizer, context: PipelineContext) -> String? {
        guard mayRepair(text) else { return nil }
        var s = scalars(of: text)
        // Each rule that changed the line, with the line after it: a step's
        // before is the one before it, so that replaying the trace (a misread
        // dash is a Han character, 一) finds each step's text.
        var changed: [(rule: String, after: [Unicode.Scalar])] = []
        if documentNumbers(&s) { changed.append(("normalize.ocr-document-number", s)) }
        if parens(&s) { changed.append(("normalize.ocr-paren", s)) }
        // After parens: 《〈社区) is 《（社区） by then.
        if doubledParens(&s) { changed.append(("normalize.ocr-doubled-paren", s)) }
        if dashes(&s) { changed.append(("normalize.ocr-dash", s)) }
        if schemeSpellings(&s) {
            changed.append(("normalize.ocr-url-scheme", s))
            urlMisread = true
        }
        // Asked before `urls` mends what it sees.
        if !urlMisread && misreadsScheme(s) { urlMisread = true }
        if urls(&s) { changed.append(("normalize.ocr-url", s)) }
        if urlMisread && urlHostEnds(&s) { changed.append(("normalize.ocr-url-host", s)) }
        if permilles(&s) { changed.append(("normalize.ocr-permille", s)) }
        if percents(&s) { changed.append(("normalize.ocr-percent", s)) }
        if ones(&s) { changed.append(("normalize.ocr-one", s)) }
        if oneAtRowEnd(&s) { changed.append(("normalize.ocr-one-row-end", s)) }
        if urlMisread && urlPaths(&s) { changed.append(("normalize.ocr-url-path", s)) }
        if urlMisread && urlPathSpaces(&s) { changed.append(("normalize.ocr-url-underscore", s)) }
        // After parens: 〈试行) inside the inner title is （试行） by then.
        if nestedTitles(&s) { changed.append(("normalize.ocr-nested-title", s)) }
        // After nestedTitles: the inner closer is 〉 by then.
        if doubledTitleCloses(&s) { changed.append(("normalize.ocr-doubled-title-close", s)) }
        guard !changed.isEmpty else { return nil }
        return finished(text, s, changed, line: line, characters: characters, context: context)
    }

    /// A text's scalars, decoded from its UTF-8 in one pass (an Array of the
    /// scalar view counted them first): the same 32-bit values.
    private func scalars(of text: String) -> [Unicode.Scalar] {
        scalarValues(text).withUnsafeBufferPointer { $0.withMemoryRebound(to: Unicode.Scalar.self) { Array($0) } }
    }

    /// `body` on a text's UTF-8, in place when the string is contiguous (a
    /// line's always is).
    private func withUTF8<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = text
        return text.withUTF8(body)
    }

    /// The repaired scalars as text, its punctuation and spaces looked at
    /// again, each step traced.
    private func finished(_ text: String, _ s: [Unicode.Scalar], _ changed: [(rule: String, after: [Unicode.Scalar])], line: Int,
                          characters: CharacterNormalizer, context: PipelineContext) -> String {
        // Encoded once (appending to a scalar view went scalar by scalar).
        func encoded(_ s: [Unicode.Scalar]) -> String { s.withUnsafeBufferPointer { $0.withMemoryRebound(to: UInt32.self) { utf8String($0) } } }
        var fixed = encoded(s)
        if let again = characters.repunctuated(fixed) { fixed = again }
        // The new bracket is CJK: a space stage 1 kept beside the misread one
        // (〈1) A → （1） A) is now next to CJK and goes, as a second run would.
        fixed = string(characters.canonicalSpacing(scalarValues(fixed)))
        var before = text
        for (k, step) in changed.enumerated() {
            let after = k == changed.count - 1 ? fixed : encoded(step.after)
            context.traced(.normalize, step.rule, line: line, before: before, after: after)
            before = after
        }
        return fixed
    }

    /// Whether either rule may change the line: a misread paren opener
    /// with a parenthesis closer after it (`parens`), or a number opener
    /// with a 号 after it (`documentNumbers`). One pass over the scalars;
    /// most lines with an opener (《条例》, “…”) have neither, and were
    /// copied to an array and searched twice.
    func mayRepair(_ text: String) -> Bool {
        // Every line is asked: its UTF-8 decoded in place.
        text.utf8.withContiguousStorageIfAvailable { utf8 in
            var numberOpened = false, titleOpened = false
            // The misread paren openers still waiting for their first
            // bracket (`firstBracket`), as one group outside any enclosed
            // pair and one inside the pair last opened (whose closer is
            // `expected`): 0 none, 1 only ASCII ( (which `parens` changes
            // only before a ）), 2 any other.
            var outside: UInt8 = 0, inside: UInt8 = 0, expected: UInt32 = 0
            // The opener met inside the open title, until its closer.
            var inner: UInt32? = nil
            var i = 0
            return candidateSkips.withUnsafeBufferPointer { skips in reactingBits.withUnsafeBufferPointer { reacting in
                while i < utf8.count {
                    // A scalar whose lead byte none of the scalars below has
                    // (most Han, ASCII, most marks) changes nothing below:
                    // stepped over undecoded.
                    if case let skip = skips[Int(utf8[i])], skip != 0 {
                        i &+= Int(skip)
                        continue
                    }
                    // So does a three-byte one (U+0800…U+FFFF) that is none of
                    // them, found by its bit without decoding it (valid UTF-8:
                    // its two continuation bytes are there).
                    if utf8[i] &- 0xE0 < 0x10 {
                        let word = reacting[Int(utf8[i] & 0x0F) << 6 | Int(utf8[i &+ 1] & 0x3F)]
                        if word >> UInt64(utf8[i &+ 2] & 0x3F) & 1 == 0 {
                            i &+= 3
                            continue
                        }
                    }
                    if let dash = misreadDashUTF8, utf8[i] == dash[0] {
                        // Only the dash with a digit after it counts (below).
                        let end = i &+ dash.count
                        guard end < utf8.count, utf8[end] &- 0x30 < 10, utf8[i..<end].elementsEqual(dash) else {
                            i &+= dash.count
                            continue
                        }
                    }
                    let b = UInt32(utf8[i])
                    let v: UInt32
                    if b < 0x80 { v = b; i &+= 1 }
                    else if b < 0xE0 { v = (b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); i &+= 2 }
                    else if b < 0xF0 { v = (b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); i &+= 3 }
                    else {
                        v = (b & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                        i &+= 4
                    }
                    if !(outside | inside != 0 || numberOpened || titleOpened || candidates.contains(v)) { continue }
                    // An opener read twice right before a parenthesis (`doubledParens`).
                    if i < utf8.count, case let next = decodeUTF8Scalar(utf8, at: i).value, next == open.value || next == 0x28,
                       let scalar = Unicode.Scalar(v), doubledOpeners[scalar] != nil { return true }
                    if outside != 0 && parenClosers.contains(v) && (outside == 2 || v != 0x29) { return true }
                    if tracksParenBrackets && outside | inside != 0 {
                        // The closer of the pair last opened: its waiting
                        // openers passed over it whole, the others met a bracket.
                        if inside != 0 && v == expected {
                            outside = inside; inside = 0
                        } else if enclosedOpeners.contains(v), let closer = Unicode.Scalar(v).flatMap({ enclosedPairs[$0] }) {
                            inside = outside; outside = 0; expected = closer.value
                        } else if brackets.contains(v) || parenClosers.contains(v) {
                            outside = 0; inside = 0
                        }
                    }
                    // Inside an open title (`nestedTitles`): another 《, or an
                    // inner opener closed by anything but its own closer (“…”, 〈…〉).
                    if titleOpened, let scalar = Unicode.Scalar(v) {
                        if let opener = inner {
                            if v == quoteClose.value { inner = nil; continue }
                            if misreadInnerClosers.contains(scalar) {
                                if opener == innerOpen.value && v == innerClose.value {
                                    inner = nil
                                    // 〉》 may be the 〉 read twice (`doubledTitleCloses`).
                                    if doubledTitleCloses && i < utf8.count && decodeUTF8Scalar(utf8, at: i).value == titleClose.value { return true }
                                    continue
                                }
                                return true
                            }
                        }
                        if misreadInnerOpeners.contains(scalar) {
                            if v == titleOpen.value { return true }
                            inner = v
                        }
                    }
                    if v == titleOpen.value { titleOpened = true } else if v == titleClose.value { titleOpened = false; inner = nil }
                    if numberOpened && v == 0x53F7 { return true }  // 号
                    // A digit right after the misread dash: `dashes` looks before it.
                    if v == misreadDash.value && i < utf8.count && (0x30...0x39).contains(utf8[i]) { return true }
                    // A colon before a misread // (`urls` looks for the scheme), % before o.
                    if v == 0x3A && i < utf8.count && misreadSlashLeads.contains(utf8[i]) {
                        for misread in misreadSlashesUTF8 {
                            let end = i &+ misread.count
                            guard end < utf8.count, case let host = utf8[end], (host | 0x20) &- 0x61 < 26 || host &- 0x30 < 10 else { continue }
                            if UnsafeBufferPointer(rebasing: utf8[i..<end]).elementsEqual(misread) { return true }
                        }
                    }
                    if v == misreadPermille[0].value && i < utf8.count && UInt32(utf8[i]) == misreadPermille[1].value { return true }
                    // A misread % form's neighbour beside the % (`percents` reads the rest).
                    if v == percent.value && ((i < utf8.count && percentNeighbours.after.contains(utf8[i]))
                                              || (i >= 2 && percentNeighbours.before.contains(utf8[i &- 2]))) { return true }
                    // The misread 1 with a digit after it (`ones` looks at the row).
                    if v == misreadOne.value && i < utf8.count && utf8[i] &- 0x30 < 10 { return true }
                    // The misread 1 ending the line (`oneAtRowEnd` looks at the row).
                    if v == misreadOne.value && utf8[i...].allSatisfy({ $0 == 0x20 }) { return true }
                    // A / before two path segments run together (`urlPaths`).
                    if v == 0x2F && runTogetherSegments(utf8, at: i) != nil { return true }
                    if parenOpeners.contains(v) && v != open.value { outside = max(outside, v == 0x28 ? 1 : 2) }
                    // A number opener counts before four digits and a closer,
                    // not the right pair (`documentNumbers`): most are （…）.
                    if numberOpeners.contains(v), i &+ 4 < utf8.count,
                       utf8[i] &- 0x30 < 10, utf8[i &+ 1] &- 0x30 < 10, utf8[i &+ 2] &- 0x30 < 10, utf8[i &+ 3] &- 0x30 < 10,
                       case let closer = decodeUTF8Scalar(utf8, at: i &+ 4).value, numberClosers.contains(closer),
                       v != numberOpen.value || closer != numberClose.value {
                        numberOpened = true
                    }
                }
                return false
            } }
        } ?? mayRepair(scalars: text.unicodeScalars)
    }

    /// `mayRepair` over the scalars, for text without contiguous UTF-8.
    private func mayRepair(scalars: String.UnicodeScalarView) -> Bool {
        if scalars.contains(where: { $0 == misreadDash || $0 == ":" || $0 == misreadPermille[0] || $0 == percent || $0 == "/" || $0 == misreadOne }) { return true }
        var parenOpened = false, numberOpened = false, titleOpened = false
        for s in scalars where candidates.contains(s.value) || parenOpened || numberOpened || titleOpened {
            if parenOpened && parenClosers.contains(s) { return true }
            if titleOpened && misreadInnerOpeners.contains(s) { return true }  // as above, less exactly
            if s == titleOpen { titleOpened = true } else if s == titleClose { titleOpened = false }
            if numberOpened && s == "号" { return true }
            if parenOpeners.contains(s) && s != open { parenOpened = true }
            if numberOpeners.contains(s) { numberOpened = true }
        }
        return false
    }

    /// 〈一) → （一）: an opener whose first closer is a parenthesis.
    func parens(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        var i = 0
        while i < s.count {
            defer { i += 1 }
            guard parenOpeners.contains(s[i]), s[i] != open else { continue }
            // The first bracket of any kind after it, on this line, must be a
            // closing parenthesis: 《汇编（2020年版）》 nests, and stays. A
            // whole title or document number inside is passed over:
            // 〈以下简称《条例》） and 〈国办公开办函〔2021〕30号） are misread （…）.
            // 〈 is never closed by a parenthesis: its closer may be as far
            // as a contact line runs (〈地址：…，电子邮箱：…）).
            let reach = farOpeners.contains(s[i]) ? farReach : self.reach
            guard let j = firstBracket(in: s, after: i, reach: reach), parenClosers.contains(s[j]), j > i + 1 else { continue }
            // An ASCII pair around Latin or digits only is the punctuation rule's to judge.
            if s[i] == "(" && !s[(i + 1)..<j].contains(where: { $0.properties.isIdeographic }) { continue }
            if s[i] == "(" && s[j] == ")" { continue }
            s[i] = open
            s[j] = close
            changed = true
        }
        return changed
    }

    /// 《（社区） → （社区）, (（国办公开办函…） → （…）: an opener OCR read
    /// twice, first as another mark, right before a parenthesis that closes
    /// on the line. The first goes when its own closer does not follow: no
    /// second ）after the pair's, no 》 later on the line for a 《 (a title
    /// opening with a parenthesis, 《（2020年版）汇编》, keeps its 《).
    func doubledParens(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        var i = 0
        while i + 1 < s.count {
            defer { i += 1 }
            // The parenthesis first: hashing every scalar of a line cost more
            // (callgrind) than the rest of the rule.
            guard s[i + 1] == open || s[i + 1] == "(", let own = doubledOpeners[s[i]],
                  let j = firstBracket(in: s, after: i + 1, reach: reach), parenClosers.contains(s[j]) else { continue }
            // A pair at the end of a longer run of openers (（（（二）) is no
            // opener read twice: taking one away would leave a pair that a
            // second run takes one from again (fuzz run 26).
            if i > 0, doubledOpeners[s[i - 1]] != nil { continue }
            // Its own closer after the pair, counted past any pair of its
            // kind opened between: then it is a real opener.
            let isParen = parenClosers.contains(own)
            var depth = 0, closed = false
            for c in s[(j + 1)...] {
                if isParen ? (c == open || c == "(") : c == s[i] { depth += 1 }
                else if isParen ? parenClosers.contains(c) : c == own {
                    if depth == 0 { closed = true; break }
                    depth -= 1
                }
            }
            if closed { continue }
            s.remove(at: i)
            changed = true
        }
        return changed
    }

    /// The first bracket after position i that is not inside a closed 《…》 or
    /// 〔…〕, or nil when none follows within `reach` characters (a pair's
    /// scan stops there too, so a long line of openers stays linear).
    func firstBracket(in s: [Unicode.Scalar], after i: Int, reach: Int) -> Int? {
        let limit = min(s.count, i + reach + 1)
        var k = i + 1
        while k < limit {
            if enclosedOpeners.contains(s[k]), let closer = enclosedPairs[s[k]], let end = s[(k + 1)..<limit].firstIndex(where: { $0 == closer }),
               !s[(k + 1)..<end].contains(where: { brackets.contains($0) || parenClosers.contains($0) }) {
                k = end + 1
                continue
            }
            if brackets.contains(s[k]) || parenClosers.contains(s[k]) { return k }
            k += 1
        }
        return nil
    }

    /// 《…印发《…格式》的通知》 → 《…印发〈…格式〉的通知》: inside an open
    /// title, an opener OCR may have read for 〈 whose first title closer
    /// comes before any ” (a “ with its own ” is a quotation) and is followed
    /// by the outer title's close, no title opened between. The outer 《 is
    /// never nested itself (GB/T 15834 nests 〈〉 in 《》), so 《《 is always a
    /// misread; an author's 〈…〉 is left as drawn.
    func nestedTitles(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        var i = 0
        while i < s.count {
            defer { i += 1 }
            guard s[i] == titleOpen else { continue }
            // The first opener inside, before the title closes.
            guard let k = s[(i + 1)...].firstIndex(where: { $0 == titleClose || misreadInnerOpeners.contains($0) }),
                  s[k] != titleClose else { continue }
            // Its closer: the first title closer, unless a ” or a new opener comes first.
            guard let j = s[(k + 1)...].firstIndex(where: { misreadInnerClosers.contains($0) || $0 == quoteClose || misreadInnerOpeners.contains($0) }),
                  misreadInnerClosers.contains(s[j]),
                  let m = s[(j + 1)...].firstIndex(where: { $0 == titleClose || misreadInnerOpeners.contains($0) || misreadInnerClosers.contains($0) }),
                  s[m] == titleClose else { continue }
            if s[k] != innerOpen || s[j] != innerClose {
                s[k] = innerOpen
                s[j] = innerClose
                changed = true
            }
            i = m
        }
        return changed
    }

    /// 《…印发〈…格式〉》的通知》 → 《…印发〈…格式〉的通知》: a title closer
    /// right after the inner title's closer, inside an open title whose own
    /// closer still follows (no title opener between), is OCR's second
    /// reading of the inner closer, and goes. The outer title never nests
    /// (GB/T 15834), so a 》 after 〉 that leaves a later 》 with nothing to
    /// close is never the author's; 《…〈…〉》 closing both at once stays.
    func doubledTitleCloses(_ s: inout [Unicode.Scalar]) -> Bool {
        guard doubledTitleCloses else { return false }
        var changed = false
        var opened = false
        var i = 0
        while i + 1 < s.count {
            defer { i += 1 }
            if s[i] == titleOpen { opened = true; continue }
            guard opened, s[i] == innerClose, s[i + 1] == titleClose,
                  let m = s[(i + 2)...].firstIndex(where: { $0 == titleOpen || $0 == titleClose }), s[m] == titleClose else {
                if s[i] == titleClose { opened = false }
                continue
            }
            s.remove(at: i + 1)
            changed = true
        }
        return changed
    }

    /// 5一10 → 5—10: the misread dash with a digit after it and a digit, or a
    /// digit and a date unit, before it.
    func dashes(_ s: inout [Unicode.Scalar]) -> Bool {
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < s.count && ("0"..."9").contains(s[k]) }
        var changed = false
        for i in s.indices where s[i] == misreadDash && isDigit(i + 1)
            && (isDigit(i - 1) || (i >= 2 && dashUnits.contains(s[i - 1]) && isDigit(i - 2))) {
            s[i] = dash
            changed = true
        }
        return changed
    }

    /// Whether `s[i]` is a scheme's colon: http: or https:, not the end of
    /// a longer word.
    func isSchemeColon(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        s[i] == ":" && (schemes + misreadSchemes.map(\.form)).contains { scheme in
            let start = i + 1 - scheme.count
            return start >= 0 && s[start...i].elementsEqual(scheme)
                && (start == 0 || !(("a"..."z").contains(s[start - 1]) || ("A"..."Z").contains(s[start - 1])))
        }
    }

    /// Whether a scheme's // is misread in `s`: a misread form after its
    /// colon, then anything but / (https:Wwww, http:/www, and https:/衣.a.gov.cn,
    /// which `urls` leaves). A text layer writes http://: the sign that a
    /// URL's run-together path segments are OCR's too. An http:/ that ends
    /// the text is not counted: a line may break inside a right //.
    func misreadsScheme(_ s: [Unicode.Scalar]) -> Bool {
        for i in s.indices where isSchemeColon(s, at: i) {
            for misread in misreadSlashes {
                let end = i + 1 + misread.count
                if end < s.count, s[(i + 1)..<end].elementsEqual(misread), s[end] != "/" { return true }
            }
        }
        return false
    }

    /// http:/www → http://www: a scheme (not the end of a longer word), a
    /// misread // after its colon, and a host (Latin letter or digit) next.
    func urls(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        var i = 0
        while i < s.count {
            defer { i += 1 }
            guard isSchemeColon(s, at: i) else { continue }
            for misread in misreadSlashes {
                let end = i + 1 + misread.count
                guard end < s.count, s[(i + 1)..<end].elementsEqual(misread),
                      s[end].isASCIILetter || s[end].isASCIIDigit else { continue }
                s.replaceSubrange((i + 1)..<end, with: slash)
                changed = true
                break
            }
        }
        return changed
    }

    /// htps:/www → https:/www: a misspelt scheme (not the end of a longer
    /// word) with a / or a misread // after its colon; `urls` mends that next.
    func schemeSpellings(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        for (form, scheme) in misreadSchemes {
            var i = 0
            while i + form.count < s.count {
                defer { i += 1 }
                let end = i + form.count
                guard s[i..<end].elementsEqual(form), i == 0 || !s[i - 1].isASCIILetter,
                      s[end] == "/" || misreadSlashes.contains(where: { end + $0.count <= s.count && s[end..<(end + $0.count)].elementsEqual($0) }) else { continue }
                s.replaceSubrange(i..<end, with: scheme)
                changed = true
            }
        }
        return changed
    }

    /// www.a.gov.cnrsj/ → www.a.gov.cn/rsj/, www.a.gov.cmjyj/ → www.a.gov.cn/jyj/:
    /// a host's end (after a Latin letter or digit) with a lower-case Latin
    /// letter straight after it, and another, where no host goes on: the / after it OCR
    /// lost, or read into the end (n/ as m). `repaired` asks it only of a
    /// text with a URL OCR misread.
    func urlHostEnds(_ s: inout [Unicode.Scalar]) -> Bool {
        func isHostCharacter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
        var changed = false
        for (form, right) in hostEnds {
            var i = 1
            while i + form.count < s.count {
                defer { i += 1 }
                let end = i + form.count
                // Two letters at least: one alone before a / (.gov.cny/) is
                // more likely the / misread than a directory.
                guard s[i] == form[0], isHostCharacter(s[i - 1]), end + 1 < s.count, ("a"..."z").contains(s[end]), ("a"..."z").contains(s[end + 1]),
                      s[i..<end].elementsEqual(form) else { continue }
                s.replaceSubrange(i..<end, with: right)
                changed = true
            }
        }
        return changed
    }

    /// http://…/hpx2025/art 3617_84125.html → …/art_3617_84125.html: a
    /// space inside a URL's path (after the host's first /) between a Latin
    /// letter and a digit, either way round, where the run after it goes on
    /// in URL characters to the next space or the URL's end and holds a `_`
    /// itself (the path's own separator), is the `_` OCR read as a space
    /// (`urls.spaceReadings`). A path has no space, and a URL followed by
    /// words has no `_` in the word; asked only in a text that shows a URL
    /// OCR read (as `urlPaths`).
    func urlPathSpaces(_ s: inout [Unicode.Scalar]) -> Bool {
        guard let underscore = urlPathSpace else { return false }
        func isURLCharacter(_ c: Unicode.Scalar) -> Bool { c.value > 0x20 && c.value < 0x7F }
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        var changed = false
        var i = 0
        while i + 2 < s.count {
            defer { i += 1 }
            // A scheme's //, then the host up to its first /.
            guard s[i] == ":", s[i + 1] == "/", s[i + 2] == "/" else { continue }
            var k = i + 3
            while k < s.count && isURLCharacter(s[k]) && s[k] != "/" { k += 1 }
            guard k < s.count, s[k] == "/" else { continue }
            while k + 2 < s.count {
                while k < s.count && isURLCharacter(s[k]) { k += 1 }
                guard k + 1 < s.count, s[k] == " ", k > 0 else { break }
                let before = s[k - 1], after = s[k + 1]
                guard isLetter(before) && isDigit(after) || isDigit(before) && isLetter(after) else { break }
                var end = k + 1
                while end < s.count && isURLCharacter(s[end]) { end += 1 }
                guard s[(k + 1)..<end].contains(underscore) else { break }
                s[k] = underscore
                changed = true
            }
            i = k
        }
        return changed
    }

    /// 1%o → 1‰: the misread sign after a digit, no Latin letter after it.
    func permilles(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        var i = 1
        while i + misreadPermille.count <= s.count {
            defer { i += 1 }
            let end = i + misreadPermille.count
            guard s[i] == misreadPermille[0], ("0"..."9").contains(s[i - 1]), s[i..<end].elementsEqual(misreadPermille),
                  end == s.count || !(("a"..."z").contains(s[end]) || ("A"..."Z").contains(s[end])) else { continue }
            s.replaceSubrange(i..<end, with: [permille])
            changed = true
        }
        return changed
    }

    /// 99.29%6 → 99.2%, 1009% → 100%: a misread % form at a number's end.
    /// A form for the sign alone (9%6, %6) needs a digit before it, one for
    /// a whole number (1009% for 100%) no digit or point before it; neither a
    /// digit nor a Latin letter may follow (5%66, 5%6x are left as read).
    /// A 9% alone is left: 23.49% may be what the report says.
    func percents(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        for (form, sign) in misreadPercents {
            var i = 0
            while i + form.count <= s.count {
                defer { i += 1 }
                let end = i + form.count
                guard s[i] == form[0], s[i..<end].elementsEqual(form),
                      end == s.count || !(s[end].isASCIIDigit || s[end].isASCIILetter) else { continue }
                // What the form stands for starts with a digit (100%): it is the whole number.
                if let first = sign.first, first.isASCIIDigit {
                    guard i == 0 || !(s[i - 1].isASCIIDigit || s[i - 1] == ".") else { continue }
                } else {
                    guard i > 0, s[i - 1].isASCIIDigit else { continue }
                }
                s.replaceSubrange(i..<end, with: sign)
                changed = true
            }
        }
        return changed
    }

    /// 事务信息工0 0 0 0 0 → 事务信息1 0 0 0 0 0: the misread 1 with a digit
    /// right after it, on a line holding three numbers in a row (a table's
    /// values), where it stands after a number (0 0工0) or begins a run of
    /// two or more (信息工0 0): 施工2处 has no row, and no value follows it.
    /// Read from the right, so 工工0 becomes 1 1 0 (the digit after the
    /// first is the second's 1).
    func ones(_ s: inout [Unicode.Scalar]) -> Bool {
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < s.count && ("0"..."9").contains(s[k]) }
        guard s.contains(misreadOne), holdsValueRun(s) else { return false }
        var changed = false
        for i in s.indices.reversed() where s[i] == misreadOne && isDigit(i + 1) {
            var end = i + 1
            while isDigit(end) { end += 1 }
            let afterValue = isDigit(i - 1) || (i >= 1 && s[i - 1] == " " && isDigit(i - 2))
            let runFollows = end + 1 < s.count && s[end] == " " && isDigit(end + 1)
            guard afterValue || runFollows else { continue }
            // The 1 stands apart from the value after it and from one before
            // it, as the row's others do (a label's space goes with spacing).
            s[i] = one
            s.insert(" ", at: i + 1)
            if isDigit(i - 1) { s.insert(" ", at: i) }
            changed = true
        }
        return changed
    }

    /// Whether the line holds three numbers in a row, each after a single
    /// space: a table row's values. The misread 1 between two numbers is
    /// one of them (`2工0工0 0 | 4`: the row's 2 1 0 1 0 0 4, whose only
    /// spaced run, 0 0, is two long; spacing took the spaces beside 工).
    func holdsValueRun(_ s: [Unicode.Scalar]) -> Bool {
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < s.count && s[k].isASCIIDigit }
        var numbers = 0, k = 0
        while k < s.count {
            if isDigit(k) {
                while isDigit(k) { k += 1 }
                numbers += 1
                if numbers >= 3 { return true }
                if k < s.count && s[k] == " " && isDigit(k + 1) {
                    k += 1
                } else if k < s.count && s[k] == misreadOne && isDigit(k + 1) {
                    numbers += 1
                    if numbers >= 3 { return true }
                    k += 1
                } else {
                    numbers = 0
                }
            } else {
                numbers = 0
                k += 1
            }
        }
        return false
    }

    /// 事务信息1 0 0 0 0 0 |工 → 事务信息1 0 0 0 0 0 | 1: the misread 1 as a
    /// row's last cell (its 总计), alone at the line's end right after a
    /// value or a table rule (`rowEndAfter`), on a line holding a row of
    /// values. No digit follows it there, so `ones` leaves it; left, it
    /// stands before the next row's label and hides it. A word's 工 ends
    /// a line after a Han character (施工), never after a number or a rule.
    func oneAtRowEnd(_ s: inout [Unicode.Scalar]) -> Bool {
        guard var i = s.lastIndex(where: { $0 != " " }), s[i] == misreadOne else { return false }
        var k = i - 1
        while k >= 0 && s[k] == " " { k -= 1 }
        guard k >= 0, s[k].isASCIIDigit || oneRowEndAfter.contains(s[k]), holdsValueRun(s) else { return false }
        s[i] = one
        // Apart from what stands before it, as the row's other cells are.
        if k == i - 1 { s.insert(" ", at: i); i += 1 }
        return true
    }

    /// The length of the path segment at `i` when another one follows it
    /// straight away (zfxxgk + ndbg), else nil.
    func runTogetherSegments(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        func segment(at k: Int) -> Int? {
            pathSegmentsUTF8.first { k + $0.count <= utf8.count && utf8[k..<(k + $0.count)].elementsEqual($0) }?.count
        }
        guard let first = segment(at: i) else { return nil }
        if segment(at: i + first) != nil { return first }
        return segmentJoin(at: i + first) { k, bytes in k + bytes.count <= utf8.count && utf8[k..<(k + bytes.count)].elementsEqual(bytes) } != nil ? first : nil
    }

    /// The entry of `segmentJoins` whose form stands at `k`, with the rest
    /// of a segment it may start right after it (zfxxgk|m|dbg), else nil.
    /// `has(k, bytes)`: whether the text holds those ASCII bytes at k.
    func segmentJoin(at k: Int, _ has: (Int, [UInt8]) -> Bool) -> (form: [UInt8], rests: [[UInt8]], standIn: [Unicode.Scalar])? {
        segmentJoins.first { join in has(k, join.form) && join.rests.contains { has(k + join.form.count, $0) } }
    }

    /// /zfxxgkndbg/ → /zfxxgk/ndbg/, /colcol5821 → /col/col5821: after a /
    /// with a Latin letter, digit or point before it (a URL's), a known path
    /// segment run straight into another gets the / OCR lost between them.
    /// `repaired` asks it only of a text with a URL OCR misread.
    func urlPaths(_ s: inout [Unicode.Scalar]) -> Bool {
        func segment(at k: Int) -> Int? {
            pathSegments.first { k + $0.count <= s.count && s[k..<(k + $0.count)].elementsEqual($0) }?.count
        }
        var changed = false
        var i = 1
        while i < s.count {
            defer { i += 1 }
            guard s[i] == "/", s[i - 1].isASCII, s[i - 1].properties.isAlphabetic || ("0"..."9").contains(s[i - 1]) || s[i - 1] == "." else { continue }
            // Each segment after this / that runs into the next gets its /.
            var k = i + 1
            while let first = segment(at: k) {
                if segment(at: k + first) != nil {
                    s.insert("/", at: k + first)
                } else if let join = segmentJoin(at: k + first, { k, bytes in
                    k + bytes.count <= s.count && zip(s[k...], bytes).allSatisfy { $0.value == UInt32($1) }
                }) {
                    // zfxxgkmdbg: the m is the lost / and the n it hid.
                    s.replaceSubrange((k + first)..<(k + first + join.form.count), with: join.standIn)
                } else { break }
                k += first + 1
                changed = true
            }
        }
        return changed
    }

    /// 【2021] 30号 → 〔2021〕30号: four digits in misread brackets, a number after.
    func documentNumbers(_ s: inout [Unicode.Scalar]) -> Bool {
        var changed = false
        var i = 0
        while i + 5 < s.count {
            defer { i += 1 }
            guard numberOpeners.contains(s[i]), s[(i + 1)...(i + 4)].allSatisfy({ ("0"..."9").contains($0) }),
                  numberClosers.contains(s[i + 5]) else { continue }
            // A document number follows: digits (after an optional space) then 号.
            var k = i + 6
            while k < s.count && s[k] == " " { k += 1 }
            let digitsStart = k
            while k < s.count && ("0"..."9").contains(s[k]) { k += 1 }
            guard k > digitsStart, k < s.count, s[k] == "号" else { continue }
            // 〔【2019] 60号: the number's opener read twice, as itself and
            // as another bracket; the first goes.
            let doubled = i > 0 && doubledNumberOpeners.contains(s[i - 1])
            guard doubled || s[i] != numberOpen || s[i + 5] != numberClose else { continue }
            s[i] = numberOpen
            s[i + 5] = numberClose
            s.removeSubrange((i + 6)..<digitsStart)
            if doubled {
                s.remove(at: i - 1)
                i -= 1
            }
            changed = true
        }
        return changed
    }
}
