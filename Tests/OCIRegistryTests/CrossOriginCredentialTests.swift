import Foundation
import OCIModel
import OCIRegistry
import Testing
import TestSupport

/// Credentials go only to the origin they belong to. Fake registries on 127.0.0.1 and
/// other origins (blob storage or a CDN on 127.0.0.2, a token realm on 127.0.0.3)
/// record every request; none to another origin may carry the registry's secret.
struct CrossOriginCredentialTests {
    static let username = "alice"
    static let password = "s3cret-pa55"
    static let basic = "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()

    /// The environment credentials, for the registry at `registry`.
    static func environment(for registry: String) -> [String: String] {
        ["HALLMARK_REGISTRY": registry, "HALLMARK_REGISTRY_USERNAME": username, "HALLMARK_REGISTRY_PASSWORD": password]
    }

    /// A registry that asks for Basic credentials and answers authenticated requests with `script`.
    static func basicRegistry(host: String = "127.0.0.1", _ script: @escaping ScriptedHTTPServer.Script) async throws -> ScriptedHTTPServer {
        try await ScriptedHTTPServer(host: host) { request, port in
            guard request.header("Authorization") == basic else {
                return .json(#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#, status: 401,
                             headers: [("WWW-Authenticate", #"Basic realm="registry""#)])
            }
            return script(request, port)
        }
    }

    /// A server on another origin that records what it gets and answers with `answer`.
    static func otherOrigin(_ host: String, _ answer: @escaping ScriptedHTTPServer.Script = { _, _ in CannedResponse(status: 404) }) async throws -> ScriptedHTTPServer {
        try await ScriptedHTTPServer(host: host, answer)
    }

    /// Runs `body` with a client using `environment`, then stops `servers`.
    static func run(_ servers: [ScriptedHTTPServer], environment: [String: String], _ body: (RegistryClient) async throws -> Void) async throws {
        do {
            try await withClient(makeClient(environment: environment, retry: .none), body)
        } catch {
            for server in servers { try await server.stop() }
            throw error
        }
        for server in servers { try await server.stop() }
    }

    /// Expects that `server` was asked at least once and never saw a credential.
    static func expectNoSecrets(_ server: ScriptedHTTPServer, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!server.requests.isEmpty, "the other origin was never asked", sourceLocation: sourceLocation)
        expectNothingSecret(server, sourceLocation: sourceLocation)
    }

    /// Expects that nothing `server` received carries an `Authorization` header or a secret in its body.
    static func expectNothingSecret(_ server: ScriptedHTTPServer, sourceLocation: SourceLocation = #_sourceLocation) {
        for request in server.requests {
            #expect(request.header("Authorization") == nil, "\(request.method) \(request.uri) on \(server.address) carried Authorization",
                    sourceLocation: sourceLocation)
            let body = String(decoding: request.body, as: UTF8.self)
            #expect(!body.contains(password) && !body.contains("refresh-"), "\(request.method) \(request.uri) carried a secret",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func uploadLocationOnAnotherOriginGetsNoCredentials() async throws {
        let storage = try await Self.otherOrigin("127.0.0.2") { request, _ in
            CannedResponse(status: request.method == "PUT" ? 201 : 400)
        }
        let registry = try await Self.basicRegistry { request, _ in
            guard request.method == "POST", request.path.hasSuffix("/blobs/uploads/") else { return CannedResponse(status: 404) }
            return CannedResponse(status: 202, headers: [("Location", "http://\(storage.address)/upload/session-1?state=x")])
        }
        try await Self.run([registry, storage], environment: Self.environment(for: registry.address)) { (client) async throws in
            let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
            let blob = Fixtures.bytes(1000, seed: 7)
            #expect(try await repository.pushBlob(Fixtures.descriptor(of: blob), content: ByteChunks(bytes: blob)) == .uploaded)
        }
        #expect(registry.requests.last?.header("Authorization") == Self.basic)
        Self.expectNoSecrets(storage)
        #expect(storage.requests.map(\.method) == ["PUT"])
    }

    @Test func tagsLinkToAnotherOriginGetsNoCredentials() async throws {
        let mirror = try await Self.otherOrigin("127.0.0.2") { _, _ in .json(#"{"name":"test/app","tags":["c"]}"#) }
        let registry = try await Self.basicRegistry { _, _ in
            .json(#"{"name":"test/app","tags":["a","b"]}"#, headers: [("Link", "<http://\(mirror.address)/v2/test/app/tags/list?last=b>; rel=\"next\"")])
        }
        try await Self.run([registry, mirror], environment: Self.environment(for: registry.address)) { (client) async throws in
            let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
            #expect(try await repository.tags() == ["a", "b", "c"])
        }
        Self.expectNoSecrets(mirror)
    }

    /// A referrers index listing one artifact named after `name`.
    static func referrersPage(_ name: String) -> String {
        let digest = Digest.compute(Array(name.utf8))
        return #"{"schemaVersion":2,"mediaType":"\#(MediaType.ociIndex)","manifests":[{"mediaType":"\#(MediaType.ociManifest)","digest":"\#(digest)","size":10,"artifactType":"application/example"}]}"#
    }

    @Test func referrersLinkToAnotherOriginGetsNoCredentials() async throws {
        let subject = Digest.compute(Array("subject".utf8))
        let mirror = try await Self.otherOrigin("127.0.0.2") { _, _ in .json(Self.referrersPage("second")) }
        let registry = try await Self.basicRegistry { _, _ in
            .json(Self.referrersPage("first"), headers: [("Link", "<http://\(mirror.address)/v2/test/app/referrers/\(subject)?page=2>; rel=\"next\"")])
        }
        try await Self.run([registry, mirror], environment: Self.environment(for: registry.address)) { (client) async throws in
            let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
            #expect(try await repository.referrers(of: subject).count == 2)
        }
        Self.expectNoSecrets(mirror)
    }

    @Test func blobRedirectToAnotherOriginGetsNoCredentials() async throws {
        let blob = Fixtures.bytes(5000, seed: 3)
        let storage = try await Self.otherOrigin("127.0.0.2") { _, _ in CannedResponse(status: 200, body: blob) }
        let registry = try await Self.basicRegistry { request, _ in
            CannedResponse(status: 307, headers: [("Location", "http://\(storage.address)/storage/blob?signature=abc")])
        }
        try await Self.run([registry, storage], environment: Self.environment(for: registry.address)) { (client) async throws in
            let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
            #expect(try await collect(repository.blob(Fixtures.descriptor(of: blob))) == blob)
        }
        Self.expectNoSecrets(storage)
    }

    /// containerd's CVE-2020-15157: a redirect target's challenge must not send the
    /// registry's credentials to the realm it names, nor replace the registry's own challenge.
    @Test func challengeFromARedirectTargetIsNotAnswered() async throws {
        let realm = try await Self.otherOrigin("127.0.0.3") { _, _ in .json(#"{"token":"stolen"}"#) }
        let storage = try await Self.otherOrigin("127.0.0.2") { _, _ in
            .json(#"{"errors":[{"code":"UNAUTHORIZED","message":"who are you"}]}"#, status: 401,
                  headers: [("WWW-Authenticate", #"Bearer realm="http://\#(realm.address)/token",service="storage""#)])
        }
        let registry = try await Self.basicRegistry { request, _ in
            if request.path.hasSuffix("/tags/list") { return .json(#"{"name":"test/app","tags":["v1"]}"#) }
            return CannedResponse(status: 307, headers: [("Location", "http://\(storage.address)/storage/blob")])
        }
        try await Self.run([registry, storage, realm], environment: Self.environment(for: registry.address)) { (client) async throws in
            let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
            let blob = Fixtures.bytes(100, seed: 4)
            await #expect(throws: RegistryError.self) { try await repository.blob(Fixtures.descriptor(of: blob)) }
            // The registry's own Basic challenge still holds.
            #expect(try await repository.tags() == ["v1"])
        }
        #expect(realm.requests.isEmpty, "the realm named by the storage's challenge was asked: \(realm.requests.map(\.uri))")
        Self.expectNoSecrets(storage)
        #expect(registry.requests.last?.header("Authorization") == Self.basic)
    }

    @Test func plainHTTPRealmIsRefusedForAnHTTPSRegistry() async throws {
        let realm = try await Self.otherOrigin("127.0.0.3") { _, _ in .json(#"{"token":"tok"}"#) }
        let registry = try await ScriptedHTTPServer { _, _ in
            .json(#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#, status: 401,
                  headers: [("WWW-Authenticate", #"Bearer realm="http://\#(realm.address)/token",service="registry.example""#)])
        }
        // registry.example is served over HTTPS; the route stands in for its DNS name and TLS terminator.
        let transport = RoutingTransport(name: "registry.example", to: registry.address)
        let client = RegistryClient(
            options: RegistryClientOptions(retry: .none), credentials: CredentialResolver(environment: Self.environment(for: "registry.example")),
            transport: transport)
        do {
            try await withClient(client) { (client) async throws in
                let repository = RegistryRepository(client: client, registry: "registry.example", repository: "test/app")
                #expect(repository.endpoint.scheme == "https")
                let error = await #expect(throws: RegistryError.self) { try await repository.tags() }
                #expect(error.map(String.init(describing:))?.contains("plain-http token endpoint") == true, "\(String(describing: error))")
            }
        } catch {
            try await realm.stop()
            try await registry.stop()
            throw error
        }
        try await realm.stop()
        try await registry.stop()
        #expect(realm.requests.isEmpty, "the plain-HTTP realm was asked: \(realm.requests.map(\.uri))")
        #expect(!registry.requests.isEmpty)
    }

    @Test func unixSocketRealmIsRefused() async throws {
        let path = "/tmp/hallmark-realm-\(UUID().uuidString.prefix(8)).sock"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let realm = try await ScriptedHTTPServer(unixSocket: path) { _, _ in .json(#"{"token":"tok"}"#) }
        let socket = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? path
        let registry = try await ScriptedHTTPServer { _, _ in
            .json(#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#, status: 401,
                  headers: [("WWW-Authenticate", #"Bearer realm="http+unix://\#(socket)/token",service="registry""#)])
        }
        try await Self.run([registry, realm], environment: Self.environment(for: registry.address)) { (client) async throws in
            let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
            await #expect(throws: RegistryError.self) { try await repository.tags() }
        }
        #expect(realm.requests.isEmpty, "the unix-socket realm was asked: \(realm.requests.map(\.uri))")
    }

    @Test func refreshTokenIsNotResentToAnotherOriginOnA307() async throws {
        let thief = try await Self.otherOrigin("127.0.0.2") { _, _ in .json(#"{"token":"tok-1"}"#) }
        let realm = try await Self.otherOrigin("127.0.0.3") { _, _ in
            CannedResponse(status: 307, headers: [("Location", "http://\(thief.address)/token")])
        }
        let registry = try await ScriptedHTTPServer { request, _ in
            if request.header("Authorization") == "Bearer tok-1" { return .json(#"{"name":"test/app","tags":["v1"]}"#) }
            return .json(#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#, status: 401,
                         headers: [("WWW-Authenticate", #"Bearer realm="http://\#(realm.address)/token",service="registry""#)])
        }
        let directory = try temporaryDirectory()
        try #"{"auths":{"\#(registry.address)":{"identitytoken":"refresh-123"}}}"#.write(
            to: directory.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        try await Self.run([registry, realm, thief], environment: ["DOCKER_CONFIG": directory.path]) { (client) async throws in
            let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
            await #expect(throws: RegistryError.self) { try await repository.tags() }
        }
        #expect(realm.requests.first?.method == "POST")
        #expect(thief.requests.isEmpty, "the refresh token went to \(thief.address): \(thief.requests.map(\.method))")
        Self.expectNothingSecret(thief)
    }

    @Test func environmentCredentialsGoOnlyToTheirRegistry() async throws {
        let other = try await Self.basicRegistry(host: "127.0.0.2") { _, _ in .json(#"{"name":"test/app","tags":["x"]}"#) }
        let registry = try await Self.basicRegistry { _, _ in .json(#"{"name":"test/app","tags":["v1"]}"#) }
        try await Self.run([registry, other], environment: Self.environment(for: registry.address)) { (client) async throws in
            #expect(try await RegistryRepository(client: client, registry: registry.address, repository: "test/app").tags() == ["v1"])
            await #expect(throws: RegistryError.self) {
                try await RegistryRepository(client: client, registry: other.address, repository: "test/app").tags()
            }
        }
        Self.expectNoSecrets(other)
    }
}
