import Foundation

/// Signs payloads into DSSE envelopes: one signature over the PAE of the payload
/// type and bytes, with `keyid` the key's id (or a caller's hint).
public struct DSSESigner: Sendable {
    public let key: SigningKey
    /// The `keyid` written into each signature.
    public let keyID: String?

    /// A signer with `key`, naming it by `keyID` (default: the public key's id).
    public init(key: SigningKey, keyID: String? = nil) {
        self.key = key
        self.keyID = keyID ?? key.publicKey.keyID
    }

    /// The envelope of `payload`.
    public func sign(payload: Data, payloadType: String) throws -> DSSEEnvelope {
        let signature = try key.sign(DSSEEnvelope.preAuthenticationEncoding(payloadType: payloadType, payload: payload))
        return DSSEEnvelope(payloadType: payloadType, payload: payload, signatures: [DSSESignature(keyid: keyID, sig: signature)])
    }
}
