import ArgumentParser
import DocNorm
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `docnorm diff FILE|-`: the raw input against the normalized output, each
/// change attributed to the stage and rule that made it.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what normalization changes in one document, and why.",
        discussion: """
            Compares the raw input (decoded, otherwise untouched) with the normalized text. \
            Every hunk is preceded by '#' lines naming the stage and rule of each change in it.
            """)

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Argument(help: "Input file, or '-' for standard input.") var file: String
    @Flag(help: "Raw and normalized in two columns.") var sideBySide = false
    @Flag(help: "Counts of changes per stage and rule instead of the diff.") var stat = false
    @Option(help: "Also write a self-contained HTML page (side by side, rules on hover, tables as tables) to FILE.")
    var html: String?
    @Option(help: "Unchanged lines shown around each change.") var context = 3
    @Option(help: "Colour: auto (on a terminal), always, never.") var color: ColorChoice = .auto
    @Option(help: "Width of the side-by-side view in columns (default: the terminal's, or 160).") var width: Int?
    @OptionGroup var pipelineArguments: PipelineArguments

    func validate() throws {
        if context < 0 { throw ValidationError("--context must be 0 or more") }
        if sideBySide && stat { throw ValidationError("choose one of --side-by-side and --stat") }
    }

    func run() throws {
        let pipeline = try pipelineArguments.pipeline()
        let input = try readInput(file)
        let model: DiffModel
        do {
            model = try DiffModel(name: input.name, bytes: input.bytes, pipeline: pipeline, encoding: pipelineArguments.encoding)
        } catch let error as DocNormError {
            throw failure(ExitStatus.of(error), "\(input.name): \(error)")
        }
        if let html {
            try writeAtomically(Array(DiffHTMLView.render(model).utf8), to: html)
        }
        let palette = Palette(enabled: color == .always || (color == .auto && isatty(1) != 0))
        if stat {
            try writeStandardOutput(DiffStatView.render(model))
        } else if sideBySide {
            try writeStandardOutput(SideBySideView.render(model, context: context, width: width ?? terminalColumns() ?? 160, palette: palette))
        } else if html == nil {
            try writeStandardOutput(UnifiedDiffView.render(model, context: context, palette: palette))
        }
    }

    /// The terminal's width when standard output is one.
    func terminalColumns() -> Int? {
        var size = winsize()
        guard isatty(1) != 0, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
