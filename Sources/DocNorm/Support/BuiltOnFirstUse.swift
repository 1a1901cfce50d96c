#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value built from the rules the first time a run needs it, once per
/// process whichever thread asks first, and then shared: for tables most
/// documents never read (a small one reads no table), which building with
/// the pipeline made a fixed cost of every `docnorm < file`.
final class BuiltOnFirstUse<Value: Sendable>: @unchecked Sendable {
    private var built: Value?
    private var build: (@Sendable () -> Value)?
    /// Allocated, not a stored `pthread_mutex_t`: a mutex must not move, and
    /// `&property` promises no stable address.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = .allocate(capacity: 1)

    init(_ build: @escaping @Sendable () -> Value) {
        self.build = build
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    var value: Value {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let built { return built }
        let value = build!()
        built = value
        build = nil
        return value
    }
}
