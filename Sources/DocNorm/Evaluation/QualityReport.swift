import FoundationEssentials

/// Extraction invariance, measured (issue 3): every extractor's output of a
/// gold document (Corpus/eval/<doc>/extracted/) run through the pipeline and
/// compared with the hand-written gold.txt and records.jsonl.
public enum QualityReport {
    /// One extractor's output of one document.
    public struct Case: Sendable {
        public var document: String
        public var extractor: String
        public var input: [UInt8]
        /// The gold this extraction is scored against: gold.txt less the
        /// marks its PDF does not draw (`KnownLosses`), if any.
        public var gold: String
        public var records: [ExpectedRecord]
        /// gold.txt as written, when `gold` allows known losses; nil otherwise.
        public var goldAsWritten: String? = nil
    }

    /// `<corpus>/known-losses.json`: characters of a gold that the rendered
    /// PDF does not carry (LibreOffice does not draw some 、 and ， that end a
    /// justified line: no text layer and no OCR has them), listed by a person
    /// after tools/lost_punct.py found them. The extractions of that PDF
    /// (`extractors`) are scored against the gold without them, since no
    /// tool can give back what its input lacks; the gold as written still
    /// counts for `Score.exactAsWritten`.
    public struct KnownLosses: Decodable, Sendable {
        public struct Loss: Decodable, Sendable {
            public var document: String
            /// The lost characters and the gold text right around them, which
            /// must occur exactly once in the gold.
            public var before: String
            public var lost: String
            public var after: String

            public init(document: String, before: String, lost: String, after: String) {
                self.document = document; self.before = before; self.lost = lost; self.after = after
            }
        }
        public var extractors: [String]
        public var losses: [Loss]

        public init(extractors: [String], losses: [Loss]) {
            self.extractors = extractors
            self.losses = losses
        }

        /// `gold` without the losses listed for `document`; throws when a
        /// loss's text is not found exactly once (the list no longer fits).
        func allowing(in gold: String, document: String) throws -> String? {
            let mine = losses.filter { $0.document == document }
            guard !mine.isEmpty else { return nil }
            var adjusted = gold
            for loss in mine {
                let written = loss.before + loss.lost + loss.after
                let found = adjusted.ranges(of: written)
                guard found.count == 1 else {
                    throw DocNormError.invalidRules(file: "known-losses.json", line: nil,
                                                    reason: "\(document): '\(written)' occurs \(found.count) times in the gold, not once")
                }
                adjusted.replaceSubrange(found[0], with: loss.before + loss.after)
            }
            return adjusted
        }
    }

    /// One line of records.jsonl.
    public struct ExpectedRecord: Codable, Sendable, Hashable {
        public var table: String
        public var row: [String]
        public var column: [String]
        public var value: String
    }

    /// What one case scored.
    public struct Score: Sendable {
        public var exact: Bool
        /// The output equals gold.txt as written (no known loss allowed),
        /// and whether the gold scored against allowed any.
        public var exactAsWritten: Bool
        public var allowsLosses: Bool
        /// Character edits raw→gold and output→gold; gold's length in characters.
        public var editsBefore: Int
        public var editsAfter: Int
        public var goldCharacters: Int
        public var goldLines: Int, linesFound: Int
        public var goldHeadings: Int, headingsFound: Int
        public var goldTableRows: Int, tableRowsFound: Int
        public var goldValues: Int, valuesRight: Int
        /// Values right, or wrong or missing where the output says so: a
        /// failed arithmetic check on the value's row or column, or a cell
        /// left empty in a recognised table (reported as a missing value),
        /// or a diagnostic that names it unverified.
        public var valuesAccountedFor: Int
        /// Values right that the output still puts in doubt (a flag the
        /// user did not need): what flagging costs.
        public var valuesRightFlagged: Int
        /// Values right that no doubt names but a diagnostic of kind
        /// `unverified` does (`structure.ocr-unverified`: an OCR value no
        /// relation checks): the user is told they are unconfirmed, which
        /// is no false alarm, so they are counted apart from the flagged.
        public var valuesRightUnverified: Int = 0
        public var idempotent: Bool
        public var failed: Bool
        /// Gold values the output has wrong or lacks without saying so: the
        /// cases "values right or flagged" still misses, listed by
        /// `eval --misses`.
        public var unflagged: [Miss] = []
        /// Each value right but flagged, with what flags it (`flags`):
        /// listed by `eval --flagged`, to see which diagnostics cost most.
        public var rightFlagged: [(record: ExpectedRecord, by: [String])] = []
        /// Why the pipeline refused the extraction, when it `failed`.
        public var error: String? = nil
    }

