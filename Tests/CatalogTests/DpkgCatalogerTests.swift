import Catalog
import Testing

@Suite struct DpkgCatalogerTests {
    static let debian = CatalogContext(distro: Distro(id: "debian", versionID: "12", codename: "bookworm"))

    static func fixtureResolver() throws -> MemoryResolver {
        MemoryResolver([
            "/var/lib/dpkg/status": try Fixture.text("dpkg/status"),
            "/var/lib/dpkg/status.d/libssl3": try Fixture.text("dpkg/distroless-libssl3"),
            "/var/lib/dpkg/status.d/libssl3.md5sums": "0f1e2d3c4b5a69788796a5b4c3d2e1f0  usr/lib/x86_64-linux-gnu/libssl.so.3\n",
            "/usr/share/doc/libc6/copyright": try Fixture.text("dpkg/libc6.copyright"),
            "/usr/share/doc/base-files/copyright": try Fixture.text("dpkg/base-files.copyright"),
        ])
    }

    @Test("ground truth: the machine's dpkg database equals dpkg-query's 'ii' packages")
    func machineDatabase() throws {
        let cataloger = DpkgCataloger()
        let expected = try #require(run("dpkg-query", ["-W", "-f", "${db:Status-Abbrev} ${Package} ${Version}\n"]))
            .split(separator: "\n")
            .filter { $0.hasPrefix("ii ") }
            .map { line in line.split(separator: " ").dropFirst().joined(separator: "@") }
        let files = MemoryResolver.loading(root: "/", directories: ["var/lib/dpkg", "usr/share/doc"], selectors: cataloger.selectors)
        let result = cataloger.catalog(files, context: Self.debian)
        #expect(!expected.isEmpty)
        #expect(Set(result.nameVersions) == Set(expected))
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.packages.allSatisfy { $0.purl.namespace == "debian" && $0.purl.name == $0.name && $0.purl.qualifiers["distro"] == "debian-12" })
        #expect(result.packages.contains { !$0.licenses.isEmpty })
        // File ownership equals `dpkg-query -L` (which also reads info/*.list), plain and Multi-Arch.
        for name in ["bash", "libc6"] {
            let listed = try #require(run("dpkg-query", ["-L", name])).split(separator: "\n").map(String.init).filter { $0 != "/." }
            let package = try #require(result.package(name))
            #expect(!listed.isEmpty)
            #expect(Set(package.files) == Set(listed.filter { $0.hasPrefix("/") }), "\(name)")
            #expect(package.locations.contains { $0.path.hasPrefix("/var/lib/dpkg/info/\(name)") })
        }
    }

    @Test("installed stanzas only, distroless status.d, sources and dependencies")
    func fixtures() throws {
        let result = DpkgCataloger().catalog(try Self.fixtureResolver(), context: Self.debian)
        #expect(result.warnings.isEmpty)
        #expect(result.nameVersions == ["base-files@12.4+deb12u5", "gcc-12-base@12.2.0-14", "libc6@2.36-9+deb12u4",
                                        "libgcc-s1@12.2.0-14", "libssl3@3.0.11-1~deb12u2"])
        let libgcc = try #require(result.package("libgcc-s1"))
        #expect(libgcc.sourceName == "gcc-12")
        #expect(libgcc.sourceVersion == "12.2.0-14")
        #expect(libgcc.dependsOn == ["gcc-12-base", "libc6"])
        #expect(libgcc.foundBy == "dpkg-db-cataloger")
        #expect(libgcc.locations == [PackageLocation(path: "/var/lib/dpkg/status")])
        let libssl = try #require(result.package("libssl3"))
        #expect(libssl.locations == [PackageLocation(path: "/var/lib/dpkg/status.d/libssl3")])
        #expect(libssl.sourceName == "openssl")
        let base = try #require(result.package("base-files"))
        #expect(base.sourceName == "base-files")
        #expect(base.licenses.isEmpty, "not a machine-readable copyright file")
    }

    @Test("PURLs and CPEs", arguments: [
        ("libc6", "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12&upstream=glibc",
         "cpe:2.3:a:libc6:libc6:2.36-9\\+deb12u4:*:*:*:*:*:*:*"),
        ("libgcc-s1", "pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&distro=debian-12&upstream=gcc-12%4012.2.0-14",
         "cpe:2.3:a:libgcc-s1:libgcc-s1:12.2.0-14:*:*:*:*:*:*:*"),
        ("base-files", "pkg:deb/debian/base-files@12.4%2Bdeb12u5?arch=amd64&distro=debian-12",
         "cpe:2.3:a:base-files:base-files:12.4\\+deb12u5:*:*:*:*:*:*:*"),
    ])
    func identities(name: String, purl: String, cpe: String) throws {
        let package = try #require(DpkgCataloger().catalog(try Self.fixtureResolver(), context: Self.debian).package(name))
        #expect(package.purl.description == purl)
        #expect(package.cpes == [cpe])
    }

    @Test("Ubuntu namespace; no distro falls back to debian without a distro qualifier")
    func namespaces() throws {
        let ubuntu = CatalogContext(distro: Distro(id: "ubuntu", versionID: "22.04"))
        let files = try Self.fixtureResolver()
        #expect(DpkgCataloger().catalog(files, context: ubuntu).package("base-files")?.purl.description
            == "pkg:deb/ubuntu/base-files@12.4%2Bdeb12u5?arch=amd64&distro=ubuntu-22.04")
        #expect(DpkgCataloger().catalog(files, context: CatalogContext()).package("base-files")?.purl.description
            == "pkg:deb/debian/base-files@12.4%2Bdeb12u5?arch=amd64")
    }

    @Test("DEP-5 licenses map to SPDX identifiers")
    func copyrightLicenses() throws {
        let libc = try #require(DpkgCataloger().catalog(try Self.fixtureResolver(), context: Self.debian).package("libc6"))
        #expect(libc.licenses == ["BSD-3-Clause", "GPL-2.0-or-later", "LGPL-2.1-or-later"])
        #expect(libc.locations.map(\.path) == ["/var/lib/dpkg/status", "/usr/share/doc/libc6/copyright"])
    }

    @Test("malformed status files give a warning naming the file; good stanzas survive", arguments: [
        ("Package: ok\nStatus: install ok installed\nVersion: 1\n\nthis line has no colon\nPackage: second\nVersion: 2\n",
         ["ok@1", "second@2"], "line 5"),
        ("Status: install ok installed\nVersion: 1\n\nPackage: good\nVersion: 2\n", ["good@2"], "no Package field"),
        ("Package: noversion\nStatus: install ok installed\n", [], "no Version field"),
        (" leading continuation\nPackage: a\nVersion: 1\n", ["a@1"], "continuation line"),
    ])
    func malformed(text: String, expected: [String], message: String) {
        let result = DpkgCataloger().catalog(MemoryResolver(["/var/lib/dpkg/status": text]), context: Self.debian)
        #expect(result.nameVersions == expected)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.path == "/var/lib/dpkg/status")
        #expect(result.warnings.first?.message.contains(message) == true, "\(result.warnings)")
    }
}
