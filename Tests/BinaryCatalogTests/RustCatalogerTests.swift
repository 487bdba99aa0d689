@testable import Catalog
import Foundation
import Testing

@Suite struct RustCargoLockCatalogerTests {
    let cataloger = RustCargoLockCataloger()

    /// A workspace crate with a path dependency, locked by the installed cargo (offline).
    @Test func realLockfileFromCargo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("[package]\nname = \"hallmark-app\"\nversion = \"0.3.1\"\nedition = \"2021\"\n\n[dependencies]\nhallmark-util = { path = \"util\" }\n", to: "Cargo.toml")
        try directory.write("fn main() {}\n", to: "src/main.rs")
        try directory.write("[package]\nname = \"hallmark-util\"\nversion = \"1.2.0\"\nedition = \"2021\"\n", to: "util/Cargo.toml")
        try directory.write("", to: "util/src/lib.rs")
        try Shell.run(["cargo", "generate-lockfile", "--offline"], in: directory.url, package: "cargo")
        let result = try catalog(cataloger, [("/src/app/Cargo.lock", try directory.bytes("Cargo.lock"))])
        #expect(result.warnings.isEmpty)
        #expect(result.packages.map(\.purl.description) == ["pkg:cargo/hallmark-app@0.3.1", "pkg:cargo/hallmark-util@1.2.0"])
        #expect(result.packages.first?.dependsOn == ["hallmark-util"])
        #expect(result.packages.first?.foundBy == "rust-cargo-lock-cataloger")
    }

    /// The version 1 format (dependencies with versions and sources, a `[metadata]` table
    /// of checksums) and the version 3 format, as cargo wrote them.
    @Test(arguments: [CargoLockFixtures.version1, CargoLockFixtures.version3])
    func realFormatVersions(text: String) throws {
        let result = try catalog(cataloger, [("/Cargo.lock", Array(text.utf8))])
        #expect(result.warnings.isEmpty)
        #expect(result.packages.map(\.purl.description) == [
            "pkg:cargo/app@0.1.0", "pkg:cargo/cfg-if@1.0.0", "pkg:cargo/log@0.4.20",
        ])
        #expect(result.packages.first { $0.name == "log" }?.dependsOn == ["cfg-if"])
        #expect(result.packages.first { $0.name == "app" }?.dependsOn == ["log"])
    }

    @Test func malformedLockfileGivesWarnings() throws {
        let text = "version = 3\n\n[[package]]\nname = \"ok\"\nversion = \"1.0.0\"\n\n[[package]]\nname = \"no-version\"\n\n[[package]]\nname = \"x\"\nversion = \"1\"\ndependencies = [\n \"a\",\n"
        let result = try catalog(cataloger, [("/Cargo.lock", Array(text.utf8))])
        #expect(result.packages.map(\.name) == ["ok", "x"])
        let warning = try #require(result.warnings.first)
        #expect(warning.path == "/Cargo.lock")
        #expect(warning.message.contains("has no name or version"))
        #expect(warning.message.contains("unterminated array"))
    }

    @Test func crlfLineEndingsAreRead() throws {
        let text = CargoLockFixtures.version3.replacingOccurrences(of: "\n", with: "\r\n")
        let result = try catalog(cataloger, [("/Cargo.lock", Array(text.utf8))])
        #expect(result.warnings.isEmpty)
        #expect(result.packages.count == 3)
    }

    /// Random corruption of a real-format lockfile never crashes the parser.
    @Test func fuzzedLockfilesNeverCrash() throws {
        let bytes = Array(CargoLockFixtures.version1.utf8)
        var generator = SplitMix64(seed: 3)
        for _ in 0..<300 {
            var mutated = bytes
            for _ in 0..<(1 + Int(generator.next() % 10)) {
                mutated[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            _ = try catalog(cataloger, [("/Cargo.lock", mutated)])
        }
    }
}

@Suite struct CargoAuditableBinaryCatalogerTests {
    let cataloger = CargoAuditableBinaryCataloger()

    /// A real ELF binary with a `.dep-v0` section holding zlib-compressed audit JSON,
    /// added with `objcopy` as cargo-auditable's linker step does.
    @Test func realBinaryWithDependencySection() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let json = #"{"packages":[{"name":"app","version":"0.1.0","source":"local","dependencies":[1],"root":true},{"name":"serde","version":"1.0.190","source":"crates.io"}]}"#
        try directory.write(json, to: "audit.json")
        try directory.write("import zlib, sys\nopen(sys.argv[2], 'wb').write(zlib.compress(open(sys.argv[1], 'rb').read()))\n", to: "z.py")
        try Shell.run(["python3", "z.py", "audit.json", "audit.z"], in: directory.url, package: "python3")
        try Shell.run(["objcopy", "--add-section", ".dep-v0=audit.z", "/bin/true", "app"], in: directory.url, package: "binutils")
        let result = try catalog(cataloger, [("/usr/bin/app", try directory.bytes("app"))])
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.packages.map(\.purl.description) == ["pkg:cargo/app@0.1.0", "pkg:cargo/serde@1.0.190"])
        #expect(result.packages.first?.dependsOn == ["serde"])
        #expect(result.packages.first?.foundBy == "rust-cargo-auditable-binary-cataloger")
        let goResult = try catalog(GoModuleBinaryCataloger(), [("/usr/bin/app", try directory.bytes("app"))])
        #expect(goResult.packages.isEmpty && goResult.warnings.isEmpty)
    }

    @Test func corruptDependencySectionGivesWarning() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("definitely not zlib", to: "audit.z")
        try Shell.run(["objcopy", "--add-section", ".dep-v0=audit.z", "/bin/true", "app"], in: directory.url, package: "binutils")
        let result = try catalog(cataloger, [("/usr/bin/app", try directory.bytes("app"))])
        #expect(result.packages.isEmpty)
        #expect(result.warnings.contains { $0.path == "/usr/bin/app" && $0.message.contains("cargo-auditable data") })
    }
}

