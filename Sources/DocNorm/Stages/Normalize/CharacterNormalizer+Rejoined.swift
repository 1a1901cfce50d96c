extension CharacterNormalizer {
    /// `normalize.punctuation` again on a line stage 2 joined from several:
    /// punctuation follows its context, and joining gives a line-end mark a
    /// new neighbour (…gov.cn/tj) at a line end, 查阅 on the next line →
    /// …gov.cn/tj）查阅). Without this, normalizing the output again would
    /// change it. Nil when nothing changes.
    func repunctuated(_ text: String) -> String? {
        // Decoded from the UTF-8 in one pass (mapping the scalars counted them first).
        var s = scalarValues(text)
        guard hasPunctuationCandidate(s, 0..<s.count) else { return nil }
        guard contextualPunctuation(&s, 0..<s.count) else { return nil }
        return string(canonicalSpacing(s))
    }
}
