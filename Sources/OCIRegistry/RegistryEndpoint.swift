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

    /// `baseURL` + `path` (made of reference grammar characters, which need no escaping), e.g. `test/app/manifests/latest`, with `query` items.
    public func url(_ path: String, query: [URLQueryItem] = []) -> URL {
        var components = URLComponents(string: baseURL.absoluteString + path)!
        if !query.isEmpty { components.queryItems = query }
        return components.url!
    }

    /// Whether `host` (without port; IPv6 with or without brackets) is `localhost`, in 127.0.0.0/8 or `::1`.
    public static func isLoopback(host: String) -> Bool {
        var bare = host.lowercased()
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        if bare == "localhost" || bare.hasSuffix(".localhost") { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, bare, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, bare, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        return bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1
    }

    /// The host of `host[:port]`; IPv6 hosts keep their brackets.
    static func host(of registry: String) -> String {
        if registry.hasPrefix("["), let close = registry.firstIndex(of: "]") { return String(registry[...close]) }
        guard let colon = registry.lastIndex(of: ":") else { return registry }
        return String(registry[..<colon])
    }
}
