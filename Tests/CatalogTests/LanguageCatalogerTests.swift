import Catalog
import Testing

/// Ruby, PHP and .NET catalogers on real-format files.
@Suite struct LanguageCatalogerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var cataloger: any Cataloger
        var path: String
        var fixture: String
        /// `name@version purl` per package, sorted by name.
        var expected: [String]
        var testDescription: String { "\(cataloger.name) \(fixture)" }
    }

    @Test(arguments: [
        Case(cataloger: RubyGemspecCataloger(), path: "/usr/lib/ruby/gems/3.2.0/specifications/rack-3.0.8.gemspec",
             fixture: "ruby/rack-3.0.8.gemspec", expected: ["rack@3.0.8 pkg:gem/rack@3.0.8"]),
        Case(cataloger: RubyGemspecCataloger(), path: "/gems/specifications/nokogiri-1.15.4-x86_64-linux.gemspec",
             fixture: "ruby/nokogiri-1.15.4-x86_64-linux.gemspec", expected: ["nokogiri@1.15.4 pkg:gem/nokogiri@1.15.4"]),
        Case(cataloger: ComposerLockCataloger(), path: "/var/www/composer.lock", fixture: "php/composer.lock",
             expected: ["monolog/monolog@3.5.0 pkg:composer/monolog/monolog@3.5.0", "phpunit/phpunit@10.5.5 pkg:composer/phpunit/phpunit@10.5.5",
                        "psr/log@3.0.0 pkg:composer/psr/log@3.0.0"]),
        Case(cataloger: ComposerInstalledCataloger(), path: "/var/www/vendor/composer/installed.json", fixture: "php/installed-v2.json",
             expected: ["psr/log@3.0.0 pkg:composer/psr/log@3.0.0"]),
        Case(cataloger: ComposerInstalledCataloger(), path: "/var/www/vendor/composer/installed.json", fixture: "php/installed-v1.json",
             expected: ["symfony/polyfill-ctype@v1.28.0 pkg:composer/symfony/polyfill-ctype@v1.28.0"]),
        Case(cataloger: DotNetDepsCataloger(), path: "/app/WebApp.deps.json", fixture: "dotnet/app.deps.json",
             expected: ["Newtonsoft.Json@13.0.3 pkg:nuget/Newtonsoft.Json@13.0.3", "Serilog.AspNetCore@8.0.0 pkg:nuget/Serilog.AspNetCore@8.0.0",
                        "Serilog@3.1.1 pkg:nuget/Serilog@3.1.1"]),
    ])
    func packages(_ test: Case) throws {
        let result = test.cataloger.catalog(MemoryResolver([test.path: try Fixture.text(test.fixture)]), context: CatalogContext())
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.packages.map { "\($0.name)@\($0.version) \($0.purl)" }.sorted() == test.expected)
        #expect(result.packages.allSatisfy { $0.foundBy == test.cataloger.name && $0.locations == [PackageLocation(path: test.path)] })
    }

    @Test func details() throws {
        let rack = try #require(RubyGemspecCataloger().catalog(MemoryResolver(["/g/specifications/rack-3.0.8.gemspec": try Fixture.text("ruby/rack-3.0.8.gemspec")]),
                                                               context: CatalogContext()).packages.first)
        #expect(rack.licenses == ["MIT"])
        #expect(rack.dependsOn.isEmpty, "development dependencies are not runtime dependencies")
        let nokogiri = try #require(RubyGemspecCataloger().catalog(MemoryResolver(["/g/specifications/n.gemspec": try Fixture.text("ruby/nokogiri-1.15.4-x86_64-linux.gemspec")]),
                                                                   context: CatalogContext()).packages.first)
        #expect(nokogiri.dependsOn == ["racc", "mini_portile2"])
        let composer = ComposerLockCataloger().catalog(MemoryResolver(["/w/composer.lock": try Fixture.text("php/composer.lock")]), context: CatalogContext())
        let monolog = try #require(composer.package("monolog/monolog"))
        #expect(monolog.dependsOn == ["psr/log"])
        #expect(monolog.licenses == ["MIT"])
        #expect(monolog.cpes == ["cpe:2.3:a:monolog:monolog:3.5.0:*:*:*:*:*:*:*"])
        #expect(composer.package("phpunit/phpunit")?.dependsOn == ["sebastian/diff"])
        let deps = DotNetDepsCataloger().catalog(MemoryResolver(["/a/x.deps.json": try Fixture.text("dotnet/app.deps.json")]), context: CatalogContext())
        #expect(deps.package("Serilog.AspNetCore")?.dependsOn == ["Serilog"])
    }

    @Test("malformed files", arguments: [
        ("/g/specifications/x.gemspec", "Gem::Specification.new do |s|\n  s.version = \"1\"\nend\n", "no 's.name"),
        ("/g/specifications/x.gemspec", "Gem::Specification.new do |s|\n  s.name = %q<x\nend\n", "no 's.name"),
        ("/w/composer.lock", "{\"packages\": [{\"name\": \"novendor\", \"version\": \"1\"}]}", "package #1"),
        ("/w/composer.lock", "{}", "no 'packages' array"),
        ("/w/vendor/composer/installed.json", "{\"packages\": 3}", "neither an array"),
        ("/a/x.deps.json", "{\"libraries\": {\"NoVersion\": {\"type\": \"package\"}}}", "not 'Name/Version'"),
        ("/a/x.deps.json", "{\"targets\": {}}", "no 'libraries' object"),
    ])
    func malformed(path: String, text: String, message: String) {
        let files = MemoryResolver([path: text])
        var result = CatalogResult()
        for cataloger in Catalogers.all { result.merge(cataloger.catalog(files, context: CatalogContext())) }
        #expect(result.packages.isEmpty)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.path == path)
        #expect(result.warnings.first?.message.contains(message) == true, "\(result.warnings)")
    }
}
