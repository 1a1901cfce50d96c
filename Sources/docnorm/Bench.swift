import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import DocNorm
import ICUKit
import FoundationEssentials

/// `docnorm bench`: throughput of the whole pipeline and of each stage over a
/// generated corpus, against a bare ICU NFKC pass over the same bytes in the
/// same run, then a scaling report (time per MB by document size and shape,
/// each big document in its own process so its peak memory is its own).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed and memory on a corpus generated from Corpus/.",
        discussion: """
            Figures for the README come from --megabytes 100 (the default is a quick run). \
            Absolute MB/s drift on a shared machine; the ratio to the ICU baseline, measured in the same run, holds.
            """)

    @Option(help: "Size of the generated corpus in MB (10^6 bytes).") var megabytes: Double = 5
    @Option(help: "Repository root holding Corpus/.") var corpusRoot: String = "."
    @Option(help: "Write the generated corpus to DIR (one file per document) and stop.") var writeCorpus: String?
    @Flag(help: "Skip the scaling report.") var skipScaling = false
    @Option(help: "Size in MB of the big single document of the scaling report.") var largeMegabytes: Int = 100
    @Option(help: "Size in MB of the large pathological shapes (1 MB is the small size).") var shapeMegabytes: Int = 10
    @Option(help: "Size in MB of the single-line document.") var longLineMegabytes: Int = 200
    @Flag(help: "Skip the batch report (--jobs 1 against --jobs N on the generated corpus).") var skipBatch = false
    @Option(help: "Runs of each --jobs setting in the batch report; the best time counts.") var batchRuns: Int = 3
    @Flag(help: "Legacy corpus: every digit shifted in each copy, so no table adds up (the default multiplies each copy's counts by one factor).")
    var varyDigits = false

    /// How each copy's numbers vary: scaled (tables add up as in real
    /// reports) unless --vary-digits asks for the old, harsher corpus.
    var numbers: BenchNumbers { varyDigits ? .digitsShifted : .scaled }

    // One measurement in a child process (used by the scaling report).
    @Option(help: .hidden) var childShape: String?
    @Option(help: .hidden) var childBytes: Int = 0
    @Option(help: .hidden) var childRepeat: Int = 1
    @Option(help: .hidden) var childBatch: String?
    @Option(help: .hidden) var childJobs: Int = 1
    /// With --child-batch: the output folder's name under FOLDER.
    @Option(help: .hidden) var childOut: String = "out"
    /// With --child-shape: write the document to FILE instead of measuring it
    /// (to profile it or compare its outputs with another build).
    @Option(help: .hidden) var childWrite: String?

    func run() throws {
        if let folder = childBatch {
            try writeStandardOutput(try BatchRun.measure(folder: folder, jobs: childJobs, out: childOut).line + "\n")
            return
        }
        let seeds = try BenchCorpus.seeds(root: corpusRoot)
        if let name = childShape {
            guard let shape = BenchShape(rawValue: name) else { throw ValidationError("unknown shape \(name)") }
            if let path = childWrite {
                try writeAtomically(shape.make(bytes: childBytes, seeds: seeds, numbers: numbers), to: path)
                return
            }
            try writeStandardOutput(try ScalingRun.measure(shape, bytes: childBytes, repeat: childRepeat, seeds: seeds, numbers: numbers).line + "\n")
            return
        }
        let corpus = BenchCorpus.generate(bytes: Int(megabytes * megabyte), seeds: seeds, numbers: numbers)
        if let directory = writeCorpus {
            try corpus.write(to: directory)
            try writeStandardOutput("wrote \(corpus.documents.count) documents, \(fixed(Double(corpus.bytes) / megabyte)) MB, to \(directory)\n")
            return
        }
        try writeStandardOutput("docnorm bench: \(corpus.documents.count) documents, \(fixed(Double(corpus.bytes) / megabyte)) MB, "
                            + "from \(seeds.count) seed documents, "
                            + (varyDigits ? "digits shifted (legacy: tables do not add up)" : "counts scaled (tables add up)")
                            + "; ICU \(icuVersion)\n\n")
        try writeStandardOutput(try throughput(corpus, seeds: seeds).text)
        if !skipScaling { try writeStandardOutput("\n" + (try scaling(seeds: seeds))) }
        if !skipBatch { try writeStandardOutput("\n" + (try batchScaling(corpus))) }
    }

    /// The corpus through the pipeline (text and JSON), each stage's share,
    /// and the ICU baseline before and after on the same bytes.
    func throughput(_ corpus: BenchCorpus, seeds: [[UInt8]]) throws -> ReportTable {
        let pipeline = try Pipeline(rules: try RuleSet.load())
        let icu = try NFKCBaseline()
        let mb = Double(corpus.bytes) / megabyte
        let documents = Double(corpus.documents.count)
        var sink = 0
        for document in corpus.documents.prefix(50) {  // warm-up: rules, tables, caches
            sink += TextRenderer.render(try pipeline.run(document)).utf8.count
            sink += try icu.run(document)
        }
        let icuBefore = try timed { for d in corpus.documents { sink += try icu.run(d) } }

        let timings = StageTimings()
        let clock = ContinuousClock()
        var render = Duration.zero
        let text = try timed {
            for d in corpus.documents {
                let document = try pipeline.run(d, options: PipelineOptions(timings: timings))
                let start = clock.now
                sink += TextRenderer.render(document).utf8.count
                render += clock.now - start
            }
        }
        let stageTimes = timings.elapsed
        var renderJSON = Duration.zero
        let json = try timed {
            for d in corpus.documents {
                let document = try pipeline.run(d)
                let start = clock.now
                sink += try JSONRenderer.renderUTF8(document).count  // what the CLI writes
                renderJSON += clock.now - start
            }
        }
        // The same seeds with only the names varied: numbers as extracted, the
        // bytes the caches of a real run would see again and again.
        var unvaried = Duration.zero
        try BenchCorpus.forEachDocument(bytes: corpus.bytes, seeds: seeds, numbers: .asExtracted) { d in
            let start = clock.now
            sink += TextRenderer.render(try pipeline.run(d)).utf8.count
            unvaried += clock.now - start
        }
        let icuAfter = try timed { for d in corpus.documents { sink += try icu.run(d) } }
        let icuTime = (icuBefore + icuAfter) / 2

        var table = ReportTable("stage", "seconds", "MB/s", "docs/s", "share", "× ICU")
        func row(_ name: String, _ s: Double, share: Bool = true) {
            table.add(name, fixed(s, 3), fixed(mb / s), fixed(documents / s, 0),
                      share ? fixed(100 * s / text, 1) + "%" : "", fixed(icuTime / s, 3))
        }
        for stage in StageID.allCases { if let d = stageTimes[stage] { row(stage.rawValue, d.seconds) } }
        row("render (text)", render.seconds)
        row("render (JSON)", renderJSON.seconds, share: false)
        if let structure = stageTimes[.structure] {  // the target of issue 5 is this sum
            row("structure + render (JSON)", structure.seconds + renderJSON.seconds, share: false)
        }
        row("end to end, text", text)
        row("end to end, JSON", json, share: false)
        row("end to end, text, numbers not varied", unvaried.seconds, share: false)
        row("ICU UTF-8→NFKC→UTF-8", icuTime, share: false)
        table.add("peak RSS (process, corpus held)", mebibytes(peakResidentBytes()), "", "", "", sink == 0 ? "?" : "")
        return table
    }

    /// Time per MB by document size and shape, each in a child process.
    func scaling(seeds: [[UInt8]]) throws -> String {
        let mb = 1_000_000
        var plan: [(BenchShape, Int, Int)] = [(.prose, 10_000, 200), (.prose, mb, 5), (.prose, largeMegabytes * mb, 1)]
        for shape in BenchShape.allCases where shape != .prose {
            plan.append((shape, mb, 3))
            plan.append((shape, (shape == .longLine ? longLineMegabytes : shapeMegabytes) * mb, 1))
        }
        var runs: [(BenchShape, ScalingRun)] = []
        for (shape, bytes, repeats) in plan {
            let output = try runChild(["bench", "--corpus-root", corpusRoot, "--child-shape", shape.rawValue,
                                       "--child-bytes", String(bytes), "--child-repeat", String(repeats)]
                                      + (varyDigits ? ["--vary-digits"] : []))
            guard let run = ScalingRun(line: output) else { throw failure(.someFailed, "bench: unreadable child output: \(output)") }
            runs.append((shape, run))
        }
        let reference = runs[1].1.msPerMB  // the 1 MB prose document
        var table = ReportTable("document", "size", "ms/MB", "MB/s", "× 1 MB prose", "peak RSS", "64 MiB + 8×size")
        for (shape, run) in runs {
            table.add(shape.rawValue, fixed(Double(run.bytes) / megabyte, run.bytes < mb ? 2 : 0) + " MB", fixed(run.msPerMB, 2),
                      fixed(1000 / run.msPerMB), fixed(run.msPerMB / reference, 2), mebibytes(run.peak),
                      mebibytes(64 * 1_048_576 + 8 * run.bytes))
        }
        var text = "scaling (each row a separate process; time per MB of input, text output)\n" + table.text
        if let large = runs.last(where: { $0.0 == .prose })?.1 {
            var stages = ReportTable("stage of the \(fixed(Double(large.bytes) / megabyte, 0)) MB document", "seconds", "peak RSS after")
            stages.add("input generated", "", mebibytes(large.peakBefore))
            for (stage, s, rss) in large.stages { stages.add(stage, fixed(s, 3), mebibytes(rss)) }
            text += "\n" + stages.text
        }
        return text
    }
}

