#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress bar: files done / total, MB/s, ETA, failures so far. Drawn on
/// standard error only when it is a terminal, at most ten times a second.
final class BatchProgress: @unchecked Sendable {
    struct State {
        var done = 0
        var failed = 0
        var bytes = 0
        var lastDraw: ContinuousClock.Instant?
    }

    let total: Int
    let enabled: Bool
    let start = ContinuousClock.now
    private let state = Locked(State())

    init(total: Int, enabled: Bool = isatty(2) != 0) {
        self.total = total
        self.enabled = enabled
    }

    func finished(bytes: Int, failed: Bool) {
        state.withLock { s in
            s.done += 1
            s.bytes += bytes
            if failed { s.failed += 1 }
            guard enabled else { return }
            let now = ContinuousClock.now
            if let last = s.lastDraw, now - last < .milliseconds(100), s.done < total { return }
            s.lastDraw = now
            writeStandardError("\r" + line(s) + "\u{1B}[K")
        }
    }

    /// Clears the bar so the report starts on a clean line.
    func close() {
        guard enabled else { return }
        state.withLock { s in writeStandardError("\r" + line(s) + "\u{1B}[K\n") }
    }

    func line(_ s: State) -> String {
        let width = 30
        let filled = total == 0 ? width : s.done * width / total
        let seconds = max(0.001, Double(start.millisecondsElapsed) / 1000)
        let rate = Double(s.bytes) / 1_000_000 / seconds
        let eta = s.done == 0 ? "--:--" : clock(seconds / Double(s.done) * Double(total - s.done))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "\(bar) \(s.done)/\(total) files  \(format(rate)) MB/s  ETA \(eta)  \(s.failed) failed"
    }

    func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let m = s / 60, r = s % 60
        return "\(m):\(r < 10 ? "0" : "")\(r)"
    }
}
