/// A `permissions:` block (workflow or job level) as GitHub reads it: `read-all`,
/// `write-all`, `{}` (none) or a map of scope to `read`/`write`/`none`.
public struct Permissions: Sendable, Equatable {
    public enum Level: Int, Sendable, Comparable {
        case none, read, write

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

        /// As written in a workflow: `none`, `read` or `write`.
        public var name: String {
            switch self {
            case .none: "none"
            case .read: "read"
            case .write: "write"
            }
        }
    }

    /// Where the block is.
    public var position: SourcePosition
    /// `read-all`/`write-all` give every scope this level.
    public var all: Level?
    public var scopes: [String: Level]

    public init(position: SourcePosition, all: Level? = nil, scopes: [String: Level] = [:]) {
        self.position = position
        self.all = all
        self.scopes = scopes
    }

    /// The scopes of a `GITHUB_TOKEN` that `read-all`/`write-all` set.
    public static let tokenScopes = ["actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token", "issues",
                                     "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses"]

    /// Scope by scope: a map as written, `read-all`/`write-all` spelt out.
    public var expanded: [String: Level] {
        guard let all else { return scopes }
        // `read-all` cannot grant id-token (it is write or none).
        return Dictionary(uniqueKeysWithValues: Self.tokenScopes.map { ($0, $0 == "id-token" && all == .read ? .none : all) })
    }

    /// The level of `scope` (a scope not listed in a map has none).
    public func level(_ scope: String) -> Level {
        all ?? scopes[scope] ?? .none
    }
}
