import Foundation
import Testing
import TestSupport
@testable import VulnMatch

@Suite struct IgnoreConfigTests {
    /// Every real `.grype.yaml` of the shared test data reads, with its rules at their lines.
    @Test func realGrypeFilesRead() throws {
        let expected: [(String, Int)] = [
            ("midnightntwrk__midnight-node/.grype.yaml", 3), ("BerriAI__litellm/.grype.yaml", 2), ("Aureliolo__ai-company/.grype.yaml", 1),
            ("GitGuardian__ggshield/.grype.yaml", 12), ("CodesWhat__drydock/.grype.yaml", 2), ("EvilBit-Labs__gold_digger/.grype.yaml", 1),
            ("DEFRA__defra-docker-node/.grype.yaml", 2), ("Checkmarx__kics/.grype.yaml", 5), ("Alfresco__alfresco-dockerfiles-bakery/.grype.yaml", 1),
        ]
        for (file, count) in expected {
            let config = try IgnoreConfig.load(path: SharedTestData.url("grype-config/" + file).path)
            #expect(config.rules.count == count, "\(file)")
            #expect(config.rules.allSatisfy { $0.line > 0 }, "\(file)")
        }
        let gold = try IgnoreConfig.load(path: SharedTestData.url("grype-config/EvilBit-Labs__gold_digger/.grype.yaml").path)
        #expect(gold.failOnSeverity == .high)
    }

    @Test func fieldsCommentsAndLinesOfTheRunbookFormat() throws {
        let config = try IgnoreConfig.load(path: SharedTestData.url("grype-config/midnightntwrk__midnight-node/.grype.yaml").path)
        let first = try #require(config.rules.first)
        #expect(first.vulnerability == "GHSA-7h2j-956f-4vf2")
        #expect(first.line == 12)
        #expect(first.comments.first == "GHSA-7h2j-956f-4vf2: @isaacs/brace-expansion DoS vulnerability")
        #expect(first.comments.last == "TODO: Remove this ignore once npm releases a version with the fix")
        #expect(config.rules[1].comments.last == "Critical: wasmtime 35.0.0, fixed in 36.0.7", "the inline comment of the entry")
        let kics = try IgnoreConfig.load(path: SharedTestData.url("grype-config/Checkmarx__kics/.grype.yaml").path)
        #expect(kics.rules[2].package?.location == "/root/.terraform.d/plugins/linux_amd64/terraform-provider-**")
        let ai = try IgnoreConfig.load(path: SharedTestData.url("grype-config/Aureliolo__ai-company/.grype.yaml").path)
        #expect(ai.rules[0].reason?.hasPrefix("Disputed zlib vulnerability") == true)
    }

    @Test(arguments: [
        ("ignore:\n  - vulnerability: [a, b]\n", 2, "vulnerability must be a single value"),
        ("ignore:\n  - vulnerabilty: CVE-2024-1\n", 2, "unknown ignore field 'vulnerabilty'"),
        ("ignore:\n  - package:\n      nme: zlib\n", 3, "unknown package field 'nme'"),
        ("ignore:\n  - reason: because\n", 2, "matches nothing in particular"),
        ("ignore: everything\n", 1, "ignore: must be a list"),
        ("ignore:\n  - vulnerability: CVE-1\n    expires: soon\n", 3, "not a date"),
        ("ignore:\n  - vulnerability: \"CVE-1\n", 3, "invalid YAML"),
        ("- just a list\n", 1, "top level must be a mapping"),
    ])
    func badFilesNameTheLine(_ text: String, _ line: Int, _ message: String) {
        #expect { try IgnoreConfig.parse(text, path: "bad.yaml") } throws: { error in
            guard let error = error as? IgnoreConfigError else { return false }
            return error.line == line && error.message.contains(message) && error.description.hasPrefix("bad.yaml:\(line): ")
        }
    }

    @Test func aliasBombsAreRefusedWithTheirLine() throws {
        // Nested aliases that would expand to 10^10 nodes: refused before Yams composes them.
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        text += "ignore:\n  - vulnerability: CVE-2024-0001\n"
        let error = try #require(throws: IgnoreConfigError.self) { try IgnoreConfig.parse(text, path: "bomb.yaml") }
        #expect(error.description.hasPrefix("bomb.yaml:"))
        #expect(error.message.contains("nodes once its aliases are expanded"))
    }

    /// A `fail-on-severity` that is not a severity name is an error at its line, never a gate turned off.
    @Test(arguments: ["crtical", "severe", "42", "[high]"])
    func aMistypedThresholdIsAnError(_ value: String) throws {
        let error = try #require(throws: IgnoreConfigError.self) { try IgnoreConfig.parse("ignore: []\nfail-on-severity: \(value)\n", path: "g.yaml") }
        #expect(error.line == 2)
        #expect(error.message.contains("is not one of negligible, low, medium, high, critical"))
        #expect(try IgnoreConfig.parse("fail-on-severity: High\n", path: "g.yaml").failOnSeverity == .high)
        #expect(try IgnoreConfig.parse("fail-on-severity:\n", path: "g.yaml").failOnSeverity == nil)
    }
}
