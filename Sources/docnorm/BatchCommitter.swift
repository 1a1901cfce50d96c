#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if os(Linux)
import CSystem
#endif

/// A document whose outputs are written to temporary files beside their
/// places, waiting to be made durable and renamed into place.
struct StagedDocument: Sendable {
    struct Output: Sendable {
        var temporary: String
        var path: String
        /// The file at `path` already holds these bytes: nothing was written
        /// to `temporary` and nothing is renamed.
        var unchanged: Bool
    }

    var index: Int
    var outputs: [Output]
    var entry: ManifestEntry
    /// `entry`'s manifest line, encoded by the worker (`BatchManifest.line`).
    var line: String?
    var report: FileReport

    /// The temporary file a batch writes before `path` is put in place: one
    /// fixed name per output, so a run killed before the rename leaves a file
    /// the next run overwrites or removes (a second run on the same OUT at the
    /// same time is refused by the folder's lock).
    static func temporary(for path: String) -> String { path + ".docnorm-tmp" }
}

/// Puts a batch's outputs in place in groups. Workers write each output to a
/// temporary file and hand the document over; every `interval` the committer
/// makes the whole group durable with one `syncfs` — one journal commit,
/// where an fsync per file made the workers of a 2-core run wait on each
/// other's commits — then renames each file into place (an output whose file
/// already holds its bytes is left as it is) and appends the group's manifest
/// lines in one write. Nothing is in place before it is on disk, and
/// a kill before the rename leaves only temporary files.
final class BatchCommitter: @unchecked Sendable {
    private struct State {
        var staged: [StagedDocument] = []
        var closed = false
    }

    /// How long a group gathers. Each `syncfs` writes back the metadata the
    /// group touched (the folder's blocks, inode tables), which the next
    /// group touches again. The committer's CPU, idle-core time at --jobs 1,
    /// is taken from the workers at --jobs 2: on the 20 MB bench corpus
    /// (2,762 files, --jobs 2, perf, two runs each) about 165 ms at 20 ms,
    /// 120 ms at 50 ms, 108 ms at 100 ms. A longer wait makes the last
    /// group, committed after the workers are done, larger.
    static let interval: useconds_t = 50_000

    private let state = Locked(State())
    private let manifest: BatchManifest
    private let finished: @Sendable (Int, FileReport) -> Void
    /// OUT, open for `syncfs`; -1 where it cannot be opened (each file is then fsynced).
    private let folder: Int32

    init(output: String, manifest: BatchManifest, finished: @escaping @Sendable (Int, FileReport) -> Void) {
        self.manifest = manifest
        self.finished = finished
        folder = open(output, O_RDONLY | O_DIRECTORY)
    }

    deinit { if folder >= 0 { close(folder) } }

    func submit(_ document: StagedDocument) {
        state.withLock { $0.staged.append(document) }
    }

    /// No more documents will come; `run` commits what is left and returns.
    func closeSubmissions() {
        state.withLock { $0.closed = true }
    }

    /// The committer's loop, on a thread of its own, until `close`.
    func run() {
        while let group = nextGroup() { commit(group) }
    }

    private func nextGroup() -> [StagedDocument]? {
        let closed = state.when({ !$0.staged.isEmpty || $0.closed }) { $0.closed }
        // Let a group gather, unless this is the last one.
        if !closed { usleep(Self.interval) }
        return state.withLock { s -> [StagedDocument]? in
            guard !s.staged.isEmpty else { return nil }
            defer { s.staged.removeAll(keepingCapacity: true) }
            return s.staged
        }
    }

    private func commit(_ group: [StagedDocument]) {
        // The flush makes what this run wrote durable before it is put in
        // place; a group of unchanged outputs puts nothing in place.
        let wrote = group.contains { $0.outputs.contains { !$0.unchanged } }
        let durable = !wrote || syncFolder()
        var committed: [StagedDocument] = []
        committed.reserveCapacity(group.count)
        for document in group {
            var why: String?
            for output in document.outputs where why == nil && !output.unchanged {
                if !durable, let reason = flushFile(output.temporary) {
                    why = "cannot write \(output.path) (\(reason))"
                } else if rename(output.temporary, output.path) != 0 {
                    why = "cannot write \(output.path) (\(String(cString: strerror(errno))))"
                }
            }
            guard let why else {
                committed.append(document)
                continue
            }
            for output in document.outputs where !output.unchanged { unlink(output.temporary) }
            var report = document.report
            report.status = .failed
            report.error = why
            report.diagnostics = [:]
            finished(document.index, report)
        }
        // The group's manifest lines in one write, after every rename they stand for.
        manifest.record(committed.map { ($0.entry, $0.line) })
        for document in committed { finished(document.index, document.report) }
    }

    /// One flush for everything written under OUT; false when it failed or is
    /// not available, and each file must be flushed (and its error named) alone.
    private func syncFolder() -> Bool {
        #if os(Linux)
        return folder >= 0 && docnorm_syncfs(folder) == 0
        #else
        return false
        #endif
    }
}
