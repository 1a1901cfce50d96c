extension OutputFormat {
    /// The file extension batch gives outputs in this format. A switch, not
    /// a dictionary literal: the literal was built on every call, twice per
    /// input of a batch (its clash check, serial before the workers start,
    /// spent 21 M instructions on it for 2,762 inputs).
    var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .json: return "json"
        case .markdown: return "md"
        }
    }
}
