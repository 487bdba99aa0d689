/// What the Java cataloger keeps of an archive: the main section of its manifest, its
/// `pom.properties` files and, recursively, the same for the archives nested in it
/// (Spring Boot `BOOT-INF/lib/*.jar`, war `WEB-INF/lib/*.jar`), with the problems met.
/// A few kilobytes however large the archive.
struct JavaArchiveSummary: Codable, Sendable, Equatable {
    /// The marker line of the reduced form.
    static let marker = "hallmark-java-archive-v1"

    /// One `META-INF/maven/<group>/<artifact>/pom.properties`.
    struct PomProperties: Codable, Sendable, Equatable {
        var path: String
        var groupId: String
        var artifactId: String
        var version: String
    }

    /// An archive inside this one, by its entry path.
    struct Nested: Codable, Sendable, Equatable {
        var path: String
        var archive: JavaArchiveSummary
    }

    /// `META-INF/MANIFEST.MF`'s main attributes.
    var manifest: [String: String] = [:]
    var pomProperties: [PomProperties] = []
    var nested: [Nested] = []
    /// Problems with this archive (not its nested ones).
    var problems: [String] = []
    /// Whether the archive's ZIP structure could be read at all (if not, it names no package).
    var isReadable = true
}

/// Limits on reading Java archives, so that zip bombs and deeply nested jars stay bounded.
public struct JavaArchiveLimits: Sendable {
    /// The largest archive file read from a source.
    public static let defaultMaxArchiveSize = 256 << 20
    /// How deep archives inside archives are opened (the file itself is depth 0).
    public static let defaultMaxNestingDepth = 4
    /// The most bytes inflated from one archive and everything nested in it, in total.
    public static let defaultMaxInflatedBytes = 512 << 20
    /// The largest manifest or `pom.properties` entry read.
    public static let defaultMaxMetadataSize = 1 << 20

    /// The largest archive file read from a source (the selector's `maxSize`), and the
    /// largest nested archive inflated.
    public var maxArchiveSize: Int
    /// How deep nested archives are opened; deeper ones give a warning.
    public var maxNestingDepth: Int
    /// The inflation budget of one archive file, nested archives included; past it, entries give a warning.
    public var maxInflatedBytes: Int
    /// The largest manifest or `pom.properties` read.
    public var maxMetadataSize: Int

    public init(maxArchiveSize: Int = defaultMaxArchiveSize, maxNestingDepth: Int = defaultMaxNestingDepth,
                maxInflatedBytes: Int = defaultMaxInflatedBytes, maxMetadataSize: Int = defaultMaxMetadataSize) {
        self.maxArchiveSize = maxArchiveSize
        self.maxNestingDepth = maxNestingDepth
        self.maxInflatedBytes = maxInflatedBytes
        self.maxMetadataSize = maxMetadataSize
    }
}

/// Reads an archive's bytes into a ``JavaArchiveSummary`` within ``JavaArchiveLimits``.
enum JavaArchiveReader {
    /// Path suffixes of Java archives (lowercase).
    static let archiveSuffixes = [".jar", ".war", ".ear", ".par", ".sar", ".jpi", ".hpi"]

    static func isArchive(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return archiveSuffixes.contains { lowered.hasSuffix($0) }
    }

    /// The summary of `bytes`; problems are recorded in it, never thrown.
    static func summarize(_ bytes: [UInt8], limits: JavaArchiveLimits) -> JavaArchiveSummary {
        var budget = limits.maxInflatedBytes
        return summarize(bytes, depth: 0, budget: &budget, limits: limits)
    }

    private static func summarize(_ bytes: [UInt8], depth: Int, budget: inout Int, limits: JavaArchiveLimits) -> JavaArchiveSummary {
        var summary = JavaArchiveSummary()
        let zip: ZipArchive
        do { zip = try ZipArchive(bytes) } catch {
            summary.problems.append("not a readable ZIP archive: \(error.description)")
            summary.isReadable = false
            return summary
        }
        for entry in zip.entries.sorted(by: { $0.name < $1.name }) {
            do throws(FileFormatError) {
                if entry.name.uppercased() == "META-INF/MANIFEST.MF" {
                    summary.manifest = JavaManifest.mainAttributes(try read(entry, of: zip, limit: limits.maxMetadataSize, budget: &budget))
                } else if entry.name.hasPrefix("META-INF/maven/"), entry.name.hasSuffix("/pom.properties") {
                    let properties = JavaManifest.properties(try read(entry, of: zip, limit: limits.maxMetadataSize, budget: &budget))
                    summary.pomProperties.append(JavaArchiveSummary.PomProperties(
                        path: entry.name, groupId: properties["groupId"] ?? "", artifactId: properties["artifactId"] ?? "",
                        version: properties["version"] ?? ""))
                } else if isArchive(entry.name) {
                    guard depth < limits.maxNestingDepth else {
                        throw FileFormatError("nested archive \(entry.name) not read: nesting depth limit of \(limits.maxNestingDepth) reached")
                    }
                    let content = try read(entry, of: zip, limit: limits.maxArchiveSize, budget: &budget)
                    summary.nested.append(.init(path: entry.name, archive: summarize(content, depth: depth + 1, budget: &budget, limits: limits)))
                }
            } catch {
                summary.problems.append(error.description)
            }
        }
        return summary
    }

    /// An entry's content within `limit` and the remaining inflation `budget`, which every
    /// byte inflated uses up, also when the entry then fails.
    private static func read(_ entry: ZipArchive.Entry, of zip: ZipArchive, limit: Int, budget: inout Int) throws(FileFormatError) -> [UInt8] {
        guard budget > 0 else { throw FileFormatError("entry \(entry.name) not read: total inflated size limit reached") }
        var inflated = 0
        defer { budget -= inflated }
        do { return try zip.contents(of: entry, limit: min(limit, budget), inflated: &inflated) } catch {
            let which = limit < budget ? "per-entry limit \(limit)" : "remaining total inflated size budget \(budget)"
            throw FileFormatError("\(error.description) (\(which) bytes)")
        }
    }
}
