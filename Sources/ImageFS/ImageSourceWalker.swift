import Catalog
import Foundation
import OCIModel

/// An image in any ``OCIModel/ContentSource`` (registry, OCI layout, archive): picks the
/// manifest for a platform from an index, reads the config for the platform, then
/// streams the layers in order, once.
public struct ImageSourceWalker: Sendable {
    /// The largest image config read.
    public static let maxConfigSize = 4 << 20

    /// Where the manifests and blobs come from.
    public let source: any ContentSource
    /// The manifest or index to walk (e.g. from `resolve(tag)` or `resolveDefault()`).
    public let descriptor: Descriptor
    /// The platform chosen from an index. A single manifest is walked whatever its platform.
    public let platform: Platform

    /// The image `descriptor` points at in `source`, for `platform` when it is an index.
    public init(source: any ContentSource, descriptor: Descriptor, platform: Platform = .host) {
        self.source = source
        self.descriptor = descriptor
        self.platform = platform
    }

    /// The platforms the descriptor offers (for `--platform all`): an index's entries
    /// (attestation manifests, `unknown/unknown`, left out), or a manifest's config platform.
    public func platforms() async throws -> [Platform] {
        let document = try await source.manifest(descriptor)
        switch document.content {
        case .index(let index):
            return index.manifests.compactMap(\.platform).filter { $0.os != "unknown" && $0.architecture != "unknown" }
        case .manifest(let manifest):
            return try await config(of: manifest).platform.map { [$0] } ?? []
        }
    }

    /// The same walker with another platform chosen.
    public func choosing(_ platform: Platform) -> ImageSourceWalker {
        ImageSourceWalker(source: source, descriptor: descriptor, platform: platform)
    }

    /// The image manifest to walk: the descriptor's, or the index entry matching ``platform``.
    func chooseManifest() async throws -> ManifestDocument {
        let document = try await source.manifest(descriptor)
        switch document.content {
        case .manifest:
            return document
        case .index(let index):
            guard let entry = index.manifests.first(where: { $0.platform.map(platform.matches) ?? false }) else {
                throw ImageFSError.platformNotFound(requested: platform, available: index.manifests.compactMap(\.platform))
            }
            let chosen = try await source.manifest(entry)
            guard case .manifest = chosen.content else { throw ImageFSError.notAnImage(mediaType: chosen.mediaType) }
            return chosen
        }
    }

    private func config(of manifest: ImageManifest) async throws -> ImageConfig {
        guard manifest.config.size <= Self.maxConfigSize else {
            throw ImageFSError.configTooLarge(size: manifest.config.size, limit: Self.maxConfigSize)
        }
        let bytes = try await source.blob(manifest.config).collect(limit: Self.maxConfigSize)
        return try JSONDecoder().decode(ImageConfig.self, from: Data(bytes))
    }
}

extension ImageSourceWalker: SourceWalking {
    func walk(_ selection: FileSelection, options: WalkOptions) async throws -> WalkResult {
        let document = try await chooseManifest()
        guard case .manifest(let manifest) = document.content else { throw ImageFSError.notAnImage(mediaType: document.mediaType) }
        let config = try await config(of: manifest)
        let store = CaptureStore()
        var progress = WalkProgress(bytesTotal: manifest.layers.reduce(0) { $0 + $1.size }, layerCount: manifest.layers.count)
        var decompressed: Int64 = 0
        for (index, layer) in manifest.layers.enumerated() {
            let name = "layer \(index + 1) (\(layer.digest))"
            let bytes = LayerByteStream(
                blob: try await source.blob(layer), mediaType: layer.mediaType, layerIndex: index, layer: layer.digest,
                limits: options.limits, decompressedBefore: decompressed,
                onInput: { count in
                    progress.bytesRead += Int64(count)
                    options.progress?(progress)
                })
            do {
                try await TarLayerWalk.walk(
                    TarStreamReader(bytes, layerIndex: index, layer: layer.digest), layer: index, name: name,
                    selection: selection, store: store)
            } catch let failure as LayerReadError {
                store.warn(nil, failure.description)
                do { try await bytes.drainInput() } catch let error as SourceReadError { throw error.underlying }
            } catch let error as SourceReadError {
                throw error.underlying
            }
            decompressed += bytes.decompressedBytes
            progress.layersDone = index + 1
            options.progress?(progress)
        }
        return WalkResult(
            description: "\(source.displayName)@\(document.digest)",
            captured: store.snapshot(layers: manifest.layers.map(\.digest)),
            warnings: store.warnings, layers: manifest.layers.map(\.digest), platform: config.platform)
    }
}
