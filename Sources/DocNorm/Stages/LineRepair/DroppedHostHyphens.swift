/// Stage 2, `lines.dropped-hyphen-host`: pdftotext's default mode takes a
/// `-` that ends a line for a word's hyphenation, drops it and moves the
/// next line's first word up, so a host name cut after its `-` comes out
/// as one word, on a line about two lines wide:
///
///         …专栏：https://www.weichuanwater.com.cn/xxgk/…；96116供水服务热线（24
///         …信息公开邮箱：wcsw_xxgk@weichuanwater.com.cn；投诉监督邮箱：…
///
/// while the same report writes the host with its `-` where no line ended
/// inside it (`https://www.weichuan-water.com.cn/xxgk/index.html`). A host
/// label (between points, after `://`, `@` or a line's `www.`) without `-`
/// on a line wider than the text column, whose letters are those of a label
/// the document writes with a `-` elsewhere, gets the `-` back. The
/// spelling with the `-` is the document's own; a label the document
/// writes in two hyphenated spellings of the same letters is left as
/// written, and so is one written nowhere else (nothing tells it was cut).
extension LineRepair {
    /// The stretches with each host's dropped `-` restored: the same slices
    /// when none is (most documents: no wide line holds a host).
    /// `measured`: the lines' columns as `wrapEvidence` measured them
    /// (-1: not measured); a line changed here is no longer that wide.
    func restoreDroppedHostHyphens(_ segments: [ArraySlice<SourceLine>], fullWidth: Int?, measured: inout [[Int32]],
                                   context: PipelineContext) -> [ArraySlice<SourceLine>] {
        guard let full = fullWidth else { return segments }
        // Lines wide enough to hold a joined line and holding a host: few.
        // Read in place, the fields one by one (a line's copy retains its
        // strings: the cost of this pass, every line asked).
        var candidates: [(segment: Int, line: Int)] = []
        for s in segments.indices {
            let start = segments[s].startIndex
            for i in segments[s].indices {
                let extracted = segments[s][i].extractedColumns ?? 0
                guard max(extracted, segments[s][i].text.utf8.count) > full else { continue }
                let known = measured[s][i - start]
                if known >= 0, max(extracted, Int(known)) <= full { continue }
                func wideHost(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
                    guard Self.holdsHost(bytes) else { return false }
                    return max(extracted, known >= 0 ? Int(known) : Self.columns(utf8: bytes)) > full
                }
                let wide: Bool
                if let read = segments[s][i].text.utf8.withContiguousStorageIfAvailable(wideHost) {
                    wide = read
                } else {
                    var text = segments[s][i].text
                    wide = text.withUTF8(wideHost)
                }
                if wide { candidates.append((s, i)) }
            }
        }
        guard !candidates.isEmpty else { return segments }
        let hyphenated = hyphenatedLabels(segments)
        guard !hyphenated.isEmpty else { return segments }
        var result = segments
        for (s, i) in candidates {
            let text = result[s][i].text
            guard let fixed = restoredHostHyphens(text, hyphenated: hyphenated) else { continue }
            context.traced(.lines, "lines.dropped-hyphen-host", line: result[s][i].number, before: text, after: fixed)
            result[s][i].text = fixed
            measured[s][i - result[s].startIndex] = -1
        }
        return result
    }

