import Catalog
import OCIModel

/// Reads packages from an SPDX 2.2/2.3 JSON document.
struct SPDXReader {
    let document: JSONField
    let version: String

    /// The `foundBy` of packages read from SPDX.
    static let foundBy = "spdx-json-reader"

    func read() throws(InputError) -> SBOMReadResult {
        var extracted: [String: String] = [:]
        for info in try document.array("hasExtractedLicensingInfos") {
            let id = try info.requiredString("licenseId")
            let name = try info.string("name")
            let text = try info.string("extractedText")
            extracted[id] = name ?? text ?? id
        }
        var packages: [CatalogPackage] = []
        var idToIndex: [String: Int] = [:]
        var skipped = 0
        var warnings: [String] = []
        for item in try document.array("packages") {
            let spdxID = try item.requiredString("SPDXID")
            var purlText: String?
            var purlField = item
            var cpes: [String] = []
            for ref in try item.array("externalRefs") {
                let type = try ref.requiredString("referenceType")
                let locator = try ref.requiredString("referenceLocator")
                if type == "purl", purlText == nil {
                    purlText = locator
                    purlField = ref
                } else if type == "cpe23Type" || type == "cpe22Type" {
                    cpes.append(locator)
                }
            }
            guard let purlText else {
                skipped += 1
                continue
            }
            guard let base = SBOMReader.package(
                purlText: purlText, field: purlField, name: try item.string("name"), version: try item.string("versionInfo"), warnings: &warnings
            ) else { continue }
            var sourceName: String?
            var sourceVersion: String?
            if let info = try item.string("sourceInfo"), info.hasPrefix(SPDXEncoder.sourcePackagePrefix) {
                let words = info.dropFirst(SPDXEncoder.sourcePackagePrefix.count).split(separator: " ", maxSplits: 1)
                sourceName = words.first.map(String.init)
                sourceVersion = words.count > 1 ? String(words[1]) : nil
            }
            let isKnown: (String) -> Bool = { $0 != "NOASSERTION" && $0 != "NONE" }
            let declared = try item.string("licenseDeclared").flatMap { isKnown($0) ? $0 : nil }
            let concluded = try item.string("licenseConcluded").flatMap { isKnown($0) ? $0 : nil }
            let license = declared ?? concluded
            idToIndex[spdxID] = packages.count
            packages.append(CatalogPackage(
                name: base.name, version: base.version, type: base.type, purl: base.purl, cpes: cpes,
                licenses: license.map { Self.licenses(in: $0, extracted: extracted) } ?? [],
                sourceName: sourceName, sourceVersion: sourceVersion, foundBy: Self.foundBy
            ))
        }
        for relationship in try document.array("relationships") {
            let type = try relationship.requiredString("relationshipType")
            let from = try relationship.requiredString("spdxElementId")
            let to = try relationship.requiredString("relatedSpdxElement")
            let (dependent, dependency) = type == "DEPENDS_ON" ? (from, to) : type == "DEPENDENCY_OF" ? (to, from) : ("", "")
            guard let source = idToIndex[dependent], let target = idToIndex[dependency] else { continue }
            let name = packages[target].name
            if !packages[source].dependsOn.contains(name) { packages[source].dependsOn.append(name) }
        }
        return SBOMReadResult(format: version, documentName: try document.string("name"), packages: packages, skippedWithoutPURL: skipped, warnings: warnings)
    }

    /// The licenses of a declared expression: its top-level `AND` operands (outer
    /// parentheses removed), with `LicenseRef-` identifiers turned back into their names.
    static func licenses(in expression: String, extracted: [String: String]) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        let words = expression.replacing("(", with: " ( ").replacing(")", with: " ) ").split(separator: " ")
        for word in words {
            if word == "(" { depth += 1 }
            if word == ")" { depth -= 1 }
            if depth == 0 && word == "AND" {
                parts.append(current)
                current = ""
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        parts.append(current)
        return parts.map { part in
            var text = part.replacing("( ", with: "(").replacing(" )", with: ")")
            if text.hasPrefix("("), text.hasSuffix(")") { text = String(text.dropFirst().dropLast()) }
            return extracted[text] ?? text
        }
    }
}
