import Foundation
import OCIModel
@testable import OCILayout

/// Real inputs made at test time with umoci, skopeo and GNU tar.
enum Fixtures {
    /// A long file name (over the 100 bytes of a ustar name field).
    static let longName = "deep/" + String(repeating: "d", count: 60) + "/" + String(repeating: "f", count: 90) + ".txt"

    /// Files the image layers and test tars hold.
    static let files: [String: String] = [
        "etc/hello": "hello from hallmark\n",
        longName: "long name\n",
        "usr/share/doc/ünïcode.txt": "unicode name\n",
    ]

    /// A umoci-made OCI layout at `directory/name` whose image `tag` has one real
    /// gzip layer (umoci unpack + repack) holding ``files``.
    @discardableResult
    static func umociLayout(in directory: TestDirectory, name: String = "layout", tag: String = "t") throws -> String {
        let layout = directory.at(name)
        let bundle = directory.at("\(name)-bundle")
        try Tool.run("umoci", ["init", "--layout", layout])
        try Tool.run("umoci", ["new", "--image", "\(layout):\(tag)"])
        try Tool.run("umoci", ["unpack", "--rootless", "--image", "\(layout):\(tag)", bundle])
        for (path, text) in files { try directory.write("\(name)-bundle/rootfs/\(path)", text) }
        try Tool.run("umoci", ["repack", "--image", "\(layout):\(tag)", bundle])
        try FileManager.default.removeItem(atPath: bundle)
        return layout
    }

    /// The digest of the manifest skopeo reads for `image` (e.g. `oci:L:t`).
    static func skopeoDigest(_ image: String) throws -> String {
        try Tool.sha256(of: "skopeo inspect --raw '\(image)'")
    }

    /// A tree of ``files`` at `directory/name` for tar tests, with a directory, a
    /// symbolic link, a hard link, an empty file and a file of several read chunks.
    static func tree(in directory: TestDirectory, name: String = "tree") throws -> String {
        for (path, text) in files { try directory.write("\(name)/\(path)", text) }
        try directory.write("\(name)/empty", [UInt8]())
        try directory.write("\(name)/big.bin", (0..<(3 * TarReader.chunkSize + 123)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try FileManager.default.createDirectory(atPath: directory.at("\(name)/emptydir"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.at("\(name)/etc/link"), withDestinationPath: "hello")
        try FileManager.default.linkItem(atPath: directory.at("\(name)/etc/hello"), toPath: directory.at("\(name)/hardlink"))
        return directory.at(name)
    }

    /// Copies the image `tagOrDigest` (children first) from `source` to `destination`
    /// under `tag`, and commits; returns the root manifest.
    @discardableResult
    static func copy(
        _ tagOrDigest: String, from source: any ContentSource, to destination: any ContentDestination, tag: String?
    ) async throws -> ManifestDocument {
        let root = try await source.manifest(try await source.resolve(tagOrDigest))
        try await copyChildren(of: root, from: source, to: destination)
        try await destination.putManifest(root, tag: tag)
        try await destination.commit()
        return root
    }

    private static func copyChildren(of document: ManifestDocument, from source: any ContentSource, to destination: any ContentDestination) async throws {
        for child in document.children {
            if MediaType.isManifest(child.mediaType) || MediaType.isIndex(child.mediaType) {
                let manifest = try await source.manifest(child)
                try await copyChildren(of: manifest, from: source, to: destination)
                try await destination.putManifest(manifest, tag: nil)
            } else if try await !destination.hasBlob(child) {
                try await destination.putBlob(child, content: try await source.blob(child))
            }
        }
    }

    /// Puts a small image (config and one layer made from `payload`) into
    /// `destination` and returns its (unstored) manifest.
    static func smallImage(_ payload: String, into destination: any ContentDestination) async throws -> ManifestDocument {
        let config = Array(#"{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}"#.utf8)
        let layer = Array(payload.utf8)
        let configDescriptor = Descriptor(mediaType: MediaType.ociConfig, digest: Digest.compute(config), size: Int64(config.count))
        let layerDescriptor = Descriptor(mediaType: MediaType.ociLayer, digest: Digest.compute(layer), size: Int64(layer.count))
        try await destination.putBlob(configDescriptor, content: ByteChunks(bytes: config))
        try await destination.putBlob(layerDescriptor, content: ByteChunks(bytes: layer))
        return try ManifestDocument(manifest: ImageManifest(config: configDescriptor, layers: [layerDescriptor]))
    }

    /// An OCI 1.1 artifact manifest about `subject` (empty config, one layer).
    static func artifact(about subject: Descriptor, type: String, into destination: any ContentDestination) async throws -> ManifestDocument {
        let empty = Array("{}".utf8)
        let emptyDescriptor = Descriptor(mediaType: MediaType.ociEmpty, digest: Digest.compute(empty), size: 2)
        let body = Array(#"{"spdxVersion":"SPDX-2.3"}"#.utf8)
        let layer = Descriptor(mediaType: type, digest: Digest.compute(body), size: Int64(body.count))
        try await destination.putBlob(emptyDescriptor, content: ByteChunks(bytes: empty))
        try await destination.putBlob(layer, content: ByteChunks(bytes: body))
        return try ManifestDocument(manifest: ImageManifest(
            artifactType: type, config: emptyDescriptor, layers: [layer], subject: subject,
            annotations: [AnnotationKey.created: "2023-11-14T22:13:20Z"]))
    }

    /// Every blob of `document` streamed through `source.blob` (which verifies them).
    static func streamAllBlobs(of document: ManifestDocument, from source: any ContentSource) async throws -> Int {
        var total = 0
        for blob in document.children where !MediaType.isManifest(blob.mediaType) && !MediaType.isIndex(blob.mediaType) {
            for try await chunk in try await source.blob(blob) { total += chunk.count }
        }
        return total
    }
}

extension TarReader {
    /// An entry's contents collected in memory.
    func bytes(of entry: TarEntry) async throws -> [UInt8] {
        try await contents(of: entry).collect(limit: 1 << 26)
    }
}
