import FoundationEssentials
import DocNorm

/// The repository root, found from this file's location.
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A golden case folder under Corpus/: raw input and hand-checked expectations.
public struct GoldenCase {
    public let name: String
    public let folder: URL
    public var input: [UInt8] { [UInt8](FileManager.default.contents(atPath: folder.appendingPathComponent("input.txt").path) ?? Data()) }

    /// expected.txt, the hand-checked canonical text; a missing file throws
    /// (an empty expectation would only fail by accident).
    public var expected: String {
        get throws { try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8) }
    }

    /// expected-records.jsonl: one hand-written record per value cell, read
    /// as eval reads records.jsonl, so a malformed line fails the test
    /// instead of dropping out of the comparison.
    public var expectedRecords: [ExpectedRecord] {
        get throws {
            let path = folder.appendingPathComponent("expected-records.jsonl").path
            guard let bytes = FileManager.default.contents(atPath: path) else { throw GoldenFileMissing(path: path) }
            return try QualityReport.goldRecords([UInt8](bytes), file: name + "/expected-records.jsonl").map {
                ExpectedRecord(table: $0.table, row: $0.row, column: $0.column, value: $0.value)
            }
        }
    }

    public static func all(in category: String = "samples") -> [GoldenCase] {
        let dir = repositoryRoot.appendingPathComponent("Corpus").appendingPathComponent(category)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { GoldenCase(name: $0, folder: dir.appendingPathComponent($0)) }
    }
}

public struct GoldenFileMissing: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "\(path): missing" }
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
