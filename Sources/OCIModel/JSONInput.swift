import Foundation

/// Decodes untrusted JSON and turns failures into an ``InputError`` naming the
/// source and the field, e.g. `index.json: manifests[0].digest: invalid digest …`.
public enum JSONInput {
    /// The largest JSON document (manifest, index, config) read into memory.
    public static let maxDocumentSize = 4 * 1024 * 1024

    /// Decodes `T` from `bytes`, read from `source`; documents over `maxSize` bytes are refused.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], source: String,
                                            maxSize: Int = maxDocumentSize) throws(InputError) -> T {
        guard bytes.count <= maxSize else {
            throw InputError(source: source, field: nil, reason: "document is \(bytes.count) bytes, over the \(maxSize)-byte limit for JSON documents")
        }
        if let first = bytes.first(where: { !($0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09) }), first == UInt8(ascii: "<") {
            throw InputError(source: source, field: nil, reason: "expected JSON but got HTML or XML (starts with '<')")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw describe(error, source: source)
        } catch {
            throw InputError(source: source, field: nil, reason: "\(error)")
        }
    }

    static func describe(_ error: DecodingError, source: String) -> InputError {
        func path(_ keys: [any CodingKey]) -> String? {
            guard !keys.isEmpty else { return nil }
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return InputError(source: source, field: parent.map { "\($0).\(key.stringValue)" } ?? key.stringValue, reason: "required field is missing")
        case .typeMismatch(let type, let context):
            return InputError(source: source, field: path(context.codingPath), reason: "expected \(type)")
        case .valueNotFound(let type, let context):
            return InputError(source: source, field: path(context.codingPath), reason: "expected \(type), found null")
        case .dataCorrupted(let context):
            let reason = context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription
            return InputError(source: source, field: path(context.codingPath), reason: reason)
        @unknown default:
            return InputError(source: source, field: nil, reason: "\(error)")
        }
    }
}

/// Bad input: which file or response, which field, and what was wrong with it.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let source: String
    public let field: String?
    public let reason: String

    public init(source: String, field: String?, reason: String) {
        self.source = source
        self.field = field
        self.reason = reason
    }

    public var description: String {
        if let field { return "\(source): field '\(field)': \(reason)" }
        return "\(source): \(reason)"
    }
}
