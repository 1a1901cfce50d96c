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
/// the next line appended stands alone). A run ends by rewriting it
/// compactly (atomically) when some of its lines no longer count.
final class BatchManifest: @unchecked Sendable {
    let path: String
    /// The entries by input path, and the lines recorded for them in this
    /// run: `compact` writes those again instead of encoding every entry
    /// anew, alone on one thread after the workers are done.
    private struct State {
        var entries: [String: ManifestEntry]
        var lines: [String: String] = [:]
        /// Lines in the file (torn or undecodable ones too): one per entry
        /// when it is compact already.
        var fileLines: Int
    }
    private let state: Locked<State>
    private var fd: Int32 = -1

    /// `threads`: how many threads may decode a large manifest at once.
    init(folder: String, threads: Int = 1) throws {
        path = folder + "/manifest.jsonl"
        let bytes = readFile(path) ?? []
        var loaded: [String: ManifestEntry] = [:]
        for entry in Self.decode(bytes, threads: threads) { loaded[entry.path] = entry }
        state = Locked(State(entries: loaded, fileLines: bytes.split(separator: 0x0A).count))
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { throw failure(.writeFailed, "\(path): cannot write the manifest (\(String(cString: strerror(errno))))") }
        if let last = bytes.last, last != 0x0A { writeAll("\n", to: fd) }
    }

    /// The entries of a manifest's lines, in order. All lines are decoded as
    /// one JSON array (one decoder pass: per line, thousands of entries took
    /// a noticeable part of a run, before any worker starts); when that
    /// fails (a torn line), line by line, skipping what does not decode.
    ///
    /// A manifest of thousands of lines is decoded in `threads` pieces at
    /// once, each piece one array (what one array of all the lines gives, in
    /// order), so that the run does not wait on one core before its workers
    /// start (2,767 entries: ~260 M instructions); if any piece fails, every
    /// line is decoded alone, as when the one array fails.
    static func decode(_ bytes: [UInt8], threads: Int = 1) -> [ManifestEntry] {
        let lines = bytes.split(separator: 0x0A)
        guard !lines.isEmpty else { return [] }
        let pieces = threads > 1 && lines.count >= 256 ? threads : 1
        let size = (lines.count + pieces - 1) / pieces
        let decoded = Locked([[ManifestEntry]?](repeating: nil, count: pieces))
        runThreads(pieces) { k in
            let piece = lines[min(lines.count, k * size)..<min(lines.count, (k + 1) * size)]
            let entries = piece.isEmpty ? [] : try? JSONDecoder().decode([ManifestEntry].self, from: Data(jsonArray(piece)))
            decoded.withLock { $0[k] = entries }
        }
        let all = decoded.withLock { $0 }
        if all.allSatisfy({ $0 != nil }) { return all.flatMap { $0! } }
        let decoder = JSONDecoder()
        return lines.compactMap { try? decoder.decode(ManifestEntry.self, from: Data($0)) }
    }

    /// Lines as the bytes of one JSON array: `[`, the lines separated by `,`, `]`.
    private static func jsonArray(_ lines: ArraySlice<ArraySlice<UInt8>>) -> [UInt8] {
        var array: [UInt8] = [0x5B]
        array.reserveCapacity(lines.reduce(2) { $0 + $1.count + 1 })
        for (i, line) in lines.enumerated() {
            if i > 0 { array.append(0x2C) }
            array += line
        }
        array.append(0x5D)
        return array
    }

    deinit { if fd >= 0 { close(fd) } }

    func entry(_ relativePath: String) -> ManifestEntry? {
        state.withLock { $0.entries[relativePath] }
    }

    /// An entry's line (without its newline): compact JSON, keys sorted. A
    /// worker encodes its document's line, so that the committer, which
    /// shares the cores with the workers, only writes it.
    static func line(_ entry: ManifestEntry) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(entry)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Records finished inputs with one write (a committer's group), each
    /// with its line when the caller has it; written before this returns.
    func record(_ entries: [(entry: ManifestEntry, line: String?)]) {
        var text = ""
        var recorded: [(ManifestEntry, String)] = []
        recorded.reserveCapacity(entries.count)
        for (entry, line) in entries {
            guard let line = line ?? Self.line(entry) else { continue }
            text += line
            text += "\n"
            recorded.append((entry, line))
        }
        guard !recorded.isEmpty else { return }
        state.withLock { s in
            for (entry, line) in recorded {
                s.entries[entry.path] = entry
                s.lines[entry.path] = line
            }
            s.fileLines += recorded.count
            writeAll(text, to: fd)
        }
    }

    /// Rewrites the manifest with one line per entry, dropping inputs not in
    /// `keeping` (when given), so it does not grow without end. A manifest
    /// that holds one line per entry already (a first run into OUT, a rerun
    /// that redid nothing) is left as it is, in the order its lines were
    /// appended: rewriting it cost the end of the run, on one core, a sort,
    /// a write and an fsync, and the old file's freeing (about 30 ms for the
    /// 2,725 lines of the 20 MB bench corpus on a file system mounted with
    /// `discard`); readers take the lines in any order.
    func compact(keeping paths: Set<String>?) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = try state.withLock { s -> String? in
            if let paths { s.entries = s.entries.filter { paths.contains($0.key) } }
            guard s.fileLines != s.entries.count else { return nil }
            s.fileLines = s.entries.count
            return try s.entries.keys.sorted().map { key in
                (try s.lines[key] ?? String(decoding: try encoder.encode(s.entries[key]!), as: UTF8.self)) + "\n"
            }.joined()
        }
        guard let text else { return }
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
