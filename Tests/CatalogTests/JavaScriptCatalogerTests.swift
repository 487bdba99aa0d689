import Catalog
import Testing

@Suite struct JavaScriptCatalogerTests {
    static func lock(_ path: String, _ fixture: String, includeDev: Bool = true) throws -> CatalogResult {
        JavaScriptLockCataloger(includeDevDependencies: includeDev)
            .catalog(MemoryResolver([path: try Fixture.text(fixture)]), context: CatalogContext())
    }

    @Test("lockfiles", arguments: [
        ("/app/package-lock.json", "npm/package-lock-v3.json",
         ["@fastify/cors@8.5.0", "@types/node@20.11.5", "debug@4.3.4", "ms@2.1.2", "ms@2.1.3", "string-width@4.2.3"]),
        ("/app/package-lock.json", "npm/package-lock-v1.json", ["debug@2.6.9", "mocha@5.2.0", "ms@2.0.0"]),
        ("/app/yarn.lock", "npm/yarn-v1.lock",
         ["@babel/code-frame@7.12.13", "@babel/highlight@7.13.10", "chalk@2.4.2", "js-tokens@4.0.0"]),
        ("/app/yarn.lock", "npm/yarn-berry.lock", ["@babel/code-frame@7.23.5", "chalk@2.4.2"]),
        ("/app/pnpm-lock.yaml", "npm/pnpm-lock-v9.yaml", ["@fastify/cors@8.5.0", "debug@4.3.4", "ms@2.1.2"]),
        ("/app/pnpm-lock.yaml", "npm/pnpm-lock-v6.yaml", ["debug@4.3.4", "ms@2.1.2", "typescript@5.3.3"]),
    ])
    func lockfiles(path: String, fixture: String, expected: [String]) throws {
        let result = try Self.lock(path, fixture)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.nameVersions == expected)
        #expect(result.packages.allSatisfy { $0.foundBy == "javascript-lock-cataloger" && $0.locations == [PackageLocation(path: path)] })
    }

    @Test("development dependencies can be left out", arguments: [
        ("/app/package-lock.json", "npm/package-lock-v3.json", "@types/node"),
        ("/app/package-lock.json", "npm/package-lock-v1.json", "mocha"),
        ("/app/pnpm-lock.yaml", "npm/pnpm-lock-v6.yaml", "typescript"),
    ])
    func devDependencies(path: String, fixture: String, devPackage: String) throws {
        #expect(try Self.lock(path, fixture).package(devPackage) != nil)
        #expect(try Self.lock(path, fixture, includeDev: false).package(devPackage) == nil)
    }

    @Test("PURLs, licenses and dependencies")
    func details() throws {
        let v3 = try Self.lock("/app/package-lock.json", "npm/package-lock-v3.json")
        let cors = try #require(v3.package("@fastify/cors"))
        #expect(cors.purl.description == "pkg:npm/%40fastify/cors@8.5.0")
        #expect(cors.cpes == ["cpe:2.3:a:cors:cors:8.5.0:*:*:*:*:*:*:*"])
        #expect(cors.dependsOn == ["fastify-plugin", "mnemonist"])
        #expect(v3.package("debug")?.licenses == ["MIT"])
        #expect(try Self.lock("/app/yarn.lock", "npm/yarn-v1.lock").package("@babel/highlight")?.dependsOn == ["chalk", "js-tokens"])
        #expect(try Self.lock("/app/yarn.lock", "npm/yarn-berry.lock").package("@babel/code-frame")?.dependsOn == ["@babel/highlight", "chalk"])
        #expect(try Self.lock("/app/pnpm-lock.yaml", "npm/pnpm-lock-v9.yaml").package("debug")?.dependsOn == ["ms"])
        #expect(try Self.lock("/app/pnpm-lock.yaml", "npm/pnpm-lock-v6.yaml").package("debug")?.dependsOn == ["ms"])
    }

    @Test("pnpm keys", arguments: [
        ("/lodash/4.17.21", true, "lodash", "4.17.21"),
        ("/@babel/core/7.23.0_supports-color@8.1.1", true, "@babel/core", "7.23.0"),
        ("/@babel/core@7.23.0(supports-color@8.1.1)", false, "@babel/core", "7.23.0"),
        ("lodash@4.17.21", false, "lodash", "4.17.21"),
    ])
    func pnpmKeys(key: String, slashSeparated: Bool, name: String, version: String) {
        let text = "lockfileVersion: '\(slashSeparated ? "5.4" : "9.0")'\npackages:\n  \(key):\n    resolution: {integrity: x}\n"
        let result = JavaScriptLockCataloger().catalog(MemoryResolver(["/p/pnpm-lock.yaml": text]), context: CatalogContext())
        #expect(result.nameVersions == ["\(name)@\(version)"])
    }

    @Test("installed package.json files")
    func installed() throws {
        let manifest = try Fixture.text("npm/package.json")
        let files = MemoryResolver([
            "/srv/app/node_modules/@fastify/cors/package.json": manifest,
            "/srv/app/node_modules/@fastify/cors/test/package.json": #"{"name": "fixture", "version": "0.0.0"}"#,
            "/srv/app/node_modules/private/package.json": #"{"name": "private", "private": true}"#,
            "/srv/app/package.json": #"{"name": "app", "version": "1.0.0"}"#,
            "/srv/app/node_modules/legacy/package.json": #"{"name": "legacy", "version": "1.0.0", "licenses": [{"type": "MIT"}, {"type": "Apache-2.0"}]}"#,
        ])
        let cataloger = JavaScriptPackageCataloger()
        let selected = files.files { path in cataloger.selectors.contains { if case .path(let matches) = $0.match { matches(path) } else { false } } }
        let result = cataloger.catalog(MemoryResolver(selected), context: CatalogContext())
        #expect(result.warnings.isEmpty)
        #expect(result.nameVersions == ["@fastify/cors@8.5.0", "legacy@1.0.0"])
        let cors = try #require(result.package("@fastify/cors"))
        #expect(cors.purl.description == "pkg:npm/%40fastify/cors@8.5.0")
        #expect(cors.licenses == ["MIT"])
        #expect(cors.dependsOn == ["fastify-plugin", "mnemonist"])
        #expect(cors.foundBy == "javascript-package-cataloger")
        #expect(result.package("legacy")?.licenses == ["MIT", "Apache-2.0"])
    }

    @Test("malformed lockfiles", arguments: [
        ("/a/package-lock.json", "{\"lockfileVersion\": 3, \"packages\": {", "invalid JSON"),
        ("/a/package-lock.json", "{\"lockfileVersion\": 3}", "neither a 'packages' nor a 'dependencies' object"),
        ("/a/node_modules/x/package.json", "[1, 2]", "not a JSON object"),
        ("/a/yarn.lock", "left-pad@^1.0.0:\n  resolved \"x\"\n", "has no version"),
        ("/a/yarn.lock", "just some words\n", "expected an entry"),
        ("/a/pnpm-lock.yaml", "packages:\n  /a@1:\n", "no lockfileVersion"),
    ])
    func malformed(path: String, text: String, message: String) {
        let files = MemoryResolver([path: text])
        var result = JavaScriptLockCataloger().catalog(files, context: CatalogContext())
        result.merge(JavaScriptPackageCataloger().catalog(files, context: CatalogContext()))
        #expect(result.packages.isEmpty)
        #expect(result.warnings.first?.path == path)
        #expect(result.warnings.first?.message.contains(message) == true, "\(result.warnings)")
    }
}
