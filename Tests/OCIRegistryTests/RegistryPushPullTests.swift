import Foundation
import OCIModel
import OCIRegistry
import Testing
import TestSupport

/// Push and pull against the real CNCF distribution registry, through a
/// fault-free ``FaultInjectingProxy`` where request counts prove what was sent.
struct RegistryPushPullTests {
    @Test func imagesAndIndexesRoundTripByteForByte() async throws {
        try await withRegistry { (registry) async throws in
            try await withClient { (client) async throws in
                let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
                let amd64 = try Fixtures.Image(layerSize: 1024 * 1024, seed: 1)
                let arm64 = try Fixtures.Image(layerSize: 2048, seed: 2, architecture: "arm64")
                try await amd64.push(to: repository, tag: "v1")
                try await arm64.push(to: repository, tag: nil)
                var amd64Entry = amd64.manifest.descriptor
                amd64Entry.platform = Platform(os: "linux", architecture: "amd64")
                var arm64Entry = arm64.manifest.descriptor
                arm64Entry.platform = Platform(os: "linux", architecture: "arm64", variant: "v8")
                let index = try ManifestDocument(index: ImageIndex(manifests: [amd64Entry, arm64Entry]))
                #expect(try await repository.putManifest(index, reference: "multi") == index.digest)

                let resolved = try await repository.resolve("v1")
                #expect(resolved.digest == amd64.manifest.digest)
                #expect(resolved.mediaType == MediaType.ociManifest)
                #expect(resolved.size == Int64(amd64.manifest.bytes.count))
                #expect(try await repository.manifest("v1").bytes == amd64.manifest.bytes)
                #expect(try await repository.manifest(resolved).bytes == amd64.manifest.bytes)

                let pulledIndex = try await repository.manifest("multi")
                #expect(pulledIndex.bytes == index.bytes)
                #expect(pulledIndex.digest == index.digest)
                guard case .index(let parsed) = pulledIndex.content else { Issue.record("not an index"); return }
                #expect(parsed.manifests.map(\.digest) == [amd64.manifest.digest, arm64.manifest.digest])
                #expect(try await repository.manifest(arm64.manifest.digest.description).bytes == arm64.manifest.bytes)

                for (descriptor, bytes) in amd64.blobs + arm64.blobs {
                    #expect(try await collect(repository.blob(descriptor)) == bytes)
                    #expect(try await repository.hasBlob(descriptor))
                }
            }
        }
    }

    @Test func missingContentIsContentNotFound() async throws {
        try await withRegistry { (registry) async throws in
            try await withClient { (client) async throws in
                let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
                let image = try Fixtures.Image()
                try await image.push(to: repository, tag: "v1")
                let absent = Fixtures.descriptor(of: Array("absent".utf8))
                #expect(try await repository.headManifest("nope") == nil)
                #expect(try await repository.resolveIfPresent("nope") == nil)
                await #expect(throws: ContentNotFound.self) { try await repository.manifest("nope") }
                await #expect(throws: ContentNotFound.self) { try await repository.blob(absent) }
                #expect(try await repository.hasBlob(absent) == false)
                let elsewhere = RegistryRepository(client: client, registry: registry.address, repository: "test/none")
                await #expect(throws: ContentNotFound.self) { try await elsewhere.tags() }
            }
        }
    }

    @Test func downloadBlobWritesTheVerifiedFileAtomically() async throws {
        try await withRegistry { (registry) async throws in
            try await withClient { (client) async throws in
                let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
                let image = try Fixtures.Image(layerSize: 3 * 1024 * 1024 + 5)
                try await image.push(to: repository, tag: "v1")
                let directory = try temporaryDirectory()
                let file = directory.appendingPathComponent("layer")
                try await repository.downloadBlob(image.layerDescriptor, to: file)
                #expect(try Array(Data(contentsOf: file)) == image.layer)
                #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["layer"])

                // A descriptor whose size is one byte short: refused, and nothing is left behind.
                var short = image.layerDescriptor
                short.size -= 1
                await #expect(throws: DigestError.self) { try await repository.downloadBlob(short, to: directory.appendingPathComponent("short")) }
                #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["layer"])
            }
        }
    }

