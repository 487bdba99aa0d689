import Foundation
import NIOHTTP1
import OCIModel

extension RegistryRepository {
    /// The manifests whose `subject` is `digest`, with `artifactType` when given.
    ///
    /// Uses the OCI 1.1 referrers API (`GET /v2/<name>/referrers/<digest>`, following
    /// `Link` pagination, filtering on the client when the registry did not apply
    /// the filter). Only when the registry answers that it has no such API (404, as
    /// distribution 2.8 does with its plain-text "404 page not found", or 405) does
    /// it read the referrers tag schema instead: the index tagged `<alg>-<hex>`, where
    /// a missing tag means no referrers. Authentication, server and connection errors
    /// stay errors; they never become "no referrers".
    public func referrers(of digest: Digest, artifactType: String? = nil) async throws -> [Descriptor] {
        var next: URL? = url("referrers/\(digest)", query: artifactType.map { [URLQueryItem(name: "artifactType", value: $0)] } ?? [])
        var found: [Descriptor] = []
        var pages = 0
        while let page = next {
            pages += 1
            guard pages <= Self.maxPages else {
                throw RegistryError.invalidResponse(url: page.absoluteString, reason: "more than \(Self.maxPages) pages of referrers")
            }
            var headers = HTTPHeaders()
            headers.add(name: "Accept", value: MediaType.ociIndex)
            let request = request(.GET, page, headers: headers)
            let answer: ReferrersPage? = try await client.withRetries {
                let response = try await client.send(request)
                if response.status == 404 || response.status == 405 {
                    await client.discard(response)
                    return nil
                }
                guard response.status == 200 else { throw await client.failure(of: response, for: request) }
                let filtered = response.headers["OCI-Filters-Applied"]
                    .flatMap { $0.split(separator: ",") }
                    .contains { $0.trimmingCharacters(in: .whitespaces) == "artifactType" }
                let link = LinkHeader.next(in: response.headers["Link"], relativeTo: response.url)
                let index = try await client.decodeJSON(ImageIndex.self, from: response, method: "GET")
                return ReferrersPage(manifests: index.manifests, filtered: filtered, next: link)
            }
            guard let answer else {
                // No referrers API: the first page says so; later pages cannot.
                guard pages == 1 else { throw RegistryError.invalidResponse(url: page.absoluteString, reason: "a referrers page is gone") }
                return try await fallbackReferrers(of: digest, artifactType: artifactType)
            }
            found += answer.filtered ? answer.manifests : answer.manifests.filter { Self.matches($0, artifactType) }
            next = answer.next
        }
        return found
    }

    /// The referrers listed in the tag-schema index of `digest`; none when the tag does not exist.
    func fallbackReferrers(of digest: Digest, artifactType: String?) async throws -> [Descriptor] {
        (try await fallbackIndex(of: digest)?.manifests ?? []).filter { Self.matches($0, artifactType) }
    }

    /// The referrers tag-schema index of `digest` (tag `<alg>-<hex>`), or `nil` when the tag does not exist.
    func fallbackIndex(of digest: Digest) async throws -> ImageIndex? {
        let tag = ReferrersTag.fallback(for: digest)
        let document: ManifestDocument
        do { document = try await manifest(tag) } catch is ContentNotFound { return nil }
        guard case .index(let index) = document.content else {
            throw RegistryError.invalidResponse(url: url("manifests/\(tag)").absoluteString, reason: "the referrers fallback tag \(tag) is not an index")
        }
        return index
    }

    private static func matches(_ descriptor: Descriptor, _ artifactType: String?) -> Bool {
        artifactType.map { descriptor.artifactType == $0 } ?? true
    }

    private struct ReferrersPage: Sendable {
        var manifests: [Descriptor]
        var filtered: Bool
        var next: URL?
    }
}
