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
        abstract: "Normalize a folder of documents (or a JSON Lines stream with --jsonl).",
        discussion: """
            Writes each input matching --glob under IN to the same relative path under OUT, \
            once per --format. OUT/.docnorm/manifest.jsonl makes reruns skip what is up to date; \
            OUT/report.json lists every file. Exit code 1 when any file failed.
            With --jsonl, reads {"id": …, "text": …} lines on standard input and writes one \
            JSON line per input line, in order, to standard output.
            """)

    @Argument(help: "Input folder (searched recursively).") var input: String?
    @Argument(help: "Output folder; must not be IN or inside it.") var output: String?
    @Option(help: "Which files to take (fnmatch pattern on the file name, or on the relative path when it holds '/').")
    var glob = "*.txt"
    @Option(help: "Output format, repeatable: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
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
        let pipeline = try pipelineArguments.pipeline()
        if jsonl {
            JSONLStream(pipeline: pipeline, encoding: pipelineArguments.encoding, format: formats[0], workers: workers).run()
            return
        }
        try runFolder(pipeline: pipeline, input: input!, output: output!)
    }

    func runFolder(pipeline: Pipeline, input: String, output: String) throws {
        let start = ContinuousClock.now
        var isFolder = stat()
        guard stat(input, &isFolder) == 0, (isFolder.st_mode & S_IFMT) == S_IFDIR else {
            throw failure(.unreadable, "\(input): not a folder (or cannot be read)")
        }
        let state = output + "/.docnorm"
        guard makeFolders(state) else { throw failure(.writeFailed, "\(output): cannot create the output folder") }
        let rules: String
        do { rules = try (pipelineArguments.rules.map { RuleSource.directory($0) } ?? .builtin).fingerprint() } catch let error as DocNormError {
            throw failure(.badRules, "\(error)")
        }
        let inputs = try BatchInputs.find(in: input, glob: glob)
        let manifest = try BatchManifest(folder: state)
        let job = BatchJob(pipeline: pipeline, output: output, formats: formats, encoding: pipelineArguments.encoding,
                           rules: rules, facts: facts != nil, force: force, manifest: manifest)
        let progress = BatchProgress(total: inputs.count)
        let results = Locked([FileReport?](repeating: nil, count: inputs.count))
        let next = Locked(0)
        Interrupt.install()
        // Each worker takes the next input when it is free, so at most
        // `workers` documents are in memory at once, whatever the corpus size.
        runThreads(min(workers, max(1, inputs.count))) { _ in
            while true {
                let index = next.withLock { n -> Int in defer { n += 1 }; return n }
                guard index < inputs.count, !Interrupt.requested else { return }
                let report = job.process(inputs[index])
                results.withLock { $0[index] = report }
                progress.finished(bytes: report.bytes, failed: report.status == .failed)
            }
        }
        progress.close()
        let files = results.withLock { $0.compactMap { $0 } }
        try manifest.compact(keeping: Set(inputs.map(\.relativePath)))
        if let facts { try job.writeFacts(to: facts, inputs: inputs, reports: files) }
        let report = BatchReport(version: docnormVersion, rules: rules, jobs: workers, files: files,
                                 milliseconds: start.millisecondsElapsed)
        if let why = atomicWrite(Array(try report.json().utf8), to: output + "/report.json") {
            throw failure(.writeFailed, "\(output)/report.json: cannot write the report (\(why))")
        }
        writeStandardError(report.table())
        writeStandardError(report.summary)
        if Interrupt.requested {
            throw failure(.interrupted, "interrupted after \(files.count) of \(inputs.count) files; run again to finish")
        }
        if report.totals.failed > 0 { throw ExitCode(ExitStatus.someFailed.rawValue) }
    }
}

/// What every worker of one folder run shares; processes one input at a time.
struct BatchJob: Sendable {
    let pipeline: Pipeline
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
        let paths = formats.map { input.outputPath(in: output, format: $0) } + (facts ? [factsFragment(input)] : [])
        return paths.allSatisfy { access($0, F_OK) == 0 } ? entry : nil
    }

    func process(_ input: BatchInput) -> FileReport {
        let start = ContinuousClock.now
        func failed(_ message: String, bytes: Int) -> FileReport {
            FileReport(path: input.relativePath, status: .failed, bytes: bytes, milliseconds: start.millisecondsElapsed,
                       diagnostics: [:], error: message)
        }
        guard let bytes = readFile(input.path) else {
            return failed("cannot read the file (\(String(cString: strerror(errno))))", bytes: 0)
        }
        let hash = FNV1a64.hex(of: bytes)
        if let entry = upToDate(input, hash: hash) {
            return FileReport(path: input.relativePath, status: .skipped, bytes: bytes.count, milliseconds: start.millisecondsElapsed,
                              diagnostics: entry.diagnostics, error: nil)
        }
        let document: Document
        do { document = try pipeline.run(bytes, options: PipelineOptions(encoding: encoding)) } catch {
            return failed("\(error)", bytes: bytes.count)
        }
        var written: [(String, [UInt8])] = []
        for format in formats {
            do { written.append((input.outputPath(in: output, format: format), Array(try format.render(document).utf8))) } catch {
                return failed("cannot render \(format.rawValue): \(error)", bytes: bytes.count)
            }
        }
        if facts { written.append((factsFragment(input), Array(FactsRenderer.csvRows(document, file: input.relativePath).utf8))) }
        for (path, content) in written {
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
            if !makeFolders(folder) { return failed("cannot create \(folder)", bytes: bytes.count) }
            if let why = atomicWrite(content, to: path) { return failed("cannot write \(path) (\(why))", bytes: bytes.count) }
        }
        var kinds: [String: Int] = [:]
        for d in document.diagnostics { kinds[d.kind.rawValue, default: 0] += 1 }
        manifest.record(ManifestEntry(path: input.relativePath, hash: hash, version: docnormVersion, rules: rules, settings: settings,
                                      formats: formats.map(\.rawValue), facts: facts, bytes: bytes.count, diagnostics: kinds))
        return FileReport(path: input.relativePath, status: .done, bytes: bytes.count, milliseconds: start.millisecondsElapsed,
                          diagnostics: kinds, error: nil)
    }

    /// The facts CSV: the header, then each successful input's rows in input
    /// order, streamed from the per-input fragments (so skipped inputs keep
    /// their rows and memory stays flat), written atomically.
    func writeFacts(to path: String, inputs: [BatchInput], reports: [FileReport]) throws {
        let ok = Set(reports.filter { $0.status != .failed }.map(\.path))
        let temp = path + ".docnorm-tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw failure(.writeFailed, "\(path): cannot write the facts (\(String(cString: strerror(errno))))") }
        writeAll(FactsRenderer.csvHeader, to: fd)
        for input in inputs where ok.contains(input.relativePath) {
            if let rows = readFile(factsFragment(input)) { writeAll(String(decoding: rows, as: UTF8.self), to: fd) }
        }
        guard close(fd) == 0, rename(temp, path) == 0 else {
            unlink(temp)
            throw failure(.writeFailed, "\(path): cannot write the facts (\(String(cString: strerror(errno))))")
        }
    }
}
