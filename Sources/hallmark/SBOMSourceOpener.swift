import Catalog
import ImageFS
import OCIModel
import SBOMFormats

/// Opens what `hallmark sbom` catalogs: `dir:`, `file:`, or any image source, and
/// lists the platforms to catalog (several with `--platform all`).
struct SBOMSourceOpener {
    /// One thing to catalog: the platform (for `--platform all` file naming), the walker, how the SBOM names it.
    typealias Target = (platform: Platform?, source: CatalogSource, described: SBOMSource)

    let name: String
    private let location: ImageLocation?
    private let platform: String?
    private let local: CatalogSource?

    static func open(_ spec: String, platform: String?, options: RegistryOptions) async throws -> SBOMSourceOpener {
        if spec.hasPrefix("dir:") {
            let path = String(spec.dropFirst(4))
            return SBOMSourceOpener(name: spec, location: nil, platform: nil, local: .directory(DirectoryWalker(root: path)))
        }
        if spec.hasPrefix("file:") {
            let path = String(spec.dropFirst(5))
            return SBOMSourceOpener(name: spec, location: nil, platform: nil, local: .file(SingleFileWalker(path: path)))
        }
        let location = try await ImageLocation.openSource(spec, options: options)
        return SBOMSourceOpener(name: location.name, location: location, platform: platform, local: nil)
    }

    func close() { location?.close() }

    /// The sources to catalog, each with its SBOM description.
    func targets() async throws -> [Target] {
        if let local { return [(nil, local, SBOMSource(name: name))] }
        guard let location else { return [] }
        let descriptor = try await location.source.resolve(location.tagOrDigest)
        let requested = try platform.flatMap { $0 == "all" ? nil : try Platform(parsing: $0) } ?? .host
        let walker = ImageSourceWalker(source: location.source, descriptor: descriptor, platform: requested)
        let tag = location.tagOrDigest.hasPrefix("sha256:") ? nil : location.tagOrDigest
        let described = SBOMSource(name: name, digest: descriptor.digest, mediaType: descriptor.mediaType, version: tag)
        guard platform == "all" else { return [(nil, .image(walker), described)] }
        return try await walker.platforms().map { choice in
            var perPlatform = described
            perPlatform.platform = choice
            return (choice, .image(walker.choosing(choice)), perPlatform)
        }
    }
}