/// Lockfiles in the formats cargo wrote before version 4.
enum CargoLockFixtures {
    static let version1 = """
        [[package]]
        name = "app"
        version = "0.1.0"
        dependencies = [
         "log 0.4.20 (registry+https://github.com/rust-lang/crates.io-index)",
        ]

        [[package]]
        name = "cfg-if"
        version = "1.0.0"
        source = "registry+https://github.com/rust-lang/crates.io-index"

        [[package]]
        name = "log"
        version = "0.4.20"
        source = "registry+https://github.com/rust-lang/crates.io-index"
        dependencies = [
         "cfg-if 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)",
        ]

        [metadata]
        "checksum cfg-if 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)" = "baf1de4339761588bc0619e3cbc0120ee582ebb74b53b4efbf79117bd2da40fd"
        "checksum log 0.4.20 (registry+https://github.com/rust-lang/crates.io-index)" = "b5e6163cb8c49088c2c36f57875e58ccd8c87c7427f7fbd50ea6710b2f3f2e8f"

        """

    static let version3 = """
        # This file is automatically @generated by Cargo.
        # It is not intended for manual editing.
        version = 3

        [[package]]
        name = "app"
        version = "0.1.0"
        dependencies = [
         "log",
        ]

        [[package]]
        name = "cfg-if"
        version = "1.0.0"
        source = "registry+https://github.com/rust-lang/crates.io-index"
        checksum = "baf1de4339761588bc0619e3cbc0120ee582ebb74b53b4efbf79117bd2da40fd"

        [[package]]
        name = "log"
        version = "0.4.20"
        source = "registry+https://github.com/rust-lang/crates.io-index"
        checksum = "b5e6163cb8c49088c2c36f57875e58ccd8c87c7427f7fbd50ea6710b2f3f2e8f"
        dependencies = [
         "cfg-if",
        ]

        """
}
