import Catalog
import Crypto
import Foundation
import OCIModel

/// Writes an SPDX 2.3 JSON document, streaming: packages, files and
/// relationships are written one at a time to the sink.
///
/// Layout: a root package for the source (`SPDXRef-DOCUMENT DESCRIBES` it), which
/// `CONTAINS` every package; `DEPENDS_ON` between packages by their `dependsOn`
/// names. With files (`--file-metadata`), the root package is `filesAnalyzed: true`
/// with its `packageVerificationCode` and `CONTAINS` each file, and so is each
/// package whose installed files (dpkg's lists) are among them; other packages are
/// `filesAnalyzed: false`, which is what `pyspdxtools` accepts (a
/// `filesAnalyzed: false` package may not contain files). Keys are sorted and elements ordered, so the same input
/// gives the same bytes apart from `documentNamespace` and `created`.
public struct SPDXEncoder: Sendable {
    /// The prefix of every document namespace.
    public static let namespacePrefix = "https://hallmark.dev/spdx/"

    public init() {}

    /// The document namespace for `input`: `https://hallmark.dev/spdx/<name>-<uuid>`.
    public static func documentNamespace(for input: SBOMDocumentInput) -> String {
        namespacePrefix + SPDXIdentifiers.sanitise(input.source.name) + "-" + input.namespaceSeed.uuidString.lowercased()
    }

    /// Encodes `input` into memory.
    public func encode(_ input: SBOMDocumentInput) throws -> [UInt8] {
        let sink = MemoryOutputSink()
        try encode(input, to: sink)
        return sink.bytes
    }

    /// Encodes `input` to `sink`.
    public func encode(_ input: SBOMDocumentInput, to sink: any SBOMOutputSink) throws {
        let packages = input.sortedPackages
        let files = input.sortedFiles
        var ids = SPDXIdentifiers()
        let rootID = ids.make(prefix: "DocumentRoot-" + (input.source.isImage ? "Image" : "Directory"), name: input.source.name)
        let packageIDs = packages.map { ids.make(prefix: "Package", name: $0.purl.description) }
        var licenses = SPDXLicenseExpression()
        let declared = packages.map { licenses.expression(for: $0.licenses) }
        let owned = Self.ownedFiles(packages, files: files)

        let writer = JSONStreamWriter(sink: sink)
        try writer.beginObject()
        try writer.member("SPDXID", .string("SPDXRef-DOCUMENT"))
        var creators = ["Tool: \(input.tool.name)-\(input.tool.version)"]
        if let organization = input.organization { creators.insert("Organization: \(organization)", at: 0) }
        try writer.member("creationInfo", .object(["created": .string(input.createdText), "creators": .array(creators.map(JSONNode.string))]))
        try writer.member("dataLicense", .string("CC0-1.0"))
        try writer.member("documentNamespace", .string(Self.documentNamespace(for: input)))

        var fileIDs: [String] = []
        if !files.isEmpty {
            fileIDs.reserveCapacity(files.count)
            try writer.key("files")
            try writer.beginArray()
            for file in files {
                let id = ids.make(prefix: "File", name: file.path)
                fileIDs.append(id)
                try writer.element()
                try writer.value(Self.fileNode(file, id: id))
            }
            try writer.endArray()
        }
        if !licenses.extracted.isEmpty {
            let infos = licenses.extracted.keys.sorted().map { id in
                JSONNode.object(["extractedText": .string(licenses.extracted[id]!), "licenseId": .string(id), "name": .string(licenses.extracted[id]!)])
            }
            try writer.member("hasExtractedLicensingInfos", .array(infos))
        }
        try writer.member("name", .string(input.source.name))

        try writer.key("packages")
        try writer.beginArray()
        try writer.element()
        try writer.value(Self.rootNode(input, id: rootID, files: files))
        for (index, package) in packages.enumerated() {
            try writer.element()
            try writer.value(Self.packageNode(package, id: packageIDs[index], licenseDeclared: declared[index],
                                              files: owned[index].map { files[$0] }))
        }
        try writer.endArray()

        try writer.key("relationships")
        try writer.beginArray()
        func relate(_ from: String, _ type: String, _ to: String) throws {
            try writer.element()
            try writer.value(.object(["relatedSpdxElement": .string(to), "relationshipType": .string(type), "spdxElementId": .string(from)]))
        }
        try relate("SPDXRef-DOCUMENT", "DESCRIBES", rootID)
        for id in packageIDs { try relate(rootID, "CONTAINS", id) }
        for (from, to) in Self.dependencies(packages, ids: packageIDs) { try relate(from, "DEPENDS_ON", to) }
        for id in fileIDs { try relate(rootID, "CONTAINS", id) }
        for (index, id) in packageIDs.enumerated() {
            for file in owned[index] { try relate(id, "CONTAINS", fileIDs[file]) }
        }
        try writer.endArray()

        try writer.member("spdxVersion", .string("SPDX-2.3"))
        try writer.endObject()
        try writer.finish()
    }

    /// The prefix of a package's `sourceInfo` naming its OS source package; readers parse it back.
    static let sourcePackagePrefix = "source package: "

