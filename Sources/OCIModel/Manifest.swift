/// An image manifest (OCI image manifest or Docker schema 2 manifest; same shape).
public struct ImageManifest: Hashable, Sendable, Codable {
    public var schemaVersion: Int
    public var mediaType: String?
    public var artifactType: String?
    public var config: Descriptor
    public var layers: [Descriptor]
    public var subject: Descriptor?
    public var annotations: [String: String]?

    public init(
        mediaType: String? = MediaType.ociManifest, artifactType: String? = nil, config: Descriptor,
        layers: [Descriptor], subject: Descriptor? = nil, annotations: [String: String]? = nil
    ) {
        self.schemaVersion = 2
        self.mediaType = mediaType
        self.artifactType = artifactType
        self.config = config
        self.layers = layers
        self.subject = subject
        self.annotations = annotations
    }

    /// Every blob the manifest references: its config, then its layers.
    public var blobs: [Descriptor] { [config] + layers }
}

/// An image index (OCI image index or Docker manifest list; same shape).
public struct ImageIndex: Hashable, Sendable, Codable {
    public var schemaVersion: Int
    public var mediaType: String?
    public var artifactType: String?
    public var manifests: [Descriptor]
    public var subject: Descriptor?
    public var annotations: [String: String]?

    public init(
        mediaType: String? = MediaType.ociIndex, artifactType: String? = nil, manifests: [Descriptor],
        subject: Descriptor? = nil, annotations: [String: String]? = nil
    ) {
        self.schemaVersion = 2
        self.mediaType = mediaType
        self.artifactType = artifactType
        self.manifests = manifests
        self.subject = subject
        self.annotations = annotations
    }
}
