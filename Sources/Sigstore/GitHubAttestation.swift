/// One element of a GitHub attestations REST API response
/// (`GET /repos/{owner}/{repo}/attestations/{subject_digest}` and the org and
/// user variants): `{"attestations":[{"bundle":{…},"repository_id":…,"bundle_url":…}]}`.
public struct GitHubAttestation: Sendable, Equatable, Decodable {
    /// `bundle`; an element without an inline bundle is rejected when read.
    public var bundle: SigstoreBundle
    /// `repository_id`: the numeric ID of the repository the attestation belongs to.
    public var repositoryID: Int64?
    /// `bundle_url`: where GitHub serves the same bundle.
    public var bundleURL: String?

    public init(bundle: SigstoreBundle, repositoryID: Int64?, bundleURL: String?) {
        self.bundle = bundle
        self.repositoryID = repositoryID
        self.bundleURL = bundleURL
    }

    enum CodingKeys: String, CodingKey {
        case bundle
        case repositoryID = "repository_id"
        case bundleURL = "bundle_url"
    }
}

/// The response document around ``GitHubAttestation`` elements.
struct GitHubAttestationsResponse: Decodable {
    var attestations: [GitHubAttestation]
}
