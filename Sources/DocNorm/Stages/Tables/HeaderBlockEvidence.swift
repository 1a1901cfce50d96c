/// `tables.reading-order`'s tie-breaker for column blocks: the header text
/// drawn right before a run of a table's numbers, as evidence of which
/// columns every number of that run stands in.
///
/// pdftotext -raw reads LibreOffice's rows right under table 三's header
/// block by block, each after its header cell (自⏎然⏎人 0 0 0, 商业⏎企业 3 0 3,
/// past a page break 其⏎他 0 3 …): one value per row of the block, so the
/// run is several rows of the columns its piece names, not a value per
/// column (`HeaderPieceEvidence`, which counts them, tells nothing here).
/// In a sparse table whose few values stand in one column, the blocks can
/// be read in any order and every order holds in the arithmetic; the
/// header text says which column the values are.
///
/// Only a piece made of header text names columns: every line of it with a
/// Han character is made of the template's column labels' characters (a
/// row label's piece, prose, or the whole header with the row labels
/// before the first number, tells nothing), and it names one column or
/// more (`HeaderPieceEvidence.columns(of:)`). The run's first numbers,
/// as many as the columns named, are its block's first row (or, read down,
/// its first column's): they stand in those columns. The run may go on
/// past the block (the rows after it, a blank line between their values,
/// are one run with it): those numbers tell nothing. A reading agrees when
/// every such number stands in a column its piece names.
struct HeaderBlockEvidence {
    /// The first numbers of a run (token indices) and the column labels its piece names.
    struct Block {
        var tokens: [Int]
        var columns: Set<String>
    }

    let blocks: [Block]

    init(lines: ArraySlice<SourceLine>, tokens: [ReadingOrderRecovery.Token], labels: [String], index: HeaderPieceEvidence.LabelIndex) {
        let runs = HeaderPieceEvidence.runs(lines: lines, tokens: tokens) { _ in true } ?? []
        blocks = runs.compactMap { run in
            let texts = run.piece.map { $0.joined() }.filter { $0.unicodeScalars.contains { $0.properties.isIdeographic } }
            guard !texts.isEmpty, texts.allSatisfy({ $0.allSatisfy(index.alphabet.contains) }) else { return nil }
            let columns = HeaderPieceEvidence.columns(of: run.piece, labels: labels, index: index)
            guard !columns.isEmpty else { return nil }
            return Block(tokens: Array(run.tokens.prefix(columns.count)), columns: Set(columns.joined()))
        }
    }

    /// Every number of every block stands in a column its piece names, as
    /// `label(token)` gives the reading's columns (nil: a dropped token).
    func agrees(_ label: (Int) -> String?) -> Bool {
        blocks.allSatisfy { block in block.tokens.allSatisfy { token in label(token).map(block.columns.contains) ?? true } }
    }
}
