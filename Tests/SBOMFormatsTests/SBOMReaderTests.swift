import Catalog
import Foundation
import OCIModel
import SBOMFormats
import Testing

@Suite("SBOM readers")
struct SBOMReaderTests {
    @Test("SPDX round trip: encode, read, same packages")
    func spdxRoundTrip() throws {
        let input = SampleInput.input()
        let result = try SBOMReader().read(try SPDXEncoder().encode(input), source: "roundtrip.spdx.json")
        #expect(result.format == "SPDX-2.3")
        #expect(result.skippedWithoutPURL == 0)
        let expected = input.packages.sorted { $0.sortKey < $1.sortKey }
        let read = result.packages.sorted { $0.sortKey < $1.sortKey }
        #expect(read.map(\.purl) == expected.map(\.purl))
        #expect(read.map(\.name) == expected.map(\.name))
        #expect(read.map(\.version) == expected.map(\.version))
        #expect(read.map(\.type) == expected.map(\.type))
        // SPDX gets CPEs in the escaped formatted-string form (`1\~deb12u2`).
        #expect(read.map { $0.cpes.map { $0.replacing("\\", with: "") } } == expected.map(\.cpes))
        #expect(read.map(\.sourceName) == expected.map(\.sourceName))
        #expect(read.map { Set($0.dependsOn) } == expected.map { Set($0.dependsOn) })
        let libssl = try #require(read.first { $0.name == "libssl3" })
        #expect(libssl.licenses == ["Apache-2.0", "Artistic", "GPL-2.0-or-later"])
        let babel = try #require(read.first { $0.name == "@babel/core" && !$0.licenses.isEmpty })
        #expect(babel.licenses == ["Some Custom License (c) ACME"])
    }

    @Test("CycloneDX round trip keeps locations, cataloger, source package and dependencies")
    func cycloneDXRoundTrip() throws {
        let input = SampleInput.input()
        let result = try SBOMReader().read(try CycloneDXEncoder().encode(input), source: "roundtrip.cdx.json")
        #expect(result.format == "CycloneDX 1.6")
        let expected = input.packages.sorted { ($0.sortKey, $0.name) < ($1.sortKey, $1.name) }
        let read = result.packages.sorted { ($0.sortKey, $0.name) < ($1.sortKey, $1.name) }
        #expect(read.map(\.purl) == expected.map(\.purl))
        #expect(read.map(\.locations) == expected.map(\.locations))
        #expect(read.map(\.foundBy) == expected.map(\.foundBy))
        #expect(read.map(\.sourceName) == expected.map(\.sourceName))
        #expect(read.map(\.sourceVersion) == expected.map(\.sourceVersion))
        #expect(read.map(\.cpes) == expected.map(\.cpes))
        #expect(read.map { Set($0.dependsOn) } == expected.map { Set($0.dependsOn) })
    }

    @Test("Syft SPDX 2.3 image SBOM")
    func syft() throws {
        let result = try SBOMReader().read(path: Fixtures.path("readers/syft-alpine.spdx.json"))
        #expect(result.packages.map(\.name) == ["alpine-baselayout", "busybox", "ssl_client"])
        #expect(result.packages.allSatisfy { $0.type == .apk })
        #expect(result.packages[0].cpes.count == 2)
        #expect(result.packages[0].licenses == ["GPL-2.0-only"])
        #expect(result.packages[2].dependsOn == ["busybox"])
        #expect(result.warnings.count == 1)  // the pkg:oci root package
    }

    @Test("Trivy CycloneDX 1.5 with nested components and an OS component")
    func trivy() throws {
        let result = try SBOMReader().read(path: Fixtures.path("readers/trivy-debian.cdx.json"))
        #expect(result.format == "CycloneDX 1.5")
        #expect(result.documentName == "debian:12")
        #expect(result.packages.map(\.name) == ["libc6", "zlib1g", "github.com/sirupsen/logrus"])
        #expect(result.packages[0].version == "2.36-9+deb12u7")
        #expect(result.packages[0].licenses == ["LGPL-2.1", "GPL-2.0"])
        #expect(result.packages[1].dependsOn == ["libc6"])
        #expect(result.skippedWithoutPURL == 1)  // the application component
    }

    @Test("BuildKit in-toto statement with an SPDX predicate")
    func buildkit() throws {
        let result = try SBOMReader().read(path: Fixtures.path("readers/buildkit-sbom.intoto.json"))
        #expect(result.packages.map(\.purl.description) == ["pkg:pypi/requests@2.25.1", "pkg:pypi/urllib3@1.26.4"])
        #expect(result.packages[0].dependsOn == ["urllib3"])
        #expect(result.skippedWithoutPURL == 1)
    }

    @Test("GitHub dependency-graph export (sbom wrapper, ecosystem-prefixed names)")
    func github() throws {
        let result = try SBOMReader().read(path: Fixtures.path("readers/github-dependency-graph.json"))
        #expect(result.packages.map(\.name) == ["lodash"])
        #expect(result.packages[0].licenses == ["MIT"])
        #expect(result.skippedWithoutPURL == 1)
        #expect(result.warnings.count == 2)  // githubactions and github PURL types
    }

    @Test("DSSE envelope around an in-toto statement")
    func dsse() throws {
        let statement = try Fixtures.bytes("readers/buildkit-sbom.intoto.json")
        let envelope = #"{"payloadType":"application/vnd.in-toto+json","payload":"\#(Data(statement).base64EncodedString())","signatures":[]}"#
        let result = try SBOMReader().read(Array(envelope.utf8), source: "envelope.json")
        #expect(result.packages.count == 2)
    }

    @Test("garbage is an InputError naming the field", arguments: [
        (#"{"spdxVersion":"SPDX-2.3","packages":"oops"}"#, "packages"),
        (#"{"spdxVersion":"SPDX-2.3","packages":[{"SPDXID":"SPDXRef-a","externalRefs":{}}]}"#, "packages[0].externalRefs"),
        (#"{"spdxVersion":"SPDX-2.3","packages":[{"SPDXID":"SPDXRef-a","externalRefs":[{"referenceType":"purl","referenceLocator":7}]}]}"#, "packages[0].externalRefs[0].referenceLocator"),
        (#"{"spdxVersion":"SPDX-2.3","packages":[{"name":"x"}]}"#, "packages[0].SPDXID"),
        (#"{"spdxVersion":"SPDX-3.0"}"#, "spdxVersion"),
        (#"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"purl":["x"]}]}"#, "components[0].purl"),
        (#"{"bomFormat":"CycloneDX","specVersion":"1.2"}"#, "specVersion"),
        (#"{"bomFormat":"CycloneDX","specVersion":"1.6","dependencies":[{"ref":"a","dependsOn":"b"}]}"#, "dependencies[0].dependsOn"),
        (#"{"predicateType":"https://spdx.dev/Document","predicate":[1]}"#, "predicate"),
    ])
    func garbage(document: String, field: String) throws {
        #expect {
            try SBOMReader().read(Array(document.utf8), source: "bad.json")
        } throws: { error in
            (error as? InputError)?.field == field
        }
    }

    @Test("truncated JSON and non-SBOM JSON are rejected with the source named")
    func truncated() throws {
        let whole = try SPDXEncoder().encode(SampleInput.input())
        for document in [Array(whole.prefix(whole.count / 2)), Array("[1,2]".utf8), Array(#"{"hello":1}"#.utf8)] {
            #expect {
                try SBOMReader().read(document, source: "bad.json")
            } throws: { error in
                (error as? InputError)?.source == "bad.json"
            }
        }
    }
}
