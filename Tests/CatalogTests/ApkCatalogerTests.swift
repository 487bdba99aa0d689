import Catalog
import Testing

@Suite struct ApkCatalogerTests {
    static let alpine = CatalogContext(distro: Distro(id: "alpine", versionID: "3.19.1"))

    static func catalog() throws -> CatalogResult {
        ApkCataloger().catalog(MemoryResolver(["/lib/apk/db/installed": try Fixture.text("apk/installed")]), context: alpine)
    }

    @Test func packages() throws {
        let result = try Self.catalog()
        #expect(result.warnings.isEmpty)
        #expect(result.nameVersions == ["busybox@1.36.1-r5", "libcrypto3@3.1.4-r1", "musl@1.2.4-r2", "ssl_client@1.36.1-r5"])
        let client = try #require(result.package("ssl_client"))
        #expect(client.sourceName == "busybox")
        #expect(client.licenses == ["GPL-2.0-only"])
        #expect(client.dependsOn == ["musl", "libcrypto3", "so:libssl.so.3"], "so: names resolve to their providers")
        #expect(client.foundBy == "apk-db-cataloger")
        #expect(client.locations == [PackageLocation(path: "/lib/apk/db/installed")])
    }

    @Test("PURLs", arguments: [
        ("musl", "pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.19.1"),
        ("libcrypto3", "pkg:apk/alpine/libcrypto3@3.1.4-r1?arch=x86_64&distro=alpine-3.19.1&upstream=openssl"),
    ])
    func purls(name: String, purl: String) throws {
        #expect(try Self.catalog().package(name)?.purl.description == purl)
    }

    @Test("malformed databases", arguments: [
        ("P:a\nV:1\nA:x86_64\n\nV:2\n\nP:b\n", ["a@1"], "no P (package name)"),
        ("P:a\nV:1\ngarbage line\n", ["a@1"], "line 3"),
    ])
    func malformed(text: String, expected: [String], message: String) {
        let result = ApkCataloger().catalog(MemoryResolver(["/lib/apk/db/installed": text]), context: Self.alpine)
        #expect(result.nameVersions == expected)
        #expect(result.warnings.first?.path == "/lib/apk/db/installed")
        #expect(result.warnings.first?.message.contains(message) == true, "\(result.warnings)")
    }
}
