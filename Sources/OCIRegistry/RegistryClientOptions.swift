import OCIModel

/// Settings of a ``RegistryClient``.
public struct RegistryClientOptions: Sendable {
    /// Registries reached over plain HTTP although they are not on a loopback
    /// address, as `host` (any port) or `host:port`. Everything else uses HTTPS with
    /// certificate verification; loopback registries use plain HTTP.
    public var insecureRegistries: Set<String>
    /// Retries on connection errors, 429 and 5xx.
    public var retry: RetryPolicy
    /// Blobs larger than this are uploaded in chunks (PATCH), smaller ones in one PUT.
    public var chunkedUploadThreshold: Int64
    /// The size of one chunk of a chunked upload; one chunk is held in memory at a time.
    public var uploadChunkSize: Int
    /// The `User-Agent` header.
    public var userAgent: String

    public init(
        insecureRegistries: Set<String> = [], retry: RetryPolicy = .default,
        chunkedUploadThreshold: Int64 = 256 * 1024 * 1024, uploadChunkSize: Int = 16 * 1024 * 1024,
        userAgent: String = "hallmark"
    ) {
        self.insecureRegistries = insecureRegistries
        self.retry = retry
        self.chunkedUploadThreshold = chunkedUploadThreshold
        self.uploadChunkSize = max(1, uploadChunkSize)
        self.userAgent = userAgent
    }
}
