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
    private var mutex = pthread_mutex_t()

    init(_ build: @escaping @Sendable () -> Value) {
        self.build = build
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    var value: Value {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let built { return built }
        let value = build!()
        built = value
        build = nil
        return value
    }
}