extension Bench {
    /// `docnorm batch` on the generated corpus, written to a temporary folder,
    /// with --jobs 1 and with --jobs N (the core count, at least 2), each run in
    /// a child process so its peak memory is the batch's own. The settings
    /// alternate so that a change in the machine's load hits both. Each run
    /// writes a new OUT and all are removed at the end (the corpus's outputs
    /// take 2 × --batch-runs times its size on disk meanwhile): on ext4
    /// without a journal (this VM's root file system), creating a file steps
    /// over every inode of its group freed in the last 5–10 s, under its
    /// folder's lock, and the last run's OUT removed just before the clock
    /// started (2,725 files on the 20 MB corpus) cost each run up to 2 s of
    /// CPU in the kernel (`recently_deleted`, a third of a --jobs 2 run's
    /// samples), serialized across the workers.
    func batchScaling(_ corpus: BenchCorpus) throws -> String {
        var template = Array("/tmp/docnorm-bench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw failure(.writeFailed, "bench: cannot create a temporary folder") }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try corpus.write(to: folder + "/in")
        let settings = [1, max(2, coreCount())]
        var best: [Int: BatchRun] = [:]
        for round in 0..<max(1, batchRuns) {
            for jobs in settings {
                let output = try runChild(["bench", "--child-batch", folder, "--child-jobs", String(jobs),
                                           "--child-out", "out-\(round)-jobs\(jobs)"])
                guard let run = BatchRun(line: output) else { throw failure(.someFailed, "bench: unreadable child output: \(output)") }
                if let known = best[jobs] {
                    best[jobs] = BatchRun(seconds: min(known.seconds, run.seconds), files: run.files, peak: max(known.peak, run.peak))
                } else {
                    best[jobs] = run
                }
            }
        }
        let mb = Double(corpus.bytes) / megabyte
        let single = best[1]!.seconds
        var table = ReportTable("batch", "files", "seconds", "MB/s", "× --jobs 1", "peak RSS")
        for jobs in settings {
            let run = best[jobs]!
            table.add("--jobs \(jobs)", String(run.files), fixed(run.seconds, 2), fixed(mb / run.seconds), fixed(single / run.seconds, 2),
                      mebibytes(run.peak))
        }
        return "batch (each run a separate process into a fresh OUT, text output; best of \(max(1, batchRuns)) runs, peak RSS the largest)\n"
            + table.text
    }
}

/// One `docnorm batch --force` over FOLDER/in into a fresh FOLDER/OUT in this process:
/// the child's side of the batch report, and its one-line answer.
struct BatchRun {
    var seconds: Double
    var files: Int
    var peak: Int

