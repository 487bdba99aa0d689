import Foundation

// The protobuf JSON mapping of the scalar types bundles use: `bytes` as base64
// (standard or URL-safe alphabet, padding optional, line breaks ignored as Go's
// and Python's decoders do: real bundles carry `base64`-wrapped timestamps) and
// `int64` as a decimal string (a JSON number is accepted too, as protobuf
// parsers do).

extension KeyedDecodingContainer {
    /// A protobuf `bytes` field.
    func decodeBytes(forKey key: Key) throws -> Data {
        let text = try decode(String.self, forKey: key)
        guard let bytes = Self.base64Bytes(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "is not valid base64")
        }
        return bytes
    }

    /// A protobuf `bytes` field that may be absent.
    func decodeBytesIfPresent(forKey key: Key) throws -> Data? {
        try contains(key) ? decodeBytes(forKey: key) : nil
    }

    /// A repeated protobuf `bytes` field; absent means empty.
    func decodeBytesArray(forKey key: Key) throws -> [Data] {
        let texts = try decodeIfPresent([String].self, forKey: key) ?? []
        return try texts.enumerated().map { index, text in
            guard let bytes = Self.base64Bytes(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "element \(index) is not valid base64")
            }
            return bytes
        }
    }

    /// A protobuf `int64` that counts or indexes something, so may not be negative.
    func decodeNonNegativeInt64IfPresent(forKey key: Key) throws -> Int64? {
        guard contains(key) else { return nil }
        let value: Int64?
        if let text = try? decode(String.self, forKey: key) {
            value = Int64(text)
        } else {
            value = try? decode(Int64.self, forKey: key)
        }
        guard let value else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "is not an int64 (a decimal string)")
        }
        guard value >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "is \(value); it must not be negative")
        }
        return value
    }

    private static func base64Bytes(_ text: String) -> Data? {
        var standard = String(text.unicodeScalars.filter { $0 != "\n" && $0 != "\r" })
            .replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let remainder = standard.utf8.count % 4
        if remainder != 0 {
            standard += String(repeating: "=", count: 4 - remainder)
        }
        return Data(base64Encoded: standard)
    }
}

extension KeyedEncodingContainer {
    /// A protobuf `int64`, written as a decimal string; nothing when nil.
    mutating func encodeInt64IfPresent(_ value: Int64?, forKey key: Key) throws {
        if let value { try encode(String(value), forKey: key) }
    }

    /// A repeated field, omitted when empty as the protobuf JSON mapping does.
    mutating func encodeUnlessEmpty<T: Encodable>(_ values: [T], forKey key: Key) throws {
        if !values.isEmpty { try encode(values, forKey: key) }
    }
}
