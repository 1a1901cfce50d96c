#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// What a batch run knows about one finished input: enough to tell whether
/// its outputs are still up to date, and what the report says about it.
struct ManifestEntry: Codable, Sendable, Equatable {
    var path: String
    var hash: String
    var version: String
    var rules: String
    var settings: String
    var formats: [String]
    var facts: Bool
    var bytes: Int
    var diagnostics: [String: Int]
}

/// OUT/.docnorm/manifest.jsonl: one entry per finished input, appended as each
/// output lands, so a killed run loses at most the documents in flight. The
/// last entry for a path wins; a torn last line is ignored (and ended, so
/// the next line appended stands alone). Each run ends by rewriting it
/// compactly (atomically).
final class BatchManifest: @unchecked Sendable {
    let path: String
    private let entries: Locked<[String: ManifestEntry]>
    private var fd: Int32 = -1

    init(folder: String) throws {
        path = folder + "/manifest.jsonl"
        let bytes = readFile(path) ?? []
        var loaded: [String: ManifestEntry] = [:]
        for entry in Self.decode(bytes) { loaded[entry.path] = entry }
        entries = Locked(loaded)
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { throw failure(.writeFailed, "\(path): cannot write the manifest (\(String(cString: strerror(errno))))") }
        if let last = bytes.last, last != 0x0A { writeAll("\n", to: fd) }
    }

    /// The entries of a manifest's lines, in order. All lines are decoded as
    /// one JSON array (one decoder pass: per line, thousands of entries took
    /// a noticeable part of a run, before any worker starts); when that
    /// fails (a torn line), line by line, skipping what does not decode.
    static func decode(_ bytes: [UInt8]) -> [ManifestEntry] {
        let lines = bytes.split(separator: 0x0A)
        guard !lines.isEmpty else { return [] }
        let decoder = JSONDecoder()
        var array: [UInt8] = [0x5B]
        array.reserveCapacity(bytes.count + 2)
        for (i, line) in lines.enumerated() {
            if i > 0 { array.append(0x2C) }
            array += line
        }
        array.append(0x5D)
        if let all = try? decoder.decode([ManifestEntry].self, from: Data(array)) { return all }
        return lines.compactMap { try? decoder.decode(ManifestEntry.self, from: Data($0)) }
    }

    deinit { if fd >= 0 { close(fd) } }

    func entry(_ relativePath: String) -> ManifestEntry? {
        entries.withLock { $0[relativePath] }
    }

    /// Records a finished input; the line is on disk before this returns.
    func record(_ entry: ManifestEntry) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entry) else { return }
        entries.withLock { all in
            all[entry.path] = entry
            writeAll(String(decoding: data, as: UTF8.self) + "\n", to: fd)
        }
    }

    /// Rewrites the manifest with one line per entry, dropping inputs not in
    /// `keeping` (when given), so it does not grow without end.
    func compact(keeping paths: Set<String>?) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = try entries.withLock { all -> String in
            if let paths { all = all.filter { paths.contains($0.key) } }
            return try all.keys.sorted().map { String(decoding: try encoder.encode(all[$0]!), as: UTF8.self) + "\n" }.joined()
        }
        if let why = atomicWrite(Array(text.utf8), to: path) {
            throw failure(.writeFailed, "\(path): cannot write the manifest (\(why))")
        }
        if fd >= 0 {
            // The appending descriptor pointed at the replaced file.
            close(fd)
            fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        }
    }
}