    static func measure(folder: String, jobs: Int, out: String = "out") throws -> BatchRun {
        // The batch's report table goes to standard error; the parent reads
        // only this process's one line on standard output.
        let null = open("/dev/null", O_WRONLY)
        if null >= 0 { dup2(null, 2); close(null) }
        // A fresh OUT each run: a rerun over outputs that come out the same
        // leaves them in place, so timing it would measure a batch that
        // writes nothing. The parent names a new one each run (see
        // `batchScaling`: removing the last one here slows the next creates).
        try? FileManager.default.removeItem(atPath: folder + "/" + out)
        let batch = try Batch.parse([folder + "/in", folder + "/" + out, "--force", "--jobs", String(jobs)])
        let seconds = try timed { try batch.run() }
        let files = try BatchInputs.find(in: folder + "/in", glob: batch.glob).count
        return BatchRun(seconds: seconds, files: files, peak: peakResidentBytes())
    }

    var line: String { "seconds=\(seconds) files=\(files) peak=\(peak)" }

    init(seconds: Double, files: Int, peak: Int) {
        self.seconds = seconds
        self.files = files
        self.peak = peak
    }

    init?(line: String) {
        guard let pairs = childFields(line) else { return nil }
        let fields = Dictionary(pairs, uniquingKeysWith: { _, last in last })
        guard let seconds = fields["seconds"].flatMap(Double.init), let files = fields["files"].flatMap(Int.init),
              let peak = fields["peak"].flatMap(Int.init) else { return nil }
        self.init(seconds: seconds, files: files, peak: peak)
    }
}

/// One document run `repeat` times in this process: the child's side of the
/// scaling report, and its one-line answer.
struct ScalingRun {
    var bytes: Int
    var seconds: Double
    var repeats: Int
    var peakBefore: Int
    var peak: Int
    /// Stage name, seconds (all repeats), peak RSS after it.
    var stages: [(String, Double, Int)]

