import Foundation

/// A transparency log entry's `inclusionProof`: a Merkle audit path from the
/// entry's leaf to `rootHash` in a tree of `treeSize` leaves, and the log's
/// signed checkpoint (a signed note) for that tree.
public struct InclusionProof: Sendable, Equatable, Codable {
    /// `logIndex`: the leaf index in the tree (may differ from the entry's global log index).
    public var logIndex: Int64?
    /// `rootHash`: the Merkle tree root the proof leads to.
    public var rootHash: Data?
    /// `treeSize`: the number of leaves in that tree.
    public var treeSize: Int64?
    /// The audit path, leaf side first; empty when absent.
    public var hashes: [Data]
    /// `checkpoint.envelope`: the signed note text.
    public var checkpoint: String?

    public init(logIndex: Int64? = nil, rootHash: Data? = nil, treeSize: Int64? = nil, hashes: [Data] = [], checkpoint: String? = nil) {
        self.logIndex = logIndex
        self.rootHash = rootHash
        self.treeSize = treeSize
        self.hashes = hashes
        self.checkpoint = checkpoint
    }

    enum CodingKeys: String, CodingKey {
        case logIndex, rootHash, treeSize, hashes, checkpoint
    }

    private enum CheckpointKeys: String, CodingKey {
        case envelope
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        logIndex = try container.decodeNonNegativeInt64IfPresent(forKey: .logIndex)
        rootHash = try container.decodeBytesIfPresent(forKey: .rootHash)
        treeSize = try container.decodeNonNegativeInt64IfPresent(forKey: .treeSize)
        hashes = try container.decodeBytesArray(forKey: .hashes)
        checkpoint = try container.contains(.checkpoint)
            ? container.nestedContainer(keyedBy: CheckpointKeys.self, forKey: .checkpoint).decodeIfPresent(String.self, forKey: .envelope)
            : nil
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeInt64IfPresent(logIndex, forKey: .logIndex)
        try container.encodeIfPresent(rootHash, forKey: .rootHash)
        try container.encodeInt64IfPresent(treeSize, forKey: .treeSize)
        try container.encodeUnlessEmpty(hashes, forKey: .hashes)
        if let checkpoint {
            var note = container.nestedContainer(keyedBy: CheckpointKeys.self, forKey: .checkpoint)
            try note.encode(checkpoint, forKey: .envelope)
        }
    }
}
