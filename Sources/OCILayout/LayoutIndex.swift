import OCIModel

/// The `index.json` of a layout and its rules: which entry a tag names, which
/// image a source without a tag means, and how new entries merge in.
struct LayoutIndex: Sendable {
    /// containerd's (and Docker 25+ `docker save`'s) full image name annotation.
    static let containerdImageName = "io.containerd.image.name"

    var index: ImageIndex

    /// The entry tagged `tag`: its `org.opencontainers.image.ref.name`, or a
    /// full image name (`io.containerd.image.name`) equal to `tag` as a reference.
    func entry(tagged tag: String) -> Descriptor? {
        if let entry = index.manifests.last(where: { $0.annotation(AnnotationKey.refName) == tag }) { return entry }
        guard let wanted = try? ImageReference(parsing: tag) else { return nil }
        return index.manifests.last { entry in
            guard let name = entry.annotation(Self.containerdImageName), let reference = try? ImageReference(parsing: name) else { return false }
            return reference == wanted
        }
    }

    /// The entry for a source given without a tag: the only one.
    func defaultEntry(location: String) throws(LayoutError) -> Descriptor {
        guard !index.manifests.isEmpty else { throw .noImages(location) }
        // Attestations and other artifacts attached to an image (`artifactType` set, as
        // `hallmark attest --push` records them) are not images one means without a tag.
        let images = index.manifests.filter { $0.artifactType == nil }
        guard images.count == 1, let only = images.first else { throw .ambiguousImage(location, count: index.manifests.count, names: refNames) }
        return only
    }

    /// The tags (`org.opencontainers.image.ref.name`), each once, in index order.
    var refNames: [String] {
        var seen = Set<String>()
        return index.manifests.compactMap { $0.annotation(AnnotationKey.refName) }.filter { seen.insert($0).inserted }
    }

    /// Adds `entry`: a tagged entry replaces any entry with the same tag; an
    /// untagged one is skipped when an untagged entry with its digest exists.
    mutating func record(_ entry: Descriptor) {
        if let tag = entry.annotation(AnnotationKey.refName) {
            index.manifests.removeAll { $0.annotation(AnnotationKey.refName) == tag }
        } else if index.manifests.contains(where: { $0.digest == entry.digest && $0.annotation(AnnotationKey.refName) == nil }) {
            return
        }
        index.manifests.append(entry)
    }
}
