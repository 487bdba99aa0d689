import Foundation
import OCIModel

extension RegistryRepository {
    /// The most pages of a tag or referrers listing followed, against a registry that links in circles.
    public static let maxPages = 10_000

    /// Every tag of the repository, following `Link: <…>; rel="next"` pagination;
    /// `pageSize` asks for pages of at most that many tags (`n`). Throws
    /// ``ContentNotFound`` when the repository does not exist.
    public func tags(pageSize: Int? = nil) async throws -> [String] {
        var next: URL? = url("tags/list", query: pageSize.map { [URLQueryItem(name: "n", value: String($0))] } ?? [])
        var tags: [String] = []
        var pages = 0
        while let page = next {
            pages += 1
            guard pages <= Self.maxPages else {
                throw RegistryError.invalidResponse(url: page.absoluteString, reason: "more than \(Self.maxPages) pages of tags")
            }
            let request = request(.GET, page)
            let (list, link): (TagList, URL?) = try await client.withRetries {
                let response = try await client.send(request)
                try await requireFound(response, "repository \(repository)")
                guard response.status == 200 else { throw await client.failure(of: response, for: request) }
                let link = LinkHeader.next(in: response.headers["Link"], relativeTo: response.url)
                return (try await client.decodeJSON(TagList.self, from: response, method: "GET"), link)
            }
            tags += list.tags ?? []
            next = link
        }
        return tags
    }

    private struct TagList: Decodable {
        var tags: [String]?
    }
}
