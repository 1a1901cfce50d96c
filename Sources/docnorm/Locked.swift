#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value shared between threads, reachable only under its mutex; waiters
/// are woken after every change.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()

    init(_ value: Value) {
        self.value = value
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(&mutex)
        defer {
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
        }
        return try body(&value)
    }

    /// Waits until `ready` holds, then runs `body` under the same lock.
    func when<Result>(_ ready: (Value) -> Bool, _ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(&mutex)
        defer {
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
        }
        while !ready(value) { pthread_cond_wait(&changed, &mutex) }
        return try body(&value)
    }
}
