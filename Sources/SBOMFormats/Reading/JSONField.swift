import Foundation
import OCIModel

/// A value from `JSONSerialization` with the path it was found at, whose
/// accessors throw an ``InputError`` naming that path when the type is wrong.
struct JSONField {
    let value: Any
    let path: String
    let source: String

    func failure(_ reason: String, field: String? = nil) -> InputError {
        InputError(source: source, field: field ?? (path.isEmpty ? nil : path), reason: reason)
    }

    private func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// This value as an object.
    func object() throws(InputError) -> [String: Any] {
        guard let object = value as? [String: Any] else { throw failure("expected an object, found \(Self.kind(value))") }
        return object
    }

    /// The member `key`, if present and not null.
    func optional(_ key: String) throws(InputError) -> JSONField? {
        let object = try object()
        guard let member = object[key], !(member is NSNull) else { return nil }
        return JSONField(value: member, path: child(key), source: source)
    }

    /// The member `key` as a string, if present.
    func string(_ key: String) throws(InputError) -> String? {
        guard let field = try optional(key) else { return nil }
        guard let text = field.value as? String else { throw field.failure("expected a string, found \(Self.kind(field.value))") }
        return text
    }

    /// The member `key` as a required string.
    func requiredString(_ key: String) throws(InputError) -> String {
        guard let text = try string(key) else { throw failure("required field is missing", field: child(key)) }
        return text
    }

    /// The elements of the array member `key` (empty when absent).
    func array(_ key: String) throws(InputError) -> [JSONField] {
        guard let field = try optional(key) else { return [] }
        guard let items = field.value as? [Any] else { throw field.failure("expected an array, found \(Self.kind(field.value))") }
        return items.enumerated().map { JSONField(value: $1, path: field.path + "[\($0)]", source: source) }
    }

    static func kind(_ value: Any) -> String {
        switch value {
        case is String: "a string"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        case is NSNull: "null"
        case is NSNumber: "a number or boolean"
        default: "an unknown value"
        }
    }
}
