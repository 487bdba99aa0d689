import Foundation
import OCIModel
import OCIRegistry
import Testing

struct LinkHeaderTests {
    static let base = URL(string: "http://127.0.0.1:5000/v2/test/app/tags/list?n=2")!

    @Test(arguments: [
        (#"</v2/test/app/tags/list?last=b&n=2>; rel="next""#, "http://127.0.0.1:5000/v2/test/app/tags/list?last=b&n=2"),
        (#"<https://r.example/v2/x/tags/list?last=c&n=2>; rel="next""#, "https://r.example/v2/x/tags/list?last=c&n=2"),
        (#"<https://a.example/x>; rel="prev", <https://a.example/y?a=1,2>; rel="next""#, "https://a.example/y?a=1,2"),
        ("</v2/test/app/referrers/sha256:ab?last=9>;rel=next", "http://127.0.0.1:5000/v2/test/app/referrers/sha256:ab?last=9"),
        (#"</v2/x?p=2>; title="a, b"; rel="last next""#, "http://127.0.0.1:5000/v2/x?p=2"),
    ])
    func findsNext(header: String, expected: String) {
        #expect(LinkHeader.next(in: [header], relativeTo: Self.base)?.absoluteString == expected)
    }

    @Test(arguments: [#"<https://a.example/x>; rel="prev""#, "garbage", ""])
    func noNext(header: String) {
        #expect(LinkHeader.next(in: [header], relativeTo: Self.base) == nil)
    }
}

struct LocationHeaderTests {
    static let request = URL(string: "http://127.0.0.1:5000/v2/test/app/blobs/uploads/")!

    @Test(arguments: [
        ("/v2/test/app/blobs/uploads/abc?_state=xyz", "http://127.0.0.1:5000/v2/test/app/blobs/uploads/abc?_state=xyz"),
        ("http://127.0.0.1:5001/v2/test/app/blobs/uploads/abc?_state=xyz", "http://127.0.0.1:5001/v2/test/app/blobs/uploads/abc?_state=xyz"),
        ("https://storage.example/upload/1", "https://storage.example/upload/1"),
        ("abc", "http://127.0.0.1:5000/v2/test/app/blobs/uploads/abc"),
    ])
    func resolves(location: String, expected: String) {
        #expect(LocationHeader.resolve(location, against: Self.request)?.absoluteString == expected)
    }

    @Test func emptyLocationIsNone() {
        #expect(LocationHeader.resolve("  ", against: Self.request) == nil)
    }

    @Test(arguments: [
        ("http://r.example/v2/x/blobs/uploads/1?_state=a%3Db", "http://r.example/v2/x/blobs/uploads/1?_state=a%3Db&digest=sha256%3Aab"),
        ("http://r.example/v2/x/blobs/uploads/1", "http://r.example/v2/x/blobs/uploads/1?digest=sha256%3Aab"),
    ])
    func appendsDigestToQuery(location: String, expected: String) {
        let url = LocationHeader.appendingQuery(URL(string: location)!, name: "digest", value: "sha256:ab")
        #expect(url.absoluteString == expected)
    }
}

struct RetryAfterTests {
    static let now = Date(timeIntervalSince1970: 1_445_412_450)  // Wed, 21 Oct 2015 07:27:30 GMT

    @Test(arguments: [
        ("1", Duration.seconds(1)), (" 120 ", .seconds(120)), ("0", .zero),
        ("Wed, 21 Oct 2015 07:28:00 GMT", .seconds(30)),
        ("Wednesday, 21-Oct-15 07:28:00 GMT", .seconds(30)),
        ("Wed Oct 21 07:28:00 2015", .seconds(30)),
        ("Wed, 21 Oct 2015 07:00:00 GMT", .zero),
    ])
    func parses(value: String, expected: Duration) {
        #expect(RetryPolicy.parseRetryAfter(value, now: Self.now) == expected)
    }

    @Test(arguments: ["soon", "-1", "", "1.5"])
    func rejects(value: String) {
        #expect(RetryPolicy.parseRetryAfter(value, now: Self.now) == nil)
    }
}

struct RetryPolicyTests {
    @Test func backoffCapsDoubleUpToTheMaximum() {
        let policy = RetryPolicy(maxRetries: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        #expect((1...6).map(policy.backoffCap(forRetry:)) == [
            .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1)])
    }

    @Test(arguments: 1...6)
    func jitteredDelaysStayWithinBounds(retry: Int) {
        let policy = RetryPolicy(maxRetries: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        var generator = SystemRandomNumberGenerator()
        let delays = (0..<500).map { _ in policy.delay(forRetry: retry, retryAfter: nil, using: &generator) }
        let cap = policy.backoffCap(forRetry: retry)
        #expect(delays.allSatisfy { $0 >= .zero && $0 <= cap })
        // Full jitter: the delays spread over the range rather than sitting at the cap.
        #expect(delays.contains { $0 < cap / 2 })
        #expect(delays.contains { $0 > cap / 2 })
    }

    @Test func retryAfterWinsAndIsCapped() {
        let policy = RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(10), maxDelay: .milliseconds(20), maxRetryAfter: .seconds(5))
        var generator = SystemRandomNumberGenerator()
        #expect(policy.delay(forRetry: 1, retryAfter: .seconds(2), using: &generator) == .seconds(2))
        #expect(policy.delay(forRetry: 1, retryAfter: .seconds(3600), using: &generator) == .seconds(5))
    }

    @Test func negativeRetriesMeanNone() {
        #expect(RetryPolicy(maxRetries: -2).maxRetries == 0)
    }
}

/// The redirect step the registry client and `db update` take at every hop.
struct HTTPRedirectTests {
    static func redirect(_ status: Int, to location: String?) -> HTTPResponse {
        HTTPResponse(status: status, headers: .init(location.map { [("Location", $0)] } ?? []),
                     url: URL(string: "https://registry.example/v2/x/blobs/sha256:ab")!, body: ByteChunks(bytes: []))
    }

    static let post = HTTPRequest(method: .POST, url: URL(string: "https://registry.example/v2/x/blobs/sha256:ab")!,
                                  headers: ["Content-Type": "application/json"], body: .bytes([1, 2, 3]))

    @Test func httpsToPlainHTTPIsRefused() {
        #expect(throws: RegistryError.self) { try HTTPRedirect.next(after: Self.redirect(302, to: "http://storage.example/blob"), to: Self.post) }
    }

    @Test(arguments: ["unix:///var/run/docker.sock", "file:///etc/passwd", "http+unix://%2Ftmp%2Fs.sock/x"])
    func otherSchemesAreRefused(location: String) {
        #expect(throws: RegistryError.self) { try HTTPRedirect.next(after: Self.redirect(307, to: location), to: Self.post) }
    }

    @Test func methodAndBodyFollowTheStatus() throws {
        let kept = try #require(try HTTPRedirect.next(after: Self.redirect(307, to: "/elsewhere"), to: Self.post))
        #expect(kept.method == .POST && kept.body != nil && kept.url.absoluteString == "https://registry.example/elsewhere")
        let changed = try #require(try HTTPRedirect.next(after: Self.redirect(303, to: "https://cdn.example/b"), to: Self.post))
        #expect(changed.method == .GET && changed.body == nil && changed.headers["Content-Type"].isEmpty)
        #expect(try HTTPRedirect.next(after: Self.redirect(200, to: "https://cdn.example/b"), to: Self.post) == nil)
        #expect(try HTTPRedirect.next(after: Self.redirect(302, to: nil), to: Self.post) == nil)
    }

    @Test func originsCompareSchemeHostAndPort() {
        #expect(HTTPOrigin(URL(string: "https://R.example/v2/")!) == HTTPOrigin(URL(string: "https://r.example:443/x?y")!))
        #expect(HTTPOrigin(URL(string: "https://r.example/")!) != HTTPOrigin(URL(string: "http://r.example/")!))
        #expect(HTTPOrigin(URL(string: "http://127.0.0.1:5000/")!) != HTTPOrigin(URL(string: "http://127.0.0.1:5001/")!))
        #expect(HTTPOrigin(URL(string: "unix:///tmp/s.sock")!) == nil)
    }
}

