/// Documents of a given size and shape for the scaling report: ordinary
/// reports concatenated, and the pathological shapes of issue 6. Each is made
/// at two sizes so the report can show that time per MB stays flat.
enum BenchShape: String, CaseIterable {
    /// Ordinary reports concatenated into one document.
    case prose
    /// One line, no line break at all (extracted text with its breaks lost).
    case longLine = "long-line"
    /// Many short lines (a million at 10 MB).
    case shortLines = "short-lines"
    /// Paragraphs separated by 10,000 consecutive blank lines.
    case blankLines = "blank-lines"
    /// The same headings repeated over and over, at every numbering level.
    case repeatedHeadings = "repeated-headings"
    /// Tables of 5,000 TAB-separated rows each.
    case table

    /// About `bytes` bytes of this shape.
    func make(bytes target: Int, seeds: [[UInt8]], numbers: BenchNumbers = .scaled) -> [UInt8] {
        switch self {
        case .prose:
            return BenchCorpus.concatenated(bytes: target, seeds: seeds, numbers: numbers)
        case .longLine:
            var line = BenchCorpus.concatenated(bytes: target + 65_536, seeds: seeds, numbers: numbers)
            line.removeAll { $0 == 0x0A || $0 == 0x0D }
            // Cut at a scalar boundary.
            var end = min(target, line.count)
            while end < line.count && line[end] & 0xC0 == 0x80 { end += 1 }
            return Array(line[..<end]) + [0x0A]
        case .shortLines:
            return repeated(to: target) { i in "数据\(i % 1000)\n" }
        case .blankLines:
            let blanks = String(repeating: "\n", count: 10_000)
            return repeated(to: target) { i in
                "\(i + 1)、本机关主动公开政府信息\(i)条，其中规范性文件\(i % 97)件，办理依申请公开\(i % 13)件。" + blanks
            }
        case .repeatedHeadings:
            let headings = ["一、总体情况", "（一）主动公开", "1.政策文件", "（1）规范性文件", "二、主动公开政府信息情况"]
            return repeated(to: target) { i in headings[(i / 50) % headings.count] + "\n\n" }
        case .table:
            return repeated(to: target) { i in
                let row = i % 5_001
                if row == 0 { return "第\(i / 5_001 + 1)表\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n" }
                return "规章\(row)\t\(row % 17)\t\(row % 5)\t\(row * 3 % 1000)\n"
            }
        }
    }

    private func repeated(to target: Int, _ piece: (Int) -> String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(target + 1_024)
        var i = 0
        while result.count < target {
            result += piece(i).utf8
            i += 1
        }
        return result
    }
}
