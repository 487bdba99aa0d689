import OCIModel

/// Finds the attestations of an image in every storage style Hallmark knows:
/// BuildKit attestation manifests in the index, OCI referrers (API or tag
/// fallback, whichever the source serves) and cosign `.att`/`.sig` tags.
public struct AttestationDiscovery: Sendable {
    /// The most referrers followed for one manifest, so a hostile registry cannot make us loop.
    public static let maxReferrersPerManifest = 256

    public let source: any ContentSource

    public init(source: any ContentSource) {
        self.source = source
    }

    /// The attestation matrix of the image at `tagOrDigest`, limited to `platform` when given.
    public func inspect(_ tagOrDigest: String, name: String, platform: Platform? = nil) async throws -> InspectReport {
        let root = try await source.resolve(tagOrDigest)
        let document = try await source.manifest(root)
        var platforms: [InspectReport.PlatformEntry] = []
        var indexAttestations: [FoundAttestation] = []
        var unreadable: [InspectReport.Finding] = []
        switch document.content {
        case .index(let index):
            let (buildkit, malformed) = try await buildKitAttestations(in: index)
            unreadable = malformed
            for child in index.manifests where !Self.isAttestationManifest(child) {
                if let platform, let childPlatform = child.platform, !platform.matches(childPlatform) { continue }
                let attached = try await attached(to: child.digest)
                platforms.append(.init(
                    platform: child.platform?.description, digest: child.digest, mediaType: child.mediaType,
                    size: child.size, attestations: buildkit[child.digest, default: []] + attached))
            }
            indexAttestations = try await attached(to: root.digest)
        case .manifest:
            platforms.append(.init(
                platform: try await configPlatform(of: document)?.description, digest: root.digest,
                mediaType: document.mediaType, size: root.size, attestations: try await attached(to: root.digest)))
        }
        var report = InspectReport(
            name: name, mediaType: document.mediaType, digest: root.digest, size: root.size,
            platforms: platforms, indexAttestations: indexAttestations, findings: [])
        report.findings = unreadable + MatrixCheck.findings(in: report)
        return report
    }

    static func isAttestationManifest(_ descriptor: Descriptor) -> Bool {
        descriptor.annotation(AnnotationKey.dockerReferenceType) == AnnotationKey.attestationManifest
    }

    /// BuildKit attestation manifests of an index, keyed by the platform manifest they
    /// describe, and a finding for each part that cannot be read as one (it would
    /// otherwise be missing from the matrix without a word).
    func buildKitAttestations(in index: ImageIndex) async throws -> ([Digest: [FoundAttestation]], [InspectReport.Finding]) {
        var result: [Digest: [FoundAttestation]] = [:]
        var findings: [InspectReport.Finding] = []
        let platforms = Set(index.manifests.filter { !Self.isAttestationManifest($0) }.map(\.digest))
        for entry in index.manifests where Self.isAttestationManifest(entry) {
            let reference = entry.annotation(AnnotationKey.dockerReferenceDigest)
            guard let target = reference.flatMap({ try? Digest($0) }), platforms.contains(target) else {
                findings.append(.malformedAttestationManifest(entry.digest, reference.map {
                    "its \(AnnotationKey.dockerReferenceDigest) annotation '\($0)' names no platform manifest of this index"
                } ?? "it has no \(AnnotationKey.dockerReferenceDigest) annotation naming the platform manifest it describes"))
                continue
            }
            let document = try await source.manifest(entry)
            guard case .manifest(let manifest) = document.content else {
                findings.append(.malformedAttestationManifest(entry.digest, "it is an index (\(document.mediaType)), not an image manifest with one layer per attestation"))
                continue
            }
            for layer in manifest.layers {
                guard let type = layer.annotation(AnnotationKey.inTotoPredicateType) else {
                    findings.append(.malformedAttestationManifest(entry.digest, "its layer \(layer.digest) has no \(AnnotationKey.inTotoPredicateType) annotation"))
                    continue
                }
                result[target, default: []].append(FoundAttestation(
                    predicateType: type, storage: .buildkit, manifestDigest: entry.digest,
                    layerDigest: layer.digest, mediaType: layer.mediaType))
            }
        }
        return (result, findings)
    }

    /// Referrers and cosign tags attached to `digest`.
    func attached(to digest: Digest) async throws -> [FoundAttestation] {
        var found: [FoundAttestation] = []
        for referrer in try await source.referrers(of: digest, artifactType: nil).prefix(Self.maxReferrersPerManifest) {
            found += try await attestations(inReferrer: referrer)
        }
        if let att = try await source.resolveIfPresent(ReferrersTag.cosignAttestations(for: digest)) {
            found += try await layerAttestations(of: att, storage: .cosignAttestationTag, tag: ReferrersTag.cosignAttestations(for: digest))
        }
        if let sig = try await source.resolveIfPresent(ReferrersTag.cosignSignatures(for: digest)) {
            found.append(FoundAttestation(
                predicateType: "cosign signature", storage: .cosignSignatureTag, manifestDigest: sig.digest,
                mediaType: sig.mediaType, tag: ReferrersTag.cosignSignatures(for: digest)))
        }
        return found
    }

    /// A referrer's predicate type from its annotations, else from its layers, else its artifact type.
    func attestations(inReferrer referrer: Descriptor) async throws -> [FoundAttestation] {
        if let type = referrer.annotation(AnnotationKey.sigstorePredicateType) ?? referrer.annotation(AnnotationKey.inTotoPredicateType) {
            return [FoundAttestation(predicateType: type, storage: .referrer, manifestDigest: referrer.digest, mediaType: referrer.artifactType)]
        }
        let fromLayers = try await layerAttestations(of: referrer, storage: .referrer, tag: nil)
        if !fromLayers.isEmpty { return fromLayers }
        let type = referrer.artifactType ?? referrer.mediaType
        return [FoundAttestation(predicateType: type, storage: .referrer, manifestDigest: referrer.digest, mediaType: referrer.artifactType)]
    }

    func layerAttestations(of descriptor: Descriptor, storage: AttestationStorage, tag: String?) async throws -> [FoundAttestation] {
        let document = try await source.manifest(descriptor)
        guard case .manifest(let manifest) = document.content else { return [] }
        return manifest.layers.compactMap { layer in
            let type = layer.annotation(AnnotationKey.inTotoPredicateType)
                ?? layer.annotation(AnnotationKey.cosignPredicateType)
                ?? layer.annotation(AnnotationKey.sigstorePredicateType)
            return type.map {
                FoundAttestation(predicateType: $0, storage: storage, manifestDigest: descriptor.digest,
                                 layerDigest: layer.digest, mediaType: layer.mediaType, tag: tag)
            }
        }
    }

    func configPlatform(of document: ManifestDocument) async throws -> Platform? {
        guard case .manifest(let manifest) = document.content,
              manifest.config.mediaType == MediaType.ociConfig || manifest.config.mediaType == MediaType.dockerConfig
        else { return nil }
        let bytes = try await source.blob(manifest.config).collect(limit: JSONInput.maxDocumentSize)
        let config = try JSONInput.decode(ImageConfig.self, from: bytes, source: "config \(manifest.config.digest)")
        return config.platform
    }
}
