import Foundation
import OCIModel
import Testing

/// Realistic manifests and indexes, as registries serve them (pretty-printed, so
/// their digests differ from a re-encoding).
enum Fixtures {
    static let amd64 = "sha256:5861314d7fccb39c2192173240eab44fa35ca66426201ca2acd0630a6258dd51"
    static let arm64 = "sha256:f69162950f235e3cdbbad33f1f912d1a504be90d8a37d002c735d6f3e3882265"
    static let attAmd64 = "sha256:9c6bd5496b74c574d1efe05bb58297d3de62c21f0d778ec2d05d2b2b81fe4eaf"
    static let attArm64 = "sha256:7a5534a3f42a4adb02016ec0e3730ff5c51a54f2889eefb653b7f8de6774dedd"
    static let config = "sha256:b79606fb3afea5bd1609ed40b622142f1c98125abcfe89a76a661b0e8e343910"
    static let layer1 = "sha256:77ea7eee3d80b1a38f83906dd3048e2689457eb90e18a7d12f839c5ae37106a2"
    static let layer2 = "sha256:95cf1a2e1698fe3ca1fcc3f653119146b271d0b62e487ec264441e886a11bd06"
    static let sbom = "sha256:98f3ae1ef67113d8140d4f6cb8d2830070e21ea48f091be519659846c771a374"
    static let provenance = "sha256:dd0c2c70261f62045ff1b8d639a29b945c4bf822d852f96f1d68ee9e05f3bbbc"
    static let bundle = "sha256:1e6ed65d77d6364eeaed5a745ba5c4985ae2b700dd85d7cf7f027bdf294a33fc"
    static let subject = "sha256:a9491f4c1bf7b0cffbadcba2db8f028e4b3f2867cb59e1f3a0bc1968f3c51242"
    static let armv7 = "sha256:5ba6c8710dd1369ce61603ab9b7a81b25f92d4a9f74956ab72a7ea75884f07ee"
    static let windows = "sha256:823a3180dad3c9c3c4dea43ab2baf9f04bac9c3a7711745ff5f702551496d735"
    static let emptyJSON = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"

    /// A BuildKit multi-platform OCI index with an attestation manifest per platform.
    static let buildKitIndex = """
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.index.v1+json",
          "manifests": [
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "\(amd64)",
              "size": 1050,
              "platform": {
                "architecture": "amd64",
                "os": "linux"
              }
            },
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "\(arm64)",
              "size": 1050,
              "platform": {
                "architecture": "arm64",
                "os": "linux",
                "variant": "v8"
              }
            },
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "\(attAmd64)",
              "size": 839,
              "annotations": {
                "vnd.docker.reference.digest": "\(amd64)",
                "vnd.docker.reference.type": "attestation-manifest"
              },
              "platform": {
                "architecture": "unknown",
                "os": "unknown"
              }
            },
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "\(attArm64)",
              "size": 839,
              "annotations": {
                "vnd.docker.reference.digest": "\(arm64)",
                "vnd.docker.reference.type": "attestation-manifest"
              },
              "platform": {
                "architecture": "unknown",
                "os": "unknown"
              }
            }
          ],
          "annotations": {
            "org.opencontainers.image.created": "2024-05-01T12:00:00Z"
          }
        }
        """

    /// The attestation manifest BuildKit writes: in-toto layers for SBOM and provenance.
    static let buildKitAttestationManifest = """
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.manifest.v1+json",
          "config": {
            "mediaType": "application/vnd.oci.image.config.v1+json",
            "digest": "\(config)",
            "size": 167
          },
          "layers": [
            {
              "mediaType": "application/vnd.in-toto+json",
              "digest": "\(sbom)",
              "size": 2714,
              "annotations": {
                "in-toto.io/predicate-type": "https://spdx.dev/Document"
              }
            },
            {
              "mediaType": "application/vnd.in-toto+json",
              "digest": "\(provenance)",
              "size": 11537,
              "annotations": {
                "in-toto.io/predicate-type": "https://slsa.dev/provenance/v0.2"
              }
            }
          ]
        }
        """

    static let dockerManifest = """
        {
           "schemaVersion": 2,
           "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
           "config": {
              "mediaType": "application/vnd.docker.container.image.v1+json",
              "size": 1472,
              "digest": "\(config)"
           },
           "layers": [
              {
                 "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                 "size": 3408729,
                 "digest": "\(layer1)"
              },
              {
                 "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                 "size": 32,
                 "digest": "\(layer2)"
              }
           ]
        }
        """

