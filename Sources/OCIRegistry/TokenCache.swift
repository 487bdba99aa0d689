import Foundation

/// Bearer tokens per registry and scope, kept until shortly before they expire.
/// Concurrent requests for the same key share one fetch.
public actor TokenCache {
    /// What a token is cached under.
    public struct Key: Hashable, Sendable {
        public let registry: String
        /// The scopes, space-separated in a canonical order.
        public let scope: String

        public init(registry: String, scope: String) {
            self.registry = registry
            self.scope = scope
        }
    }

    private enum Entry {
        case ready(BearerToken)
        case fetching(Task<BearerToken, any Error>)
    }

    private var entries: [Key: Entry] = [:]
    private let now: @Sendable () -> Date

    /// A cache that reads the time from `now` (injectable for tests).
    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// The token for `key`: the cached one while it is fresh, else the result of `fetch`.
    public func token(for key: Key, fetch: @escaping @Sendable () async throws -> BearerToken) async throws -> String {
        switch entries[key] {
        case .ready(let token) where token.expiry > now():
            return token.value
        case .fetching(let task):
            return try await task.value.value
        default:
            let task = Task { try await fetch() }
            entries[key] = .fetching(task)
            do {
                let token = try await task.value
                entries[key] = .ready(token)
                return token.value
            } catch {
                entries[key] = nil
                throw error
            }
        }
    }

    /// The token for `key` if one is cached and fresh.
    public func cached(_ key: Key) -> String? {
        if case .ready(let token) = entries[key], token.expiry > now() { return token.value }
        return nil
    }

    /// Forgets `token` for `key` (after the registry refused it); a newer token is kept.
    public func invalidate(_ key: Key, token: String) {
        if case .ready(let cached) = entries[key], cached.value == token { entries[key] = nil }
    }
}
