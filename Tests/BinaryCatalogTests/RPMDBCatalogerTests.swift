@testable import Catalog
import Foundation
import Testing

/// Builds noarch packages with `rpmbuild` and records them in a fresh sqlite rpm database
/// with `rpm --justdb`, all offline.
struct RPMFixture {
    static let package = "rpm"
    let directory: TemporaryDirectory
    var databasePath: URL { directory.path("db/rpmdb.sqlite") }

    init() throws {
        directory = try TemporaryDirectory()
        for (name, header) in Self.specs {
            try directory.write("""
                Name: \(name)
                \(header)
                Summary: Hallmark test package
                BuildArch: noarch
                %description
                Hallmark test package.
                %install
                mkdir -p %{buildroot}/usr/share/\(name)
                echo \(name) > %{buildroot}/usr/share/\(name)/README
                %files
                /usr/share/\(name)/README

                """, to: "\(name).spec")
            try Shell.run(["rpmbuild", "--define", "_topdir \(directory.path("build").path)", "-bb", "\(name).spec"],
                          in: directory.url, package: Self.package)
        }
        let database = directory.path("db").path
        try Shell.run(["rpm", "--dbpath", database, "--initdb"], package: Self.package)
        let rpms = try FileManager.default.contentsOfDirectory(atPath: directory.path("build/RPMS/noarch").path)
            .map { directory.path("build/RPMS/noarch/\($0)").path }
        try Shell.run(["rpm", "--dbpath", database, "-i", "--justdb", "--nodeps", "--ignorearch", "--ignoreos"] + rpms, package: Self.package)
    }

    static let specs = [
        ("hallmark-hello", "Version: 1.2.3\nRelease: 4.fc40\nEpoch: 2\nLicense: MIT"),
        ("hallmark-tools", "Version: 0.9\nRelease: 1\nLicense: GPLv2+ and MIT"),
    ]

    /// `NAME VERSION-RELEASE` of every installed package, as rpm itself lists them.
    func rpmQueryAll() throws -> [String] {
        try Shell.run(["rpm", "--dbpath", directory.path("db").path, "-qa", "--qf", "%{NAME} %{VERSION}-%{RELEASE}\n"], package: Self.package)
            .split(separator: "\n").map(String.init).sorted()
    }
}

@Suite struct RPMDBCatalogerTests {
    let cataloger = RPMDBCataloger()
    let fedora = CatalogContext(distro: Distro(id: "fedora", versionID: "40"))

