#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials
import Testing
import DocNormTestSupport

/// The docnorm executable as users run it: exit codes, messages, and what a
/// failed write leaves behind. `swift test` builds it next to the test bundle.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The binary under test, found as the other binary tests find it.
    static let executable: String = docnormBinary

    /// A fresh folder for one test's files.
    static func temporaryFolder() -> String {
        var template = Array("/tmp/docnorm-cli-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    /// Runs `argv` (argv[0] is the program) with stdin from a file, capturing
    /// stdout (or sending it to `stdoutPath`) and stderr.
    static func run(_ argv: [String], stdin: String = "/dev/null", stdoutPath: String? = nil) -> CLIRun {
        let folder = temporaryFolder()
        let out = stdoutPath ?? folder + "/stdout", err = folder + "/stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ) == 0 else {
            return CLIRun(status: -1, stdout: "", stderr: "cannot start \(argv[0])")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let result = CLIRun(status: exit, stdout: stdoutPath == nil ? read(out) : "", stderr: read(err))
        try? FileManager.default.removeItem(atPath: folder)
        return result
    }

    static func docnorm(_ arguments: [String], stdin: String = "/dev/null") -> CLIRun {
        run([executable] + arguments, stdin: stdin)
    }

    /// A test input; a write that fails is the test's failure, not a missing
    /// input the command under test would then be blamed for.
    static func write(_ bytes: [UInt8], to path: String) {
        if !FileManager.default.createFile(atPath: path, contents: Data(bytes)) { Issue.record("cannot write \(path)") }
    }
}

@Suite struct CLITests {
    let sample = repositoryRoot.appendingPathComponent("Corpus/samples/muye-2024-hardwrap/input.txt").path

    @Test func executableIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: CLI.executable), "\(CLI.executable) missing: run swift build")
    }

    @Test func successExitsZero() {
        let run = CLI.docnorm([sample])
        #expect(run.status == 0)
        #expect(run.stdout.contains("牧野区医疗保障局"))
    }

    /// Each refusal has its documented exit code (README, "Exit codes") and a
    /// message that names the file, the place and what to do.
    @Test func refusalsHaveTheirExitCodesAndSayWhatToDo() {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func file(_ name: String, _ bytes: [UInt8]) -> String {
            let path = folder + "/" + name
            CLI.write(bytes, to: path)
            return path
        }
        let cases: [(arguments: [String], status: Int32, message: [String])] = [
            ([folder + "/missing.txt"], 2, ["missing.txt: cannot open the input", "No such file"]),
            ([folder], 2, [folder + ": cannot read the input", "directory"]),
            ([file("gbk4.txt", [0xB1, 0xA8, 0xB8, 0xE6])], 3, ["gbk4.txt: cannot tell the text encoding", "byte offset 0", "--encoding GB18030"]),
            ([file("x.txt", Array("报告".utf8)), "--encoding", "NOPE-1"], 3, ["x.txt: unknown encoding 'NOPE-1'"]),
            ([file("r.pdf", Array("%PDF-1.7\n".utf8))], 4, ["r.pdf: the input looks like binary data", "PDF at byte offset 0", "pdftotext"]),
            ([file("nul.txt", Array("ab".utf8) + [0, 0x41])], 4, ["NUL byte at byte offset 2", "--encoding UTF-16LE"]),
            ([file("empty.txt", [])], 5, ["empty.txt: the input is empty"]),
            ([file("blank.txt", Array(" \n\t\n".utf8))], 5, ["blank.txt: the input holds no text", "OCR"]),
        ]
        for c in cases {
            let run = CLI.docnorm(c.arguments)
            #expect(run.status == c.status, "\(c.arguments): \(run.stderr)")
            for part in c.message { #expect(run.stderr.contains(part), "\(c.arguments): \(run.stderr)") }
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func damagedBytesAreReportedWithFileLineAndOffset() {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        CLI.write(Array("第一行\n第二".utf8) + [0xE4, 0xB8] + Array("行\n".utf8), to: folder + "/d.txt")
        let run = CLI.docnorm([folder + "/d.txt"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("d.txt:2: invalid-input: [decode/decode.invalid-bytes] bytes E4 B8 at byte offset 16"))
        #expect(run.stdout == "第一行\n\n第二\u{FFFD}行\n")
    }

    @Test func malformedRuleFileRefusedWithFileAndLine() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let rules = repositoryRoot.appendingPathComponent("Rules").path
        for name in ["characters.json", "lines.json"] {
            try FileManager.default.copyItem(atPath: rules + "/" + name, toPath: folder + "/" + name)
        }
        try FileManager.default.createDirectory(atPath: folder + "/unicode", withIntermediateDirectories: true)
        CLI.write(Array("# radical\tideograph\n2F00\t4E00\n2F01 4E28\n".utf8), to: folder + "/unicode/radicals.tsv")
        let run = CLI.docnorm(["--rules", folder, sample])
        #expect(run.status == 7)
        #expect(run.stderr.hasPrefix("docnorm: \(folder)/unicode/radicals.tsv:3: invalid rule file: expected two hex code points separated by a TAB"),
                "\(run.stderr)")
    }

    /// A JSON syntax error in a --rules file opens with `FILE:LINE:COLUMN:`,
    /// as compilers write it and as `batch --jsonl` names a line's column.
    @Test func ruleFileSyntaxErrorSaysLineAndColumn() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent("Rules").path, toPath: folder)
        let path = folder + "/lines.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // `"format": "docnorm-rules/1",,` on line 2: the second comma, column 31, is no key.
        CLI.write(Array(text.replacing("\"docnorm-rules/1\",", with: "\"docnorm-rules/1\",,").utf8), to: path)
        let run = CLI.docnorm(["--rules", folder, sample])
        #expect(run.status == 7)
        #expect(run.stderr.hasPrefix("docnorm: \(path):2:31: invalid rule file: not valid JSON: expected a string in double quotes"), "\(run.stderr)")
    }

    /// Every rule file refusal has the form of the other errors,
    /// `docnorm: FILE:LINE: what`: a check made after decoding (an ICU
    /// pattern ICU refuses) names the file by its path and the key's line.
    @Test func ruleFileRefusalSaysFileLineAndWhat() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent("Rules").path, toPath: folder)
        let path = folder + "/characters.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"spaces\":") }) + 1
        let edited = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset + 1 == line ? "  \"spaces\": \"[\\\\p{NoSuchProperty}\"," : String($0.element) }.joined(separator: "\n")
        CLI.write(Array(edited.utf8), to: path)
        let run = CLI.docnorm(["--rules", folder, sample])
        #expect(run.status == 7)
        #expect(run.stderr.hasPrefix("docnorm: \(path):\(line): invalid rule file: spaces: not a UnicodeSet pattern ICU accepts"), "\(run.stderr)")
        // A folder that is not there is named as such.
        let missing = CLI.docnorm(["--rules", folder + "/none", sample])
        #expect(missing.status == 7)
        #expect(missing.stderr.contains("invalid rule file: no rules folder \(folder)/none"), "\(missing.stderr)")
    }

    /// A write that fails half-way (here: the file-size limit, which fails
    /// write(2) like a full disk does) leaves the old output as it was and no
    /// temporary file.
    @Test func failedWriteLeavesOldOutputIntact() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/out.txt"
        CLI.write(Array("old output\n".utf8), to: output)
        // ulimit -f counts 512-byte blocks in sh: 1 block is less than the normalized sample.
        let script = "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\""
        let run = CLI.run(["/bin/sh", "-c", script, CLI.executable, sample, "-o", output])
        #expect(run.status == 6, "\(run.stderr)")
        #expect(run.stderr.contains("out.txt: cannot write the output (File too large); any older file there is unchanged"), "\(run.stderr)")
        #expect((try? String(contentsOfFile: output, encoding: .utf8)) == "old output\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.txt"])
    }

    @Test func successfulWriteReplacesOldOutput() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/out.txt"
        CLI.write(Array("old output\n".utf8), to: output)
        let run = CLI.docnorm([sample, "-o", output])
        #expect(run.status == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("牧野区医疗保障局"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.txt"])
    }

    @Test func unwritableFolderLeavesOldOutputIntact() throws {
        let folder = CLI.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/ro", withIntermediateDirectories: false)
        let output = folder + "/ro/out.txt"
        CLI.write(Array("old output\n".utf8), to: output)
        chmod(folder + "/ro", 0o555)
        chmod(folder, 0o755)
        defer { chmod(folder + "/ro", 0o755); try? FileManager.default.removeItem(atPath: folder) }
        // Root ignores permissions: drop to nobody when running as root.
        let drop = geteuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        // Without a working setpriv (not installed, or no CAP_SETUID in a container) root cannot test this.
        if geteuid() == 0 && CLI.run(drop + ["/bin/true"]).status != 0 { return }
        let input = folder + "/in.txt"
        try FileManager.default.copyItem(atPath: sample, toPath: input)
        chmod(input, 0o644)
        let run = CLI.run(drop + [CLI.executable, input, "-o", output])
        #expect(run.status == 6, "\(run.stderr)")
        #expect(run.stderr.contains("out.txt: cannot write the output (Permission denied)"), "\(run.stderr)")
        #expect((try? String(contentsOfFile: output, encoding: .utf8)) == "old output\n")
    }

    /// `-o` naming a FIFO (or a device such as /dev/null) writes into it: a
    /// temporary file renamed over it would replace the pipe or the device
    /// with a regular file (`-o /dev/null` as root broke /dev/null).
    @Test func outputToAFIFOWritesIntoItAndKeepsIt() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        // The reading end, opened first so the writer's open does not block.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let run = CLI.docnorm([sample, "-o", fifo])
        #expect(run.status == 0, "\(run.stderr)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO was replaced")
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let n = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
        #expect(n > 0 && String(decoding: buffer[0..<max(n, 0)], as: UTF8.self).hasPrefix("牧野区医疗保障局"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pipe"])
    }

    /// `-o` naming a symbolic link replaces the file it points to, and the
    /// link stays.
    @Test func outputThroughASymlinkReplacesItsTarget() throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/shared", withIntermediateDirectories: false)
        CLI.write(Array("old output\n".utf8), to: folder + "/shared/out.txt")
        #expect(symlink("shared/out.txt", folder + "/link.txt") == 0)
        let run = CLI.docnorm([sample, "-o", folder + "/link.txt"])
        #expect(run.status == 0, "\(run.stderr)")
        var info = stat()
        #expect(lstat(folder + "/link.txt", &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the link was replaced")
        #expect(try String(contentsOfFile: folder + "/shared/out.txt", encoding: .utf8).hasPrefix("牧野区医疗保障局"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/shared") == ["out.txt"])
    }

    /// `docnorm` with no FILE on a terminal says it is reading the terminal
    /// and how to end, instead of waiting in silence.
    @Test func readingATerminalSaysSo() throws {
        // A pseudo-terminal from /dev/ptmx: unlock it (TIOCSPTLCK) and ask its number (TIOCGPTN).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        defer { close(master) }
        var unlock: Int32 = 0, number: Int32 = 0
        #expect(ioctl(master, 0x4004_5431, &unlock) == 0 && ioctl(master, 0x8004_5430, &number) == 0)
        let terminal = "/dev/pts/\(number)"
        // Typed ahead: a line, then Ctrl-D at the start of the next line ends the input.
        let typed = Array("政府 信息\n".utf8) + [0x04]
        _ = typed.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        let run = CLI.docnorm([], stdin: terminal)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "政府信息\n")
        #expect(run.stderr.contains("docnorm: reading the document from the terminal; end it with Ctrl-D"), "\(run.stderr)")
        // Not on a pipe or a file.
        #expect(CLI.docnorm([], stdin: sample).stderr.isEmpty)
    }

    @Test func fullStandardOutputIsAnError() {
        let run = CLI.run([CLI.executable, sample], stdoutPath: "/dev/full")
        #expect(run.status == 6)
        #expect(run.stderr.contains("<stdout>: cannot write the output (No space left on device)"), "\(run.stderr)")
    }
}

