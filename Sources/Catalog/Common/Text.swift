extension ResolvedFile {
    /// How far into a file a NUL byte marks it as binary rather than text.
    static let binaryProbeLength = 8192

    /// The content as text; invalid UTF-8 is replaced, a NUL byte near the start means it is not text.
    func text() throws(FileFormatError) -> String {
        try checkIsText()
        return String(decoding: content, as: UTF8.self)
    }

    /// The content's lines (LF or CRLF endings), invalid UTF-8 replaced.
    func lines() throws(FileFormatError) -> [Substring] {
        try checkIsText()
        var lines: [Substring] = []
        var start = content.startIndex
        while start < content.endIndex {
            let end = content[start...].firstIndex(of: UInt8(ascii: "\n")) ?? content.endIndex
            var lineEnd = end
            if lineEnd > start, content[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            lines.append(Substring(String(decoding: content[start..<lineEnd], as: UTF8.self)))
            start = end == content.endIndex ? end : end + 1
        }
        return lines
    }

    private func checkIsText() throws(FileFormatError) {
        if content.prefix(Self.binaryProbeLength).contains(0) {
            throw FileFormatError("binary content where text was expected")
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmed: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// The path's parent directory (`/a/b/c` → `/a/b`).
    var parentPath: String {
        guard let slash = lastIndex(of: "/") else { return "" }
        return String(self[..<slash])
    }

    /// The path's last component.
    var lastPathComponent: String {
        guard let slash = lastIndex(of: "/") else { return self }
        return String(self[index(after: slash)...])
    }
}
