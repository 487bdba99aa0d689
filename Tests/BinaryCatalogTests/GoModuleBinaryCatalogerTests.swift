@testable import Catalog
import Foundation
import Testing

/// Builds tiny Go programs with the installed toolchain, offline.
enum GoFixture {
    static let mainModule = "example.com/hallmark/hello"

    /// The toolchain's version as `go version` prints it, e.g. `go1.22.1`.
    static func toolchainVersion() throws -> String {
        let words = try Shell.run(["go", "version"], package: "golang-go").split(separator: " ")
        return words.count > 2 ? String(words[2]) : ""
    }

    /// Builds `main.go` (and `files`) of module ``mainModule`` for linux/`arch`; the binary's bytes.
    static func build(arch: String = "amd64", goMod extra: String = "", files: [String: String] = [:]) throws -> [UInt8] {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("module \(mainModule)\n\ngo 1.18\n\(extra)", to: "go.mod")
        try directory.write("package main\n\nfunc main() { println(\"hallmark\") }\n", to: "main.go")
        for (path, text) in files { try directory.write(text, to: path) }
        try Shell.run(["go", "build", "-o", "hello", "."], in: directory.url, environment: [
            "GOOS": "linux", "GOARCH": arch, "CGO_ENABLED": "0", "GOFLAGS": "-mod=mod -buildvcs=false",
            "GOPROXY": "off", "GOTOOLCHAIN": "local",
        ], package: "golang-go")
        return try directory.bytes("hello")
    }
}

@Suite struct GoModuleBinaryCatalogerTests {
    let cataloger = GoModuleBinaryCataloger()

    @Test(arguments: ["amd64", "386", "s390x"])
    func realBinaryHasMainModuleAndStdlib(arch: String) throws {
        let binary = try GoFixture.build(arch: arch)
        let goVersion = try GoFixture.toolchainVersion()
        let files = try SelectedFiles([cataloger], files: [("/usr/local/bin/hello", binary)])
        let reduced = try #require(files.file(at: "/usr/local/bin/hello"))
        #expect(reduced.content.count < 4096, "the reduced form holds only the build info")
        let result = cataloger.catalog(files, context: CatalogContext())
        #expect(result.warnings.isEmpty)
        let main = try #require(result.packages.first { $0.name == GoFixture.mainModule })
        #expect(main.version == "(devel)")
        #expect(main.purl.description == "pkg:golang/example.com/hallmark/hello@%28devel%29")
        #expect(main.foundBy == "go-module-binary-cataloger")
        #expect(main.locations == [PackageLocation(path: "/usr/local/bin/hello")])
        let stdlib = try #require(result.packages.first { $0.name == "stdlib" })
        #expect(stdlib.version == goVersion)
        #expect(stdlib.purl.description == "pkg:golang/stdlib@\(goVersion.dropFirst(2))")
        #expect(stdlib.cpes == ["cpe:2.3:a:golang:go:\(goVersion.dropFirst(2)):*:*:*:*:*:*:*"])
        #expect(result.packages.count == 2)
    }

    @Test func realBinaryWithLocallyReplacedDependency() throws {
        let binary = try GoFixture.build(
            goMod: "require example.com/hallmark/lib v1.2.3\nreplace example.com/hallmark/lib => ./lib\n",
            files: [
                "lib/go.mod": "module example.com/hallmark/lib\n\ngo 1.18\n",
                "lib/lib.go": "package lib\n\nfunc Name() string { return \"lib\" }\n",
                "use.go": "package main\n\nimport \"example.com/hallmark/lib\"\n\nvar _ = lib.Name()\n",
            ])
        let result = try catalog(cataloger, [("/app", binary)])
        let dependency = try #require(result.packages.first { $0.name == "example.com/hallmark/lib" })
        #expect(dependency.version == "(devel)")
        let main = try #require(result.packages.first { $0.name == GoFixture.mainModule })
        #expect(main.dependsOn == ["example.com/hallmark/lib", "stdlib"])
    }

