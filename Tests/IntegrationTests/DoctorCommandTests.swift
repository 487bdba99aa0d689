import Foundation
import Testing
import TestSupport

/// `hallmark doctor` on the real workflows: exit codes, formats, and per-file errors.
struct DoctorCommandTests {
    @Test func realWorkflowsAndOutputFormats() async throws {
        // The version of ShelfBridge whose fix added id-token: write (the ACTIONS_ID_TOKEN_REQUEST_URL error).
        let shelf = try SharedTestData.url("workflows/rohit-purandare__ShelfBridge/docker-publish.yml").path
        let github = try await CLI.hallmark("doctor", shelf, "--format", "github")
        #expect(github.status == 1)
        #expect(github.text.contains("::error file=\(shelf),line=38,col=5,title=missing-id-token::"))
        // Workflow-command escaping: `,` and `:` in a property, `%` in the message.
        let odd = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: odd) }
        let oddFile = odd.appendingPathComponent("a,b:c.yml")
        try FileManager.default.copyItem(atPath: shelf, toPath: oddFile.path)
        let escaped = try await CLI.hallmark("doctor", oddFile.path, "--format", "github")
        #expect(escaped.text.contains("::error file=\(odd.path.replacingOccurrences(of: ":", with: "%3A"))/a%2Cb%3Ac.yml,line=38,col=5,title=missing-id-token::"), "\(escaped.text)")
        // SARIF for GitHub code scanning: valid against the OASIS 2.1.0 schema.
        let work0 = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work0) }
        let sarif = try await CLI.hallmark("doctor", shelf, "--format", "sarif")
        let sarifFile = work0.appendingPathComponent("doctor.sarif")
        try Data(sarif.stdout).write(to: sarifFile)
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/sarif/sarif-schema-2.1.0.json").path
        let valid = try await CLI.run("/usr/bin/env", ["check-jsonschema", "--schemafile", schema, sarifFile.path])
        #expect(valid.status == 0, "check-jsonschema (pip install check-jsonschema): \(valid.text)")
        #expect(String(decoding: sarif.stdout, as: UTF8.self).contains("\"startLine\" : 38"))
        let text = try await CLI.hallmark("doctor", shelf)
        #expect(text.text.contains("[missing-id-token]") && text.text.contains("id-token: write") && text.text.contains("^"))

        // The intentional PR gating of infobloxopen/ib-schema-registry: nothing to report.
        let infoblox = try await CLI.hallmark("doctor", try SharedTestData.url("workflows/infobloxopen__ib-schema-registry").path)
        #expect(infoblox.status == 0, "\(infoblox.text)")

        // A broken file is reported; the good one next to it is still analysed.
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        try "jobs: [".write(to: work.appendingPathComponent("broken.yml"), atomically: true, encoding: .utf8)
        try Data([0x6F, 0x6E, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: work.appendingPathComponent("latin1.yaml"))
        try FileManager.default.copyItem(atPath: shelf, toPath: work.appendingPathComponent("publish.yml").path)
        let mixed = try await CLI.hallmark("doctor", work.path, "--format", "json")
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("broken.yml"))
        #expect(mixed.stderr.contains("latin1.yaml:1: not UTF-8"), "\(mixed.stderr)")
        let findings = try JSONSerialization.jsonObject(with: Data(mixed.stdout)) as? [[String: Any]]
        #expect(findings?.contains { $0["rule"] as? String == "missing-id-token" } == true)
    }

    /// `doctor --image`: the example's arm64 platform lacks the SBOM amd64 has; the workflow's
    /// findings are offered as likely causes.
    @Test func imageCheckNamesTheMissingPlatformAndLikelyCauses() async throws {
        let image = "oci-dir:\(CLI.examplePath)"
        let workflows = try SharedTestData.url("workflows/rohit-purandare__ShelfBridge").path
        let missing = try await CLI.hallmark("doctor", workflows, "--image", image, "--expect", "provenance,sbom", "--fail-on", "error")
        #expect(missing.status == 1)
        #expect(missing.text.contains("linux/arm64/v8") && missing.text.contains("sbom ✗"))
        #expect(missing.text.contains("Likely causes in the workflows:") && missing.text.contains("[missing-id-token]"))
        let complete = try await CLI.hallmark("doctor", try SharedTestData.url("workflows/infobloxopen__ib-schema-registry").path, "--image", image)
        #expect(complete.status == 0, "\(complete.text)")
    }

    /// `--fix` writes the permission block into a copy of ShelfBridge's workflow and reports
    /// what remains; a second run has nothing left to fix.
    @Test func fixWritesThePermissionBlock() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("docker-publish.yml").path
        try FileManager.default.copyItem(atPath: try SharedTestData.url("workflows/rohit-purandare__ShelfBridge/docker-publish.yml").path, toPath: file)
        let fixed = try await CLI.hallmark("doctor", file, "--fix", "--format", "json")
        #expect(fixed.stderr.contains("fixed \(file): job 'publish' permissions: attestations: write, contents: read, id-token: write, packages: write"))
        let remaining = try JSONSerialization.jsonObject(with: Data(fixed.stdout)) as? [[String: Any]]
        #expect(remaining?.contains { ($0["rule"] as? String)?.hasPrefix("missing-") == true } == false)
        #expect(remaining?.contains { $0["rule"] as? String == "qemu-missing" } == true, "other findings are reported, not changed")
        #expect(fixed.status == 1, "qemu-missing is still an error")
        let again = try await CLI.hallmark("doctor", file, "--fix")
        #expect(!again.stderr.contains("fixed"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0 != "docker-publish.yml" }
        #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)")
    }
}
