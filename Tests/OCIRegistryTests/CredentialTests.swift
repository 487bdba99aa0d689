import Foundation
import OCIModel
import OCIRegistry
import Testing

struct DockerConfigTests {
    static let config = try! DockerConfig(bytes: Array("""
        {
          "auths": {
            "127.0.0.1:5000": {"auth": "\(Data("user:pa:ss".utf8).base64EncodedString())"},
            "https://index.docker.io/v1/": {"auth": "\(Data("hubuser:hubpass".utf8).base64EncodedString())"},
            "https://registry.example.com": {"username": "u2", "password": "p2"},
            "token.example.com": {"identitytoken": "refresh-me"},
            "empty.example.com": {}
          },
          "credsStore": "desktop",
          "credHelpers": {"gcr.io": "gcloud"}
        }
        """.utf8), source: "config.json")

    @Test(arguments: [
        ("127.0.0.1:5000", RegistryCredentials.Secret.password(username: "user", password: "pa:ss")),
        ("docker.io", .password(username: "hubuser", password: "hubpass")),
        ("registry-1.docker.io", .password(username: "hubuser", password: "hubpass")),
        ("registry.example.com", .password(username: "u2", password: "p2")),
        ("token.example.com", .identityToken("refresh-me")),
    ])
    func findsAuthEntries(registry: String, expected: RegistryCredentials.Secret) throws {
        let found = try #require(Self.config.credentials(for: registry, source: "config.json"))
        #expect(found.secret == expected)
        #expect(!found.description.contains("pass"))
    }

    @Test func entriesWithoutSecretsAndUnknownHostsGiveNothing() {
        #expect(Self.config.authEntry(for: "empty.example.com") != nil)
        #expect(Self.config.credentials(for: "empty.example.com", source: "config.json") == nil)
        #expect(Self.config.authEntry(for: "other.example.com") == nil)
    }

    @Test func helpersPerRegistryWinOverTheStore() {
        #expect(Self.config.helper(for: "gcr.io") == "gcloud")
        #expect(Self.config.helper(for: "127.0.0.1:5000") == "desktop")
        #expect(DockerConfig.serverURL(for: "docker.io") == "https://index.docker.io/v1/")
        #expect(DockerConfig.serverURL(for: "127.0.0.1:5000") == "127.0.0.1:5000")
    }

    @Test func configPathFollowsTheEnvironment() {
        #expect(DockerConfig.path(environment: ["DOCKER_CONFIG": "/d", "HOME": "/h"]) == "/d/config.json")
        #expect(DockerConfig.path(environment: ["HOME": "/h"]) == "/h/.docker/config.json")
        #expect(DockerConfig.path(environment: [:]) == nil)
    }

    @Test func refusesNonJSON() {
        #expect(throws: InputError.self) { try DockerConfig(bytes: Array("<html>".utf8), source: "config.json") }
    }
}

