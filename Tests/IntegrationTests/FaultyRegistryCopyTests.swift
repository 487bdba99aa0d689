import Foundation
import Testing
import TestSupport

/// `hallmark copy` through a proxy that fails requests the way real registries and
/// networks do: the copy retries and still ends byte-identical.
struct FaultyRegistryCopyTests {
    @Test func copyRetriesThroughFaultsAndStaysByteIdentical() async throws {
        try await withRegistry { registry in
            let proxy = try await FaultInjectingProxy(upstreamPort: registry.port, plan: [
                .status(429, method: "POST", pathContains: "/blobs/uploads/", times: 1, headers: [("Retry-After", "1")]),
                .status(503, method: "PUT", pathContains: "/blobs/uploads/", times: 2),
                .status(502, method: "PUT", pathContains: "/manifests/", times: 1),
                FaultRule(method: "GET", pathContains: "/blobs/sha256:", times: 2, fault: .resetResponseBody(afterBytes: 50)),
            ])
            defer { Task { try? await proxy.stop() } }
            let target = "\(proxy.address)/it/faulty:v1"
            let push = try await CLI.hallmark("copy", "--all", "oci-dir:\(CLI.examplePath)", target)
            #expect(push.status == 0, "\(push.stderr)")

            let out = try CLI.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            let pull = try await CLI.hallmark("copy", "--all", target, "oci-dir:\(out.path):v1")
            #expect(pull.status == 0, "\(pull.stderr)")
            #expect(proxy.injectedCount == 6)

            let source = URL(fileURLWithPath: "\(CLI.examplePath)/blobs/sha256")
            let names = try FileManager.default.contentsOfDirectory(atPath: source.path).sorted()
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("blobs/sha256").path).sorted() == names)
            for name in names {
                #expect(try Data(contentsOf: out.appendingPathComponent("blobs/sha256/\(name)")) == Data(contentsOf: source.appendingPathComponent(name)))
            }
            let raw = try await CLI.skopeo("inspect", "--raw", "--tls-verify=false", "docker://\(registry.address)/it/faulty:v1")
            #expect(try await CLI.sha256(raw.stdout) == RegistryCopyTests.indexDigest)
        }
    }

    @Test func retriesRunOutIntoANetworkError() async throws {
        try await withRegistry { registry in
            let proxy = try await FaultInjectingProxy(upstreamPort: registry.port, plan: [
                .status(503, pathContains: "/manifests/", times: 100),
            ])
            defer { Task { try? await proxy.stop() } }
            let result = try await CLI.hallmark("inspect", "--retries", "1", "\(proxy.address)/it/x:v1")
            #expect(result.status == 3)
            #expect(result.stderr.contains("503"), "\(result.stderr)")
            #expect(proxy.count(pathContains: "/manifests/") == 2)
        }
    }

    /// A refusal (401, 403) or a missing blob (404) is an answer, not a fault: the
    /// copy fails at once instead of asking again.
    @Test(arguments: [401, 403, 404])
    func refusedBlobsAreNotRetried(status: Int) async throws {
        try await withRegistry { registry in
            let push = try await CLI.hallmark("copy", "--all", "oci-dir:\(CLI.examplePath)", "\(registry.address)/it/refused:v1")
            #expect(push.status == 0, "\(push.stderr)")
            let proxy = try await FaultInjectingProxy(upstreamPort: registry.port, plan: [
                .status(status, method: "GET", pathContains: "/blobs/sha256:", times: 1000),
            ])
            defer { Task { try? await proxy.stop() } }
            let out = try CLI.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            let pull = try await CLI.hallmark("copy", "--all", "--retries", "2", "\(proxy.address)/it/refused:v1", "oci-dir:\(out.path):v1")
            #expect(pull.status == (status == 404 ? 2 : 3), "\(pull.stderr)")
            let blobGets = proxy.records.filter { $0.method == "GET" && $0.uri.contains("/blobs/sha256:") }
            #expect(!blobGets.isEmpty)
            let repeated = Dictionary(grouping: blobGets, by: \.uri).filter { $0.value.count > 1 }.keys.sorted()
            #expect(repeated.isEmpty, "asked again after \(status): \(repeated)")
        }
    }
}
