import ArgumentParser
import DocNorm
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// `docnorm batch IN OUT`: a folder of extracted reports, normalized in
/// parallel, incrementally, with a report; or `docnorm batch --jsonl`, a
/// stream of JSON Lines for other engines.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Normalize a folder of documents (or a JSON Lines stream with --jsonl).",
        discussion: """
            Writes each input matching --glob under IN to the same relative path under OUT, \
            once per --format. OUT/.docnorm/manifest.jsonl makes reruns skip what is up to date; \
            OUT/report.json lists every file. Exit code 1 when any file failed.
            With --jsonl, reads {"id": …, "text": …} lines on standard input and writes one \
            JSON line per input line, in order, to standard output; a line that is no record \
            (an empty or blank line too) is answered with {"status": "error"} and its line number.
            """)

    @Argument(help: "Input folder (searched recursively).") var input: String?
    @Argument(help: "Output folder; must not be IN or inside it.") var output: String?
    @Option(help: "Which files to take (fnmatch pattern on the file name, or on the relative path when it holds '/').")
    var glob = "*.txt"
    @Option(help: "Output format, repeatable: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: text).")
    var format: [OutputFormat] = []
    @Option(help: "Documents normalized at once (default: the number of cores).") var jobs: Int?
    @Flag(help: "Redo every file, even those up to date.") var force = false
    @Option(help: "Also write one CSV row per value cell of every template table to FILE.") var facts: String?
    @Flag(help: "Stream mode: JSON Lines on standard input to JSON Lines on standard output.") var jsonl = false
    @OptionGroup var pipelineArguments: PipelineArguments

    var formats: [OutputFormat] {
        var seen: [OutputFormat] = []
        for f in format.isEmpty ? [.text] : format where !seen.contains(f) { seen.append(f) }
        return seen
    }

    var workers: Int { max(1, jobs ?? coreCount()) }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if jsonl {
            if input != nil || output != nil { throw ValidationError("--jsonl reads standard input and writes standard output; give no IN or OUT") }
            return
        }
        guard let input, let output else { throw ValidationError("give an input folder IN and an output folder OUT (or --jsonl)") }
        let inPath = BatchInputs.canonicalPath(input), outPath = BatchInputs.canonicalPath(output)
        if BatchInputs.isInside(outPath, inPath) {
            throw ValidationError(inPath == outPath
                ? "OUT (\(output)) is the input folder itself; choose an output folder outside IN"
                : "OUT (\(output)) is inside IN (\(input)); outputs would be read as inputs on the next run; choose a folder outside IN")
        }
    }

    func run() throws {
        if jsonl {
            let pipelines = try pipelineArguments.pipelines(workers)
            Interrupt.install()
            let outcome = JSONLStream(pipelines: pipelines, encoding: pipelineArguments.encoding, format: formats[0]).run()
            // writeStandardOutput said why already.
            if outcome.writeFailed { throw ExitCode(ExitStatus.writeFailed.rawValue) }
            if Interrupt.requested {
                throw failure(.interrupted, "<stdin>: interrupted after answering the first \(outcome.answered) of the \(outcome.read) lines read; "
                              + "every line written is whole; run again on the input from line \(outcome.answered + 1) to finish")
            }
            return
        }
        try runFolder(pipelines: WorkerPipelines(try pipelineArguments.pipelines(workers)), input: input!, output: output!)
    }

    func runFolder(pipelines: WorkerPipelines, input: String, output: String) throws {
        let start = ContinuousClock.now
        var isFolder = stat()
        guard stat(input, &isFolder) == 0 else {
            throw failure(.unreadable, "\(input): cannot read the input folder (\(String(cString: strerror(errno))))")
        }
        guard (isFolder.st_mode & S_IFMT) == S_IFDIR else {
            throw failure(.unreadable, "\(input): not a folder; give the folder that holds the reports (for one file: docnorm FILE)")
        }
        // A --facts path that cannot be written is refused before any work:
        // found at the end, it cost the whole run its report.
        if let facts, let why = Self.unwritableFile(facts) {
            throw failure(.writeFailed, "\(facts): cannot write the facts (\(why)); nothing was processed: give --facts a file in a folder that exists")
        }
        let state = output + "/.docnorm"
        guard makeFolders(state) else {
            throw failure(.writeFailed, "\(output): cannot create the output folder (\(whyFoldersFail(state)))")
        }
        let rules: String
        do { rules = try (pipelineArguments.rules.map { RuleSource.directory($0) } ?? .builtin).fingerprint() } catch let error as DocNormError {
            throw failure(.badRules, "\(error)")
        }
        try lockOutput(state)
        let inputs = try BatchInputs.find(in: input, glob: glob)
        let clashes = BatchInputs.outputClashes(inputs, formats: formats)
        if inputs.isEmpty {
            // A wrong --glob (reports saved as .TXT) would otherwise look like success.
            let files = BatchInputs.countFiles(in: input)
            writeStandardError("docnorm: \(input): no file matches --glob '\(glob)' (\(files) file\(files == 1 ? " is" : "s are") not matched); nothing to do\n")
        }
        let manifest = try BatchManifest(folder: state, threads: workers)
        let job = BatchJob(output: output, formats: formats, encoding: pipelineArguments.encoding,
                           rules: rules, facts: facts != nil, force: force, manifest: manifest)
        let progress = BatchProgress(total: inputs.count)
        let results = Locked([FileReport?](repeating: nil, count: inputs.count))
        let committer = BatchCommitter(output: output, manifest: manifest) { index, report in
            results.withLock { $0[index] = report }
        }
        let next = Locked(0)
        let threads = min(workers, max(1, inputs.count), pipelines.count)
        let order = BatchInputs.workOrder(inputs, workers: threads)
        // One pipeline per worker: threads sharing one rule set contend on its
        // reference counts (every access retains and releases the same
        // objects), which cost a 2-core run a tenth of its speed-up.
        let working = Locked(threads)
        Interrupt.install()
        // Each worker takes the next input when it is free, so at most
        // `workers` documents are in memory at once, whatever the corpus size;
        // one more thread puts their outputs in place.
        runThreads(threads + 1) { thread in
            guard thread < threads else { return committer.run() }
            let pipeline = pipelines.take(thread)
            defer { if working.withLock({ n -> Int in n -= 1; return n }) == 0 { committer.closeSubmissions() } }
            while true {
                let taken = next.withLock { n -> Int in defer { n += 1 }; return n }
                guard taken < inputs.count, !Interrupt.requested else { return }
                let index = order[taken]
                if let clash = clashes[inputs[index].relativePath] {
                    results.withLock { $0[index] = FileReport(path: inputs[index].relativePath, status: .failed, bytes: 0,
                                                              milliseconds: 0, diagnostics: [:], error: clash) }
                    progress.finished(bytes: 0, failed: true)
                    continue
                }
                switch job.process(inputs[index], index: index, pipeline: pipeline) {
                case .finished(let report):
                    results.withLock { $0[index] = report }
                    progress.finished(bytes: report.bytes, failed: report.status == .failed)
                case .staged(let document):
                    committer.submit(document)
                    progress.finished(bytes: document.report.bytes, failed: false)
                }
            }
        }
        progress.close()
        let files = results.withLock { $0.compactMap { $0 } }
        try manifest.compact(keeping: Set(inputs.map(\.relativePath)))
        let report = BatchReport(version: docnormVersion, rules: rules, jobs: workers, files: files,
                                 milliseconds: start.millisecondsElapsed)
        // An interrupted run's report and facts would cover only the files done
        // before the signal: they must not replace a complete run's. The
        // manifest keeps the progress; the next run writes both.
        if Interrupt.requested {
            writeStandardError(report.table())
            writeStandardError(report.summary)
            let kept = ["\(output)/report.json"] + (facts.map { [$0] } ?? [])
            throw failure(.interrupted, "interrupted after \(files.count) of \(inputs.count) files; "
                          + "\(kept.joined(separator: " and ")) left as the last complete run wrote them; run again to finish")
        }
        // The report first: facts that cannot be written (a full disk) must
        // not cost the run its report; the next run rebuilds the facts from
        // their per-file parts.
        if let why = atomicWrite(Array(try report.json(threads: workers).utf8), to: output + "/report.json") {
            throw failure(.writeFailed, "\(output)/report.json: cannot write the report (\(why))")
        }
        writeStandardError(report.table())
        writeStandardError(report.summary)
        if let facts { try job.writeFacts(to: facts, inputs: inputs, reports: files) }
        if report.totals.failed > 0 { throw ExitCode(ExitStatus.someFailed.rawValue) }
    }

    /// Why a file could not be written at `path` (a folder stands there, or
    /// its folder is missing or not writable), or nil.
    static func unwritableFile(_ path: String) -> String? {
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return "it is a folder" }
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        guard stat(folder, &info) == 0 else { return "\(folder): \(String(cString: strerror(errno)))" }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return "\(folder) is not a folder" }
        guard access(folder, W_OK) == 0 else { return "\(folder): \(String(cString: strerror(errno)))" }
        return nil
    }
}

