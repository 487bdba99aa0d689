import Foundation
import OCIModel
import OCIRegistry
import Synchronization
import Testing
import TestSupport

/// The Bearer token flow against a scripted registry and token endpoint (the real
/// distribution needs signed JWTs): tokens are fetched once per scope and reused,
/// a refused token is replaced once, hostile token answers give clear errors.
struct BearerAuthTests {
    /// What the token endpoint answers, and which tokens the registry accepts.
    final class TokenService: Sendable {
        let issued = Mutex(0)
        let revokedBelow = Mutex(0)
        let tokenAnswer: @Sendable (Int) -> CannedResponse
        let requiredBasic: String?

        init(requiredBasic: String? = nil, tokenAnswer: @escaping @Sendable (Int) -> CannedResponse = TokenService.standard) {
            self.requiredBasic = requiredBasic
            self.tokenAnswer = tokenAnswer
        }

        static func standard(_ number: Int) -> CannedResponse {
            .json(#"{"token":"tok-\#(number)","expires_in":300,"issued_at":"2020-01-01T00:00:00Z"}"#)
        }

        func answer(_ request: ScriptedHTTPServer.Request, port: Int) -> CannedResponse {
            if request.path == "/token" {
                if let requiredBasic, request.header("Authorization") != "Basic " + Data(requiredBasic.utf8).base64EncodedString() {
                    return .json(#"{"errors":[{"code":"UNAUTHORIZED","message":"bad credentials"}]}"#, status: 401)
                }
                let number = issued.withLock { $0 += 1; return $0 }
                return tokenAnswer(number)
            }
            let floor = revokedBelow.withLock { $0 }
            if let header = request.header("Authorization"), header.hasPrefix("Bearer tok-"),
               let number = Int(header.dropFirst("Bearer tok-".count)), number > floor {
                return .json(#"{"name":"test/app","tags":["v1"]}"#)
            }
            let repository = request.path.split(separator: "/").dropFirst(1).dropLast(2).joined(separator: "/")
            return .json(#"{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}"#, status: 401, headers: [
                ("WWW-Authenticate", #"Bearer realm="http://127.0.0.1:\#(port)/token",service="test-service",scope="repository:\#(repository):pull""#)])
        }
    }

    func withServer(_ service: TokenService, environment: [String: String] = [:], _ body: (ScriptedHTTPServer, RegistryClient) async throws -> Void) async throws {
        let server = try await ScriptedHTTPServer { service.answer($0, port: $1) }
        do {
            try await withClient(makeClient(environment: environment, registry: server.address)) { try await body(server, $0) }
            try await server.stop()
        } catch {
            try await server.stop()
            throw error
        }
    }

    @Test func tokenIsFetchedOnceForManyRequests() async throws {
        let service = TokenService()
        try await withServer(service) { server, client in
            let repository = RegistryRepository(client: client, registry: server.address, repository: "test/app")
            for _ in 0..<5 { #expect(try await repository.tags() == ["v1"]) }
            try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<10 { group.addTask { try await repository.tags() } }
                for try await tags in group { #expect(tags == ["v1"]) }
            }
            #expect(server.count(pathContains: "/token") == 1)
            // One 401 teaches the client the challenge; after that every request carries the token.
            #expect(server.count(pathContains: "/tags/list") == 16)
            let tokenRequest = try #require(server.requests.first { $0.path == "/token" })
            #expect(tokenRequest.uri.contains("service=test-service"))
            #expect(tokenRequest.uri.contains("scope=repository%3Atest%2Fapp%3Apull"))
            #expect(tokenRequest.header("Authorization") == nil)

            // Another repository is another scope: one more token.
            let other = RegistryRepository(client: client, registry: server.address, repository: "test/other")
            _ = try await other.tags()
            _ = try await other.tags()
            #expect(server.count(pathContains: "/token") == 2)
        }
    }

    @Test func refusedCachedTokenIsReplacedOnce() async throws {
        let service = TokenService()
        try await withServer(service) { server, client in
            let repository = RegistryRepository(client: client, registry: server.address, repository: "test/app")
            _ = try await repository.tags()
            service.revokedBelow.withLock { $0 = 1 }  // the registry no longer accepts tok-1
            #expect(try await repository.tags() == ["v1"])
            #expect(server.count(pathContains: "/token") == 2)
            _ = try await repository.tags()
            #expect(server.count(pathContains: "/token") == 2)
        }
    }

    @Test func basicCredentialsGoToTheTokenEndpointAndAccessTokenIsAccepted() async throws {
        let service = TokenService(requiredBasic: "alice:s3cret") { number in
            .json(#"{"access_token":"tok-\#(number)"}"#)
        }
        let environment = ["HALLMARK_REGISTRY_USERNAME": "alice", "HALLMARK_REGISTRY_PASSWORD": "s3cret"]
        try await withServer(service, environment: environment) { server, client in
            let repository = RegistryRepository(client: client, registry: server.address, repository: "test/app")
            let tags = try await repository.tags()
            #expect(tags == ["v1"])
            #expect(server.count(pathContains: "/token") == 1)
        }
    }

    @Test func identityTokenIsExchangedWithTheRefreshTokenGrant() async throws {
        let directory = try temporaryDirectory()
        let service = TokenService()
        let server = try await ScriptedHTTPServer { request, port in
            if request.path == "/token" && request.method != "POST" {
                return .json(#"{"errors":[{"code":"UNSUPPORTED","message":"use POST"}]}"#, status: 405)
            }
            return service.answer(request, port: port)
        }
        try #"{"auths":{"\#(server.address)":{"identitytoken":"refresh-123"}}}"#.write(
            to: directory.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        do {
            try await withClient(makeClient(environment: ["DOCKER_CONFIG": directory.path])) { (client) async throws in
                let repository = RegistryRepository(client: client, registry: server.address, repository: "test/app")
                #expect(try await repository.tags() == ["v1"])
                let tokenRequest = try #require(server.requests.first { $0.path == "/token" })
                #expect(tokenRequest.header("Content-Type") == "application/x-www-form-urlencoded")
                let form = String(decoding: tokenRequest.body, as: UTF8.self).split(separator: "&").map(String.init)
                #expect(form.contains("grant_type=refresh_token"))
                #expect(form.contains("refresh_token=refresh-123"))
                #expect(form.contains("service=test-service"))
                #expect(form.contains("scope=repository%3Atest%2Fapp%3Apull"))
            }
            try await server.stop()
        } catch {
            try await server.stop()
            throw error
        }
    }

    @Test func wrongCredentialsAtTheTokenEndpointAreAnAuthError() async throws {
        let service = TokenService(requiredBasic: "alice:s3cret")
        let environment = ["HALLMARK_REGISTRY_USERNAME": "alice", "HALLMARK_REGISTRY_PASSWORD": "wrong-password"]
        try await withServer(service, environment: environment) { server, client in
            let repository = RegistryRepository(client: client, registry: server.address, repository: "test/app")
            let error = await #expect(throws: RegistryError.self) { try await repository.tags() }
            guard case .authentication(let failure) = error else { Issue.record("expected an auth error, got \(String(describing: error))"); return }
            #expect(failure.status == 401)
            #expect(failure.url.hasSuffix("/token?service=test-service&scope=repository%3Atest%2Fapp%3Apull"))
            #expect(failure.attempted.usedCredentials)
            let message = failure.description
            #expect(message.contains("HALLMARK_REGISTRY_USERNAME"))
            #expect(!message.contains("wrong-password"))
        }
    }

    @Test(arguments: [
        (CannedResponse.html(), "expected JSON, got text/html"),
        (CannedResponse.json(#"{"expires_in":60}"#), "neither 'token' nor 'access_token'"),
        (CannedResponse.json("not json at all"), "not a token response"),
    ])
    func hostileTokenAnswersAreClearErrors(answer: CannedResponse, expected: String) async throws {
        let service = TokenService { _ in answer }
        try await withServer(service) { server, client in
            let repository = RegistryRepository(client: client, registry: server.address, repository: "test/app")
            let error = await #expect(throws: RegistryError.self) { try await repository.tags() }
            let message = String(describing: error)
            #expect(message.contains(expected))
            #expect(message.contains("http://\(server.address)/token"))
        }
    }
}

struct TokenCacheTests {
    final class Clock: Sendable {
        let now = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func tokensExpireAndConcurrentRequestsShareAFetch() async throws {
        let clock = Clock()
        let cache = TokenCache { clock.now.withLock { $0 } }
        let fetches = Mutex(0)
        let key = TokenCache.Key(registry: "r.example", scope: "repository:a:pull")
        let fetch: @Sendable () async throws -> BearerToken = {
            let number = fetches.withLock { $0 += 1; return $0 }
            try await Task.sleep(for: .milliseconds(50))
            return BearerToken(value: "t\(number)", expiry: clock.now.withLock { $0 }.addingTimeInterval(50))
        }
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.token(for: key, fetch: fetch) } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(tokens) == ["t1"])
        #expect(fetches.withLock { $0 } == 1)
        clock.now.withLock { $0 += 49 }
        #expect(try await cache.token(for: key, fetch: fetch) == "t1")
        clock.now.withLock { $0 += 2 }
        #expect(try await cache.token(for: key, fetch: fetch) == "t2")
        await cache.invalidate(key, token: "t2")
        #expect(await cache.cached(key) == nil)
    }

    @Test func tokenLifetimeComesFromTheAnswer() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let defaulted = try BearerToken(json: Array(#"{"token":"a"}"#.utf8), url: "u", now: now)
        #expect(defaulted.expiry == now.addingTimeInterval(BearerToken.defaultLifetime - BearerToken.expiryMargin))
        let long = try BearerToken(json: Array(#"{"access_token":"b","expires_in":3600}"#.utf8), url: "u", now: now)
        #expect(long.value == "b")
        #expect(long.expiry == now.addingTimeInterval(3600 - BearerToken.expiryMargin))
        let issued = try BearerToken(
            json: Array(#"{"token":"c","expires_in":300,"issued_at":"2023-11-14T22:12:20Z"}"#.utf8), url: "u", now: now)
        #expect(issued.expiry == Date(timeIntervalSince1970: 1_700_000_000 - 60 + 300 - BearerToken.expiryMargin))
        let skewed = try BearerToken(
            json: Array(#"{"token":"d","expires_in":300,"issued_at":"2020-01-01T00:00:00Z"}"#.utf8), url: "u", now: now)
        #expect(skewed.expiry == now.addingTimeInterval(300 - BearerToken.expiryMargin))
    }
}
