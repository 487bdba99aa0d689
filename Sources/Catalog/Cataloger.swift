import OCIModel

/// Which files a cataloger wants to see. The walker reads a selected file's
/// content (up to `maxSize`; larger ones are skipped with a warning) and, when
/// `reduce` is set, replaces it by what `reduce` returns right away, so a large
/// binary is held only while it is being reduced (e.g. to its Go build info).
public struct FileSelector: Sendable {
    /// How a file is recognised.
    public enum Match: Sendable {
        /// By its absolute path inside the image, e.g. `/var/lib/dpkg/status`.
        case path(@Sendable (String) -> Bool)
        /// By its first bytes (file magic), e.g. ELF `7f 45 4c 46` or zip `50 4b 03 04`.
        case magic([UInt8])
    }

    public var match: Match
    /// The largest file content handed over, in bytes.
    public var maxSize: Int
    /// Reduces a file's content while it is read; `nil` drops the file.
    public var reduce: (@Sendable (_ path: String, _ content: [UInt8]) throws -> [UInt8]?)?

    public init(_ match: Match, maxSize: Int = 64 << 20, reduce: (@Sendable (String, [UInt8]) throws -> [UInt8]?)? = nil) {
        self.match = match
        self.maxSize = maxSize
        self.reduce = reduce
    }
}

/// A selected file as the resolver serves it.
public struct ResolvedFile: Sendable, Hashable {
    /// Absolute path inside the image.
    public var path: String
    /// The layer it came from (nil for `dir:`/`file:` sources).
    public var layer: Digest?
    /// Its content, or what the selector's `reduce` made of it.
    public var content: [UInt8]

    public init(path: String, layer: Digest? = nil, content: [UInt8]) {
        self.path = path
        self.layer = layer
        self.content = content
    }

    /// The location of this file for a package.
    public var location: PackageLocation { PackageLocation(path: path, layer: layer) }
}

/// The selected files of a source, in one view (squashed: the final filesystem;
/// all-layers: every version of every file). Paths are absolute; symlinks are
/// resolved inside the image root only.
public protocol FileResolver: Sendable {
    /// The file at `path` (following symlinks inside the root), if it was selected and exists.
    func file(at path: String) -> ResolvedFile?
    /// Every selected file whose path satisfies `predicate`, sorted by path (and layer order).
    func files(where predicate: (String) -> Bool) -> [ResolvedFile]
}

/// Something a cataloger could not read, with the file it is about.
public struct CatalogWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    public var path: String?
    public var message: String

    public init(path: String?, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.map { "\($0): \(message)" } ?? message }
}

/// What a cataloger found.
public struct CatalogResult: Sendable {
    public var packages: [CatalogPackage]
    public var warnings: [CatalogWarning]

    public init(packages: [CatalogPackage] = [], warnings: [CatalogWarning] = []) {
        self.packages = packages
        self.warnings = warnings
    }

    public mutating func merge(_ other: CatalogResult) {
        packages += other.packages
        warnings += other.warnings
    }
}

/// What catalogers know about the source as a whole.
public struct CatalogContext: Sendable {
    /// The detected operating system, if any.
    public var distro: Distro?

    public init(distro: Distro? = nil) {
        self.distro = distro
    }
}

/// One ecosystem's cataloger: which files it wants, and a pure function from those
/// files to packages. A malformed file gives a warning naming it; the rest goes on.
public protocol Cataloger: Sendable {
    /// A stable name, e.g. `dpkg-db-cataloger`; recorded as each package's `foundBy`.
    var name: String { get }
    /// The files to collect for it.
    var selectors: [FileSelector] { get }
    /// The packages in `files`.
    func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult
}
