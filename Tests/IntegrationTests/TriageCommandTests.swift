import Foundation
import Testing
import TestSupport

/// `hallmark triage`: exit codes, JSON, and the escalation bundle.
struct TriageCommandTests {
    @Test func classifiesAFileAndWritesTheEscalationBundle() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let log = try SharedTestData.url("ci-logs/predicate-too-large__redhat-et__triton-dev-containers__issue26.txt").path
        let bundle = work.appendingPathComponent("escalation").path
        let triage = try await CLI.hallmark("triage", log, "--format", "json", "--escalation", bundle)
        #expect(triage.status == 1, "a recognised failure exits 1")
        let diagnoses = try JSONSerialization.jsonObject(with: Data(triage.stdout)) as? [[String: Any]]
        #expect(diagnoses?.first?["category"] as? String == "predicate-too-large")
        #expect((diagnoses?.first?["verify"] as? [String])?.contains { $0.contains("hallmark sbom trim") } == true)
        for file in ["log.txt", "error-lines.txt", "verification-commands.sh", "ESCALATION.md"] {
            #expect(FileManager.default.fileExists(atPath: "\(bundle)/\(file)"), "\(file)")
        }
        let errors = try String(contentsOfFile: "\(bundle)/error-lines.txt", encoding: .utf8)
        #expect(errors.contains("[predicate-too-large]"))

        let clean = work.appendingPathComponent("clean.log")
        try "Run actions/checkout@v4\nall good\n".write(to: clean, atomically: true, encoding: .utf8)
        let none = try await CLI.hallmark("triage", clean.path)
        #expect(none.status == 0)
        #expect(none.text.contains("no known failure pattern"))
    }

    /// A pattern added from a file, with no rebuild; a broken file is named.
    @Test func knowledgeFromAFile() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let log = work.appendingPathComponent("job.log")
        try "2026-01-05T10:00:00.0000000Z Error: quota exhausted for signing service\n".write(to: log, atomically: true, encoding: .utf8)
        #expect(try await CLI.hallmark("triage", log.path).status == 0, "not in the bundled knowledge base")
        let extra = work.appendingPathComponent("local.json")
        try #"{"version":1,"categories":[{"id":"signing-quota","title":"Signing quota","priority":5,"patterns":["quota exhausted"],"#
            .appending(#""cause":"The signing service refused more requests.","resolution":["Wait an hour"],"verify":["hallmark verify IMAGE"]}]}"#)
            .write(to: extra, atomically: true, encoding: .utf8)
        let found = try await CLI.hallmark("triage", log.path, "--knowledge", extra.path, "--format", "json")
        #expect(found.status == 1)
        let diagnoses = try JSONSerialization.jsonObject(with: Data(found.stdout)) as? [[String: Any]]
        #expect(diagnoses?.first?["category"] as? String == "signing-quota")
        try #"{"version":1,"categories":[{"id":"x","title":"t","priority":1,"patterns":["("],"cause":"c","resolution":[],"verify":[]}]}"#
            .write(to: extra, atomically: true, encoding: .utf8)
        let broken = try await CLI.hallmark("triage", log.path, "--knowledge", extra.path)
        #expect(broken.status == 2 && broken.stderr.contains("local.json: category x: invalid pattern"), "\(broken.stderr)")
    }
}
