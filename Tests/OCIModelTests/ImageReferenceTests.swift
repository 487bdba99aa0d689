import OCIModel
import Testing

private let ff64 = String(repeating: "f", count: 64)
private let ff128 = String(repeating: "f", count: 128)
private let hexID = "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a"

/// A reference that must parse, with the parts it must normalise to.
struct ValidReferenceCase: Sendable, CustomTestStringConvertible {
    let input: String
    let registry: String
    let repository: String
    let tag: String?
    let digest: String?
    let canonical: String

    init(_ input: String, _ registry: String, _ repository: String, tag: String? = nil, digest: String? = nil) {
        self.input = input
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
        var text = "\(registry)/\(repository)"
        if let tag { text += ":" + tag }
        if let digest { text += "@" + digest }
        self.canonical = text
    }

    var testDescription: String { input }
}

/// Which ``ReferenceError`` case an invalid reference must produce.
enum ReferenceErrorKind: Sendable {
    case empty, format, uppercase, tooLong, tag, digest, registry, hex

    init(_ error: ReferenceError) {
        switch error {
        case .empty: self = .empty
        case .invalidFormat: self = .format
        case .uppercaseRepository: self = .uppercase
        case .nameTooLong: self = .tooLong
        case .invalidTag: self = .tag
        case .invalidDigest: self = .digest
        case .invalidRegistry: self = .registry
        case .hexRepositoryName: self = .hex
        }
    }
}

struct InvalidReferenceCase: Sendable, CustomTestStringConvertible {
    let input: String
    let kind: ReferenceErrorKind
    init(_ input: String, _ kind: ReferenceErrorKind) {
        self.input = input
        self.kind = kind
    }
    var testDescription: String { input.count > 60 ? String(input.prefix(57)) + "…" : input }
}

@Suite("ImageReference")
struct ImageReferenceTests {
    // MARK: valid references

    /// distribution/reference `TestReferenceParse`, normalised the way `ParseNormalizedNamed` does it.
    static let upstreamParseCases: [ValidReferenceCase] = [
        .init("test_com", "docker.io", "library/test_com"),
        .init("test.com:tag", "docker.io", "library/test.com", tag: "tag"),
        .init("test.com:5000", "docker.io", "library/test.com", tag: "5000"),
        .init("test.com/repo:tag", "test.com", "repo", tag: "tag"),
        .init("test:5000/repo", "test:5000", "repo"),
        .init("test:5000/repo:tag", "test:5000", "repo", tag: "tag"),
        .init("test:5000/repo@sha256:\(ff64)", "test:5000", "repo", digest: "sha256:\(ff64)"),
        .init("test:5000/repo:tag@sha256:\(ff64)", "test:5000", "repo", tag: "tag", digest: "sha256:\(ff64)"),
        .init("lowercase:Uppercase", "docker.io", "library/lowercase", tag: "Uppercase"),
        .init("sub-dom1.foo.com/bar/baz/quux", "sub-dom1.foo.com", "bar/baz/quux"),
        .init("sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com", "bar/baz/quux", tag: "some-long-tag"),
        .init("b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io", "test.example.com/my-app", tag: "test.example.com"),
        .init("xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com", "myimage", tag: "xn--n3h.com"),
        .init(
            "xn--7o8h.com/myimage:xn--7o8h.com@sha512:\(ff128)", "xn--7o8h.com", "myimage",
            tag: "xn--7o8h.com", digest: "sha512:\(ff128)"
        ),
        .init("foo_bar.com:8080", "docker.io", "library/foo_bar.com", tag: "8080"),
        .init("foo/foo_bar.com:8080", "docker.io", "foo/foo_bar.com", tag: "8080"),
        .init("192.168.1.1", "docker.io", "library/192.168.1.1"),
        .init("192.168.1.1:tag", "docker.io", "library/192.168.1.1", tag: "tag"),
        .init("192.168.1.1:5000", "docker.io", "library/192.168.1.1", tag: "5000"),
        .init("192.168.1.1/repo", "192.168.1.1", "repo"),
        .init("192.168.1.1:5000/repo", "192.168.1.1:5000", "repo"),
        .init("192.168.1.1:5000/repo:5050", "192.168.1.1:5000", "repo", tag: "5050"),
        .init("[2001:db8::1]/repo", "[2001:db8::1]", "repo"),
        .init("[2001:db8:1:2:3:4:5:6]/repo:tag", "[2001:db8:1:2:3:4:5:6]", "repo", tag: "tag"),
        .init("[2001:db8::1]:5000/repo", "[2001:db8::1]:5000", "repo"),
        .init("[2001:db8::1]:5000/repo:tag", "[2001:db8::1]:5000", "repo", tag: "tag"),
        .init("[2001:db8::1]:5000/repo@sha256:\(ff64)", "[2001:db8::1]:5000", "repo", digest: "sha256:\(ff64)"),
        .init("[2001:db8::1]:5000/repo:tag@sha256:\(ff64)", "[2001:db8::1]:5000", "repo", tag: "tag", digest: "sha256:\(ff64)"),
        .init("[2001:db8::]:5000/repo", "[2001:db8::]:5000", "repo"),
        .init("[::1]:5000/repo", "[::1]:5000", "repo"),
        .init("[::1]:5000/foo", "[::1]:5000", "foo"),
        .init("[2001:db8::1]/foo:tag", "[2001:db8::1]", "foo", tag: "tag"),
        .init("[2001:DB8::1]/foo", "[2001:DB8::1]", "foo"),
    ]

