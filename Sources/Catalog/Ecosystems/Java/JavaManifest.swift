/// The two small text formats inside Java archives.
enum JavaManifest {
    /// The main section of a `MANIFEST.MF`: `Name: value` lines up to the first blank
    /// line, where a line starting with one space continues the previous value.
    static func mainAttributes(_ bytes: [UInt8]) -> [String: String] {
        var attributes: [String: String] = [:]
        var lastKey: String?
        for line in String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.isEmpty {
                if lastKey != nil { break }
                continue
            }
            if line.hasPrefix(" "), let key = lastKey {
                attributes[key, default: ""] += line.dropFirst()
            } else if let colon = line.firstIndex(of: ":") {
                let key = String(line[..<colon])
                attributes[key] = line[line.index(after: colon)...].trimmed
                lastKey = key
            }
        }
        return attributes
    }

    /// A `.properties` file's `key=value` (or `key: value`) pairs; `#` and `!` start comments.
    static func properties(_ bytes: [UInt8]) -> [String: String] {
        var properties: [String: String] = [:]
        for rawLine in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmed
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("!"),
                  let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            properties[line[..<separator].trimmed] = line[line.index(after: separator)...].trimmed
        }
        return properties
    }
}
