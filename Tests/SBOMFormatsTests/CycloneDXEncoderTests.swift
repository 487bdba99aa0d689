import Catalog
import Foundation
import SBOMFormats
import Testing

@Suite("CycloneDX 1.6 encoder")
struct CycloneDXEncoderTests {
    @Test("validates against the official CycloneDX 1.6 schema")
    func validates() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bom.json"
        let sink = try FileOutputSink(path: path)
        try CycloneDXEncoder().encode(SampleInput.input(), to: sink)
        try sink.close()
        try ExternalTool.validateCycloneDX(path)
        var bare = SampleInput.input(packages: [])
        bare.source = SBOMSource(name: "dir:/srv")
        bare.distro = nil
        bare.organization = nil
        try Fixtures.write(try CycloneDXEncoder().encode(bare), to: directory + "/bare.json")
        try ExternalTool.validateCycloneDX(directory + "/bare.json")
    }

    @Test("structure: metadata, components, bom-refs, licenses, properties, dependencies")
    func structure() throws {
        let bom = try #require(try JSONSerialization.jsonObject(with: Data(try CycloneDXEncoder().encode(SampleInput.input()))) as? [String: Any])
        #expect(bom["specVersion"] as? String == "1.6")
        #expect(bom["serialNumber"] as? String == "urn:uuid:6f1d2a2e-8c0b-4e43-9c0e-3f3c7c9a0b11")
        let metadata = try #require(bom["metadata"] as? [String: Any])
        #expect(metadata["timestamp"] as? String == "2023-11-14T22:13:20Z")
        let component = try #require(metadata["component"] as? [String: Any])
        #expect(component["type"] as? String == "container")
        let tools = try #require((metadata["tools"] as? [String: Any])?["components"] as? [[String: String]])
        #expect(tools == [["type": "application", "name": "hallmark", "version": "0.4.0-test"]])
        let components = try #require(bom["components"] as? [[String: Any]])
        #expect(components.count == SampleInput.packages.count + 1)
        #expect(components.last?["type"] as? String == "operating-system")
        let refs = components.compactMap { $0["bom-ref"] as? String }
        #expect(Set(refs).count == refs.count)
        #expect(refs.contains("pkg:npm/%40babel/core@7.23.0#2"))
        let idna = try #require(components.first { $0["name"] as? String == "idna" })
        #expect((idna["licenses"] as? [[String: String]]) == [["expression": "BSD-3-Clause OR MIT"]])
        let libssl = try #require(components.first { $0["name"] as? String == "libssl3" })
        let properties = try #require(libssl["properties"] as? [[String: String]])
        #expect(properties.contains(["name": "hallmark:location:0:path", "value": "/var/lib/dpkg/status"]))
        #expect(properties.contains(["name": "hallmark:package:foundBy", "value": "dpkg-db-cataloger"]))
        let dependencies = try #require(bom["dependencies"] as? [[String: Any]])
        #expect(dependencies.count == 2)
    }

    @Test("deterministic apart from serial number and timestamp")
    func deterministic() throws {
        let first = try CycloneDXEncoder().encode(SampleInput.input())
        let second = try CycloneDXEncoder().encode(SampleInput.input(packages: SampleInput.packages.reversed(), seed: UUID(), created: Date()))
        #expect(Normalise.removing(["serialNumber", "timestamp"], from: first) == Normalise.removing(["serialNumber", "timestamp"], from: second))
    }
}
