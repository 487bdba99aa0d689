import Foundation
import Testing
import TestSupport

/// `HALLMARK_REGISTRY_USERNAME`/`_PASSWORD` belong to one registry: the one
/// `HALLMARK_REGISTRY` names, or the command's only registry. Fake registries on
/// 127.0.0.1 and 127.0.0.2 ask every request for Basic credentials and record them.
struct EnvironmentCredentialsTests {
    static let credentials = ["HALLMARK_REGISTRY_USERNAME": "ci-bot", "HALLMARK_REGISTRY_PASSWORD": "s3cret-env-pass"]

    static func registry(host: String) async throws -> ScriptedHTTPServer {
        try await ScriptedHTTPServer(host: host) { _, _ in
            .json(#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#, status: 401,
                  headers: [("WWW-Authenticate", #"Basic realm="registry""#)])
        }
    }

    static func authorized(_ server: ScriptedHTTPServer) -> [String] {
        server.requests.filter { $0.header("Authorization") != nil }.map { "\($0.method) \($0.uri)" }
    }

    @Test func aRegistryOtherThanHallmarkRegistryGetsNoCredentials() async throws {
        let own = try await Self.registry(host: "127.0.0.1")
        let other = try await Self.registry(host: "127.0.0.2")
        let environment = Self.credentials.merging(["HALLMARK_REGISTRY": own.address]) { $1 }
        let result = try await CLI.hallmark(["inspect", "\(other.address)/test/app:v1"], environment: environment)
        try await own.stop()
        try await other.stop()
        #expect(result.status == 3, "\(result.stderr)")
        #expect(!other.requests.isEmpty)
        #expect(Self.authorized(other).isEmpty, "credentials for \(own.address) went to \(other.address)")
        #expect(!result.stderr.contains("s3cret-env-pass"))
    }

    @Test func twoRegistriesWithoutHallmarkRegistryAreRefused() async throws {
        let source = try await Self.registry(host: "127.0.0.1")
        let destination = try await Self.registry(host: "127.0.0.2")
        let result = try await CLI.hallmark(["copy", "\(source.address)/test/app:v1", "\(destination.address)/test/app:v1"],
                                      environment: Self.credentials.merging(["HALLMARK_REGISTRY": ""]) { $1 })
        try await source.stop()
        try await destination.stop()
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("HALLMARK_REGISTRY"), "\(result.stderr)")
        #expect(Self.authorized(source).isEmpty && Self.authorized(destination).isEmpty)
    }
}