    private static func rootNode(_ input: SBOMDocumentInput, id: String, files: [SBOMFileEntry]) -> JSONNode {
        var refs: [JSONNode] = []
        if let purl = input.source.ociPURL {
            refs.append(.object(["referenceCategory": .string("PACKAGE-MANAGER"), "referenceLocator": .string(purl.description), "referenceType": .string("purl")]))
        }
        var node: [String: JSONNode?] = [
            "SPDXID": .string(id),
            "name": .string(input.source.name),
            "versionInfo": .optional(input.source.displayVersion),
            "downloadLocation": .string("NOASSERTION"),
            "licenseConcluded": .string("NOASSERTION"),
            "licenseDeclared": .string("NOASSERTION"),
            "copyrightText": .string("NOASSERTION"),
            "primaryPackagePurpose": .string(input.source.isImage ? "CONTAINER" : "FILE"),
            "filesAnalyzed": .bool(!files.isEmpty),
            "externalRefs": .array(refs),
        ]
        if let platform = input.source.platform { node["comment"] = .string("platform: \(platform)") }
        node["packageVerificationCode"] = verificationCode(files)
        return .members(node)
    }

    /// SPDX's package verification code of `files` (SHA-1 over their sorted SHA-1s); nil without files.
    private static func verificationCode(_ files: [SBOMFileEntry]) -> JSONNode? {
        guard !files.isEmpty else { return nil }
        var hasher = Insecure.SHA1()
        for sha1 in files.map(\.sha1).sorted() { hasher.update(data: Array(sha1.utf8)) }
        return .object(["packageVerificationCodeValue": .string(Hex.encode(hasher.finalize()))])
    }

    /// Per package, the indices into `files` of the files it installed (its ``CatalogPackage/files``
    /// that the files section lists, every layer's version in `all-layers`).
    static func ownedFiles(_ packages: [CatalogPackage], files: [SBOMFileEntry]) -> [[Int]] {
        guard !files.isEmpty else { return packages.map { _ in [] } }
        var byPath: [String: [Int]] = [:]
        for (index, file) in files.enumerated() { byPath[file.path, default: []].append(index) }
        return packages.map { package in package.files.flatMap { byPath[$0] ?? [] } }
    }

    /// A package; with `files` (those it installed, from the files section) it is
    /// `filesAnalyzed: true` with their verification code, else `filesAnalyzed: false`.
    private static func packageNode(_ package: CatalogPackage, id: String, licenseDeclared: String?,
                                    files: [SBOMFileEntry]) -> JSONNode {
        var refs: [JSONNode] = [
            .object(["referenceCategory": .string("PACKAGE-MANAGER"), "referenceLocator": .string(package.purl.description), "referenceType": .string("purl")]),
        ]
        for cpe in package.cpes.compactMap(SPDXCPE.formatted) {
            refs.append(.object(["referenceCategory": .string("SECURITY"), "referenceLocator": .string(cpe), "referenceType": .string("cpe23Type")]))
        }
        var sourceInfo: String?
        if let sourceName = package.sourceName {
            sourceInfo = sourcePackagePrefix + sourceName + (package.sourceVersion.map { " " + $0 } ?? "")
        }
        return .members([
            "SPDXID": .string(id),
            "name": .string(package.name),
            "versionInfo": package.version.isEmpty ? nil : .string(package.version),
            "downloadLocation": .string("NOASSERTION"),
            "filesAnalyzed": .bool(!files.isEmpty),
            "packageVerificationCode": verificationCode(files),
            "licenseConcluded": .string("NOASSERTION"),
            "licenseDeclared": .string(licenseDeclared ?? "NOASSERTION"),
            "copyrightText": .string("NOASSERTION"),
            "externalRefs": .array(refs),
            "sourceInfo": .optional(sourceInfo),
        ])
    }

    private static func fileNode(_ file: SBOMFileEntry, id: String) -> JSONNode {
        .members([
            "SPDXID": .string(id),
            "fileName": .string(file.relativePath),
            "checksums": .array([
                .object(["algorithm": .string("SHA1"), "checksumValue": .string(file.sha1)]),
                .object(["algorithm": .string("SHA256"), "checksumValue": .string(file.sha256)]),
            ]),
            "comment": .optional(file.layer.map { "layerID: \($0)" }),
        ])
    }

    /// `DEPENDS_ON` pairs: each `dependsOn` name resolved to the packages of that
    /// name, preferring the same ecosystem; sorted and de-duplicated.
    static func dependencies(_ packages: [CatalogPackage], ids: [String]) -> [(String, String)] {
        var byName: [String: [Int]] = [:]
        for (index, package) in packages.enumerated() { byName[package.name, default: []].append(index) }
        var pairs: Set<[String]> = []
        for (index, package) in packages.enumerated() {
            for name in package.dependsOn {
                let candidates = byName[name] ?? []
                let sameType = candidates.filter { packages[$0].type == package.type }
                for target in (sameType.isEmpty ? candidates : sameType) where target != index {
                    pairs.insert([ids[index], ids[target]])
                }
            }
        }
        return pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1]) }
    }
}
