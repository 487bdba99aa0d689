import Foundation

/// The JSON error body of the distribution spec: `{"errors": [{"code", "message", "detail"}]}`.
public enum RegistryErrorBody {
    /// One error the registry reported.
    public struct Entry: Sendable, Equatable, CustomStringConvertible {
        /// A code such as `MANIFEST_UNKNOWN`, `DENIED`, `UNAUTHORIZED`.
        public let code: String
        public let message: String?
        /// Free-form detail, as compact JSON text (or the string itself).
        public let detail: String?

        public init(code: String, message: String?, detail: String?) {
            self.code = code
            self.message = message
            self.detail = detail
        }

        public var description: String {
            var text = code
            if let message, !message.isEmpty { text += " \(message)" }
            if let detail, !detail.isEmpty { text += " (\(detail))" }
            return text
        }
    }

    /// The entries in `bytes`, or none when they are not such a body (plain text, HTML, other JSON).
    public static func entries(in bytes: [UInt8]) -> [Entry] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let errors = object["errors"] as? [[String: Any]]
        else { return [] }
        return errors.map { error in
            Entry(code: error["code"] as? String ?? "UNKNOWN", message: error["message"] as? String, detail: text(of: error["detail"]))
        }
    }

    private static func text(of detail: Any?) -> String? {
        switch detail {
        case nil, is NSNull: return nil
        case let string as String: return string
        case let value?:
            guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
