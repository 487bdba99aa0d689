import Foundation
import InToto
import OCIModel

/// The checks one attestation goes through, in an order that never trusts unsigned
/// bytes: a signature by a policy key over the DSSE PAE, then the payload as an
/// in-toto statement, its predicate type, and a subject with the attested digest.
public enum EnvelopeCheck {
    /// The verified statement, or why `envelope` does not attest `subject` under `policy`.
    public static func check(_ envelope: AttestationEnvelope, subject: Digest, policy: VerificationPolicy) -> Result<VerifiedStatement, CheckFailure> {
        let dsse: DSSEEnvelope
        switch envelope {
        case .unreadable(let reason):
            return .failure(CheckFailure(check: .format, reason: reason))
        case .unsigned:
            return .failure(CheckFailure(check: .signature, reason: "an unsigned in-toto statement (BuildKit attestation manifests carry no signature); sign one with 'hallmark attest'"))
        case .bundle(let bundle):
            guard case .publicKey = bundle.verificationMaterial.keyMaterial else {
                return .failure(CheckFailure(check: .signature, reason: "a keyless bundle (signed with a Fulcio certificate); Hallmark verifies key-signed bundles (--key) only"))
            }
            guard let envelope = bundle.dsseEnvelope else {
                return .failure(CheckFailure(check: .format, reason: "a bundle with a message signature, not a DSSE attestation"))
            }
            dsse = envelope
        case .envelope(let envelope):
            dsse = envelope
        }
        let verified: VerifiedEnvelope
        do {
            verified = try DSSEVerifier().verify(dsse, keys: policy.keys, payloadType: DSSEEnvelope.inTotoPayloadType)
        } catch {
            return .failure(CheckFailure(check: .signature, reason: error.description))
        }
        let statement: Statement
        do {
            statement = try verified.statement()
        } catch {
            return .failure(CheckFailure(check: .statement, reason: "\(error)"))
        }
        guard statement.predicateType == policy.predicateType else {
            return .failure(CheckFailure(check: .predicateType, reason: "predicate type \(statement.predicateType), not the required \(policy.predicateType) (choose with --predicate-type)"))
        }
        let digests = statement.subject.compactMap { $0.digest[subject.algorithm.rawValue] }
        guard digests.contains(subject.encoded) else {
            let listed = digests.map { "\(subject.algorithm.rawValue):\($0)" }.joined(separator: ", ")
            return .failure(CheckFailure(check: .subject, reason: "the statement is about \(listed.isEmpty ? "no \(subject.algorithm.rawValue) digest" : listed), not \(subject)"))
        }
        return .success(VerifiedStatement(keyID: verified.key.keyID, statement: statement))
    }
}

/// A statement that passed every check, and the key that signed it.
public struct VerifiedStatement: Sendable, Equatable {
    public var keyID: String
    public var statement: Statement

    public init(keyID: String, statement: Statement) {
        self.keyID = keyID
        self.statement = statement
    }
}

/// Which check an attestation failed, and why.
public struct CheckFailure: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The checks, in the order they run.
    public enum Check: String, Sendable, Codable {
        case format, signature, statement, predicateType = "predicate-type", subject
    }

    public var check: Check
    public var reason: String

    public init(check: Check, reason: String) {
        self.check = check
        self.reason = reason
    }

    public var description: String { "\(check.rawValue) check failed: \(reason)" }
}
