import OCIModel

/// Everything a copy moves, gathered before any byte moves: manifests children
/// first (so a destination never holds a manifest whose children are missing),
/// then the blobs they reference, each once.
struct CopyPlan {
    var manifests: [ManifestDocument] = []
    var blobs: [Descriptor] = []
    var taggedExtras: [(String, ManifestDocument)] = []
    var referrerCount = 0
    private var seen: Set<Digest> = []

    static func build(root: ManifestDocument, source: any ContentSource, options: CopyOptions) async throws -> CopyPlan {
        var plan = CopyPlan()
        try await plan.add(root, source: source, options: options, depth: 0)
        return plan
    }

    private mutating func add(_ document: ManifestDocument, source: any ContentSource, options: CopyOptions, depth: Int) async throws {
        guard seen.insert(document.digest).inserted else { return }
        switch document.content {
        case .index(let index):
            for child in index.manifests {
                try await add(try await source.manifest(child), source: source, options: options, depth: depth)
            }
        case .manifest(let manifest):
            for blob in manifest.blobs where seen.insert(blob.digest).inserted {
                blobs.append(blob)
            }
        }
        manifests.append(document)
        guard options.includeReferrers, depth < ImageCopier.maxReferrerDepth else { return }
        for referrer in try await source.referrers(of: document.digest, artifactType: nil) where !seen.contains(referrer.digest) {
            referrerCount += 1
            try await add(try await source.manifest(referrer), source: source, options: options, depth: depth + 1)
        }
        for tag in [ReferrersTag.cosignAttestations(for: document.digest), ReferrersTag.cosignSignatures(for: document.digest)] {
            guard let descriptor = try await source.resolveIfPresent(tag) else { continue }
            let extra = try await source.manifest(descriptor)
            if case .manifest(let m) = extra.content {
                for blob in m.blobs where seen.insert(blob.digest).inserted { blobs.append(blob) }
            }
            taggedExtras.append((tag, extra))
        }
    }
}
