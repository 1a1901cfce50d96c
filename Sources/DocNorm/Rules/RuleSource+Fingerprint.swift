import FoundationEssentials

extension RuleSource {
    /// A hash of every rule file this source supplies (names and contents), so
    /// a batch run can tell that outputs made under other rules are stale. The
    /// built-in rules and a folder holding the same files hash alike.
    public func fingerprint() throws -> String {
        var files: [(name: String, text: [UInt8])] = []
        switch self {
        case .builtin:
            files = BuiltinRules.files.map { ($0.key, Array($0.value.utf8)) }
        case .directory(let dir):
            let paths: [String]
            do { paths = try FileManager.default.subpathsOfDirectory(atPath: dir) } catch {
                throw DocNormError.invalidRules(file: dir, line: nil, reason: "cannot list the folder")
            }
            for path in paths where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                let full = dir + "/" + path
                if (try? FileManager.default.contentsOfDirectory(atPath: full)) != nil { continue }
                guard let data = FileManager.default.contents(atPath: full) else { continue }
                files.append((path, [UInt8](data)))
            }
        }
        var hash = FNV1a64()
        for file in files.sorted(by: { $0.name < $1.name }) {
            hash.combine(Array(file.name.utf8))
            hash.combine([0])
            hash.combine(file.text)
            hash.combine([0])
        }
        return hash.hex
    }
}
