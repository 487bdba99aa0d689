import OCIModel

/// Where a package's evidence was found: a path in the image and the layer it came from.
public struct PackageLocation: Hashable, Sendable, Codable, Comparable {
    /// An absolute path inside the image (or below the `dir:` root), e.g. `/var/lib/dpkg/status`.
    public var path: String
    /// The layer digest (the compressed blob's), when the source has layers.
    public var layer: Digest?

    public init(path: String, layer: Digest? = nil) {
        self.path = path
        self.layer = layer
    }

    public static func < (lhs: PackageLocation, rhs: PackageLocation) -> Bool {
        (lhs.path, lhs.layer?.description ?? "") < (rhs.path, rhs.layer?.description ?? "")
    }
}

/// One package found in a source, with everything the SBOM formats and the
/// vulnerability matcher need.
public struct CatalogPackage: Hashable, Sendable, Codable {
    public var name: String
    public var version: String
    public var type: PackageType
    public var purl: PURL
    public var cpes: [String]
    /// SPDX license expressions (or plain names where no SPDX id is known).
    public var licenses: [String]
    public var locations: [PackageLocation]
    /// For OS packages: the source package (Debian advisories are per source package).
    public var sourceName: String?
    public var sourceVersion: String?
    /// The cataloger that found it, e.g. `dpkg-db-cataloger`.
    public var foundBy: String
    /// Names (as the ecosystem spells them) of packages this one depends on.
    public var dependsOn: [String]
    /// The paths the package installed, as its package manager records them (dpkg's
    /// `info/<package>.list`), sorted; empty when unknown.
    public var files: [String]

    public init(
        name: String, version: String, type: PackageType, purl: PURL, cpes: [String] = [], licenses: [String] = [],
        locations: [PackageLocation] = [], sourceName: String? = nil, sourceVersion: String? = nil,
        foundBy: String, dependsOn: [String] = [], files: [String] = []
    ) {
        self.name = name
        self.version = version
        self.type = type
        self.purl = purl
        self.cpes = cpes
        self.licenses = licenses
        self.locations = locations
        self.sourceName = sourceName
        self.sourceVersion = sourceVersion
        self.foundBy = foundBy
        self.dependsOn = dependsOn
        self.files = files
    }

    /// A stable identity for sorting and de-duplication: PURL, then first location.
    public var sortKey: String { purl.description + "|" + (locations.first?.path ?? "") }
}
