import Foundation
import NIOHTTP1
import OCIModel

/// How a blob got into the repository.
public enum BlobPushOutcome: Sendable, Equatable {
    /// Mounted from another repository of the registry; no bytes moved.
    case mounted
    /// Uploaded.
    case uploaded
}

extension RegistryRepository {
    /// Stores a blob, verifying `content` against `descriptor` while it is sent.
    ///
    /// With `mountingFrom` (a repository of the same registry) it first asks for a
    /// cross-repository mount; when the registry cannot mount (202), the upload goes
    /// to the session it opened. Blobs up to
    /// ``RegistryClientOptions/chunkedUploadThreshold`` are sent in one `PUT`, larger
    /// ones in `PATCH` chunks. A failed upload starts over in a new session within the
    /// retry policy (iterating `content` again).
    @discardableResult
    public func pushBlob(_ descriptor: Descriptor, content: ByteChunks, mountingFrom: String? = nil) async throws -> BlobPushOutcome {
        let verified = content.verifying(descriptor)
        return try await client.withRetries {
            guard let session = try await startUpload(mounting: mountingFrom.map { (descriptor.digest, $0) }) else { return .mounted }
            if descriptor.size > client.options.chunkedUploadThreshold {
                try await uploadChunked(verified, digest: descriptor.digest, to: session)
            } else {
                try await uploadMonolithic(verified, length: descriptor.size, digest: descriptor.digest, to: session)
            }
            return .uploaded
        }
    }

    /// Mounts the blob from `source` (a repository of the same registry) without
    /// uploading; `false` when the registry could not (its upload session is cancelled).
    public func mountBlob(_ descriptor: Descriptor, from source: String) async throws -> Bool {
        let session = try await client.withRetries { try await startUpload(mounting: (descriptor.digest, source)) }
        guard let session else { return true }
        // Best effort: the registry purges abandoned sessions anyway.
        if let response = try? await client.send(request(.DELETE, session, push: true)) { await client.discard(response) }
        return false
    }

    /// Opens an upload session (`POST /blobs/uploads/`) and returns its location, or
    /// `nil` when the blob was mounted from `mounting.from` (201).
    private func startUpload(mounting: (digest: Digest, from: String)?) async throws -> URL? {
        var query: [URLQueryItem] = []
        var extraScopes: [String] = []
        if let mounting {
            query = [URLQueryItem(name: "mount", value: mounting.digest.description), URLQueryItem(name: "from", value: mounting.from)]
            extraScopes = ["repository:\(mounting.from):pull"]
        }
        let request = request(.POST, url("blobs/uploads/", query: query), body: .bytes([]), push: true, extraScopes: extraScopes)
        let response = try await client.send(request)
        switch response.status {
        case 201 where mounting != nil:
            await client.discard(response)
            return nil
        case 202:
            await client.discard(response)
            return try location(of: response)
        default:
            throw await client.failure(of: response, for: request)
        }
    }

    /// Sends the whole blob in one `PUT <location>?digest=`.
    private func uploadMonolithic(_ content: ByteChunks, length: Int64, digest: Digest, to session: URL) async throws {
        try await finish(session, digest: digest, body: .stream(content, length: length))
    }

    /// Sends the blob in `PATCH` chunks of ``RegistryClientOptions/uploadChunkSize``
    /// (one in memory at a time), then closes the session with an empty `PUT`.
    private func uploadChunked(_ content: ByteChunks, digest: Digest, to session: URL) async throws {
        let chunkSize = client.options.uploadChunkSize
        var location = session
        var offset: Int64 = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkSize)
        func send() async throws {
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/octet-stream")
            headers.add(name: "Content-Range", value: "\(offset)-\(offset + Int64(buffer.count) - 1)")
            let request = request(.PATCH, location, headers: headers, body: .bytes(buffer), push: true)
            let response = try await client.send(request)
            guard response.status == 202 else { throw await client.failure(of: response, for: request) }
            await client.discard(response)
            location = try self.location(of: response)
            offset += Int64(buffer.count)
            buffer.removeAll(keepingCapacity: true)
        }
        for try await chunk in content {
            var rest = chunk[...]
            while !rest.isEmpty {
                let take = min(chunkSize - buffer.count, rest.count)
                buffer += rest.prefix(take)
                rest = rest.dropFirst(take)
                if buffer.count == chunkSize { try await send() }
            }
        }
        if !buffer.isEmpty { try await send() }
        try await finish(location, digest: digest, body: .bytes([]))
    }

    /// Closes an upload session with `PUT <location>?digest=` and `body`; expects 201.
    private func finish(_ location: URL, digest: Digest, body: RequestBody) async throws {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/octet-stream")
        let target = LocationHeader.appendingQuery(location, name: "digest", value: digest.description)
        let request = request(.PUT, target, headers: headers, body: body, push: true)
        let response = try await client.send(request)
        guard response.status == 201 else { throw await client.failure(of: response, for: request) }
        await client.discard(response)
    }

    /// The upload session a response points at (`Location`, relative or absolute).
    private func location(of response: HTTPResponse) throws -> URL {
        guard let value = response.header("Location"), let url = LocationHeader.resolve(value, against: response.url) else {
            throw RegistryError.invalidResponse(url: response.url.absoluteString, reason: "the upload answer has no usable Location header")
        }
        return url
    }
}
