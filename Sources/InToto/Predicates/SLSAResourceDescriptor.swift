import OCIModel

/// A resource as SLSA provenance names it (v1 `resolvedDependencies`, v0.2
/// `materials`): a URI and its digests. ``ResourceDescriptor`` has no `uri`,
/// which provenance needs.
public struct SLSAResourceDescriptor: Sendable, Equatable {
    /// E.g. `git+https://github.com/owner/repo@refs/heads/main` or `pkg:docker/alpine@3.20`.
    public var uri: String?
    /// Algorithm (`gitCommit`, `sha1`, `sha256`, …) to value.
    public var digest: [String: String]
    /// An optional human-readable name.
    public var name: String?

    public init(uri: String?, digest: [String: String], name: String? = nil) {
        self.uri = uri
        self.digest = digest
        self.name = name
    }

    /// Reads the `uri`, `digest` and `name` members of a JSON object; nil for a non-object.
    public init?(json: JSONValue) {
        guard let object = json.object else { return nil }
        uri = object["uri"]?.string
        digest = (object["digest"]?.object ?? [:]).compactMapValues(\.string)
        name = object["name"]?.string
    }

    /// The JSON object, with only the members that are set.
    public var jsonValue: JSONValue {
        var object: [String: JSONValue] = [:]
        if let uri { object["uri"] = .string(uri) }
        if !digest.isEmpty { object["digest"] = .object(digest.mapValues(JSONValue.string)) }
        if let name { object["name"] = .string(name) }
        return .object(object)
    }
}
