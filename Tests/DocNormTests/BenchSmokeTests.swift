#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials
import Testing
import DocNormTestSupport

/// `docnorm bench` runs on a small corpus and prints every column and row the
/// README's table is read from. No timing is asserted: figures on a shared
/// machine vary, only the report's shape is checked.
@Suite struct BenchSmokeTests {
    @Test func benchOnOneMegabytePrintsItsTable() throws {
        let binary = docnormBinary
        #expect(FileManager.default.isExecutableFile(atPath: binary), "swift test builds \(binary)")
        let command = "'\(binary)' bench --megabytes 1 --skip-scaling --batch-runs 1 --corpus-root '\(repositoryRoot.path)' 2>&1"
        let pipe = try #require(popen(command, "r"))
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = fread(&buffer, 1, buffer.count, pipe)
            if got <= 0 { break }
            output += buffer[0..<got]
        }
        let status = pclose(pipe)
        let text = String(decoding: output, as: UTF8.self)
        #expect(status == 0, "\(text)")
        for expected in ["seconds", "MB/s", "docs/s", "share", "× ICU", "decode", "normalize", "lines", "render (text)",
                         "end to end, text", "end to end, JSON", "end to end, text, numbers not varied", "ICU UTF-8→NFKC→UTF-8", "peak RSS",
                         "--jobs 1", "--jobs 2", "× --jobs 1"] {
            #expect(text.contains(expected), "bench output lacks '\(expected)':\n\(text)")
        }
    }
}

/// The bench corpus's copies vary their numbers the way real reports differ:
/// counts scaled (so tables still add up) with row numbering left alone, and
/// the legacy --vary-digits corpus shifting every digit, labels' too. Read
/// through the prose document of the scaling report, whose first part is the
/// first seed (Corpus/samples/jinzhai-2024-doublespaced) as copy 1 (factor 2).
@Suite struct BenchCorpusTests {
    func firstCopy(_ extra: [String]) throws -> String {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/prose.txt"
        let run = try runDocnorm(["bench", "--corpus-root", repositoryRoot.path, "--child-shape", "prose",
                                  "--child-bytes", "20000", "--child-write", path] + extra)
        #expect(run.status == 0, "\(run.errors)")
        return String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    @Test func countsAreScaledAndNumberingIsKept() throws {
        let seed = try #require(FileManager.default.contents(atPath: repositoryRoot.path + "/Corpus/samples/jinzhai-2024-doublespaced/input.txt"))
        #expect(String(decoding: seed, as: UTF8.self).contains("电话：0564-7356522"))
        let text = try firstCopy([])
        #expect(text.contains("\n1.属于国家秘密\n"))
        #expect(text.contains("电话：1128-14713044"), "every other number times 2")
        #expect(text.contains("年 1 月 1 日至 12 月"), "dates stay dates")
        #expect(!text.contains("金寨"), "the place name varies")
    }

    @Test func varyDigitsShiftsEveryDigit() throws {
        let text = try firstCopy(["--vary-digits"])
        #expect(text.contains("\n2.属于国家秘密\n"))
        #expect(text.contains("电话：1675-8467633"))
    }
}

/// The bench's batch row runs each `docnorm batch` in a child process, into
/// an output folder the parent names anew for each run: the last run's
/// folder is not removed before the next run starts (freed inodes slow the
/// file creations of the next seconds on ext4 without a journal), but at
/// the end, with the bench's temporary folder.
@Suite struct BenchBatchChildTests {
    @Test func eachRunWritesTheOutputFolderItIsGivenAndKeepsTheLastOne() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let sample = try #require(GoldenCase.all().first)
        try folder.write("in/a.txt", sample.input)
        for out in ["out-0-jobs1", "out-0-jobs2"] {
            let run = try runDocnorm(["bench", "--child-batch", folder.path, "--child-jobs", "1", "--child-out", out])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.hasPrefix("seconds="), "\(run.output)")
        }
        #expect(String(decoding: folder.read("out-0-jobs1/a.txt") ?? [], as: UTF8.self) == (try sample.expected),
                "the first run's outputs are still there")
        #expect(String(decoding: folder.read("out-0-jobs2/a.txt") ?? [], as: UTF8.self) == (try sample.expected))
        #expect(folder.read("out/report.json") == nil)
    }
}
