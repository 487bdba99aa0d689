import Foundation
import Testing
import TestSupport
@testable import VersionSchemes

/// Every reference-checked vector, both ways round, per scheme.
@Suite struct VectorTests {
    @Test(arguments: VersionVectors.files.sorted { $0.key < $1.key })
    func vectorsOrderAsTheReference(_ file: String, _ scheme: VersionScheme) throws {
        let vectors = try VersionVectors.load(file)
        #expect(vectors.count > 40)
        let wrong = VersionVectors.mismatches(vectors, scheme)
        #expect(wrong.isEmpty, "\(file): \(wrong.count) of \(vectors.count) wrong, e.g. \(wrong.prefix(5))")
    }

    /// A vector file added to the shared folder is not silently skipped.
    @Test func everyVectorFileHasAScheme() throws {
        let folder = try SharedTestData.url("versions")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tsv") && $0 != "rejected.tsv" }
        #expect(files.count >= VersionVectors.files.count)
        let unmapped = files.filter { VersionVectors.files[$0] == nil }
        #expect(unmapped.isEmpty, "vector files without a scheme in VersionVectors.files: \(unmapped.sorted())")
    }
}
