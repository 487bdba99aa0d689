import Foundation

/// `messageDigest` (protobuf `HashOutput`): a hash algorithm and digest bytes.
public struct MessageDigest: Sendable, Equatable, Codable {
    /// `algorithm`.
    public var algorithm: HashAlgorithm
    /// `digest`: the raw digest bytes.
    public var digest: Data

    public init(algorithm: HashAlgorithm, digest: Data) {
        self.algorithm = algorithm
        self.digest = digest
    }

    enum CodingKeys: String, CodingKey {
        case algorithm, digest
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .algorithm)
        guard let algorithm = HashAlgorithm(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                forKey: .algorithm, in: container,
                debugDescription: "unknown hash algorithm '\(name)' (expected one of \(HashAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        self.algorithm = algorithm
        digest = try container.decodeBytes(forKey: .digest)
    }
}
