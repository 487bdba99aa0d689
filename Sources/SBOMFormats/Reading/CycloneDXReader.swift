import Catalog
import OCIModel

/// Reads components from a CycloneDX 1.4–1.6 JSON BOM (nested components included).
struct CycloneDXReader {
    let document: JSONField
    let version: String

    /// The `foundBy` of components read from CycloneDX without a cataloger property.
    static let foundBy = "cyclonedx-json-reader"

    func read() throws(InputError) -> SBOMReadResult {
        var packages: [CatalogPackage] = []
        var refToIndex: [String: Int] = [:]
        var skipped = 0
        var warnings: [String] = []
        var pending = try document.array("components")
        while !pending.isEmpty {
            let item = pending.removeFirst()
            pending += try item.array("components")
            guard let purlText = try item.string("purl"), !purlText.isEmpty else {
                if try item.string("type") != "operating-system" { skipped += 1 }
                continue
            }
            guard let base = SBOMReader.package(
                purlText: purlText, field: try item.optional("purl") ?? item, name: try item.string("name"), version: try item.string("version"),
                warnings: &warnings
            ) else { continue }
            var properties: [(String, String)] = []
            for property in try item.array("properties") {
                properties.append((try property.requiredString("name"), try property.string("value") ?? ""))
            }
            func value(_ names: String...) -> String? { properties.first { names.contains($0.0) }?.1 }
            var cpes = try item.string("cpe").map { [$0] } ?? []
            cpes += properties.filter { $0.0 == "hallmark:cpe23" || $0.0 == "syft:cpe23" }.map(\.1).filter { !cpes.contains($0) }
            var package = CatalogPackage(
                name: base.name, version: base.version, type: base.type, purl: base.purl, cpes: cpes,
                licenses: try Self.licenses(item), locations: Self.locations(properties),
                sourceName: value("hallmark:package:sourceName"), sourceVersion: value("hallmark:package:sourceVersion"),
                foundBy: value("hallmark:package:foundBy", "syft:package:foundBy") ?? Self.foundBy
            )
            package.dependsOn = properties.filter { $0.0 == "hallmark:package:dependsOn" }.map(\.1)
            if let ref = try item.string("bom-ref") { refToIndex[ref] = packages.count }
            packages.append(package)
        }
        for dependency in try document.array("dependencies") {
            let ref = try dependency.requiredString("ref")
            let targets = try dependency.array("dependsOn")
            guard let source = refToIndex[ref] else { continue }
            for target in targets {
                guard let targetRef = target.value as? String else { throw target.failure("expected a string") }
                guard let index = refToIndex[targetRef] else { continue }
                let name = packages[index].name
                if !packages[source].dependsOn.contains(name) { packages[source].dependsOn.append(name) }
            }
        }
        let name = try document.optional("metadata")?.optional("component")?.string("name")
        return SBOMReadResult(format: "CycloneDX \(version)", documentName: name, packages: packages, skippedWithoutPURL: skipped, warnings: warnings)
    }

    private static func licenses(_ item: JSONField) throws(InputError) -> [String] {
        var out: [String] = []
        for choice in try item.array("licenses") {
            if let expression = try choice.string("expression") {
                out.append(expression)
            } else if let license = try choice.optional("license") {
                if let id = try license.string("id") {
                    out.append(id)
                } else if let name = try license.string("name") {
                    out.append(name)
                }
            }
        }
        return out
    }

    /// Locations from `hallmark:location:N:path`/`layerID` (and Syft's `syft:location:N:…`) properties.
    private static func locations(_ properties: [(String, String)]) -> [PackageLocation] {
        var paths: [Int: String] = [:]
        var layers: [Int: Digest] = [:]
        for (name, value) in properties {
            let parts = name.split(separator: ":")
            guard parts.count == 4, parts[0] == "hallmark" || parts[0] == "syft", parts[1] == "location", let index = Int(parts[2]) else { continue }
            if parts[3] == "path" { paths[index] = value }
            if parts[3] == "layerID" { layers[index] = try? Digest(value) }
        }
        return paths.keys.sorted().map { PackageLocation(path: paths[$0]!, layer: layers[$0]) }
    }
}
