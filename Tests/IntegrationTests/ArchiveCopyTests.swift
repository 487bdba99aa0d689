import Foundation
import Testing
import TestSupport

/// `oci-archive:` and `docker-archive:` through the CLI, cross-checked with skopeo.
struct ArchiveCopyTests {
    @Test func ociArchiveRoundTripKeepsDigests() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let archive = work.appendingPathComponent("hello.tar").path
        let write = try await CLI.hallmark("copy", "--all", "oci-dir:\(CLI.examplePath)", "oci-archive:\(archive):v1")
        #expect(write.status == 0, "\(write.stderr)")
        let raw = try await CLI.skopeo("inspect", "--raw", "oci-archive:\(archive):v1")
        #expect(try await CLI.sha256(raw.stdout) == RegistryCopyTests.indexDigest)
        let inspect = try await CLI.hallmark("inspect", "oci-archive:\(archive)", "--format", "json")
        #expect(inspect.status == 0, "\(inspect.stderr)")
        #expect(inspect.text.contains("platform-missing-sbom"))
        // No staging directory or temporary file is left beside the archive.
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["hello.tar"])
    }

    @Test func dockerArchiveFromSkopeoIsPushedAndReadBack() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let archive = work.appendingPathComponent("saved.tar").path
        _ = try await CLI.skopeo("copy", "--override-arch", "arm64", "oci:\(CLI.examplePath):latest", "docker-archive:\(archive):hello:v1")
        let config = try await CLI.skopeo("inspect", "--config", "--raw", "docker-archive:\(archive)")
        try await withRegistry { registry in
            let target = "\(registry.address)/it/saved:v1"
            let push = try await CLI.hallmark("copy", "docker-archive:\(archive):hello:v1", target)
            #expect(push.status == 0, "\(push.stderr)")
            let pushedConfig = try await CLI.skopeo("inspect", "--config", "--raw", "--tls-verify=false", "docker://\(target)")
            #expect(pushedConfig.stdout == config.stdout)
            let inspect = try await CLI.hallmark("inspect", target, "--format", "json")
            #expect(inspect.text.contains("\"platform\" : \"linux/arm64/v8\""), "\(inspect.text)")
        }
        let refused = try await CLI.hallmark("copy", "oci-dir:\(CLI.examplePath)", "docker-archive:\(work.path)/x.tar")
        #expect(refused.status == 2)
    }
}
