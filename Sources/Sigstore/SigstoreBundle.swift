import Foundation
import InToto

/// A Sigstore bundle (v0.1 to v0.3) in the protobuf-specs JSON mapping: a
/// signature or DSSE envelope together with everything needed to verify it
/// offline.
///
/// Decoding checks the shape only (media type, exactly one key material,
/// exactly one content kind, base64 and int64 encodings); it verifies
/// nothing. Read documents with ``BundleReader``, which names the source and
/// field of any problem; write them with ``jsonData()``.
public struct SigstoreBundle: Sendable, Equatable, Codable {
    /// `mediaType`: the bundle format version.
    public var mediaType: BundleMediaType
    /// `verificationMaterial`: the key material, log entries and timestamps.
    public var verificationMaterial: VerificationMaterial
    /// `dsseEnvelope` or `messageSignature`.
    public var content: BundleContent

    public init(mediaType: BundleMediaType, verificationMaterial: VerificationMaterial, content: BundleContent) {
        self.mediaType = mediaType
        self.verificationMaterial = verificationMaterial
        self.content = content
    }

    /// A v0.3 bundle (`application/vnd.dev.sigstore.bundle.v0.3+json`) for a DSSE
    /// envelope signed with a managed key named by `publicKeyHint`, with no log
    /// entries or timestamps.
    public init(dsseEnvelope: DSSEEnvelope, publicKeyHint: String) {
        self.init(
            mediaType: .v03,
            verificationMaterial: VerificationMaterial(keyMaterial: .publicKey(hint: publicKeyHint)),
            content: .dsseEnvelope(dsseEnvelope)
        )
    }

    /// The DSSE envelope, if that is the content.
    public var dsseEnvelope: DSSEEnvelope? {
        if case .dsseEnvelope(let envelope) = content { envelope } else { nil }
    }

    /// The message signature, if that is the content.
    public var messageSignature: MessageSignature? {
        if case .messageSignature(let signature) = content { signature } else { nil }
    }

    /// The bundle as deterministic JSON: keys sorted, only the fields that are
    /// set, bytes as standard base64 and int64 values as strings.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    enum CodingKeys: String, CodingKey {
        case mediaType, verificationMaterial, dsseEnvelope, messageSignature
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decodeIfPresent(String.self, forKey: .mediaType)
        guard let name, let mediaType = BundleMediaType(rawValue: name) else {
            throw BundleShapeFailure.unsupportedMediaType(field: fieldPath(decoder.codingPath, "mediaType"), mediaType: name)
        }
        self.mediaType = mediaType
        verificationMaterial = try container.decode(VerificationMaterial.self, forKey: .verificationMaterial)
        switch (container.contains(.dsseEnvelope), container.contains(.messageSignature)) {
        case (true, false):
            content = .dsseEnvelope(try container.decode(DSSEEnvelope.self, forKey: .dsseEnvelope))
        case (false, true):
            content = .messageSignature(try container.decode(MessageSignature.self, forKey: .messageSignature))
        case (true, true):
            throw BundleShapeFailure.invalid(
                field: fieldPath(decoder.codingPath, "content"),
                problem: "both dsseEnvelope and messageSignature are set; a bundle carries exactly one"
            )
        case (false, false):
            throw BundleShapeFailure.invalid(
                field: fieldPath(decoder.codingPath, "content"),
                problem: "neither dsseEnvelope nor messageSignature is set; a bundle carries exactly one"
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mediaType, forKey: .mediaType)
        try container.encode(verificationMaterial, forKey: .verificationMaterial)
        switch content {
        case .dsseEnvelope(let envelope): try container.encode(envelope, forKey: .dsseEnvelope)
        case .messageSignature(let signature): try container.encode(signature, forKey: .messageSignature)
        }
    }
}