    /// distribution/reference `normalize_test.go` (`TestValidateReferenceName`,
    /// `TestParseRepositoryInfo`, `TestNormalizedSplitHostname`).
    static let upstreamNormalizeCases: [ValidReferenceCase] = [
        .init("docker/docker", "docker.io", "docker/docker"),
        .init("library/debian", "docker.io", "library/debian"),
        .init("debian", "docker.io", "library/debian"),
        .init("docker.io/docker/docker", "docker.io", "docker/docker"),
        .init("docker.io/library/debian", "docker.io", "library/debian"),
        .init("docker.io/debian", "docker.io", "library/debian"),
        .init("index.docker.io/docker/docker", "docker.io", "docker/docker"),
        .init("index.docker.io/library/debian", "docker.io", "library/debian"),
        .init("index.docker.io/debian", "docker.io", "library/debian"),
        .init("127.0.0.1:5000/docker/docker", "127.0.0.1:5000", "docker/docker"),
        .init("127.0.0.1:5000/library/debian", "127.0.0.1:5000", "library/debian"),
        .init("127.0.0.1:5000/debian", "127.0.0.1:5000", "debian"),
        .init("192.168.0.1", "docker.io", "library/192.168.0.1"),
        .init("192.168.0.1:80", "docker.io", "library/192.168.0.1", tag: "80"),
        .init("192.168.0.1:8/debian", "192.168.0.1:8", "debian"),
        .init("192.168.0.2:25000/debian", "192.168.0.2:25000", "debian"),
        .init(
            "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev", "docker.io",
            "library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev"
        ),
        .init("[fc00::1]:5000/docker", "[fc00::1]:5000", "docker"),
        .init("[fc00::1]:5000/docker/docker", "[fc00::1]:5000", "docker/docker"),
        .init("[fc00:1:2:3:4:5:6:7]:5000/library/debian", "[fc00:1:2:3:4:5:6:7]:5000", "library/debian"),
        // With a registry (or a tag), 64 hex characters are an ordinary name, not an image ID.
        .init("docker.io/\(hexID)", "docker.io", "library/\(hexID)"),
        .init("\(hexID):latest", "docker.io", "library/\(hexID)", tag: "latest"),
        .init("Docker/docker", "Docker", "docker"),
        .init("DOCKER/docker", "DOCKER", "docker"),
        .init("fooo/bar", "docker.io", "fooo/bar"),
        .init("library/ubuntu", "docker.io", "library/ubuntu"),
        .init("nonlibrary/ubuntu", "docker.io", "nonlibrary/ubuntu"),
        .init("other/library", "docker.io", "other/library"),
        .init("127.0.0.1:8000/private/moonbase", "127.0.0.1:8000", "private/moonbase"),
        .init("127.0.0.1:8000/privatebase", "127.0.0.1:8000", "privatebase"),
        .init("example.com/private/moonbase", "example.com", "private/moonbase"),
        .init("example.com/privatebase", "example.com", "privatebase"),
        .init("example.com:8000/private/moonbase", "example.com:8000", "private/moonbase"),
        .init("example.com:8000/privatebasee", "example.com:8000", "privatebasee"),
        .init("ubuntu-12.04-base", "docker.io", "library/ubuntu-12.04-base"),
        .init("index.docker.io/ubuntu-12.04-base", "docker.io", "library/ubuntu-12.04-base"),
        .init("docker.io/foo", "docker.io", "library/foo"),
        .init("library/foo/bar", "docker.io", "library/foo/bar"),
        .init("docker.io/library/foo/bar", "docker.io", "library/foo/bar"),
        .init("store/foo/bar", "docker.io", "store/foo/bar"),
        .init("Foo/bar", "Foo", "bar"),
        .init("FOO/bar", "FOO", "bar"),
        .init("test.com/foo", "test.com", "foo"),
        .init("test_com/foo", "docker.io", "test_com/foo"),
        .init("docker/migrator", "docker.io", "docker/migrator"),
        .init("test.com:8080/foo", "test.com:8080", "foo"),
        .init("test-com:8080/foo", "test-com:8080", "foo"),
        .init("foo", "docker.io", "library/foo"),
        .init("xn--n3h.com/foo", "xn--n3h.com", "foo"),
        .init("xn--n3h.com:18080/foo", "xn--n3h.com:18080", "foo"),
        .init("test.com:10304/foo:tag", "test.com:10304", "foo", tag: "tag"),
    ]

