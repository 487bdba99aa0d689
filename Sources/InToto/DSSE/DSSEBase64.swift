import Foundation

/// The base64 of DSSE's `payload` and `sig` fields. The DSSE spec lets writers use
/// standard (RFC 4648 §4) or URL-safe (§5) base64, with or without `=` padding, so
/// reading accepts all four; writing always uses standard, padded base64.
enum DSSEBase64 {
    /// The bytes of `text`, or nil when it is not base64 in either alphabet.
    static func decode(_ text: String) -> Data? {
        // At most two padding characters, and only at the end.
        let padding = text.reversed().prefix(while: { $0 == "=" }).count
        let body = text.dropLast(padding)
        guard padding <= 2, body.count % 4 != 1, !body.contains("=") else { return nil }
        var standard = String(body.map { character -> Character in
            switch character {
            case "-": "+"
            case "_": "/"
            default: character
            }
        })
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        return Data(base64Encoded: standard)
    }

    /// `data` as standard, padded base64.
    static func encode(_ data: Data) -> String {
        data.base64EncodedString()
    }
}

extension KeyedDecodingContainer {
    /// The bytes of the base64 string at `key` (see ``DSSEBase64``).
    func decodeDSSEBase64(forKey key: Key) throws -> Data {
        let text = try decode(String.self, forKey: key)
        guard let bytes = DSSEBase64.decode(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self,
                                                   debugDescription: "not base64 (standard or URL-safe, padded or not)")
        }
        return bytes
    }
}
