import OCIModel

/// One OSV advisory (https://ossf.github.io/osv-schema/), as far as matching needs it;
/// everything else stays in the stored JSON.
public struct OSVRecord: Sendable, Codable, Equatable {
    public var id: String
    /// RFC 3339 time of the last change, as written (compared as text after validation).
    public var modified: String
    public var published: String?
    public var withdrawn: String?
    public var aliases: [String]
    public var summary: String?
    public var severity: [OSVSeverity]
    public var affected: [OSVAffected]
    /// `database_specific`, e.g. GitHub's `{"severity": "CRITICAL"}`.
    public var databaseSpecific: JSONValue?

    enum CodingKeys: String, CodingKey {
        case id, modified, published, withdrawn, aliases, summary, severity, affected
        case databaseSpecific = "database_specific"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        guard !id.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: container, debugDescription: "empty id")
        }
        modified = try container.decode(String.self, forKey: .modified)
        guard OSVTimestamp.isValid(modified) else {
            throw DecodingError.dataCorruptedError(forKey: .modified, in: container, debugDescription: "'\(modified)' is not an RFC 3339 time")
        }
        published = try container.decodeIfPresent(String.self, forKey: .published)
        withdrawn = try container.decodeIfPresent(String.self, forKey: .withdrawn)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        severity = try container.decodeIfPresent([OSVSeverity].self, forKey: .severity) ?? []
        affected = try container.decodeIfPresent([OSVAffected].self, forKey: .affected) ?? []
        databaseSpecific = try container.decodeIfPresent(JSONValue.self, forKey: .databaseSpecific)
    }

    /// The severity name of `database_specific.severity`, if any (`CRITICAL`, `HIGH`, `MODERATE`, …).
    public var databaseSeverity: String? { databaseSpecific?["severity"]?.string }
}

/// A `severity[]` entry: a scoring system and its vector (or Ubuntu's level).
public struct OSVSeverity: Sendable, Codable, Equatable {
    /// `CVSS_V2`, `CVSS_V3`, `CVSS_V4` or `Ubuntu`.
    public var type: String
    public var score: String
}

/// An `affected[]` entry: a package and the versions of it the advisory covers.
/// (`database_specific` and `ecosystem_specific` stay in the stored record.)
public struct OSVAffected: Sendable, Codable, Equatable {
    public var package: OSVPackage?
    public var ranges: [OSVRange]
    /// Versions listed explicitly.
    public var versions: [String]

    enum CodingKeys: String, CodingKey {
        case package, ranges, versions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        package = try container.decodeIfPresent(OSVPackage.self, forKey: .package)
        ranges = try container.decodeIfPresent([OSVRange].self, forKey: .ranges) ?? []
        versions = try container.decodeIfPresent([String].self, forKey: .versions) ?? []
    }
}

/// The package of an `affected[]` entry.
public struct OSVPackage: Sendable, Codable, Equatable {
    /// E.g. `PyPI`, `Debian:12`, `Alpine:v3.19`, `Go`.
    public var ecosystem: String
    public var name: String
    public var purl: String?
}
