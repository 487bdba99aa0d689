import OCIModel

/// An in-toto ResourceDescriptor: a statement's subject (a name and its digests) or a
/// SLSA resolved dependency (a URI such as `git+https://github.com/owner/repo@refs/heads/main`
/// and its digests, e.g. `gitCommit`).
public struct ResourceDescriptor: Sendable, Equatable, Codable {
    /// The artifact's name, e.g. `ghcr.io/owner/image` for an image manifest.
    public var name: String?
    /// Where the resource is, e.g. `git+https://…@refs/tags/v1` or `pkg:docker/alpine@3.20`.
    public var uri: String?
    /// Algorithm (`sha256`, `sha512`, `gitCommit`, …) to value.
    public var digest: [String: String]

    public init(name: String? = nil, uri: String? = nil, digest: [String: String]) {
        self.name = name
        self.uri = uri
        self.digest = digest
    }

    /// Reads the `name`, `uri` and `digest` members of a JSON object; nil for a non-object.
    public init?(json: JSONValue) {
        guard let object = json.object else { return nil }
        name = object["name"]?.string
        uri = object["uri"]?.string
        digest = (object["digest"]?.object ?? [:]).compactMapValues(\.string)
    }

    /// The descriptor as JSON, with only the members that are set.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [:]
        members["name"] = name.map(JSONValue.string)
        members["uri"] = uri.map(JSONValue.string)
        if !digest.isEmpty { members["digest"] = .object(digest.mapValues(JSONValue.string)) }
        return .object(members)
    }
}
