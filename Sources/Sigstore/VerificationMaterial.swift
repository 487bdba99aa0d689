import Foundation

/// A bundle's `verificationMaterial`: the signer's key material plus the
/// transparency log entries and RFC 3161 timestamps that vouch for it.
public struct VerificationMaterial: Sendable, Equatable, Codable {
    /// `publicKey`, `x509CertificateChain` or `certificate`.
    public var keyMaterial: KeyMaterial
    /// `tlogEntries`; empty when the bundle has none (e.g. GitHub's private instance).
    public var tlogEntries: [TransparencyLogEntry]
    /// `timestampVerificationData`, nil when absent.
    public var timestampVerificationData: TimestampVerificationData?

    public init(keyMaterial: KeyMaterial, tlogEntries: [TransparencyLogEntry] = [], timestampVerificationData: TimestampVerificationData? = nil) {
        self.keyMaterial = keyMaterial
        self.tlogEntries = tlogEntries
        self.timestampVerificationData = timestampVerificationData
    }

    enum CodingKeys: String, CodingKey {
        case publicKey, x509CertificateChain, certificate, tlogEntries, timestampVerificationData
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let present = [CodingKeys.publicKey, .x509CertificateChain, .certificate].filter(container.contains)
        guard present.count == 1, let kind = present.first else {
            let found = present.isEmpty ? "none" : present.map(\.stringValue).joined(separator: " and ")
            throw BundleShapeFailure.invalid(
                field: fieldPath(decoder.codingPath),
                problem: "needs exactly one of publicKey, x509CertificateChain or certificate (found \(found))"
            )
        }
        switch kind {
        case .publicKey:
            keyMaterial = .publicKey(hint: try container.decode(PublicKeyIdentifierJSON.self, forKey: .publicKey).hint)
        case .x509CertificateChain:
            let chain = try container.decode(X509CertificateChainJSON.self, forKey: .x509CertificateChain)
            guard !chain.certificates.isEmpty else {
                throw BundleShapeFailure.invalid(
                    field: fieldPath(decoder.codingPath + [CodingKeys.x509CertificateChain], "certificates"),
                    problem: "is empty; the chain must hold at least the signing (leaf) certificate"
                )
            }
            keyMaterial = .x509CertificateChain(chain.certificates.map(\.rawBytes))
        default:
            keyMaterial = .certificate(try container.decode(X509CertificateJSON.self, forKey: .certificate).rawBytes)
        }
        tlogEntries = try container.decodeIfPresent([TransparencyLogEntry].self, forKey: .tlogEntries) ?? []
        timestampVerificationData = try container.decodeIfPresent(TimestampVerificationData.self, forKey: .timestampVerificationData)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch keyMaterial {
        case .publicKey(let hint):
            try container.encode(PublicKeyIdentifierJSON(hint: hint), forKey: .publicKey)
        case .x509CertificateChain(let chain):
            try container.encode(X509CertificateChainJSON(certificates: chain.map(X509CertificateJSON.init)), forKey: .x509CertificateChain)
        case .certificate(let der):
            try container.encode(X509CertificateJSON(rawBytes: der), forKey: .certificate)
        }
        try container.encodeUnlessEmpty(tlogEntries, forKey: .tlogEntries)
        try container.encodeIfPresent(timestampVerificationData, forKey: .timestampVerificationData)
    }
}
