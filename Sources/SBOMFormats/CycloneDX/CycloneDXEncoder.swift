import Catalog
import Foundation

/// Writes a CycloneDX 1.6 JSON BOM, streaming components to the sink.
///
/// The source is `metadata.component` (type `container` for images); each
/// package is a `library` component whose `bom-ref` is its PURL (with `#2`, `#3`, …
/// for repeats); the distro is an `operating-system` component. Locations,
/// cataloger and source package are `hallmark:` properties. Keys are sorted and
/// components ordered, so the same input gives the same bytes apart from
/// `serialNumber` and `metadata.timestamp`.
public struct CycloneDXEncoder: Sendable {
    public init() {}

    /// Encodes `input` into memory.
    public func encode(_ input: SBOMDocumentInput) throws -> [UInt8] {
        let sink = MemoryOutputSink()
        try encode(input, to: sink)
        return sink.bytes
    }

    /// Encodes `input` to `sink`.
    public func encode(_ input: SBOMDocumentInput, to sink: any SBOMOutputSink) throws {
        let packages = input.sortedPackages
        var used: Set<String> = []
        let refs = packages.map { package -> String in
            let base = package.purl.description
            var candidate = base
            var counter = 2
            while used.contains(candidate) {
                candidate = base + "#\(counter)"
                counter += 1
            }
            used.insert(candidate)
            return candidate
        }
        var licenses = SPDXLicenseExpression()

        let writer = JSONStreamWriter(sink: sink)
        try writer.beginObject()
        try writer.member("$schema", .string("http://cyclonedx.org/schema/bom-1.6.schema.json"))
        try writer.member("bomFormat", .string("CycloneDX"))
        try writer.key("components")
        try writer.beginArray()
        for (index, package) in packages.enumerated() {
            try writer.element()
            try writer.value(Self.componentNode(package, ref: refs[index], licenses: &licenses))
        }
        if let distro = input.distro {
            try writer.element()
            try writer.value(.members([
                "bom-ref": .string("os:" + distro.purlQualifier),
                "type": .string("operating-system"),
                "name": .string(distro.id),
                "version": .optional(distro.versionID),
                "description": .optional(distro.prettyName),
            ]))
        }
        try writer.endArray()
        let dependencies = SPDXEncoder.dependencies(packages, ids: refs)
        if !dependencies.isEmpty {
            var grouped: [String: [String]] = [:]
            for (from, to) in dependencies { grouped[from, default: []].append(to) }
            let nodes = grouped.keys.sorted().map { ref in
                JSONNode.object(["ref": .string(ref), "dependsOn": .array(grouped[ref]!.sorted().map(JSONNode.string))])
            }
            try writer.member("dependencies", .array(nodes))
        }
        try writer.member("metadata", Self.metadataNode(input))
        try writer.member("serialNumber", .string("urn:uuid:" + input.namespaceSeed.uuidString.lowercased()))
        try writer.member("specVersion", .string("1.6"))
        try writer.member("version", .int(1))
        try writer.endObject()
        try writer.finish()
    }

    /// The `bom-ref` of the source component.
    static let rootReference = "hallmark:source"

    private static func metadataNode(_ input: SBOMDocumentInput) -> JSONNode {
        var properties: [JSONNode] = []
        if let digest = input.source.digest { properties.append(property("hallmark:image:digest", digest.description)) }
        if let platform = input.source.platform { properties.append(property("hallmark:image:platform", platform.description)) }
        if let mediaType = input.source.mediaType { properties.append(property("hallmark:image:mediaType", mediaType)) }
        let component = JSONNode.members([
            "bom-ref": .string(rootReference),
            "type": .string(input.source.isImage ? "container" : "file"),
            "name": .string(input.source.name),
            "version": .optional(input.source.displayVersion),
            "purl": .optional(input.source.ociPURL?.description),
            "properties": .array(properties),
        ])
        let tool = JSONNode.object(["type": .string("application"), "name": .string(input.tool.name), "version": .string(input.tool.version)])
        return .members([
            "timestamp": .string(input.createdText),
            "tools": .object(["components": .array([tool])]),
            "component": component,
            "supplier": input.organization.map { JSONNode.object(["name": .string($0)]) },
        ])
    }

    private static func componentNode(_ package: CatalogPackage, ref: String, licenses: inout SPDXLicenseExpression) -> JSONNode {
        var properties: [JSONNode] = [property("hallmark:package:foundBy", package.foundBy), property("hallmark:package:type", package.type.rawValue)]
        for (index, location) in package.locations.enumerated() {
            properties.append(property("hallmark:location:\(index):path", location.path))
            if let layer = location.layer { properties.append(property("hallmark:location:\(index):layerID", layer.description)) }
        }
        if let sourceName = package.sourceName { properties.append(property("hallmark:package:sourceName", sourceName)) }
        if let sourceVersion = package.sourceVersion { properties.append(property("hallmark:package:sourceVersion", sourceVersion)) }
        for cpe in package.cpes.dropFirst() { properties.append(property("hallmark:cpe23", cpe)) }
        for name in package.dependsOn { properties.append(property("hallmark:package:dependsOn", name)) }
        return .members([
            "bom-ref": .string(ref),
            "type": .string("library"),
            "name": .string(package.name),
            "version": package.version.isEmpty ? nil : .string(package.version),
            "purl": .string(package.purl.description),
            "cpe": .optional(package.cpes.first),
            "licenses": .array(licenseNodes(package.licenses, licenses: &licenses)),
            "properties": .array(properties),
        ])
    }

    /// `[{license: {id}}|{license: {name}}]` when every entry is a single license,
    /// else one `{expression}` (CycloneDX does not allow mixing the two); `WITH`
    /// exceptions count as expressions.
    static func licenseNodes(_ names: [String], licenses: inout SPDXLicenseExpression) -> [JSONNode] {
        let cleaned = names.map(\.trimmingSpaces).filter { !$0.isEmpty }
        let parsed = cleaned.map { SPDXLicenseExpression.parse($0) }
        if parsed.contains(where: { $0?.text.contains(" ") == true }) {
            return licenses.expression(for: cleaned).map { [.object(["expression": .string($0)])] } ?? []
        }
        return zip(cleaned, parsed).map { name, parsed in
            if let parsed { return .object(["license": .object(["id": .string(parsed.text)])]) }
            return .object(["license": .object(["name": .string(name)])])
        }
    }

    private static func property(_ name: String, _ value: String) -> JSONNode {
        .object(["name": .string(name), "value": .string(value)])
    }
}
