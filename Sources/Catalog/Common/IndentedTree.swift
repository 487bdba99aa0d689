/// One line of an indentation-structured lockfile (yarn v1, yarn berry, pnpm) with the
/// lines indented below it. Only the subset these lockfiles use is understood: one
/// mapping entry or scalar per line, quoted or bare, `key: value` or yarn v1's `key value`.
struct IndentedNode: Sendable {
    /// The key as written, with quotes removed when the whole key is one quoted string.
    var key: String
    /// The inline value (unquoted), if any.
    var value: String?
    var children: [IndentedNode] = []
    /// The 1-based line number.
    var line: Int

    /// The first child with key `key`.
    func child(_ key: String) -> IndentedNode? {
        children.first { $0.key == key }
    }
}

/// Parses indentation-structured lockfiles into ``IndentedNode`` trees.
enum IndentedTree {
    /// The top-level nodes of `lines`; comment and blank lines are skipped.
    static func parse(_ lines: [Substring]) -> [IndentedNode] {
        var stack: [(indent: Int, node: IndentedNode)] = [(-1, IndentedNode(key: "", line: 0))]
        for (offset, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent).trimmed
            if content.isEmpty || content.hasPrefix("#") { continue }
            let node = entry(content, line: offset + 1)
            while stack.count > 1, stack[stack.count - 1].indent >= indent {
                let done = stack.removeLast().node
                stack[stack.count - 1].node.children.append(done)
            }
            stack.append((indent, node))
        }
        while stack.count > 1 {
            let done = stack.removeLast().node
            stack[stack.count - 1].node.children.append(done)
        }
        return stack[0].node.children
    }

    /// One line's key and value.
    private static func entry(_ content: String, line: Int) -> IndentedNode {
        if content.hasSuffix(":") {
            return IndentedNode(key: unquote(String(content.dropLast()).trimmed), line: line)
        }
        var key: String
        var rest: Substring
        if let quote = content.first, quote == "\"" || quote == "'" {
            let body = content.dropFirst()
            let close = body.firstIndex(of: quote) ?? body.endIndex
            key = String(body[..<close])
            rest = close == body.endIndex ? "" : body[body.index(after: close)...]
        } else {
            let end = content.firstIndex { $0 == " " || $0 == "\t" } ?? content.endIndex
            key = String(content[..<end])
            rest = content[end...]
            if key.hasSuffix(":") { key.removeLast() }
        }
        var value = rest.trimmed
        if value.hasPrefix(":") { value = String(value.dropFirst()).trimmed }
        return IndentedNode(key: key, value: value.isEmpty ? nil : unquote(value), line: line)
    }

    /// `text` without one pair of surrounding quotes.
    static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else { return text }
        return String(text.dropFirst().dropLast())
    }
}