    /// Path-component separators and domain shapes from `regexp_test.go`, plus a few of our own.
    static let grammarCases: [ValidReferenceCase] = [
        .init("localhost/foo", "localhost", "foo"),
        .init("localhost:5000/foo/bar:1.0", "localhost:5000", "foo/bar", tag: "1.0"),
        .init("localhost", "docker.io", "library/localhost"),
        .init("localhost:5000", "docker.io", "library/localhost", tag: "5000"),
        .init("example.com", "docker.io", "library/example.com"),
        .init("a", "docker.io", "library/a"),
        .init("a/a/a/a", "docker.io", "a/a/a/a"),
        .init("a/aa/a", "docker.io", "a/aa/a"),
        .init("aa-a/a", "docker.io", "aa-a/a"),
        .init("a-a/a-a", "docker.io", "a-a/a-a"),
        .init("a__b", "docker.io", "library/a__b"),
        .init("a_b", "docker.io", "library/a_b"),
        .init("a---b", "docker.io", "library/a---b"),
        .init("a.b", "docker.io", "library/a.b"),
        .init("a.b_c__d-e--f", "docker.io", "library/a.b_c__d-e--f"),
        .init("foo_bar", "docker.io", "library/foo_bar"),
        .init("foo_bar.com", "docker.io", "library/foo_bar.com"),
        .init("foo.com/foo_bar", "foo.com", "foo_bar"),
        .init("do__cker/docker", "docker.io", "do__cker/docker"),
        .init("example.com/xn--7o8h.com/myimage", "example.com", "xn--7o8h.com/myimage"),
        .init("example.com/some_separator__underscore/myimage", "example.com", "some_separator__underscore/myimage"),
        .init("registry.io/foo/project--id.module--name.ver---sion--name", "registry.io", "foo/project--id.module--name.ver---sion--name"),
        .init("Asdf.com/foo/bar", "Asdf.com", "foo/bar"),
        .init("Uppercase/foo", "Uppercase", "foo"),
        .init("foo.com:8080/bar", "foo.com:8080", "bar"),
        .init("blog.foo.com/bar/baz", "blog.foo.com", "bar/baz"),
        .init("a-b.c-d.example:1/x", "a-b.c-d.example:1", "x"),
        .init("0/foo", "docker.io", "0/foo"),
        .init("[abcd::]/foo", "[abcd::]", "foo"),
        // Brackets without '.' or ':' do not mark a registry (upstream's splitDockerDomain),
        // but with a port they do, and the host grammar is just `\[[a-fA-F0-9:]+\]`.
        .init("[abc]:5000/foo", "[abc]:5000", "foo"),
        .init("ghcr.io/org/app:v1.2.3-rc.1_build.7", "ghcr.io", "org/app", tag: "v1.2.3-rc.1_build.7"),
        .init("alpine:_tag", "docker.io", "library/alpine", tag: "_tag"),
        .init("alpine:TAG5", "docker.io", "library/alpine", tag: "TAG5"),
        .init(
            "alpine:3.19@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "docker.io",
            "library/alpine", tag: "3.19", digest: "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        ),
        .init(
            "alpine@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "docker.io",
            "library/alpine", digest: "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        ),
        .init("\(hexID)@sha256:\(ff64)", "docker.io", "library/\(hexID)", digest: "sha256:\(ff64)"),
        .init("index.docker.io/library/alpine:latest", "docker.io", "library/alpine", tag: "latest"),
        .init("index.docker.io/bitnami/redis", "docker.io", "bitnami/redis"),
        .init("registry-1.docker.io/library/alpine", "registry-1.docker.io", "library/alpine"),
        .init("quay.io/alpine", "quay.io", "alpine"),
        .init("docker.io/a/b/c/d", "docker.io", "a/b/c/d"),
    ]

    @Test("valid references parse into their normalised parts", arguments: upstreamParseCases + upstreamNormalizeCases + grammarCases)
    func parsesValid(_ c: ValidReferenceCase) throws {
        let ref = try ImageReference(parsing: c.input)
        #expect(ref.registry == c.registry)
        #expect(ref.repository == c.repository)
        #expect(ref.tag == c.tag)
        #expect(ref.digest?.description == c.digest)
        #expect(ref.description == c.canonical)
        #expect(ref.name == "\(c.registry)/\(c.repository)")
    }

    @Test("the canonical form parses back to the same reference", arguments: upstreamParseCases + upstreamNormalizeCases + grammarCases)
    func canonicalRoundTrip(_ c: ValidReferenceCase) throws {
        let ref = try ImageReference(parsing: c.input)
        let again = try ImageReference(parsing: ref.description)
        #expect(again == ref)
        #expect(again.description == ref.description)
        let rebuilt = try ImageReference(registry: ref.registry, repository: ref.repository, tag: ref.tag, digest: ref.digest)
        #expect(rebuilt == ref)
    }

    // MARK: invalid references

    static let invalidCases: [InvalidReferenceCase] = [
        // TestReferenceParse
        .init("", .empty),
        .init(":justtag", .format),
        .init("@sha256:\(ff64)", .format),
        .init("repo@sha256:ffffffffffffffffffffffffffffffffff", .digest),
        .init("validname@invaliddigest:\(ff64)", .digest),
        .init("Uppercase:tag", .uppercase),
        .init("test:5000/Uppercase/lowercase:tag", .uppercase),
        .init(String(repeating: "a/", count: 128) + "a:tag", .tooLong),
        .init("aa/asdf$$^/aa", .format),
        .init("[2001:db8::1]", .format),
        .init("[2001:db8::1]:5000", .format),
        .init("[2001:db8::1]:tag", .format),
        .init("[fe80::1%eth0]:5000/repo", .registry),
        // The '@' starts the digest part, so this one fails as a digest.
        .init("[fe80::1%@invalidzone]:5000/repo", .digest),
        // TestValidateReferenceName (invalid)
        .init("https://github.com/docker/docker", .registry),
        .init("docker/Docker", .uppercase),
        .init("-docker", .format),
        .init("-docker/docker", .format),
        .init("-docker.io/docker/docker", .registry),
        .init("docker///docker", .format),
        .init("docker.io/docker/Docker", .uppercase),
        .init("docker.io/docker///docker", .format),
        .init("[fc00::1]", .format),
        .init("[fc00::1]:5000", .format),
        .init("fc00::1:5000/debian", .registry),
        .init("[fe80::1%eth0]:5000/debian", .registry),
        .init("[2001:db8:3:4::192.0.2.33]:5000/debian", .registry),
        .init(hexID, .hex),
        .init(ff64, .hex),
        // regexp_test.go shapes
        .init("a/a/a/a/", .format),
        .init("a//a/a", .format),
        .init("foo.com/", .format),
        .init("foo.com:http/bar", .registry),
        .init("a^a", .format),
        .init("asdf$$^/aa", .format),
        .init("a-/a/a/a", .format),
        .init("foo.com/a-/a/a", .format),
        .init("-foo/bar", .format),
        .init("foo/bar-", .format),
        .init("foo-/bar", .format),
        .init("foo/-bar", .format),
        .init("_foo/bar", .format),
        .init("foo_bar.com:8080/app", .registry),
        .init("____/____", .format),
        .init("_docker/_docker", .format),
        .init("docker_/docker_", .format),
        .init("example.com/__underscore/myimage", .format),
        .init("example.com/..dots/myimage", .format),
        .init("example.com/.dots/myimage", .format),
        .init("example.com/nodouble..dots/myimage", .format),
        .init("docker./docker", .registry),
        .init(".docker/docker", .registry),
        .init("docker-/docker", .format),
        .init("do..cker/docker", .registry),
        .init("do__cker:8080/docker", .registry),
        .init("Foo/FarB", .uppercase),
        .init("foo/Uppercase", .uppercase),
        .init("Uppercase", .uppercase),
        // separators
        .init("a.-b", .format),
        .init("a-.b", .format),
        .init("a..b", .format),
        .init("a___b", .format),
        .init("a_-b", .format),
        .init("a._b", .format),
        .init("a.", .format),
        .init("a-", .format),
        .init("foo bar", .format),
        .init("foo/bar baz", .format),
        .init("foo:bar:baz", .format),
        .init("foo/", .format),
        .init("/foo", .format),
        .init("ünïcode/foo", .format),
        // registries
        .init("localhost:/foo", .registry),
        .init("localhost:50a0/foo", .registry),
        .init("[]:5000/foo", .registry),
        .init("[::1/foo", .registry),
        .init("[::1]x/foo", .registry),
        .init("[::1]:/foo", .registry),
        .init("[::g]/foo", .registry),
        .init("[abc]/foo", .format),
        .init("-example.com/foo", .registry),
        .init("example-.com/foo", .registry),
        .init("exa_mple.com/foo", .registry),
        .init("example.com:5000:6000/foo", .registry),
        // tags
        .init("foo:", .tag),
        .init("foo:-tag", .tag),
        .init("foo:.tag", .tag),
        .init("foo:tag!", .tag),
        .init("foo:t+g", .tag),
        .init("foo:@sha256:\(ff64)", .tag),
        .init("foo:" + String(repeating: "t", count: 129), .tag),
        .init("example.com:5000/foo:" + String(repeating: "1", count: 129), .tag),
        // digests
        .init("foo@", .digest),
        .init("foo@sha256", .digest),
        .init("foo@sha256:", .digest),
        .init("foo@sha256:" + String(repeating: "F", count: 64), .digest),
        .init("foo@sha256:" + String(repeating: "f", count: 63), .digest),
        .init("foo@sha256:" + String(repeating: "f", count: 65), .digest),
        .init("foo@sha256:" + String(repeating: "g", count: 64), .digest),
        .init("foo@sha512:\(ff64)", .digest),
        .init("foo@md5:d41d8cd98f00b204e9800998ecf8427e", .digest),
        .init("foo@sha384:" + String(repeating: "f", count: 96), .digest),
        .init("foo@SHA256:\(ff64)", .digest),
        .init("foo:tag@sha256:\(ff64)@sha256:\(ff64)", .digest),
    ]

    @Test("invalid references are refused with the right error", arguments: invalidCases)
    func refusesInvalid(_ c: InvalidReferenceCase) throws {
        let error = try #require(throws: ReferenceError.self) { try ImageReference(parsing: c.input) }
        #expect(ReferenceErrorKind(error) == c.kind, "\(error)")
        if c.kind != .empty {
            #expect(error.description.contains("invalid"))
        }
    }

    // MARK: lengths

    @Test("registry/repository may be at most 255 characters", arguments: [
        // (registry prefix, repository length, valid)
        ("a.com/", 249, true),
        ("a.com/", 250, false),
        ("", 237, true), // docker.io/library/ is 18 characters
        ("", 238, false),
        ("docker.io/library/", 237, true),
        ("docker.io/library/", 238, false),
        ("localhost/", 245, true),
        ("localhost/", 246, false),
    ])
    func nameLengthBoundary(prefix: String, repositoryLength: Int, valid: Bool) throws {
        // One component, so that on Docker Hub `library/` is added.
        let repository = String(repeating: "a", count: repositoryLength)
        let input = prefix + repository + ":tag"
        if valid {
            let ref = try ImageReference(parsing: input)
            #expect(ref.name.utf8.count == 255)
        } else {
            let error = try #require(throws: ReferenceError.self) { try ImageReference(parsing: input) }
            #expect(error == .nameTooLong(input, length: 256))
        }
    }

    @Test("a single 255-character component is too long once normalised onto docker.io")
    func longSingleComponent() throws {
        let name = String(repeating: "a", count: 255)
        #expect(throws: ReferenceError.nameTooLong(name, length: 255 + 18)) { try ImageReference(parsing: name) }
        let fits = String(repeating: "a", count: 255 - "ghcr.io/".count)
        let ref = try ImageReference(parsing: "ghcr.io/" + fits)
        #expect(ref.repository == fits)
    }

    @Test("upstream's 127×'a/' case is over the limit once docker.io/ is added")
    func upstreamLongNameNormalised() throws {
        let input = String(repeating: "a/", count: 127) + "a:tag-puts-this-over-max"
        #expect(throws: ReferenceError.nameTooLong(input, length: 255 + 10)) { try ImageReference(parsing: input) }
    }

    @Test("tags may be up to 128 characters", arguments: [1, 2, 127, 128])
    func tagLength(_ length: Int) throws {
        let tag = "v" + String(repeating: "1", count: length - 1)
        let ref = try ImageReference(parsing: "example.com/app:" + tag)
        #expect(ref.tag == tag)
        #expect(ref.tag?.utf8.count == length)
    }

    @Test("a 129-character tag is refused naming the tag")
    func tagTooLong() {
        let tag = String(repeating: "x", count: 129)
        let input = "example.com/app:" + tag
        #expect(throws: ReferenceError.invalidTag(input, tag: tag)) { try ImageReference(parsing: input) }
    }

    // MARK: specific errors

    @Test("errors name the input and the offending part")
    func errorPayloads() throws {
        #expect(throws: ReferenceError.empty) { try ImageReference(parsing: "") }
        #expect(throws: ReferenceError.uppercaseRepository("foo/Uppercase")) { try ImageReference(parsing: "foo/Uppercase") }
        #expect(throws: ReferenceError.hexRepositoryName(hexID)) { try ImageReference(parsing: hexID) }
        #expect(throws: ReferenceError.invalidRegistry("foo_bar.com:8080/app", registry: "foo_bar.com:8080")) {
            try ImageReference(parsing: "foo_bar.com:8080/app")
        }
        #expect(throws: ReferenceError.invalidTag("alpine:-x", tag: "-x")) { try ImageReference(parsing: "alpine:-x") }

        let digestError = try #require(throws: ReferenceError.self) { try ImageReference(parsing: "alpine@sha256:abc") }
        guard case .invalidDigest(let input, let reason) = digestError else {
            Issue.record("expected invalidDigest, got \(digestError)")
            return
        }
        #expect(input == "alpine@sha256:abc")
        #expect(reason.contains("sha256:abc"))
        #expect(digestError.description.contains("alpine@sha256:abc"))

        let format = try #require(throws: ReferenceError.self) { try ImageReference(parsing: "aa/asdf$$^/aa") }
        #expect(format.description.contains("asdf$$^"))
        #expect(ReferenceError.hexRepositoryName(hexID).description.contains("64-byte hexadecimal"))
        #expect(ReferenceError.nameTooLong("x", length: 300).description.contains("255"))
        #expect(ReferenceError.invalidTag("r", tag: "bad tag").description.contains("'bad tag'"))
    }

    // MARK: accessors

    @Test("tagOrDigest prefers the digest, then the tag, then latest", arguments: [
        ("alpine", "latest"),
        ("alpine:3.19", "3.19"),
        ("alpine@sha256:\(ff64)", "sha256:\(ff64)"),
        ("alpine:3.19@sha256:\(ff64)", "sha256:\(ff64)"),
    ])
    func tagOrDigest(input: String, expected: String) throws {
        #expect(try ImageReference(parsing: input).tagOrDigest == expected)
    }

    @Test("Docker Hub is served from registry-1.docker.io", arguments: [
        ("alpine", "registry-1.docker.io"),
        ("index.docker.io/library/alpine", "registry-1.docker.io"),
        ("docker.io/foo/bar", "registry-1.docker.io"),
        ("ghcr.io/foo/bar", "ghcr.io"),
        ("localhost:5000/foo", "localhost:5000"),
        ("[::1]:5000/foo", "[::1]:5000"),
    ])
    func apiHost(input: String, expected: String) throws {
        #expect(try ImageReference(parsing: input).apiHost == expected)
    }

    @Test("with(tag:digest:) keeps the repository and replaces tag and digest")
    func withTagDigest() throws {
        let ref = try ImageReference(parsing: "ghcr.io/org/app:v1")
        let digest = try Digest("sha256:\(ff64)")
        let byDigest = ref.with(digest: digest)
        #expect(byDigest.description == "ghcr.io/org/app@sha256:\(ff64)")
        #expect(byDigest.tag == nil)
        let retagged = ref.with(tag: "v2")
        #expect(retagged.description == "ghcr.io/org/app:v2")
        #expect(retagged.digest == nil)
        let both = ref.with(tag: "v3", digest: digest)
        #expect(both.description == "ghcr.io/org/app:v3@sha256:\(ff64)")
        #expect(ref.with().description == "ghcr.io/org/app")
    }

    @Test("the memberwise initialiser validates every part")
    func memberwiseValidation() throws {
        let ok = try ImageReference(registry: "localhost:5000", repository: "a/b", tag: "t")
        #expect(ok.description == "localhost:5000/a/b:t")
        // No normalisation here: the parts are taken as given.
        let hub = try ImageReference(registry: "docker.io", repository: "alpine")
        #expect(hub.repository == "alpine")

        #expect(throws: ReferenceError.self) { try ImageReference(registry: "bad_host", repository: "a") }
        #expect(throws: ReferenceError.self) { try ImageReference(registry: "ghcr.io", repository: "Upper") }
        #expect(throws: ReferenceError.self) { try ImageReference(registry: "ghcr.io", repository: "") }
        #expect(throws: ReferenceError.self) { try ImageReference(registry: "ghcr.io", repository: "a//b") }
        #expect(throws: ReferenceError.self) { try ImageReference(registry: "ghcr.io", repository: "a", tag: "") }
        #expect(throws: ReferenceError.self) { try ImageReference(registry: "ghcr.io", repository: "a", tag: ".x") }
        let long = String(repeating: "a", count: 256 - "ghcr.io/".count)
        #expect(throws: ReferenceError.nameTooLong("ghcr.io/" + long, length: 256)) {
            try ImageReference(registry: "ghcr.io", repository: long)
        }
    }

    @Test("references are hashable values")
    func hashable() throws {
        let a = try ImageReference(parsing: "alpine")
        let b = try ImageReference(parsing: "docker.io/library/alpine")
        let c = try ImageReference(parsing: "index.docker.io/alpine")
        let d = try ImageReference(parsing: "alpine:latest")
        #expect(a == b)
        #expect(b == c)
        #expect(a != d, "an explicit tag is kept, not defaulted")
        #expect(Set([a, b, c, d]).count == 2)
    }
}
