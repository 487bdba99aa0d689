import Foundation

/// One `tlogEntries` element: a transparency log (Rekor) entry for the
/// bundle's signature. Every field is optional here; a verifier decides which
/// it needs (Rekor v2 entries, for one, have no `integratedTime` or promise).
public struct TransparencyLogEntry: Sendable, Equatable, Codable {
    /// `logIndex`: the entry's index in the log.
    public var logIndex: Int64?
    /// `logId.keyId`: the log's key ID (SHA-256 of its public key).
    public var logKeyID: Data?
    /// `kindVersion`: the entry type, e.g. `hashedrekord` / `0.0.1`.
    public var kindVersion: KindVersion?
    /// `integratedTime`: seconds since the Unix epoch at which the log took the entry.
    public var integratedTime: Int64?
    /// `inclusionPromise.signedEntryTimestamp`: the log's signed promise (SET).
    public var signedEntryTimestamp: Data?
    /// `inclusionProof`: the Merkle inclusion proof and checkpoint.
    public var inclusionProof: InclusionProof?
    /// `canonicalizedBody`: the entry body exactly as the log stores it.
    public var canonicalizedBody: Data?

    public init(
        logIndex: Int64? = nil, logKeyID: Data? = nil, kindVersion: KindVersion? = nil, integratedTime: Int64? = nil,
        signedEntryTimestamp: Data? = nil, inclusionProof: InclusionProof? = nil, canonicalizedBody: Data? = nil
    ) {
        self.logIndex = logIndex
        self.logKeyID = logKeyID
        self.kindVersion = kindVersion
        self.integratedTime = integratedTime
        self.signedEntryTimestamp = signedEntryTimestamp
        self.inclusionProof = inclusionProof
        self.canonicalizedBody = canonicalizedBody
    }

    /// `kindVersion`: the Rekor entry kind and its schema version.
    public struct KindVersion: Sendable, Equatable, Codable {
        /// E.g. `hashedrekord`, `dsse`, `intoto`.
        public var kind: String
        /// E.g. `0.0.1`.
        public var version: String

        public init(kind: String, version: String) {
            self.kind = kind
            self.version = version
        }
    }

    enum CodingKeys: String, CodingKey {
        case logIndex, logId, kindVersion, integratedTime, inclusionPromise, inclusionProof, canonicalizedBody
    }

    private enum LogIDKeys: String, CodingKey {
        case keyId
    }

    private enum PromiseKeys: String, CodingKey {
        case signedEntryTimestamp
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        logIndex = try container.decodeNonNegativeInt64IfPresent(forKey: .logIndex)
        logKeyID = try container.contains(.logId)
            ? container.nestedContainer(keyedBy: LogIDKeys.self, forKey: .logId).decodeBytesIfPresent(forKey: .keyId)
            : nil
        kindVersion = try container.decodeIfPresent(KindVersion.self, forKey: .kindVersion)
        integratedTime = try container.decodeNonNegativeInt64IfPresent(forKey: .integratedTime)
        signedEntryTimestamp = try container.contains(.inclusionPromise)
            ? container.nestedContainer(keyedBy: PromiseKeys.self, forKey: .inclusionPromise).decodeBytesIfPresent(forKey: .signedEntryTimestamp)
            : nil
        inclusionProof = try container.decodeIfPresent(InclusionProof.self, forKey: .inclusionProof)
        canonicalizedBody = try container.decodeBytesIfPresent(forKey: .canonicalizedBody)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeInt64IfPresent(logIndex, forKey: .logIndex)
        if let logKeyID {
            var logID = container.nestedContainer(keyedBy: LogIDKeys.self, forKey: .logId)
            try logID.encode(logKeyID, forKey: .keyId)
        }
        try container.encodeIfPresent(kindVersion, forKey: .kindVersion)
        try container.encodeInt64IfPresent(integratedTime, forKey: .integratedTime)
        if let signedEntryTimestamp {
            var promise = container.nestedContainer(keyedBy: PromiseKeys.self, forKey: .inclusionPromise)
            try promise.encode(signedEntryTimestamp, forKey: .signedEntryTimestamp)
        }
        try container.encodeIfPresent(inclusionProof, forKey: .inclusionProof)
        try container.encodeIfPresent(canonicalizedBody, forKey: .canonicalizedBody)
    }
}