    static let dockerManifestList = """
        {
           "schemaVersion": 2,
           "mediaType": "application/vnd.docker.distribution.manifest.list.v2+json",
           "manifests": [
              {
                 "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                 "size": 528,
                 "digest": "\(amd64)",
                 "platform": {
                    "architecture": "amd64",
                    "os": "linux"
                 }
              },
              {
                 "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                 "size": 528,
                 "digest": "\(armv7)",
                 "platform": {
                    "architecture": "arm",
                    "os": "linux",
                    "variant": "v7"
                 }
              },
              {
                 "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                 "size": 1357,
                 "digest": "\(windows)",
                 "platform": {
                    "architecture": "amd64",
                    "os": "windows",
                    "os.version": "10.0.17763.5458",
                    "os.features": ["win32k"]
                 }
              }
           ]
        }
        """

    /// A Sigstore bundle attached as an OCI 1.1 referrer: artifactType, empty config, subject.
    static let artifactManifest = """
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.manifest.v1+json",
          "artifactType": "application/vnd.dev.sigstore.bundle.v0.3+json",
          "config": {
            "mediaType": "application/vnd.oci.empty.v1+json",
            "digest": "\(emptyJSON)",
            "size": 2,
            "data": "e30="
          },
          "layers": [
            {
              "mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json",
              "digest": "\(bundle)",
              "size": 4567
            }
          ],
          "subject": {
            "mediaType": "application/vnd.oci.image.index.v1+json",
            "digest": "\(subject)",
            "size": 1609
          },
          "annotations": {
            "dev.sigstore.bundle.content": "dsse-envelope",
            "dev.sigstore.bundle.predicateType": "https://slsa.dev/provenance/v1",
            "org.opencontainers.image.created": "2024-05-01T12:00:00Z"
          }
        }
        """

    /// An older-style referrer: no artifactType, the type is the config media type.
    static let configTypedReferrer = """
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.manifest.v1+json",
          "config": {
            "mediaType": "application/vnd.example.sbom.v1+json",
            "digest": "\(config)",
            "size": 167
          },
          "layers": [],
          "subject": {
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": "\(amd64)",
            "size": 1050
          }
        }
        """

    /// An index that is itself an artifact (OCI 1.1 allows artifactType on indexes).
    static let artifactIndex = """
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.index.v1+json",
          "artifactType": "application/vnd.example.bundle",
          "manifests": [],
          "subject": {
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": "\(amd64)",
            "size": 1050
          }
        }
        """

    /// OCI lets `mediaType` be omitted from the body.
    static let manifestWithoutMediaType = """
        {"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"\(config)","size":167},"layers":[]}
        """
    static let indexWithoutMediaType = """
        {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"\(amd64)","size":1050}]}
        """

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}

/// A fixture served with a Content-Type, and what it must parse as.
struct ServedDocument: Sendable, CustomTestStringConvertible {
    let name: String
    let body: String
    let contentType: String?
    let mediaType: String
    let isIndex: Bool
    let childCount: Int
    var testDescription: String { "\(name) as \(contentType ?? "nil")" }
}

@Suite("ManifestDocument")
struct ManifestDocumentTests {
    static let source = "ghcr.io/acme/app manifest"

