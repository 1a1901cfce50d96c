extension CharacterNormalizer {
    /// `normalize.punctuation` again on a line stage 2 joined from several:
    /// punctuation follows its context, and joining gives a line-end mark a
    /// new neighbour (…gov.cn/tj) at a line end, 查阅 on the next line →
    /// …gov.cn/tj）查阅). Without this, normalizing the output again would
    /// change it. Nil when nothing changes.
    func repunctuated(_ text: String) -> String? {
        // Most joined lines are settled already: asked of the UTF-8 in one
        // pass, without decoding the paragraph into an array first.
        if let settled = text.utf8.withContiguousStorageIfAvailable({ settledWithoutParentheses(utf8: $0) }), settled { return nil }
        // Decoded from the UTF-8 in one pass (mapping the scalars counted them first).
        var s = scalarValues(text)
        guard hasPunctuationCandidate(s, 0..<s.count) else { return nil }
        guard contextualPunctuation(&s, 0..<s.count) else { return nil }
        return string(canonicalSpacing(s))
    }

    /// `settledWithoutParentheses` of the whole text, read off its UTF-8 in
    /// one forward pass: each candidate waits for the next character that is
    /// not a space or TAB (its neighbour after) and is judged then, with the
    /// one before it remembered. True also for a text without candidates,
    /// which `repunctuated` leaves alone as well; false means only "not
    /// known to be settled".
    func settledWithoutParentheses(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return true }
        // (Rules that make a blank or a line break a candidate: not known to
        // be settled, the caller's full path judges.)
        if punctuationCandidates.contains(0x20) || punctuationCandidates.contains(0x09) || punctuationCandidates.contains(0x0A) { return false }
        let n = bytes.count
        var before: UInt32? = nil  // the last character that is no blank, on this line
        var waiting: (c: UInt32, before: UInt32?)? = nil
        // Where the last character that is no blank starts when it is a Han
        // character stepped over undecoded (it is `before` then).
        var hanBefore: Int? = nil
        let hanIsInert = classes.unifiedIdeographsAreInert
        var i = 0
        while i < n {
            let b = UInt32(p[i])
            if hanIsInert && waiting == nil && (b &- 0xE5 <= 0xE9 - 0xE5 || (b == 0xE4 && p[i &+ 1] >= 0xB8)) {
                // U+4E00…U+9FFF (most of a paragraph; E4 B8…BF is U+4E00…
                // U+4FFF, 一 中 人 会 among them): no candidate, and no
                // candidate waits for it as its neighbour; decoded only if
                // one follows it. The run of them stepped over in a loop of
                // its own: each step of the outer loop asked again what no
                // Han character changes (`hanIsInert`, `waiting`), and set
                // `hanBefore` at each; the run's last is the one it keeps.
                repeat { i &+= 3 } while i < n && (p[i] &- 0xE5 <= 0xE9 - 0xE5 || (p[i] == 0xE4 && p[i &+ 1] >= 0xB8))
                hanBefore = i &- 3
                continue
            }
            let v: UInt32
            if b < 0x80 {
                v = b; i &+= 1
            } else if b < 0xE0 {
                v = (b & 0x1F) << 6 | UInt32(p[i &+ 1] & 0x3F); i &+= 2
            } else if b < 0xF0 {
                v = (b & 0x0F) << 12 | UInt32(p[i &+ 1] & 0x3F) << 6 | UInt32(p[i &+ 2] & 0x3F); i &+= 3
            } else {
                v = (b & 0x07) << 18 | UInt32(p[i &+ 1] & 0x3F) << 12 | UInt32(p[i &+ 2] & 0x3F) << 6 | UInt32(p[i &+ 3] & 0x3F)
                i &+= 4
            }
            if v == 0x20 || v == 0x09 { continue }
            if v == 0x0A {
                // Context stops at a line's end.
                if let w = waiting, punctuationRewrite(w.c, before: w.before, after: nil) != nil { return false }
                waiting = nil
                before = nil
                hanBefore = nil
                continue
            }
            if let w = waiting {
                if punctuationRewrite(w.c, before: w.before, after: v) != nil { return false }
                waiting = nil
            }
            if punctuationCandidates.contains(v) {
                if v == 0x28 || v == 0x29 { return false }
                if v != 0xFF08 && v != 0xFF09 {
                    if let h = hanBefore { before = decodeUTF8Scalar(bytes, at: h).value }
                    waiting = (v, before)
                }
            }
            before = v
            hanBefore = nil
        }
        if let w = waiting, punctuationRewrite(w.c, before: w.before, after: nil) != nil { return false }
        return true
    }
}
