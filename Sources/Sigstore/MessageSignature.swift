import Foundation

/// A bundle's `messageSignature`: a signature directly over an artifact,
/// with the artifact's digest as an (unauthenticated) hint.
public struct MessageSignature: Sendable, Equatable, Codable {
    /// `messageDigest`: the artifact digest; optional in the format.
    public var messageDigest: MessageDigest?
    /// `signature`: the raw signature bytes.
    public var signature: Data

    public init(messageDigest: MessageDigest?, signature: Data) {
        self.messageDigest = messageDigest
        self.signature = signature
    }

    enum CodingKeys: String, CodingKey {
        case messageDigest, signature
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messageDigest = try container.decodeIfPresent(MessageDigest.self, forKey: .messageDigest)
        signature = try container.decodeBytes(forKey: .signature)
    }
}