/// Holds OUT/.docnorm/lock for the rest of the process, so a second run on the
/// same OUT at the same time is refused instead of mixing its files with ours.
func lockOutput(_ state: String) throws {
    let path = state + "/lock"
    let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw failure(.writeFailed, "\(path): cannot create the lock (\(String(cString: strerror(errno))))") }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
        close(fd)
        throw failure(.writeFailed, "\(path): another docnorm batch is writing to this output folder; wait for it to end or choose another OUT")
    }
    // Kept open on purpose: the lock ends with the process.
}

/// The pipelines of a folder run's workers, one each. A worker takes its
/// own, so that it is freed on that worker's thread when the worker is done:
/// freed by the main thread after the last worker (~3 M instructions each),
/// they were a serial tail every run paid.
final class WorkerPipelines: @unchecked Sendable {
    private let pipelines: Locked<[Pipeline?]>
    let count: Int

    init(_ pipelines: [Pipeline]) {
        count = pipelines.count
        self.pipelines = Locked(pipelines.map { $0 })
    }

    /// Worker `k`'s pipeline; this box keeps no reference to it.
    func take(_ k: Int) -> Pipeline {
        pipelines.withLock { all in
            defer { all[k] = nil }
            return all[k]!
        }
    }
}

/// What every worker of one folder run shares; processes one input at a time.
struct BatchJob: Sendable {
    let output: String
    let formats: [OutputFormat]
    let encoding: String?
    let rules: String
    let facts: Bool
    let force: Bool
    let manifest: BatchManifest

