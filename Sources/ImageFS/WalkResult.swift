import Catalog
import OCIModel

/// What walking one source produced, before any cataloger ran.
struct WalkResult: Sendable {
    /// How reports name the source, e.g. `oci-dir:/tmp/img@sha256:…` or `dir:/`.
    var description: String
    var captured: CapturedFiles
    /// Problems met while walking (refused entries, unreadable layers or files).
    var warnings: [CatalogWarning]
    /// The layer digests in order (empty for `dir:` and `file:`).
    var layers: [Digest]
    /// The image's platform, from its config.
    var platform: Platform?
}

/// A source the cataloging can walk once with every consumer's selectors.
protocol SourceWalking: Sendable {
    func walk(_ selection: FileSelection, options: WalkOptions) async throws -> WalkResult
}