    @Test(arguments: [false, true])
    func uploadsMonolithicOrChunked(chunked: Bool) async throws {
        try await withRegistry { (registry) async throws in
            let proxy = try await FaultInjectingProxy(upstreamPort: registry.port, plan: [])
            let client = makeClient(chunkedUploadThreshold: chunked ? 100 * 1024 : 1024 * 1024 * 1024, uploadChunkSize: 64 * 1024)
            try await withClient(client) { (client) async throws in
                let repository = RegistryRepository(client: client, registry: proxy.address, repository: "test/app")
                let bytes = Fixtures.bytes(300 * 1024 + 7, seed: 9)
                let descriptor = Fixtures.descriptor(of: bytes)
                #expect(try await repository.pushBlob(descriptor, content: ByteChunks(bytes: bytes)) == .uploaded)
                #expect(try await collect(repository.blob(descriptor)) == bytes)
                #expect(proxy.count(method: "POST", pathContains: "/blobs/uploads/") == 1)
                #expect(proxy.count(method: "PATCH", pathContains: "/blobs/uploads/") == (chunked ? 5 : 0))
                #expect(proxy.count(method: "PUT", pathContains: "digest=sha256") == 1)
            }
            try await proxy.stop()
        }
    }

    @Test func contentNotMatchingItsDescriptorIsRefusedBeforeStoring() async throws {
        try await withRegistry { (registry) async throws in
            try await withClient { (client) async throws in
                let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
                let bytes = Fixtures.bytes(10_000, seed: 3)
                var descriptor = Fixtures.descriptor(of: bytes)
                descriptor.digest = Digest.compute(Array("other".utf8))
                await #expect(throws: DigestError.self) { try await repository.pushBlob(descriptor, content: ByteChunks(bytes: bytes)) }
                #expect(try await repository.blobExists(descriptor.digest) == false)
            }
        }
    }

    @Test func crossRepositoryMount() async throws {
        try await withRegistry { (registry) async throws in
            let proxy = try await FaultInjectingProxy(upstreamPort: registry.port, plan: [])
            try await withClient { (client) async throws in
                let app = RegistryRepository(client: client, registry: proxy.address, repository: "test/app")
                let other = RegistryRepository(client: client, registry: proxy.address, repository: "test/other")
                let image = try Fixtures.Image(layerSize: 50_000)
                try await image.push(to: app, tag: "v1")

                #expect(try await other.mountBlob(image.layerDescriptor, from: app as any ContentSource))
                #expect(try await other.hasBlob(image.layerDescriptor))
                #expect(proxy.count(method: "POST", pathContains: "test/other/blobs/uploads/?mount=\(image.layerDescriptor.digest)&from=test/app") == 1)
                #expect(proxy.count(method: "PUT", pathContains: "test/other/blobs/") == 0)

                // Not mountable (the source lacks it): false, and the session is cancelled.
                let fresh = Fixtures.bytes(1000, seed: 77)
                let freshDescriptor = Fixtures.descriptor(of: fresh)
                #expect(try await other.mountBlob(freshDescriptor, from: "test/app") == false)
                #expect(try await other.hasBlob(freshDescriptor) == false)
                #expect(proxy.count(method: "DELETE", pathContains: "test/other/blobs/uploads/") == 1)

                // With pushBlob, the upload continues in the session the registry opened (202).
                #expect(try await other.pushBlob(freshDescriptor, content: ByteChunks(bytes: fresh), mountingFrom: "test/app") == .uploaded)
                #expect(try await collect(other.blob(freshDescriptor)) == fresh)
                #expect(proxy.count(method: "POST", pathContains: "test/other/blobs/uploads/") == 3)

                // Another registry is never asked to mount.
                let foreign = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
                #expect(try await other.mountBlob(image.configDescriptor, from: foreign as any ContentSource) == false)
                #expect(try await other.mountBlob(image.configDescriptor, from: app as any ContentSource))
            }
            try await proxy.stop()
        }
    }

    /// distribution 2.8 ignores `n` on tag lists and answers in no particular order
    /// (pagination itself is tested in ``TagsPaginationTests``).
    @Test func tagsAreListed() async throws {
        try await withRegistry { (registry) async throws in
            try await withClient { (client) async throws in
                let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
                let image = try Fixtures.Image()
                try await image.push(to: repository, tag: "e")
                for tag in ["a", "d", "b", "c"] { try await repository.putManifest(image.manifest, tag: tag) }
                #expect(try await repository.tags(pageSize: 2).sorted() == ["a", "b", "c", "d", "e"])
                #expect(try await repository.tags().sorted() == ["a", "b", "c", "d", "e"])
            }
        }
    }

    @Test func pingChecksTheAPI() async throws {
        try await withRegistry { (registry) async throws in
            try await withClient { client in try await client.ping(registry.address) }
        }
    }
}
