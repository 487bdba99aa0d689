import Foundation
import Testing
import TestSupport
@testable import VulnMatch

@Suite struct IgnoreLinterTests {
    static let runbookExample = """
        ignore:
          # CVE-2024-12345: Heap overflow in libfoo's parser
          # Impact assessment: the parser is only fed our own signed config files
          # Affected component: libfoo 1.2.3 (Debian package libfoo1)
          # Tracking: https://github.com/upstream/libfoo/issues/678
          # TODO: Remove when upstream releases 1.2.4
          - vulnerability: CVE-2024-12345
        """

    @Test func theRunbookFormatPasses() throws {
        let config = try IgnoreConfig.parse(Self.runbookExample, path: ".grype.yaml")
        #expect(IgnoreLinter().lint(config).isEmpty)
    }

    @Test func aBareRuleMissesEveryItem() throws {
        let config = try IgnoreConfig.parse("ignore:\n  - vulnerability: CVE-2024-0001\n", path: ".grype.yaml")
        let findings = IgnoreLinter().lint(config)
        #expect(findings.map(\.requirement) == IgnoreRequirement.allCases.map { $0 })
        #expect(findings.allSatisfy { $0.line == 2 && $0.path == ".grype.yaml" && $0.rule == "CVE-2024-0001" })
    }

    @Test func explicitFieldsCount() throws {
        let text = """
            ignore:
              - vulnerability: CVE-2024-0002
                reason: Not exploitable, see https://github.com/o/r/issues/1
                vex-justification: vulnerable_code_not_in_execute_path
                package:
                  name: zlib
                expires: 2030-01-31
            """
        let findings = IgnoreLinter(now: Date(timeIntervalSince1970: 1_800_000_000)).lint(try IgnoreConfig.parse(text, path: "f"))
        #expect(findings.isEmpty, "\(findings)")
        let later = IgnoreLinter(now: Date(timeIntervalSince1970: 1_950_000_000)).lint(try IgnoreConfig.parse(text, path: "f"))
        #expect(later.map(\.kind) == [.expired])
    }

    @Test func staleRulesAreFlaggedWhenAScanIsGiven() throws {
        let config = try IgnoreConfig.parse(Self.runbookExample, path: "f")
        #expect(IgnoreLinter().lint(config, unmatchedRuleLines: [7]).map(\.kind) == [.stale])
        #expect(IgnoreLinter().lint(config, unmatchedRuleLines: []).isEmpty)
    }

    /// The real files: the one written in the runbook's format documents nearly everything; the
    /// ones without justifications are reported per rule.
    @Test func realFiles() throws {
        let midnight = try IgnoreConfig.load(path: SharedTestData.url("grype-config/midnightntwrk__midnight-node/.grype.yaml").path)
        let findings = IgnoreLinter().lint(midnight)
        #expect(!findings.contains { $0.requirement == .trackingLink || $0.requirement == .removalCriterion || $0.requirement == .identification },
                "\(findings.map { "\($0.line) \($0.message)" })")
        let kics = try IgnoreConfig.load(path: SharedTestData.url("grype-config/Checkmarx__kics/.grype.yaml").path)
        let kicsFindings = IgnoreLinter().lint(kics)
        #expect(Set(kicsFindings.map(\.line)).count == 5, "every rule of an undocumented file is reported")
        #expect(kicsFindings.contains { $0.rule == "package location /usr/bin/terraform" && $0.requirement == .trackingLink })
    }
}
