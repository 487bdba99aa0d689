import Foundation

/// Deterministic JSON for bytes that get hashed: sorted keys, no escaped slashes.
public enum CanonicalJSON {
    /// Encodes `value` deterministically.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