    var msPerMB: Double { 1000 * seconds / (Double(bytes * repeats) / megabyte) }

    static func measure(_ shape: BenchShape, bytes: Int, repeat repeats: Int, seeds: [[UInt8]], numbers: BenchNumbers) throws -> ScalingRun {
        var input: [UInt8]? = shape.make(bytes: bytes, seeds: seeds, numbers: numbers)
        let size = input!.count
        let pipeline = try Pipeline(rules: try RuleSet.load())
        let before = peakResidentBytes()
        let timings = StageTimings(memoryProbe: peakResidentBytes)
        let clock = ContinuousClock()
        var render = Duration.zero
        var sink = 0
        let total = try timed {
            for run in 0..<max(repeats, 1) {
                // The last run is handed the bytes, as `docnorm normalize`
                // hands over its file's: the pipeline lets go of them once decoded.
                let bytes = run == max(repeats, 1) - 1 ? input.take()! : input!
                let document = try pipeline.run(consume bytes, options: PipelineOptions(timings: timings))
                let start = clock.now
                sink += TextRenderer.render(document).utf8.count
                render += clock.now - start
            }
        }
        var stages = StageID.allCases.compactMap { s in timings.elapsed[s].map { (s.rawValue, $0.seconds, timings.memoryAfter[s] ?? 0) } }
        stages.append(("render (text)", render.seconds, peakResidentBytes()))
        precondition(sink > 0)
        return ScalingRun(bytes: size, seconds: total, repeats: max(repeats, 1), peakBefore: before,
                          peak: peakResidentBytes(), stages: stages)
    }

    init(bytes: Int, seconds: Double, repeats: Int, peakBefore: Int, peak: Int, stages: [(String, Double, Int)]) {
        self.bytes = bytes
        self.seconds = seconds
        self.repeats = repeats
        self.peakBefore = peakBefore
        self.peak = peak
        self.stages = stages
    }

    /// `key=value` fields separated by spaces; stage fields as `stage:NAME=seconds,rss`.
    var line: String {
        "bytes=\(bytes) seconds=\(seconds) repeats=\(repeats) before=\(peakBefore) peak=\(peak) "
            + stages.map { "stage:\(String($0.0.map { $0 == " " ? "_" : $0 }))=\($0.1),\($0.2)" }.joined(separator: " ")
    }

    init?(line: String) {
        guard let pairs = childFields(line) else { return nil }
        var fields: [String: String] = [:]
        var stages: [(String, Double, Int)] = []
        for (key, value) in pairs {
            if key.hasPrefix("stage:") {
                let values = value.split(separator: ",")
                guard values.count == 2, let s = Double(values[0]), let rss = Int(values[1]) else { return nil }
                stages.append((String(key.dropFirst(6).map { $0 == "_" ? " " : $0 }), s, rss))
            } else {
                fields[key] = value
            }
        }
        guard let bytes = fields["bytes"].flatMap(Int.init), let seconds = fields["seconds"].flatMap(Double.init),
              let repeats = fields["repeats"].flatMap(Int.init), let before = fields["before"].flatMap(Int.init),
              let peak = fields["peak"].flatMap(Int.init) else { return nil }
        self.init(bytes: bytes, seconds: seconds, repeats: repeats, peakBefore: before, peak: peak, stages: stages)
    }
}
