/// An image reference per the distribution reference grammar, normalised the way
/// Docker does it: `alpine` is `docker.io/library/alpine`, `index.docker.io` is
/// `docker.io`, and a first path component counts as a registry only if it
/// contains `.` or `:`, is `localhost`, or has an uppercase letter.
public struct ImageReference: Hashable, Sendable, CustomStringConvertible {
    /// The default registry for references without one.
    public static let defaultRegistry = "docker.io"
    /// The limit on `registry/repository`, as in the distribution grammar.
    public static let maxNameLength = 255

    /// `host[:port]`, e.g. `docker.io`, `127.0.0.1:5000`, `[::1]:5000`.
    public let registry: String
    /// The repository path, e.g. `library/alpine`.
    public let repository: String
    /// The tag, if the reference had one.
    public let tag: String?
    /// The digest, if the reference had one.
    public let digest: Digest?

    /// Creates a reference from validated parts.
    public init(registry: String, repository: String, tag: String? = nil, digest: Digest? = nil) throws(ReferenceError) {
        let text = "\(registry)/\(repository)"
        try Self.validateRegistry(registry, in: text)
        try Self.validateRepository(repository, in: text)
        if let tag { try Self.validateTag(tag, in: text) }
        guard text.utf8.count <= Self.maxNameLength else { throw .nameTooLong(text, length: text.utf8.count) }
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// Parses and normalises `string`.
    public init(parsing string: String) throws(ReferenceError) {
        guard !string.isEmpty else { throw .empty }
        var rest = Substring(string)
        var digest: Digest?
        if let at = rest.firstIndex(of: "@") {
            let digestText = String(rest[rest.index(after: at)...])
            do { digest = try Digest(digestText) } catch { throw .invalidDigest(string, reason: error.description) }
            rest = rest[..<at]
        }
        var tag: String?
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/"), !rest[colon...].contains("]") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        let name = String(rest)
        // As upstream: only a bare 64-hex string is refused (it reads as an image ID);
        // with a tag, digest or registry it is an ordinary repository name.
        if string.utf8.count == 64, string.utf8.allSatisfy(Self.isLowerHex) { throw .hexRepositoryName(string) }
        var registry = Self.defaultRegistry
        var repository = name
        if let slash = name.firstIndex(of: "/") {
            let first = String(name[..<slash])
            if first.contains(".") || first.contains(":") || first == "localhost" || first.lowercased() != first {
                registry = first
                repository = String(name[name.index(after: slash)...])
            }
        }
        if registry == "index.docker.io" { registry = Self.defaultRegistry }
        if registry == Self.defaultRegistry, !repository.contains("/") { repository = "library/" + repository }
        if repository.contains(where: \.isUppercase) { throw .uppercaseRepository(string) }
        try Self.validateRegistry(registry, in: string)
        try Self.validateRepository(repository, in: string)
        if let tag { try Self.validateTag(tag, in: string) }
        let full = "\(registry)/\(repository)".utf8.count
        guard full <= Self.maxNameLength else { throw .nameTooLong(string, length: full) }
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// The same repository with another tag or digest.
    public func with(tag: String? = nil, digest: Digest? = nil) -> ImageReference {
        ImageReference(unchecked: registry, repository, tag, digest)
    }

    private init(unchecked registry: String, _ repository: String, _ tag: String?, _ digest: Digest?) {
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// `registry/repository`, without tag or digest.
    public var name: String { "\(registry)/\(repository)" }

    /// What to ask the registry for: the digest if given, else the tag, else `latest`.
    public var tagOrDigest: String { digest?.description ?? tag ?? "latest" }

    /// The host the API is served from (`registry-1.docker.io` for Docker Hub).
    public var apiHost: String { registry == Self.defaultRegistry ? "registry-1.docker.io" : registry }

    public var description: String {
        var text = name
        if let tag { text += ":" + tag }
        if let digest { text += "@" + digest.description }
        return text
    }

    // MARK: grammar

    private static func isLowerHex(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) }
    private static func isAlnumLower(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) }
    private static func isAlnum(_ c: UInt8) -> Bool { isAlnumLower(c) || (c >= 0x41 && c <= 0x5a) }
    private static func isWord(_ c: UInt8) -> Bool { isAlnum(c) || c == 0x5f }

    static func validateTag(_ tag: String, in ref: String) throws(ReferenceError) {
        let b = Array(tag.utf8)
        guard let first = b.first, isWord(first), b.count <= 128,
              b.dropFirst().allSatisfy({ isWord($0) || $0 == 0x2e || $0 == 0x2d })
        else { throw .invalidTag(ref, tag: tag) }
    }

    /// `path-component ('/' path-component)*`, each `[a-z0-9]+ (separator [a-z0-9]+)*`
    /// with separator `.`, `_`, `__` or one or more `-`.
    static func validateRepository(_ repository: String, in ref: String) throws(ReferenceError) {
        guard !repository.isEmpty else { throw .invalidFormat(ref, reason: "the repository name is empty") }
        for component in repository.split(separator: "/", omittingEmptySubsequences: false) {
            guard isPathComponent(Array(component.utf8)) else {
                throw .invalidFormat(ref, reason: "path component '\(component)' must be lowercase alphanumerics separated by '.', '_', '__' or '-'")
            }
        }
    }

    private static func isPathComponent(_ b: [UInt8]) -> Bool {
        guard let first = b.first, let last = b.last, isAlnumLower(first), isAlnumLower(last) else { return false }
        var i = 0
        while i < b.count {
            if isAlnumLower(b[i]) { i += 1; continue }
            var j = i
            while j < b.count, !isAlnumLower(b[j]) { j += 1 }
            let separator = b[i..<j]
            let ok = separator.elementsEqual([0x2e]) || separator.elementsEqual([0x5f]) || separator.elementsEqual([0x5f, 0x5f])
                || separator.allSatisfy { $0 == 0x2d }
            guard ok else { return false }
            i = j
        }
        return true
    }

    /// `host[:port]` where host is a domain name, an IPv4 address or `[IPv6]`.
    static func validateRegistry(_ registry: String, in ref: String) throws(ReferenceError) {
        var host = Substring(registry)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw .invalidRegistry(ref, registry: registry) }
            let inner = host[host.index(after: host.startIndex)..<close]
            // `\[[a-fA-F0-9:]+\]` as in the distribution grammar: no zones, no embedded IPv4.
            guard !inner.isEmpty,
                  inner.utf8.allSatisfy({ isLowerHex($0) || ($0 >= 0x41 && $0 <= 0x46) || $0 == 0x3a })
            else { throw .invalidRegistry(ref, registry: registry) }
            let after = host[host.index(after: close)...]
            if after.isEmpty { return }
            guard after.first == ":" else { throw .invalidRegistry(ref, registry: registry) }
            try validatePort(after.dropFirst(), registry: registry, ref: ref)
            return
        }
        if let colon = host.firstIndex(of: ":") {
            try validatePort(host[host.index(after: colon)...], registry: registry, ref: ref)
            host = host[..<colon]
        }
        let components = host.split(separator: ".", omittingEmptySubsequences: false)
        for component in components {
            let b = Array(component.utf8)
            guard let first = b.first, let last = b.last, isAlnum(first), isAlnum(last),
                  b.allSatisfy({ isAlnum($0) || $0 == 0x2d })
            else { throw .invalidRegistry(ref, registry: registry) }
        }
    }

    private static func validatePort(_ port: Substring, registry: String, ref: String) throws(ReferenceError) {
        guard !port.isEmpty, port.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw .invalidRegistry(ref, registry: registry)
        }
    }
}
