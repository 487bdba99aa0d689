import Foundation
import Sigstore

/// The shared Sigstore fixtures: `../shared/testdata/sigstore` resolved
/// against the package root (three levels above this file).
enum SigstoreTestData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent("../shared/testdata/sigstore").standardizedFileURL

    /// The fixture at `relativePath`; throws, naming the expected folder, when the fixtures are missing.
    static func url(_ relativePath: String) throws -> URL {
        guard FileManager.default.fileExists(atPath: directory.path) else { throw FixturesMissing(directory: directory) }
        return directory.appendingPathComponent(relativePath)
    }

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }

    /// The entries of `CASES.json`.
    static func cases() throws -> [Case] {
        try JSONDecoder().decode([Case].self, from: data("CASES.json"))
    }

    /// The bundles in the fixture at `relativePath`, read as Hallmark reads files.
    static func bundles(_ relativePath: String) throws -> [SigstoreBundle] {
        try BundleReader().bundles(inFileAt: url(relativePath))
    }

    /// The case folders of the copied sigstore-conformance `bundle-verify` suite.
    static func conformanceCaseFolders() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url("conformance/bundle-verify").path)
            .filter { FileManager.default.fileExists(atPath: directory.appendingPathComponent("conformance/bundle-verify/\($0)/bundle.sigstore.json").path) }
            .sorted()
    }

    /// One entry of `CASES.json` (the members these tests use).
    struct Case: Decodable {
        var id: String
        var bundle: String
        var artifactDigest: String?
        var expect: String
    }

    struct FixturesMissing: Error, CustomStringConvertible {
        var directory: URL
        var description: String {
            "shared Sigstore test data not found: expected it at \(directory.path) (../shared/testdata/sigstore relative to the package root)"
        }
    }
}
