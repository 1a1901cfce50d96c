import FoundationEssentials

/// The repository root, found from this file's location.
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A golden case folder under Corpus/: raw input and hand-checked expectations.
public struct GoldenCase {
    public let name: String
    public let folder: URL
    public var input: [UInt8] { [UInt8](FileManager.default.contents(atPath: folder.appendingPathComponent("input.txt").path) ?? Data()) }
    public var expected: String { (try? String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)) ?? "" }

    /// expected-records.jsonl: one hand-written record per value cell.
    public var expectedRecords: [ExpectedRecord] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("expected-records.jsonl"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(ExpectedRecord.self, from: Data($0.utf8)) }
    }

    public static func all(in category: String = "samples") -> [GoldenCase] {
        let dir = repositoryRoot.appendingPathComponent("Corpus").appendingPathComponent(category)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { GoldenCase(name: $0, folder: dir.appendingPathComponent($0)) }
    }
}

/// A line diff for failure messages: the first differing lines with context.
public func lineDiff(expected: String, actual: String, context: Int = 2, limit: Int = 12) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    var shown = 0
    for i in 0..<max(e.count, a.count) where shown < limit {
        let el = i < e.count ? String(e[i]) : "<none>"
        let al = i < a.count ? String(a[i]) : "<none>"
        if el != al {
            out.append("line \(i + 1):\n  - expected: \(el)\n  + actual:   \(al)")
            shown += 1
        }
    }
    return out.isEmpty ? "identical" : out.joined(separator: "\n")
}

/// One line of expected-records.jsonl.
public struct ExpectedRecord: Codable, Equatable, CustomStringConvertible {
    public var table: String
    public var row: [String]
    public var column: [String]
    public var value: String

    public init(table: String, row: [String], column: [String], value: String) {
        self.table = table
        self.row = row
        self.column = column
        self.value = value
    }

    public var description: String { "\(table) \(row) \(column) = \(value)" }
}
