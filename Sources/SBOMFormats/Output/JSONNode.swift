/// A small JSON value built for one element of a streamed document (a package,
/// a file, a relationship) and written with sorted keys.
enum JSONNode: Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONNode])
    case object([String: JSONNode])

    /// `value` as a string node, or nothing when `value` is nil.
    static func optional(_ value: String?) -> JSONNode? { value.map(JSONNode.string) }

    /// An object from `members`, leaving out nil values and empty arrays.
    static func members(_ members: [String: JSONNode?]) -> JSONNode {
        var object: [String: JSONNode] = [:]
        for (key, value) in members {
            guard let value else { continue }
            if case .array(let items) = value, items.isEmpty { continue }
            object[key] = value
        }
        return .object(object)
    }
}
