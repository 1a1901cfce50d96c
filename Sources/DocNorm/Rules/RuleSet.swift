import FoundationEssentials
import ICUKit

/// Where rule files come from: the copy built into the binary, or a folder
/// given with `--rules DIR` that replaces it.
public enum RuleSource: Sendable {
    case builtin
    case directory(String)

    /// How messages name a rule file: the path on disk, or the name in the built-in set.
    func displayName(_ path: String) -> String {
        switch self {
        case .builtin: return path
        case .directory(let dir): return URL(fileURLWithPath: dir).appendingPathComponent(path).path
        }
    }

    /// Runs `load`; a refusal from the checks made after decoding, which name
    /// the file by its name in the rules (ocr.json, templates/…), names it
    /// as `displayName` does, so a malformed file in a --rules folder is
    /// refused with its path; and where such a check gave no line, the line
    /// of the key its reason opens with (`parens.enclosed: …`).
    func naming<T>(_ load: () throws -> T) throws -> T {
        do { return try load() } catch let DocNormError.invalidRules(file, line, column, reason) where !file.hasPrefix("/") {
            let located = line ?? (try? read(file)).flatMap { JSONLocation.line(ofKeyPath: JSONLocation.leadingKeyPath(of: reason), in: $0) }
            throw DocNormError.invalidRules(file: displayName(file), line: located, column: column, reason: reason)
        }
    }

    func read(_ path: String) throws -> String {
        switch self {
        case .builtin:
            guard let text = BuiltinRules.files[path] else {
                throw DocNormError.invalidRules(file: path, line: nil, reason: "not in the built-in rules")
            }
            return text
        case .directory(let dir):
            let url = URL(fileURLWithPath: dir).appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                var isFolder: Bool = false
                let reason = !FileManager.default.fileExists(atPath: dir, isDirectory: &isFolder) || !isFolder
                    ? "no rules folder \(dir) (--rules names a folder laid out as Rules/)"
                    : !FileManager.default.fileExists(atPath: url.path)
                    ? "no such file (a rules folder holds every file of Rules/: copy Rules/ and edit the copy)"
                    : "cannot read the file"
                throw DocNormError.invalidRules(file: url.path, line: nil, reason: reason)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw DocNormError.invalidRules(file: url.path, line: nil, reason: "not UTF-8")
            }
            return text
        }
    }
}

/// A rule file that names its format version.
protocol VersionedRuleFile: Decodable {
    var format: String { get }
}

extension RuleSource {
    /// Reads and decodes one JSON rule file, refusing unknown format versions;
    /// every failure names the file.
    func decode<File: VersionedRuleFile>(_ type: File.Type, from path: String) throws -> File {
        let text = try read(path)
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: Data(text.utf8)) } catch {
            let (line, column, reason) = JSONLocation.describe(error, in: text)
            throw DocNormError.invalidRules(file: displayName(path), line: line, column: column, reason: reason)
        }
        guard file.format == RuleSet.supportedFormat else {
            throw DocNormError.invalidRules(file: displayName(path), line: JSONLocation.line(ofKey: "format", in: text),
                                            reason: "unsupported format '\(file.format)', expected \(RuleSet.supportedFormat)")
        }
        return file
    }
}

/// Rules/characters.json, version docnorm-rules/1.
struct CharacterRulesFile: VersionedRuleFile {
    var format: String
    var kind: String
    var nfkcKept: String
    var remove: String
    var spaces: String
    var cjk: String
    var radicals: String
    /// Radicals whose meaning in Simplified Chinese text differs from Unicode's
    /// equivalent (⼾ → 户, not 戶).
    var radicalOverrides: [String: String]?
    var detectionMinConfidence: Int
    var reportCharsets: [String]?
    var punctuationInHan: [String: String]
    var sentenceStopInHan: [String: String]
    var punctuationInNumbers: [String: String]
}

/// Every rule the pipeline uses, compiled once (sets, maps, normalizer) and
/// shared read-only by every document and thread.
public struct RuleSet: Sendable {
    public let normalizer: FilteredNormalizer
    public let remove: ScalarSet
    public let spaces: ScalarSet
    public let cjk: ScalarSet
    /// Radical → unified ideograph (Kangxi Radicals and CJK Radicals Supplement).
    public let radicals: [UInt32: UInt32]
    public let detectionMinConfidence: Int
    /// The legacy charsets Chinese text is written in; another detected one
    /// is reported (nil: none is questioned).
    public let reportCharsets: [String]?
    /// ASCII punctuation → full-width form, applied next to Han text.
    public let punctuationInHan: [UInt32: UInt32]
    /// ASCII full stop → 。 directly after a Han character.
    public let sentenceStopInHan: [UInt32: UInt32]
    /// Full-width punctuation → ASCII between digits (1，000 → 1,000).
    public let punctuationInNumbers: [UInt32: UInt32]

