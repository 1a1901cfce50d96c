#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body(0..<count)` on `count` new threads and waits for all of them.
/// Real threads, not a pool: a worker blocked on a slow read (a FIFO, a network
/// file system) must not keep the others from running.
func runThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    final class Job: @unchecked Sendable {
        let index: Int
        let body: @Sendable (Int) -> Void
        init(_ index: Int, _ body: @escaping @Sendable (Int) -> Void) { self.index = index; self.body = body }
    }
    var threads: [pthread_t] = []
    for index in 0..<count {
        let job = Unmanaged.passRetained(Job(index, body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
            let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
            job.body(job.index)
            return nil
        }, job)
        if started == 0 {
            threads.append(thread)
        } else {
            Unmanaged<Job>.fromOpaque(job).takeRetainedValue().body(index)
        }
    }
    for thread in threads { pthread_join(thread, nil) }
}

/// The number of online processors, the default for `--jobs`.
func coreCount() -> Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
