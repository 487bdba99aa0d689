/// An `affected[].ranges[]` entry: ordered events over one version scheme.
public struct OSVRange: Sendable, Codable, Equatable {
    /// `ECOSYSTEM` (the package's own scheme), `SEMVER` or `GIT` (commits).
    public enum Kind: String, Sendable, Codable {
        case ecosystem = "ECOSYSTEM"
        case semver = "SEMVER"
        case git = "GIT"
    }

    public var type: Kind
    /// The repository of a `GIT` range.
    public var repo: String?
    public var events: [OSVEvent]

    enum CodingKeys: String, CodingKey {
        case type, repo, events
    }

    public init(type: Kind, repo: String? = nil, events: [OSVEvent]) {
        self.type = type
        self.repo = repo
        self.events = events
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .type)
        guard let type = Kind(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown range type '\(name)'; expected ECOSYSTEM, SEMVER or GIT")
        }
        self.type = type
        repo = try container.decodeIfPresent(String.self, forKey: .repo)
        if type == .git, repo == nil {
            throw DecodingError.dataCorruptedError(forKey: .repo, in: container, debugDescription: "a GIT range needs repo")
        }
        events = try container.decode([OSVEvent].self, forKey: .events)
        guard !events.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .events, in: container, debugDescription: "a range needs at least one event")
        }
    }
}

/// One event of a range: exactly one of `introduced`, `fixed`, `last_affected`, `limit`.
public enum OSVEvent: Sendable, Codable, Equatable {
    case introduced(String)
    case fixed(String)
    case lastAffected(String)
    case limit(String)

    enum CodingKeys: String, CodingKey, CaseIterable {
        case introduced, fixed
        case lastAffected = "last_affected"
        case limit
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let present = CodingKeys.allCases.filter(container.contains)
        guard present.count == 1, let key = present.first else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "an event needs exactly one of introduced, fixed, last_affected, limit (found \(present.count))"))
        }
        let version = try container.decode(String.self, forKey: key)
        switch key {
        case .introduced: self = .introduced(version)
        case .fixed: self = .fixed(version)
        case .lastAffected: self = .lastAffected(version)
        case .limit: self = .limit(version)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .introduced(let version): try container.encode(version, forKey: .introduced)
        case .fixed(let version): try container.encode(version, forKey: .fixed)
        case .lastAffected(let version): try container.encode(version, forKey: .lastAffected)
        case .limit(let version): try container.encode(version, forKey: .limit)
        }
    }

    /// The version the event names.
    public var version: String {
        switch self {
        case .introduced(let version), .fixed(let version), .lastAffected(let version), .limit(let version): version
        }
    }
}
