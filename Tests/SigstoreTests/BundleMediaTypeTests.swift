import Testing
@testable import Sigstore

@Suite struct BundleMediaTypeTests {
    @Test func parsesTheCurrentMediaType() {
        #expect(BundleMediaType(rawValue: "application/vnd.dev.sigstore.bundle.v0.3+json") == .v03)
    }
}