    @Test func modinfoWithDependenciesAndReplacements() {
        let text = """
            path\texample.com/cmd/tool
            mod\texample.com/cmd\tv1.4.0\th1:abc=
            dep\tgithub.com/pkg/errors\tv0.9.1\th1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=
            dep\tgolang.org/x/sys\tv0.1.0\th1:x=
            =>\tgithub.com/fork/sys\tv0.2.0\th1:y=
            dep\texample.com/local\tv0.0.0
            =>\t../local\t
            build\t-compiler=gc
            build\tvcs.revision=0123abc

            """
        var problems: [String] = []
        let modinfo = GoModInfo(parsing: text, problems: &problems)
        #expect(problems.isEmpty)
        #expect(modinfo.path == "example.com/cmd/tool")
        #expect(modinfo.settings.map(\.key) == ["-compiler", "vcs.revision"])
        let packages = GoModuleBinaryCataloger.packages(
            buildInfo: GoBuildInfo(goVersion: "go1.22.1 X:boringcrypto", modinfo: text), modinfo: modinfo,
            location: PackageLocation(path: "/tool"), foundBy: "test")
        #expect(packages.map(\.purl.description) == [
            "pkg:golang/example.com/cmd@v1.4.0",
            "pkg:golang/github.com/pkg/errors@v0.9.1",
            "pkg:golang/github.com/fork/sys@v0.2.0",
            "pkg:golang/example.com/local@%28devel%29",
            "pkg:golang/stdlib@1.22.1",
        ])
        #expect(packages[1].cpes == ["cpe:2.3:a:pkg:errors:v0.9.1:*:*:*:*:*:*:*"])
        #expect(packages[4].version == "go1.22.1")
    }

    @Test func unknownModinfoLinesAreReported() {
        var problems: [String] = []
        _ = GoModInfo(parsing: "path\tx\nbogus line\n", problems: &problems)
        #expect(problems == ["module info line 2 not understood: 'bogus line'"])
    }

    /// Go before 1.18 stored pointers to the version and module info strings; a hand-made
    /// ELF (64-bit little-endian and 32-bit big-endian) exercises that form.
    @Test(arguments: [(true, false), (false, true)])
    func pointerFormatBuildInfo(is64Bit: Bool, bigEndian: Bool) throws {
        let modinfo = "path\texample.com/old\nmod\texample.com/old\tv1.0.0\t\ndep\tgithub.com/pkg/errors\tv0.8.1\t\n"
        let binary = SyntheticELF.pointerFormatGoBinary(version: "go1.16.5", modinfo: modinfo, is64Bit: is64Bit, bigEndian: bigEndian)
        let result = try catalog(cataloger, [("/old", binary)])
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.packages.map(\.purl.description) == [
            "pkg:golang/example.com/old@v1.0.0", "pkg:golang/github.com/pkg/errors@v0.8.1", "pkg:golang/stdlib@1.16.5",
        ])
    }

    @Test func nonGoBinaryIsDroppedWhileRead() throws {
        let binary = Array(try Data(contentsOf: URL(fileURLWithPath: "/bin/true")))
        let files = try SelectedFiles([cataloger], files: [("/bin/true", binary)])
        #expect(files.file(at: "/bin/true") == nil)
    }

    // MARK: Hostile input

    @Test func truncatedELFHeaderGivesWarning() throws {
        let binary = try GoFixture.build()
        let result = try catalog(cataloger, [("/bad", Array(binary.prefix(40)))])
        #expect(result.packages.isEmpty)
        #expect(result.warnings.contains { $0.path == "/bad" && $0.message.contains("truncated ELF header") })
    }

    @Test func sectionTablePastEndStillFindsBuildInfoByScanning() throws {
        var binary = try GoFixture.build()
        for index in 40..<48 { binary[index] = 0x7f }
        let result = try catalog(cataloger, [("/patched", binary)])
        #expect(result.warnings.contains { $0.path == "/patched" && $0.message.contains("section header table") })
        #expect(result.packages.contains { $0.name == "stdlib" })
    }

    @Test func buildInfoCutShortGivesWarning() throws {
        let binary = try GoFixture.build()
        let header = try #require(GoBuildInfoReader.search(GoBuildInfoReader.magic, in: binary[...]))
        let result = try catalog(cataloger, [("/cut", Array(binary.prefix(header + 36)))])
        #expect(result.packages.isEmpty)
        #expect(result.warnings.contains { $0.path == "/cut" && $0.message.contains("malformed Go build info") })
    }

    /// Random corruption of the ELF and build info headers never crashes the reader.
    @Test func fuzzedBinariesNeverCrash() throws {
        let binary = try GoFixture.build()
        let header = try #require(GoBuildInfoReader.search(GoBuildInfoReader.magic, in: binary[...]))
        var generator = SplitMix64(seed: 0x4841_4c4c)
        let regions = [0..<64, header..<header + 64, (binary.count - 4096)..<binary.count]
        for round in 0..<300 {
            var mutated = binary
            let region = regions[round % regions.count]
            for _ in 0..<(1 + Int(generator.next() % 8)) {
                mutated[region.lowerBound + Int(generator.next() % UInt64(region.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            if round % 5 == 0 { mutated = Array(mutated.prefix(Int(generator.next() % UInt64(mutated.count)))) }
            _ = try catalog(cataloger, [("/fuzz", mutated)])
        }
    }
}

/// A small deterministic random number generator for fuzz rounds.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