    /// A gold value the output gets wrong or lacks, unflagged.
    public struct Miss: Sendable {
        public var expected: ExpectedRecord
        /// The output's value in the same cell of the same template, if any.
        public var found: String?
    }

    /// Sums over cases, for one extractor or overall.
    public struct Summary: Codable, Sendable, Equatable {
        public var cases = 0
        public var exact = 0
        /// Cases scored against a gold that allows known losses, and the
        /// cases exact against gold.txt as written.
        public var allowingLosses = 0, exactAsWritten = 0
        public var editsBefore = 0, editsAfter = 0, goldCharacters = 0
        public var goldLines = 0, linesFound = 0
        public var goldHeadings = 0, headingsFound = 0
        public var goldTableRows = 0, tableRowsFound = 0
        public var goldValues = 0, valuesRight = 0, valuesAccountedFor = 0, valuesRightFlagged = 0
        public var valuesRightUnverified = 0
        public var idempotent = 0
        public var failed = 0

        public init() {}

        mutating func add(_ s: Score) {
            cases += 1
            exact += s.exact ? 1 : 0
            exactAsWritten += s.exactAsWritten ? 1 : 0
            allowingLosses += s.allowsLosses ? 1 : 0
            editsBefore += s.editsBefore; editsAfter += s.editsAfter; goldCharacters += s.goldCharacters
            goldLines += s.goldLines; linesFound += s.linesFound
            goldHeadings += s.goldHeadings; headingsFound += s.headingsFound
            goldTableRows += s.goldTableRows; tableRowsFound += s.tableRowsFound
            goldValues += s.goldValues; valuesRight += s.valuesRight; valuesAccountedFor += s.valuesAccountedFor
            valuesRightFlagged += s.valuesRightFlagged
            valuesRightUnverified += s.valuesRightUnverified
            idempotent += s.idempotent ? 1 : 0
            failed += s.failed ? 1 : 0
        }

        static func share(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }
        public var exactRate: Double { Self.share(exact, cases) }
        public var cerBefore: Double { Self.share(editsBefore, goldCharacters) }
        public var cerAfter: Double { Self.share(editsAfter, goldCharacters) }
        public var lineRecall: Double { Self.share(linesFound, goldLines) }
        public var headingRecall: Double { Self.share(headingsFound, goldHeadings) }
        public var tableRowRecall: Double { Self.share(tableRowsFound, goldTableRows) }
        public var valueAccuracy: Double { Self.share(valuesRight, goldValues) }
        public var valuesRightOrFlagged: Double { Self.share(valuesAccountedFor, goldValues) }
        /// Of the values right, the share flagged all the same (lower is better).
        public var rightValuesFlagged: Double { valuesRight == 0 ? 0 : Double(valuesRightFlagged) / Double(valuesRight) }
        /// Of the values right, the share named unverified and not flagged (lower is better).
        public var rightValuesUnverified: Double { valuesRight == 0 ? 0 : Double(valuesRightUnverified) / Double(valuesRight) }
        public var idempotenceRate: Double { Self.share(idempotent, cases) }

        /// The measures a ratchet holds: higher is better for all but CER.
        public var measures: [(name: String, value: Double, higherIsBetter: Bool)] {
            [("exact", exactRate, true), ("cer-after", cerAfter, false), ("line-recall", lineRecall, true),
             ("heading-recall", headingRecall, true), ("table-row-recall", tableRowRecall, true),
             ("value-accuracy", valueAccuracy, true), ("values-right-or-flagged", valuesRightOrFlagged, true),
             ("right-values-flagged", rightValuesFlagged, false), ("right-values-unverified", rightValuesUnverified, false),
             ("idempotence", idempotenceRate, true)]
        }
    }