    /// The document's host labels written with a `-`, by their letters
    /// without it (weichuanwater → weichuan-water); a spelling two labels
    /// share is left out (which of them was cut is unknown).
    func hyphenatedLabels(_ segments: [ArraySlice<SourceLine>]) -> [String: String] {
        var found: [String: String] = [:], ambiguous: Set<String> = []
        // Every line is asked, read in place: a `-` found with memchr, then
        // a place a host may stand (hostLabels finds none where holdsHost
        // does not); the generic `utf8.contains` walked each line byte by
        // byte (46.6 M of the 1 MB callgrind bench).
        func collect(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard offsetOfFirst(UInt8(ascii: "-"), in: bytes) < bytes.count, Self.holdsHost(bytes) else { return }
            for label in Self.hostLabels(bytes) where bytes[label].contains(UInt8(ascii: "-")) {
                let spelled = String(decoding: UnsafeBufferPointer(rebasing: bytes[label]), as: UTF8.self)
                let key = String(decoding: bytes[label].filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
                if let other = found[key], other != spelled { ambiguous.insert(key) }
                found[key] = spelled
            }
        }
        for segment in segments {
            for i in segment.indices where segment[i].text.utf8.withContiguousStorageIfAvailable(collect) == nil {
                var text = segment[i].text
                text.withUTF8(collect)
            }
        }
        for key in ambiguous { found[key] = nil }
        return found
    }

    /// `text` with each host label that is a hyphenated label's letters
    /// without its `-` written as that label; nil when none is.
    func restoredHostHyphens(_ text: String, hyphenated: [String: String]) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out = "", copied = 0, changed = false
            for label in Self.hostLabels(bytes) where !bytes[label].contains(UInt8(ascii: "-")) {
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[label]), as: UTF8.self)
                guard let spelled = hyphenated[key] else { continue }
                out += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<label.lowerBound]), as: UTF8.self) + spelled
                copied = label.upperBound
                changed = true
            }
            guard changed else { return nil }
            return out + String(decoding: UnsafeBufferPointer(rebasing: bytes[copied...]), as: UTF8.self)
        }
    }

    /// Whether `bytes` hold `://`, `@` or `www.`: where a host may stand
    /// (the test each wide line is put to; most hold none).
    /// Read eight bytes a step where none of them is ASCII (Han text, most
    /// of a wide line): such bytes hold none of the marks' first bytes
    /// (`@`, `:`, `w`), so the step skips no place a mark may start. A word
    /// with an ASCII byte is read byte by byte. (Byte by byte throughout,
    /// the test was ~940 instructions of each wide line.)
    static func holdsHost(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var i = 0
        while i < count {
            if i &+ 8 <= count,
               UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080 {
                i &+= 8
                continue
            }
            let stop = min(i &+ 8, count)
            while i < stop {
                let b = bytes[i]
                if b == UInt8(ascii: "@") { return true }
                if b == UInt8(ascii: ":"), i + 2 < count, bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/") { return true }
                if b | 0x20 == UInt8(ascii: "w"), i + 3 < count, bytes[i + 1] | 0x20 == UInt8(ascii: "w"), bytes[i + 2] | 0x20 == UInt8(ascii: "w"),
                   bytes[i + 3] == UInt8(ascii: ".") { return true }
                i += 1
            }
        }
        return false
    }

    /// The labels (runs of ASCII letters, digits and `-`, between points) of
    /// every host name in `bytes`: what follows `://` or `@`, or a `www.`
    /// that no letter, digit or point precedes, up to the first byte that is
    /// none of those; a host has a point. A label's `-` at its ends is not
    /// its own (a line cut after it), so a label keeps only inner ones.
    static func hostLabels(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        func isLabelByte(_ b: UInt8) -> Bool { (b | 0x20) &- UInt8(ascii: "a") < 26 || b &- 0x30 < 10 || b == UInt8(ascii: "-") }
        let point = UInt8(ascii: "."), count = bytes.count
        var labels: [Range<Int>] = []
        var i = 0
        while i < count {
            let b = bytes[i]
            var start: Int?
            if b == UInt8(ascii: "@") {
                start = i + 1
            } else if b == UInt8(ascii: ":"), i + 2 < count, bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/") {
                start = i + 3
            } else if b | 0x20 == UInt8(ascii: "w"), i + 3 < count, bytes[i + 1] | 0x20 == UInt8(ascii: "w"), bytes[i + 2] | 0x20 == UInt8(ascii: "w"),
                      bytes[i + 3] == point, i == 0 || !(isLabelByte(bytes[i - 1]) || bytes[i - 1] == point || bytes[i - 1] == UInt8(ascii: "/")) {
                start = i
            }
            guard let first = start else { i += 1; continue }
            var end = first
            while end < count, isLabelByte(bytes[end]) || bytes[end] == point { end += 1 }
            if bytes[first..<end].contains(point) {
                var k = first
                while k < end {
                    var e = k
                    while e < end, bytes[e] != point { e += 1 }
                    var a = k, z = e
                    while a < z, bytes[a] == UInt8(ascii: "-") { a += 1 }
                    while z > a, bytes[z - 1] == UInt8(ascii: "-") { z -= 1 }
                    if a < z { labels.append(a..<z) }
                    k = e + 1
                }
            }
            i = max(end, i + 1)
        }
        return labels
    }
}
