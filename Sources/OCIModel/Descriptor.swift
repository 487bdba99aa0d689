/// An OCI content descriptor: what a manifest, index or layout points at.
public struct Descriptor: Hashable, Sendable, Codable {
    public var mediaType: String
    public var digest: Digest
    public var size: Int64
    public var urls: [String]?
    public var annotations: [String: String]?
    public var data: String?
    public var platform: Platform?
    public var artifactType: String?

    public init(
        mediaType: String, digest: Digest, size: Int64,
        annotations: [String: String]? = nil, platform: Platform? = nil, artifactType: String? = nil
    ) {
        self.mediaType = mediaType
        self.digest = digest
        self.size = size
        self.annotations = annotations
        self.platform = platform
        self.artifactType = artifactType
    }

    /// The annotation `key`, if present.
    public func annotation(_ key: String) -> String? { annotations?[key] }
}
