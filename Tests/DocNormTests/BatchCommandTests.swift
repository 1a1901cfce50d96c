import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `docnorm batch`, run as the real binary on temporary corpora.
@Suite struct BatchCommandTests {
    /// The seed samples: their outputs are compared with the hand-checked
    /// expected.txt, not with what the library gives in process.
    static var samples: [GoldenCase] { GoldenCase.all() }

    /// The statuses in OUT/report.json by file.
    func statuses(_ folder: TemporaryFolder, _ out: String) throws -> [String: String] {
        let data = try #require(folder.read(out + "/report.json"))
        struct Report: Decodable { struct File: Decodable { var path: String; var status: String; var error: String? }; var files: [File] }
        let report = try JSONDecoder().decode(Report.self, from: Data(data))
        return Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0.status) })
    }

    @Test func corruptFilesInTheMiddleDoNotStopTheRun() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Self.samples[0].input)
        try folder.write("in/m-binary.txt", Array("%PDF-1.7\n".utf8) + [0, 1, 2, 0xFF])
        try folder.write("in/n-nul.txt", Array("政府信息".utf8) + [0] + Array("公开".utf8))
        try folder.write("in/sub/z.txt", Self.samples[1].input)
        try folder.write("in/sub/ignored.md", Array("not matched by *.txt".utf8))
        let result = try runDocnorm(["batch", folder.file("in"), folder.file("out"), "--jobs", "2"])
        #expect(result.status == 1, "exit code 1 says something failed; stderr: \(result.errors)")
        let status = try statuses(folder, "out")
        #expect(status == ["a.txt": "done", "m-binary.txt": "failed", "n-nul.txt": "failed", "sub/z.txt": "done"])
        #expect(result.errors.contains("failed: m-binary.txt: the input looks like binary data, not text (PDF"))
        #expect(String(decoding: folder.read("out/a.txt") ?? [], as: UTF8.self) == (try Self.samples[0].expected))
        #expect(String(decoding: folder.read("out/sub/z.txt") ?? [], as: UTF8.self) == (try Self.samples[1].expected))
        #expect(folder.read("out/m-binary.txt") == nil)
        #expect(folder.read("out/sub/ignored.md") == nil && folder.read("out/sub/ignored.txt") == nil)
    }

    /// A matching name that cannot be read (a link to a file that is gone) is
    /// a failed file in the report, not silently left out of the count.
    @Test func danglingLinkIsReportedAsFailed() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Self.samples[0].input)
        #expect(symlink(folder.file("gone.txt"), folder.file("in/b.txt")) == 0)
        let result = try runDocnorm(["batch", folder.file("in"), folder.file("out")])
        #expect(result.status == 1, "\(result.errors)")
        #expect(try statuses(folder, "out") == ["a.txt": "done", "b.txt": "failed"])
        #expect(result.errors.contains("failed: b.txt: cannot read the file (No such file or directory)"), "\(result.errors)")
    }

    /// A run killed with SIGKILL while a worker waits on its input (a FIFO that
    /// nobody writes) leaves finished outputs and no half-written ones; the
    /// rerun skips what was finished, does the rest, and the result equals a
    /// fresh run's, byte for byte.
    @Test func killedRunResumesToTheSameResult() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        for (i, sample) in Self.samples.enumerated() { try folder.write("in/\(i)-\(sample.name).txt", sample.input) }
        let fifo = folder.file("in/2-blocking.txt")
        #expect(mkfifo(fifo, 0o644) == 0)
        let run = try startDocnorm(["batch", folder.file("in"), folder.file("out"), "--jobs", "2", "--format", "text", "--format", "json"])
        // Wait until every other input's outputs and manifest line are on disk.
        var waited = 0
        func finished() -> Int {
            (folder.read("out/.docnorm/manifest.jsonl") ?? []).split(separator: 0x0A).count
        }
        while finished() < Self.samples.count && waited < 120_000 {
            usleep(20_000)
            waited += 20
        }
        run.kill(SIGKILL)
        let killed = run.wait()
        #expect(killed.status == 128 + SIGKILL)
        #expect(finished() == Self.samples.count, "the other inputs finished before the kill")
        #expect(folder.read("out/2-blocking.txt") == nil)
        #expect(!filesUnder(folder.file("out")).contains { $0.contains(".docnorm-tmp") }, "no half-written output")

        unlink(fifo)
        try folder.write("in/2-blocking.txt", Self.samples[0].input)
        let resumed = try runDocnorm(["batch", folder.file("in"), folder.file("out"), "--format", "text", "--format", "json"])
        #expect(resumed.status == 0, "\(resumed.errors)")
        let status = try statuses(folder, "out")
        #expect(status.values.filter { $0 == "skipped" }.count == Self.samples.count)
        #expect(status["2-blocking.txt"] == "done")

        let fresh = try runDocnorm(["batch", folder.file("in"), folder.file("fresh"), "--format", "text", "--format", "json"])
        #expect(fresh.status == 0)
        let outputs = filesUnder(folder.file("out"), skipping: [".docnorm", "report.json"])
        #expect(outputs == filesUnder(folder.file("fresh"), skipping: [".docnorm", "report.json"]))
        #expect(outputs.count == 2 * (Self.samples.count + 1))
        for path in outputs {
            #expect(folder.read("out/" + path) == folder.read("fresh/" + path), "\(path) differs from a fresh run")
        }
    }

    /// With several workers the largest inputs go first: two FIFOs that
    /// nobody writes yet (size 0) come first by name, but the workers take
    /// the file first, so its output is committed while both wait on them;
    /// in name order both workers would wait and nothing would be done.
    @Test func severalWorkersTakeTheLargestInputFirst() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/c.txt", Self.samples[0].input)
        for name in ["a", "b"] { #expect(mkfifo(folder.file("in/\(name).txt"), 0o644) == 0) }
        let run = try startDocnorm(["batch", folder.file("in"), folder.file("out"), "--jobs", "2"])
        func finished() -> Int { (folder.read("out/.docnorm/manifest.jsonl") ?? []).split(separator: 0x0A).count }
        var waited = 0
        while finished() < 1 && waited < 60_000 {
            usleep(20_000)
            waited += 20
        }
        #expect(finished() == 1, "c.txt was done while the workers waited on a.txt and b.txt")
        // Unblock the workers (opening a FIFO to write waits for its reader).
        for name in ["a", "b"] {
            let writer = open(folder.file("in/\(name).txt"), O_WRONLY)
            #expect(writer >= 0)
            _ = Self.samples[1].input.withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
            close(writer)
        }
        let result = run.wait()
        #expect(result.status == 0, "\(result.errors)")
        #expect(try statuses(folder, "out") == ["a.txt": "done", "b.txt": "done", "c.txt": "done"])
    }

    /// Inputs whose outputs would land on the same path (a.txt and a.text
    /// with --glob '*'), or on OUT/report.json (an input named report.txt and
    /// --format json), fail with a message naming the clash, and no output is
    /// overwritten: before, one of a pair failed with a puzzling "No such
    /// file" and report.txt's JSON was silently replaced by the batch report.
    @Test func inputsWhoseOutputsClashFailAndNothingIsOverwritten() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Self.samples[0].input)
        try folder.write("in/a.text", Self.samples[1].input)
        try folder.write("in/report.txt", Self.samples[2].input)
        try folder.write("in/sub/report.txt", Self.samples[3].input)
        let result = try runDocnorm(["batch", folder.file("in"), folder.file("out"), "--glob", "*", "--format", "json"])
        #expect(result.status == 1, "\(result.errors)")
        #expect(try statuses(folder, "out") == ["a.text": "failed", "a.txt": "failed", "report.txt": "failed", "sub/report.txt": "done"])
        #expect(result.errors.contains("failed: a.text: its output a.json would also be written for a.txt; rename one of them or narrow --glob"), "\(result.errors)")
        #expect(result.errors.contains("failed: a.txt: its output a.json would also be written for a.text"), "\(result.errors)")
        #expect(result.errors.contains("failed: report.txt: its output report.json would replace the batch report (OUT/report.json); rename the input"), "\(result.errors)")
        #expect(folder.read("out/a.json") == nil)
        #expect(folder.read("out/sub/report.json") != nil)
    }

    /// An IN that is missing or a file says which; one where nothing matches
    /// --glob (reports saved as .TXT) is not a silent success with 0 files.
    @Test func inputFolderProblemsAreNamed() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/A.TXT", Self.samples[0].input)
        let missing = try runDocnorm(["batch", folder.file("gone"), folder.file("out")])
        #expect(missing.status == 2)
        #expect(missing.errors.contains("gone: cannot read the input folder (No such file or directory)"), "\(missing.errors)")
        let file = try runDocnorm(["batch", folder.file("in/A.TXT"), folder.file("out")])
        #expect(file.status == 2)
        #expect(file.errors.contains("A.TXT: not a folder; give the folder that holds the reports"), "\(file.errors)")
        let none = try runDocnorm(["batch", folder.file("in"), folder.file("out")])
        #expect(none.status == 0)
        #expect(none.errors.contains("docnorm: \(folder.file("in")): no file matches --glob '*.txt' (1 file is not matched); nothing to do"), "\(none.errors)")
    }

    /// An OUT that cannot be made says why (here a file stands where a folder must).
    @Test func outputFolderThatCannotBeMadeSaysWhy() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Self.samples[0].input)
        try folder.write("plain.txt", Array("a file".utf8))
        let result = try runDocnorm(["batch", folder.file("in"), folder.file("plain.txt/out")])
        #expect(result.status == 6)
        #expect(result.errors.contains("plain.txt/out: cannot create the output folder (\(folder.file("plain.txt")) is not a folder)"), "\(result.errors)")
    }

    /// A run stopped with SIGTERM (or Ctrl-C) leaves the last complete run's
    /// report.json and facts CSV as they were: a report and a facts table of
    /// the few files done before the signal would replace complete ones.
    @Test func interruptedRunKeepsTheCompleteReportAndFacts() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        for (i, sample) in Self.samples.prefix(3).enumerated() { try folder.write("in/\(i).txt", sample.input) }
        let args = ["batch", folder.file("in"), folder.file("out"), "--jobs", "1", "--facts", folder.file("facts.csv")]
        #expect(try runDocnorm(args).status == 0)
        let report = folder.read("out/report.json"), facts = folder.read("facts.csv")
        // 1.txt becomes a FIFO: the forced rerun waits on it after finishing 0.txt.
        unlink(folder.file("in/1.txt"))
        #expect(mkfifo(folder.file("in/1.txt"), 0o644) == 0)
        let run = try startDocnorm(args + ["--force"])
        var waited = 0
        while (folder.read("out/.docnorm/manifest.jsonl") ?? []).split(separator: 0x0A).count < 4 && waited < 120_000 {
            usleep(20_000)
            waited += 20
        }
        run.kill(SIGTERM)
        usleep(100_000)
        // Unblock the worker: it finishes the document in hand and takes no other.
        let writer = open(folder.file("in/1.txt"), O_WRONLY)
        #expect(writer >= 0)
        _ = Self.samples[1].input.withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
        close(writer)
        let stopped = run.wait()
        #expect(stopped.status == 130, "\(stopped.errors)")
        #expect(stopped.errors.contains("interrupted after 2 of 3 files"), "\(stopped.errors)")
        #expect(folder.read("out/report.json") == report, "report.json of the complete run kept")
        #expect(folder.read("facts.csv") == facts, "facts of the complete run kept")
    }

    /// A facts table that cannot be written whole (here the file-size limit,
    /// which fails write(2) as a full disk does) is an error, and the old
    /// table stays: a truncated one must not be renamed into its place.
    @Test func factsThatCannotBeWrittenWholeLeaveTheOldTable() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        // Each document's facts (about 43 kB) fit under the limit; the three together do not.
        for (i, sample) in Self.samples.prefix(3).enumerated() { try folder.write("in/\(i).txt", sample.input) }
        try folder.write("facts.csv", Array("old facts\n".utf8))
        let script = "trap '' XFSZ; ulimit -f 100; exec \"$0\" \"$@\""
        let run = try startProcess("/bin/sh", ["-c", script, docnormBinary, "batch", folder.file("in"), folder.file("out"),
                                               "--facts", folder.file("facts.csv")]).wait()
        #expect(run.status == 6, "\(run.errors)")
        #expect(run.errors.contains("facts.csv: cannot write the facts (File too large)"), "\(run.errors)")
        #expect(folder.read("facts.csv") == Array("old facts\n".utf8))
        #expect(!filesUnder(folder.path).contains { $0.contains(".docnorm-tmp") }, "no temporary file left")
        #expect(folder.read("out/report.json") != nil, "the run's report is written before the facts")
    }

    /// A --facts path that cannot be written at all is refused before any
    /// file is processed (found at the end, the run lost its report).
    @Test func factsInAFolderThatIsNotThereAreRefusedFirst() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Self.samples[0].input)
        for facts in [folder.file("none/facts.csv"), folder.path] {
            let run = try runDocnorm(["batch", folder.file("in"), folder.file("out"), "--facts", facts])
            #expect(run.status == 6, "\(run.errors)")
            #expect(run.errors.hasPrefix("docnorm: \(facts): cannot write the facts ("), "\(run.errors)")
            #expect(folder.read("out/a.txt") == nil, "nothing processed")
        }
    }

    @Test func rerunSkipsWhatIsUpToDateAndRedoesWhatChanged() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Self.samples[0].input)
        try folder.write("in/b.txt", Self.samples[1].input)
        let args = ["batch", folder.file("in"), folder.file("out")]
        #expect(try runDocnorm(args).status == 0)
        #expect(try statuses(folder, "out") == ["a.txt": "done", "b.txt": "done"])
        #expect(try runDocnorm(args).status == 0)
        #expect(try statuses(folder, "out") == ["a.txt": "skipped", "b.txt": "skipped"])
        try folder.write("in/b.txt", Self.samples[2].input)
        #expect(try runDocnorm(args).status == 0)
        #expect(try statuses(folder, "out") == ["a.txt": "skipped", "b.txt": "done"])
        #expect(String(decoding: folder.read("out/b.txt") ?? [], as: UTF8.self) == (try Self.samples[2].expected))
        // An output removed by hand is made again; --force redoes everything.
        unlink(folder.file("out/a.txt"))
        #expect(try runDocnorm(args).status == 0)
        #expect(try statuses(folder, "out") == ["a.txt": "done", "b.txt": "skipped"])
        #expect(try runDocnorm(args + ["--force"]).status == 0)
        #expect(try statuses(folder, "out") == ["a.txt": "done", "b.txt": "done"])
        // Other rules make every output stale.
        let rules = folder.file("rules")
        for (name, text) in BuiltinRules.files { try folder.write("rules/" + name, Array(text.utf8)) }
        try folder.write("rules/lines.json", Array((BuiltinRules.files["lines.json"]! + " ").utf8))
        #expect(try runDocnorm(args + ["--rules", rules]).status == 0)
        #expect(try statuses(folder, "out") == ["a.txt": "done", "b.txt": "done"])
    }

    /// A rerun whose output comes out byte for byte the same leaves the file
    /// in place (same inode: no write, flush, rename or freeing of the old
    /// one); an output changed by hand is still replaced with the right
    /// bytes, and a killed run's temporary file is still removed.
    @Test func rerunLeavesOutputsThatCameOutTheSameInPlace() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Self.samples[0].input)
        try folder.write("in/b.txt", Self.samples[1].input)
        let args = ["batch", folder.file("in"), folder.file("out"), "--format", "text", "--format", "json"]
        #expect(try runDocnorm(args).status == 0)
        func inode(_ relative: String) -> ino_t {
            var info = stat()
            return stat(folder.file(relative), &info) == 0 ? info.st_ino : 0
        }
        let before = ["a.txt", "a.json", "b.txt", "b.json"].map { inode("out/" + $0) }
        let json = try #require(folder.read("out/b.json"))
        try folder.write("out/b.json", json + Array(" ".utf8))
        try folder.write("out/a.txt.docnorm-tmp", Array("half".utf8))
        let rerun = try runDocnorm(args + ["--force"])
        #expect(rerun.status == 0, "\(rerun.errors)")
        #expect(try statuses(folder, "out") == ["a.txt": "done", "b.txt": "done"])
        #expect(["a.txt", "a.json", "b.txt"].map { inode("out/" + $0) } == Array(before[0..<3]), "unchanged outputs stay")
        #expect(folder.read("out/b.json") == json, "the output changed by hand is made again")
        #expect(filesUnder(folder.file("out"), skipping: [".docnorm"]) == ["a.json", "a.txt", "b.json", "b.txt", "report.json"])
        #expect(try runDocnorm(args).status == 0)
        #expect(try statuses(folder, "out") == ["a.txt": "skipped", "b.txt": "skipped"], "both recorded in the manifest")
    }

    /// A manifest holding one line per input (a first run, a rerun that redid
    /// nothing) is left as it is at the end of a run, not rewritten; one with
    /// lines that no longer count (an input redone, an input gone) is
    /// rewritten with one line per input.
    @Test func manifestIsRewrittenOnlyWhenSomeLinesNoLongerCount() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Self.samples[0].input)
        try folder.write("in/b.txt", Self.samples[1].input)
        let args = ["batch", folder.file("in"), folder.file("out")]
        let manifest = folder.file("out/.docnorm/manifest.jsonl")
        func inode() -> ino_t {
            var info = stat()
            return stat(manifest, &info) == 0 ? info.st_ino : 0
        }
        func lines() -> Int { (folder.read("out/.docnorm/manifest.jsonl") ?? []).split(separator: 0x0A).count }
        #expect(try runDocnorm(args).status == 0)
        let first = inode()
        let text = folder.read("out/.docnorm/manifest.jsonl")
        #expect(lines() == 2)
        #expect(try runDocnorm(args).status == 0)
        #expect(try statuses(folder, "out") == ["a.txt": "skipped", "b.txt": "skipped"])
        #expect(inode() == first && folder.read("out/.docnorm/manifest.jsonl") == text, "nothing redone: the manifest is left as it is")
        try folder.write("in/b.txt", Self.samples[2].input)
        #expect(try runDocnorm(args).status == 0)
        #expect(lines() == 2, "b.txt's old line is dropped")
        unlink(folder.file("in/a.txt"))
        #expect(try runDocnorm(args).status == 0)
        #expect(lines() == 1, "a.txt's line is dropped")
        #expect(try statuses(folder, "out") == ["b.txt": "skipped"])
    }

    /// A document whose output cannot be put in place (a folder stands at its
    /// path) fails alone: the documents before and after it (with --jobs 1
    /// and documents this small, usually in the same commit group) are in
    /// place and recorded in the manifest, and no temporary file is left.
    @Test func failureInTheMiddleOfAGroupCommitsTheOthers() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        for (i, name) in ["a", "b", "c"].enumerated() { try folder.write("in/\(name).txt", Self.samples[i].input) }
        try folder.write("out/b.txt/keep", Array("a folder, not an output".utf8))
        let args = ["batch", folder.file("in"), folder.file("out"), "--jobs", "1"]
        let run = try runDocnorm(args)
        #expect(run.status == 1, "\(run.errors)")
        #expect(try statuses(folder, "out") == ["a.txt": "done", "b.txt": "failed", "c.txt": "done"])
        #expect(run.errors.contains("b.txt: cannot write \(folder.file("out/b.txt")) ("), "\(run.errors)")
        #expect(String(decoding: folder.read("out/a.txt") ?? [], as: UTF8.self) == (try Self.samples[0].expected))
        #expect(String(decoding: folder.read("out/c.txt") ?? [], as: UTF8.self) == (try Self.samples[2].expected))
        #expect(folder.read("out/b.txt/keep") == Array("a folder, not an output".utf8))
        #expect(!filesUnder(folder.file("out")).contains { $0.contains(".docnorm-tmp") }, "no temporary file left")
        #expect(try runDocnorm(args).status == 1)
        #expect(try statuses(folder, "out") == ["a.txt": "skipped", "b.txt": "failed", "c.txt": "skipped"])
    }

    /// A run killed after writing an output's temporary file but before
    /// putting it in place leaves that file; the next run removes it, whether
    /// it redoes the input or finds it up to date.
    @Test func temporaryFilesOfAKilledRunAreRemoved() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Self.samples[0].input)
        try folder.write("in/b.txt", Self.samples[1].input)
        let args = ["batch", folder.file("in"), folder.file("out")]
        #expect(try runDocnorm(args).status == 0)
        try folder.write("out/a.txt.docnorm-tmp", Array("half".utf8))
        try folder.write("in/b.txt", Self.samples[2].input)
        try folder.write("out/b.txt.docnorm-tmp", Array("half".utf8))
        #expect(try runDocnorm(args).status == 0)
        #expect(try statuses(folder, "out") == ["a.txt": "skipped", "b.txt": "done"])
        #expect(filesUnder(folder.file("out"), skipping: [".docnorm"]) == ["a.txt", "b.txt", "report.json"])
        #expect(String(decoding: folder.read("out/b.txt") ?? [], as: UTF8.self) == (try Self.samples[2].expected))
    }

    /// Two runs writing one OUT at once would mix their files and manifests:
    /// while one holds OUT/.docnorm/lock, another is refused and writes nothing.
    @Test func secondRunOnTheSameOutputIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Self.samples[0].input)
        try folder.write("out/.docnorm/lock", [])
        // O_CLOEXEC: children other tests start meanwhile must not inherit (and keep) the lock.
        let held = open(folder.file("out/.docnorm/lock"), O_WRONLY | O_CLOEXEC)
        #expect(held >= 0 && flock(held, LOCK_EX) == 0)
        let refused = try runDocnorm(["batch", folder.file("in"), folder.file("out")])
        #expect(refused.status == 6)
        #expect(refused.errors.contains("another docnorm batch is writing to this output folder"))
        #expect(folder.read("out/a.txt") == nil && folder.read("out/report.json") == nil)
        close(held)
        #expect(try runDocnorm(["batch", folder.file("in"), folder.file("out")]).status == 0)
        #expect(folder.read("out/a.txt") != nil)
    }

    @Test func outputInsideOrEqualToInputRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/a.txt", Self.samples[0].input)
        let inside = try runDocnorm(["batch", folder.file("in"), folder.file("in/out")])
        #expect(inside.status == 64)
        #expect(inside.errors.contains("is inside IN"))
        #expect(folder.read("in/out/a.txt") == nil && (try? FileManager.default.contentsOfDirectory(atPath: folder.file("in/out"))) == nil)
        let same = try runDocnorm(["batch", folder.file("in"), folder.file("in") + "/./"])
        #expect(same.status == 64)
        #expect(same.errors.contains("is the input folder itself"))
        #expect(filesUnder(folder.file("in")) == ["a.txt"])
    }

    @Test func factsTableHasOneHeaderAndAMatchingRowCount() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        for (i, sample) in Self.samples.enumerated() { try folder.write("in/\(i).txt", sample.input) }
        let result = try runDocnorm(["batch", folder.file("in"), folder.file("out"), "--facts", folder.file("facts.csv")])
        #expect(result.status == 0, "\(result.errors)")
        let csv = String(decoding: folder.read("facts.csv") ?? [], as: UTF8.self)
        // One row per hand-written value record of the samples.
        var expectedRows = 0
        for sample in Self.samples { expectedRows += try sample.expectedRecords.count }
        #expect(expectedRows > 0)
        #expect(csv.hasPrefix("file,issuing_body,year,table,template,row,column,value,arithmetic_held\r\n"))
        #expect(csv.filter { $0 == "\r\n" }.count - 1 == expectedRows)
        // A rerun (everything skipped) writes the same table.
        #expect(try runDocnorm(["batch", folder.file("in"), folder.file("out"), "--facts", folder.file("facts2.csv")]).status == 0)
        #expect(folder.read("facts2.csv") == folder.read("facts.csv"))
    }

    /// SIGINT in the middle of a --jsonl stream (its input still open): the
    /// lines answered before it are written whole, nothing more is read, and
    /// the run exits 130 itself, saying where to resume, as a folder run
    /// does; killed by the signal, it could cut a line in two.
    @Test func interruptedStreamLeavesWholeLinesAndExits130() throws {
        struct In: Encodable { var id: Int; var text: String }
        struct Out: Decodable { var id: Int; var status: String }
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let fifo = folder.file("stdin")
        #expect(mkfifo(fifo, 0o644) == 0)
        // Opened first, read-write (which does not wait for a reader): the
        // spawned child's open, made before it runs docnorm, would wait for a
        // writer while posix_spawn waits for it.
        let writer = open(fifo, O_RDWR)
        #expect(writer >= 0)
        defer { close(writer) }
        let run = try startDocnorm(["batch", "--jsonl", "--jobs", "2"], stdinFile: fifo)
        var input: [UInt8] = []
        for (i, sample) in Self.samples.prefix(2).enumerated() {
            input += Array(try JSONEncoder().encode(In(id: i, text: String(decoding: sample.input, as: UTF8.self)))) + [0x0A]
        }
        _ = input.withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
        var waited = 0
        while run.outputSoFar().split(separator: 0x0A).count < 2 && waited < 120_000 {
            usleep(20_000)
            waited += 20
        }
        run.kill(SIGINT)
        let stopped = run.wait()
        let signalled = stopped.signalled
        #expect(!signalled, "docnorm handles the signal, it is not killed by it")
        #expect(stopped.status == 130, "\(stopped.errors)")
        #expect(stopped.errors.contains("interrupted after answering the first 2 of the 2 lines read"), "\(stopped.errors)")
        #expect(stopped.stdout.last == 0x0A, "the last line is whole")
        let records = try stopped.stdout.split(separator: 0x0A).map { try JSONDecoder().decode(Out.self, from: Data($0)) }
        #expect(records.map(\.id) == [0, 1])
        #expect(records.allSatisfy { $0.status == "ok" })
    }

    /// A standard output that refuses the lines (a full disk) ends the stream
    /// with exit code 6 and the reason, as `docnorm FILE > /dev/full` does;
    /// the reader, waiting for the writer to catch up, waited forever.
    @Test func streamToAFullOutputExits6() throws {
        guard access("/dev/full", W_OK) == 0 else { return }
        let input = (0..<200).flatMap { Array("{\"id\":\($0),\"text\":\"政府 信息 公开,工作。\"}\n".utf8) }
        // timeout(1) ends a run that hangs with 124.
        let result = try startProcess("/bin/sh", ["-c", "exec timeout 60 \"$0\" \"$@\" > /dev/full", docnormBinary, "batch", "--jsonl", "--jobs", "2"],
                                      stdin: input).wait()
        #expect(result.status == 6, "\(result.errors)")
        #expect(result.errors.contains("<stdout>: cannot write the output (No space left on device)"), "\(result.errors)")
    }

    /// A line that is no record says what is wrong with it (bytes that are
    /// not UTF-8, at which offset; a text that is not a string) and keeps
    /// its id where the id can be read.
    @Test func jsonLineErrorsSayWhatIsWrong() throws {
        struct Out: Decodable { var id: Int?; var status: String; var error: String? }
        let input = Array("{\"id\":1,\"text\":\"".utf8) + [0xE4, 0xB8] + Array(" ok\"}\n{\"id\":3,\"text\":5}\n[1]\n".utf8)
        let result = try runDocnorm(["batch", "--jsonl", "--jobs", "1"], stdin: input)
        #expect(result.status == 0, "\(result.errors)")
        let records = try result.stdout.split(separator: 0x0A).map { try JSONDecoder().decode(Out.self, from: Data($0)) }
        #expect(records.count == 3)
        guard records.count == 3 else { return }
        #expect(records[0].error?.contains("not valid UTF-8 (first bad byte at byte offset 16 of the line)") == true, "\(records)")
        #expect(records[1].id == 3)
        #expect(records[1].error?.contains("'text' should be a string") == true, "\(records)")
        #expect(records[2].error?.contains("the top level should be an object") == true, "\(records)")
    }

    /// JSONDecoder takes a trailing comma; JSON does not, so neither does
    /// --jsonl: the line is an error record naming its line and column (in
    /// characters), its id kept where it can be read.
    @Test func jsonLineWithATrailingCommaIsAnError() throws {
        struct Out: Decodable { var id: Int?; var line: Int; var status: String; var error: String? }
        let input = Array("{\"id\":1,\"text\":\"政府信息。\"}\n{\"id\":2,\"text\":\"政府信息。\",}\n[{\"id\":3},]\n{\"id\":04,\"text\":\"x\"}\n".utf8)
        let result = try runDocnorm(["batch", "--jsonl", "--jobs", "1"], stdin: input)
        #expect(result.status == 0, "\(result.errors)")
        let records = try result.stdout.split(separator: 0x0A).map { try JSONDecoder().decode(Out.self, from: Data($0)) }
        try #require(records.count == 4)
        #expect(records[0].status == "ok")
        #expect(records[1].status == "error" && records[1].id == 2)
        #expect(records[1].error == "not a JSON object with \"id\" and \"text\": not valid JSON at line 2, column 23: trailing comma before '}'",
                "\(records[1])")
        #expect(records[2].error?.hasSuffix("not valid JSON at line 3, column 10: trailing comma before ']'") == true, "\(records[2])")
        #expect(records[3].error?.hasSuffix("not valid JSON at line 4, column 7: '04' is not a JSON value") == true, "\(records[3])")
    }

    /// A blank line is answered like every other line (one answer per
    /// input line), and the answer says it is blank, not that JSON ended early.
    @Test func blankJSONLineIsAnErrorSayingSo() throws {
        struct Out: Decodable { var id: Int?; var line: Int; var status: String; var error: String? }
        let input = Array("{\"id\":1,\"text\":\"政府信息。\"}\n\n \r\n{\"id\":4,\"text\":\"政府信息。\"}\n".utf8)
        let result = try runDocnorm(["batch", "--jsonl", "--jobs", "1"], stdin: input)
        #expect(result.status == 0, "\(result.errors)")
        let records = try result.stdout.split(separator: 0x0A).map { try JSONDecoder().decode(Out.self, from: Data($0)) }
        try #require(records.count == 4)
        #expect(records.map(\.status) == ["ok", "error", "error", "ok"])
        #expect(records[1].line == 2 && records[1].error?.hasPrefix("line 2 is empty: no record") == true, "\(records[1])")
        #expect(records[2].line == 3 && records[2].error?.hasPrefix("line 3 is blank: no record") == true, "\(records[2])")
    }

    @Test func jsonLinesRoundTripKeepsOrderAndTurnsErrorsIntoRecords() throws {
        struct In: Encodable { var id: Int; var text: String }
        struct Out: Decodable { var id: Int?; var line: Int; var status: String; var text: String?; var error: String? }
        let encoder = JSONEncoder()
        var input: [UInt8] = []
        var expected: [String?] = []
        for round in 0..<4 {
            for (i, sample) in Self.samples.enumerated() {
                let text = String(decoding: sample.input, as: UTF8.self)
                input += Array(try encoder.encode(In(id: round * 100 + i, text: text))) + [0x0A]
                expected.append(try sample.expected)
            }
            input += Array("{\"id\": \(round * 100 + 99), \"text\": \"\"}\n".utf8)
            expected.append(nil)
            input += Array("this is not JSON\n".utf8)
            expected.append(nil)
        }
        let result = try runDocnorm(["batch", "--jsonl", "--jobs", "3"], stdin: input)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.stdout.split(separator: 0x0A)
        #expect(lines.count == expected.count)
        for (n, line) in lines.enumerated() where n < expected.count {
            let record = try JSONDecoder().decode(Out.self, from: Data(line))
            #expect(record.line == n + 1)
            if let text = expected[n] {
                #expect(record.status == "ok")
                #expect(record.text == text)
                #expect(record.id == (n / (Self.samples.count + 2)) * 100 + n % (Self.samples.count + 2))
            } else {
                #expect(record.status == "error")
                #expect(record.error != nil)
            }
        }
    }
}

