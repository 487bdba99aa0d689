/// The parts of an image configuration Hallmark reads.
public struct ImageConfig: Hashable, Sendable, Codable {
    public struct RootFS: Hashable, Sendable, Codable {
        public var type: String
        public var diffIDs: [Digest]

        enum CodingKeys: String, CodingKey {
            case type
            case diffIDs = "diff_ids"
        }
    }

    public var architecture: String?
    public var os: String?
    public var variant: String?
    public var created: String?
    public var rootfs: RootFS?

    /// The platform the config declares, when it has `os` and `architecture`.
    public var platform: Platform? {
        guard let os, let architecture else { return nil }
        return Platform(os: os, architecture: architecture, variant: variant)
    }
}
