#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// One input file of a batch, by its path relative to IN.
struct BatchInput: Sendable {
    let relativePath: String
    let path: String
    /// Its size when it was found (0 when it could not be stat'ed): the
    /// workers take the largest first (`workOrder`).
    var bytes = 0

    /// Where this input's output in `format` goes: the same relative path
    /// under OUT, with the format's extension in place of the input's.
    func outputPath(in out: String, format: OutputFormat) -> String {
        out + "/" + Self.replacingExtension(of: relativePath, with: format.fileExtension)
    }

    static func replacingExtension(of path: String, with ext: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path + "." + ext }
        return String(path[..<dot]) + "." + ext
    }
}

/// Finding the inputs: every non-folder entry under IN whose name matches the
/// glob (matched against the relative path when the glob holds a '/'),
/// sorted, so runs are reproducible.
enum BatchInputs {
    static func find(in root: String, glob: String) throws -> [BatchInput] {
        let subpaths: [String]
        do { subpaths = try FileManager.default.subpathsOfDirectory(atPath: root) } catch {
            throw failure(.unreadable, "\(root): cannot list the folder")
        }
        let matchesPath = glob.contains("/")
        var inputs: [BatchInput] = []
        for relative in subpaths.sorted() where !isHidden(relative) {
            guard fnmatch(glob, matchesPath ? relative : fileName(relative), 0) == 0 else { continue }
            let path = root + "/" + relative
            var info = stat()
            // Folders are walked, not read; a name that cannot be stat'ed (a
            // dangling link) is kept, so its read fails and the report lists it.
            guard stat(path, &info) == 0 else {
                inputs.append(BatchInput(relativePath: relative, path: path))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR { continue }
            inputs.append(BatchInput(relativePath: relative, path: path, bytes: Int(info.st_size)))
        }
        return inputs
    }

    /// Whether a part of a relative path starts with a dot (`.git/x`,
    /// `a/.draft.txt`). Byte by byte: splitting every path into its parts
    /// twice was a third of the listing, which no worker runs beside.
    static func isHidden(_ relative: String) -> Bool {
        var partStart = true
        for byte in relative.utf8 {
            if partStart && byte == UInt8(ascii: ".") { return true }
            partStart = byte == UInt8(ascii: "/")
        }
        return false
    }

    /// The last part of a relative path (the path itself when it has one part).
    static func fileName(_ relative: String) -> String {
        guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) else { return relative }
        let name = relative[relative.utf8.index(after: slash)...]
        return name.isEmpty ? relative.split(separator: "/").last.map(String.init) ?? relative : String(name)
    }

    /// The order the workers take the inputs in: with several workers the
    /// largest first (ties in input order), so that the run does not end with
    /// one worker on a large document while the others wait (a 0.5 MB
    /// extraction takes about 0.4 s); one worker keeps the input order.
    /// Results keep their input order either way.
    static func workOrder(_ inputs: [BatchInput], workers: Int) -> [Int] {
        guard workers > 1 else { return Array(inputs.indices) }
        return inputs.indices.sorted { a, b in
            inputs[a].bytes != inputs[b].bytes ? inputs[a].bytes > inputs[b].bytes : a < b
        }
    }

    /// How many files (not folders, not dot-files) lie under `root`: what an
    /// empty run tells the user its --glob left out.
    static func countFiles(in root: String) -> Int {
        let subpaths = (try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []
        return subpaths.filter { relative in
            var info = stat()
            return !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
                && stat(root + "/" + relative, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR
        }.count
    }

    /// Inputs that must not be processed because their outputs clash: two
    /// inputs that differ only in extension (a.txt, a.text) would write the
    /// same outputs, and a top-level input named report.* would write
    /// OUT/report.json, the batch report. Each gets the message its failure
    /// reports; nothing of theirs is written.
    static func outputClashes(_ inputs: [BatchInput], formats: [OutputFormat]) -> [String: String] {
        var owners: [String: [String]] = [:]
        let extensions = formats.map(\.fileExtension)
        for input in inputs {
            for ext in extensions {
                owners[BatchInput.replacingExtension(of: input.relativePath, with: ext), default: []]
                    .append(input.relativePath)
            }
        }
        var clashes: [String: String] = [:]
        // Only outputs with more than one owner, or the report's name, can
        // clash: sorting and deduplicating every output's owners was most of
        // this serial step on a large batch.
        let suspects = owners.filter { $0.key == "report.json" || $0.value.count > 1 }
        for (output, paths) in suspects.sorted(by: { $0.key < $1.key }) {
            if output == "report.json" {
                for path in paths where clashes[path] == nil {
                    clashes[path] = "its output report.json would replace the batch report (OUT/report.json); rename the input"
                }
            }
            let distinct = Array(Set(paths)).sorted()
            guard distinct.count > 1 else { continue }
            for path in distinct where clashes[path] == nil {
                let others = distinct.filter { $0 != path }.joined(separator: ", ")
                clashes[path] = "its output \(output) would also be written for \(others); rename one of them or narrow --glob"
            }
        }
        return clashes
    }

    /// The absolute, symlink-free form of a path that may not exist yet: the
    /// longest existing prefix is resolved, the rest appended.
    static func canonicalPath(_ path: String) -> String {
        var existing = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                let tail = rest.reversed().filter { !$0.isEmpty && $0 != "." }
                return tail.isEmpty ? base : (base == "/" ? "" : base) + "/" + tail.joined(separator: "/")
            }
            guard let slash = existing.lastIndex(of: "/"), existing != "/" else { return path }
            rest.append(String(existing[existing.index(after: slash)...]))
            existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
        }
    }

    /// True when `inner` is `outer` or lies inside it (both canonical).
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }
}

/// Reads a whole file with POSIX calls (works for FIFOs and devices too).
func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return readAll(fd: fd)
}

/// Creates a folder and its parents; true when it exists afterwards.
func makeFolders(_ path: String) -> Bool {
    (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil
}

/// Why `makeFolders(path)` failed: the first part of the path that is not a
/// folder, or the system's reason for the first one that cannot be made.
func whyFoldersFail(_ path: String) -> String {
    var prefix = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
        prefix += "/" + part
        var info = stat()
        if stat(prefix, &info) == 0 {
            if (info.st_mode & S_IFMT) != S_IFDIR { return "\(prefix) is not a folder" }
        } else if mkdir(prefix, 0o755) != 0 {
            return String(cString: strerror(errno))
        }
    }
    return "the reason is unknown"
}
