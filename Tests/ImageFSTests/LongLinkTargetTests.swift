import Testing
@testable import ImageFS

/// Resolving links is linear in the length of the path and the targets followed: a
/// 64 KiB target of 32 768 components once took 48 s (every step looked up the whole
/// path so far). The bound is loose (a linear pass takes milliseconds) so a busy
/// machine cannot fail it.
@Suite("Long link targets")
struct LongLinkTargetTests {
    static let components = 32 * 1024

    @Test("a 64 KiB relative or absolute target resolves in well under a second", arguments: ["", "/"])
    func longTarget(prefix: String) {
        let target = prefix + String(repeating: "a/", count: Self.components)
        let resolver = SymlinkResolver(links: ["/link": target, "/a/b": "/c"])
        let start = ContinuousClock.now
        let resolved = resolver.resolve("/link/x")
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(resolved == "/" + String(repeating: "a/", count: Self.components) + "x")
    }

    @Test("a long path through no links is returned as it is")
    func longPath() {
        let path = "/" + Array(repeating: "d", count: Self.components).joined(separator: "/")
        let resolver = SymlinkResolver(links: ["/d/e": "/f"])
        let start = ContinuousClock.now
        #expect(resolver.resolve(path) == path)
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}
