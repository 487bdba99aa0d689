import Foundation
import Testing
import TestSupport

/// Hostile and malformed input through the CLI: a clear message naming what was
/// wrong, the documented exit code, and no partial output left behind.
struct BadInputTests {
    @Test(arguments: ["UPPER/Case:tag", "foo:bad tag", "a@sha256:123", "registry:", "[::1/foo"])
    func malformedReferenceIsUsageError(reference: String) async throws {
        let result = try await CLI.hallmark("inspect", reference)
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid"), "\(result.stderr)")
    }

    @Test func helpDocumentsExitCodesAndVersionPrints() async throws {
        let help = try await CLI.hallmark("--help")
        #expect(help.status == 0)
        #expect(help.text.contains("3  network or registry error"))
        let version = try await CLI.hallmark("--version")
        #expect(version.status == 0)
        #expect(version.text.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        #expect(try await CLI.hallmark("inspect", "--no-such-flag", "x").status == 2)
    }

    @Test(arguments: [
        ("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"x\",\"size\":1}]}", "manifests[0].digest"),
        ("{\"schemaVersion\":2,\"manifests\":[", "index.json"),
        ("<html><body>502</body></html>", "HTML"),
    ])
    func brokenIndexJSONNamesFileAndField(content: String, expected: String) async throws {
        let layout = try await Self.copyOfExample()
        defer { try? FileManager.default.removeItem(at: layout) }
        try Data(content.utf8).write(to: layout.appendingPathComponent("index.json"))
        let result = try await CLI.hallmark("inspect", "oci-dir:\(layout.path)")
        #expect(result.status == 2)
        #expect(result.stderr.contains("index.json"), "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }

    @Test func tamperedBlobIsRefusedAndLeavesNoPartialFile() async throws {
        let layout = try await Self.copyOfExample()
        let out = try CLI.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: layout)
            try? FileManager.default.removeItem(at: out)
        }
        // The amd64 layer: flip its content while keeping its name (the digest).
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: layout.appendingPathComponent(
            "blobs/sha256/4e5e9de5e35d186ef527a8d0e8143a8923e7756ea8ed70a673dab4be3b75338b"))) as? [String: Any]
        let layer = ((manifest?["layers"] as? [[String: Any]])?.first?["digest"] as? String ?? "").dropFirst(7)
        let layerURL = layout.appendingPathComponent("blobs/sha256/\(layer)")
        var bytes = try Data(contentsOf: layerURL)
        bytes[bytes.count / 2] ^= 0xff
        try bytes.write(to: layerURL)

        let result = try await CLI.hallmark("copy", "--platform", "linux/amd64", "oci-dir:\(layout.path)", "oci-dir:\(out.path):x")
        #expect(result.status == 2)
        #expect(result.stderr.contains("digest mismatch"), "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("blobs/sha256").path)
        #expect(!written.contains(String(layer)))
        #expect(written.allSatisfy { !$0.contains(".tmp-") }, "\(written)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("index.json").path))
    }

    @Test func tamperedManifestIsDigestMismatch() async throws {
        let layout = try await Self.copyOfExample()
        defer { try? FileManager.default.removeItem(at: layout) }
        let url = layout.appendingPathComponent("blobs/sha256/4e5e9de5e35d186ef527a8d0e8143a8923e7756ea8ed70a673dab4be3b75338b")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"schemaVersion\":2", with: "\"schemaVersion\":2 ")
        try Data(text.utf8).write(to: url)
        let out = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.hallmark("copy", "--all", "oci-dir:\(layout.path)", "oci-dir:\(out.path):x")
        #expect(result.status == 2)
        #expect(result.stderr.contains("sha256:4e5e9de5"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("index.json").path))
    }

    @Test func registryAnsweringHTMLIsRegistryError() async throws {
        try await withRegistry { registry in
            let proxy = try await FaultInjectingProxy(upstreamPort: registry.port, plan: [
                FaultRule(pathContains: "/v2/", times: 100, fault: .respond(.html(status: 200))),
            ])
            defer { Task { try? await proxy.stop() } }
            let result = try await CLI.hallmark("inspect", "\(proxy.address)/any/thing:v1")
            #expect(result.status == 3)
            #expect(result.stderr.lowercased().contains("html"), "\(result.stderr)")
        }
    }

    static func copyOfExample() async throws -> URL {
        let target = try CLI.temporaryDirectory().appendingPathComponent("layout")
        try FileManager.default.copyItem(atPath: CLI.examplePath, toPath: target.path)
        return target
    }
}
