import Catalog

/// One advisory that applies to one package.
public struct Finding: Sendable, Codable, Equatable {
    /// Whether (and how) a fix exists.
    public enum FixState: String, Sendable, Codable {
        case fixed
        case notFixed = "not-fixed"
        case wontFix = "wont-fix"
        case unknown
    }

    public var advisoryID: String
    public var aliases: [String]
    public var summary: String?
    public var severity: Severity
    /// The CVSS base score, when a vector was given and could be scored.
    public var score: Double?
    public var vector: String?
    public var fixedVersions: [String]
    public var fixState: FixState
    public var package: MatchedPackage
    /// How the match was made: `range`, `versions` (explicit list), or `exact-only` (no known ordering).
    public var matchType: String
}

/// The package a finding is about.
public struct MatchedPackage: Sendable, Codable, Equatable {
    public var name: String
    public var version: String
    public var type: String
    public var purl: String
    public var locations: [String]

    init(_ package: CatalogPackage) {
        name = package.name
        version = package.version
        type = package.type.rawValue
        purl = package.purl.description
        locations = package.locations.map(\.path)
    }
}
