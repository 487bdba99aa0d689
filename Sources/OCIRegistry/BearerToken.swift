import Foundation
import OCIModel

/// A bearer token from a token endpoint, with the time it stops being used.
public struct BearerToken: Sendable, Equatable {
    /// The lifetime assumed when the endpoint does not say (`expires_in`), per the distribution token spec.
    public static let defaultLifetime: TimeInterval = 60
    /// How long before its end a token is no longer used, so it does not expire in flight.
    public static let expiryMargin: TimeInterval = 10

    public let value: String
    /// When the cache stops handing the token out.
    public let expiry: Date

    public init(value: String, expiry: Date) {
        self.value = value
        self.expiry = expiry
    }

    /// Parses a token endpoint's JSON answer (`token` or `access_token`, `expires_in`,
    /// `issued_at`) from `url`, received at `now`. The lifetime counts from `issued_at`
    /// when that lies within the last lifetime before `now` (else from `now`), and
    /// the margin is at most half the lifetime.
    public init(json bytes: [UInt8], url: String, now: Date) throws(RegistryError) {
        let answer: Answer
        do { answer = try JSONInput.decode(Answer.self, from: bytes, source: url) } catch {
            throw .invalidResponse(url: url, reason: "not a token response: \(error.reason)")
        }
        guard let value = [answer.token, answer.access_token].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw .invalidResponse(url: url, reason: "the token response has neither 'token' nor 'access_token'")
        }
        let lifetime = answer.expires_in.map(TimeInterval.init).flatMap { $0 > 0 ? $0 : nil } ?? Self.defaultLifetime
        // An `issued_at` in the future or before the token's lifetime is clock skew: count from now then.
        let issued = answer.issued_at.flatMap(Self.parseTimestamp).flatMap { $0 <= now && $0 > now.addingTimeInterval(-lifetime) ? $0 : nil } ?? now
        self.value = value
        self.expiry = issued.addingTimeInterval(lifetime - min(Self.expiryMargin, lifetime / 2))
    }

    private struct Answer: Decodable {
        var token: String?
        var access_token: String?
        var expires_in: Int?
        var issued_at: String?
    }

    private static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
