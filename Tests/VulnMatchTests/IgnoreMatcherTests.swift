import Foundation
import Testing
@testable import VulnMatch

/// Each field of a Grype ignore rule, alone and together (all given fields must match).
@Suite struct IgnoreMatcherTests {
    static func finding(id: String = "GHSA-aaaa", aliases: [String] = ["CVE-2024-1"], name: String = "zlib", version: String = "1.2.13",
                        type: String = "apk", locations: [String] = ["/lib/apk/db/installed"], fixState: Finding.FixState = .fixed) -> Finding {
        let json = """
            {"advisoryID": "\(id)", "aliases": \(aliases), "severity": "high", "fixedVersions": [], "fixState": "\(fixState.rawValue)",
             "matchType": "range", "package": {"name": "\(name)", "version": "\(version)", "type": "\(type)", "purl": "pkg:\(type)/\(name)@\(version)",
             "locations": \(locations)}}
            """
        // Findings are made by the matcher; decoding one keeps the test independent of its initialiser.
        return try! JSONDecoder().decode(Finding.self, from: Data(json.utf8))
    }

    static func rule(_ yaml: String) throws -> IgnoreRule {
        try #require(try IgnoreConfig.parse("ignore:\n" + yaml, path: "t").rules.first)
    }

    @Test(arguments: [
        ("  - vulnerability: GHSA-aaaa\n", true),
        ("  - vulnerability: ghsa-AAAA\n", true),
        ("  - vulnerability: CVE-2024-1\n", false),
        ("  - vulnerability: CVE-2024-1\n    include-aliases: true\n", true),
        ("  - fix-state: fixed\n", true),
        ("  - fix-state: not-fixed\n", false),
        ("  - package:\n      name: zlib\n", true),
        ("  - package:\n      name: zlib\n      version: 1.2.12\n", false),
        ("  - package:\n      type: apk\n      version: 1.2.13\n", true),
        ("  - package:\n      type: deb\n", false),
        ("  - package:\n      location: /lib/apk/**\n", true),
        ("  - package:\n      location: /lib/apk/*/installed\n", true),
        ("  - package:\n      location: /lib/*/installed\n", false),
        ("  - package:\n      location: /usr/**\n", false),
        ("  - vulnerability: GHSA-aaaa\n    package:\n      name: other\n", false),
        ("  - vulnerability: GHSA-aaaa\n    expires: 2000-01-01\n", false),
        ("  - vex-status: not_affected\n", false),
    ])
    func fields(_ yaml: String, _ ignores: Bool) throws {
        let matcher = IgnoreMatcher(rules: [try Self.rule(yaml)])
        #expect((matcher.rule(ignoring: Self.finding()) != nil) == ignores, "\(yaml)")
    }
}
