import Catalog
import OCIModel

/// Everything found in one source: the input of the SBOM formats.
public struct CatalogReport: Hashable, Sendable, Codable {
    /// How the source is named, e.g. `oci-dir:/tmp/img@sha256:…` or `dir:/`.
    public var source: String
    /// The operating system from `/etc/os-release` (or `/usr/lib/os-release`).
    public var distro: Distro?
    /// Every package, sorted by ``Catalog/CatalogPackage/sortKey``.
    public var packages: [CatalogPackage]
    /// Problems met walking the source, then each cataloger's, in cataloger order.
    public var warnings: [CatalogWarning]
    /// The layer digests in order (empty for `dir:` and `file:`).
    public var layers: [Digest]
    /// The image's platform, from its config.
    public var platform: Platform?
    /// Every regular file with its digests, when ``WalkOptions/fileMetadata`` was on; else empty.
    public var files: [CatalogedFile]

    /// A report from its parts.
    public init(source: String, distro: Distro?, packages: [CatalogPackage], warnings: [CatalogWarning], layers: [Digest],
                platform: Platform?, files: [CatalogedFile] = []) {
        self.files = files
        self.source = source
        self.distro = distro
        self.packages = packages
        self.warnings = warnings
        self.layers = layers
        self.platform = platform
    }
}
