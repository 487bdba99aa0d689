/// The version orderings Hallmark knows, each exact to its reference implementation.
public enum VersionScheme: String, Sendable, CaseIterable, Codable {
    /// Debian and Ubuntu (dpkg).
    case dpkg
    /// Red Hat family (rpmvercmp, with epoch and release).
    case rpm
    /// Alpine (apk-tools).
    case apk
    /// Python (PEP 440, as `packaging` implements it).
    case pep440
    /// SemVer 2.0: npm, crates.io and the like.
    case semver
    /// Go modules: SemVer with a `v` prefix, `+incompatible` ignored.
    case golang
    /// Maven (ComparableVersion).
    case maven
    /// RubyGems (Gem::Version).
    case rubygems
    /// NuGet (NuGet.Versioning).
    case nuget

    /// -1, 0 or 1 as `a` is lower than, equal in precedence to, or higher than `b`.
    public func compare(_ a: String, _ b: String) throws(VersionParseError) -> Int {
        try ParsedVersion(a, scheme: self).compare(to: ParsedVersion(b, scheme: self))
    }

    /// Whether `version` is valid in this scheme.
    public func isValid(_ version: String) -> Bool {
        (try? ParsedVersion(version, scheme: self)) != nil
    }

    /// The scheme of an OSV ecosystem (`Debian:12`, `Alpine:v3.19`, `PyPI`, `npm`, `Go`,
    /// `crates.io`, `Maven`, `RubyGems`, `NuGet`, `Packagist`, Red Hat family names);
    /// nil for ecosystems without a known ordering.
    public static func forEcosystem(_ ecosystem: String) -> VersionScheme? {
        let base = ecosystem.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ecosystem
        switch base {
        case "Debian", "Ubuntu": return .dpkg
        case "Alpine", "Wolfi", "Chainguard": return .apk
        case "Red Hat", "AlmaLinux", "Rocky Linux", "openSUSE", "SUSE", "Mageia", "openEuler": return .rpm
        case "PyPI": return .pep440
        case "npm", "crates.io", "Packagist", "Hex", "Pub", "SwiftURL": return .semver
        case "Go": return .golang
        case "Maven": return .maven
        case "RubyGems": return .rubygems
        case "NuGet": return .nuget
        default: return nil
        }
    }
}
