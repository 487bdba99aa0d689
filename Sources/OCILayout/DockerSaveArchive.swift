import OCIModel
import Synchronization

/// The classic `docker save` format: `manifest.json` lists each image's config
/// file, tags and layer files. Each image is served as a synthesized Docker
/// schema 2 manifest whose descriptors are computed by hashing the archive's
/// entries (streamed, so memory stays bounded), once per image, when first needed.
final class DockerSaveArchive: Sendable {
    /// Media type of an uncompressed Docker layer (`layer.tar`).
    static let uncompressedLayerType = "application/vnd.docker.image.rootfs.diff.tar"
    static let manifestFile = "manifest.json"

    /// One element of `manifest.json`.
    struct Entry: Decodable, Sendable {
        var config: String
        var repoTags: [String]?
        var layers: [String]

        enum CodingKeys: String, CodingKey {
            case config = "Config"
            case repoTags = "RepoTags"
            case layers = "Layers"
        }
    }

    /// An image with its manifest and where its blobs are.
    struct Image: Sendable {
        let document: ManifestDocument
        let blobs: [Digest: FileRegion]
    }

    let reader: TarReader
    let displayName: String
    let entries: [Entry]
    private let images: Mutex<[Int: Image]>

    init(reader: TarReader, displayName: String) throws {
        let location = "\(Self.manifestFile) in \(reader.path)"
        guard let file = reader.entry(named: Self.manifestFile) else {
            throw LayoutError.notALayout(displayName, reason: "it has neither \(Self.manifestFile) (docker save) nor index.json (OCI layout)")
        }
        let bytes = try reader.read(try reader.followingLinks(file), limit: JSONInput.maxDocumentSize)
        self.entries = try JSONInput.decode([Entry].self, from: bytes, source: location)
        self.reader = reader
        self.displayName = displayName
        self.images = Mutex([:])
    }

    /// The image `tagOrDigest` names: a synthesized manifest digest, a full
    /// `name:tag` equal to a `RepoTags` element as references (`repo:t` matches
    /// `docker.io/library/repo:t`), or a bare tag matching the tag part of one.
    func resolve(_ tagOrDigest: String) async throws -> Descriptor {
        if let digest = try? Digest(tagOrDigest) {
            for i in entries.indices where try await image(i).document.digest == digest { return try await image(i).document.descriptor }
            throw ContentNotFound(tagOrDigest, in: displayName)
        }
        let matches = entries.indices.filter { i in (entries[i].repoTags ?? []).contains { Self.repoTag($0, matches: tagOrDigest) } }
        guard let first = matches.first else { throw ContentNotFound("tag '\(tagOrDigest)'", in: displayName) }
        guard matches.count == 1 else {
            throw LayoutError.ambiguousImage(displayName, count: matches.count, names: matches.flatMap { entries[$0].repoTags ?? [] })
        }
        return try await image(first).document.descriptor
    }

    static func repoTag(_ repoTag: String, matches wanted: String) -> Bool {
        if repoTag == wanted { return true }
        guard wanted.contains(":") || wanted.contains("/") else {
            return (try? ImageReference(parsing: repoTag))?.tag == wanted
        }
        guard let a = try? ImageReference(parsing: repoTag), let b = try? ImageReference(parsing: wanted) else { return false }
        return a == b
    }

    /// The only image.
    func resolveDefault() async throws -> Descriptor {
        guard !entries.isEmpty else { throw LayoutError.noImages(displayName) }
        guard entries.count == 1 else { throw LayoutError.ambiguousImage(displayName, count: entries.count, names: tags()) }
        return try await image(0).document.descriptor
    }

    func manifest(_ descriptor: Descriptor) async throws -> ManifestDocument {
        for i in entries.indices {
            let document = try await image(i).document
            guard document.digest == descriptor.digest else { continue }
            guard Int64(document.bytes.count) == descriptor.size else {
                throw DigestError.sizeMismatch(digest: descriptor.digest, expected: descriptor.size, actual: Int64(document.bytes.count))
            }
            return document
        }
        throw ContentNotFound(descriptor.digest.description, in: displayName)
    }

    func blob(_ descriptor: Descriptor) async throws -> ByteChunks {
        for i in entries.indices {
            if let region = try await image(i).blobs[descriptor.digest] {
                return region.chunks(chunkSize: TarReader.chunkSize).verifying(descriptor)
            }
        }
        throw ContentNotFound(descriptor.digest.description, in: displayName)
    }

    func tags() -> [String] { entries.flatMap { $0.repoTags ?? [] } }

    /// Image `i`, synthesized on first use.
    private func image(_ i: Int) async throws -> Image {
        if let cached = images.withLock({ $0[i] }) { return cached }
        let entry = entries[i]
        let field = "\(Self.manifestFile)[\(i)]"
        let (config, configRegion) = try await describe(entry.config, mediaType: MediaType.dockerConfig, field: "\(field).Config")
        var blobs = [config.digest: configRegion]
        var layers: [Descriptor] = []
        for (n, path) in entry.layers.enumerated() {
            let (layer, region) = try await describe(path, mediaType: nil, field: "\(field).Layers[\(n)]")
            layers.append(layer)
            blobs[layer.digest] = region
        }
        let manifest = ImageManifest(mediaType: MediaType.dockerManifest, config: config, layers: layers)
        let image = Image(document: try ManifestDocument(manifest: manifest), blobs: blobs)
        images.withLock { $0[i] = image }
        return image
    }

    /// The descriptor of the file at `path`, hashed as it streams; a layer's media
    /// type (`mediaType` nil) is gzip when the file starts with the gzip magic.
    private func describe(_ path: String, mediaType: String?, field: String) async throws -> (Descriptor, FileRegion) {
        guard let entry = reader.entry(named: path) else {
            throw LayoutError.missingEntry("\(Self.manifestFile) in \(reader.path)", entry: path, field: field)
        }
        let region = reader.region(of: try reader.followingLinks(entry))
        var hasher = DigestHasher(algorithm: .sha256)
        for try await chunk in region.chunks(chunkSize: TarReader.chunkSize) { hasher.update(chunk) }
        let type = try mediaType ?? (region.prefix(2) == [0x1f, 0x8b] ? MediaType.dockerLayerGzip : Self.uncompressedLayerType)
        return (Descriptor(mediaType: type, digest: hasher.finalize(), size: region.length), region)
    }
}
