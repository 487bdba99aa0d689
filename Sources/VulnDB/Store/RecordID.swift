import Foundation

/// The `id` of a record that failed to decode, when its JSON still gives it away.
enum RecordID {
    static func sniff(_ data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["id"] as? String
    }
}