    var settings: String { "encoding=\(encoding ?? "auto")" }

    func factsFragment(_ input: BatchInput) -> String {
        output + "/.docnorm/facts/" + input.relativePath + ".csv"
    }

    /// Whether an earlier run's outputs for these exact bytes still stand.
    func upToDate(_ input: BatchInput, hash: String) -> ManifestEntry? {
        guard !force, let entry = manifest.entry(input.relativePath), entry.hash == hash, entry.version == docnormVersion,
              entry.rules == rules, entry.settings == settings,
              formats.allSatisfy({ entry.formats.contains($0.rawValue) }), !facts || entry.facts else { return nil }
        return outputPaths(input).allSatisfy { access($0, F_OK) == 0 } ? entry : nil
    }

    /// What processing one input came to: a final report (skipped, failed),
    /// or outputs written to temporary files, for the committer.
    enum Outcome {
        case finished(FileReport)
        case staged(StagedDocument)
    }

    func outputPaths(_ input: BatchInput) -> [String] {
        formats.map { input.outputPath(in: output, format: $0) } + (facts ? [factsFragment(input)] : [])
    }

    func process(_ input: BatchInput, index: Int, pipeline: Pipeline) -> Outcome {
        let start = ContinuousClock.now
        func failed(_ message: String, bytes: Int) -> Outcome {
            .finished(FileReport(path: input.relativePath, status: .failed, bytes: bytes, milliseconds: start.millisecondsElapsed,
                                 diagnostics: [:], error: message))
        }
        guard let bytes = readFile(input.path) else {
            return failed("cannot read the file (\(String(cString: strerror(errno))))", bytes: 0)
        }
        let hash = FNV1a64.hex(of: bytes)
        if let entry = upToDate(input, hash: hash) {
            // A run killed after writing but before committing may have left these.
            for path in outputPaths(input) { unlink(StagedDocument.temporary(for: path)) }
            return .finished(FileReport(path: input.relativePath, status: .skipped, bytes: bytes.count,
                                        milliseconds: start.millisecondsElapsed, diagnostics: entry.diagnostics, error: nil))
        }
        let document: Document
        do { document = try pipeline.run(bytes, options: PipelineOptions(encoding: encoding)) } catch {
            return failed("\(error)", bytes: bytes.count)
        }
        var contents: [[UInt8]] = []
        for format in formats {
            do { contents.append(try format.renderUTF8(document)) } catch {
                return failed("cannot render \(format.rawValue): \(error)", bytes: bytes.count)
            }
        }
        if facts { contents.append(Array(FactsRenderer.csvRows(document, file: input.relativePath).utf8)) }
        var staged: [StagedDocument.Output] = []
        for (path, content) in zip(outputPaths(input), contents) {
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
            let temporary = StagedDocument.temporary(for: path)
            if fileHolds(content, at: path) {
                // Replacing it would cost a write, its writeback, a flush and
                // the old file's freeing, for the same bytes.
                unlink(temporary)
                staged.append(StagedDocument.Output(temporary: temporary, path: path, unchanged: true))
                continue
            }
            var why: String?
            if !makeFolders(folder) {
                why = "cannot create \(folder)"
            } else if let reason = writeTemporary(content, to: temporary, replacing: path, flush: false) {
                why = "cannot write \(path) (\(reason))"
            }
            if let why {
                for done in staged where !done.unchanged { unlink(done.temporary) }
                return failed(why, bytes: bytes.count)
            }
            staged.append(StagedDocument.Output(temporary: temporary, path: path, unchanged: false))
        }
        var kinds: [String: Int] = [:]
        for d in document.diagnostics { kinds[d.kind.rawValue, default: 0] += 1 }
        let entry = ManifestEntry(path: input.relativePath, hash: hash, version: docnormVersion, rules: rules, settings: settings,
                                  formats: formats.map(\.rawValue), facts: facts, bytes: bytes.count, diagnostics: kinds)
        return .staged(StagedDocument(index: index, outputs: staged, entry: entry, line: BatchManifest.line(entry),
                                      report: FileReport(path: input.relativePath, status: .done, bytes: bytes.count,
                                                         milliseconds: start.millisecondsElapsed, diagnostics: kinds, error: nil)))
    }

    /// The facts CSV: the header, then each successful input's rows in input
    /// order, streamed from the per-input fragments (so skipped inputs keep
    /// their rows and memory stays flat), written atomically.
    func writeFacts(to path: String, inputs: [BatchInput], reports: [FileReport]) throws {
        let ok = Set(reports.filter { $0.status != .failed }.map(\.path))
        let temp = path + ".docnorm-tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw failure(.writeFailed, "\(path): cannot write the facts (\(String(cString: strerror(errno))))") }
        // A write that fails (a full disk) must not leave a truncated table in place of the old one.
        var written = writeAll(FactsRenderer.csvHeader, to: fd)
        for input in inputs where written && ok.contains(input.relativePath) {
            if let rows = readFile(factsFragment(input)) { written = writeAll(rows, to: fd) }
        }
        var why = written ? nil : String(cString: strerror(errno))
        if close(fd) != 0 && why == nil { why = String(cString: strerror(errno)) }
        if why == nil && rename(temp, path) != 0 { why = String(cString: strerror(errno)) }
        if let why {
            unlink(temp)
            throw failure(.writeFailed, "\(path): cannot write the facts (\(why))")
        }
    }
}
