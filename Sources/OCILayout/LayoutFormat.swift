import OCIModel

/// The names of the OCI image layout 1.0 format: `oci-layout`, `index.json`,
/// `blobs/<algorithm>/<hex>`.
enum LayoutFormat {
    static let markerFile = "oci-layout"
    static let indexFile = "index.json"
    static let blobsDirectory = "blobs"
    static let version = "1.0.0"

    /// The content of the `oci-layout` marker file.
    struct Marker: Codable {
        var imageLayoutVersion: String
    }

    /// The blob's path relative to the layout root; built only from a validated digest.
    static func blobPath(_ digest: Digest) -> String {
        "\(blobsDirectory)/\(digest.algorithm.rawValue)/\(digest.encoded)"
    }
}
