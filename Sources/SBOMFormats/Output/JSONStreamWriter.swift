/// Writes a JSON document incrementally, indented by two spaces, with keys in
/// the order the caller gives them (callers give them sorted) and nested
/// ``JSONNode`` values written with sorted keys. Slashes are not escaped.
final class JSONStreamWriter {
    private let out: BufferedWriter
    /// One entry per open container: whether it has an element yet.
    private var hasElements: [Bool] = []

    init(sink: any SBOMOutputSink) {
        out = BufferedWriter(sink: sink)
    }

    /// Opens an object as the next value.
    func beginObject() throws {
        try out.write(UInt8(ascii: "{"))
        hasElements.append(false)
    }

    /// Opens an array as the next value.
    func beginArray() throws {
        try out.write(UInt8(ascii: "["))
        hasElements.append(false)
    }

    /// Closes the innermost object.
    func endObject() throws { try close(UInt8(ascii: "}")) }

    /// Closes the innermost array.
    func endArray() throws { try close(UInt8(ascii: "]")) }

    /// Starts an object member; its value follows.
    func key(_ name: String) throws {
        try separate()
        try writeString(name)
        try out.write(": ")
    }

    /// Starts the next array element; its value follows.
    func element() throws { try separate() }

    /// Writes a complete value at the current position.
    func value(_ node: JSONNode) throws { try write(node, depth: hasElements.count) }

    /// A member with a complete value.
    func member(_ name: String, _ node: JSONNode) throws {
        try key(name)
        try value(node)
    }

    /// Ends the document with a newline and flushes.
    func finish() throws {
        try out.write(UInt8(ascii: "\n"))
        try out.flush()
    }

    private func separate() throws {
        if hasElements[hasElements.count - 1] { try out.write(UInt8(ascii: ",")) }
        hasElements[hasElements.count - 1] = true
        try newline(depth: hasElements.count)
    }

    private func close(_ bracket: UInt8) throws {
        let had = hasElements.removeLast()
        if had { try newline(depth: hasElements.count) }
        try out.write(bracket)
    }

    private func newline(depth: Int) throws {
        try out.write(UInt8(ascii: "\n"))
        for _ in 0..<depth { try out.write("  ") }
    }

    private func write(_ node: JSONNode, depth: Int) throws {
        switch node {
        case .string(let text): try writeString(text)
        case .int(let number): try out.write(String(number))
        case .bool(let flag): try out.write(flag ? "true" : "false")
        case .null: try out.write("null")
        case .array(let items):
            guard !items.isEmpty else { return try out.write("[]") }
            try out.write(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { try out.write(UInt8(ascii: ",")) }
                try newline(depth: depth + 1)
                try write(item, depth: depth + 1)
            }
            try newline(depth: depth)
            try out.write(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return try out.write("{}") }
            try out.write(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { try out.write(UInt8(ascii: ",")) }
                try newline(depth: depth + 1)
                try writeString(key)
                try out.write(": ")
                try write(members[key]!, depth: depth + 1)
            }
            try newline(depth: depth)
            try out.write(UInt8(ascii: "}"))
        }
    }

    private func writeString(_ text: String) throws {
        try out.write(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): try out.write("\\\"")
            case UInt8(ascii: "\\"): try out.write("\\\\")
            case 0x0a: try out.write("\\n")
            case 0x0d: try out.write("\\r")
            case 0x09: try out.write("\\t")
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                try out.write("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: try out.write(byte)
            }
        }
        try out.write(UInt8(ascii: "\""))
    }
}
