extension OutputFormat {
    /// The file extension batch gives outputs in this format. Keyed by raw
    /// value so formats added later get a sensible default (their own name).
    var fileExtension: String {
        ["text": "txt", "json": "json", "markdown": "md"][rawValue] ?? rawValue
    }
}
