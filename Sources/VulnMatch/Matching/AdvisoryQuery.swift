import Catalog
import VersionSchemes
import VulnDB

/// How one package is looked up in the advisory database: the OSV ecosystem and
/// release, the name advisories use (for Debian and Ubuntu the *source* package, as
/// their advisories are per source package), the version to compare and its scheme.
public struct AdvisoryQuery: Sendable, Equatable {
    public var ecosystem: String
    /// `12`, `v3.19`, `22.04`; nil for ecosystems without releases.
    public var release: String?
    public var name: String
    public var version: String
    /// nil: no known ordering; only exact `versions` lists can match.
    public var scheme: VersionScheme?

    /// The query for `package`, from its PURL; nil for package types without OSV advisories.
    public init?(_ package: CatalogPackage) {
        let purl = package.purl
        let version = package.version
        switch purl.type {
        case "deb":
            guard let namespace = purl.namespace?.lowercased(), namespace == "debian" || namespace == "ubuntu" else { return nil }
            ecosystem = namespace == "debian" ? "Debian" : "Ubuntu"
            release = purl.qualifiers["distro"].flatMap { Self.release(fromDistro: $0, id: namespace) }
            let upstream = purl.qualifiers["upstream"].map(Self.splitUpstream)
            name = upstream?.name ?? package.sourceName ?? purl.name
            self.version = upstream?.version ?? package.sourceVersion ?? version
        case "apk":
            ecosystem = "Alpine"
            release = purl.qualifiers["distro"].flatMap { Self.release(fromDistro: $0, id: "alpine") }.map(Self.alpineRelease)
            let upstream = purl.qualifiers["upstream"].map(Self.splitUpstream)
            name = upstream?.name ?? package.sourceName ?? purl.name
            self.version = version
        case "pypi": (ecosystem, release, name, self.version) = ("PyPI", nil, purl.name, version)
        case "npm": (ecosystem, release, name, self.version) = ("npm", nil, Self.joined(purl.namespace, purl.name, "/"), version)
        case "golang":
            ecosystem = "Go"
            release = nil
            name = Self.joined(purl.namespace, purl.name, "/")
            // The standard library is `stdlib` at the Go version (`go1.21.5` → `1.21.5`).
            self.version = name == "stdlib" && version.hasPrefix("go") ? String(version.dropFirst(2)) : version
        case "maven": (ecosystem, release, name, self.version) = ("Maven", nil, Self.joined(purl.namespace, purl.name, ":"), version)
        case "gem": (ecosystem, release, name, self.version) = ("RubyGems", nil, purl.name, version)
        case "cargo": (ecosystem, release, name, self.version) = ("crates.io", nil, purl.name, version)
        case "nuget": (ecosystem, release, name, self.version) = ("NuGet", nil, purl.name, version)
        case "composer": (ecosystem, release, name, self.version) = ("Packagist", nil, Self.joined(purl.namespace, purl.name, "/"), version)
        default: return nil
        }
        guard !self.version.isEmpty else { return nil }
        scheme = VersionScheme.forEcosystem(ecosystem)
    }

    /// `debian-12` → `12`; `ubuntu-22.04` → `22.04`.
    static func release(fromDistro distro: String, id: String) -> String? {
        let prefix = id + "-"
        return distro.lowercased().hasPrefix(prefix) ? String(distro.dropFirst(prefix.count)) : nil
    }

    /// `3.19.1` → `v3.19`, the form of Alpine's OSV ecosystems.
    static func alpineRelease(_ version: String) -> String {
        "v" + version.split(separator: ".").prefix(2).joined(separator: ".")
    }

    /// `name@version` of an `upstream=` qualifier.
    static func splitUpstream(_ text: String) -> (name: String, version: String?) {
        guard let at = text.firstIndex(of: "@") else { return (text, nil) }
        return (String(text[..<at]), String(text[text.index(after: at)...]))
    }

    static func joined(_ namespace: String?, _ name: String, _ separator: String) -> String {
        namespace.map { $0 + separator + name } ?? name
    }
}
