import Catalog
import Foundation
import OCIModel

/// Reads the packages of an SBOM: SPDX 2.2/2.3 JSON or CycloneDX 1.4–1.6 JSON,
/// as written by Hallmark, Syft, Trivy, BuildKit and GitHub's dependency graph,
/// also when wrapped in an in-toto statement (`predicate`), a DSSE envelope
/// (`payload`) or GitHub's export object (`sbom`).
///
/// Only packages with a PURL are taken; the others are counted. A wrongly typed
/// field is an ``InputError`` naming it, e.g. `packages[3].externalRefs: expected an array`.
public struct SBOMReader: Sendable {
    /// The largest SBOM read into memory.
    public static let maxDocumentSize = 512 << 20

    public init() {}

    /// Reads the SBOM file at `path`.
    public func read(path: String) throws(InputError) -> SBOMReadResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(source: path, field: nil, reason: "cannot read the file")
        }
        return try read(Array(data), source: path)
    }

    /// Reads an SBOM from `bytes`; `source` names it in errors.
    public func read(_ bytes: [UInt8], source: String) throws(InputError) -> SBOMReadResult {
        guard bytes.count <= Self.maxDocumentSize else {
            throw InputError(source: source, field: nil, reason: "document is \(bytes.count) bytes, over the \(Self.maxDocumentSize)-byte limit")
        }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw InputError(source: source, field: nil, reason: "not valid JSON (truncated or malformed)")
        }
        return try read(JSONField(value: value, path: "", source: source), depth: 0)
    }

    private func read(_ root: JSONField, depth: Int) throws(InputError) -> SBOMReadResult {
        _ = try root.object()
        if depth < 3 {
            if let predicate = try root.optional("predicate"), try root.optional("predicateType") != nil {
                return try read(predicate, depth: depth + 1)
            }
            if let payload = try root.string("payload"), try root.optional("payloadType") != nil {
                guard let decoded = Data(base64Encoded: payload),
                      let statement = try? JSONSerialization.jsonObject(with: decoded) else {
                    throw root.failure("not base64-encoded JSON", field: "payload")
                }
                return try read(JSONField(value: statement, path: "payload", source: root.source), depth: depth + 1)
            }
            if let sbom = try root.optional("sbom"), try root.optional("spdxVersion") == nil, try root.optional("bomFormat") == nil {
                return try read(sbom, depth: depth + 1)
            }
        }
        if let version = try root.string("spdxVersion") {
            guard version == "SPDX-2.2" || version == "SPDX-2.3" else {
                throw root.failure("unsupported SPDX version '\(version)' (SPDX-2.2 and SPDX-2.3 are read)", field: "spdxVersion")
            }
            return try SPDXReader(document: root, version: version).read()
        }
        if let format = try root.string("bomFormat") {
            guard format == "CycloneDX" else { throw root.failure("expected 'CycloneDX', found '\(format)'", field: "bomFormat") }
            let version = try root.requiredString("specVersion")
            guard ["1.4", "1.5", "1.6"].contains(version) else {
                throw root.failure("unsupported CycloneDX version '\(version)' (1.4 to 1.6 are read)", field: "specVersion")
            }
            return try CycloneDXReader(document: root, version: version).read()
        }
        throw root.failure("not an SPDX (spdxVersion) or CycloneDX (bomFormat) document, nor an in-toto statement wrapping one")
    }

    /// The ecosystem prefixes GitHub's dependency graph puts before package names (`npm:lodash`).
    static let githubEcosystemLabels: Set<String> = ["npm", "pip", "maven", "go", "rubygems", "nuget", "composer", "rust", "actions", "pub", "swift"]

    /// The package for `purl` with the fields every reader fills the same way;
    /// nil (with a warning) when Hallmark does not catalog the PURL's type.
    static func package(
        purlText: String, field: JSONField, name: String?, version: String?, warnings: inout [String]
    ) -> (purl: PURL, type: PackageType, name: String, version: String)? {
        let purl: PURL
        do { purl = try PURL(parsing: purlText) } catch {
            warnings.append("\(field.path): \(error.description)")
            return nil
        }
        guard let type = PackageType(rawValue: purl.type) else {
            warnings.append("\(field.path): PURL type '\(purl.type)' is not one Hallmark catalogs (\(purlText))")
            return nil
        }
        var name = (name?.isEmpty == false ? name : nil) ?? purl.name
        if let colon = name.firstIndex(of: ":"), githubEcosystemLabels.contains(String(name[..<colon])), name.index(after: colon) < name.endIndex {
            name = String(name[name.index(after: colon)...])
        }
        let version = (version?.isEmpty == false ? version : nil) ?? purl.version ?? ""
        return (purl, type, name, version)
    }
}
