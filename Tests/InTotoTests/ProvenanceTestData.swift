import Foundation
import InToto
import TestSupport

/// The shared Sigstore test data (`../shared/testdata/sigstore`).
enum ProvenanceTestData {
    /// The in-toto statement inside the DSSE envelope of the Sigstore bundle at
    /// `relativePath` (relative to `testdata/sigstore`).
    static func statement(inBundle relativePath: String) throws -> Statement {
        let data = try Data(contentsOf: SharedTestData.url("sigstore/" + relativePath))
        let envelope = try JSONDecoder().decode(BundleEnvelope.self, from: data).dsseEnvelope
        return try JSONDecoder().decode(Statement.self, from: envelope.payload)
    }

    /// The one member of a bundle these tests need.
    private struct BundleEnvelope: Decodable {
        var dsseEnvelope: DSSEEnvelope
    }
}
