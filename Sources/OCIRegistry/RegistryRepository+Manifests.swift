import Foundation
import NIOHTTP1
import OCIModel

extension RegistryRepository {
    /// The manifest or index at `reference` (a tag or a digest string), asking for
    /// every manifest media type plus `extraAccept`. The bytes are checked against the
    /// digest when `reference` is one, else against `Docker-Content-Digest` when the
    /// registry sends it. Throws ``ContentNotFound`` on 404.
    public func manifest(_ reference: String, accepting extraAccept: [String] = []) async throws -> ManifestDocument {
        let request = manifestRequest(.GET, reference, accepting: extraAccept)
        return try await client.withRetries {
            let response = try await client.send(request)
            try await requireFound(response, reference)
            guard response.status == 200 else { throw await client.failure(of: response, for: request) }
            let url = response.url.absoluteString
            let bytes = try await client.readJSON(response, limit: JSONInput.maxDocumentSize, method: "GET")
            let expected = try expectedDigest(reference, response: response)
            if let expected {
                let actual = Digest.compute(bytes, algorithm: expected.algorithm)
                guard actual == expected else { throw RegistryError.digestMismatch(url: url, expected: expected, actual: actual) }
            }
            do {
                return try ManifestDocument(bytes: bytes, mediaType: response.header("Content-Type"), expected: expected, source: url)
            } catch let error as InputError {
                throw RegistryError.invalidResponse(error)
            }
        }
    }

    /// The descriptor of the manifest at `reference` from a HEAD request, or `nil`
    /// when there is none. The digest comes from `Docker-Content-Digest` (or the
    /// reference itself); when a registry answers a HEAD by tag without it, the
    /// manifest is fetched instead.
    public func headManifest(_ reference: String, accepting extraAccept: [String] = []) async throws -> Descriptor? {
        let request = manifestRequest(.HEAD, reference, accepting: extraAccept)
        let head: Descriptor?? = try await client.withRetries {
            let response = try await client.send(request)
            await client.discard(response)
            if response.status == 404 { return .some(nil) }
            guard response.status == 200 else { throw await client.failure(of: response, for: request) }
            guard let digest = try expectedDigest(reference, response: response),
                  let mediaType = response.header("Content-Type"),
                  let size = response.header("Content-Length").flatMap(Int64.init)
            else { return nil }
            return Descriptor(mediaType: mediaType, digest: digest, size: size)
        }
        if let head { return head }
        do { return try await manifest(reference, accepting: extraAccept).descriptor } catch is ContentNotFound { return nil }
    }

    /// Stores `document` under `reference` (a tag; by default its digest) with its
    /// media type as `Content-Type`, and returns its digest.
    ///
    /// When the document has a `subject` and the registry does not confirm it indexed
    /// it (no `OCI-Subject` header, as with registries without the referrers API),
    /// the referrers tag-schema index of the subject is updated too (idempotent).
    @discardableResult
    public func putManifest(_ document: ManifestDocument, reference: String? = nil) async throws -> Digest {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: document.mediaType)
        let target = reference ?? document.digest.description
        let request = request(.PUT, url("manifests/\(target)"), headers: headers, body: .bytes(document.bytes), push: true)
        let indexedBySubject: Bool = try await client.withRetries {
            let response = try await client.send(request)
            guard response.status == 201 || response.status == 200 else { throw await client.failure(of: response, for: request) }
            await client.discard(response)
            if let returned = response.header("Docker-Content-Digest"), returned != document.digest.description {
                throw RegistryError.invalidResponse(
                    url: response.url.absoluteString, reason: "stored the manifest as \(returned), expected \(document.digest)")
            }
            return response.header("OCI-Subject") != nil
        }
        if let subject = document.subject, !indexedBySubject {
            try await addToReferrersFallback(document, subject: subject.digest)
        }
        return document.digest
    }

    /// Adds `document` to the referrers tag-schema index of `subject` (tag
    /// `<alg>-<hex>`), creating it if needed; nothing happens when it is listed already.
    func addToReferrersFallback(_ document: ManifestDocument, subject: Digest) async throws {
        var index = try await fallbackIndex(of: subject) ?? ImageIndex(manifests: [])
        guard !index.manifests.contains(where: { $0.digest == document.digest }) else { return }
        var entry = document.descriptor
        entry.artifactType = document.referrerArtifactType
        entry.annotations = document.annotations
        index.manifests.append(entry)
        try await putManifest(try ManifestDocument(index: index), reference: ReferrersTag.fallback(for: subject))
    }

    private func manifestRequest(_ method: HTTPMethod, _ reference: String, accepting extraAccept: [String]) -> RegistryRequest {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: (MediaType.manifestTypes + extraAccept).joined(separator: ", "))
        return request(method, url("manifests/\(reference)"), headers: headers)
    }

    /// The digest `reference` names, else the one the registry declares; `nil` when neither says.
    private func expectedDigest(_ reference: String, response: HTTPResponse) throws -> Digest? {
        if reference.contains(":") { return try Digest(reference) }
        guard let declared = response.header("Docker-Content-Digest") else { return nil }
        do { return try Digest(declared) } catch {
            throw RegistryError.invalidResponse(url: response.url.absoluteString, reason: "Docker-Content-Digest: \(error.description)")
        }
    }

    /// Throws ``ContentNotFound`` for a 404 (after reading its body).
    func requireFound(_ response: HTTPResponse, _ what: String) async throws {
        guard response.status == 404 else { return }
        await client.discard(response)
        throw ContentNotFound(what, in: displayName)
    }
}
