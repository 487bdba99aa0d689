import Foundation
import OCIModel
import Testing
import TestSupport

extension HostileInputs {
    /// Issue 11, item 14: a blob already in an `oci-dir:` destination is skipped only when
    /// its bytes match its digest; a corrupt one (same size, other bytes) is written again.
    @Suite struct CopyCases {
        static let example = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/hello-multiarch").path

        @Test("a corrupt destination blob is replaced, not skipped")
        func corruptDestinationBlob() async throws {
            let scratch = try Scratch()
            defer { scratch.remove() }
            let destination = scratch.at("copy")
            let first = try await Hallmark.run(["copy", "--all", "oci-dir:\(Self.example)", "oci-dir:\(destination)"])
            #expect(first.status == 0, "\(first)")
            let blobs = destination + "/blobs/sha256"
            let largest = try FileManager.default.contentsOfDirectory(atPath: blobs).max { try Self.size(blobs + "/" + $0) < Self.size(blobs + "/" + $1) }
            let victim = try #require(largest)
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: blobs + "/" + victim)))
            bytes[bytes.count / 2] ^= 0xff
            try Data(bytes).write(to: URL(fileURLWithPath: blobs + "/" + victim))

            let outcome = try await Hallmark.run(["copy", "--all", "oci-dir:\(Self.example)", "oci-dir:\(destination)"])
            #expect(outcome.isWithin(Hallmark.limits), "\(outcome)")
            #expect(outcome.status == 0, "\(outcome)")
            let repaired = Array(try Data(contentsOf: URL(fileURLWithPath: blobs + "/" + victim)))
            #expect(Digest.compute(repaired).encoded == victim)
        }

        private static func size(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
    }
}
