import Foundation
import OCIModel
import OCIRegistry
import Testing
import TestSupport

/// `hallmark copy` and `inspect` against the real CNCF registry, cross-checked with skopeo.
@Suite(.serialized)
struct RegistryCopyTests {
    static let indexDigest = "sha256:90e37277ffb15cff032aabd050af7634a8e27cca827deb775845a0e31bfbbf05"

    @Test func pushInspectPullTwoPlatformIndex() async throws {
        try await withRegistry { registry in
            let target = "\(registry.address)/it/hello:v1"
            let push = try await CLI.hallmark("copy", "--all", "oci-dir:\(CLI.examplePath)", target)
            #expect(push.status == 0, "\(push.stderr)")
            #expect(push.text.contains(Self.indexDigest))

            // skopeo reads back exactly the bytes of the layout's index blob.
            let raw = try await CLI.skopeo("inspect", "--raw", "--tls-verify=false", "docker://\(target)")
            let layoutBytes = try Array(Data(contentsOf: URL(fileURLWithPath: "\(CLI.examplePath)/blobs/sha256/\(Self.indexDigest.dropFirst(7))")))
            #expect(raw.stdout == layoutBytes)

            // Inspect flags the platform without an SBOM.
            let inspect = try await CLI.hallmark("inspect", target, "--format", "json")
            #expect(inspect.status == 0, "\(inspect.stderr)")
            let report = try JSONSerialization.jsonObject(with: Data(inspect.stdout)) as? [String: Any]
            let platforms = report?["platforms"] as? [[String: Any]] ?? []
            #expect(platforms.compactMap { $0["platform"] as? String } == ["linux/amd64", "linux/arm64/v8"])
            let findings = report?["findings"] as? [[String: Any]] ?? []
            #expect(findings.map { $0["id"] as? String } == ["platform-missing-sbom"])
            #expect(findings.first?["platform"] as? String == "linux/arm64/v8")
            #expect(try await CLI.hallmark("inspect", target, "--expect", "provenance,sbom").status == 1)
            #expect(try await CLI.hallmark("inspect", target, "--expect", "provenance").status == 0)

            // Pull it back into a layout: every blob byte-identical.
            let out = try CLI.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            let pull = try await CLI.hallmark("copy", "--all", target, "oci-dir:\(out.path):v1")
            #expect(pull.status == 0, "\(pull.stderr)")
            let source = URL(fileURLWithPath: "\(CLI.examplePath)/blobs/sha256")
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
                let copied = try Data(contentsOf: out.appendingPathComponent("blobs/sha256/\(name)"))
                #expect(copied == (try Data(contentsOf: source.appendingPathComponent(name))), "blob \(name)")
            }
            // skopeo accepts the layout Hallmark wrote.
            let fromLayout = try await CLI.skopeo("inspect", "--raw", "oci:\(out.path):v1")
            #expect(fromLayout.stdout == layoutBytes)

            // A second copy to another repository of the same registry mounts instead of uploading.
            let mount = try await CLI.hallmark("copy", "--all", "--format", "json", target, "\(registry.address)/it/other:v1")
            #expect(mount.status == 0, "\(mount.stderr)")
            let counts = try JSONSerialization.jsonObject(with: Data(mount.stdout)) as? [String: Any]
            #expect(counts?["blobsMounted"] as? Int == 8)
            #expect(counts?["blobsCopied"] as? Int == 0)
        }
    }

    @Test func imagePushedBySkopeoIsCopiedWithSameDigests() async throws {
        try await withRegistry { registry in
            let pushed = "\(registry.address)/skopeo/hello:v1"
            _ = try await CLI.skopeo("copy", "--all", "--preserve-digests", "--dest-tls-verify=false", "oci:\(CLI.examplePath):latest", "docker://\(pushed)")
            let copied = "\(registry.address)/hallmark/hello:v2"
            let copy = try await CLI.hallmark("copy", "--all", pushed, copied)
            #expect(copy.status == 0, "\(copy.stderr)")
            let a = try await CLI.skopeo("inspect", "--raw", "--tls-verify=false", "docker://\(pushed)")
            let b = try await CLI.skopeo("inspect", "--raw", "--tls-verify=false", "docker://\(copied)")
            #expect(a.stdout == b.stdout)
            #expect(try await CLI.sha256(b.stdout) == Self.indexDigest)
            // A single platform, chosen by --platform, arrives as that platform's manifest.
            let single = try await CLI.hallmark("copy", "--platform", "linux/arm64", pushed, "\(registry.address)/hallmark/arm:v1")
            #expect(single.status == 0, "\(single.stderr)")
            let arm = try await CLI.skopeo("inspect", "--raw", "--tls-verify=false", "docker://\(registry.address)/hallmark/arm:v1")
            #expect(try await CLI.sha256(arm.stdout) == "sha256:4133ebf4b40f09bda6f61ac59c5445a61a749c082d9d266a61c9b7f1551974b8")
        }
    }

    @Test func referrerThroughTagFallbackCompletesTheMatrixAndIsCopied() async throws {
        try await withRegistry { registry in
            let target = "\(registry.address)/it/ref:v1"
            #expect(try await CLI.hallmark("copy", "--all", "oci-dir:\(CLI.examplePath)", target).status == 0)
            try await Self.attachSBOM(to: "sha256:4133ebf4b40f09bda6f61ac59c5445a61a749c082d9d266a61c9b7f1551974b8", in: registry.address, repository: "it/ref")

            let inspect = try await CLI.hallmark("inspect", target, "--expect", "provenance,sbom", "--format", "json")
            #expect(inspect.status == 0, "\(inspect.text) \(inspect.stderr)")
            #expect(inspect.text.contains("\"storage\" : \"oci-referrer\""))
            #expect(!inspect.text.contains("platform-missing-sbom"))

            // The fallback tag index skopeo sees names the artifact with its subject.
            let tag = "sha256-4133ebf4b40f09bda6f61ac59c5445a61a749c082d9d266a61c9b7f1551974b8"
            let fallback = try await CLI.skopeo("inspect", "--raw", "--tls-verify=false", "docker://\(registry.address)/it/ref:\(tag)")
            #expect(fallback.text.contains("application/spdx+json"))

            // copy takes the referrer along; the copy's matrix is complete too.
            let copy = try await CLI.hallmark("copy", "--all", "--format", "json", target, "\(registry.address)/it/ref-copy:v1")
            #expect(copy.status == 0, "\(copy.stderr)")
            #expect(copy.text.contains("\"referrersCopied\" : 1"))
            #expect(try await CLI.hallmark("inspect", "\(registry.address)/it/ref-copy:v1", "--expect", "provenance,sbom").status == 0)
        }
    }

    @Test func waitPollsUntilTheAttestationAppears() async throws {
        try await withRegistry { registry in
            let target = "\(registry.address)/it/wait:v1"
            #expect(try await CLI.hallmark("copy", "--all", "oci-dir:\(CLI.examplePath)", target).status == 0)
            let started = ContinuousClock.now
            async let waited = Task.detached { try await CLI.hallmark("inspect", target, "--wait", "30s", "--expect", "sbom") }.value
            try await Task.sleep(for: .seconds(2))
            try await Self.attachSBOM(to: "sha256:4133ebf4b40f09bda6f61ac59c5445a61a749c082d9d266a61c9b7f1551974b8", in: registry.address, repository: "it/wait")
            let result = try await waited
            #expect(result.status == 0, "\(result.text) \(result.stderr)")
            #expect(ContinuousClock.now - started >= .seconds(2))

            // And it gives up with exit 1, naming what is missing, when nothing comes.
            let other = "\(registry.address)/it/never:v1"
            #expect(try await CLI.hallmark("copy", "--all", "oci-dir:\(CLI.examplePath)", other).status == 0)
            let timeout = try await CLI.hallmark("inspect", other, "--wait", "2s", "--expect", "sbom")
            #expect(timeout.status == 1)
            #expect(timeout.text.contains("linux/arm64/v8: expected a sbom attestation"))
        }
    }

    /// Pushes an SPDX artifact (OCI 1.1: artifactType, empty config, subject) for `subject`.
    static func attachSBOM(to subject: String, in registry: String, repository: String) async throws {
        let client = RegistryClient(options: .init(), credentials: .anonymous)
        defer { Task { try? await client.shutdown() } }
        let repo = client.repository(try ImageReference(parsing: "\(registry)/\(repository)"))
        let subjectDescriptor = try await repo.resolve(subject)
        let empty = Array("{}".utf8)
        let sbom = Array(#"{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","name":"arm64"}"#.utf8)
        let emptyDescriptor = Descriptor(mediaType: MediaType.ociEmpty, digest: Digest.compute(empty), size: 2)
        let layer = Descriptor(mediaType: MediaType.spdxJSON, digest: Digest.compute(sbom), size: Int64(sbom.count))
        try await repo.putBlob(emptyDescriptor, content: ByteChunks(bytes: empty))
        try await repo.putBlob(layer, content: ByteChunks(bytes: sbom))
        let manifest = try ManifestDocument(manifest: ImageManifest(
            artifactType: MediaType.spdxJSON, config: emptyDescriptor, layers: [layer],
            subject: Descriptor(mediaType: subjectDescriptor.mediaType, digest: subjectDescriptor.digest, size: subjectDescriptor.size)))
        try await repo.putManifest(manifest, tag: nil)
    }
}
