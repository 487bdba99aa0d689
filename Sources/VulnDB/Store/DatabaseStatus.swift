/// What `hallmark db status` reports.
public struct DatabaseStatus: Sendable, Codable, Equatable {
    public struct EcosystemCount: Sendable, Codable, Equatable {
        public var ecosystem: String
        public var advisories: Int
    }

    public struct Source: Sendable, Codable, Equatable {
        public var location: String
        public var importedAt: String
        public var records: Int
    }

    public var path: String
    public var schemaVersion: Int
    public var advisories: Int
    public var ecosystems: [EcosystemCount]
    public var sources: [Source]
    /// The newest `modified` of any advisory.
    public var newestModified: String?
    /// When the last import ran.
    public var lastImport: String?
    /// Older than the allowed age, or never imported.
    public var isStale: Bool
}
