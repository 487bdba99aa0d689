import Foundation
import OCIModel
import OCIRegistry
import Testing
import TestSupport

/// JSON documents are read into memory only up to ``JSONInput/maxDocumentSize``.
struct DocumentLimitTests {
    @Test func oversizedManifestIsRefused() async throws {
        let padding = String(repeating: " ", count: JSONInput.maxDocumentSize)
        let server = try await ScriptedHTTPServer { _, _ in
            CannedResponse(status: 200, headers: [("Content-Type", MediaType.ociManifest)], body: Array("{\(padding)}".utf8))
        }
        do {
            try await withClient { (client) async throws in
                let repository = RegistryRepository(client: client, registry: server.address, repository: "test/app")
                let error = await #expect(throws: RegistryError.self) { try await repository.manifest("v1") }
                guard case .tooLarge(let url, let limit) = error else { Issue.record("expected tooLarge, got \(String(describing: error))"); return }
                #expect(url == "http://\(server.address)/v2/test/app/manifests/v1")
                #expect(limit == JSONInput.maxDocumentSize)
            }
            try await server.stop()
        } catch {
            try await server.stop()
            throw error
        }
    }
}
