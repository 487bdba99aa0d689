import InToto

/// What a bundle signs: exactly one of a DSSE envelope (e.g. an in-toto
/// attestation) or a plain signature over an artifact.
public enum BundleContent: Sendable, Equatable {
    case dsseEnvelope(DSSEEnvelope)
    case messageSignature(MessageSignature)
}
