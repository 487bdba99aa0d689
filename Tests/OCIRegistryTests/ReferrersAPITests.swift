import Foundation
import OCIModel
import OCIRegistry
import Testing
import TestSupport

/// The OCI 1.1 referrers API against a scripted registry (distribution 2.8 has none):
/// pagination, server- and client-side filtering, and errors that stay errors.
struct ReferrersAPITests {
    static let subject = Digest.compute(Array("subject".utf8))
    static let sbom = Descriptor(mediaType: MediaType.ociManifest, digest: Digest.compute(Array("sbom".utf8)), size: 10, artifactType: MediaType.spdxJSON)
    static let provenance = Descriptor(
        mediaType: MediaType.ociManifest, digest: Digest.compute(Array("prov".utf8)), size: 11, artifactType: "application/vnd.in-toto+json")
    static let signature = Descriptor(
        mediaType: MediaType.ociManifest, digest: Digest.compute(Array("sig".utf8)), size: 12, artifactType: MediaType.sigstoreBundleV03)

    static func index(_ descriptors: [Descriptor]) -> String {
        String(decoding: try! CanonicalJSON.encode(ImageIndex(manifests: descriptors)), as: UTF8.self)
    }

    /// Two pages (sbom + provenance, then signature); `filterApplied` adds `OCI-Filters-Applied`
    /// but still returns everything, to show the client trusts the header.
    static func pagedServer(filterApplied: Bool) async throws -> ScriptedHTTPServer {
        try await ScriptedHTTPServer { request, _ in
            let filterHeader = filterApplied ? [("OCI-Filters-Applied", "artifactType")] : []
            let type = ("Content-Type", MediaType.ociIndex)
            if request.uri.contains("page=2") { return CannedResponse(status: 200, headers: [type] + filterHeader, body: Array(index([signature]).utf8)) }
            let next = ("Link", #"</v2/test/app/referrers/\#(subject)?page=2>; rel="next""#)
            return CannedResponse(status: 200, headers: [type, next] + filterHeader, body: Array(index([sbom, provenance]).utf8))
        }
    }

    func withRepository(_ server: ScriptedHTTPServer, retry: RetryPolicy = RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(10)),
                        _ body: (RegistryRepository) async throws -> Void) async throws {
        do {
            try await withClient(makeClient(retry: retry)) { (client) async throws in
                try await body(RegistryRepository(client: client, registry: server.address, repository: "test/app"))
            }
            try await server.stop()
        } catch {
            try await server.stop()
            throw error
        }
    }

    @Test func followsPagesAndFiltersOnTheClient() async throws {
        let server = try await Self.pagedServer(filterApplied: false)
        try await withRepository(server) { repository in
            #expect(try await repository.referrers(of: Self.subject) == [Self.sbom, Self.provenance, Self.signature])
            #expect(try await repository.referrers(of: Self.subject, artifactType: MediaType.spdxJSON) == [Self.sbom])
            let filtered = try #require(server.requests.last { $0.uri.contains("artifactType") && !$0.uri.contains("page=2") })
            #expect(filtered.path == "/v2/test/app/referrers/\(Self.subject)")
            #expect(filtered.header("Accept") == MediaType.ociIndex)
            #expect(server.count(pathContains: "/manifests/") == 0)
        }
    }

    @Test func trustsAFilterTheServerApplied() async throws {
        let server = try await Self.pagedServer(filterApplied: true)
        try await withRepository(server) { repository in
            let found = try await repository.referrers(of: Self.subject, artifactType: MediaType.spdxJSON)
            #expect(found.count == 3)
        }
    }

    @Test(arguments: [401, 403])
    func authErrorsStayErrors(status: Int) async throws {
        let server = try await ScriptedHTTPServer { _, _ in
            .json(#"{"errors":[{"code":"DENIED","message":"no"}]}"#, status: status, headers: [("WWW-Authenticate", #"Basic realm="r""#)])
        }
        try await withRepository(server) { repository in
            let error = await #expect(throws: RegistryError.self) { try await repository.referrers(of: Self.subject) }
            guard case .authentication(let failure) = error else { Issue.record("expected an auth error, got \(String(describing: error))"); return }
            #expect(failure.status == status)
            #expect(failure.errors.map(\.code) == ["DENIED"])
            #expect(server.count(pathContains: "/manifests/") == 0)
        }
    }

    @Test func serverErrorsStayErrorsAfterRetries() async throws {
        let server = try await ScriptedHTTPServer { _, _ in .json(#"{"errors":[{"code":"UNKNOWN","message":"boom"}]}"#, status: 500) }
        try await withRepository(server, retry: RetryPolicy(maxRetries: 2, baseDelay: .milliseconds(5))) { repository in
            let error = await #expect(throws: RegistryError.self) { try await repository.referrers(of: Self.subject) }
            guard case .status(let failure) = error else { Issue.record("expected a status error, got \(String(describing: error))"); return }
            #expect(failure.status == 500)
            #expect(String(describing: error).contains("UNKNOWN boom"))
            #expect(server.count(pathContains: "/referrers/") == 3)
            #expect(server.count(pathContains: "/manifests/") == 0)
        }
    }

    @Test func htmlInsteadOfAnIndexIsAClearError() async throws {
        let server = try await ScriptedHTTPServer { _, _ in .html() }
        try await withRepository(server) { repository in
            let error = await #expect(throws: RegistryError.self) { try await repository.referrers(of: Self.subject) }
            let message = String(describing: error)
            #expect(message.contains("expected JSON, got text/html"))
            #expect(message.contains("http://\(server.address)/v2/test/app/referrers/\(Self.subject)"))
        }
    }

    @Test func connectionErrorsStayErrors() async throws {
        let server = try await ScriptedHTTPServer { _, _ in .html() }
        let address = server.address
        try await server.stop()
        try await withClient(makeClient(retry: RetryPolicy(maxRetries: 1, baseDelay: .milliseconds(5)))) { (client) async throws in
            let repository = RegistryRepository(client: client, registry: address, repository: "test/app")
            let error = await #expect(throws: RegistryError.self) { try await repository.referrers(of: Self.subject) }
            guard case .transport = error else { Issue.record("expected a transport error, got \(String(describing: error))"); return }
        }
    }
}
