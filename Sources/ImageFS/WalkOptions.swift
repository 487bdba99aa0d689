/// How far a walk may go and whom it tells about its progress.
public struct WalkOptions: Sendable {
    /// The decompression-bomb limits.
    public var limits: DecompressionLimits
    /// Called on the walking task after every compressed chunk read and every layer finished.
    public var progress: (@Sendable (WalkProgress) -> Void)?

    /// Options with the default limits and no progress reporting unless given.
    public init(limits: DecompressionLimits = DecompressionLimits(), progress: (@Sendable (WalkProgress) -> Void)? = nil) {
        self.limits = limits
        self.progress = progress
    }
}
