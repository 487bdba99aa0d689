import Foundation
import OCIModel

/// Verifies DSSE envelopes against trusted keys, failing closed: an envelope
/// passes only when one of its signatures verifies over the PAE with one of the keys.
public struct DSSEVerifier: Sendable {
    public init() {}

    /// The envelope's payload and the key that verified it. `payloadType`, when
    /// given, must equal the envelope's (it is signed too, as part of the PAE).
    public func verify(_ envelope: DSSEEnvelope, keys: [VerificationKey], payloadType: String? = nil) throws(DSSEVerificationError) -> VerifiedEnvelope {
        guard !keys.isEmpty else { throw DSSEVerificationError("no trusted key given") }
        if let payloadType, envelope.payloadType != payloadType {
            throw DSSEVerificationError("payload type '\(envelope.payloadType)', expected '\(payloadType)'")
        }
        guard !envelope.signatures.isEmpty else { throw DSSEVerificationError("the envelope has no signature") }
        let message = envelope.preAuthenticationEncoding
        for signature in envelope.signatures where !signature.sig.isEmpty {
            if let key = keys.first(where: { $0.isValidSignature(signature.sig, for: message) }) {
                return VerifiedEnvelope(payloadType: envelope.payloadType, payload: envelope.payload, key: key)
            }
        }
        let described = envelope.signatures.enumerated().map { index, signature in
            "signature \(index)" + (signature.keyid.map { " (keyid \($0.prefix(16))…)" } ?? "")
        }.joined(separator: ", ")
        let trusted = keys.map { "sha256:\($0.keyID.prefix(16))…" }.joined(separator: ", ")
        throw DSSEVerificationError("\(described) does not verify with the trusted key\(keys.count == 1 ? "" : "s") \(trusted)")
    }
}

/// An envelope whose signature verified: its payload and the key.
public struct VerifiedEnvelope: Sendable {
    public let payloadType: String
    public let payload: Data
    public let key: VerificationKey

    /// The payload as an in-toto statement (v1 or v0.1) with at least one subject,
    /// each with a digest; else an error naming the field.
    public func statement() throws(InputError) -> Statement {
        let statement = try JSONInput.decode(Statement.self, from: Array(payload), source: "DSSE payload", maxSize: Int.max)
        guard statement.type == Statement.typeV1 || statement.type == Statement.typeV01 else {
            throw InputError(source: "DSSE payload", field: "_type", reason: "'\(statement.type)' is not an in-toto statement type")
        }
        guard !statement.subject.isEmpty else { throw InputError(source: "DSSE payload", field: "subject", reason: "no subject") }
        if let index = statement.subject.firstIndex(where: { $0.digest.isEmpty }) {
            throw InputError(source: "DSSE payload", field: "subject[\(index)].digest", reason: "empty digest map")
        }
        return statement
    }
}

/// Why a DSSE envelope did not verify.
public struct DSSEVerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
