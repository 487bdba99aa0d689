import Foundation
import OCIModel

/// The `affected[]` entries of a record as separate compact JSON documents, so each
/// can be stored and decoded on its own.
enum AffectedEntries {
    static func split(_ record: Data) throws(InputError) -> [Data] {
        guard let object = try? JSONSerialization.jsonObject(with: record) as? [String: Any] else {
            throw InputError(source: "record", field: nil, reason: "not a JSON object")
        }
        let entries = object["affected"] as? [Any] ?? []
        do {
            return try entries.map { try JSONSerialization.data(withJSONObject: $0) }
        } catch {
            throw InputError(source: "record", field: "affected", reason: "cannot be re-encoded: \(error)")
        }
    }
}