    /// Every case under `root` (Corpus/eval): each <doc>/extracted/*.txt and
    /// <doc>/extracted/chromium/*.txt, the extractor named by its path, with
    /// the gold allowing `root`/known-losses.json when there is one.
    public static func cases(in root: URL) throws -> [Case] {
        let fm = FileManager.default
        let known = try fm.contents(atPath: root.appendingPathComponent("known-losses.json").path)
            .map { try JSONDecoder().decode(KnownLosses.self, from: $0) }
        let documents = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        var result: [Case] = []
        for document in documents {
            let folder = root.appendingPathComponent(document)
            guard let gold = fm.contents(atPath: folder.appendingPathComponent("gold.txt").path) else { continue }
            // No records.jsonl would score the tables as holding no value:
            // refused, as a malformed one is (an empty file says "no tables").
            guard let recordBytes = fm.contents(atPath: folder.appendingPathComponent("records.jsonl").path) else {
                throw MissingGoldRecordsError(file: document + "/records.jsonl",
                                              exists: fm.fileExists(atPath: folder.appendingPathComponent("records.jsonl").path))
            }
            let records = try goldRecords([UInt8](recordBytes), file: document + "/records.jsonl")
            for sub in ["", "chromium/"] {
                let dir = folder.appendingPathComponent("extracted/" + sub)
                for name in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where name.hasSuffix(".txt") {
                    guard let input = fm.contents(atPath: dir.appendingPathComponent(name).path) else { continue }
                    let extractor = sub + String(name.dropLast(4))
                    let written = String(decoding: gold, as: UTF8.self)
                    var c = Case(document: document, extractor: extractor, input: [UInt8](input), gold: written, records: records)
                    if let known, known.extractors.contains(extractor), let allowing = try known.allowing(in: written, document: document) {
                        c.gold = allowing
                        c.goldAsWritten = written
                    }
                    result.append(c)
                }
            }
        }
        return result
    }

    /// A line of a records.jsonl that is no gold record. The scores are only
    /// as true as the gold: a record skipped would leave its value unscored.
    public struct GoldRecordError: Error, CustomStringConvertible {
        /// The file, relative to the corpus, and its 1-based line.
        public var file: String
        public var line: Int
        public var reason: String
        public var description: String { "\(file):\(line): not a gold record: \(reason)" }
    }

    /// A document with a gold.txt and no records.jsonl (or one that cannot be
    /// read): its value scores would count none of its tables' values.
    public struct MissingGoldRecordsError: Error, CustomStringConvertible {
        /// The file, relative to the corpus.
        public var file: String
        /// The path is there but cannot be read (a folder, no permission).
        public var exists: Bool
        public var description: String {
            exists ? "\(file): cannot read the gold records"
                : "\(file): no such file; a document with a gold.txt needs its records (Corpus/eval/tools/gen_records.py writes them; "
                + "an empty file when the report has no template table)"
        }
    }

