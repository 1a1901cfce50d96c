import ArgumentParser
import DocNorm
#if canImport(Glibc)
import Glibc
#endif
// Only FoundationEssentials: full Foundation carries its own ICU, whose types
// clash with the system ICU module on a clean build (README, Layout).
import FoundationEssentials

/// Writes all bytes to a file descriptor (1 = stdout, 2 = stderr); false, with
/// `errno` set, when the descriptor refuses them (a full disk, a closed pipe).
@discardableResult
func writeAll(_ text: String, to fd: Int32) -> Bool {
    writeAll(Array(text.utf8), to: fd)
}

@discardableResult
func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        offset += n
    }
    return true
}

func writeStandardError(_ text: String) { writeAll(text, to: 2) }

/// Writes the document to standard output; a failure (`> /dev/full`) exits 6
/// instead of losing the output silently.
func writeStandardOutput(_ text: String) throws {
    try writeStandardOutput(Array(text.utf8))
}

func writeStandardOutput(_ bytes: [UInt8]) throws {
    guard writeAll(bytes, to: 1) else {
        throw failure(.writeFailed, "<stdout>: cannot write the output (\(String(cString: strerror(errno)))); check the disk or the pipe")
    }
}

/// Reads a whole file descriptor (0 = stdin) to its end; nil, with `errno`
/// set, when reading fails (e.g. the path is a directory).
func readAll(fd: Int32 = 0) -> [UInt8]? {
    var result: [UInt8] = []
    // A regular file's size is known: the array is allocated once at that
    // size rather than doubled from 64 KiB (a 100 MB input was copied eleven
    // times, into 256 MB of fresh pages: 19% of the page faults of a 10 MB
    // document's run). A file that grows meanwhile is still read to its end.
    var info = stat()
    if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 {
        result.reserveCapacity(Int(info.st_size))
    }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n < 0 { return nil }
        if n == 0 { return result }
        result.append(contentsOf: buffer[0..<n])
    }
}

/// Exit codes, documented in the README.
enum ExitStatus: Int32 {
    case someFailed = 1, unreadable = 2, undecodable = 3, binary = 4, empty = 5, writeFailed = 6, badRules = 7
    case interrupted = 130

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
/// A failure names the file and the system's reason, and exits 2.
func readInput(_ path: String?) throws -> (name: String, bytes: [UInt8]) {
    guard let path, path != "-" else {
        // Typed at a terminal (often `docnorm` run without FILE by mistake): say so rather than wait in silence.
        if isatty(0) != 0 {
            writeStandardError("docnorm: reading the document from the terminal; end it with Ctrl-D, or give a FILE (docnorm --help)\n")
        }
        guard let bytes = readAll() else {
            throw failure(.unreadable, "<stdin>: cannot read standard input (\(String(cString: strerror(errno))))")
        }
        return ("<stdin>", bytes)
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
        throw failure(.unreadable, "\(path): cannot open the input (\(String(cString: strerror(errno)))); check the path and its permissions")
    }
    defer { close(fd) }
    guard let bytes = readAll(fd: fd) else {
        throw failure(.unreadable, "\(path): cannot read the input (\(String(cString: strerror(errno)))); give a text file")
    }
    return (path, bytes)
}

/// Writes `bytes` to `path` through a temporary file in the same folder, an
/// fsync and a rename, so a failure (full disk, no permission, a kill) never
/// leaves a half-written file and never damages an older good one. The new
/// file keeps the old one's permissions.
func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    if let why = atomicWrite(bytes, to: path) {
        throw failure(.writeFailed, "\(path): cannot write the output (\(why)); any older file there is unchanged. "
                      + "Check the folder's permissions and free space, or write elsewhere")
    }
}

/// The work of `writeAtomically`; returns why it failed, or nil.
/// A symbolic link is followed, so the file it points to is replaced and the
/// link stays. A FIFO, socket or device (`-o /dev/null`, a named pipe) is
/// written in place: a file renamed over it would replace it, and as root
/// that turns /dev/null into a regular file for every other program.
func atomicWrite(_ bytes: [UInt8], to requested: String) -> String? {
    var path = requested
    var info = stat()
    if lstat(requested, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(requested, nil) {
        path = String(cString: resolved)
        free(resolved)
    }
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG, (info.st_mode & S_IFMT) != S_IFDIR {
        return writeInPlace(bytes, to: path)
    }
    let temp = path + ".docnorm-tmp-\(getpid())"
    if let why = writeTemporary(bytes, to: temp, replacing: path, flush: true) { return why }
    if rename(temp, path) != 0 {
        let why = String(cString: strerror(errno))
        unlink(temp)
        return why
    }
    return nil
}

/// Writes `bytes` into an existing file that is not a regular one (a FIFO,
/// a device), where there is nothing to keep intact; returns why it failed, or nil.
private func writeInPlace(_ bytes: [UInt8], to path: String) -> String? {
    let fd = open(path, O_WRONLY)
    guard fd >= 0 else { return String(cString: strerror(errno)) }
    let written = writeAll(bytes, to: fd)
    let reason = written ? nil : String(cString: strerror(errno))
    if close(fd) != 0 && reason == nil { return String(cString: strerror(errno)) }
    return reason
}

/// Writes `bytes` to a new file `temp` that will replace `path`, with the
/// permissions of the file it replaces; with `flush`, fsyncs it (a batch
/// flushes a whole group of files at once instead). Returns why it failed, or
/// nil; after a failure nothing is left at `temp`.
func writeTemporary(_ bytes: [UInt8], to temp: String, replacing path: String, flush: Bool) -> String? {
    var old = stat()
    let mode = stat(path, &old) == 0 ? old.st_mode & 0o7777 : 0o644
    var fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, mode)
    if fd < 0 && errno == EEXIST {
        // A killed run's file. Removed only when there is one: an unlink of
        // nothing still locks the folder, where a batch's other worker and
        // its committer create and rename files.
        unlink(temp)
        fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, mode)
    }
    guard fd >= 0 else { return String(cString: strerror(errno)) }
    var offset = 0
    var reason: String?
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { reason = n == 0 ? "nothing written" : String(cString: strerror(errno)); break }
        offset += n
    }
    // A full disk can show only when the data is flushed: check fsync and close too.
    if reason == nil && flush && fsync(fd) != 0 { reason = String(cString: strerror(errno)) }
    if close(fd) != 0 && reason == nil { reason = String(cString: strerror(errno)) }
    if let reason {
        unlink(temp)
        return reason
    }
    return nil
}

/// Whether `path` is a regular file (not a link) holding exactly `bytes`:
/// a rerun's output that came out the same need not be replaced. Reads the
/// file only when its size matches.
func fileHolds(_ bytes: [UInt8], at path: String) -> Bool {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
    return readFile(path) == bytes
}

/// Flushes an already written file to disk; returns why it failed, or nil.
func flushFile(_ path: String) -> String? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return String(cString: strerror(errno)) }
    defer { close(fd) }
    return fsync(fd) == 0 ? nil : String(cString: strerror(errno))
}
