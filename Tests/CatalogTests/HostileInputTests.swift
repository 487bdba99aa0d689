import Catalog
import Testing

/// Every cataloger on every file format it reads, fed garbage: it must not crash, and
/// whatever it reports names the file.
@Suite struct HostileInputTests {
    static let paths = [
        "/var/lib/dpkg/status", "/var/lib/dpkg/status.d/libfoo", "/lib/apk/db/installed",
        "/site/x-1.0.dist-info/METADATA", "/site/x.egg-info/PKG-INFO", "/app/node_modules/x/package.json",
        "/app/package-lock.json", "/app/yarn.lock", "/app/pnpm-lock.yaml", "/gems/specifications/x-1.gemspec",
        "/www/composer.lock", "/www/vendor/composer/installed.json", "/app/x.deps.json",
    ]

    static let inputs: [(name: String, bytes: [UInt8])] = {
        var generator = SystemRandomNumberGenerator()
        return [
            ("binary", (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]),
            ("invalid UTF-8", Array(repeating: [0xFF, 0xFE, 0xC3, 0x28, 0x3A, 0x0A], count: 10_000).flatMap { $0 }),
            ("one 4 MiB line", Array(repeating: UInt8(ascii: "a"), count: 4 << 20)),
            ("deep nesting", Array(repeating: UInt8(ascii: "["), count: 200_000) + Array(repeating: UInt8(ascii: "{"), count: 100)),
            ("empty", []),
            ("colons", Array(String(repeating: "Package: \u{0}\n:\n  \n", count: 1000).utf8)),
        ]
    }()

    @Test(arguments: paths)
    func garbage(path: String) {
        for input in Self.inputs {
            let files = MemoryResolver([ResolvedFile(path: path, content: input.bytes)])
            var result = CatalogResult()
            for cataloger in Catalogers.all { result.merge(cataloger.catalog(files, context: CatalogContext())) }
            #expect(result.warnings.allSatisfy { $0.path == path }, "\(input.name)")
            #expect(result.warnings.count <= 1, "\(input.name): one summarising warning per file")
            if input.name != "empty" {
                #expect(result.packages.isEmpty, "\(input.name): \(result.packages.map(\.name))")
                #expect(result.warnings.count == 1, "\(input.name) at \(path) went unreported")
            }
        }
    }

    @Test func registryListsEveryCatalogerOnce() {
        let names = Catalogers.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.contains("dpkg-db-cataloger") && names.contains("javascript-lock-cataloger"))
        #expect(Catalogers.all.allSatisfy { !$0.selectors.isEmpty })
    }
}
