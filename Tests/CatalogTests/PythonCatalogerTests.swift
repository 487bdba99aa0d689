import Catalog
import Foundation
import Testing

@Suite struct PythonCatalogerTests {
    /// A site-packages directory with real installed distributions: a `pip install --target`
    /// of requests 2.25.1 and idna 2.10 into a temporary directory, or else the running
    /// Python's own site-packages.
    static func sitePackages() -> (path: String, temporary: Bool)? {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-pip-\(UUID().uuidString)").path
        if run("python3", ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target", target,
                           "requests==2.25.1", "idna==2.10"]) != nil {
            return (target, true)
        }
        return run("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
            .map { ($0.trimmingCharacters(in: .whitespacesAndNewlines), false) }
    }

    @Test("ground truth: a real site-packages equals `pip list --path`")
    func sitePackagesGroundTruth() throws {
        let (directory, temporary) = try #require(Self.sitePackages())
        defer { if temporary { try? FileManager.default.removeItem(atPath: directory) } }
        let listing = try #require(run("python3", ["-m", "pip", "list", "--disable-pip-version-check", "--path", directory, "--format", "json"]))
        let listed = try JSONDecoder().decode([[String: String]].self, from: Data(listing.utf8))
        let expected = Set(listed.compactMap { entry in entry["name"].flatMap { name in entry["version"].map { "\(normalize(name))@\($0)" } } })
        let cataloger = PythonInstalledCataloger()
        let result = cataloger.catalog(MemoryResolver.loading(root: directory, directories: ["."], selectors: cataloger.selectors),
                                       context: CatalogContext())
        #expect(!expected.isEmpty)
        #expect(Set(result.packages.map { "\(normalize($0.name))@\($0.version)" }) == expected)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        if expected.contains("requests@2.25.1") {
            let requests = try #require(result.package("requests"))
            #expect(requests.purl.description == "pkg:pypi/requests@2.25.1")
            #expect(requests.licenses == ["Apache-2.0"])
            #expect(Set(requests.dependsOn).isSuperset(of: ["idna", "urllib3", "certifi", "chardet"]))
            #expect(requests.locations.map(\.path) == ["/requests-2.25.1.dist-info/METADATA", "/requests-2.25.1.dist-info/RECORD"])
        }
    }

    private func normalize(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-")
    }

    @Test("metadata fields", arguments: [
        ("/usr/lib/python3/dist-packages/Flask_SQLAlchemy-3.1.1.dist-info/METADATA", "python/METADATA",
         "pkg:pypi/flask-sqlalchemy@3.1.1", ["BSD-3-Clause"], ["flask", "sqlalchemy"]),
        ("/usr/lib/python3/dist-packages/zope.interface-5.4.0.egg-info/PKG-INFO", "python/PKG-INFO",
         "pkg:pypi/zope-interface@5.4.0", ["Zope Public License", "MIT"], []),
    ])
    func metadata(path: String, fixture: String, purl: String, licenses: [String], depends: [String]) throws {
        let result = PythonInstalledCataloger().catalog(MemoryResolver([path: try Fixture.text(fixture)]), context: CatalogContext())
        #expect(result.warnings.isEmpty)
        let package = try #require(result.packages.first)
        #expect(result.packages.count == 1)
        #expect(package.purl.description == purl)
        #expect(package.licenses == licenses)
        #expect(package.dependsOn == depends)
        #expect(package.foundBy == "python-installed-package-cataloger")
        #expect(package.locations == [PackageLocation(path: path)])
    }

    @Test("malformed metadata", arguments: [
        ("Version: 1.0\n", "no Name header"),
        ("Name: x\nSummary: y\n", "no Version header"),
        ("\n\n", "no metadata headers"),
        ("Name x\nVersion: 1\nName: y\n", "line 1"),
    ])
    func malformed(text: String, message: String) {
        let path = "/site/x-1.0.dist-info/METADATA"
        let result = PythonInstalledCataloger().catalog(MemoryResolver([path: text]), context: CatalogContext())
        #expect(result.warnings.first?.path == path)
        #expect(result.warnings.first?.message.contains(message) == true, "\(result.warnings)")
    }
}
