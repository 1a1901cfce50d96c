import FoundationEssentials
import Testing
@testable import DocNorm
import DocNormTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `docnorm diff`, run as the real binary.
@Suite struct DiffCommandTests {
    /// Applies a unified diff (ignoring the `#` notes) to the old lines.
    func apply(_ diff: String, to old: [String]) throws -> [String] {
        var result: [String] = []
        var next = 0  // next old line (0-based) not yet copied
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) {
            if line.hasPrefix("@@ -") {
                let spec = line.dropFirst(4).prefix { $0 != " " }
                let parts = spec.split(separator: ",")
                var start = Int(parts[0])!
                if parts.count == 2 && parts[1] == "0" { start += 1 }
                while next < start - 1 { result.append(old[next]); next += 1 }
            } else if line.hasPrefix("#") {
                continue
            } else if line.hasPrefix(" ") {
                try #require(old[next] == String(line.dropFirst()))
                result.append(old[next]); next += 1
            } else if line.hasPrefix("-") {
                try #require(old[next] == String(line.dropFirst()))
                next += 1
            } else if line.hasPrefix("+") {
                result.append(String(line.dropFirst()))
            }
        }
        while next < old.count { result.append(old[next]); next += 1 }
        return result
    }

    /// On standard input: applying the printed diff to the raw lines gives the
    /// normalized text exactly, and every hunk names the rules of its lines.
    @Test(arguments: GoldenCase.all().map(\.name))
    func diffOnStandardInputTurnsRawIntoNormalized(_ name: String) throws {
        let golden = GoldenCase.all().first { $0.name == name }!
        let result = try runDocnorm(["diff", "-", "--color", "never"], stdin: golden.input)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("--- raw/<stdin>"))
        let raw = try RawLines(golden.input, pipeline: pipeline).lines
        let normalized = try golden.expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(try apply(result.output, to: raw) == normalized)
        let lines = result.output.split(separator: "\n")
        for (i, line) in lines.enumerated() where line.hasPrefix("@@") {
            #expect(lines[i + 1].hasPrefix("# "), "a hunk without its rules note")
        }
        let document = try pipeline.run(golden.input, options: PipelineOptions(tracing: true))
        for step in document.trace where step.stage == .lines {
            let line = try #require(step.line, "a stage 2 step without a line: \(step.rule)")
            #expect(result.output.contains("↑ L\(line): ") && result.output.contains(step.rule))
        }
    }

    @Test func statCountsEveryTraceStepByRule() throws {
        let golden = GoldenCase.all()[0]
        let result = try runDocnorm(["diff", "--stat", "-"], stdin: golden.input)
        #expect(result.status == 0)
        let document = try pipeline.run(golden.input, options: PipelineOptions(tracing: true))
        let counts = Dictionary(grouping: document.trace, by: \.rule).mapValues(\.count)
        #expect(!counts.isEmpty)
        for (rule, count) in counts {
            let row = result.output.split(separator: "\n").first { $0.split(separator: " ").dropFirst().first.map(String.init) == rule }
            #expect(row.map { $0.split(separator: " ")[2] == Substring(String(count)) } == true, "\(rule): \(count)")
        }
    }

    @Test func sideBySidePairsRawAndNormalized() throws {
        let result = try runDocnorm(["diff", "--side-by-side", "--width", "100", "--color", "never", "-"],
                                    stdin: Array("政府 信息\n\n\n公开,工作\n".utf8))
        #expect(result.status == 0)
        #expect(result.output.contains("政府 信息"))
        #expect(result.output.contains(" | 政府信息"))
    }

    @Test func htmlPageIsSelfContainedWithTablesAndRules() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let input = Array("标题 2024 年\n\n项目\t数量\n<b>申请</b>\t3\n".utf8)
        try folder.write("in.txt", input)
        let result = try runDocnorm(["diff", folder.file("in.txt"), "--html", folder.file("out.html")])
        #expect(result.status == 0, "\(result.errors)")
        let html = String(decoding: folder.read("out.html") ?? [], as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<td>&lt;b&gt;申请&lt;/b&gt;</td><td>3</td>"), "a TAB line is a real, escaped table row")
        #expect(html.contains("title=\"normalize/normalize.spacing: 标题 2024 年 → 标题2024年\""))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script") && !html.contains("src="))
    }

    @Test func binaryInputRefusedWithItsExitCode() throws {
        let result = try runDocnorm(["diff", "-"], stdin: Array("%PDF-1.4".utf8) + [0])
        #expect(result.status == 4)
        #expect(result.errors.contains("binary"))
    }

    /// The page renders in headless Chromium (scripts/check-diff-html.sh);
    /// skipped where Chromium is not installed.
    @Test(.enabled(if: findOnPath(["chromium", "chromium-browser", "google-chrome"]) != nil, "needs Chromium (apt-get install -y chromium)"))
    func htmlRendersInHeadlessChromium() throws {
        let script = repositoryRoot.appendingPathComponent("scripts/check-diff-html.sh").path
        let result = try startProcess("/bin/bash", [script], environment: ["DOCNORM": docnormBinary]).wait()
        #expect(result.status == 0, "scripts/check-diff-html.sh failed: \(result.errors)")
    }
}
