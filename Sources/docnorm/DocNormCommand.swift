import ArgumentParser
import DocNorm
#if canImport(Glibc)
import Glibc
#endif
// Only FoundationEssentials: full Foundation carries its own ICU, whose types
// clash with the system ICU module on a clean build (docs in README, Layout).
import FoundationEssentials

/// Writes all bytes to a file descriptor (1 = stdout, 2 = stderr).
func writeAll(_ text: String, to fd: Int32) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n <= 0 { return }
        offset += n
    }
}

func writeStandardError(_ text: String) { writeAll(text, to: 2) }
func writeStandardOutput(_ text: String) { writeAll(text, to: 1) }

func readStandardInput() -> [UInt8] {
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if n <= 0 { return result }
        result.append(contentsOf: buffer[0..<n])
    }
}

/// Exit codes, documented in the README.
enum ExitStatus: Int32 {
    case unreadable = 2, undecodable = 3, binary = 4, empty = 5, writeFailed = 6, badRules = 7

    static func of(_ error: DocNormError) -> ExitStatus {
        switch error {
        case .emptyInput: return .empty
        case .binaryInput: return .binary
        case .unknownEncoding, .undetectableEncoding, .icu: return .undecodable
        case .invalidRules: return .badRules
        }
    }
}

@main
struct DocNormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docnorm",
        abstract: "Normalize text extracted from PDFs and OCR of Chinese government reports.",
        discussion: "Reads FILE (or standard input) and writes normalized text to standard output.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @Argument(help: "Input file; standard input when omitted.") var file: String?
    @Option(name: .shortAndLong, help: "Write to FILE (atomically) instead of standard output.") var output: String?
    @Option(help: "Output format: text or json.") var format: Format = .text
    @Option(help: "Input encoding (any name ICU knows); detected when omitted.") var encoding: String?
    @Option(help: "Rules folder replacing the built-in rules.") var rules: String?
    @Flag(help: "Print every change (stage, rule, line) to standard error.") var trace = false

    func run() throws {
        let name = file ?? "<stdin>"
        func fail(_ status: ExitStatus, _ message: String) -> ExitCode {
            writeStandardError("docnorm: \(message)\n")
            return ExitCode(status.rawValue)
        }
        let bytes: [UInt8]
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw fail(.unreadable, "\(file): cannot read the file (missing or no permission)")
            }
            bytes = [UInt8](data)
        } else {
            bytes = readStandardInput()
        }
        let document: Document
        do {
            let ruleSet = try RuleSet.load(from: rules.map { .directory($0) } ?? .builtin)
            let source: RuleSource = rules.map { .directory($0) } ?? .builtin
            document = try Pipeline(rules: ruleSet, source: source).run(bytes, options: PipelineOptions(encoding: encoding, tracing: trace))
        } catch let error as DocNormError {
            throw fail(ExitStatus.of(error), "\(name): \(error)")
        }
        if trace {
            for step in document.trace {
                let line = step.line.map { ":\($0)" } ?? ""
                writeStandardError("\(name)\(line) [\(step.stage.rawValue)/\(step.rule)] \(step.before) → \(step.after)\n")
            }
        }
        for d in document.diagnostics {
            let line = d.line.map { ":\($0)" } ?? ""
            writeStandardError("\(name)\(line): \(d.kind.rawValue): [\(d.stage.rawValue)/\(d.rule)] \(d.message)\n")
        }
        let text = format == .json ? try JSONRenderer.render(document) : TextRenderer.render(document)
        if let output {
            // Write beside the target, then rename: a failure never leaves a half-written file.
            let temp = output + ".docnorm-tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8)), rename(temp, output) == 0 else {
                try? FileManager.default.removeItem(atPath: temp)
                throw fail(.writeFailed, "\(output): cannot write the output (\(String(cString: strerror(errno))))")
            }
        } else {
            writeStandardOutput(text)
        }
    }
}
