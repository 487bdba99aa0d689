import Catalog
import Foundation
import SBOMFormats
import Testing

@Suite("Hallmark JSON format")
struct HallmarkJSONEncoderTests {
    @Test("every package field is present; output is deterministic")
    func fields() throws {
        let bytes = try HallmarkJSONEncoder().encode(SampleInput.input(files: SampleInput.files(2)))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(document["schema"] as? String == HallmarkJSONEncoder.schema)
        let packages = try #require(document["packages"] as? [[String: Any]])
        #expect(packages.count == SampleInput.packages.count)
        for package in packages {
            #expect(Set(package.keys) == ["name", "version", "type", "purl", "cpes", "licenses", "locations", "sourceName", "sourceVersion", "foundBy", "dependsOn", "files"])
        }
        #expect((document["files"] as? [Any])?.count == 2)
        let again = try HallmarkJSONEncoder().encode(SampleInput.input(packages: SampleInput.packages.reversed(), files: SampleInput.files(2)))
        #expect(bytes == again)
    }

    @Test("every format writes through the SBOMFormat switch")
    func formats() throws {
        for format in SBOMFormat.allCases {
            let sink = MemoryOutputSink()
            try format.encode(SampleInput.input(), to: sink)
            #expect(try JSONSerialization.jsonObject(with: Data(sink.bytes)) is [String: Any])
        }
    }
}
