import Foundation

/// Any JSON document, decoded without a schema so that manifests of unexpected
/// shapes (a license as string or object, a dependency map that is an array) are
/// read as far as they make sense instead of failing as a whole.
enum JSONValue: Sendable, Decodable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses `file` as JSON; a syntax error names what the decoder reported.
    static func parse(_ file: ResolvedFile) throws(FileFormatError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(file.content))
        } catch let DecodingError.dataCorrupted(context) {
            throw FileFormatError("invalid JSON: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)")
        } catch {
            throw FileFormatError("invalid JSON: \(error)")
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    var bool: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    var object: [String: JSONValue]? {
        if case .object(let value) = self { value } else { nil }
    }

    var array: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    /// The keys of an object, sorted; empty for anything else.
    var sortedKeys: [String] {
        object?.keys.sorted() ?? []
    }
}
