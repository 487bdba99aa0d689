import OCIModel

/// What `hallmark copy` copies and how hard it tries.
public struct CopyOptions: Sendable {
    /// Copy every manifest of an index (`--all`); otherwise only the one matching ``platform``.
    public var all: Bool
    /// The platform chosen from an index when ``all`` is off (default: the host's).
    public var platform: Platform
    /// Also copy referrers (OCI 1.1 artifacts) and cosign `.att`/`.sig` tags of every copied manifest.
    public var includeReferrers: Bool
    /// How many blobs move at once.
    public var parallelBlobs: Int
    /// When a failed blob transfer is started again from scratch: only after an error
    /// that is retryable (``RetryableError``), with this policy's delays. Pass the
    /// registry client's policy, so a copy waits as its requests do.
    public var retry: RetryPolicy

    public init(all: Bool = false, platform: Platform = .host, includeReferrers: Bool = true, parallelBlobs: Int = 4, retry: RetryPolicy = .default) {
        self.all = all
        self.platform = platform
        self.includeReferrers = includeReferrers
        self.parallelBlobs = parallelBlobs
        self.retry = retry
    }
}

/// What a copy did.
public struct CopyReport: Sendable, Codable, Hashable {
    /// The digest of the root manifest written (equal to the source's: copies are byte-identical).
    public var digest: Digest
    public var mediaType: String
    public var manifestsCopied: Int = 0
    public var blobsCopied: Int = 0
    public var blobsSkipped: Int = 0
    public var blobsMounted: Int = 0
    public var bytesCopied: Int64 = 0
    public var referrersCopied: Int = 0
}

/// Progress of a copy, for a status line.
public struct CopyProgress: Sendable {
    public var blobsDone: Int
    public var blobsTotal: Int
    public var bytesDone: Int64
}
