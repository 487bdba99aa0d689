/// A key that cannot be read or used, and what to do about it.
public struct KeyError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    static func malformed(_ what: String) -> KeyError {
        KeyError("malformed \(what); expected a PEM key written by 'hallmark key generate', cosign or openssl")
    }

    /// A passphrase that does not decrypt the key (or a corrupted encrypted key).
    static let wrongPassphrase = KeyError("encrypted private key: wrong passphrase or corrupted key; check HALLMARK_PASSWORD")

    static func unsupportedAlgorithm(_ oid: String) -> KeyError {
        KeyError("unsupported key algorithm (OID \(oid)); use ecdsa-p256, ecdsa-p384 or ed25519")
    }
}
