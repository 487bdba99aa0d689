import Catalog

/// The packages read from an SBOM and what could not be taken over.
public struct SBOMReadResult: Sendable, Equatable {
    /// The format and version read, e.g. `SPDX-2.3`, `CycloneDX 1.6`.
    public var format: String
    /// The document's name (SPDX `name`, CycloneDX `metadata.component.name`).
    public var documentName: String?
    /// Packages with a PURL of a supported type, in document order.
    public var packages: [CatalogPackage]
    /// Packages/components without any PURL (e.g. SPDX root packages, files described as packages).
    public var skippedWithoutPURL: Int
    /// Packages skipped for another reason (invalid PURL, PURL type Hallmark does not catalog), one line each.
    public var warnings: [String]
}
