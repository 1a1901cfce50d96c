/// Time spent in each stage, summed over the documents a caller runs, for
/// `docnorm bench`. Off by default: without a collector `measure` is one branch.
///
/// A collector is mutable and not locked: give each thread its own.
public final class StageTimings: @unchecked Sendable {
    public private(set) var elapsed: [StageID: Duration] = [:]
    /// The last reading of `memoryProbe` taken after each stage (the bench
    /// passes the process's peak resident size, so the value says how high
    /// memory had gone by the end of that stage).
    public private(set) var memoryAfter: [StageID: Int] = [:]
    let memoryProbe: (() -> Int)?

    public init(memoryProbe: (() -> Int)? = nil) { self.memoryProbe = memoryProbe }

    func add(_ stage: StageID, _ duration: Duration) {
        elapsed[stage, default: .zero] += duration
        if let memoryProbe { memoryAfter[stage] = memoryProbe() }
    }

    public func reset() {
        elapsed = [:]
        memoryAfter = [:]
    }
}

extension PipelineContext {
    /// Runs one stage's work, timing it when the run collects timings.
    @inline(__always)
    public func measure<T>(_ stage: StageID, _ body: () throws -> T) rethrows -> T {
        guard let timings else { return try body() }
        let clock = ContinuousClock()
        let start = clock.now
        defer { timings.add(stage, clock.now - start) }
        return try body()
    }
}
