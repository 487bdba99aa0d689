import Foundation
import InToto
import Sigstore

/// What one stored attestation turned out to hold, read as far as its storage allows.
public enum AttestationEnvelope: Sendable {
    /// A Sigstore bundle (any version Hallmark reads).
    case bundle(SigstoreBundle)
    /// A bare DSSE envelope (cosign `.att` layers).
    case envelope(DSSEEnvelope)
    /// An in-toto statement without any signature (BuildKit attestation manifests).
    case unsigned(Data)
    /// Content that cannot be an attestation Hallmark verifies, and why.
    case unreadable(String)

    /// The DSSE envelope to verify, if the content has one.
    public var dsseEnvelope: DSSEEnvelope? {
        switch self {
        case .bundle(let bundle): bundle.dsseEnvelope
        case .envelope(let envelope): envelope
        case .unsigned, .unreadable: nil
        }
    }
}
