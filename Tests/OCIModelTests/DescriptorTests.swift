import Foundation
import OCIModel
import Testing

@Suite("Descriptor and JSONInput")
struct DescriptorTests {
    @Test("a full descriptor decodes every field")
    func decodesAllFields() throws {
        let json = """
            {
              "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
              "digest": "\(Fixtures.layer1)",
              "size": 32654,
              "urls": ["https://example.com/layer.tar.gz"],
              "annotations": {"org.opencontainers.image.title": "layer.tar.gz"},
              "data": "e30=",
              "platform": {"architecture": "arm64", "os": "linux", "variant": "v8"},
              "artifactType": "application/vnd.example"
            }
            """
        let d = try JSONInput.decode(Descriptor.self, from: Array(json.utf8), source: "descriptor.json")
        #expect(d.mediaType == MediaType.ociLayerGzip)
        #expect(d.digest.description == Fixtures.layer1)
        #expect(d.size == 32654)
        #expect(d.urls == ["https://example.com/layer.tar.gz"])
        #expect(d.annotation("org.opencontainers.image.title") == "layer.tar.gz")
        #expect(d.annotation("missing") == nil)
        #expect(d.data == "e30=")
        #expect(d.platform == Platform(os: "linux", architecture: "arm64", variant: "v8"))
        #expect(d.artifactType == "application/vnd.example")

        let encoded = try CanonicalJSON.encode(d)
        #expect(try JSONInput.decode(Descriptor.self, from: encoded, source: "re-encoded") == d)
        #expect(!String(decoding: encoded, as: UTF8.self).contains(#"\/"#))
    }

    @Test("absent optional fields are omitted when encoding")
    func encodesMinimal() throws {
        let d = Descriptor(mediaType: MediaType.ociEmpty, digest: try Digest(Fixtures.emptyJSON), size: 2)
        #expect(d.annotation("x") == nil)
        let text = String(decoding: try CanonicalJSON.encode(d), as: UTF8.self)
        #expect(text == #"{"digest":"\#(Fixtures.emptyJSON)","mediaType":"application/vnd.oci.empty.v1+json","size":2}"#)
    }

    @Test("sizes beyond 32 bits decode", arguments: [Int64(0), 1, 4_294_967_296, 9_007_199_254_740_991])
    func largeSizes(_ size: Int64) throws {
        let json = #"{"mediaType":"m","digest":"\#(Fixtures.layer1)","size":\#(size)}"#
        #expect(try JSONInput.decode(Descriptor.self, from: Array(json.utf8), source: "s").size == size)
    }

    @Test("JSONInput errors name the source and the field", arguments: [
        (#"{"mediaType":"m","size":1}"#, String?.some("digest"), "required field is missing"),
        (#"{"mediaType":"m","digest":"sha256:0","size":1}"#, "digest", "invalid digest 'sha256:0'"),
        (#"{"mediaType":null,"digest":"\#(Fixtures.layer1)","size":1}"#, "mediaType", "found null"),
        (#"{"mediaType":"m","digest":"\#(Fixtures.layer1)","size":1,"platform":{"os":"linux","architecture":7}}"#, "platform.architecture", "expected"),
        (#"{"mediaType":"m","digest":"\#(Fixtures.layer1)","size":1,"annotations":{"a":1}}"#, "annotations.a", "expected"),
        (#"[]"#, nil, "expected"),
        (#"{"#, nil, "not valid JSON"),
        (#"<html></html>"#, nil, "expected JSON but got HTML"),
    ])
    func errors(json: String, field: String?, reason: String) throws {
        let error = try #require(throws: InputError.self) {
            try JSONInput.decode(Descriptor.self, from: Array(json.utf8), source: "blobs/sha256/abc")
        }
        #expect(error.source == "blobs/sha256/abc")
        #expect(error.field == field, "\(error)")
        #expect(error.reason.contains(reason), "\(error)")
    }

    @Test("a fractional or out-of-range size is refused", arguments: ["1.5", "-0.5", "99999999999999999999", "1e400"])
    func nonIntegerSize(_ size: String) throws {
        let json = #"{"mediaType":"m","digest":"\#(Fixtures.layer1)","size":\#(size)}"#
        // Foundation reports these without a coding path, so only the source can be named.
        let error = try #require(throws: InputError.self) {
            try JSONInput.decode(Descriptor.self, from: Array(json.utf8), source: "blobs/sha256/abc")
        }
        #expect(error.source == "blobs/sha256/abc")
    }

    @Test("InputError descriptions", arguments: [
        (InputError(source: "index.json", field: "manifests[0].digest", reason: "required field is missing"),
         "index.json: field 'manifests[0].digest': required field is missing"),
        (InputError(source: "index.json", field: nil, reason: "not valid JSON"), "index.json: not valid JSON"),
    ])
    func inputErrorDescription(error: InputError, expected: String) {
        #expect(error.description == expected)
    }

    @Test("an image config exposes its platform and diff IDs")
    func imageConfig() throws {
        let json = """
            {"architecture":"arm","os":"linux","variant":"v7","created":"2024-05-01T12:00:00Z",
             "rootfs":{"type":"layers","diff_ids":["\(Fixtures.layer1)","\(Fixtures.layer2)"]},
             "config":{"Env":["PATH=/usr/bin"]}}
            """
        let config = try JSONInput.decode(ImageConfig.self, from: Array(json.utf8), source: "config")
        #expect(config.platform == Platform(os: "linux", architecture: "arm", variant: "v7"))
        #expect(config.rootfs?.diffIDs.map(\.description) == [Fixtures.layer1, Fixtures.layer2])
        let bare = try JSONInput.decode(ImageConfig.self, from: Array("{}".utf8), source: "config")
        #expect(bare.platform == nil)
    }
}
