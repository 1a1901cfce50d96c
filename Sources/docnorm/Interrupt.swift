#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set by SIGINT/SIGTERM during a batch run: workers finish the document in
/// hand, take no new one, and the run compacts its manifest before exiting
/// 130 (leaving the last complete report and facts alone), so the next run
/// resumes cleanly.
nonisolated(unsafe) private var interruptRequested: sig_atomic_t = 0

enum Interrupt {
    static func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { _ in interruptRequested = 1 }
        }
    }

    static var requested: Bool { interruptRequested != 0 }
}
