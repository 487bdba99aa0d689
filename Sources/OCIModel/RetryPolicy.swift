import Foundation

/// When and how long to wait before trying a failed request again: exponential
/// backoff with full jitter on connection errors, 429 and 5xx, honouring the
/// registry's `Retry-After` up to ``maxRetryAfter``.
public struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt (so at most `maxRetries + 1` attempts).
    public var maxRetries: Int
    /// The backoff cap for the first retry; it doubles with every retry.
    public var baseDelay: Duration
    /// The largest backoff cap.
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured; longer requests are cut to this.
    public var maxRetryAfter: Duration

    /// The default: 3 retries, 200 ms doubling up to 10 s, `Retry-After` up to 60 s.
    public static let `default` = RetryPolicy()
    /// No retries at all.
    public static let none = RetryPolicy(maxRetries: 0)

    public init(
        maxRetries: Int = 3, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(10),
        maxRetryAfter: Duration = .seconds(60)
    ) {
        self.maxRetries = max(0, maxRetries)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// The upper bound of the jittered backoff before retry number `retry` (1-based):
    /// `min(maxDelay, baseDelay * 2^(retry-1))`.
    public func backoffCap(forRetry retry: Int) -> Duration {
        let doublings = min(max(retry - 1, 0), 30)
        let cap = baseDelay * (1 << doublings)
        return min(cap, maxDelay)
    }

    /// How long to wait before retry number `retry`: the registry's `retryAfter`
    /// (capped at ``maxRetryAfter``) when given, else a uniformly random delay in
    /// `0...backoffCap(forRetry:)` (full jitter).
    public func delay(forRetry retry: Int, retryAfter: Duration?, using generator: inout some RandomNumberGenerator) -> Duration {
        if let retryAfter { return min(max(retryAfter, .zero), maxRetryAfter) }
        let capNanoseconds = backoffCap(forRetry: retry).nanoseconds
        guard capNanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...capNanoseconds, using: &generator))
    }

    /// Runs `operation`, again after a backoff while it throws a retryable
    /// ``RetryableError`` and retries remain; every other error ends it at once.
    public func run<T>(_ operation: () async throws -> T) async throws -> T {
        var retry = 0
        var generator = SystemRandomNumberGenerator()
        while true {
            do {
                return try await operation()
            } catch let error as any RetryableError where error.isRetryable && retry < maxRetries {
                retry += 1
                try await Task.sleep(for: delay(forRetry: retry, retryAfter: error.retryAfter, using: &generator))
            }
        }
    }

    /// Parses a `Retry-After` value: delay seconds, or an HTTP date (then the time until it, at least zero).
    public static func parseRetryAfter(_ value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int64(trimmed) { return seconds >= 0 ? .seconds(seconds) : nil }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        let interval = max(0, date.timeIntervalSince(now))
        return .milliseconds(Int64((interval * 1000).rounded()))
    }
}

extension Duration {
    /// The whole duration in nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : scaled + attoseconds / 1_000_000_000
    }
}

/// HTTP dates (RFC 9110): IMF-fixdate, plus the obsolete RFC 850 and asctime forms.
enum HTTPDate {
    private static let formats = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"]

    static func parse(_ text: String) -> Date? {
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
