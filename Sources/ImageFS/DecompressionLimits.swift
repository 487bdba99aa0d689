/// How many decompressed bytes a walk accepts before it refuses a layer as a
/// decompression bomb: a gzip of zeros shrinks about 1000:1, so a 16 MiB blob
/// could otherwise make the walker inflate 16 GiB.
public struct DecompressionLimits: Hashable, Sendable {
    /// The default limit per layer: 16 GiB of tar, far beyond any real layer.
    public static let defaultPerLayer: Int64 = 16 << 30
    /// The default limit over all layers of one image: 64 GiB.
    public static let defaultTotal: Int64 = 64 << 30

    /// The largest decompressed size of one layer; past it the layer is refused.
    public var perLayer: Int64
    /// The largest decompressed size of all layers together; past it the walk stops.
    public var total: Int64

    /// Limits in bytes; the defaults are ``defaultPerLayer`` and ``defaultTotal``.
    public init(perLayer: Int64 = Self.defaultPerLayer, total: Int64 = Self.defaultTotal) {
        self.perLayer = perLayer
        self.total = total
    }
}
