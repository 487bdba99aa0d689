import Catalog
import Foundation
import SBOMFormats
import Testing

@Suite("SPDX 2.3 encoder")
struct SPDXEncoderTests {
    @Test("every document passes pyspdxtools", arguments: [0, 40])
    func validates(fileCount: Int) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/sbom.spdx.json"
        let sink = try FileOutputSink(path: path)
        try SPDXEncoder().encode(SampleInput.input(files: SampleInput.files(fileCount)), to: sink)
        try sink.close()
        try ExternalTool.validateSPDX(path)
    }

    @Test("an empty package list and a directory source still validate")
    func emptyDirectory() throws {
        var input = SampleInput.input(packages: [])
        input.source = SBOMSource(name: "dir:/srv/root fs")
        input.distro = nil
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Fixtures.write(try SPDXEncoder().encode(input), to: directory + "/empty.json")
        try ExternalTool.validateSPDX(directory + "/empty.json")
    }

    @Test("document structure: namespace, creators, root, IDs, licenses, relationships")
    func structure() throws {
        let input = SampleInput.input()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(try SPDXEncoder().encode(input))) as? [String: Any])
        #expect(document["spdxVersion"] as? String == "SPDX-2.3")
        #expect(document["documentNamespace"] as? String == "https://hallmark.dev/spdx/registry.example-test-app-1.0-6f1d2a2e-8c0b-4e43-9c0e-3f3c7c9a0b11")
        let creation = try #require(document["creationInfo"] as? [String: Any])
        #expect(creation["creators"] as? [String] == ["Organization: Example Corp", "Tool: hallmark-0.4.0-test"])
        #expect(creation["created"] as? String == "2023-11-14T22:13:20Z")
        let packages = try #require(document["packages"] as? [[String: Any]])
        #expect(packages.count == SampleInput.packages.count + 1)
        let ids = packages.compactMap { $0["SPDXID"] as? String }
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("SPDXRef-Package-pkg-npm--40babel-core-7.23.0"))
        #expect(ids.contains("SPDXRef-Package-pkg-npm--40babel-core-7.23.0-2"))
        let libssl = try #require(packages.first { $0["name"] as? String == "libssl3" })
        #expect(libssl["licenseDeclared"] as? String == "Apache-2.0 AND LicenseRef-Artistic AND GPL-2.0-or-later")
        #expect(libssl["sourceInfo"] as? String == "source package: openssl 3.0.11-1~deb12u2")
        #expect(libssl["filesAnalyzed"] as? Bool == false)
        let refs = try #require(libssl["externalRefs"] as? [[String: String]])
        #expect(refs.first?["referenceLocator"] == "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12")
        #expect(refs.filter { $0["referenceType"] == "cpe23Type" }.map { $0["referenceLocator"] } == [
            #"cpe:2.3:a:libssl3:libssl3:3.0.11-1\~deb12u2:*:*:*:*:*:*:*"#, "cpe:2.3:a:openssl:openssl:3.0.11:*:*:*:*:*:*:*",
        ])
        let libc = try #require(packages.first { $0["name"] as? String == "libc6" })
        #expect(libc["licenseDeclared"] as? String == "LGPL-2.1-only AND GPL-2.0-only WITH Classpath-exception-2.0")
        let extracted = try #require(document["hasExtractedLicensingInfos"] as? [[String: String]])
        #expect(extracted.map { $0["licenseId"] } == ["LicenseRef-Apache-2.0", "LicenseRef-Artistic", "LicenseRef-Some-Custom-License--c--ACME"])
        let relationships = try #require(document["relationships"] as? [[String: String]])
        #expect(relationships.first == ["spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": ids[0]])
        #expect(relationships.filter { $0["relationshipType"] == "CONTAINS" }.count == SampleInput.packages.count)
        #expect(relationships.filter { $0["relationshipType"] == "DEPENDS_ON" }.count == 3)
    }

    @Test("files: relative names, SHA1 and SHA256, contained by the analysed root package")
    func files() throws {
        let input = SampleInput.input(files: SampleInput.files(3))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(try SPDXEncoder().encode(input))) as? [String: Any])
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.map { $0["fileName"] as? String } == ["./usr/lib/app/file-0.so", "./usr/lib/app/file-1.so", "./usr/lib/app/file-2.so"])
        let checksums = try #require(files[0]["checksums"] as? [[String: String]])
        #expect(checksums.map { $0["algorithm"] } == ["SHA1", "SHA256"])
        let root = try #require((document["packages"] as? [[String: Any]])?.first)
        #expect(root["filesAnalyzed"] as? Bool == true)
        #expect(root["packageVerificationCode"] != nil)
    }

    @Test("deterministic: same input in any order gives the same bytes apart from namespace and timestamp")
    func deterministic() throws {
        let first = try SPDXEncoder().encode(SampleInput.input(files: SampleInput.files(5)))
        var shuffled = SampleInput.input(
            packages: SampleInput.packages.reversed(), files: SampleInput.files(5).reversed(),
            seed: UUID(), created: Date(timeIntervalSince1970: 1_800_000_000)
        )
        shuffled.packages.swapAt(0, 2)
        let second = try SPDXEncoder().encode(shuffled)
        #expect(Normalise.removing(["documentNamespace", "created"], from: first) == Normalise.removing(["documentNamespace", "created"], from: second))
        #expect(first != second)
    }
}

/// Blanks the lines of chosen keys, to compare documents modulo namespace and time.
enum Normalise {
    static func removing(_ keys: [String], from bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").filter { line in
            !keys.contains { line.trimmingCharacters(in: .whitespaces).hasPrefix("\"\($0)\":") }
        }.joined(separator: "\n")
    }
}
