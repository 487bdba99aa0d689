/// What an import did: counts, and every record it skipped with where and why.
public struct ImportReport: Sendable, Codable, Equatable {
    public struct Skipped: Sendable, Codable, Equatable {
        /// `file` or `file:line`.
        public var location: String
        /// The record's id, when it could be read.
        public var id: String?
        public var reason: String
    }

    public var files = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var skipped: [Skipped] = []
    /// Ecosystems without a known version ordering, with how many affected entries name them:
    /// stored, but matched by exact `versions` only.
    public var unknownEcosystems: [String: Int] = [:]

    public var records: Int { added + updated + unchanged }
}

/// An import that could not run at all; nothing was changed.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
}
