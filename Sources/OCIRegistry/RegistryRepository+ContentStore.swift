import OCIModel

extension RegistryRepository: ContentSource {
    public func resolve(_ tagOrDigest: String) async throws -> Descriptor {
        guard let descriptor = try await headManifest(tagOrDigest) else { throw ContentNotFound(tagOrDigest, in: displayName) }
        return descriptor
    }

    public func manifest(_ descriptor: Descriptor) async throws -> ManifestDocument {
        try await manifest(descriptor.digest.description)
    }

    public func tags() async throws -> [String] {
        try await tags(pageSize: nil)
    }
}

extension RegistryRepository: ContentDestination, BlobMounting {
    public func hasBlob(_ descriptor: Descriptor) async throws -> Bool {
        try await blobExists(descriptor.digest)
    }

    public func putBlob(_ descriptor: Descriptor, content: ByteChunks) async throws {
        try await pushBlob(descriptor, content: content)
    }

    public func putManifest(_ document: ManifestDocument, tag: String?) async throws {
        try await putManifest(document, reference: tag)
    }

    /// Nothing to do: a registry makes each write visible when it is made.
    public func commit() async throws {}

    /// Mounts when `source` is another repository of the same registry.
    public func mountBlob(_ descriptor: Descriptor, from source: any ContentSource) async throws -> Bool {
        guard let source = source as? RegistryRepository, source.registry == registry, source.repository != repository else {
            return false
        }
        return try await mountBlob(descriptor, from: source.repository)
    }
}
