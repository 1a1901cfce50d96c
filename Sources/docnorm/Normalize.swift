import ArgumentParser
import DocNorm

/// `docnorm [normalize] [FILE]`: one document, from a file or standard input.
struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalize one document (the default command).",
        discussion: "Reads FILE (or standard input) and writes the normalized document to standard output.")

    @Argument(help: "Input file; standard input when omitted or '-'.") var file: String?
    @Option(name: .shortAndLong, help: "Write to FILE (atomically) instead of standard output.") var output: String?
    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).") var format: OutputFormat = .text
    @OptionGroup var pipelineArguments: PipelineArguments
    @Flag(help: "Print every change (stage, rule, line) to standard error.") var trace = false
    @Flag(name: .shortAndLong, help: "Print repairs too, not only what looks wrong.") var verbose = false

    func run() throws {
        let pipeline = try pipelineArguments.pipeline()
        let (name, input) = try readInput(file)
        let document: Document
        do {
            // Handed over: the pipeline lets go of the bytes once decoded.
            document = try pipeline.run(consume input, options: PipelineOptions(encoding: pipelineArguments.encoding, tracing: trace))
        } catch let error as DocNormError {
            throw failure(ExitStatus.of(error), "\(name): \(error)")
        }
        if trace {
            for step in document.trace {
                let line = step.line.map { ":\($0)" } ?? ""
                writeStandardError("\(name)\(line) [\(step.stage.rawValue)/\(step.rule)] \(step.before) → \(step.after)\n")
            }
        }
        // By default only what looks wrong (suspicions, failed arithmetic,
        // invalid input) or went unchecked (OCR values no relation checks,
        // `unverified`); what was repaired is in the JSON, the trace and -v.
        for d in document.diagnostics where verbose || d.kind != .repair {
            let line = d.line.map { ":\($0)" } ?? ""
            writeStandardError("\(name)\(line): \(d.kind.rawValue): [\(d.stage.rawValue)/\(d.rule)] \(d.message)\n")
        }
        let bytes = try format.renderUTF8(document)
        if let output {
            try writeAtomically(bytes, to: output)
        } else {
            try writeStandardOutput(bytes)
        }
    }
}
