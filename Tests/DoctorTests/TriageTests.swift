import Foundation
import Testing
import TestSupport
@testable import Doctor

/// `hallmark triage` on the real CI log excerpts and on synthetic raw logs.
@Suite struct TriageTests {
    static let classifier = Result { try LogClassifier(knowledge: try TriageKnowledge.bundled()) }

    /// (file, category) rows of the excerpts' INDEX.md; the category without its parenthetical note.
    static func indexRows() throws -> [(file: String, category: String)] {
        let index = try String(contentsOf: SharedTestData.url("ci-logs/INDEX.md"), encoding: .utf8)
        return index.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells[0].hasSuffix(".txt") else { return nil }
            let category = cells[1].split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? cells[1]
            return (cells[0], category)
        }
    }

    @Test func everyRealExcerptGetsItsCategoryFirst() throws {
        let classifier = try Self.classifier.get()
        let rows = try Self.indexRows()
        #expect(rows.count >= 35)
        var wrong: [String] = []
        for row in rows {
            let text = try String(contentsOf: SharedTestData.url("ci-logs/" + row.file), encoding: .utf8)
            let log = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
            let diagnoses = classifier.classify(log)
            if diagnoses.first?.category != row.category {
                wrong.append("\(row.file): got \(diagnoses.map(\.category)), want \(row.category)")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) of \(rows.count): \(wrong.prefix(6))")
    }

    /// One raw GitHub Actions log per category (timestamps, ANSI colours, noise around the
    /// message), with the seeds' wording; ``everyCategoryHasASyntheticLog`` keeps the list complete.
    static let syntheticLogs: [(category: String, message: String)] = [
        ("oidc-token", "Error: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable"),
        ("resource-not-accessible", "Error: Failed to persist attestation: Resource not accessible by integration"),
        ("registry-403", "error: failed to push ghcr.io/o/r:sha256-abc.att: unexpected status from PUT request to https://ghcr.io/v2/o/r/manifests/sha256-abc: 403 Forbidden"),
        ("predicate-too-large", "Error: predicate file exceeds maximum allowed size: 16777216 bytes"),
        ("docker-driver-no-attestation", "ERROR: provenance is not supported for driver docker"),
        ("unknown-flag-provenance", "unknown flag: --provenance"),
        ("cache-manifest-not-found", "importing cache manifest from gha:123 ... cache manifest not found"),
        ("exec-format-error", "#12 0.301 exec /bin/sh: exec format error"),
        ("failed-to-catalog", "[0000] ERROR failed to catalog: unable to determine image source"),
        ("grype-severity-threshold", "[0012] ERROR discovered vulnerabilities at or above the severity threshold"),
        ("platform-not-found", "no matching manifest for linux/arm64/v8 in the manifest list entries"),
        ("unauthorized", "Error: Unauthorized"),
        ("attestation-push-404", "Error: OCIError: Error uploading artifact to container registry"),
        ("missing-permission", "Error: Failed to create storage record: missing artifact-metadata:write"),
        ("private-repo-unsupported", "Error: Failed to persist attestation: Feature not available for user-owned private repositories."),
        ("attestation-api-rejected", "Error: Failed to persist attestation: Invalid Argument - values do not match"),
        ("attestation-server-error", "Error: Failed to persist attestation: Server Error"),
        ("registry-auth", "ERROR: failed to push: unauthorized: authentication required"),
        ("sigstore-unavailable", "Error: error creating signing certificate: network timeout at: https://fulcio.sigstore.dev/api/v2/signingCert"),
        ("sbom-format-unsupported", "Error: Unsupported SBOM format"),
        ("sbom-generation-failed", "Error: syft command failed: signal: killed"),
        ("buildkit-attestations-unsupported", "ERROR: attestations are not supported by the current buildkitd"),
        ("manifest-list-breakage", "docker manifest create: ghcr.io/o/r:1.0-amd64 is a manifest list"),
        ("verify-not-found", "HTTP 404: Not Found (https://api.github.com/orgs/o/attestations/sha256:abc)"),
        ("verify-auth", "gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable."),
    ]

    @Test(arguments: syntheticLogs)
    func syntheticRawLogs(_ category: String, _ message: String) throws {
        let log = [
            "2026-01-05T10:00:00.1234567Z ##[group]Run docker/build-push-action@v6",
            "2026-01-05T10:00:01.0000000Z \u{1B}[36;1mdocker buildx build --push .\u{1B}[0m",
            "2026-01-05T10:00:02.0000000Z \u{1B}[31m\(message)\u{1B}[0m",
            "2026-01-05T10:00:03.0000000Z ##[error]Process completed with exit code 1.",
        ].joined(separator: "\n")
        let diagnoses = try Self.classifier.get().classify(log)
        #expect(diagnoses.first?.category == category, "\(diagnoses.map(\.category))")
        #expect(diagnoses.first?.lines.first?.number == 3)
        #expect(diagnoses.first?.lines.first?.text == message, "timestamps and colours are removed")
        #expect(!(diagnoses.first?.resolution.isEmpty ?? true) && !(diagnoses.first?.verify.isEmpty ?? true))
    }

    @Test func everyCategoryHasASyntheticLog() throws {
        let tested = Set(Self.syntheticLogs.map(\.category))
        let untested = try TriageKnowledge.bundled().categories.map(\.id).filter { !tested.contains($0) }
        #expect(untested.isEmpty, "add a synthetic log for \(untested)")
    }

    /// Fed in 7-byte pieces (lines spanning pieces), every real excerpt gets the same
    /// diagnoses, with the same line numbers, as in one piece.
    @Test func streamingInPiecesChangesNothing() throws {
        let classifier = try Self.classifier.get()
        for row in try Self.indexRows() {
            let bytes = Array(try Data(contentsOf: SharedTestData.url("ci-logs/" + row.file)))
            var scan = LogScan(classifier)
            for start in stride(from: 0, to: bytes.count, by: 7) {
                bytes[start..<min(start + 7, bytes.count)].withUnsafeBufferPointer { scan.feed($0) }
            }
            let pieces = scan.finish().map { "\($0.category)\($0.lines.map(\.number))" }
            let whole = classifier.classify(String(decoding: bytes, as: UTF8.self)).map { "\($0.category)\($0.lines.map(\.number))" }
            #expect(pieces == whole, "\(row.file)")
        }
    }

    /// A line far over the kept length is judged by its start; the next line keeps its number.
    @Test func anEndlessLineStaysBounded() throws {
        var scan = LogScan(try Self.classifier.get())
        let start = Array("Error: Unauthorized ".utf8)
        start.withUnsafeBufferPointer { scan.feed($0) }
        let filler = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<8 { filler.withUnsafeBufferPointer { scan.feed($0) } }
        Array("\nexec /bin/sh: exec format error\n".utf8).withUnsafeBufferPointer { scan.feed($0) }
        let found = scan.finish()
        #expect(found.map(\.category).sorted() == ["exec-format-error", "unauthorized"])
        #expect(found.first { $0.category == "exec-format-error" }?.lines.first?.number == 2)
        #expect((found.first { $0.category == "unauthorized" }?.lines.first?.text.utf8.count ?? 0) <= LogScan.maxLineLength)
    }

    @Test func aCleanLogHasNoDiagnosis() throws {
        #expect(try Self.classifier.get().classify("Run actions/checkout@v4\nDone\n").isEmpty)
    }

    @Test func anInvalidPatternInTheKnowledgeBaseIsNamed() {
        let data = Data(#"{"version":1,"categories":[{"id":"x","title":"t","priority":1,"patterns":["("],"cause":"c","resolution":[],"verify":[]}]}"#.utf8)
        #expect { try TriageKnowledge.load(data, source: "kb.json") } throws: { "\($0)".contains("category x: invalid pattern '('") }
    }
}
