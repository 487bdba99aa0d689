/// The media types of Sigstore bundles, by version.
public enum BundleMediaType: String, Sendable, CaseIterable, Codable {
    case v01 = "application/vnd.dev.sigstore.bundle+json;version=0.1"
    case v02 = "application/vnd.dev.sigstore.bundle+json;version=0.2"
    case v03Legacy = "application/vnd.dev.sigstore.bundle+json;version=0.3"
    case v03 = "application/vnd.dev.sigstore.bundle.v0.3+json"

    /// The bundle format version, `0.1`, `0.2` or `0.3`; both v0.3 spellings give `0.3`.
    public var version: String {
        switch self {
        case .v01: "0.1"
        case .v02: "0.2"
        case .v03Legacy, .v03: "0.3"
        }
    }
}
