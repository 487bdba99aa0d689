/// The media types of Sigstore bundles, by version.
public enum BundleMediaType: String, Sendable, CaseIterable {
    case v01 = "application/vnd.dev.sigstore.bundle+json;version=0.1"
    case v02 = "application/vnd.dev.sigstore.bundle+json;version=0.2"
    case v03Legacy = "application/vnd.dev.sigstore.bundle+json;version=0.3"
    case v03 = "application/vnd.dev.sigstore.bundle.v0.3+json"
}
