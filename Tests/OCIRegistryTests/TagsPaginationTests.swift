import Foundation
import OCIRegistry
import Testing
import TestSupport

/// Tag list pagination (`n`, `last`, `Link: <…>; rel="next"`) against a scripted
/// registry, since distribution 2.8 does not paginate tag lists.
struct TagsPaginationTests {
    static let tags = ["a", "b", "c", "d", "e"]

    /// Pages of `n` tags after `last`; the next link is relative or absolute.
    static func answer(_ request: ScriptedHTTPServer.Request, port: Int, absoluteLinks: Bool) -> CannedResponse {
        let query = URLComponents(string: request.uri)?.queryItems ?? []
        let n = query.first { $0.name == "n" }?.value.flatMap(Int.init) ?? tags.count
        let last = query.first { $0.name == "last" }?.value
        let rest = tags.drop { last != nil && $0 <= last! }
        let page = Array(rest.prefix(n))
        var headers: [(String, String)] = []
        if rest.count > n, let end = page.last {
            let target = "/v2/test/app/tags/list?last=\(end)&n=\(n)"
            headers.append(("Link", "<\(absoluteLinks ? "http://127.0.0.1:\(port)" : "")\(target)>; rel=\"next\""))
        }
        let list = page.map { "\"\($0)\"" }.joined(separator: ",")
        return .json(#"{"name":"test/app","tags":[\#(list)]}"#, headers: headers)
    }

    @Test(arguments: [false, true])
    func followsNextLinks(absoluteLinks: Bool) async throws {
        let server = try await ScriptedHTTPServer { Self.answer($0, port: $1, absoluteLinks: absoluteLinks) }
        do {
            try await withClient { (client) async throws in
                let repository = RegistryRepository(client: client, registry: server.address, repository: "test/app")
                #expect(try await repository.tags(pageSize: 2) == Self.tags)
                #expect(server.requests.map(\.uri) == [
                    "/v2/test/app/tags/list?n=2", "/v2/test/app/tags/list?last=b&n=2", "/v2/test/app/tags/list?last=d&n=2"])
                #expect(try await repository.tags() == Self.tags)
            }
            try await server.stop()
        } catch {
            try await server.stop()
            throw error
        }
    }
}