    /// The records of a records.jsonl, one JSON object per line (blank lines
    /// allowed); throws for the first line that is not one.
    public static func goldRecords(_ bytes: [UInt8], file: String) throws -> [ExpectedRecord] {
        var records: [ExpectedRecord] = []
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
            let number = index + 1
            guard String(validating: line, as: UTF8.self) != nil else {
                throw GoldRecordError(file: file, line: number, reason: "not valid UTF-8")
            }
            if let syntax = JSONLocation.firstSyntaxError(in: Array(line)) {
                throw GoldRecordError(file: file, line: number, reason: "not valid JSON at column \(syntax.column): \(syntax.reason)")
            }
            do { records.append(try JSONDecoder().decode(ExpectedRecord.self, from: Data(line))) } catch {
                throw GoldRecordError(file: file, line: number, reason: JSONLocation.describe(error, in: String(decoding: line, as: UTF8.self)).reason)
            }
        }
        return records
    }

    /// Scores one case. `rawEdits` off skips the raw→gold distance (costly on
    /// scrambled input, and independent of docnorm).
    public static func score(_ c: Case, pipeline: Pipeline, rawEdits: Bool = true) -> Score {
        let goldDocument = try? pipeline.run(Array(c.gold.utf8))
        let goldHeadings = goldDocument.map(headings) ?? []
        let goldLines = c.gold.split(separator: "\n").map(String.init)
        let goldRows = goldLines.filter { $0.contains("\t") }
        let raw = (try? RawLines(c.input, pipeline: pipeline))?.lines.joined(separator: "\n") ?? String(decoding: c.input, as: UTF8.self)
        let before = rawEdits ? editDistance(raw, c.gold) : 0
        let document: Document
        do { document = try pipeline.run(c.input) } catch {
            return Score(exact: false, exactAsWritten: false, allowsLosses: c.goldAsWritten != nil, editsBefore: before, editsAfter: c.gold.unicodeScalars.count, goldCharacters: c.gold.unicodeScalars.count,
                         goldLines: goldLines.count, linesFound: 0, goldHeadings: goldHeadings.count, headingsFound: 0,
                         goldTableRows: goldRows.count, tableRowsFound: 0, goldValues: c.records.count, valuesRight: 0,
                         valuesAccountedFor: 0, valuesRightFlagged: 0, idempotent: false, failed: true,
                         unflagged: c.records.map { Miss(expected: $0, found: nil) }, error: "\(error)")
        }
        let output = TextRenderer.render(document)
        var outputLines: [String: Int] = [:]
        for line in output.split(separator: "\n") { outputLines[String(line), default: 0] += 1 }
        func found(_ lines: [String]) -> Int {
            var available = outputLines
            var n = 0
            for line in lines where (available[line] ?? 0) > 0 { available[line]! -= 1; n += 1 }
            return n
        }
        var outputHeadings: [String: Int] = [:]
        for h in headings(document) { outputHeadings[h, default: 0] += 1 }
        let headingsFound = goldHeadings.reduce(0) { n, h in
            guard (outputHeadings[h] ?? 0) > 0 else { return n }
            outputHeadings[h]! -= 1
            return n + 1
        }
        let values = Set(document.tables.flatMap { t in
            t.records.map { ExpectedRecord(table: t.templateID ?? "", row: $0.row, column: $0.column, value: $0.value) }
        })
        let right = c.records.filter { values.contains($0) }
        let unflagged = c.records.filter { !values.contains($0) && !flagged($0, in: document) && !unverified($0, in: document) }.map { r in
            Miss(expected: r, found: document.tables.lazy.filter { $0.templateID == r.table }
                .compactMap { $0.records.first { $0.row == r.row && $0.column == r.column }?.value }.first)
        }
        let again = (try? pipeline.run(Array(output.utf8))).map(TextRenderer.render)
        return Score(exact: output == c.gold, exactAsWritten: output == (c.goldAsWritten ?? c.gold),
                     allowsLosses: c.goldAsWritten != nil, editsBefore: before, editsAfter: editDistance(output, c.gold),
                     goldCharacters: c.gold.unicodeScalars.count,
                     goldLines: goldLines.count, linesFound: found(goldLines),
                     goldHeadings: goldHeadings.count, headingsFound: headingsFound,
                     goldTableRows: goldRows.count, tableRowsFound: found(goldRows),
                     goldValues: c.records.count, valuesRight: right.count,
                     valuesAccountedFor: c.records.count - unflagged.count,
                     valuesRightFlagged: right.filter { flagged($0, in: document) }.count,
                     valuesRightUnverified: right.filter { unverified($0, in: document) && !flagged($0, in: document) }.count,
                     idempotent: again == output, failed: false, unflagged: unflagged,
                     rightFlagged: right.compactMap { r in
                         let by = flags(r, in: document)
                         return by.isEmpty ? nil : (r, by)
                     })
    }

    /// Whether the output says that a gold value it does not have right is in
    /// doubt: its table (same template) left the cell empty, which stage 4
    /// reports as a missing value, or a relation failed on the value's row or
    /// column (a table with one unnamed data row: any relation; one whose
    /// failure one cell alone explains, `ArithmeticCheck.suspect`: that
    /// cell), or a
    /// suspicion names the cell, its row or column, or its whole table (a
    /// row's values placed by a guess, a table found but left as text).
    static func flagged(_ record: ExpectedRecord, in document: Document) -> Bool {
        if document.diagnostics.contains(where: { d in
            d.kind != .repair && d.kind != .unverified && d.cells?.covers(table: record.table, row: record.row, column: record.column) == true
        }) { return true }
        return document.tables.contains { table in
            guard table.templateID == record.table else { return false }
            if !table.records.contains(where: { $0.row == record.row && $0.column == record.column }) { return true }
            let subjects: Set<String> = [record.row.joined(separator: "/"), record.column.joined(separator: "/")]
            return table.checks.contains { check in
                !check.holds && (record.row.isEmpty || subjects.contains(check.subject))
                    && check.suspect.map { $0.row == record.row && $0.column == record.column } ?? true
            }
        }
    }

    /// Whether a diagnostic of kind `unverified` names the value's cell: the
    /// output tells the user that nothing checked it (not that it is in
    /// doubt). Counted toward "right or flagged", not as flagged.
    static func unverified(_ record: ExpectedRecord, in document: Document) -> Bool {
        document.diagnostics.contains { d in
            d.kind == .unverified && d.cells?.covers(table: record.table, row: record.row, column: record.column) == true
        }
    }

    /// What puts a value in doubt, as `flagged` reads the output: each
    /// diagnostic covering its cell (rule and the cells it names: table,
    /// row, column or cell), each failed relation on its row or column
    /// (check id and axis), or its cell left empty.
    static func flags(_ record: ExpectedRecord, in document: Document) -> [String] {
        var by: [String] = []
        for d in document.diagnostics where d.kind != .repair && d.kind != .unverified {
            guard let c = d.cells, c.covers(table: record.table, row: record.row, column: record.column) else { continue }
            let scope = c.row == nil ? (c.column == nil ? "table" : "column") : (c.column == nil ? "row" : "cell")
            by.append("\(d.rule)[\(scope)]")
        }
        for table in document.tables where table.templateID == record.table {
            if !table.records.contains(where: { $0.row == record.row && $0.column == record.column }) { by.append("empty-cell") }
            let row = record.row.joined(separator: "/"), column = record.column.joined(separator: "/")
            for check in table.checks where !check.holds {
                if let suspect = check.suspect {
                    if suspect.row == record.row && suspect.column == record.column { by.append("check:\(check.check)[cell]") }
                } else if record.row.isEmpty { by.append("check:\(check.check)[one-row]") }
                else if check.subject == row { by.append("check:\(check.check)[row]") }
                else if check.subject == column { by.append("check:\(check.check)[column]") }
            }
        }
        return by
    }

    /// Headings with their level, as "level text", for recall.
    static func headings(_ document: Document) -> [String] {
        document.blocks.compactMap { block in
            switch block.kind {
            case .heading(let level, _, let text): return "\(level) \(text)"
            case .paragraph(_, let runIn?): return "\(runIn.level) \(runIn.numbering.text)\(runIn.text)"
            default: return nil
            }
        }
    }

    /// The Levenshtein distance between two texts over Unicode scalars, the
    /// numerator of the character error rate. Not LineDiff.characterEdits:
    /// counted from an insert/delete script, that only bounds the distance
    /// and can grow while the distance falls.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        EditDistance(a, b).value
    }

    /// Per extractor and overall.
    public static func summarize(_ scored: [(Case, Score)]) -> (byExtractor: [String: Summary], overall: Summary) {
        var by: [String: Summary] = [:]
        var overall = Summary()
        for (c, s) in scored {
            by[c.extractor, default: Summary()].add(s)
            overall.add(s)
        }
        return (by, overall)
    }
}
