import Foundation
import Testing
@testable import VulnMatch

/// The one scan policy `scan` and `attest vuln` apply: VEX first, then ignore rules,
/// `--only-fixed`, and the threshold (explicit before the configuration's).
@Suite struct ScanPolicyTests {
    static func finding(_ id: String, _ severity: Severity, fixed: Bool, purl: String = "pkg:pypi/urllib3@1.26.4") throws -> Finding {
        let json = """
            {"advisoryID": "\(id)", "aliases": [], "severity": "\(severity.rawValue)", "fixedVersions": \(fixed ? "[\"2.0\"]" : "[]"),
             "fixState": "\(fixed ? "fixed" : "not-fixed")", "matchType": "range",
             "package": {"name": "urllib3", "version": "1.26.4", "type": "python", "purl": "\(purl)", "locations": []}}
            """
        return try JSONDecoder().decode(Finding.self, from: Data(json.utf8))
    }

    static func result() throws -> MatchResult {
        MatchResult(findings: [
            try finding("GHSA-vex", .critical, fixed: true),
            try finding("GHSA-ignored", .high, fixed: true),
            try finding("GHSA-unfixed", .critical, fixed: false),
            try finding("GHSA-kept", .medium, fixed: true),
        ])
    }

    @Test func vexThenIgnoresThenOnlyFixedThenTheThreshold() throws {
        let vexFile = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: vexFile) }
        try #"""
            {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/p", "author": "ci", "timestamp": "2026-01-01T00:00:00Z", "version": 1,
             "statements": [{"vulnerability": {"name": "GHSA-vex"}, "products": [{"@id": "pkg:pypi/urllib3"}], "status": "not_affected",
                             "justification": "vulnerable_code_not_present"}]}
            """#.write(to: vexFile, atomically: true, encoding: .utf8)
        let ignores = try IgnoreConfig.parse("fail-on-severity: high\nignore:\n  - vulnerability: GHSA-ignored\n    reason: not reachable\n  - vulnerability: GHSA-vex\n    reason: also ignored\n", path: "g.yaml")
        let policy = ScanPolicy(ignores: ignores, vex: [try OpenVEXDocument.load(path: vexFile.path)], onlyFixed: true)
        let outcome = policy.apply(try Self.result())
        #expect(outcome.findings.map(\.advisoryID) == ["GHSA-kept"])
        #expect(outcome.ignored.map(\.finding.advisoryID) == ["GHSA-vex", "GHSA-ignored"])
        #expect(outcome.ignored.first?.reason == "VEX not_affected: vulnerable_code_not_present", "VEX comes before the ignore rule")
        #expect(outcome.ignored.last?.rule == "g.yaml:3")
        #expect(outcome.threshold == .high)
        #expect(outcome.failing.isEmpty, "medium is below the configuration's high")
        let strict = ScanPolicy(ignores: ignores, failOn: .medium).apply(try Self.result())
        #expect(strict.failing.map(\.advisoryID) == ["GHSA-unfixed", "GHSA-kept"], "an explicit threshold overrides the file's")
        #expect(ScanPolicy().apply(try Self.result()).failing.isEmpty, "no threshold, no failure")
    }
}
