import Foundation
import OCIModel
import Testing
@testable import OCILayout

/// A blob already in a destination layout is skipped only when its bytes match its
/// digest: a corrupt one of the right size is reported missing and written again.
@Suite("Existing blobs in a destination layout")
struct ExistingBlobTests {
    static let content = Array("layer bytes".utf8)
    static let descriptor = Descriptor(mediaType: MediaType.ociLayer, digest: Digest.compute(content), size: Int64(content.count))

    @Test("a verified blob is there; a corrupt one of the same size is not, and is replaced")
    func corruptBlobIsReplaced() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let layout = try OCIDirectory(writingAt: dir.at("out"))
        try await layout.putBlob(Self.descriptor, content: ByteChunks(bytes: Self.content))
        #expect(try await layout.hasBlob(Self.descriptor))

        let file = "out/\(LayoutFormat.blobPath(Self.descriptor.digest))"
        try dir.write(file, Array("LAYER BYTES".utf8))
        #expect(try await !layout.hasBlob(Self.descriptor))

        try await layout.putBlob(Self.descriptor, content: ByteChunks(bytes: Self.content))
        #expect(try dir.read(file) == Self.content)
        #expect(try await layout.hasBlob(Self.descriptor))
    }
}
