import OCIModel

/// An in-toto ResourceDescriptor as used for a statement's subjects: a name
/// and a map of digest algorithm (`sha256`, `sha512`) to lowercase hex.
public struct ResourceDescriptor: Sendable, Equatable, Codable {
    /// The artifact's name, e.g. `ghcr.io/owner/image` for an image manifest.
    public var name: String?
    /// Algorithm to lowercase hex value.
    public var digest: [String: String]

    public init(name: String?, digest: [String: String]) {
        self.name = name
        self.digest = digest
    }

    /// The descriptor as JSON (`name` left out when nil).
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["digest": .object(digest.mapValues(JSONValue.string))]
        members["name"] = name.map(JSONValue.string)
        return .object(members)
    }
}
