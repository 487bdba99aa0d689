import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OCIModel

/// Where a registry's API lives: scheme, host and the `/v2/` base URL.
public struct RegistryEndpoint: Sendable, Hashable {
    /// `host[:port]` as written in image references (`docker.io`, `127.0.0.1:5000`).
    public let registry: String
    /// `http` or `https`.
    public let scheme: String

    /// The endpoint of `registry`: plain HTTP when it is a loopback address or listed
    /// in `insecureRegistries` (by host or `host:port`), HTTPS otherwise.
    public init(registry: String, insecureRegistries: Set<String> = []) {
        self.registry = registry
        let host = Self.host(of: registry)
        let plain = Self.isLoopback(host: host) || insecureRegistries.contains(registry) || insecureRegistries.contains(host)
        scheme = plain ? "http" : "https"
    }

    /// The host the API is served from (`registry-1.docker.io` for Docker Hub).
    public var apiHost: String { registry == ImageReference.defaultRegistry ? "registry-1.docker.io" : registry }

    /// `scheme://apiHost/v2/`.
    public var baseURL: URL { URL(string: "\(scheme)://\(apiHost)/v2/")! }

    /// The origin of ``baseURL``: the only one the registry's credentials are sent to.
    public var origin: HTTPOrigin { HTTPOrigin(baseURL)! }

    /// `baseURL` + `path` (made of reference grammar characters, which need no escaping), e.g. `test/app/manifests/latest`, with `query` items.
    public func url(_ path: String, query: [URLQueryItem] = []) -> URL {
        var components = URLComponents(string: baseURL.absoluteString + path)!
        if !query.isEmpty { components.queryItems = query }
        return components.url!
    }

    /// Whether `host` (without port; IPv6 with or without brackets) is `localhost`, in
    /// 127.0.0.0/8 or `::1`; a name under `.localhost` only when it resolves, and only
    /// to loopback addresses.
    public static func isLoopback(host: String) -> Bool {
        var bare = host.lowercased()
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        if bare == "localhost" { return true }
        if let numeric = isLoopbackAddress(bare) { return numeric }
        return bare.hasSuffix(".localhost") && resolvesToLoopbackOnly(bare)
    }

    /// Whether the numeric address `text` is loopback; `nil` when it is not a numeric address.
    private static func isLoopbackAddress(_ text: String) -> Bool? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        return bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1
    }

    /// Whether `name` resolves to at least one address, all of them loopback.
    private static func resolvesToLoopbackOnly(_ name: String) -> Bool {
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, nil, &list) == 0, let first = list else { return false }
        defer { freeaddrinfo(first) }
        return sequence(first: first, next: { $0.pointee.ai_next }).allSatisfy { entry in
            var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(entry.pointee.ai_addr, entry.pointee.ai_addrlen, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 else {
                return false
            }
            return isLoopbackAddress(text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }) == true
        }
    }

    /// The host of `host[:port]`; IPv6 hosts keep their brackets.
    static func host(of registry: String) -> String {
        if registry.hasPrefix("["), let close = registry.firstIndex(of: "]") { return String(registry[...close]) }
        guard let colon = registry.lastIndex(of: ":") else { return registry }
        return String(registry[..<colon])
    }
}
