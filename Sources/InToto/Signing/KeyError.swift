/// A key that cannot be read or used, and what to do about it.
public struct KeyError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    static func malformed(_ what: String) -> KeyError {
        KeyError("malformed \(what); expected a PEM key written by 'hallmark key generate', cosign or openssl")
    }

    static func unsupportedAlgorithm(_ oid: String) -> KeyError {
        KeyError("unsupported key algorithm (OID \(oid)); use ecdsa-p256, ecdsa-p384 or ed25519")
    }
}
