import Foundation

/// A manifest or index as stored: its exact bytes (which its digest is over),
/// its media type and its digest, with a typed view parsed from the bytes.
public struct ManifestDocument: Sendable, Hashable {
    /// The parsed form.
    public enum Content: Sendable, Hashable {
        case index(ImageIndex)
        case manifest(ImageManifest)
    }

    public let bytes: [UInt8]
    public let mediaType: String
    public let digest: Digest
    public let content: Content

    /// Parses `bytes` served as `mediaType` (the `Content-Type`, or the descriptor's),
    /// checking them against `expected` when the digest is known. A missing or
    /// generic media type is taken from the document's own `mediaType` field. A document
    /// without one that has both index and manifest fields is refused as ambiguous.
    public init(bytes: [UInt8], mediaType declared: String?, expected: Digest?, source: String) throws(InputError) {
        let digest: Digest
        if let expected {
            do { try expected.verify(bytes) } catch { throw InputError(source: source, field: nil, reason: error.description) }
            digest = expected
        } else {
            digest = Digest.compute(bytes)
        }
        let probe = try JSONInput.decode(MediaTypeProbe.self, from: bytes, source: source)
        if probe.mediaType == nil, probe.manifests != nil, probe.layers != nil || probe.config != nil {
            throw InputError(source: source, field: "mediaType", reason: """
                the document has no mediaType and has both 'manifests' and 'layers' or 'config', so it is ambiguous: \
                it could be read as an index or as a manifest (CVE-2021-41190); refused whatever its descriptor says. \
                Ask its publisher to set mediaType and keep only the fields of one kind
                """)
        }
        var type = declared.map(Self.strippingParameters) ?? ""
        if !MediaType.isIndex(type) && !MediaType.isManifest(type) {
            if let own = probe.mediaType { type = own } else { type = probe.manifests != nil ? MediaType.ociIndex : MediaType.ociManifest }
        }
        if let own = probe.mediaType, own != type {
            throw InputError(source: source, field: "mediaType", reason: "document says '\(own)' but was served as '\(type)'")
        }
        if MediaType.isIndex(type) {
            content = .index(try JSONInput.decode(ImageIndex.self, from: bytes, source: source))
        } else if MediaType.isManifest(type) {
            content = .manifest(try JSONInput.decode(ImageManifest.self, from: bytes, source: source))
        } else {
            throw InputError(source: source, field: "mediaType", reason: "'\(type)' is not a manifest or index media type")
        }
        self.bytes = bytes
        self.mediaType = type
        self.digest = digest
    }

    /// Encodes `index` deterministically.
    public init(index: ImageIndex) throws {
        let bytes = try CanonicalJSON.encode(index)
        self.bytes = bytes
        self.mediaType = index.mediaType ?? MediaType.ociIndex
        self.digest = Digest.compute(bytes)
        self.content = .index(index)
    }

    /// Encodes `manifest` deterministically.
    public init(manifest: ImageManifest) throws {
        let bytes = try CanonicalJSON.encode(manifest)
        self.bytes = bytes
        self.mediaType = manifest.mediaType ?? MediaType.ociManifest
        self.digest = Digest.compute(bytes)
        self.content = .manifest(manifest)
    }

    /// A descriptor of this document.
    public var descriptor: Descriptor {
        var d = Descriptor(mediaType: mediaType, digest: digest, size: Int64(bytes.count))
        if case .manifest(let m) = content { d.artifactType = m.artifactType }
        if case .index(let i) = content { d.artifactType = i.artifactType }
        return d
    }

    /// The artifact type a referrers listing reports: `artifactType`, else the
    /// config's media type (OCI distribution spec, referrers API).
    public var referrerArtifactType: String? {
        switch content {
        case .index(let i): i.artifactType
        case .manifest(let m): m.artifactType ?? m.config.mediaType
        }
    }

    /// The annotations of the document.
    public var annotations: [String: String]? {
        switch content {
        case .index(let i): i.annotations
        case .manifest(let m): m.annotations
        }
    }

    /// The `subject` of the document, if it is a referrer.
    public var subject: Descriptor? {
        switch content {
        case .index(let i): i.subject
        case .manifest(let m): m.subject
        }
    }

    /// Every descriptor the document points at: child manifests, or config and layers.
    public var children: [Descriptor] {
        switch content {
        case .index(let i): i.manifests
        case .manifest(let m): m.blobs
        }
    }

    static func strippingParameters(_ type: String) -> String {
        let base = type.split(separator: ";", maxSplits: 1).first.map(String.init) ?? type
        return base.trimmingCharacters(in: .whitespaces)
    }

    /// The fields that tell an index from a manifest.
    private struct MediaTypeProbe: Decodable {
        var mediaType: String?
        var manifests: [Descriptor.Probe]?
        var layers: [Descriptor.Probe]?
        var config: Descriptor.Probe?
    }
}

extension Descriptor {
    struct Probe: Decodable {}
}
