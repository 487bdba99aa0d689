import OCIModel
import Testing
import OCILayout

@Suite("ImageSourceSpec parsing")
struct ImageSourceSpecTests {
    static let valid: [(String, ImageSourceSpec)] = [
        ("oci-dir:/tmp/x", .ociDirectory(path: "/tmp/x", tag: nil)),
        ("oci-dir:/tmp/x:v1", .ociDirectory(path: "/tmp/x", tag: "v1")),
        ("oci-dir:./a:b/c", .ociDirectory(path: "./a:b/c", tag: nil)),
        ("oci-dir:a:b:c", .ociDirectory(path: "a:b", tag: "c")),
        ("oci-dir:Examples/hello-multiarch", .ociDirectory(path: "Examples/hello-multiarch", tag: nil)),
        ("oci-archive:y.tar", .ociArchive(path: "y.tar", tag: nil)),
        ("oci-archive:/tmp/y.tar:latest", .ociArchive(path: "/tmp/y.tar", tag: "latest")),
        ("docker-archive:x.tar", .dockerArchive(path: "x.tar", tag: nil)),
        ("docker-archive:x.tar:t", .dockerArchive(path: "x.tar", tag: "t")),
        ("docker-archive:x.tar:repo:t", .dockerArchive(path: "x.tar", tag: "repo:t")),
        ("docker-archive:x.tar:docker.io/library/repo:t", .dockerArchive(path: "x.tar", tag: "docker.io/library/repo:t")),
    ]

    @Test("local schemes", arguments: valid)
    func parsesLocal(text: String, expected: ImageSourceSpec) throws {
        let spec = try ImageSourceSpec(parsing: text)
        #expect(spec == expected)
        #expect(spec.description == text)
    }

    @Test("registry references, with and without the scheme", arguments: [
        ("alpine", "docker.io/library/alpine"),
        ("registry:alpine:3.19", "docker.io/library/alpine:3.19"),
        ("127.0.0.1:5000/test/app:latest", "127.0.0.1:5000/test/app:latest"),
        ("registry:localhost:5000/a@sha256:" + String(repeating: "a", count: 64), "localhost:5000/a@sha256:" + String(repeating: "a", count: 64)),
    ])
    func parsesRegistry(text: String, reference: String) throws {
        guard case .registry(let parsed) = try ImageSourceSpec(parsing: text) else { Issue.record("not a registry spec"); return }
        #expect(parsed.description == reference)
    }

    @Test("clear errors", arguments: [
        ("oci-dir:", ImageSourceSpecError.emptyPath("oci-dir:")),
        ("oci-dir::t", .emptyPath("oci-dir::t")),
        ("oci-archive:y.tar:", .emptyTag("oci-archive:y.tar:")),
        ("docker-archive:x.tar:", .emptyTag("docker-archive:x.tar:")),
    ])
    func errors(text: String, expected: ImageSourceSpecError) {
        #expect(throws: expected) { try ImageSourceSpec(parsing: text) }
    }

    @Test("other tools' schemes are refused with a hint", arguments: ["oci:/tmp/x:t", "docker://alpine", "dir:/tmp", "docker-daemon:alpine:latest"])
    func foreignSchemes(text: String) throws {
        let error = try #require(throws: ImageSourceSpecError.self) { try ImageSourceSpec(parsing: text) }
        guard case .unsupportedScheme(let spec, _, let hint) = error else { Issue.record("\(error)"); return }
        #expect(spec == text && !hint.isEmpty)
    }

    @Test("a bad registry reference is the reference's own error", arguments: ["registry:docker.io/UPPER/case", "registry:", "a@sha256:123"])
    func badReference(text: String) throws {
        #expect(throws: ReferenceError.self) { try ImageSourceSpec(parsing: text) }
    }

    @Test("docker-archive is not a destination")
    func dockerArchiveIsReadOnly() throws {
        #expect(throws: ImageSourceSpecError.readOnly("docker-archive:x.tar")) {
            try ImageSourceSpec(parsing: "docker-archive:x.tar").openLocalDestination()
        }
        #expect(try ImageSourceSpec(parsing: "alpine").openLocalSource() == nil)
    }
}
