import Foundation
import Sigstore
import TestSupport

/// The shared Sigstore fixtures: `../shared/testdata/sigstore`.
enum SigstoreTestData {
    static let directory = SharedTestData.directory.appendingPathComponent("sigstore")

    /// The fixture at `relativePath`; throws, naming the expected path, when it is missing.
    static func url(_ relativePath: String) throws -> URL {
        try SharedTestData.url("sigstore/" + relativePath)
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
}
