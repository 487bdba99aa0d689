import Catalog
import ImageFS

/// Catalogs one platform manifest of an image for attestations (SBOM, vulnerabilities),
/// printing the walk's warnings with the platform's label.
enum PlatformCataloging {
    static func report(for target: AttestationTarget, location: ImageLocation) async throws -> CatalogReport {
        let walker = ImageSourceWalker(source: location.source, descriptor: target.descriptor, platform: target.platform ?? .host)
        let report = try await SBOMCataloging(catalogers: Catalogers.all).catalog(.image(walker))
        for warning in report.warnings { Terminal.error("warning: \(target.label): \(warning)") }
        return report
    }
}
