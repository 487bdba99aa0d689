import Foundation

/// `timestampVerificationData`: signed timestamps over the bundle's signature.
public struct TimestampVerificationData: Sendable, Equatable, Codable {
    /// The DER `signedTimestamp` of each `rfc3161Timestamps` element (an RFC 3161
    /// TimeStampResponse's token), in bundle order. Parsed no further here.
    public var rfc3161Timestamps: [Data]

    public init(rfc3161Timestamps: [Data]) {
        self.rfc3161Timestamps = rfc3161Timestamps
    }

    enum CodingKeys: String, CodingKey {
        case rfc3161Timestamps
    }

    private struct SignedTimestampJSON: Codable {
        var signedTimestamp: Data

        init(signedTimestamp: Data) {
            self.signedTimestamp = signedTimestamp
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            signedTimestamp = try container.decodeBytes(forKey: .signedTimestamp)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rfc3161Timestamps = try (container.decodeIfPresent([SignedTimestampJSON].self, forKey: .rfc3161Timestamps) ?? []).map(\.signedTimestamp)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeUnlessEmpty(rfc3161Timestamps.map(SignedTimestampJSON.init), forKey: .rfc3161Timestamps)
    }
}
