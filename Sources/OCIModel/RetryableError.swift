/// An error that says whether trying the same thing again may succeed, so that code
/// which knows only the content protocols (the copy engine) retries exactly what a
/// registry client would: broken connections, 429 and 5xx, never a refusal or a
/// missing object.
public protocol RetryableError: Error {
    /// Whether trying again may succeed.
    var isRetryable: Bool { get }
    /// How long the other side asked to wait before trying again (`Retry-After`).
    var retryAfter: Duration? { get }
}