@Suite struct FactsCSVTests {
    /// RFC 4180: fields with a comma, a quote or a line break are quoted and
    /// quotes doubled; lines end with CRLF.
    @Test func fieldsAreQuotedPerRFC4180() {
        let table = Table(grid: [], templateID: "gov-2021",
                          records: [TableRecord(row: ["三、本年度办理结果", "（一）予以公开"], column: ["申请人情况", "自然人"], value: "1,234"),
                                    TableRecord(row: ["说\"明\""], column: ["a\nb"], value: "0")],
                          checks: [ArithmeticCheck(check: "sum", subject: "总计", holds: true, left: 1, right: 1)])
        var metadata = DocumentMetadata()
        metadata.issuingBody = "某县医疗保障局"
        metadata.year = 2024
        let document = Document(blocks: [Block(.table(table), lines: 1...3)], metadata: metadata)
        let expected = "a/b.txt,某县医疗保障局,2024,1,gov-2021,三、本年度办理结果 / （一）予以公开,申请人情况 / 自然人,\"1,234\",true\r\n"
            + "a/b.txt,某县医疗保障局,2024,1,gov-2021,\"说\"\"明\"\"\",\"a\nb\",0,true\r\n"
        #expect(FactsRenderer.csvRows(document, file: "a/b.txt") == expected)
    }
}
