import Foundation
import NIOHTTP1
import OCIModel
import Synchronization

extension RegistryRepository {
    /// The blob's bytes as a stream checked against `descriptor` (the stream throws
    /// at the end on a digest or size mismatch, and as soon as the size is exceeded).
    ///
    /// The request is sent before this returns, so a missing blob throws
    /// ``ContentNotFound`` here. The body is pulled as it is consumed, never buffered
    /// whole; a connection that breaks mid-body is resumed. Iterating the stream
    /// again downloads the blob again.
    public func blob(_ descriptor: Descriptor) async throws -> ByteChunks {
        let first = BlobDownload(repository: self, descriptor: descriptor)
        try await first.start()
        let unused = Mutex<BlobDownload?>(first)
        let repository = self
        return ByteChunks {
            let download = unused.withLock { $0.take() } ?? BlobDownload(repository: repository, descriptor: descriptor)
            return { try await download.next() }
        }.verifying(descriptor)
    }

    /// Downloads the blob into `file`: written to a temporary file in the same
    /// directory and renamed into place only after the digest checked out.
    public func downloadBlob(_ descriptor: Descriptor, to file: URL) async throws {
        let directory = file.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                for try await chunk in try await blob(descriptor) { try handle.write(contentsOf: chunk) }
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            guard rename(temporary.path, file.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Whether the registry has the blob `digest` in this repository (HEAD).
    public func blobExists(_ digest: Digest) async throws -> Bool {
        let request = request(.HEAD, url("blobs/\(digest)"))
        return try await client.withRetries {
            let response = try await client.send(request)
            await client.discard(response)
            switch response.status {
            case 200: return true
            case 404: return false
            default: throw await client.failure(of: response, for: request)
            }
        }
    }
}