/// Credentials through ``CredentialResolver`` with an injected environment: a
/// Docker config in a temporary directory and a real credential helper script on `PATH`.
struct CredentialResolverTests {
    /// A `docker-credential-test` that knows `127.0.0.1:5000` (password) and
    /// `token.example` (identity token), and reports everything else as not found.
    static func helperDirectory() throws -> URL {
        let directory = try temporaryDirectory()
        let script = """
            #!/bin/sh
            [ "$1" = get ] || exit 2
            read -r url
            case "$url" in
              127.0.0.1:5000) printf '{"ServerURL":"%s","Username":"helper-user","Secret":"helper-pass"}' "$url" ;;
              token.example) printf '{"ServerURL":"%s","Username":"<token>","Secret":"helper-refresh"}' "$url" ;;
              *) echo "credentials not found in native keychain"; exit 1 ;;
            esac
            """
        let path = directory.appendingPathComponent("docker-credential-test")
        try script.write(to: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
        return directory
    }

    static func environment(config: String, extra: [String: String] = [:]) throws -> [String: String] {
        let configDirectory = try temporaryDirectory()
        try config.write(to: configDirectory.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        return ["DOCKER_CONFIG": configDirectory.path, "PATH": try helperDirectory().path + ":/usr/bin:/bin"].merging(extra) { $1 }
    }

    static let fileAuth = Data("file-user:file-pass".utf8).base64EncodedString()

    @Test func credHelperWinsOverTheFileEntry() async throws {
        let environment = try Self.environment(config: """
            {"auths": {"127.0.0.1:5000": {"auth": "\(Self.fileAuth)"}}, "credHelpers": {"127.0.0.1:5000": "test"}}
            """)
        let found = try #require(try await CredentialResolver(environment: environment).credentials(for: "127.0.0.1:5000"))
        #expect(found.secret == .password(username: "helper-user", password: "helper-pass"))
        #expect(found.source == "credential helper docker-credential-test")
    }

    @Test func tokenUsernameMeansIdentityToken() async throws {
        let environment = try Self.environment(config: #"{"credsStore": "test"}"#)
        let found = try await CredentialResolver(environment: environment).credentials(for: "token.example")
        #expect(found?.secret == .identityToken("helper-refresh"))
    }

    @Test func helperWithoutCredentialsFallsBackToTheFile() async throws {
        let environment = try Self.environment(config: """
            {"auths": {"other.example": {"auth": "\(Self.fileAuth)"}}, "credsStore": "test"}
            """)
        let found = try await CredentialResolver(environment: environment).credentials(for: "other.example")
        #expect(found?.secret == .password(username: "file-user", password: "file-pass"))
    }

    @Test func environmentVariablesWinOverEverythingForTheirRegistry() async throws {
        let environment = try Self.environment(
            config: #"{"credHelpers": {"127.0.0.1:5000": "test"}}"#,
            extra: ["HALLMARK_REGISTRY": "127.0.0.1:5000", "HALLMARK_REGISTRY_USERNAME": "env-user", "HALLMARK_REGISTRY_PASSWORD": "env-pass"])
        let found = try await CredentialResolver(environment: environment).credentials(for: "127.0.0.1:5000")
        #expect(found?.secret == .password(username: "env-user", password: "env-pass"))
    }

    static let environmentCredentials = ["HALLMARK_REGISTRY_USERNAME": "env-user", "HALLMARK_REGISTRY_PASSWORD": "env-pass"]

    /// The environment's credentials are for one registry: `HALLMARK_REGISTRY`, else
    /// the caller's only one, else none; other registries fall back to Docker's config.
    @Test func environmentVariablesApplyToOneRegistryOnly() async throws {
        let named = CredentialResolver(environment: Self.environmentCredentials.merging(["HALLMARK_REGISTRY": "ghcr.io"]) { $1 })
        #expect(try await named.credentials(for: "ghcr.io")?.source == "HALLMARK_REGISTRY_USERNAME/HALLMARK_REGISTRY_PASSWORD")
        #expect(try await named.credentials(for: "registry.example") == nil)
        let hub = CredentialResolver(environment: Self.environmentCredentials.merging(["HALLMARK_REGISTRY": "https://index.docker.io/v1/"]) { $1 })
        #expect(try await hub.credentials(for: "docker.io") != nil)
        #expect(try await CredentialResolver(environment: Self.environmentCredentials).credentials(for: "ghcr.io") == nil)
        let sole = CredentialResolver(environment: Self.environmentCredentials, soleRegistry: "ghcr.io")
        #expect(try await sole.credentials(for: "ghcr.io") != nil)
        #expect(try await sole.credentials(for: "registry.example") == nil)
        let fileAuth = try Self.environment(config: #"{"auths": {"other.example": {"auth": "\#(Self.fileAuth)"}}}"#)
        let fallback = CredentialResolver(environment: fileAuth.merging(Self.environmentCredentials) { $1 }, soleRegistry: "ghcr.io")
        #expect(try await fallback.credentials(for: "other.example")?.secret == .password(username: "file-user", password: "file-pass"))
    }

    @Test func missingHelperIsAnError() async throws {
        let environment = try Self.environment(config: #"{"credsStore": "absent"}"#)
        await #expect(throws: RegistryError.self) {
            try await CredentialResolver(environment: environment).credentials(for: "127.0.0.1:5000")
        }
    }

    @Test func noConfigMeansAnonymous() async throws {
        let found = try await CredentialResolver(environment: ["HOME": "/nonexistent"]).credentials(for: "127.0.0.1:5000")
        #expect(found == nil)
    }
}
