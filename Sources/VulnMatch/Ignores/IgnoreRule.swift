import Foundation

/// One entry of a Grype `ignore:` list, read as Grype reads it (every field given
/// must match for the rule to apply), plus what Hallmark keeps for linting: where
/// it is and the comments written about it.
public struct IgnoreRule: Sendable, Equatable, Codable {
    /// The package fields of a rule (`package:`).
    public struct PackageMatch: Sendable, Equatable, Codable {
        public var name: String?
        public var version: String?
        public var language: String?
        public var type: String?
        /// A path or glob (`**` any depth, `*` within a path segment).
        public var location: String?
        public var upstreamName: String?

        public init(name: String? = nil, version: String? = nil, language: String? = nil, type: String? = nil,
                    location: String? = nil, upstreamName: String? = nil) {
            self.name = name
            self.version = version
            self.language = language
            self.type = type
            self.location = location
            self.upstreamName = upstreamName
        }

        /// Whether no field is set.
        public var isEmpty: Bool { [name, version, language, type, location, upstreamName].allSatisfy { $0 == nil } }
    }

    /// The advisory id (`CVE-…`, `GHSA-…`, …).
    public var vulnerability: String?
    /// Grype's `include-aliases`: the id may also match an alias of the finding.
    public var includeAliases: Bool
    /// Grype's `reason` field: the justification, when written as a field.
    public var reason: String?
    public var namespace: String?
    /// `fixed`, `not-fixed`, `wont-fix` or `unknown`.
    public var fixState: String?
    public var vexStatus: String?
    public var vexJustification: String?
    public var matchType: String?
    public var package: PackageMatch?
    /// Hallmark's `expires:` (a date, `YYYY-MM-DD`): after it the rule no longer applies.
    public var expires: Date?
    /// The 1-based line of the entry in its file.
    public var line: Int
    /// The comment block right above the entry and comments on its lines, without `#`.
    public var comments: [String]

    public init(vulnerability: String? = nil, includeAliases: Bool = false, reason: String? = nil, namespace: String? = nil,
                fixState: String? = nil, vexStatus: String? = nil, vexJustification: String? = nil, matchType: String? = nil,
                package: PackageMatch? = nil, expires: Date? = nil, line: Int = 0, comments: [String] = []) {
        self.vulnerability = vulnerability
        self.includeAliases = includeAliases
        self.reason = reason
        self.namespace = namespace
        self.fixState = fixState
        self.vexStatus = vexStatus
        self.vexJustification = vexJustification
        self.matchType = matchType
        self.package = package
        self.expires = expires
        self.line = line
        self.comments = comments
    }

    /// Everything written to justify the rule: its comments and its `reason`.
    public var justification: [String] { comments + (reason.map { [$0] } ?? []) }
}
