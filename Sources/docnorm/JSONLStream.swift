import DocNorm
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// A JSON value used as a record id: kept as given and echoed back.
enum RecordID: Codable, Sendable, Equatable {
    case string(String), integer(Int), number(Double), bool(Bool), null

    init(from decoder: any Swift.Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let v = try? c.decode(Int.self) { self = .integer(v) }
        else if let v = try? c.decode(Double.self) { self = .number(v) }
        else if let v = try? c.decode(Bool.self) { self = .bool(v) }
        else { self = .string(try c.decode(String.self)) }
    }

    func encode(to encoder: any Swift.Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let v): try c.encode(v)
        case .integer(let v): try c.encode(v)
        case .number(let v): try c.encode(v)
        case .bool(let v): try c.encode(v)
        case .null: try c.encodeNil()
        }
    }
}

/// One input line: `{"id": …, "text": …}`.
struct InputRecord: Decodable {
    var id: RecordID?
    var text: String?

    /// The id alone, read from a line whose text is not a string.
    struct ID: Decodable { var id: RecordID? }
}

/// One output line: the document, or the error that kept it from being made.
struct OutputRecord: Encodable {
    var id: RecordID
    /// 1-based line of standard input this record answers.
    var line: Int
    var status: String
    var format: String?
    var text: String?
    var metadata: DocumentMetadata?
    var diagnostics: [Diagnostic]?
    var facts: [Fact]?
    var error: String?
}

/// `docnorm batch --jsonl`: JSON Lines in, JSON Lines out, one output line per
/// input line and in the same order, every failure a record. A reader thread
/// stays at most `window` lines ahead of the writer, so memory is bounded
/// however long the stream is. SIGINT or SIGTERM stops it as it stops a
/// folder run: no line is read or taken up after it, the lines answered
/// before it are written, each whole, and the run exits 130, so what was
/// written answers the input's first lines exactly.
struct JSONLStream: Sendable {
    /// One per worker (see `Batch.runFolder`).
    let pipelines: [Pipeline]
    let encoding: String?
    let format: OutputFormat
    var workers: Int { pipelines.count }

    struct State {
        var queue: [(index: Int, line: [UInt8])] = []
        var results: [Int: String] = [:]
        var read = 0
        var written = 0
        var endOfInput = false
        /// Workers still taking lines.
        var working: Int
        /// Standard output refused a line: nothing more is read or answered.
        var writeFailed = false
        var stopped: Bool { writeFailed || Interrupt.requested }
    }

    /// How a run ended. The lines answered are always the input's first
    /// `answered`, each whole; fewer than `read` only when it was stopped.
    struct Outcome {
        var answered: Int
        var read: Int
        var writeFailed: Bool
    }

    func run() -> Outcome {
        let state = Locked(State(working: workers))
        let window = 2 * workers
        let stream = self
        runThreads(workers + 2) { thread in
            switch thread {
            case 0:
                stream.readLines { line in
                    state.when({ $0.read - $0.written < window || $0.stopped }) { s in
                        guard !s.stopped else { return false }
                        s.queue.append((s.read, line))
                        s.read += 1
                        return true
                    }
                }
                state.withLock { $0.endOfInput = true }
            case 1:
                // The writer: answers leave in input order, as soon as the next
                // is ready, until every worker has stopped and none is left.
                while true {
                    let line = state.when({ $0.results[$0.written] != nil || ($0.endOfInput && $0.written == $0.read) || $0.working == 0 }) { s in
                        s.results.removeValue(forKey: s.written)
                    }
                    guard let line else { return }
                    guard (try? writeStandardOutput(line)) != nil else {
                        state.withLock { $0.writeFailed = true }
                        return
                    }
                    state.withLock { $0.written += 1 }
                }
            default:
                while true {
                    let item = state.when({ !$0.queue.isEmpty || $0.endOfInput || $0.stopped }) { s in
                        s.queue.isEmpty || s.stopped ? nil : s.queue.removeFirst()
                    }
                    guard let item else { return state.withLock { $0.working -= 1 } }
                    let output = stream.answer(item.line, number: item.index + 1, pipeline: stream.pipelines[thread - 2])
                    state.withLock { $0.results[item.index] = output }
                }
            }
        }
        return state.withLock { Outcome(answered: $0.written, read: $0.read, writeFailed: $0.writeFailed) }
    }

    /// Calls `body` with each line of standard input (without its LF; a final
    /// line without LF counts) until it returns false, the input ends or an
    /// interrupt is requested: the input is polled, so a reader waiting on a
    /// quiet pipe sees the interrupt too.
    func readLines(_ body: ([UInt8]) -> Bool) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !Interrupt.requested {
            var input = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&input, 1, 100)
            if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            var start = 0
            for i in 0..<n where buffer[i] == 0x0A {
                pending.append(contentsOf: buffer[start..<i])
                guard body(pending) else { return }
                pending.removeAll(keepingCapacity: true)
                start = i + 1
            }
            pending.append(contentsOf: buffer[start..<n])
        }
        if !pending.isEmpty, !Interrupt.requested { _ = body(pending) }
    }

    func answer(_ line: [UInt8], number: Int, pipeline: Pipeline) -> String {
        var record = OutputRecord(id: .null, line: number, status: "error")
        do {
            // One answer per input line: a blank line is answered too, said to
            // be blank (JSON's own words, "unexpected end of file", would send
            // a reader looking for a cut record).
            if line.allSatisfy({ [0x20, 0x09, 0x0D].contains($0) }) {
                throw LineError("line \(number) is \(line.isEmpty ? "empty" : "blank"): no record; each line must be one JSON object {\"id\": …, \"text\": …} (remove blank lines from the input)")
            }
            if let bad = Self.firstInvalidUTF8(line) {
                throw LineError("the line is not valid UTF-8 (first bad byte at byte offset \(bad) of the line); JSON Lines are UTF-8")
            }
            // JSONDecoder takes some text that is not JSON (a trailing comma):
            // the line is scanned first, so a line is an error exactly where JSON says so.
            if let syntax = JSONLocation.firstSyntaxError(in: line) {
                record.id = (try? JSONDecoder().decode(InputRecord.ID.self, from: Data(line)))?.id ?? .null
                throw LineError("not a JSON object with \"id\" and \"text\": not valid JSON at line \(number), column \(syntax.column): \(syntax.reason)")
            }
            let input: InputRecord
            do { input = try JSONDecoder().decode(InputRecord.self, from: Data(line)) } catch {
                // The id, where it can be read, still names the record.
                record.id = (try? JSONDecoder().decode(InputRecord.ID.self, from: Data(line)))?.id ?? .null
                let reason = JSONLocation.describe(error, in: String(decoding: line, as: UTF8.self)).reason
                throw LineError("not a JSON object with \"id\" and \"text\": \(reason)")
            }
            record.id = input.id ?? .null
            guard let text = input.text else { throw LineError("no \"text\" string") }
            let document: Document
            do { document = try pipeline.run(Array(text.utf8), options: PipelineOptions(encoding: encoding)) } catch {
                throw LineError("\(error)")
            }
            record.status = "ok"
            record.format = format.rawValue
            record.text = try format.render(document)
            record.metadata = document.metadata
            record.diagnostics = document.diagnostics
            record.facts = FactsRenderer.facts(document)
        } catch {
            record.status = "error"
            record.error = (error as? LineError)?.message ?? "\(error)"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(record)) ?? Data("{\"status\":\"error\",\"error\":\"cannot encode the record\"}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The offset of the first byte of `bytes` that is not valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    struct LineError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
