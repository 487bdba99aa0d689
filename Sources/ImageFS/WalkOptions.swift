/// How far a walk may go and whom it tells about its progress.
public struct WalkOptions: Sendable {
    /// The default ``maxFileSize``: 256 MiB.
    public static let defaultMaxFileSize = 256 << 20

    /// The decompression-bomb limits.
    public var limits: DecompressionLimits
    /// The most bytes of one selected file read into memory, whatever its selector allows
    /// (ELF binaries up to 1 GiB): a larger file is skipped with a warning naming it, so
    /// one file cannot cost more memory than this.
    public var maxFileSize: Int
    /// Called on the walking task after every compressed chunk read and every layer finished.
    public var progress: (@Sendable (WalkProgress) -> Void)?
    /// Whether every regular file is hashed (SHA-1 and SHA-256, streamed) for the
    /// report's ``CatalogReport/files``.
    public var fileMetadata: Bool

    /// Options with the default limits, no progress reporting and no file hashing unless given.
    public init(limits: DecompressionLimits = DecompressionLimits(), maxFileSize: Int = Self.defaultMaxFileSize,
                progress: (@Sendable (WalkProgress) -> Void)? = nil, fileMetadata: Bool = false) {
        self.limits = limits
        self.maxFileSize = maxFileSize
        self.progress = progress
        self.fileMetadata = fileMetadata
    }
}
