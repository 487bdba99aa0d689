import OCIModel

/// Why one layer (or one `dir:` tree) could not be read to its end. The walk
/// records it as a warning naming the layer and goes on with the next layer.
public struct LayerReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Error, Hashable, Sendable {
        /// The decompressed layer grew past ``DecompressionLimits/perLayer``.
        case perLayerLimitExceeded(limit: Int64)
        /// The compressed stream is not valid gzip or zstd.
        case corruptCompression(String)
        /// The compressed stream ended before its end marker.
        case truncatedCompression
        /// The layer is zstd-compressed and `libzstd.so.1` could not be loaded.
        case zstdUnavailable(String)
        /// The tar stream ended inside an entry (header or content).
        case truncatedTar(entry: String?)
        /// A tar header whose checksum does not match, at this decompressed offset.
        case badChecksum(offset: Int64)
        /// A malformed tar header or PAX record, at this decompressed offset.
        case malformedHeader(offset: Int64, String)
    }

    /// The layer's position in the manifest (0-based).
    public var layerIndex: Int
    /// The layer blob's digest (nil for `dir:` and `file:` sources).
    public var layer: Digest?
    /// What went wrong.
    public var reason: Reason

    /// A failure of layer `layerIndex` (digest `layer`).
    public init(layerIndex: Int, layer: Digest?, reason: Reason) {
        self.layerIndex = layerIndex
        self.layer = layer
        self.reason = reason
    }

    /// The failure as a sentence naming the layer.
    public var description: String {
        let name = "layer \(layerIndex + 1)" + (layer.map { " (\($0))" } ?? "")
        switch reason {
        case .perLayerLimitExceeded(let limit):
            return "\(name): refused, it decompresses to more than \(limit) bytes (decompression-bomb limit)"
        case .corruptCompression(let detail):
            return "\(name): invalid compressed data: \(detail)"
        case .truncatedCompression:
            return "\(name): compressed stream is truncated"
        case .zstdUnavailable(let detail):
            return "\(name): is zstd-compressed but libzstd.so.1 could not be loaded (\(detail)); install libzstd1"
        case .truncatedTar(let entry):
            return "\(name): tar stream is truncated" + (entry.map { " inside entry '\($0)'" } ?? "")
        case .badChecksum(let offset):
            return "\(name): tar header checksum mismatch at offset \(offset)"
        case .malformedHeader(let offset, let detail):
            return "\(name): malformed tar header at offset \(offset): \(detail)"
        }
    }
}
