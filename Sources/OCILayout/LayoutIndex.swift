import OCIModel

/// The `index.json` of an OCI image layout and the rules for finding a tag in it;
/// shared by directories and archives.
struct LayoutIndex: Sendable {
    var index: ImageIndex
    let location: String

    init(bytes: [UInt8], location: String) throws {
        index = try JSONInput.decode(ImageIndex.self, from: bytes, source: "\(location)/index.json")
        self.location = location
    }

    init(empty location: String) {
        index = ImageIndex(manifests: [])
        self.location = location
    }

    /// The entry tagged `tag` (`org.opencontainers.image.ref.name`), the entry with
    /// that digest, or, with no tag and a single entry, that entry.
    func resolve(_ tagOrDigest: String?) throws -> Descriptor {
        if let tagOrDigest {
            if let entry = index.manifests.first(where: { $0.annotation(AnnotationKey.refName) == tagOrDigest }) { return entry }
            if let digest = try? Digest(tagOrDigest) {
                if let entry = index.manifests.first(where: { $0.digest == digest }) { return entry }
                return Descriptor(mediaType: MediaType.ociManifest, digest: digest, size: -1)
            }
            throw ContentNotFound("tag '\(tagOrDigest)'", in: location)
        }
        let roots = index.manifests.filter { $0.annotation(AnnotationKey.refName) != nil }
        if index.manifests.count == 1, let only = index.manifests.first { return only }
        if roots.count == 1, let only = roots.first { return only }
        if index.manifests.isEmpty { throw LayoutError(path: location, reason: "index.json lists no images") }
        let names = roots.compactMap { $0.annotation(AnnotationKey.refName) }
        throw LayoutError(
            path: location,
            reason: "index.json lists \(index.manifests.count) images; name one with :TAG (available: \(names.isEmpty ? "none tagged" : names.joined(separator: ", ")))")
    }

    var tags: [String] { index.manifests.compactMap { $0.annotation(AnnotationKey.refName) } }

    /// Records `descriptor`, replacing an entry with the same tag, or the same untagged digest.
    mutating func record(_ descriptor: Descriptor, tag: String?) {
        var entry = descriptor
        if let tag {
            entry.annotations = (entry.annotations ?? [:]).merging([AnnotationKey.refName: tag]) { $1 }
            index.manifests.removeAll { $0.annotation(AnnotationKey.refName) == tag }
        } else {
            if index.manifests.contains(where: { $0.digest == descriptor.digest }) { return }
        }
        index.manifests.append(entry)
    }
}
