import Testing
@testable import DocNorm

/// `lines.cut-heading-tail`: Tesseract emits the left and right blocks of a
/// stretch one after the other, so a run-in heading comes out cut inside its
/// title, its tail opening a later block (`column`: 40 columns, a first line
/// 36).
@Suite struct CutHeadingTailTests {
    func text(_ input: String) throws -> String { try canonical(Array(input.utf8)) }
    /// Run-in headings closed by ：, the third cut after 政府信息管 (14
    /// columns), a block of another line's right piece between it and its
    /// tail (22 columns: the two a first line wide).
    func input(tail: String = "理情况：我局印发了办法", siblings: String = "（一）主动公开情况：全年公开信息十二条。\n\n") -> String {
        column + "\n" + siblings + "（二）政府信息管\n\n公益林补偿资金\n\n" + tail + "\n\n（三）平台建设情况：新增专题两个。\n"
    }

    @Test func tailInALaterBlockGoesBackAfterTheHeadingsStart() throws {
        let output = try text(input())
        #expect(output.contains("（二）政府信息管理情况：我局印发了办法"))
        #expect(!output.contains("\n理情况："))
        #expect(try document(input(), tracing: true).trace.contains { $0.rule == "lines.cut-heading-tail" })
    }

    /// The left block holds the paragraph's next lines' left pieces after the
    /// heading's start, the tail's block their right pieces: paired while each
    /// pair is the column wide (40), the last ending the sentence.
    @Test func nextLinesLeftAndRightPiecesArePaired() throws {
        let input = column + "\n（一）主动公开情况：全年公开信息十二条。\n\n（二）政府信息管\n编制信息公开指南，\n息公开工作机构\n\n"
            + "理情况：我局按照条例\n明确党政办公室为政府信\n实行一事一审。\n\n（三）平台建设情况：新增专题两个。\n"
        let output = try text(input)
        #expect(output.contains("（二）政府信息管理情况：我局按照条例编制信息公开指南，明确党政办公室为政府信息公开工作机构实行一事一审。\n"))
    }

    /// A block whose run-in closer stands past `maxTailColumns` (12) is no
    /// tail, though the two would make a first line (`runInCloser` stops
    /// reading there); one within is.
    @Test func aCloserPastTheTailsWidthIsNoTail() throws {
        #expect(!(try text(input(tail: "理情况管理情况：我局印"))).contains("政府信息管理情况"))
        let repair = pipeline.lineRepair
        let closers = try #require(repair.cutHeadingClosers)
        #expect(repair.runInCloser("理情况管理情况：我局印", closers: closers, within: 12) == nil)
        let found = try #require(repair.runInCloser("理情况管理情况：我局印", closers: closers))
        #expect(found.mark == "：" && found.columns == 16 && found.followed)
        let within = try #require(repair.runInCloser("理情况：我局印发了办法", closers: closers, within: 12))
        #expect(within.mark == "：" && within.columns == 8 && within.followed)
        #expect(repair.runInCloser("理情况，我局：印发", closers: closers) == nil)
        #expect(repair.runInCloser("理情况：", closers: closers).map { $0.followed } == false)
    }

    /// Nothing moves where the document's headings of that level are no
    /// run-in headings, where the two would not make a first line, or where
    /// two blocks could be the tail.
    @Test func nothingMovesWithoutTheEvidence() throws {
        let standalone = try text(column + "\n（一）主动公开情况\n\n全年公开信息十二条。\n\n（二）政府信息管\n\n公益林补偿资金\n\n"
            + "理情况：我局印发了办法\n\n（三）平台建设情况\n\n新增专题两个。\n")
        #expect(!standalone.contains("政府信息管理情况"))
        let short = try text(input(tail: "理情况：我局"))
        #expect(!short.contains("政府信息管理情况"))
        let two = try text(input(tail: "理情况：我局印发了办法\n\n理情况：我局印发了规定"))
        #expect(!two.contains("政府信息管理情况"))
    }
}
