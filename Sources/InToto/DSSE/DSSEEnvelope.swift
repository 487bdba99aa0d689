import Foundation

/// A DSSE envelope (Dead Simple Signing Envelope): the payload bytes exactly
/// as signed, their type, and one or more signatures over their PAE.
///
/// In JSON, `payload` and each `sig` are base64: read in the standard or URL-safe
/// alphabet, padded or not (as the DSSE spec allows), written standard and padded.
public struct DSSEEnvelope: Sendable, Equatable, Codable {
    /// The payload type of in-toto statements.
    public static let inTotoPayloadType = "application/vnd.in-toto+json"

    public var payloadType: String
    public var payload: Data
    public var signatures: [DSSESignature]

    public init(payloadType: String, payload: Data, signatures: [DSSESignature]) {
        self.payloadType = payloadType
        self.payload = payload
        self.signatures = signatures
    }

    /// The bytes each signature is computed over.
    public var preAuthenticationEncoding: Data {
        DSSEEnvelope.preAuthenticationEncoding(payloadType: payloadType, payload: payload)
    }

    /// DSSE's PAE: `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, with
    /// lengths as ASCII decimal byte counts.
    public static func preAuthenticationEncoding(payloadType: String, payload: Data) -> Data {
        let type = Data(payloadType.utf8)
        var bytes = Data("DSSEv1 \(type.count) ".utf8)
        bytes.append(type)
        bytes.append(Data(" \(payload.count) ".utf8))
        bytes.append(payload)
        return bytes
    }

    enum CodingKeys: String, CodingKey {
        case payloadType, payload, signatures
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        payloadType = try container.decode(String.self, forKey: .payloadType)
        payload = try container.decodeDSSEBase64(forKey: .payload)
        signatures = try container.decode([DSSESignature].self, forKey: .signatures)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(payloadType, forKey: .payloadType)
        try container.encode(DSSEBase64.encode(payload), forKey: .payload)
        try container.encode(signatures, forKey: .signatures)
    }
}

/// One signature of a ``DSSEEnvelope``; `keyid` is an optional, unauthenticated hint.
public struct DSSESignature: Sendable, Equatable, Codable {
    public var keyid: String?
    public var sig: Data

    public init(keyid: String?, sig: Data) {
        self.keyid = keyid
        self.sig = sig
    }

    enum CodingKeys: String, CodingKey {
        case keyid, sig
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keyid = try container.decodeIfPresent(String.self, forKey: .keyid)
        sig = try container.decodeDSSEBase64(forKey: .sig)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(keyid, forKey: .keyid)
        try container.encode(DSSEBase64.encode(sig), forKey: .sig)
    }
}
