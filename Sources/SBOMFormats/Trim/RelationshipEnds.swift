/// Where the two element IDs of one relationship object are in its raw bytes.
struct RelationshipEnds {
    /// The byte range of the `spdxElementId` string's content, when it is a string.
    var from: Range<Int>?
    /// The byte range of the `relatedSpdxElement` string's content, when it is a string.
    var to: Range<Int>?

    /// Scans the top-level members of the object in `bytes` (a complete JSON object).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var depth = 0
        var lastKey: Range<Int>?
        var expectingKey = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let start = index + 1
                index = start
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                let range = start..<min(index, bytes.count)
                if depth == 1 {
                    if expectingKey {
                        lastKey = range
                    } else if let key = lastKey {
                        if Self.equal(bytes, key, "spdxElementId") { from = range }
                        if Self.equal(bytes, key, "relatedSpdxElement") { to = range }
                    }
                }
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
            } else if depth == 1 && byte == UInt8(ascii: ":") {
                expectingKey = false
            } else if depth == 1 && byte == UInt8(ascii: ",") {
                expectingKey = true
            }
            index += 1
        }
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != text.utf8Start[offset] { return false }
        return true
    }
}
