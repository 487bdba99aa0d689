import Foundation
import Testing

/// `hallmark ignores lint`: exit codes and the items it names.
struct IgnoresLintCommandTests {
    @Test func exitCodesFollowTheFindings() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let good = work.appendingPathComponent("good.yaml").path
        try """
            ignore:
              # CVE-2024-12345: Heap overflow in libfoo's parser
              # Impact assessment: the parser only reads our own signed files
              # Affected component: libfoo1 (Debian)
              # Tracking: https://github.com/upstream/libfoo/issues/678
              # TODO: Remove when upstream releases 1.2.4
              - vulnerability: CVE-2024-12345
            """.write(toFile: good, atomically: true, encoding: .utf8)
        let passed = try await CLI.hallmark("ignores", "lint", good)
        #expect(passed.status == 0, "\(passed.text)")

        let bare = work.appendingPathComponent(".grype.yaml").path
        try "ignore:\n  - vulnerability: CVE-2024-0001\n".write(toFile: bare, atomically: true, encoding: .utf8)
        let failed = try await CLI.hallmark("ignores", "lint", bare, "--format", "json")
        #expect(failed.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(failed.stdout)) as? [String: Any]
        let requirements = (report?["findings"] as? [[String: Any]] ?? []).compactMap { $0["requirement"] as? String }
        #expect(requirements == ["id-and-description", "impact-assessment", "affected-component", "tracking-link", "removal-criterion"])

        let broken = work.appendingPathComponent("broken.yaml").path
        try "ignore:\n  - vulnerability: [x\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let invalid = try await CLI.hallmark("ignores", "lint", broken)
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("broken.yaml:3: invalid YAML"))
    }
}
