import ArgumentParser
import DocNorm
import Foundation

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
            FileHandle.standardError.write(Data("docnorm: \(message)\n".utf8))
            return ExitCode(status.rawValue)
        }
        let bytes: [UInt8]
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw fail(.unreadable, "\(file): cannot read the file (missing or no permission)")
            }
            bytes = [UInt8](data)
        } else {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        let document: Document
        do {
            let ruleSet = try RuleSet.load(from: rules.map { .directory($0) } ?? .builtin)
            document = try Pipeline(rules: ruleSet).run(bytes, options: PipelineOptions(encoding: encoding, tracing: trace))
        } catch let error as DocNormError {
            throw fail(ExitStatus.of(error), "\(name): \(error)")
        }
        if trace {
            for step in document.trace {
                let line = step.line.map { ":\($0)" } ?? ""
                FileHandle.standardError.write(Data("\(name)\(line) [\(step.stage.rawValue)/\(step.rule)] \(step.before) → \(step.after)\n".utf8))
            }
        }
        for d in document.diagnostics {
            let line = d.line.map { ":\($0)" } ?? ""
            FileHandle.standardError.write(Data("\(name)\(line): \(d.kind.rawValue): [\(d.stage.rawValue)/\(d.rule)] \(d.message)\n".utf8))
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
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
