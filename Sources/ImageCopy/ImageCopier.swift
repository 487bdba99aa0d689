import OCIModel

/// Copies an image, or a whole index, with its attestations from any source to any
/// destination. Manifests are copied as their exact bytes, so digests never change;
/// blobs the destination has are skipped, same-registry blobs are mounted, and every
/// byte is verified against its digest on the way.
public struct ImageCopier: Sendable {
    /// Referrer chains deeper than this are not followed (a signature of a signature of …).
    public static let maxReferrerDepth = 4

    public let source: any ContentSource
    public let destination: any ContentDestination
    public let options: CopyOptions
    let progress: (@Sendable (CopyProgress) -> Void)?

    public init(
        from source: any ContentSource, to destination: any ContentDestination, options: CopyOptions = .init(),
        progress: (@Sendable (CopyProgress) -> Void)? = nil
    ) {
        self.source = source
        self.destination = destination
        self.options = options
        self.progress = progress
    }

    /// Copies what `tagOrDigest` names in the source, tagging it `destinationTag` in the destination.
    public func copy(_ tagOrDigest: String, as destinationTag: String?) async throws -> CopyReport {
        let rootDescriptor = try await source.resolve(tagOrDigest)
        var root = try await source.manifest(rootDescriptor)
        if case .index(let index) = root.content, !options.all {
            root = try await source.manifest(try pick(from: index))
        }
        let plan = try await CopyPlan.build(root: root, source: source, options: options)
        let tally = Tally(total: plan.blobs.count, progress: progress)
        try await BlobMover(source: source, destination: destination, options: options, tally: tally).move(plan.blobs)
        for document in plan.manifests where document.digest != root.digest {
            try await destination.putManifest(document, tag: nil)
        }
        try await destination.putManifest(root, tag: destinationTag)
        for (tag, document) in plan.taggedExtras {
            try await destination.putManifest(document, tag: tag)
        }
        try await destination.commit()
        var report = CopyReport(digest: root.digest, mediaType: root.mediaType)
        report.manifestsCopied = plan.manifests.count + plan.taggedExtras.count
        report.referrersCopied = plan.referrerCount
        await tally.fill(&report)
        return report
    }

    func pick(from index: ImageIndex) throws -> Descriptor {
        let candidates = index.manifests.filter {
            $0.annotation(AnnotationKey.dockerReferenceType) != AnnotationKey.attestationManifest
        }
        if let match = candidates.first(where: { $0.platform.map(options.platform.matches) ?? false }) { return match }
        throw CopyError.platformNotFound(
            options.platform, available: candidates.compactMap { $0.platform?.description }, source: source.displayName)
    }
}
