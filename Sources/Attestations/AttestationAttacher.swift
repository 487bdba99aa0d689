import OCIModel

/// Attaches Sigstore bundles to manifests as OCI 1.1 artifacts, the way
/// `actions/attest` with `push-to-registry` and cosign's OCI 1.1 mode do: an image
/// manifest with `artifactType` the bundle's media type, the empty config, the
/// bundle as its one layer, `subject` the attested manifest, and the predicate type
/// in the `dev.sigstore.bundle.predicateType` annotation. A registry with the
/// referrers API indexes it by its subject; without one, the destination updates
/// the `sha256-<hex>` tag-schema index.
public struct AttestationAttacher: Sendable {
    /// The empty JSON object that is the config of every artifact manifest.
    public static let emptyConfig: [UInt8] = Array("{}".utf8)

    /// Where the image is; it must also serve referrers, to keep attaching idempotent.
    public let store: any ContentSource & ContentDestination

    /// An attacher writing to `store`.
    public init(store: any ContentSource & ContentDestination) {
        self.store = store
    }

    /// Attaches `bundle` (of `mediaType`) to `subject` unless an existing referrer with the same
    /// artifact and predicate type holds a bundle `isSame` accepts (e.g. the same signed statement).
    public func attach(
        bundle: [UInt8], mediaType: String, predicateType: String, subject: Descriptor,
        isSame: @Sendable ([UInt8]) -> Bool
    ) async throws -> AttachOutcome {
        if let existing = try await existing(mediaType: mediaType, predicateType: predicateType, subject: subject, isSame: isSame) {
            return .alreadyAttached(existing)
        }
        let config = Descriptor(mediaType: MediaType.ociEmpty, digest: Digest.compute(Self.emptyConfig), size: Int64(Self.emptyConfig.count))
        let layer = Descriptor(mediaType: mediaType, digest: Digest.compute(bundle), size: Int64(bundle.count))
        let manifest = ImageManifest(
            mediaType: MediaType.ociManifest, artifactType: mediaType, config: config, layers: [layer],
            subject: Descriptor(mediaType: subject.mediaType, digest: subject.digest, size: subject.size),
            annotations: [AnnotationKey.sigstoreContent: "dsse-envelope", AnnotationKey.sigstorePredicateType: predicateType])
        let document = try ManifestDocument(manifest: manifest)
        for (descriptor, bytes) in [(config, Self.emptyConfig), (layer, bundle)] where try await !store.hasBlob(descriptor) {
            try await store.putBlob(descriptor, content: ByteChunks(bytes: bytes))
        }
        try await store.putManifest(document, tag: nil)
        try await store.commit()
        return .attached(document.descriptor)
    }

    /// The referrer of `subject` already holding an equivalent bundle, if any.
    private func existing(mediaType: String, predicateType: String, subject: Descriptor,
                          isSame: @Sendable ([UInt8]) -> Bool) async throws -> Descriptor? {
        let referrers = try await store.referrers(of: subject.digest, artifactType: mediaType)
        for referrer in referrers.prefix(AttestationDiscovery.maxReferrersPerManifest)
        where referrer.annotation(AnnotationKey.sigstorePredicateType) == predicateType {
            let document = try await store.manifest(referrer)
            guard case .manifest(let manifest) = document.content, manifest.layers.count == 1, let layer = manifest.layers.first,
                  layer.size <= Int64(AttestationBundleLimits.maxBundleSize)
            else { continue }
            let bytes = try await store.blob(layer).verifying(layer).collect(limit: AttestationBundleLimits.maxBundleSize)
            if isSame(bytes) { return referrer }
        }
        return nil
    }
}

/// What ``AttestationAttacher/attach(bundle:mediaType:predicateType:subject:isSame:)`` did.
public enum AttachOutcome: Sendable, Equatable {
    /// A new referrer manifest was pushed.
    case attached(Descriptor)
    /// An equivalent attestation was already attached; nothing was written.
    case alreadyAttached(Descriptor)
}
