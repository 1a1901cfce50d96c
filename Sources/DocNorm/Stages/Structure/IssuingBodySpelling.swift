/// Stage 4, `structure.issuing-body-spelling` (Rules/structure.json
/// `reportNames.bodySpelling`): the issuing body read from the title,
/// against the organ names the text repeats where a report names its
/// author — a paragraph that is the name alone (the closing signature) or a
/// name right before a year (…局2021年政府信息公开工作年度报告), among the
/// first blocks after the title and the last ones.
///
/// OCR misreads a rare character of a place name, and not always the same
/// way (held-out jinshui-zjj-2021: title 结水县住房和城乡建设局, signature
/// 绍水县住房和城乡建设局, gold 缙): the JSON's issuing body carried the
/// title's misreading without a word. A name of the title body's length
/// ending in its last two characters (the organ: 局, 政府) that differs from
/// it in 1 to `maxDifferences` Han characters is the same organ spelt
/// otherwise, and both spellings are reported (a suspicion: one of them is
/// misread). Where the text repeats one other spelling only, at least
/// `minRepeats` times, and the title's appears nowhere in the text, the
/// issuing body takes that spelling (a repair, traced).
extension StructureRecovery {
    func checkIssuingBodySpelling(_ metadata: inout DocumentMetadata, blocks: [Block], context: PipelineContext) {
        guard let limits = self.rules.bodySpelling, let body = metadata.issuingBody, let first = blocks.first,
              case .title(let title) = first.kind, title.utf8.starts(with: body.utf8) else { return }
        let name = BodyName(body)
        guard name.scalars.count >= 4 else { return }
        let opening = blocks.indices.dropFirst().prefix(limits.openingBlocks)
        let closing = blocks.indices.suffix(limits.closingBlocks).filter { $0 > (opening.last ?? 0) }
        var spellings: [(text: String, count: Int, line: Int)] = []
        for b in Array(opening) + closing {
            guard var text = Self.proseText(blocks[b]) else { continue }
            let found = text.withUTF8 { Self.variants(of: name, in: $0, maxDifferences: limits.maxDifferences) }
            for variant in found {
                if let k = spellings.firstIndex(where: { $0.text == variant }) { spellings[k].count += 1 }
                else { spellings.append((variant, 1, blocks[b].lines.lowerBound)) }
            }
        }
        guard !spellings.isEmpty else { return }
        let named = spellings.map { "'\($0.text)' (\($0.count)×, line \($0.line))" }.joined(separator: ", ")
        if spellings.count == 1, spellings[0].count >= limits.minRepeats,
           !blocks.dropFirst().contains(where: { Self.proseText($0)?.holdsUTF8(name.bytes) == true }) {
            let spelling = spellings[0].text
            context.traced(.structure, "structure.issuing-body-spelling", line: first.lines.lowerBound, before: body, after: spelling)
            context.report(.structure, "structure.issuing-body-spelling", .repair,
                           "the issuing body '\(body)' read from the title is spelt \(named) where the text names its author, "
                           + "and nowhere else as the title has it: OCR misread the title, the issuing body is '\(spelling)'",
                           line: first.lines.lowerBound)
            metadata.issuingBody = spelling
            return
        }
        context.report(.structure, "structure.issuing-body-spelling", .suspicion,
                       "the issuing body '\(body)' read from the title is spelt \(named) where the text names its author: "
                       + "one of the spellings is misread (OCR); the issuing body keeps the title's, check it against the source",
                       line: first.lines.lowerBound)
    }

    /// A paragraph's or heading's text; nil for the other blocks.
    static func proseText(_ block: Block) -> String? {
        switch block.kind {
        case .paragraph(let text, _): return text
        case .heading(_, _, let text): return text
        default: return nil
        }
    }

    /// The title's issuing body as UTF-8, with where each scalar starts.
    struct BodyName {
        var bytes: [UInt8]
        var scalars: [(offset: Int, value: UInt32)]

        init(_ body: String) {
            let bytes = Array(body.utf8)
            var scalars: [(offset: Int, value: UInt32)] = []
            bytes.withUnsafeBufferPointer { b in
                var i = 0
                while i < b.count {
                    let s = decodeUTF8Scalar(b, at: i)
                    scalars.append((i, s.value))
                    i += s.length
                }
            }
            self.bytes = bytes
            self.scalars = scalars
        }
    }

    /// The spellings of `name` in `text` other than its own, where a report
    /// names its author: `text` is the name alone, or the name stands right
    /// before a year (spaces, four ASCII digits, 年). The same bytes long,
    /// the same last two scalars (the organ: 局, 政府), 1 to
    /// `maxDifferences` other scalars different, each a Han character in
    /// both. Read on the bytes, each candidate found by the name's last
    /// byte with `memchr`: the check runs on every document's first and
    /// last blocks (a scalar array of each was 36 M instructions of the
    /// 1 MB bench).
    static func variants(of name: BodyName, in text: UnsafeBufferPointer<UInt8>, maxDifferences: Int) -> [String] {
        let n = name.bytes.count
        guard text.count >= n, let lastByte = name.bytes.last else { return [] }
        var found: [String] = []
        var from = n - 1
        while from < text.count {
            let k = offsetOfFirst(lastByte, in: UnsafeBufferPointer(rebasing: text[from...]))
            let at = from + k
            guard at < text.count else { break }
            from = at + 1
            let start = at + 1 - n
            guard text.count == n || yearFollows(text, at: at + 1) else { continue }
            var differences = 0
            for (j, scalar) in name.scalars.enumerated() {
                // A window cut inside one of the text's scalars is no name.
                guard text[start + scalar.offset] & 0xC0 != 0x80 else { differences = -1; break }
                let read = decodeUTF8Scalar(text, at: start + scalar.offset)
                let length = (j + 1 < name.scalars.count ? name.scalars[j + 1].offset : n) - scalar.offset
                guard read.length == length else { differences = -1; break }
                guard read.value != scalar.value else { continue }
                guard j < name.scalars.count - 2, isHanIdeograph(read.value), isHanIdeograph(scalar.value) else { differences = -1; break }
                differences += 1
            }
            guard differences >= 1, differences <= maxDifferences else { continue }
            found.append(String(decoding: UnsafeBufferPointer(rebasing: text[start...at]), as: UTF8.self))
        }
        return found
    }

    static func isHanIdeograph(_ value: UInt32) -> Bool { (0x4E00...0x9FFF).contains(value) }

    /// Spaces, then four ASCII digits, spaces, then 年 (E5 B9 B4), from `at`.
    static func yearFollows(_ text: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        var i = at
        while i < text.count, text[i] == 0x20 { i += 1 }
        for _ in 0..<4 {
            guard i < text.count, text[i] &- 0x30 < 10 else { return false }
            i += 1
        }
        while i < text.count, text[i] == 0x20 { i += 1 }
        return i + 2 < text.count && text[i] == 0xE5 && text[i + 1] == 0xB9 && text[i + 2] == 0xB4
    }
}
