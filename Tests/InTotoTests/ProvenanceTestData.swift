import Foundation
import InToto

/// The shared test data: `../shared/testdata` resolved against the package
/// root (three levels above this file).
enum ProvenanceTestData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent("../shared/testdata/sigstore").standardizedFileURL

    /// The in-toto statement inside the DSSE envelope of the Sigstore bundle at
    /// `relativePath` (relative to `testdata/sigstore`).
    static func statement(inBundle relativePath: String) throws -> Statement {
        guard FileManager.default.fileExists(atPath: directory.path) else { throw FixturesMissing(directory: directory) }
        let data = try Data(contentsOf: directory.appendingPathComponent(relativePath))
        let envelope = try JSONDecoder().decode(BundleEnvelope.self, from: data).dsseEnvelope
        return try JSONDecoder().decode(Statement.self, from: envelope.payload)
    }

    /// The one member of a bundle these tests need.
    private struct BundleEnvelope: Decodable {
        var dsseEnvelope: DSSEEnvelope
    }

    struct FixturesMissing: Error, CustomStringConvertible {
        var directory: URL
        var description: String {
            "shared Sigstore test data not found: expected it at \(directory.path) (../shared/testdata/sigstore relative to the package root)"
        }
    }
}
