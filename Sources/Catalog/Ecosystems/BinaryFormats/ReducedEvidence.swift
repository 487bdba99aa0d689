import Foundation

/// The compact form a binary cataloger's `reduce` leaves of a large file: a marker line
/// naming the format, then JSON. A cataloger reads either this form or, when a source
/// handed over the original bytes without reducing them, reduces them itself.
enum ReducedEvidence {
    /// `marker` + newline + the JSON of `value`.
    static func encode(_ value: some Encodable, marker: String) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = (try? encoder.encode(value)).map(Array.init) ?? Array("{}".utf8)
        return Array((marker + "\n").utf8) + json
    }

    /// The value in `content` if it starts with `marker`'s line (nil otherwise, or if the JSON does not decode).
    static func decode<Value: Decodable>(_ type: Value.Type, from content: [UInt8], marker: String) -> Value? {
        let prefix = Array((marker + "\n").utf8)
        guard content.starts(with: prefix) else { return nil }
        return try? JSONDecoder().decode(type, from: Data(content[prefix.count...]))
    }
}
