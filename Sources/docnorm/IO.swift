import ArgumentParser
import DocNorm
#if canImport(Glibc)
import Glibc
#endif
// Only FoundationEssentials: full Foundation carries its own ICU, whose types
// clash with the system ICU module on a clean build (README, Layout).
import FoundationEssentials

/// Writes all bytes to a file descriptor (1 = stdout, 2 = stderr).
func writeAll(_ text: String, to fd: Int32) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n <= 0 { return }
        offset += n
    }
}

func writeStandardError(_ text: String) { writeAll(text, to: 2) }
func writeStandardOutput(_ text: String) { writeAll(text, to: 1) }

/// Reads a whole file descriptor (0 = stdin) to its end.
func readAll(fd: Int32 = 0) -> [UInt8] {
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { return result }
        result.append(contentsOf: buffer[0..<n])
    }
}

/// Exit codes, documented in the README.
enum ExitStatus: Int32 {
    case someFailed = 1, unreadable = 2, undecodable = 3, binary = 4, empty = 5, writeFailed = 6, badRules = 7

    static func of(_ error: DocNormError) -> ExitStatus {
        switch error {
        case .emptyInput, .blankInput: return .empty
        case .binaryInput: return .binary
        case .unknownEncoding, .undetectableEncoding, .icu: return .undecodable
        case .invalidRules: return .badRules
        }
    }
}

/// Prints `docnorm: message` and returns the exit code to throw.
func failure(_ status: ExitStatus, _ message: String) -> ExitCode {
    writeStandardError("docnorm: \(message)\n")
    return ExitCode(status.rawValue)
}

/// The input named on the command line: a path, or standard input for nil or "-".
func readInput(_ path: String?) throws -> (name: String, bytes: [UInt8]) {
    guard let path, path != "-" else { return ("<stdin>", readAll()) }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw failure(.unreadable, "\(path): cannot read the file (missing or no permission)")
    }
    return (path, [UInt8](data))
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a
/// rename, so a failure (full disk, no permission, a kill) never leaves a
/// half-written file and never damages an older good one.
func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    let temp = path + ".docnorm-tmp-\(getpid())"
    let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else {
        throw failure(.writeFailed, "\(path): cannot write the output (\(String(cString: strerror(errno))))")
    }
    var offset = 0
    var failed = false
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n <= 0 { failed = true; break }
        offset += n
    }
    let reason = failed ? String(cString: strerror(errno)) : ""
    if close(fd) != 0 { failed = true }
    guard !failed, rename(temp, path) == 0 else {
        let why = reason.isEmpty ? String(cString: strerror(errno)) : reason
        unlink(temp)
        throw failure(.writeFailed, "\(path): cannot write the output (\(why)); any older file there is unchanged")
    }
}
