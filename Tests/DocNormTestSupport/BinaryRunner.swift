import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The docnorm executable under test. `swift test` builds every product of
/// the package, executables included, into the same folder as the test
/// bundle, so it is looked for next to the running test binary first (right
/// for any configuration or --build-path), then under .build/debug.
public let docnormBinary: String = {
    var candidates: [String] = []
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if n > 0 {
        let exe = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // …/debug/docnormPackageTests.xctest (Linux) or …/debug/X.xctest/Contents/MacOS/X
        var folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("docnorm").path)
            folder = folder.deletingLastPathComponent()
        }
    }
    candidates.append(repositoryRoot.appendingPathComponent(".build/debug/docnorm").path)
    return candidates.first { access($0, X_OK) == 0 } ?? candidates.last!
}()

/// What a finished docnorm process left.
public struct ProcessResult: Sendable {
    /// The exit code, or 128 + the signal number when a signal ended it.
    public let status: Int32
    /// Whether a signal ended it (`status` alone cannot tell exit 130 from SIGINT).
    public let signalled: Bool
    public let stdout: [UInt8]
    public let stderr: [UInt8]
    public var output: String { String(decoding: stdout, as: UTF8.self) }
    public var errors: String { String(decoding: stderr, as: UTF8.self) }
}

/// A scratch folder, removed by `remove()`.
public struct TemporaryFolder: Sendable {
    public let path: String

    public init() {
        var template = Array("/tmp/docnorm-test-XXXXXX".utf8CString)
        // mkdtemp returns the template it filled in, NUL-terminated.
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!).map { String(cString: $0) } }
        path = made ?? { preconditionFailure("mkdtemp failed") }()
    }

    public func file(_ relative: String) -> String { path + "/" + relative }

    public func write(_ relative: String, _ bytes: [UInt8]) throws {
        let full = file(relative)
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: full).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
            throw TestProcessError("cannot write \(full)")
        }
    }

    public func read(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: file(relative)).map { [UInt8]($0) }
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

public struct TestProcessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A docnorm process running in the background, its output going to files.
public struct RunningProcess: Sendable {
    public let pid: pid_t
    let stdoutPath: String
    let stderrPath: String

    /// Waits for the process to end and collects its output.
    public func wait() -> ProcessResult {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signalled = (status & 0x7F) != 0
        let code: Int32 = !signalled ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let out = FileManager.default.contents(atPath: stdoutPath).map { [UInt8]($0) } ?? []
        let err = FileManager.default.contents(atPath: stderrPath).map { [UInt8]($0) } ?? []
        unlink(stdoutPath); unlink(stderrPath)
        return ProcessResult(status: code, signalled: signalled, stdout: out, stderr: err)
    }

    /// What the process has written to standard output so far.
    public func outputSoFar() -> [UInt8] { FileManager.default.contents(atPath: stdoutPath).map { [UInt8]($0) } ?? [] }

    public func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }
}

/// Starts docnorm with `arguments`, standard input from `stdin`, or from
/// the file `stdinFile` (a FIFO the test writes to) when given.
public func startDocnorm(_ arguments: [String], stdin: [UInt8] = [], stdinFile: String? = nil,
                         environment: [String: String] = [:]) throws -> RunningProcess {
    try startProcess(docnormBinary, arguments, stdin: stdin, stdinFile: stdinFile, environment: environment)
}

/// Starts any program (an absolute path) with `arguments` and extra environment.
public func startProcess(_ executable: String, _ arguments: [String], stdin: [UInt8] = [], stdinFile: String? = nil,
                         environment: [String: String] = [:]) throws -> RunningProcess {
    let scratch = TemporaryFolder()
    defer { scratch.remove() }
    let stdinPath = scratch.path + ".stdin", stdoutPath = scratch.path + ".stdout", stderrPath = scratch.path + ".stderr"
    guard FileManager.default.createFile(atPath: stdinPath, contents: Data(stdin)) else { throw TestProcessError("cannot write stdin") }
    defer { unlink(stdinPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdinFile ?? stdinPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { envp.forEach { free($0) } }
    // A child inherits the spawning thread's signal mask and ignored signals;
    // the test runner's may block SIGINT/SIGTERM, which the interrupt tests send.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t(), interrupting = sigset_t()
    sigemptyset(&noSignals)
    sigemptyset(&interrupting)
    sigaddset(&interrupting, SIGINT)
    sigaddset(&interrupting, SIGTERM)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &interrupting)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard result == 0 else {
        throw TestProcessError("cannot start \(executable) (\(String(cString: strerror(result)))); `swift test` builds it — run `swift build` if it is missing")
    }
    return RunningProcess(pid: pid, stdoutPath: stdoutPath, stderrPath: stderrPath)
}

/// Runs docnorm to its end.
public func runDocnorm(_ arguments: [String], stdin: [UInt8] = [], environment: [String: String] = [:]) throws -> ProcessResult {
    try startDocnorm(arguments, stdin: stdin, environment: environment).wait()
}

/// Every regular file under `root` (relative paths), skipping the folders named.
public func filesUnder(_ root: String, skipping: Set<String> = []) -> [String] {
    let all = (try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []
    return all.filter { path in
        !skipping.contains(String(path.split(separator: "/").first ?? "")) &&
            (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + path)) == nil
    }.sorted()
}

/// The first of `names` found as an executable on PATH, if any.
public func findOnPath(_ names: [String]) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        for name in names where access("\(folder)/\(name)", X_OK) == 0 { return "\(folder)/\(name)" }
    }
    return nil
}
