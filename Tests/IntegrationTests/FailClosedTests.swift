import Foundation
import Testing
import TestSupport

/// Gates that must fail closed: what cannot be read is an error or a finding, never a
/// clean pass.
struct FailClosedTests {
    /// A workflow folder that cannot be listed is an error (exit 2), not "no problems".
    /// Root reads any folder, so as root the command runs as `nobody` (setpriv).
    @Test func doctorOnAnUnreadableFolderIsAnError() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = work.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "on: push\njobs: {}\n".write(to: folder.appendingPathComponent("ci.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.path)
        let hallmark = try CLI.hallmark
        let result = geteuid() == 0
            ? try await CLI.run("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", hallmark, "doctor", folder.path])
            : try await CLI.run(hallmark, ["doctor", folder.path])
        #expect(result.status == 2, "\(result.text) \(result.stderr)")
        #expect(result.stderr.contains("\(folder.path): cannot list the folder"), "\(result.stderr)")
        #expect(!result.text.contains("No provenance or attestation problems"))
    }

    @Test func doctorOnAFolderWithoutWorkflowsIsAnError() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        try "not a workflow".write(to: work.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let result = try await CLI.hallmark("doctor", work.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no .yml or .yaml workflow files"), "\(result.stderr)")
    }

    /// A BuildKit attestation manifest whose reference annotation is broken is reported
    /// as a finding by inspect and doctor --image, not silently left out of the matrix.
    @Test func aMalformedBuildKitAttestationManifestIsAFinding() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let layout = work.appendingPathComponent("image")
        try FileManager.default.copyItem(atPath: CLI.examplePath, toPath: layout.path)
        let blobs = layout.appendingPathComponent("blobs/sha256")
        let top = try JSONSerialization.jsonObject(with: Data(contentsOf: layout.appendingPathComponent("index.json"))) as? [String: Any]
        var entry = try #require((top?["manifests"] as? [[String: Any]])?.first)
        let oldDigest = try #require((entry["digest"] as? String)?.dropFirst("sha256:".count))
        var index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: blobs.appendingPathComponent(String(oldDigest)))) as? [String: Any])
        var manifests = try #require(index["manifests"] as? [[String: Any]])
        let broken = try #require(manifests.firstIndex { ($0["annotations"] as? [String: String])?["vnd.docker.reference.type"] == "attestation-manifest" })
        manifests[broken]["annotations"] = ["vnd.docker.reference.type": "attestation-manifest", "vnd.docker.reference.digest": "sha256:not-a-digest"]
        index["manifests"] = manifests
        let bytes = try JSONSerialization.data(withJSONObject: index, options: [.sortedKeys])
        let digest = try await CLI.sha256(Array(bytes))
        try bytes.write(to: blobs.appendingPathComponent(String(digest.dropFirst("sha256:".count))))
        entry["digest"] = digest
        entry["size"] = bytes.count
        let newTop: [String: Any] = ["schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [entry]]
        try JSONSerialization.data(withJSONObject: newTop, options: [.sortedKeys]).write(to: layout.appendingPathComponent("index.json"))

        let inspect = try await CLI.hallmark("inspect", "oci-dir:\(layout.path)", "--format", "json")
        let report = try JSONSerialization.jsonObject(with: Data(inspect.stdout)) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        let malformed = findings.first { $0["id"] as? String == "malformed-attestation-manifest" }
        #expect((malformed?["message"] as? String)?.contains("'sha256:not-a-digest' names no platform manifest") == true, "\(inspect.text) \(inspect.stderr)")
        let doctor = try await CLI.hallmark("doctor", "--image", "oci-dir:\(layout.path)", "--expect", "provenance")
        #expect(doctor.status == 1)
        #expect(doctor.text.contains("attestation manifest") && doctor.text.contains("is malformed"), "\(doctor.text)")
    }
}
