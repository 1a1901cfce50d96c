import ArgumentParser

@main
struct DocNormTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docnorm",
        abstract: "Normalize text extracted from PDFs and OCR of Chinese government reports.",
        subcommands: [Normalize.self, Batch.self, Diff.self, Eval.self, Bench.self],
        defaultSubcommand: Normalize.self)
}
