/// The DER content bytes of the object identifiers keys use.
enum ObjectIdentifiers {
    static let ecPublicKey: [UInt8] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]  // 1.2.840.10045.2.1
    static let prime256v1: [UInt8] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]  // 1.2.840.10045.3.1.7
    static let secp384r1: [UInt8] = [0x2b, 0x81, 0x04, 0x00, 0x22]  // 1.3.132.0.34
    static let ed25519: [UInt8] = [0x2b, 0x65, 0x70]  // 1.3.101.112
    static let pbes2: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d]  // 1.2.840.113549.1.5.13
    static let pbkdf2: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c]  // 1.2.840.113549.1.5.12
    static let hmacWithSHA1: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x07]  // 1.2.840.113549.2.7
    static let hmacWithSHA256: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09]  // 1.2.840.113549.2.9
    static let aes256CBC: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2a]  // 2.16.840.1.101.3.4.1.42

    /// The dotted form of `oid`, for messages.
    static func dotted(_ oid: ArraySlice<UInt8>) -> String {
        guard let first = oid.first else { return "" }
        var parts = [Int(first) / 40, Int(first) % 40]
        var value = 0
        for byte in oid.dropFirst() {
            value = value << 7 | Int(byte & 0x7f)
            if byte & 0x80 == 0 {
                parts.append(value)
                value = 0
            }
            if value > Int(UInt32.max) { break }
        }
        return parts.map(String.init).joined(separator: ".")
    }
}