    public static let supportedFormat = "docnorm-rules/1"

    public static func load(from source: RuleSource = .builtin) throws -> RuleSet {
        try source.naming { try compile(from: source) }
    }

    static func compile(from source: RuleSource) throws -> RuleSet {
        let file = "characters.json"
        let chars = try source.decode(CharacterRulesFile.self, from: file)
        func set(_ pattern: String, _ key: String) throws -> ScalarSet {
            do { return try ScalarSet(pattern: pattern) } catch {
                throw DocNormError.invalidRules(file: file, line: nil, reason: "\(key): not a UnicodeSet pattern ICU accepts (\(error))")
            }
        }
        func scalarMap(_ map: [String: String], _ key: String) throws -> [UInt32: UInt32] {
            var result: [UInt32: UInt32] = [:]
            for (from, to) in map {
                guard from.unicodeScalars.count == 1, to.unicodeScalars.count == 1 else {
                    throw DocNormError.invalidRules(file: file, line: nil, reason: "\(key): '\(from)' → '\(to)' must map one character to one character")
                }
                result[from.unicodeScalars.first!.value] = to.unicodeScalars.first!.value
            }
            return result
        }
        let normalizer: FilteredNormalizer
        do { normalizer = try FilteredNormalizer(keeping: chars.nfkcKept) } catch {
            throw DocNormError.invalidRules(file: file, line: nil, reason: "nfkcKept: \(error)")
        }
        return RuleSet(normalizer: normalizer,
                       remove: try set(chars.remove, "remove"),
                       spaces: try set(chars.spaces, "spaces"),
                       cjk: try set(chars.cjk, "cjk"),
                       radicals: try parseRadicals(try source.read(chars.radicals), file: chars.radicals)
                           .merging(try scalarMap(chars.radicalOverrides ?? [:], "radicalOverrides")) { _, override in override },
                       detectionMinConfidence: chars.detectionMinConfidence,
                       reportCharsets: chars.reportCharsets,
                       punctuationInHan: try scalarMap(chars.punctuationInHan, "punctuationInHan"),
                       sentenceStopInHan: try scalarMap(chars.sentenceStopInHan, "sentenceStopInHan"),
                       punctuationInNumbers: try scalarMap(chars.punctuationInNumbers, "punctuationInNumbers"))
    }

    /// Parses the radicals table: `radical-hex TAB ideograph-hex [TAB …]`, `#` comments.
    /// Read on its UTF-8 bytes: splitting the String into Characters was
    /// most of the cost of loading the rules. A line ends at LF as a
    /// Character does (not inside CR LF), and a `#` followed by a mark that
    /// joins it is no comment, as `hasPrefix("#")` says.
    static func parseRadicals(_ text: String, file: String) throws -> [UInt32: UInt32] {
        var map: [UInt32: UInt32] = [:]
        var lineNumber = 0
        let utf8 = Array(text.utf8)
        var start = 0
        while start <= utf8.count {
            var end = start
            while end < utf8.count && !(utf8[end] == 0x0A && (end == start || utf8[end - 1] != 0x0D)) { end += 1 }
            lineNumber += 1
            let line = utf8[start..<end]
            start = end + 1
            if line.isEmpty { continue }
            if line.first == UInt8(ascii: "#") && (line.count == 1 || line[line.startIndex + 1] < 0x80
                                                   || String(decoding: line, as: UTF8.self).hasPrefix("#")) { continue }
            let fields = line.split(separator: UInt8(ascii: "\t"))
            guard fields.count >= 2, let from = UInt32(String(decoding: fields[0], as: UTF8.self), radix: 16),
                  let to = UInt32(String(decoding: fields[1], as: UTF8.self), radix: 16) else {
                throw DocNormError.invalidRules(file: file, line: lineNumber, reason: "expected two hex code points separated by a TAB")
            }
            map[from] = to
        }
        return map
    }
}
