import Foundation
import OCIModel

/// Writes an OCI image layout by hand: blobs under `blobs/sha256`, `oci-layout`, and an
/// `index.json` naming one manifest or index.
public struct LayoutBuilder {
    public let path: String

    public init(at path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path + "/blobs/sha256", withIntermediateDirectories: true)
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: URL(fileURLWithPath: path + "/oci-layout"))
    }

    /// Stores `bytes` as a blob.
    @discardableResult
    public func blob(_ bytes: [UInt8], mediaType: String) throws -> Descriptor {
        let digest = Digest.compute(bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: "\(path)/blobs/sha256/\(digest.encoded)"))
        return Descriptor(mediaType: mediaType, digest: digest, size: Int64(bytes.count))
    }

    /// Stores a layer file's bytes as a blob.
    public func layer(file: String, mediaType: String) throws -> Descriptor {
        try blob(Array(try Data(contentsOf: URL(fileURLWithPath: file))), mediaType: mediaType)
    }

    /// Stores a config and manifest for `layers`; returns the manifest's descriptor (with `platform`).
    public func image(layers: [Descriptor], platform: Platform = Platform(os: "linux", architecture: "amd64")) throws -> Descriptor {
        let variant = platform.variant.map { #","variant":"\#($0)""# } ?? ""
        let config = """
            {"architecture":"\(platform.architecture)","os":"\(platform.os)"\(variant),"rootfs":{"type":"layers","diff_ids":[]}}
            """
        let configDescriptor = try blob(Array(config.utf8), mediaType: MediaType.ociConfig)
        let document = try ManifestDocument(manifest: ImageManifest(config: configDescriptor, layers: layers))
        var descriptor = try blob(document.bytes, mediaType: MediaType.ociManifest)
        descriptor.platform = platform
        return descriptor
    }

    /// Stores an index of `manifests`; returns its descriptor.
    public func index(_ manifests: [Descriptor]) throws -> Descriptor {
        let document = try ManifestDocument(index: ImageIndex(manifests: manifests))
        return try blob(document.bytes, mediaType: MediaType.ociIndex)
    }

    /// Writes `index.json` pointing at `descriptor` under tag `tag`.
    public func tag(_ descriptor: Descriptor, as tag: String = "latest") throws {
        var entry = descriptor
        entry.annotations = ["org.opencontainers.image.ref.name": tag]
        let index = ImageIndex(manifests: [entry])
        try Data(try CanonicalJSON.encode(index)).write(to: URL(fileURLWithPath: path + "/index.json"))
    }
}
