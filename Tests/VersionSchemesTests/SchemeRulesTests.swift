import Testing
@testable import VersionSchemes

/// Rules the shared vectors do not cover: Go module versions, NuGet, hostile input and
/// the OSV ecosystem names.
@Suite struct SchemeRulesTests {
    @Test(arguments: [
        ("v1.2.3", "v1.2.4", -1), ("v2.0.0+incompatible", "v2.0.0", 0), ("v0.0.0-20210101000000-abcdefabcdef", "v0.0.1", -1),
        ("v1.2.3-pre.0.20220101000000-abcdefabcdef", "v1.2.3", -1), ("v1.10.0", "v1.9.9", 1),
    ])
    func goModuleVersions(_ a: String, _ b: String, _ expected: Int) throws {
        #expect(try VersionScheme.golang.compare(a, b) == expected)
    }

    @Test func goNeedsTheVPrefix() {
        #expect(!VersionScheme.golang.isValid("1.2.3"))
        #expect(VersionScheme.semver.isValid("1.2.3"))
    }

    @Test(arguments: [
        ("1.0", "1.0.0.0", 0), ("1.0.0-beta", "1.0.0", -1), ("1.0.0-Beta.2", "1.0.0-beta.10", -1), ("1.0.0-alpha", "1.0.0-Alpha", 0),
        ("1.0.0+build", "1.0.0", 0), ("2.1.0.1", "2.1.0", 1), ("1.0.0-1", "1.0.0-a", -1),
    ])
    func nuGetVersions(_ a: String, _ b: String, _ expected: Int) throws {
        #expect(try VersionScheme.nuget.compare(a, b) == expected)
    }

    @Test func hugeAndHostileInputNeverCrashes() throws {
        let long = String(repeating: "9", count: 10_000)
        for scheme in VersionScheme.allCases {
            _ = try? scheme.compare("1." + long, "1." + long + "0")
            _ = try? scheme.compare(String(repeating: "1.", count: 5_000) + "1", "1")
            _ = try? scheme.compare("", "\u{0}")
            _ = try? scheme.compare(String(repeating: "1-a", count: 20_000), String(repeating: "1-a", count: 20_000) + "1")
            _ = try? scheme.compare(String(repeating: "a1-", count: 20_000), String(repeating: "~^_-.+!", count: 10_000))
        }
        #expect(try VersionScheme.dpkg.compare("1:" + long, "1:" + long + "0") == -1)
        #expect(try VersionScheme.semver.compare("1.0.\(long)", "1.0.\(long)") == 0)
        #expect(throws: VersionParseError.self) { try VersionScheme.dpkg.compare("99999999999:1", "1") }
        #expect(throws: VersionParseError.self) { try VersionScheme.maven.compare(String(repeating: "1-", count: 100) + "1", "1") }
        #expect(try VersionScheme.maven.compare(String(repeating: "1-", count: 60) + "1", String(repeating: "1-", count: 60) + "2") == -1)
    }

    @Test(arguments: [
        ("Debian:12", VersionScheme.dpkg), ("Ubuntu:22.04:LTS", .dpkg), ("Alpine:v3.19", .apk), ("PyPI", .pep440), ("npm", .semver),
        ("crates.io", .semver), ("Go", .golang), ("Maven", .maven), ("RubyGems", .rubygems), ("NuGet", .nuget), ("Rocky Linux:9", .rpm),
    ])
    func osvEcosystems(_ ecosystem: String, _ scheme: VersionScheme) {
        #expect(VersionScheme.forEcosystem(ecosystem) == scheme)
    }

    @Test func unknownEcosystemsHaveNoScheme() {
        #expect(VersionScheme.forEcosystem("GitHub Actions") == nil)
    }
}
