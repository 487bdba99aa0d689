import OCIModel

/// Reads an OCI image layout from any ``LayoutStorage``: the `ContentSource`
/// behaviour that ``OCIDirectory``, ``OCIArchive`` and OCI-format
/// ``DockerArchive``s share. `index.json` is read afresh by each call, so a
/// directory written meanwhile is seen as it is now.
struct LayoutReader<Storage: LayoutStorage>: Sendable {
    /// The most manifests and indexes one referrers scan reads.
    static var maxScannedManifests: Int { 10_000 }

    let storage: Storage

    /// `index.json`, after checking the `oci-layout` marker.
    func index() throws -> LayoutIndex {
        guard let marker = try storage.file(LayoutFormat.markerFile) else {
            throw LayoutError.notALayout(storage.displayName, reason: "it has no \(LayoutFormat.markerFile) file")
        }
        let markerLocation = storage.location(of: LayoutFormat.markerFile)
        let version = try JSONInput.decode(
            LayoutFormat.Marker.self, from: try marker.readAll(limit: JSONInput.maxDocumentSize, location: markerLocation),
            source: markerLocation
        ).imageLayoutVersion
        guard version.hasPrefix("1.") else {
            throw LayoutError.notALayout(storage.displayName, reason: "imageLayoutVersion '\(version)' is not 1.x")
        }
        guard let file = try storage.file(LayoutFormat.indexFile) else {
            throw LayoutError.notALayout(storage.displayName, reason: "it has no \(LayoutFormat.indexFile)")
        }
        let location = storage.location(of: LayoutFormat.indexFile)
        let bytes = try file.readAll(limit: JSONInput.maxDocumentSize, location: location)
        return LayoutIndex(index: try JSONInput.decode(ImageIndex.self, from: bytes, source: location))
    }

    /// A tag's entry, or by digest: an `index.json` entry, else any manifest blob.
    func resolve(_ tagOrDigest: String) throws -> Descriptor {
        let index = try index()
        if let entry = index.entry(tagged: tagOrDigest) { return entry }
        guard let digest = try? Digest(tagOrDigest) else { throw ContentNotFound("tag '\(tagOrDigest)'", in: storage.displayName) }
        if let entry = index.index.manifests.first(where: { $0.digest == digest }) { return entry }
        guard let file = try storage.file(LayoutFormat.blobPath(digest)) else { throw ContentNotFound(tagOrDigest, in: storage.displayName) }
        let location = storage.location(of: LayoutFormat.blobPath(digest))
        let bytes = try file.readAll(limit: JSONInput.maxDocumentSize, location: location)
        return try ManifestDocument(bytes: bytes, mediaType: nil, expected: digest, source: location).descriptor
    }

    /// The image a source given without a tag means: the only `index.json` entry.
    func resolveDefault() throws -> Descriptor {
        try index().defaultEntry(location: storage.displayName)
    }

    /// The manifest or index, checked against the descriptor's size and digest.
    func manifest(_ descriptor: Descriptor) throws -> ManifestDocument {
        let path = LayoutFormat.blobPath(descriptor.digest)
        let location = storage.location(of: path)
        guard descriptor.size <= Int64(JSONInput.maxDocumentSize) else {
            throw LayoutError.documentTooLarge(location, size: descriptor.size, limit: JSONInput.maxDocumentSize)
        }
        guard let file = try storage.file(path) else { throw ContentNotFound(descriptor.digest.description, in: storage.displayName) }
        guard file.length == descriptor.size else {
            throw DigestError.sizeMismatch(digest: descriptor.digest, expected: descriptor.size, actual: file.length)
        }
        let bytes = try file.readAll(limit: JSONInput.maxDocumentSize, location: location)
        return try ManifestDocument(bytes: bytes, mediaType: descriptor.mediaType, expected: descriptor.digest, source: location)
    }

    /// The blob streamed from its file, verified against the descriptor as it goes.
    func blob(_ descriptor: Descriptor) throws -> ByteChunks {
        guard let file = try storage.file(LayoutFormat.blobPath(descriptor.digest)) else {
            throw ContentNotFound(descriptor.digest.description, in: storage.displayName)
        }
        return file.chunks(chunkSize: storage.chunkSize).verifying(descriptor)
    }

    /// Manifests and indexes whose `subject` is `digest`: those listed in
    /// `index.json` and those reachable through the indexes it lists. Children of
    /// nested indexes that the layout lacks are skipped (partial copies are common).
    func referrers(of digest: Digest, artifactType: String?) throws -> [Descriptor] {
        var pending = try index().index.manifests.map { (descriptor: $0, listed: true) }
        var seen = Set<Digest>()
        var found: [Descriptor] = []
        var next = 0
        while next < pending.count {
            let (descriptor, listed) = pending[next]
            next += 1
            guard MediaType.isManifest(descriptor.mediaType) || MediaType.isIndex(descriptor.mediaType),
                  seen.insert(descriptor.digest).inserted
            else { continue }
            guard seen.count <= Self.maxScannedManifests else { throw LayoutError.tooManyManifests(storage.displayName, limit: Self.maxScannedManifests) }
            let document: ManifestDocument
            do { document = try manifest(descriptor) } catch is ContentNotFound where !listed { continue }
            if document.subject?.digest == digest, artifactType == nil || document.referrerArtifactType == artifactType {
                var referrer = document.descriptor
                referrer.artifactType = document.referrerArtifactType
                referrer.annotations = document.annotations
                found.append(referrer)
            }
            if case .index(let index) = document.content {
                pending += index.manifests.map { (descriptor: $0, listed: false) }
            }
        }
        return found
    }

    /// The tags in `index.json`.
    func tags() throws -> [String] { try index().refNames }
}
