import Foundation
import OCIModel
import OCIRegistry
import TestSupport

/// Content for push and pull tests.
enum Fixtures {
    /// `count` deterministic pseudo-random bytes (a linear congruential sequence from `seed`).
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    static func descriptor(of bytes: [UInt8], mediaType: String = MediaType.ociLayerGzip) -> Descriptor {
        Descriptor(mediaType: mediaType, digest: Digest.compute(bytes), size: Int64(bytes.count))
    }

    /// A small image: a config blob and one layer of `layerSize` bytes.
    struct Image {
        let config: [UInt8]
        let layer: [UInt8]
        let manifest: ManifestDocument

        var configDescriptor: Descriptor { manifest.children[0] }
        var layerDescriptor: Descriptor { manifest.children[1] }
        var blobs: [(Descriptor, [UInt8])] { [(configDescriptor, config), (layerDescriptor, layer)] }

        init(layerSize: Int = 4096, seed: UInt64 = 1, architecture: String = "amd64") throws {
            config = Array(#"{"architecture":"\#(architecture)","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}"#.utf8)
            layer = Fixtures.bytes(layerSize, seed: seed)
            manifest = try ManifestDocument(manifest: ImageManifest(
                config: Fixtures.descriptor(of: config, mediaType: MediaType.ociConfig),
                layers: [Fixtures.descriptor(of: layer)]))
        }

        /// Pushes the blobs and the manifest (tagged `tag`).
        func push(to repository: RegistryRepository, tag: String?) async throws {
            for (descriptor, bytes) in blobs { try await repository.pushBlob(descriptor, content: ByteChunks(bytes: bytes)) }
            try await repository.putManifest(manifest, reference: tag)
        }
    }

    /// An artifact manifest about `subject`: empty config, one layer.
    static func artifact(subject: Descriptor, artifactType: String, payload: String) throws -> (ManifestDocument, [(Descriptor, [UInt8])]) {
        let empty = Array("{}".utf8)
        let layer = Array(payload.utf8)
        let manifest = try ManifestDocument(manifest: ImageManifest(
            artifactType: artifactType,
            config: descriptor(of: empty, mediaType: MediaType.ociEmpty),
            layers: [descriptor(of: layer, mediaType: artifactType)],
            subject: subject,
            annotations: [AnnotationKey.created: "2023-11-14T22:13:20Z"]))
        return (manifest, [(descriptor(of: empty, mediaType: MediaType.ociEmpty), empty), (descriptor(of: layer, mediaType: artifactType), layer)])
    }
}

/// A client for tests: no credentials from the real environment, quick retries;
/// credentials in `environment` are for `registry` (or what `HALLMARK_REGISTRY` names).
func makeClient(
    environment: [String: String] = [:], registry: String? = nil, retry: RetryPolicy = RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(20)),
    chunkedUploadThreshold: Int64 = 256 * 1024 * 1024, uploadChunkSize: Int = 16 * 1024 * 1024
) -> RegistryClient {
    RegistryClient(
        options: RegistryClientOptions(retry: retry, chunkedUploadThreshold: chunkedUploadThreshold, uploadChunkSize: uploadChunkSize),
        credentials: CredentialResolver(environment: environment, soleRegistry: registry))
}

/// Runs `body` with a client and always shuts it down.
func withClient<T>(_ client: RegistryClient = makeClient(), _ body: (RegistryClient) async throws -> T) async throws -> T {
    do {
        let result = try await body(client)
        try await client.shutdown()
        return result
    } catch {
        try await client.shutdown()
        throw error
    }
}

/// Reads a stream into memory.
func collect(_ chunks: ByteChunks) async throws -> [UInt8] {
    try await chunks.collect(limit: 512 * 1024 * 1024)
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-registry-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
