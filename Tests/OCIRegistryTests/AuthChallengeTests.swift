import OCIRegistry
import Testing

struct AuthChallengeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let header: String
        let expected: [AuthChallenge]
        var testDescription: String { header }
    }

    static let cases: [Case] = [
        Case(header: #"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull""#,
             expected: [AuthChallenge(scheme: "bearer", parameters: [
                "realm": "https://auth.docker.io/token", "service": "registry.docker.io", "scope": "repository:library/alpine:pull"])]),
        Case(header: #"Basic realm="test-registry""#, expected: [AuthChallenge(scheme: "basic", parameters: ["realm": "test-registry"])]),
        Case(header: #"bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/image:pull""#,
             expected: [AuthChallenge(scheme: "bearer", parameters: [
                "realm": "https://ghcr.io/token", "service": "ghcr.io", "scope": "repository:user/image:pull"])]),
        Case(header: #"Bearer realm="http://127.0.0.1:5010/token", service="test", error="insufficient_scope", scope="repository:a:pull repository:b:pull,push""#,
             expected: [AuthChallenge(scheme: "bearer", parameters: [
                "realm": "http://127.0.0.1:5010/token", "service": "test", "error": "insufficient_scope",
                "scope": "repository:a:pull repository:b:pull,push"])]),
        Case(header: #"Bearer realm="https://x.example/t\"oken",service="a\\b""#,
             expected: [AuthChallenge(scheme: "bearer", parameters: ["realm": #"https://x.example/t"oken"#, "service": #"a\b"#])]),
        Case(header: #"Basic realm="r1", Bearer realm="https://x.example/t",service="s""#,
             expected: [AuthChallenge(scheme: "basic", parameters: ["realm": "r1"]),
                        AuthChallenge(scheme: "bearer", parameters: ["realm": "https://x.example/t", "service": "s"])]),
        Case(header: "BEARER Realm=https://quay.io/v2/auth,Service=quay.io",
             expected: [AuthChallenge(scheme: "bearer", parameters: ["realm": "https://quay.io/v2/auth", "service": "quay.io"])]),
        Case(header: "Negotiate", expected: [AuthChallenge(scheme: "negotiate", parameters: [:])]),
        Case(header: "", expected: []),
        Case(header: #"Bearer realm="unterminated"#, expected: [AuthChallenge(scheme: "bearer", parameters: ["realm": "unterminated"])]),
    ]

    @Test(arguments: cases)
    func parses(_ testCase: Case) {
        #expect(AuthChallenge.parse(testCase.header) == testCase.expected)
    }

    @Test func readsEveryHeaderLine() {
        let parsed = AuthChallenge.parse(headers: [#"Basic realm="a""#, #"Bearer realm="https://b.example/token""#])
        #expect(parsed.map(\.scheme) == ["basic", "bearer"])
        #expect(parsed[1].realm == "https://b.example/token")
    }
}
