import Foundation
import OCIModel
import OCIRegistry
import Testing
import TestSupport

/// Retries and hostile answers, with the ``FaultInjectingProxy`` between the client
/// and the real registry; the proxy's counters prove what was retried.
struct FaultInjectionTests {
    /// Runs `body` with a registry holding one pushed image (`test/app:v1`), reached through a proxy with `plan`.
    func withFaults(
        _ plan: [FaultRule], layerSize: Int = 4096, retry: RetryPolicy = RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(10)),
        _ body: (RegistryRepository, FaultInjectingProxy, Fixtures.Image) async throws -> Void
    ) async throws {
        try await withRegistry { (registry) async throws in
            let image = try Fixtures.Image(layerSize: layerSize)
            try await withClient { (client) async throws in
                try await image.push(to: RegistryRepository(client: client, registry: registry.address, repository: "test/app"), tag: "v1")
            }
            let proxy = try await FaultInjectingProxy(upstreamPort: registry.port, plan: plan)
            do {
                try await withClient(makeClient(retry: retry)) { (client) async throws in
                    try await body(RegistryRepository(client: client, registry: proxy.address, repository: "test/app"), proxy, image)
                }
                try await proxy.stop()
            } catch {
                try await proxy.stop()
                throw error
            }
        }
    }

    @Test func unavailableTwiceThenOK() async throws {
        try await withFaults([.status(503, method: "GET", pathContains: "/manifests/v1", times: 2)]) { (repository, proxy, image) async throws in
            #expect(try await repository.manifest("v1").bytes == image.manifest.bytes)
            #expect(proxy.count(method: "GET", pathContains: "/manifests/v1") == 3)
            #expect(proxy.injectedCount == 2)
        }
    }

    @Test func tooManyRequestsHonoursRetryAfter() async throws {
        let plan = [FaultRule.status(429, method: "GET", pathContains: "/tags/list", times: 1, headers: [("Retry-After", "1")])]
        try await withFaults(plan) { (repository, proxy, _) async throws in
            let clock = ContinuousClock()
            let start = clock.now
            #expect(try await repository.tags() == ["v1"])
            #expect(clock.now - start >= .milliseconds(950))
            #expect(proxy.count(method: "GET", pathContains: "/tags/list") == 2)
        }
    }

    @Test func serverErrorsBeyondTheRetriesStayErrors() async throws {
        try await withFaults([.status(502, method: "GET", pathContains: "/manifests/v1", times: 100)]) { (repository, proxy, _) async throws in
            let error = await #expect(throws: RegistryError.self) { try await repository.manifest("v1") }
            guard case .status(let failure) = error else { Issue.record("expected a status error, got \(String(describing: error))"); return }
            #expect(failure.status == 502)
            #expect(proxy.count(method: "GET", pathContains: "/manifests/v1") == 4)
        }
    }

    @Test func connectionResetMidBlobIsResumed() async throws {
        let size = 2 * 1024 * 1024 + 3
        let layerDigest = try Fixtures.Image(layerSize: size).layerDescriptor.digest
        let plan = [FaultRule(method: "GET", pathContains: "/blobs/\(layerDigest)", times: 2, fault: .resetResponseBody(afterBytes: 300_000))]
        try await withFaults(plan, layerSize: size) { (repository, proxy, image) async throws in
            #expect(try await collect(repository.blob(image.layerDescriptor)) == image.layer)
            #expect(proxy.count(method: "GET", pathContains: "/blobs/\(layerDigest)") == 3)
            #expect(proxy.injectedCount == 2)
        }
    }

    /// A large blob, chunked up and streamed down through the proxy (backpressure on
    /// both sides), with one reset on the way down.
    @Test func largeBlobStreamsThroughTheProxy() async throws {
        let size = 48 * 1024 * 1024 + 11
        let bytes = Fixtures.bytes(size, seed: 123)
        let descriptor = Fixtures.descriptor(of: bytes)
        let plan = [FaultRule(method: "GET", pathContains: "/blobs/\(descriptor.digest)", times: 1, fault: .resetResponseBody(afterBytes: 20_000_000))]
        try await withRegistry { (registry) async throws in
            let proxy = try await FaultInjectingProxy(upstreamPort: registry.port, plan: plan)
            let client = makeClient(chunkedUploadThreshold: 16 * 1024 * 1024, uploadChunkSize: 8 * 1024 * 1024)
            try await withClient(client) { (client) async throws in
                let repository = RegistryRepository(client: client, registry: proxy.address, repository: "test/big")
                try await repository.pushBlob(descriptor, content: ByteChunks(bytes: bytes))
                #expect(proxy.count(method: "PATCH", pathContains: "/blobs/uploads/") == 7)
                var hasher = DigestHasher(algorithm: .sha256)
                for try await chunk in try await repository.blob(descriptor) { hasher.update(chunk) }
                #expect(hasher.count == Int64(size))
                #expect(hasher.finalize() == descriptor.digest)
                #expect(proxy.count(method: "GET", pathContains: "/blobs/\(descriptor.digest)") == 2)
            }
            try await proxy.stop()
        }
    }

    @Test func failedUploadStartsOverInANewSession() async throws {
        try await withFaults([.status(503, method: "PUT", pathContains: "digest=sha256", times: 1)]) { (repository, proxy, _) async throws in
            let bytes = Fixtures.bytes(70_000, seed: 5)
            let descriptor = Fixtures.descriptor(of: bytes)
            try await repository.pushBlob(descriptor, content: ByteChunks(bytes: bytes))
            #expect(try await collect(repository.blob(descriptor)) == bytes)
            #expect(proxy.count(method: "POST", pathContains: "/blobs/uploads/") == 2)
            #expect(proxy.count(method: "PUT", pathContains: "digest=sha256") == 2)
        }
    }

    @Test func htmlInsteadOfJSONIsAClearError() async throws {
        let plan = [FaultRule(method: "GET", pathContains: "/manifests/v1", times: 1, fault: .respond(.html()))]
        try await withFaults(plan) { (repository, proxy, _) async throws in
            let error = await #expect(throws: RegistryError.self) { try await repository.manifest("v1") }
            guard case .unexpectedContent = error else { Issue.record("expected unexpectedContent, got \(String(describing: error))"); return }
            #expect(String(describing: error).contains("expected JSON, got text/html; charset=utf-8 from http://\(proxy.address)/v2/test/app/manifests/v1"))
            #expect(proxy.count(method: "GET", pathContains: "/manifests/v1") == 1)
        }
    }

    @Test func manifestBytesNotMatchingTheDigestAreRefused() async throws {
        let other = try Fixtures.Image(seed: 42).manifest
        let digest = try Fixtures.Image().manifest.digest
        let wrongBody = CannedResponse(status: 200, headers: [("Content-Type", MediaType.ociManifest)], body: other.bytes)
        let wrongHeader = CannedResponse(
            status: 200, headers: [("Content-Type", MediaType.ociManifest), ("Docker-Content-Digest", digest.description)], body: other.bytes)
        let plan = [
            FaultRule(method: "GET", pathContains: "/manifests/\(digest)", times: 1, fault: .respond(wrongBody)),
            FaultRule(method: "GET", pathContains: "/manifests/v1", times: 1, fault: .respond(wrongHeader)),
        ]
        try await withFaults(plan) { (repository, _, image) async throws in
            for reference in [digest.description, "v1"] {
                let error = await #expect(throws: RegistryError.self) { try await repository.manifest(reference) }
                guard case .digestMismatch(_, let expected, let actual) = error else {
                    Issue.record("expected a digest mismatch, got \(String(describing: error))"); continue
                }
                #expect(expected == image.manifest.digest)
                #expect(actual == other.digest)
            }
        }
    }

    @Test func blobBytesNotMatchingTheDigestFailTheStream() async throws {
        let image = try Fixtures.Image(layerSize: 1000)
        var corrupted = image.layer
        corrupted[500] ^= 0xff
        let plan = [FaultRule(method: "GET", pathContains: "/blobs/\(image.layerDescriptor.digest)", times: 1,
                              fault: .respond(CannedResponse(status: 200, headers: [("Content-Type", "application/octet-stream")], body: corrupted)))]
        try await withFaults(plan, layerSize: 1000) { (repository, _, _) async throws in
            await #expect(throws: DigestError.mismatch(expected: image.layerDescriptor.digest, actual: Digest.compute(corrupted))) {
                try await collect(repository.blob(image.layerDescriptor))
            }
        }
    }
}
