/// The protobuf-specs `HashAlgorithm` enum, by its JSON name.
public enum HashAlgorithm: String, Sendable, CaseIterable, Codable {
    case sha2_256 = "SHA2_256"
    case sha2_384 = "SHA2_384"
    case sha2_512 = "SHA2_512"
    case sha3_256 = "SHA3_256"
    case sha3_384 = "SHA3_384"
}
