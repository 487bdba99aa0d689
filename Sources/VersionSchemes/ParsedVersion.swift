/// A version parsed once in its scheme, to be compared many times (a scanner compares
/// each package version with every event of every range that names the package).
public struct ParsedVersion: Sendable {
    enum Value: Sendable {
        case dpkg(DebianVersion)
        case rpm(RPMVersion)
        case apk(ApkVersion)
        case pep440(PEP440Version)
        case semver(SemanticVersion)
        case maven(MavenVersion)
        case rubygems(RubyGemsVersion)
        case nuget(NuGetVersion)
    }

    let value: Value

    /// Parses `text` in `scheme`.
    public init(_ text: String, scheme: VersionScheme) throws(VersionParseError) {
        switch scheme {
        case .dpkg: value = .dpkg(try DebianVersion(text))
        case .rpm: value = .rpm(RPMVersion(text))
        case .apk: value = .apk(try ApkVersion(text))
        case .pep440: value = .pep440(try PEP440Version(text))
        case .semver, .golang: value = .semver(try SemanticVersion(text, scheme: scheme))
        case .maven: value = .maven(try MavenVersion(text))
        case .rubygems: value = .rubygems(try RubyGemsVersion(text))
        case .nuget: value = .nuget(try NuGetVersion(text))
        }
    }

    /// -1, 0 or 1; versions of different schemes compare as equal (never the case for one scheme's versions).
    public func compare(to other: ParsedVersion) -> Int {
        switch (value, other.value) {
        case (.dpkg(let a), .dpkg(let b)): a.compare(to: b)
        case (.rpm(let a), .rpm(let b)): a.compare(to: b)
        case (.apk(let a), .apk(let b)): a.compare(to: b)
        case (.pep440(let a), .pep440(let b)): a.compare(to: b)
        case (.semver(let a), .semver(let b)): a.compare(to: b)
        case (.maven(let a), .maven(let b)): a.compare(to: b)
        case (.rubygems(let a), .rubygems(let b)): a.compare(to: b)
        case (.nuget(let a), .nuget(let b)): a.compare(to: b)
        default: 0
        }
    }
}