    @Test func realDatabaseMatchesRpmQuery() throws {
        let fixture = try RPMFixture()
        defer { fixture.directory.cleanUp() }
        let bytes = Array(try Data(contentsOf: fixture.databasePath))
        let files = try SelectedFiles([cataloger], files: [("/var/lib/rpm/rpmdb.sqlite", bytes)])
        #expect(try #require(files.file(at: "/var/lib/rpm/rpmdb.sqlite")).content.count < 4096)
        let result = cataloger.catalog(files, context: fedora)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.packages.map { "\($0.name) \($0.purl.version ?? "")" }.sorted() == (try fixture.rpmQueryAll()))
        let hello = try #require(result.packages.first { $0.name == "hallmark-hello" })
        #expect(hello.version == "2:1.2.3-4.fc40")
        #expect(hello.purl.description == "pkg:rpm/fedora/hallmark-hello@1.2.3-4.fc40?arch=noarch&distro=fedora-40&epoch=2")
        #expect(hello.sourceName == "hallmark-hello")
        #expect(hello.sourceVersion == "1.2.3-4.fc40")
        #expect(hello.licenses == ["MIT"])
        #expect(hello.foundBy == "rpm-db-cataloger")
        #expect(hello.locations == [PackageLocation(path: "/var/lib/rpm/rpmdb.sqlite")])
        let tools = try #require(result.packages.first { $0.name == "hallmark-tools" })
        #expect(tools.version == "0.9-1")
        #expect(tools.licenses == ["GPLv2+ and MIT"])
        #expect(tools.purl.description == "pkg:rpm/fedora/hallmark-tools@0.9-1?arch=noarch&distro=fedora-40")
    }

    @Test(arguments: [
        ("bash-5.1.8-6.el9.src.rpm", "bash", "5.1.8-6.el9"),
        ("python3-libs-3.9.18-1.el9_3.src.rpm", "python3-libs", "3.9.18-1.el9_3"),
        ("kernel-6.5.6-300.fc39.nosrc.rpm", "kernel", "6.5.6-300.fc39"),
    ])
    func sourcePackageFromSourceRPM(sourceRPM: String, name: String, version: String) throws {
        let source = try #require(RPMDBCataloger.sourcePackage(sourceRPM))
        #expect(source.name == name)
        #expect(source.version == version)
    }

    // MARK: Hostile input

    @Test func unsupportedDatabaseFormatsAreNamed() throws {
        let berkeley = [UInt8](repeating: 0, count: 12) + [0x00, 0x06, 0x15, 0x61]
        let result = try catalog(cataloger, [
            ("/var/lib/rpm/Packages", berkeley),
            ("/usr/lib/sysimage/rpm/Packages.db", Array("RpmP".utf8) + [UInt8](repeating: 0, count: 60)),
        ])
        #expect(result.packages.isEmpty)
        #expect(result.warnings.map(\.path) == ["/usr/lib/sysimage/rpm/Packages.db", "/var/lib/rpm/Packages"])
        #expect(result.warnings[0].message.hasPrefix("rpm database format ndb is not supported"))
        #expect(result.warnings[1].message.hasPrefix("rpm database format Berkeley DB is not supported"))
    }

    @Test func garbageAndTruncatedDatabasesGiveWarnings() throws {
        let fixture = try RPMFixture()
        defer { fixture.directory.cleanUp() }
        let bytes = Array(try Data(contentsOf: fixture.databasePath))
        for content in [Array("this is not sqlite".utf8), Array(bytes.prefix(bytes.count / 3)), Array(bytes.prefix(100))] {
            let result = try catalog(cataloger, [("/var/lib/rpm/rpmdb.sqlite", content)])
            #expect(result.warnings.contains { $0.path == "/var/lib/rpm/rpmdb.sqlite" }, "\(content.count) bytes")
        }
    }

    /// A corrupt header blob is reported by its row number; the other packages are still listed.
    @Test func corruptHeaderBlobIsReported() throws {
        let fixture = try RPMFixture()
        defer { fixture.directory.cleanUp() }
        try Shell.run(["sqlite3", fixture.databasePath.path, "INSERT INTO Packages(hnum, blob) VALUES (77, x'0000ffff00000010')"], package: "sqlite3")
        let result = try catalog(cataloger, [("/var/lib/rpm/rpmdb.sqlite", Array(try Data(contentsOf: fixture.databasePath)))], context: fedora)
        #expect(result.packages.count == 2)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.message.hasPrefix("package header 77:") == true)
    }

    /// Random corruption of a real header blob never crashes the header reader.
    @Test func fuzzedHeadersNeverCrash() throws {
        let fixture = try RPMFixture()
        defer { fixture.directory.cleanUp() }
        let hex = try Shell.run(["sqlite3", fixture.databasePath.path, "SELECT hex(blob) FROM Packages LIMIT 1"], package: "sqlite3")
        var blob: [UInt8] = []
        var characters = hex.trimmingCharacters(in: .whitespacesAndNewlines).makeIterator()
        while let high = characters.next(), let low = characters.next(), let byte = UInt8("\(high)\(low)", radix: 16) { blob.append(byte) }
        #expect(try RPMHeader(blob).string(.name) != nil)
        var generator = SplitMix64(seed: 99)
        for _ in 0..<500 {
            var mutated = blob
            for _ in 0..<(1 + Int(generator.next() % 6)) {
                mutated[Int(generator.next() % UInt64(min(mutated.count, 512)))] = UInt8(truncatingIfNeeded: generator.next())
            }
            if let header = try? RPMHeader(mutated) {
                for tag in [RPMHeader.Tag.name, .version, .release, .arch, .license, .sourceRPM] { _ = try? header.string(tag) }
                _ = try? header.int32(.epoch)
            }
        }
    }
}

/// Sources that hand over files without applying the selectors' `reduce` (the whole
/// content) give the same packages: each cataloger reduces raw bytes itself.
@Suite struct UnreducedSourceTests {
    /// A resolver serving files exactly as given.
    struct RawFiles: FileResolver {
        let all: [ResolvedFile]
        func file(at path: String) -> ResolvedFile? { all.first { $0.path == path } }
        func files(where predicate: (String) -> Bool) -> [ResolvedFile] { all.filter { predicate($0.path) } }
    }

    @Test func goJavaAndRPMReadRawContent() throws {
        let fixture = try JarFixture()
        defer { fixture.directory.cleanUp() }
        try fixture.jar("raw-1.0.jar", files: JarFixture.pom("org.raw", "raw", "1.0"))
        let rpm = try RPMFixture()
        defer { rpm.directory.cleanUp() }
        let files: [(path: String, content: [UInt8])] = [
            ("/bin/hello", try GoFixture.build()),
            ("/raw-1.0.jar", try fixture.bytes("raw-1.0.jar")),
            ("/var/lib/rpm/rpmdb.sqlite", Array(try Data(contentsOf: rpm.databasePath))),
        ]
        let raw = RawFiles(all: files.map { ResolvedFile(path: $0.path, content: $0.content) })
        for cataloger in [GoModuleBinaryCataloger(), JavaArchiveCataloger(), RPMDBCataloger()] as [any Cataloger] {
            let direct = cataloger.catalog(raw, context: CatalogContext())
            let reduced = try catalog(cataloger, files)
            #expect(!direct.packages.isEmpty)
            #expect(direct.packages == reduced.packages)
            #expect(direct.warnings == reduced.warnings)
        }
    }
}