    static let served: [ServedDocument] = [
        .init(name: "BuildKit index", body: Fixtures.buildKitIndex, contentType: MediaType.ociIndex, mediaType: MediaType.ociIndex, isIndex: true, childCount: 4),
        .init(name: "BuildKit index", body: Fixtures.buildKitIndex, contentType: nil, mediaType: MediaType.ociIndex, isIndex: true, childCount: 4),
        .init(
            name: "attestation manifest", body: Fixtures.buildKitAttestationManifest, contentType: MediaType.ociManifest,
            mediaType: MediaType.ociManifest, isIndex: false, childCount: 3
        ),
        .init(name: "Docker manifest", body: Fixtures.dockerManifest, contentType: MediaType.dockerManifest, mediaType: MediaType.dockerManifest, isIndex: false, childCount: 3),
        .init(name: "Docker manifest", body: Fixtures.dockerManifest, contentType: "application/json", mediaType: MediaType.dockerManifest, isIndex: false, childCount: 3),
        .init(
            name: "Docker manifest list", body: Fixtures.dockerManifestList, contentType: MediaType.dockerManifestList,
            mediaType: MediaType.dockerManifestList, isIndex: true, childCount: 3
        ),
        .init(
            name: "Docker manifest list", body: Fixtures.dockerManifestList, contentType: "application/octet-stream",
            mediaType: MediaType.dockerManifestList, isIndex: true, childCount: 3
        ),
        .init(name: "artifact", body: Fixtures.artifactManifest, contentType: MediaType.ociManifest, mediaType: MediaType.ociManifest, isIndex: false, childCount: 2),
        .init(name: "artifact", body: Fixtures.artifactManifest, contentType: "", mediaType: MediaType.ociManifest, isIndex: false, childCount: 2),
        .init(name: "artifact", body: Fixtures.artifactManifest, contentType: "text/plain; charset=utf-8", mediaType: MediaType.ociManifest, isIndex: false, childCount: 2),
        .init(
            name: "index", body: Fixtures.buildKitIndex, contentType: "application/vnd.oci.image.index.v1+json; charset=utf-8",
            mediaType: MediaType.ociIndex, isIndex: true, childCount: 4
        ),
        .init(name: "untyped manifest", body: Fixtures.manifestWithoutMediaType, contentType: nil, mediaType: MediaType.ociManifest, isIndex: false, childCount: 1),
        .init(
            name: "untyped manifest", body: Fixtures.manifestWithoutMediaType, contentType: MediaType.dockerManifest,
            mediaType: MediaType.dockerManifest, isIndex: false, childCount: 1
        ),
        .init(name: "untyped index", body: Fixtures.indexWithoutMediaType, contentType: nil, mediaType: MediaType.ociIndex, isIndex: true, childCount: 1),
        .init(name: "untyped index", body: Fixtures.indexWithoutMediaType, contentType: "application/json", mediaType: MediaType.ociIndex, isIndex: true, childCount: 1),
        .init(
            name: "untyped index", body: Fixtures.indexWithoutMediaType, contentType: MediaType.dockerManifestList,
            mediaType: MediaType.dockerManifestList, isIndex: true, childCount: 1
        ),
    ]

    // MARK: parsing real documents

    @Test("documents parse with the served or self-declared media type", arguments: served)
    func parses(_ doc: ServedDocument) throws {
        let bytes = Fixtures.bytes(doc.body)
        let parsed = try ManifestDocument(bytes: bytes, mediaType: doc.contentType, expected: nil, source: Self.source)
        #expect(parsed.mediaType == doc.mediaType)
        #expect(parsed.bytes == bytes)
        #expect(parsed.digest == Digest.compute(bytes))
        #expect(parsed.children.count == doc.childCount)
        switch parsed.content {
        case .index: #expect(doc.isIndex)
        case .manifest: #expect(!doc.isIndex)
        }
        let descriptor = parsed.descriptor
        #expect(descriptor.mediaType == doc.mediaType)
        #expect(descriptor.digest == parsed.digest)
        #expect(descriptor.size == Int64(bytes.count))
    }

    @Test("a BuildKit index exposes platforms and attestation annotations")
    func buildKitIndex() throws {
        let bytes = Fixtures.bytes(Fixtures.buildKitIndex)
        let doc = try ManifestDocument(bytes: bytes, mediaType: MediaType.ociIndex, expected: Digest.compute(bytes), source: Self.source)
        guard case .index(let index) = doc.content else {
            Issue.record("expected an index")
            return
        }
        #expect(index.schemaVersion == 2)
        #expect(index.mediaType == MediaType.ociIndex)
        #expect(index.manifests.map(\.digest.description) == [Fixtures.amd64, Fixtures.arm64, Fixtures.attAmd64, Fixtures.attArm64])
        #expect(index.manifests[0].platform == Platform(os: "linux", architecture: "amd64"))
        #expect(index.manifests[1].platform == Platform(os: "linux", architecture: "arm64", variant: "v8"))
        #expect(index.manifests[1].platform?.matches(try Platform(parsing: "linux/arm64")) == true)

        let attestations = index.manifests.filter { $0.annotation(AnnotationKey.dockerReferenceType) == AnnotationKey.attestationManifest }
        #expect(attestations.count == 2)
        #expect(attestations.map { $0.annotation(AnnotationKey.dockerReferenceDigest) } == [Fixtures.amd64, Fixtures.arm64])
        #expect(attestations.allSatisfy { $0.platform == Platform(os: "unknown", architecture: "unknown") })
        #expect(index.manifests[0].annotations == nil)

        #expect(doc.annotations?[AnnotationKey.created] == "2024-05-01T12:00:00Z")
        #expect(doc.subject == nil)
        #expect(doc.referrerArtifactType == nil)
        #expect(doc.descriptor.artifactType == nil)
    }