/// `eval` and `bench --write-corpus` on bad input: a message with the file
/// and the place, the documented exit code, never ArgumentParser's bare
/// "Error: DecodingError…" with exit 1 (which `eval --check` means a measure fell).
@Suite struct EvalAndBenchInputTests {
    @Test func malformedBaselineIsRefusedWithItsPlace() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("baseline.json", Array("{\n  \"overall\": tru\n}\n".utf8))
        let run = try runDocnorm(["eval", "--no-raw", repositoryRoot.appendingPathComponent("Corpus/samples").path,
                                  "--check", folder.file("baseline.json")])
        #expect(run.status == 2, "\(run.errors)")
        #expect(run.errors.hasPrefix("docnorm: \(folder.file("baseline.json")):2:14: not a quality baseline: not valid JSON"), "\(run.errors)")
    }

    @Test func aKnownLossThatNoLongerFitsItsGoldIsRefusedAsSuch() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("doc/gold.txt", Array("公开，公开，\n".utf8))
        try folder.write("doc/records.jsonl", [])
        try folder.write("doc/extracted/pdfminer.txt", Array("公开公开\n".utf8))
        try folder.write("known-losses.json", Array(#"{"extractors": ["pdfminer"], "losses": [{"document": "doc", "before": "公开", "lost": "，", "after": ""}]}"#.utf8))
        let run = try runDocnorm(["eval", "--no-raw", folder.path])
        #expect(run.status == 2, "\(run.errors)")
        #expect(run.errors.hasPrefix("docnorm: \(folder.path)/known-losses.json: not a known-losses file: doc: '公开，' occurs 2 times"), "\(run.errors)")
        #expect(!run.errors.contains("--rules"))
    }

    /// A gold record eval cannot read would drop out of the value scores,
    /// which would then lie: every malformed line of a records.jsonl is
    /// refused (exit 2) with FILE:LINE and what is wrong; blank lines pass.
    @Test(arguments: [
        (#"{"table": "t", "row": ["a"], "column": ["b"], "value": "1",}"#, "not valid JSON at column 59: trailing comma before '}'"),
        (#"{"table": "t", "row": ["a"], "column": ["b"], "value": 1}"#, "'value' should be a string"),
        (#"{"table": "t", "row": ["a"], "column": ["b"]}"#, "missing key 'value'"),
        ("{\"table\": \"t\", \"row\": [\"a\"], \"column\": [\"b\"], \"value\": \"1\"", "not valid JSON at column 59: expected ',' or '}'"),
    ])
    func aMalformedGoldRecordIsRefusedWithItsPlace(_ bad: String, _ reason: String) throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let sample = repositoryRoot.appendingPathComponent("Corpus/samples/muye-2024-hardwrap").path
        try folder.write("doc/gold.txt", [UInt8](try #require(FileManager.default.contents(atPath: sample + "/expected.txt"))))
        try folder.write("doc/extracted/good.txt", [UInt8](try #require(FileManager.default.contents(atPath: sample + "/input.txt"))))
        let good = [UInt8](try #require(FileManager.default.contents(atPath: sample + "/expected-records.jsonl")))
        try folder.write("doc/records.jsonl", good + Array("\n".utf8))
        #expect(try runDocnorm(["eval", "--no-raw", folder.path]).status == 0, "blank lines are no records")
        let lines = good.split(separator: 0x0A).count
        try folder.write("doc/records.jsonl", good + Array("\(bad)\n".utf8) + good)
        let run = try runDocnorm(["eval", "--no-raw", folder.path])
        #expect(run.status == 2, "\(run.errors)")
        #expect(run.errors == "docnorm: \(folder.path)/doc/records.jsonl:\(lines + 1): not a gold record: \(reason)\n", "\(run.errors)")
        #expect(run.output.isEmpty, "nothing scored")
    }

    /// A gold.txt without its records.jsonl would score the document's
    /// tables as holding no value: refused (exit 2) naming the file, as a
    /// malformed records.jsonl is; an empty one says "no template table".
    @Test func aGoldWithoutRecordsIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let sample = repositoryRoot.appendingPathComponent("Corpus/samples/muye-2024-hardwrap").path
        try folder.write("doc/gold.txt", [UInt8](try #require(FileManager.default.contents(atPath: sample + "/expected.txt"))))
        try folder.write("doc/extracted/good.txt", [UInt8](try #require(FileManager.default.contents(atPath: sample + "/input.txt"))))
        let run = try runDocnorm(["eval", "--no-raw", folder.path])
        #expect(run.status == 2, "\(run.errors)")
        #expect(run.errors.hasPrefix("docnorm: \(folder.path)/doc/records.jsonl: no such file;"), "\(run.errors)")
        #expect(run.output.isEmpty, "nothing scored")
        try folder.write("doc/records.jsonl", [])
        #expect(try runDocnorm(["eval", "--no-raw", folder.path]).status == 0, "an empty records.jsonl: no template table")
    }

    @Test func anExtractionThePipelineRefusesIsNamed() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let sample = repositoryRoot.appendingPathComponent("Corpus/samples/muye-2024-hardwrap").path
        try folder.write("doc/gold.txt", [UInt8](try #require(FileManager.default.contents(atPath: sample + "/expected.txt"))))
        try folder.write("doc/extracted/good.txt", [UInt8](try #require(FileManager.default.contents(atPath: sample + "/input.txt"))))
        try folder.write("doc/records.jsonl", [UInt8](try #require(FileManager.default.contents(atPath: sample + "/expected-records.jsonl"))))
        try folder.write("doc/extracted/scan.txt", Array("%PDF-1.7\n".utf8) + [0, 1, 2])
        let run = try runDocnorm(["eval", "--no-raw", folder.path])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("docnorm eval: \(folder.path)/doc/extracted/scan.txt: the input looks like binary data, not text (PDF at byte offset 0)"),
                "\(run.errors)")
        #expect(!run.errors.contains("good.txt"))
    }

    /// The bench corpus is made of every extraction eval scores, the
    /// Chromium-printed PDFs' too, and of no held-out report.
    @Test func benchSeedsAreEveryExtractionEvalScores() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let seeds = ["samples/s/input.txt", "eval/d/extracted/pdfminer.txt", "eval/d/extracted/chromium/pdfminer.txt"]
        for (i, path) in seeds.enumerated() { try folder.write("Corpus/" + path, Array("种子\(String(repeating: "文", count: i + 1))\n".utf8)) }
        try folder.write("Corpus/eval/d/extracted/html-lo.html", Array("<p>不是种子</p>\n".utf8))
        try folder.write("Corpus/eval/d/gold.txt", Array("不是种子\n".utf8))
        try folder.write("Corpus/holdout/h/extracted/pdfminer.txt", Array("留出\n".utf8))
        // Twenty copies of each: every seed is in the corpus, unvaried (no number, no place name).
        let run = try runDocnorm(["bench", "--megabytes", "0.0012", "--corpus-root", folder.file(""), "--write-corpus", folder.file("out")])
        #expect(run.status == 0, "\(run.errors)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.file("out"))
        let documents = Set(written.compactMap { folder.read("out/" + $0).map { String(decoding: $0, as: UTF8.self) } })
        #expect(documents == ["种子文\n", "种子文文\n", "种子文文文\n"], "\(documents)")
    }

    @Test func corpusOverAFileIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try folder.write("taken", Array("a file\n".utf8))
        let run = try runDocnorm(["bench", "--megabytes", "1", "--corpus-root", repositoryRoot.path, "--write-corpus", folder.file("taken")])
        #expect(run.status == 6, "\(run.errors)")
        #expect(run.errors.hasPrefix("docnorm: \(folder.file("taken")): cannot create the corpus folder (\(folder.file("taken")) is not a folder)"),
                "\(run.errors)")
        #expect(folder.read("taken") == Array("a file\n".utf8))
        // Nor over another corpus, or anything else: the two would mix.
        try folder.write("used/000001.txt", Array("an older corpus\n".utf8))
        let over = try runDocnorm(["bench", "--megabytes", "1", "--corpus-root", repositoryRoot.path, "--write-corpus", folder.file("used")])
        #expect(over.status == 6, "\(over.errors)")
        #expect(over.errors.contains("\(folder.file("used")): the folder is not empty (1 entry)"), "\(over.errors)")
        #expect(folder.read("used/000001.txt") == Array("an older corpus\n".utf8))
    }
}
