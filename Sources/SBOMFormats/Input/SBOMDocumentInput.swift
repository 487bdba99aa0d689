import Catalog
import Foundation
import OCIModel

/// Everything an SBOM encoder needs, as the CLI hands it over: what was scanned,
/// what was found, and the run's injected identity (time, namespace seed), so that
/// the same input always gives the same bytes.
public struct SBOMDocumentInput: Sendable, Hashable {
    /// What was scanned.
    public var source: SBOMSource
    /// The detected operating system, if any.
    public var distro: Distro?
    /// The packages found; encoders sort them, so their order here does not matter.
    public var packages: [CatalogPackage]
    /// Per-file metadata for `--file-metadata`; empty when not requested.
    public var files: [SBOMFileEntry]
    /// The tool that made the document.
    public var tool: SBOMTool
    /// Optional `Organization:` creator for SPDX and the CycloneDX manufacturer-less metadata.
    public var organization: String?
    /// When the document was created (injected; not read from the clock here).
    public var created: Date
    /// Seed of the SPDX document namespace and the CycloneDX serial number (injected).
    public var namespaceSeed: UUID

    public init(
        source: SBOMSource, distro: Distro? = nil, packages: [CatalogPackage], files: [SBOMFileEntry] = [],
        tool: SBOMTool, organization: String? = nil, created: Date, namespaceSeed: UUID
    ) {
        self.source = source
        self.distro = distro
        self.packages = packages
        self.files = files
        self.tool = tool
        self.organization = organization
        self.created = created
        self.namespaceSeed = namespaceSeed
    }

    /// The packages in document order: by PURL, then first location, then name.
    var sortedPackages: [CatalogPackage] {
        packages.sorted { ($0.sortKey, $0.name, $0.version) < ($1.sortKey, $1.name, $1.version) }
    }

    /// The files in document order: by path, then layer.
    var sortedFiles: [SBOMFileEntry] {
        files.sorted { ($0.path, $0.layer?.description ?? "") < ($1.path, $1.layer?.description ?? "") }
    }

    /// The creation time as RFC 3339 UTC with second precision, e.g. `2026-11-23T22:21:26Z`.
    var createdText: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: created)
    }
}

/// The scanned source: an image reference, a directory, an archive.
public struct SBOMSource: Sendable, Hashable, Codable {
    /// A human name, e.g. `registry.example/app:1.0` or `dir:/srv/rootfs`.
    public var name: String
    /// The manifest digest, for images.
    public var digest: Digest?
    /// The platform, for images.
    public var platform: Platform?
    /// The manifest media type, for images.
    public var mediaType: String?
    /// A version to show for the root element (e.g. the tag); defaults to the digest.
    public var version: String?

    public init(name: String, digest: Digest? = nil, platform: Platform? = nil, mediaType: String? = nil, version: String? = nil) {
        self.name = name
        self.digest = digest
        self.platform = platform
        self.mediaType = mediaType
        self.version = version
    }

    /// The version shown for the root element.
    var displayVersion: String? { version ?? digest?.description }

    /// Whether the source is a container image (has a manifest digest).
    var isImage: Bool { digest != nil }
}

/// One file of the source, for the optional files section.
public struct SBOMFileEntry: Sendable, Hashable, Codable {
    /// Absolute path inside the image, e.g. `/usr/bin/env`.
    public var path: String
    /// Lowercase hex SHA-1 of the content (SPDX requires a SHA1 for every file).
    public var sha1: String
    /// Lowercase hex SHA-256 of the content.
    public var sha256: String
    /// The layer the file's final version came from.
    public var layer: Digest?

    public init(path: String, sha1: String, sha256: String, layer: Digest? = nil) {
        self.path = path
        self.sha1 = sha1
        self.sha256 = sha256
        self.layer = layer
    }

    /// The path relative to the root as SPDX wants it: `./usr/bin/env`.
    var relativePath: String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        return "./" + trimmed
    }
}

/// The tool recorded as the document's creator.
public struct SBOMTool: Sendable, Hashable, Codable {
    public var name: String
    public var version: String

    public init(name: String = "hallmark", version: String) {
        self.name = name
        self.version = version
    }
}
