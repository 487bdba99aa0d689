import OCIModel

/// How a layer blob is compressed.
enum LayerCompression: String, Hashable, Sendable {
    case none
    case gzip
    case zstd

    /// The compression a layer's media type declares, or, when the type says
    /// nothing (Docker and some OCI writers label gzip'd layers `.tar`), the one its
    /// first bytes show: gzip `1f 8b`, zstd `28 b5 2f fd`.
    static func detect(mediaType: String, head: ArraySlice<UInt8>) -> LayerCompression {
        if mediaType.hasSuffix("+zstd") || mediaType.hasSuffix(".zstd") { return .zstd }
        if mediaType.hasSuffix("+gzip") || mediaType.hasSuffix(".gzip") { return .gzip }
        if head.starts(with: [0x1f, 0x8b]) { return .gzip }
        if head.starts(with: [0x28, 0xb5, 0x2f, 0xfd]) { return .zstd }
        return .none
    }
}
