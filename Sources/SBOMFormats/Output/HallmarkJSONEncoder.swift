import Catalog

/// Writes Hallmark's own JSON SBOM (`-o json`), documented in `docs/sbom-json.md`:
/// the catalog as Hallmark sees it, with every package field, sorted keys and
/// packages sorted by PURL. Schema version 1; fields are only ever added.
public struct HallmarkJSONEncoder: Sendable {
    /// The `schema` value identifying this format and version.
    public static let schema = "https://hallmark.dev/schema/sbom-json/v1"

    public init() {}

    /// Encodes `input` into memory.
    public func encode(_ input: SBOMDocumentInput) throws -> [UInt8] {
        let sink = MemoryOutputSink()
        try encode(input, to: sink)
        return sink.bytes
    }

    /// Encodes `input` to `sink`.
    public func encode(_ input: SBOMDocumentInput, to sink: any SBOMOutputSink) throws {
        let writer = JSONStreamWriter(sink: sink)
        try writer.beginObject()
        try writer.member("created", .string(input.createdText))
        if let distro = input.distro {
            try writer.member("distro", .members([
                "id": .string(distro.id),
                "versionID": .optional(distro.versionID),
                "codename": .optional(distro.codename),
                "idLike": .array(distro.idLike.map(JSONNode.string)),
                "prettyName": .optional(distro.prettyName),
            ]))
        }
        if !input.files.isEmpty {
            try writer.key("files")
            try writer.beginArray()
            for file in input.sortedFiles {
                try writer.element()
                try writer.value(.members([
                    "path": .string(file.path), "sha1": .string(file.sha1), "sha256": .string(file.sha256),
                    "layer": .optional(file.layer?.description),
                ]))
            }
            try writer.endArray()
        }
        try writer.key("packages")
        try writer.beginArray()
        for package in input.sortedPackages {
            try writer.element()
            try writer.value(Self.packageNode(package))
        }
        try writer.endArray()
        try writer.member("schema", .string(Self.schema))
        try writer.member("source", .members([
            "name": .string(input.source.name),
            "digest": .optional(input.source.digest?.description),
            "platform": .optional(input.source.platform?.description),
            "mediaType": .optional(input.source.mediaType),
            "version": .optional(input.source.version),
        ]))
        try writer.member("tool", .object(["name": .string(input.tool.name), "version": .string(input.tool.version)]))
        try writer.endObject()
        try writer.finish()
    }

    private static func packageNode(_ package: CatalogPackage) -> JSONNode {
        let locations = package.locations.map { location in
            JSONNode.members(["path": .string(location.path), "layer": .optional(location.layer?.description)])
        }
        return .object([
            "name": .string(package.name),
            "version": .string(package.version),
            "type": .string(package.type.rawValue),
            "purl": .string(package.purl.description),
            "cpes": .array(package.cpes.map(JSONNode.string)),
            "licenses": .array(package.licenses.map(JSONNode.string)),
            "locations": .array(locations),
            "sourceName": package.sourceName.map(JSONNode.string) ?? .null,
            "sourceVersion": package.sourceVersion.map(JSONNode.string) ?? .null,
            "foundBy": .string(package.foundBy),
            "dependsOn": .array(package.dependsOn.map(JSONNode.string)),
            "files": .array(package.files.map(JSONNode.string)),
        ])
    }
}
