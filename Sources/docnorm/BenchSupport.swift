#if canImport(Glibc)
import Glibc
#endif
import FoundationEssentials

/// Peak resident set size of this process so far, in bytes (getrusage's
/// ru_maxrss, which Linux reports in KiB). It only ever grows.
func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss) * 1024
}

/// Seconds of a block on the monotonic clock.
func timed(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    return (clock.now - start).seconds
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}

let megabyte = 1_000_000.0

/// Fixed-width text tables for the bench report.
struct ReportTable {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: String...) { self.header = header }

    mutating func add(_ cells: String...) { rows.append(cells) }

    var text: String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0.indices.contains(i) ? $0[i].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - c.count)
                return i == 0 ? c + pad : pad + c
            }.joined(separator: "  ")
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
            .joined(separator: "\n") + "\n"
    }
}

/// A number with a fixed count of decimals (no Foundation formatting).
func fixed(_ value: Double, _ decimals: Int = 1) -> String {
    guard value.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (abs(value) * scale).rounded()
    let whole = Int(rounded / scale)
    let fraction = Int(rounded) - whole * Int(scale)
    var text = (value < 0 && rounded != 0 ? "-" : "") + String(whole)
    if decimals > 0 {
        let digits = String(fraction)
        text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return text
}

func mebibytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1_048_576, 0) + " MiB" }

/// The `key=value` fields, separated by spaces, of a line a bench child
/// printed, in order; nil when a field has no `=`.
func childFields(_ line: String) -> [(String, String)]? {
    var fields: [(String, String)] = []
    for field in line.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
        let parts = field.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        fields.append((parts[0], parts[1]))
    }
    return fields
}

/// Runs this executable again with `arguments` and returns what it printed on
/// standard output. The bench measures each big document in a child process so
/// that its peak memory is that document's alone.
func runChild(_ arguments: [String]) throws -> String {
    var path = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &path, path.count - 1)
    guard n > 0 else { throw failure(.someFailed, "bench: cannot find its own executable") }
    let executable = String(decoding: path[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let command = ([executable] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
    guard let pipe = popen(command, "r") else { throw failure(.someFailed, "bench: cannot start \(command)") }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let got = fread(&buffer, 1, buffer.count, pipe)
        if got <= 0 { break }
        output += buffer[0..<got]
    }
    let status = pclose(pipe)
    guard status == 0 else { throw failure(.someFailed, "bench: child run failed (status \(status)): \(command)") }
    return String(decoding: output, as: UTF8.self)
}
