/// How far a walk may go and whom it tells about its progress.
public struct WalkOptions: Sendable {
    /// The decompression-bomb limits.
    public var limits: DecompressionLimits
    /// Called on the walking task after every compressed chunk read and every layer finished.
    public var progress: (@Sendable (WalkProgress) -> Void)?
    /// Whether every regular file is hashed (SHA-1 and SHA-256, streamed) for the
    /// report's ``CatalogReport/files``.
    public var fileMetadata: Bool

    /// Options with the default limits, no progress reporting and no file hashing unless given.
    public init(limits: DecompressionLimits = DecompressionLimits(), progress: (@Sendable (WalkProgress) -> Void)? = nil,
                fileMetadata: Bool = false) {
        self.limits = limits
        self.progress = progress
        self.fileMetadata = fileMetadata
    }
}
