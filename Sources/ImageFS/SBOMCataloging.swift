import Catalog
import OCIModel

/// Catalogs a source in one pass: walks it once with the selectors of every
/// cataloger plus the distro files, detects the distro, runs each cataloger on the
/// files of the chosen scope, and returns the result as a ``CatalogReport``.
///
/// ```swift
/// let cataloging = SBOMCataloging(catalogers: catalogers, scope: .squashed)
/// let walker = ImageSourceWalker(source: layout, descriptor: try await layout.resolveDefault(), platform: .host)
/// let report = try await cataloging.catalog(.image(walker))
/// ```
public struct SBOMCataloging: Sendable {
    /// The files the distro is read from, in order of preference.
    public static let osReleasePaths = ["/etc/os-release", "/usr/lib/os-release"]

    /// The catalogers to run, each on its own selected files.
    public var catalogers: [any Cataloger]
    /// Which files the catalogers see (the distro is always read from the squashed view).
    public var scope: CatalogScope
    /// Limits and progress reporting of the walk.
    public var options: WalkOptions

    /// A cataloging run of `catalogers` over the `scope` view.
    public init(catalogers: [any Cataloger], scope: CatalogScope = .squashed, options: WalkOptions = WalkOptions()) {
        self.catalogers = catalogers
        self.scope = scope
        self.options = options
    }

    /// Walks `source` and catalogs it. Throws when the source cannot be read at all
    /// (a missing manifest, a blob failing its digest, the total decompression limit);
    /// an unreadable layer or file only adds a warning.
    public func catalog(_ source: CatalogSource) async throws -> CatalogReport {
        let distroConsumer = catalogers.count
        let osRelease = FileSelector(.path { Self.osReleasePaths.contains($0) }, maxSize: 64 << 10)
        let selection = FileSelection(catalogers.map(\.selectors) + [[osRelease]], digests: options.fileMetadata,
                                      maxFileSize: options.maxFileSize)
        let walked = try await source.walker.walk(selection, options: options)
        let distroFiles = ImageFileResolver(captured: walked.captured, consumer: distroConsumer, scope: .squashed)
        let distro = Self.osReleasePaths.lazy.compactMap { distroFiles.file(at: $0) }.first
            .flatMap { OSReleaseParser.distro(from: $0.content) }
        let context = CatalogContext(distro: distro)
        var packages: [CatalogPackage] = []
        var warnings = walked.warnings + SymlinkLoops.warnings(walked.captured, scope: scope)
        for (index, cataloger) in catalogers.enumerated() {
            let result = cataloger.catalog(ImageFileResolver(captured: walked.captured, consumer: index, scope: scope), context: context)
            packages += result.packages
            warnings += result.warnings
        }
        packages.sort { $0.sortKey < $1.sortKey }
        if options.fileMetadata { packages = realDirectories(packages, captured: walked.captured) }
        return CatalogReport(source: walked.description, distro: distro, packages: packages, warnings: warnings,
                             layers: walked.layers, platform: walked.platform,
                             files: selection.digestConsumer.map { files(walked.captured, consumer: $0) } ?? [])
    }

    /// `packages` with the directories of their installed files resolved through the
    /// image's links, so that dpkg's `/bin/bash` names the hashed `/usr/bin/bash` of a
    /// merged-/usr image. The last component is kept: a listed link stays itself.
    private func realDirectories(_ packages: [CatalogPackage], captured: CapturedFiles) -> [CatalogPackage] {
        let symlinks = ImageFileResolver(captured: captured, consumer: 0, scope: scope).symlinks
        var parents: [String: String] = [:]
        return packages.map { package in
            guard !package.files.isEmpty else { return package }
            var resolved = package
            resolved.files = Set(package.files.map { path in
                let parent = ImagePath.parent(path)
                if parents[parent] == nil { parents[parent] = symlinks.resolve(parent) ?? parent }
                return ImagePath.child(parents[parent] ?? parent, ImagePath.lastComponent(path))
            }).sorted()
            return resolved
        }
    }

    /// The hashed regular files of the chosen scope, by path (then layer).
    private func files(_ captured: CapturedFiles, consumer: Int) -> [CatalogedFile] {
        ImageFileResolver(captured: captured, consumer: consumer, scope: scope).files { _ in true }.compactMap { file in
            FileDigest(encoded: file.content).map { digest in
                CatalogedFile(path: file.path, layer: file.layer, size: digest.size,
                              sha1: Hex.encode(digest.sha1), sha256: Hex.encode(digest.sha256))
            }
        }
    }
}
