import Foundation

/// What verifies a bundle's signature: exactly one of a managed key hint, an
/// X.509 chain (v0.1/v0.2, leaf first) or a single leaf certificate (v0.3).
public enum KeyMaterial: Sendable, Equatable {
    /// `publicKey.hint`: names a key the verifier already has; the key itself is not in the bundle.
    case publicKey(hint: String?)
    /// `x509CertificateChain.certificates[].rawBytes`: DER certificates, leaf first; never empty.
    case x509CertificateChain([Data])
    /// `certificate.rawBytes`: the DER leaf certificate.
    case certificate(Data)

    /// The DER leaf (signing) certificate, if the material is certificate-based.
    public var leafCertificate: Data? {
        switch self {
        case .publicKey: nil
        case .x509CertificateChain(let chain): chain.first
        case .certificate(let der): der
        }
    }
}

/// `{ "rawBytes": base64 }`, the JSON form of one X.509 certificate.
struct X509CertificateJSON: Codable {
    var rawBytes: Data

    init(rawBytes: Data) {
        self.rawBytes = rawBytes
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rawBytes = try container.decodeBytes(forKey: .rawBytes)
    }
}

/// `{ "certificates": [...] }`, the JSON form of an X.509 chain.
struct X509CertificateChainJSON: Codable {
    var certificates: [X509CertificateJSON]
}

/// `{ "hint": "..." }`, the JSON form of a public key identifier.
struct PublicKeyIdentifierJSON: Codable {
    var hint: String?
}
