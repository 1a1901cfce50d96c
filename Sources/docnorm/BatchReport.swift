import FoundationEssentials

/// The outcome of one input of a batch.
struct FileReport: Codable, Sendable {
    enum Status: String, Codable, Sendable {
        /// Normalized in this run.
        case done
        /// Up to date from an earlier run (same content, version, rules, settings).
        case skipped
        case failed
    }

    var path: String
    var status: Status
    var bytes: Int
    var milliseconds: Int
    /// Diagnostics by kind (repair, suspicion, arithmetic, unverified, invalid-input).
    var diagnostics: [String: Int]
    var error: String?
}

/// OUT/report.json (schema docnorm-batch-report/1) and the table on stderr.
struct BatchReport: Codable, Sendable {
    struct Totals: Codable, Sendable {
        var files = 0, done = 0, skipped = 0, failed = 0, bytes = 0, milliseconds = 0
        var diagnostics: [String: Int] = [:]
    }

    var schema = "docnorm-batch-report/1"
    var version: String
    var rules: String
    var jobs: Int
    var totals: Totals
    var files: [FileReport]

    init(version: String, rules: String, jobs: Int, files: [FileReport], milliseconds: Int) {
        self.version = version
        self.rules = rules
        self.jobs = jobs
        self.files = files
        totals = Totals()
        totals.files = files.count
        totals.milliseconds = milliseconds
        for file in files {
            switch file.status {
            case .done: totals.done += 1
            case .skipped: totals.skipped += 1
            case .failed: totals.failed += 1
            }
            totals.bytes += file.bytes
            for (kind, count) in file.diagnostics { totals.diagnostics[kind, default: 0] += count }
        }
    }

    func json(threads: Int = 1) throws -> String {
        if threads > 1, files.count >= 64, let text = try filesEncodedApart(threads: threads) { return text + "\n" }
        return try Self.encoded(self)
    }

    static func encoded<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The same text as `encoded(self)`, the files encoded in `threads`
    /// pieces at once (a large batch's report was encoded on one thread
    /// after the workers were done: a serial tail that every --jobs pays):
    /// each piece is a top-level array whose elements are indented two
    /// spaces deeper for the report's `files` array, put in place of the
    /// empty array a report without files has. Nil when the encoder's text
    /// is not of that shape (another encoder version): then encoded whole.
    func filesEncodedApart(threads: Int) throws -> String? {
        var skeleton = self
        skeleton.files = []
        let empty = "\"files\" : [\n\n  ]"
        let head = try Self.encoded(skeleton)
        guard let slot = head.firstRange(of: empty) else { return nil }
        let size = (files.count + threads - 1) / threads
        /// A piece's elements, indented on the piece's thread (indenting
        /// them all after the join was a serial 23 M instructions for 2,762
        /// files); nil when the encoder's text is not of the expected shape.
        enum Piece { case empty, elements(String), unexpected }
        let pieces = Locked([Result<Piece, any Error>?](repeating: nil, count: threads))
        let files = files
        runThreads(threads) { k in
            let range = min(files.count, k * size)..<min(files.count, (k + 1) * size)
            let piece = Result { () throws -> Piece in
                let text = try Self.encoded(Array(files[range]))
                if text == "[\n\n]" { return .empty }
                guard text.hasPrefix("[\n"), text.hasSuffix("\n]") else { return .unexpected }
                return .elements(Self.indented(text.dropFirst(2).dropLast(2)))
            }
            pieces.withLock { $0[k] = piece }
        }
        var elements: [String] = []
        for piece in pieces.withLock({ $0 }) {
            switch try piece?.get() {
            case .empty: continue
            case .elements(let text): elements.append(text)
            case .unexpected, nil: return nil
            }
        }
        var text = head
        text.replaceSubrange(slot, with: "\"files\" : [\n" + elements.joined(separator: ",\n") + "\n  ]")
        return text
    }

    /// Every line that is not empty, two spaces further in (JSON text holds
    /// no newline inside a string).
    static func indented(_ text: Substring) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 5 / 4)
        var lineStart = true
        for byte in text.utf8 {
            if lineStart && byte != 0x0A { out.append(0x20); out.append(0x20) }
            out.append(byte)
            lineStart = byte == 0x0A
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A short table for people: one line per status, then the failed files
    /// (at most `failedShown`) with their errors.
    func table(failedShown: Int = 20) -> String {
        func row(_ cells: [String]) -> String {
            let widths = [8, 6, 9, 12]
            var line = ""
            for (cell, width) in zip(cells, widths) {
                line += cell + String(repeating: " ", count: max(1, width - cell.count + 1))
            }
            while line.last == " " { line.removeLast() }
            return line + "\n"
        }
        var out = row(["status", "files", "bytes", "file-seconds"])
        for status in [FileReport.Status.done, .skipped, .failed] {
            let group = files.filter { $0.status == status }
            let bytes = group.reduce(0) { $0 + $1.bytes }
            let ms = group.reduce(0) { $0 + $1.milliseconds }
            out += row([status.rawValue, String(group.count), String(bytes), formatSeconds(ms)])
        }
        let kinds = totals.diagnostics.keys.sorted().map { "\($0) \(totals.diagnostics[$0]!)" }
        out += "diagnostics: " + (kinds.isEmpty ? "none" : kinds.joined(separator: ", ")) + "\n"
        let failed = files.filter { $0.status == .failed }
        for file in failed.prefix(failedShown) { out += "failed: \(file.path): \(file.error ?? "")\n" }
        if failed.count > failedShown { out += "… and \(failed.count - failedShown) more failed (see report.json)\n" }
        return out
    }

    /// One line for logs: what happened and how long it took.
    var summary: String {
        "docnorm batch: \(totals.files) files, \(totals.done) done, \(totals.skipped) skipped, \(totals.failed) failed, "
            + "\(totals.bytes) bytes in \(formatSeconds(totals.milliseconds)) s\n"
    }
}

func formatSeconds(_ milliseconds: Int) -> String {
    "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - String(milliseconds % 1000).count))\(milliseconds % 1000)"
}

extension ContinuousClock.Instant {
    /// Milliseconds from this instant until now.
    var millisecondsElapsed: Int {
        let d = ContinuousClock.now - self
        return Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
    }
}
