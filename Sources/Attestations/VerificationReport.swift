import InToto
import OCIModel

/// The outcome of verifying an image's (or a file's) attestations: per subject,
/// what verified and what was rejected with which check. Its JSON form is
/// documented in docs/verify-json.md.
public struct VerificationReport: Sendable, Encodable {
    /// The version of the JSON form.
    public static let schemaVersion = 1

    public var name: String
    public var digest: Digest
    /// The predicate type required.
    public var predicateType: String
    public var subjects: [SubjectVerification]

    public init(name: String, digest: Digest, predicateType: String, subjects: [SubjectVerification]) {
        self.name = name
        self.digest = digest
        self.predicateType = predicateType
        self.subjects = subjects
    }

    /// Whether every subject has a verified attestation (and there is at least one subject).
    public var passed: Bool { !subjects.isEmpty && subjects.allSatisfy(\.passed) }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, name, digest, predicateType, subjects, passed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(name, forKey: .name)
        try container.encode(digest, forKey: .digest)
        try container.encode(predicateType, forKey: .predicateType)
        try container.encode(subjects, forKey: .subjects)
        try container.encode(passed, forKey: .passed)
    }
}

/// One attested manifest (a platform, the index) or file, and its attestations.
public struct SubjectVerification: Sendable, Encodable {
    /// `linux/amd64`, `index`, or a file's path.
    public var label: String
    public var digest: Digest
    public var verified: [VerifiedAttestation] = []
    public var rejected: [RejectedAttestation] = []

    public init(label: String, digest: Digest) {
        self.label = label
        self.digest = digest
    }

    /// Whether at least one attestation passed every check.
    public var passed: Bool { !verified.isEmpty }

    enum CodingKeys: String, CodingKey {
        case label, digest, verified, rejected, passed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(digest, forKey: .digest)
        try container.encode(verified, forKey: .verified)
        try container.encode(rejected, forKey: .rejected)
        try container.encode(passed, forKey: .passed)
    }
}

/// Where an attestation came from.
public struct AttestationOrigin: Sendable, Codable, Equatable {
    /// How it was stored (nil for a bundle file).
    public var storage: AttestationStorage?
    /// The manifest holding it (nil for a bundle file).
    public var manifestDigest: Digest?
    /// The predicate type its storage claims (annotation), before verification.
    public var claimedPredicateType: String?
    /// The bundle file and line, for bundles read from a file.
    public var file: String?

    public init(storage: AttestationStorage? = nil, manifestDigest: Digest? = nil, claimedPredicateType: String? = nil, file: String? = nil) {
        self.storage = storage
        self.manifestDigest = manifestDigest
        self.claimedPredicateType = claimedPredicateType
        self.file = file
    }
}

/// An attestation that passed every check: its origin, the signing key and the statement.
public struct VerifiedAttestation: Sendable, Encodable {
    public var origin: AttestationOrigin
    public var keyID: String
    public var statement: Statement

    public init(origin: AttestationOrigin, verified: VerifiedStatement) {
        self.origin = origin
        self.keyID = verified.keyID
        self.statement = verified.statement
    }
}

/// An attestation that failed a check.
public struct RejectedAttestation: Sendable, Encodable {
    public var origin: AttestationOrigin
    public var failure: CheckFailure

    public init(origin: AttestationOrigin, failure: CheckFailure) {
        self.origin = origin
        self.failure = failure
    }
}
