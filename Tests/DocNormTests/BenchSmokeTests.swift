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
