import Foundation
import OCIModel
import OCIRegistry
import Testing
import TestSupport

/// Referrers against distribution 2.8, which has no referrers API: pushing a
/// manifest with a `subject` maintains the tag-schema index, listing reads it.
struct ReferrersFallbackTests {
    @Test func pushingReferrersMaintainsTheFallbackIndex() async throws {
        try await withRegistry { (registry) async throws in
            let proxy = try await FaultInjectingProxy(upstreamPort: registry.port, plan: [])
            try await withClient { (client) async throws in
                let repository = RegistryRepository(client: client, registry: proxy.address, repository: "test/app")
                let image = try Fixtures.Image()
                try await image.push(to: repository, tag: "v1")
                let subject = image.manifest.descriptor
                #expect(try await repository.referrers(of: subject.digest).isEmpty)
                // The API was asked first; its plain-text 404 led to the tag schema.
                #expect(proxy.count(method: "GET", pathContains: "/referrers/\(subject.digest)") == 1)
                #expect(proxy.count(method: "GET", pathContains: "/manifests/\(ReferrersTag.fallback(for: subject.digest))") == 1)

                let (sbom, sbomBlobs) = try Fixtures.artifact(subject: subject, artifactType: MediaType.spdxJSON, payload: #"{"spdxVersion":"SPDX-2.3"}"#)
                let (provenance, provenanceBlobs) = try Fixtures.artifact(
                    subject: subject, artifactType: "application/vnd.in-toto+json", payload: #"{"_type":"https://in-toto.io/Statement/v1"}"#)
                for (descriptor, bytes) in sbomBlobs + provenanceBlobs {
                    try await repository.pushBlob(descriptor, content: ByteChunks(bytes: bytes))
                }
                try await repository.putManifest(sbom, reference: nil)
                try await repository.putManifest(provenance, reference: nil)

                let fallback = try await repository.manifest(ReferrersTag.fallback(for: subject.digest))
                guard case .index(let index) = fallback.content else { Issue.record("the fallback tag is not an index"); return }
                #expect(index.manifests.map(\.digest) == [sbom.digest, provenance.digest])
                #expect(index.manifests[0].artifactType == MediaType.spdxJSON)
                #expect(index.manifests[0].annotations == [AnnotationKey.created: "2023-11-14T22:13:20Z"])
                #expect(index.manifests[0].size == Int64(sbom.bytes.count))

                #expect(try await repository.referrers(of: subject.digest).map(\.digest) == [sbom.digest, provenance.digest])
                #expect(try await repository.referrers(of: subject.digest, artifactType: MediaType.spdxJSON).map(\.digest) == [sbom.digest])
                #expect(try await repository.referrers(of: subject.digest, artifactType: "application/none").isEmpty)

                // Pushing again changes nothing.
                try await repository.putManifest(sbom, reference: nil)
                #expect(try await repository.manifest(ReferrersTag.fallback(for: subject.digest)).digest == fallback.digest)
                #expect(try await repository.referrers(of: subject.digest).count == 2)
            }
            try await proxy.stop()
        }
    }
}

/// HTTP Basic authentication against the real registry (htpasswd, bcrypt).
struct BasicAuthTests {
    static let user = RegistryProcess.User(username: "tester", password: "s3cret")
    static let rightCredentials = ["HALLMARK_REGISTRY_USERNAME": "tester", "HALLMARK_REGISTRY_PASSWORD": "s3cret"]

    @Test func rightCredentialsWork() async throws {
        try await withRegistry(basicAuth: Self.user) { (registry) async throws in
            try await withClient(makeClient(environment: Self.rightCredentials, registry: registry.address)) { (client) async throws in
                try await client.ping(registry.address)
                let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
                let image = try Fixtures.Image()
                try await image.push(to: repository, tag: "v1")
                #expect(try await repository.manifest("v1").digest == image.manifest.digest)
                #expect(try await repository.referrers(of: image.manifest.digest).isEmpty)
            }
        }
    }

    @Test func credentialsFromDockerConfigWork() async throws {
        try await withRegistry(basicAuth: Self.user) { (registry) async throws in
            let directory = try temporaryDirectory()
            let auth = Data("tester:s3cret".utf8).base64EncodedString()
            try #"{"auths":{"\#(registry.address)":{"auth":"\#(auth)"}}}"#.write(
                to: directory.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
            try await withClient(makeClient(environment: ["DOCKER_CONFIG": directory.path])) { (client) async throws in
                try await client.ping(registry.address)
            }
        }
    }

    @Test func noCredentialsIsAClearAuthError() async throws {
        try await withRegistry(basicAuth: Self.user) { (registry) async throws in
            try await withClient { (client) async throws in
                let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
                let error = await #expect(throws: RegistryError.self) { try await repository.tags() }
                guard case .authentication(let failure) = error else { Issue.record("expected an auth error, got \(String(describing: error))"); return }
                #expect(failure.status == 401)
                #expect(failure.attempted == .anonymous)
                #expect(failure.description.contains("log in with docker login \(registry.address) or set HALLMARK_REGISTRY_USERNAME/PASSWORD"))
            }
        }
    }

    @Test func wrongCredentialsMakeReferrersFailInsteadOfComingBackEmpty() async throws {
        try await withRegistry(basicAuth: Self.user) { (registry) async throws in
            let environment = ["HALLMARK_REGISTRY_USERNAME": "tester", "HALLMARK_REGISTRY_PASSWORD": "wr0ng-pa55"]
            try await withClient(makeClient(environment: environment, registry: registry.address)) { (client) async throws in
                let repository = RegistryRepository(client: client, registry: registry.address, repository: "test/app")
                let digest = Digest.compute(Array("anything".utf8))
                let error = await #expect(throws: RegistryError.self) { try await repository.referrers(of: digest) }
                guard case .authentication(let failure) = error else { Issue.record("expected an auth error, got \(String(describing: error))"); return }
                #expect(failure.attempted == .basic(source: "\(CredentialResolver.usernameVariable)/\(CredentialResolver.passwordVariable)"))
                #expect(!failure.description.contains("wr0ng-pa55"))
            }
        }
    }
}