    @Test("a BuildKit attestation manifest lists its in-toto layers")
    func buildKitAttestationManifest() throws {
        let doc = try ManifestDocument(
            bytes: Fixtures.bytes(Fixtures.buildKitAttestationManifest), mediaType: MediaType.ociManifest, expected: nil, source: Self.source
        )
        guard case .manifest(let manifest) = doc.content else {
            Issue.record("expected a manifest")
            return
        }
        #expect(manifest.config.mediaType == MediaType.ociConfig)
        #expect(manifest.layers.allSatisfy { $0.mediaType == MediaType.inTotoLayer })
        #expect(manifest.layers.map { $0.annotation(AnnotationKey.inTotoPredicateType) } == [
            "https://spdx.dev/Document", "https://slsa.dev/provenance/v0.2",
        ])
        #expect(manifest.blobs.map(\.digest.description) == [Fixtures.config, Fixtures.sbom, Fixtures.provenance])
        #expect(doc.referrerArtifactType == MediaType.ociConfig)
    }

    @Test("a Docker schema 2 manifest keeps its Docker media types")
    func dockerManifest() throws {
        let doc = try ManifestDocument(bytes: Fixtures.bytes(Fixtures.dockerManifest), mediaType: MediaType.dockerManifest, expected: nil, source: Self.source)
        guard case .manifest(let manifest) = doc.content else {
            Issue.record("expected a manifest")
            return
        }
        #expect(manifest.mediaType == MediaType.dockerManifest)
        #expect(manifest.config.mediaType == MediaType.dockerConfig)
        #expect(manifest.config.size == 1472)
        #expect(manifest.layers.map(\.size) == [3_408_729, 32])
        #expect(manifest.layers.allSatisfy { $0.mediaType == MediaType.dockerLayerGzip })
        #expect(manifest.artifactType == nil)
        #expect(manifest.subject == nil)
    }

    @Test("a Docker manifest list keeps Windows os.version and os.features")
    func dockerManifestList() throws {
        let doc = try ManifestDocument(bytes: Fixtures.bytes(Fixtures.dockerManifestList), mediaType: nil, expected: nil, source: Self.source)
        guard case .index(let list) = doc.content else {
            Issue.record("expected an index")
            return
        }
        #expect(doc.mediaType == MediaType.dockerManifestList)
        #expect(list.manifests.map { $0.platform?.description } == ["linux/amd64", "linux/arm/v7", "windows/amd64"])
        let windows = try #require(list.manifests[2].platform)
        #expect(windows.osVersion == "10.0.17763.5458")
        #expect(windows.osFeatures == ["win32k"])
        #expect(list.manifests[1].platform?.matches(try Platform(parsing: "linux/arm")) == true)
        #expect(list.manifests[1].platform?.matches(try Platform(parsing: "linux/arm/v6")) == false)
    }

    @Test("an OCI artifact manifest has artifactType, an empty config and a subject")
    func artifactManifest() throws {
        let doc = try ManifestDocument(bytes: Fixtures.bytes(Fixtures.artifactManifest), mediaType: MediaType.ociManifest, expected: nil, source: Self.source)
        guard case .manifest(let manifest) = doc.content else {
            Issue.record("expected a manifest")
            return
        }
        #expect(manifest.artifactType == MediaType.sigstoreBundleV03)
        #expect(manifest.config.mediaType == MediaType.ociEmpty)
        #expect(manifest.config.digest.description == Fixtures.emptyJSON)
        #expect(manifest.config.digest == Digest.compute(Array("{}".utf8)))
        #expect(manifest.config.data == "e30=")
        #expect(manifest.config.size == 2)
        #expect(doc.subject?.digest.description == Fixtures.subject)
        #expect(doc.subject?.mediaType == MediaType.ociIndex)
        #expect(doc.referrerArtifactType == MediaType.sigstoreBundleV03)
        #expect(doc.descriptor.artifactType == MediaType.sigstoreBundleV03)
        #expect(doc.annotations?[AnnotationKey.sigstoreContent] == "dsse-envelope")
        #expect(doc.annotations?[AnnotationKey.sigstorePredicateType] == "https://slsa.dev/provenance/v1")
    }

    @Test("referrerArtifactType falls back to the config media type, never for an index", arguments: [
        (Fixtures.artifactManifest, String?.some(MediaType.sigstoreBundleV03)),
        (Fixtures.configTypedReferrer, "application/vnd.example.sbom.v1+json"),
        (Fixtures.dockerManifest, MediaType.dockerConfig),
        (Fixtures.artifactIndex, "application/vnd.example.bundle"),
        (Fixtures.buildKitIndex, nil),
    ])
    func referrerArtifactType(body: String, expected: String?) throws {
        let doc = try ManifestDocument(bytes: Fixtures.bytes(body), mediaType: nil, expected: nil, source: Self.source)
        #expect(doc.referrerArtifactType == expected)
    }

    @Test("an artifact index carries artifactType into its descriptor")
    func artifactIndex() throws {
        let doc = try ManifestDocument(bytes: Fixtures.bytes(Fixtures.artifactIndex), mediaType: MediaType.ociIndex, expected: nil, source: Self.source)
        #expect(doc.descriptor.artifactType == "application/vnd.example.bundle")
        #expect(doc.subject?.digest.description == Fixtures.amd64)
        #expect(doc.children.isEmpty)
    }

    // MARK: digests

    @Test("the digest is over the exact bytes, whitespace included")
    func digestOverExactBytes() throws {
        let pretty = Fixtures.bytes(Fixtures.dockerManifest)
        let compact = Array(try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(pretty))))
        let a = try ManifestDocument(bytes: pretty, mediaType: nil, expected: nil, source: Self.source)
        let b = try ManifestDocument(bytes: compact, mediaType: nil, expected: nil, source: Self.source)
        #expect(a.content == b.content)
        #expect(a.digest != b.digest)
        #expect(a.digest == Digest.compute(pretty))
        #expect(b.digest == Digest.compute(compact))
        // A trailing newline is part of the content too.
        let newline = pretty + [0x0a]
        let c = try ManifestDocument(bytes: newline, mediaType: nil, expected: Digest.compute(newline), source: Self.source)
        #expect(c.digest != a.digest)
        #expect(c.bytes == newline)
    }

    @Test("a matching expected digest is accepted, sha512 included", arguments: Digest.Algorithm.allCases)
    func expectedDigestAccepted(_ algorithm: Digest.Algorithm) throws {
        let bytes = Fixtures.bytes(Fixtures.buildKitIndex)
        let expected = Digest.compute(bytes, algorithm: algorithm)
        let doc = try ManifestDocument(bytes: bytes, mediaType: MediaType.ociIndex, expected: expected, source: Self.source)
        #expect(doc.digest == expected)
        #expect(doc.descriptor.digest == expected)
    }

    @Test("an expected digest mismatch is an InputError naming the source")
    func expectedDigestMismatch() throws {
        let bytes = Fixtures.bytes(Fixtures.buildKitIndex)
        var tampered = bytes
        tampered[tampered.firstIndex(of: UInt8(ascii: "5"))!] = UInt8(ascii: "6")
        let expected = Digest.compute(bytes)
        let error = try #require(throws: InputError.self) {
            try ManifestDocument(bytes: tampered, mediaType: MediaType.ociIndex, expected: expected, source: Self.source)
        }
        #expect(error.source == Self.source)
        #expect(error.field == nil)
        #expect(error.reason == DigestError.mismatch(expected: expected, actual: Digest.compute(tampered)).description)
        #expect(error.description.hasPrefix(Self.source + ": digest mismatch"))
    }

    @Test("a digest check comes before parsing, so a garbage body with the wrong digest reports the digest")
    func digestCheckedFirst() throws {
        let error = try #require(throws: InputError.self) {
            try ManifestDocument(bytes: Array("garbage".utf8), mediaType: nil, expected: Digest.compute([]), source: Self.source)
        }
        #expect(error.reason.contains("digest mismatch"))
    }

    // MARK: media type conflicts

    @Test("a body that contradicts the served media type is refused naming mediaType", arguments: [
        (Fixtures.dockerManifest, MediaType.ociIndex, MediaType.dockerManifest),
        (Fixtures.buildKitAttestationManifest, MediaType.ociIndex, MediaType.ociManifest),
        (Fixtures.buildKitIndex, MediaType.ociManifest, MediaType.ociIndex),
        (Fixtures.buildKitIndex, MediaType.dockerManifestList, MediaType.ociIndex),
        (Fixtures.dockerManifest, MediaType.ociManifest, MediaType.dockerManifest),
        (Fixtures.dockerManifestList, MediaType.ociIndex, MediaType.dockerManifestList),
        (Fixtures.artifactManifest, "application/vnd.docker.distribution.manifest.v2+json; charset=utf-8", MediaType.ociManifest),
    ])
    func mediaTypeConflict(body: String, servedAs: String, own: String) throws {
        let error = try #require(throws: InputError.self) {
            try ManifestDocument(bytes: Fixtures.bytes(body), mediaType: servedAs, expected: nil, source: Self.source)
        }
        #expect(error.field == "mediaType")
        #expect(error.source == Self.source)
        #expect(error.reason.contains("'\(own)'"))
        #expect(error.reason.contains("'\(servedAs.split(separator: ";")[0])'"))
        #expect(error.description.contains("field 'mediaType'"))
    }

    @Test("a body without mediaType served as an index must have the index shape")
    func untypedManifestServedAsIndex() throws {
        let error = try #require(throws: InputError.self) {
            try ManifestDocument(bytes: Fixtures.bytes(Fixtures.manifestWithoutMediaType), mediaType: MediaType.ociIndex, expected: nil, source: Self.source)
        }
        #expect(error.field == "manifests")
        #expect(error.reason == "required field is missing")
    }

    @Test("a body declaring a non-manifest media type is refused")
    func nonManifestMediaType() throws {
        let body = #"{"mediaType":"application/vnd.oci.image.config.v1+json","architecture":"amd64","os":"linux"}"#
        let error = try #require(throws: InputError.self) {
            try ManifestDocument(bytes: Fixtures.bytes(body), mediaType: "application/json", expected: nil, source: Self.source)
        }
        #expect(error.field == "mediaType")
        #expect(error.reason.contains("is not a manifest or index media type"))
    }

    // MARK: bad input

    @Test("garbage and truncated JSON are InputErrors naming the source", arguments: [
        "not json at all",
        "",
        "   ",
        "{",
        #"{"schemaVersion": 2, "manifests": ["#,
        String(Fixtures.buildKitIndex.prefix(200)),
        String(Fixtures.dockerManifest.dropLast()),
        "\u{FEFF}garbage",
        "null",
    ])
    func garbage(_ body: String) throws {
        let error = try #require(throws: InputError.self) {
            try ManifestDocument(bytes: Fixtures.bytes(body), mediaType: MediaType.ociIndex, expected: nil, source: "registry.example/app@sha256:abc")
        }
        #expect(error.source == "registry.example/app@sha256:abc")
        #expect(error.description.hasPrefix("registry.example/app@sha256:abc: "))
        #expect(!error.reason.isEmpty)
    }

    @Test("syntax errors are reported as not valid JSON", arguments: ["not json", "{", String(Fixtures.buildKitIndex.prefix(300))])
    func notValidJSON(_ body: String) throws {
        let error = try #require(throws: InputError.self) {
            try ManifestDocument(bytes: Fixtures.bytes(body), mediaType: nil, expected: nil, source: "index.json")
        }
        #expect(error.field == nil)
        #expect(error.reason == "not valid JSON")
        #expect(error.description == "index.json: not valid JSON")
    }

    @Test("an HTML body is reported as HTML, not as a JSON syntax error", arguments: [
        "<!DOCTYPE html><html><body>Sign in</body></html>",
        "\n\n  <html>\n<head><title>502 Bad Gateway</title></head></html>",
        "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>",
    ])
    func html(_ body: String) throws {
        let error = try #require(throws: InputError.self) {
            try ManifestDocument(bytes: Fixtures.bytes(body), mediaType: MediaType.ociManifest, expected: nil, source: Self.source)
        }
        #expect(error.reason.contains("expected JSON but got HTML"))
        #expect(error.source == Self.source)
    }

    /// Documents with one thing wrong, and the field path the error must name.
    static let fieldErrors: [(String, String, String)] = [
        (
            #"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":1}]}"#,
            "manifests[0].digest", "required field is missing"
        ),
        (
            #"{"schemaVersion":2,"manifests":[{"mediaType":"m","digest":"\#(Fixtures.amd64)","size":1},{"mediaType":"m","digest":"sha256:abc","size":1}]}"#,
            "manifests[1].digest", "invalid digest"
        ),
        (
            #"{"schemaVersion":2,"manifests":[{"digest":"\#(Fixtures.amd64)","size":1}]}"#,
            "manifests[0].mediaType", "required field is missing"
        ),
        (
            #"{"schemaVersion":2,"manifests":[{"mediaType":"m","digest":"\#(Fixtures.amd64)","size":"1050"}]}"#,
            "manifests[0].size", "expected"
        ),
        (
            #"{"schemaVersion":2,"manifests":[{"mediaType":"m","digest":"\#(Fixtures.amd64)","size":1,"platform":{"os":"linux"}}]}"#,
            "manifests[0].platform.architecture", "required field is missing"
        ),
        (
            #"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}"#,
            "config", "required field is missing"
        ),
        (
            #"{"schemaVersion":2,"config":{"mediaType":"c","digest":"\#(Fixtures.config)","size":1},"layers":[{"mediaType":"l","digest":"\#(Fixtures.layer1)","size":1},{"mediaType":"l","digest":"\#(Fixtures.layer2)"}]}"#,
            "layers[1].size", "required field is missing"
        ),
        (
            #"{"schemaVersion":2,"config":{"mediaType":"c","digest":"\#(Fixtures.config)","size":1},"layers":[{"mediaType":"l","digest":"\#(Fixtures.layer1)","size":null}]}"#,
            "layers[0].size", "found null"
        ),
        (
            #"{"config":{"mediaType":"c","digest":"\#(Fixtures.config)","size":1},"layers":[]}"#,
            "schemaVersion", "required field is missing"
        ),
        (
            #"{"schemaVersion":2,"config":{"mediaType":"c","digest":"\#(Fixtures.config)","size":1},"layers":{}}"#,
            "layers", "expected"
        ),
        (
            #"{"schemaVersion":2,"mediaType":42,"manifests":[]}"#,
            "mediaType", "expected"
        ),
        (
            #"{"schemaVersion":2,"config":{"mediaType":"c","digest":"\#(Fixtures.config)","size":1},"layers":[],"subject":{"mediaType":"m","size":1}}"#,
            "subject.digest", "required field is missing"
        ),
    ]

    @Test("a missing or malformed field is named by its path", arguments: fieldErrors)
    func fieldPath(body: String, field: String, reason: String) throws {
        let error = try #require(throws: InputError.self) {
            try ManifestDocument(bytes: Fixtures.bytes(body), mediaType: nil, expected: nil, source: "oci-dir:/tmp/x")
        }
        #expect(error.field == field, "\(error)")
        #expect(error.reason.contains(reason), "\(error)")
        #expect(error.description.hasPrefix("oci-dir:/tmp/x: field '\(field)': "))
    }

    @Test("documents larger than JSONInput.maxDocumentSize are refused, smaller ones are not")
    func sizeLimit() throws {
        let body = Fixtures.bytes(Fixtures.manifestWithoutMediaType)
        // JSON allows trailing whitespace, so pad to exactly the limit.
        let atLimit = body + [UInt8](repeating: 0x20, count: JSONInput.maxDocumentSize - body.count)
        #expect(atLimit.count == JSONInput.maxDocumentSize)
        let ok = try ManifestDocument(bytes: atLimit, mediaType: nil, expected: nil, source: Self.source)
        #expect(ok.bytes.count == JSONInput.maxDocumentSize)

        let overLimit = atLimit + [0x20]
        let error = try #require(throws: InputError.self) {
            try ManifestDocument(bytes: overLimit, mediaType: nil, expected: nil, source: Self.source)
        }
        #expect(error.reason.contains("over the \(JSONInput.maxDocumentSize)-byte limit"))
        #expect(error.reason.contains("\(overLimit.count) bytes"))
        #expect(error.source == Self.source)
    }

    // MARK: canonical encoding

    static func sampleManifest(annotations: [String: String]) throws -> ImageManifest {
        ImageManifest(
            artifactType: "application/vnd.example+json",
            config: Descriptor(mediaType: MediaType.ociEmpty, digest: try Digest(Fixtures.emptyJSON), size: 2),
            layers: [
                Descriptor(
                    mediaType: MediaType.ociLayerGzip, digest: try Digest(Fixtures.layer1), size: 10,
                    annotations: ["org.opencontainers.image.title": "a/b.tar.gz"]
                ),
            ],
            subject: Descriptor(mediaType: MediaType.ociManifest, digest: try Digest(Fixtures.amd64), size: 1050),
            annotations: annotations
        )
    }

    @Test("canonical encoding has sorted keys, unescaped slashes and no absent fields")
    func canonicalBytes() throws {
        let doc = try ManifestDocument(manifest: try Self.sampleManifest(annotations: ["b": "2", "a": "1/2"]))
        let text = String(decoding: doc.bytes, as: UTF8.self)
        let expected = #"{"annotations":{"a":"1/2","b":"2"},"artifactType":"application/vnd.example+json","#
            + #""config":{"digest":"\#(Fixtures.emptyJSON)","mediaType":"application/vnd.oci.empty.v1+json","size":2},"#
            + #""layers":[{"annotations":{"org.opencontainers.image.title":"a/b.tar.gz"},"digest":"\#(Fixtures.layer1)","#
            + #""mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","size":10}],"#
            + #""mediaType":"application/vnd.oci.image.manifest.v1+json","schemaVersion":2,"#
            + #""subject":{"digest":"\#(Fixtures.amd64)","mediaType":"application/vnd.oci.image.manifest.v1+json","size":1050}}"#
        #expect(text == expected)
        #expect(!text.contains(#"\/"#))
        #expect(doc.digest == Digest.compute(doc.bytes))
        #expect(doc.mediaType == MediaType.ociManifest)
        #expect(doc.descriptor.artifactType == "application/vnd.example+json")
        #expect(doc.descriptor.size == Int64(doc.bytes.count))
    }

    @Test("canonical encoding does not depend on dictionary insertion order")
    func canonicalDeterministic() throws {
        let keys = (0..<40).map { "org.example.key\($0)" }
        var forward: [String: String] = [:]
        for key in keys { forward[key] = "v/\(key)" }
        var backward: [String: String] = [:]
        backward.reserveCapacity(500)
        for key in keys.reversed() { backward[key] = "v/\(key)" }
        let a = try ManifestDocument(manifest: try Self.sampleManifest(annotations: forward))
        let b = try ManifestDocument(manifest: try Self.sampleManifest(annotations: backward))
        #expect(a.bytes == b.bytes)
        #expect(a.digest == b.digest)
        for _ in 0..<3 {
            #expect(try CanonicalJSON.encode(try Self.sampleManifest(annotations: forward)) == a.bytes)
        }
    }

    @Test("encoded documents parse back to the same content and digest", arguments: [false, true])
    func roundTrip(index: Bool) throws {
        let original: ManifestDocument
        if index {
            let parsed = try ManifestDocument(bytes: Fixtures.bytes(Fixtures.buildKitIndex), mediaType: nil, expected: nil, source: Self.source)
            guard case .index(let i) = parsed.content else {
                Issue.record("expected an index")
                return
            }
            original = try ManifestDocument(index: i)
            #expect(original.digest != parsed.digest, "re-encoding changes the bytes of a pretty-printed document")
        } else {
            original = try ManifestDocument(manifest: try Self.sampleManifest(annotations: ["k": "v"]))
        }
        let reparsed = try ManifestDocument(bytes: original.bytes, mediaType: original.mediaType, expected: original.digest, source: Self.source)
        #expect(reparsed == original)
        #expect(reparsed.content == original.content)
        // Encoding the reparsed content again gives the very same bytes.
        switch reparsed.content {
        case .index(let i): #expect(try ManifestDocument(index: i).bytes == original.bytes)
        case .manifest(let m): #expect(try ManifestDocument(manifest: m).bytes == original.bytes)
        }
    }

    @Test("an encoded Docker manifest keeps its media type; absent media types default to OCI")
    func encodedMediaTypes() throws {
        let config = Descriptor(mediaType: MediaType.dockerConfig, digest: try Digest(Fixtures.config), size: 1472)
        let docker = try ManifestDocument(manifest: ImageManifest(mediaType: MediaType.dockerManifest, config: config, layers: []))
        #expect(docker.mediaType == MediaType.dockerManifest)
        let bare = try ManifestDocument(manifest: ImageManifest(mediaType: nil, config: config, layers: []))
        #expect(bare.mediaType == MediaType.ociManifest)
        #expect(!String(decoding: bare.bytes, as: UTF8.self).contains("\"mediaType\":\"application/vnd.oci.image.manifest"))
        let list = try ManifestDocument(index: ImageIndex(mediaType: MediaType.dockerManifestList, manifests: []))
        #expect(list.mediaType == MediaType.dockerManifestList)
        let bareIndex = try ManifestDocument(index: ImageIndex(mediaType: nil, manifests: []))
        #expect(bareIndex.mediaType == MediaType.ociIndex)
        #expect(String(decoding: bareIndex.bytes, as: UTF8.self) == #"{"manifests":[],"schemaVersion":2}"#)
    }
}
