import Foundation

/// The JSON Hallmark prints for `--format json`: pretty, sorted keys, unescaped slashes,
/// so output is stable between runs and diffable.
public enum JSONOutput {
    /// Encodes `value` as stable, human-readable JSON text.
    public static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
