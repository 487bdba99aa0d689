import Foundation
import NIOHTTP1
import OCIModel

/// One pass over a blob's bytes that survives broken connections: when the body
/// breaks off, it asks again for the rest (`Range: bytes=<offset>-`, or the whole
/// blob, skipping what it has, when the registry ignores ranges), within the retry policy.
final class BlobDownload: @unchecked Sendable {
    // Used by one iterator, so by one task at a time: no lock needed.
    private let repository: RegistryRepository
    private let descriptor: Descriptor
    private var body: ByteChunks.AsyncIterator?
    private var offset: Int64 = 0
    private var skip: Int64 = 0
    private var retries = 0
    private var generator = SystemRandomNumberGenerator()

    init(repository: RegistryRepository, descriptor: Descriptor) {
        self.repository = repository
        self.descriptor = descriptor
    }

    /// Sends the first request now, so a missing blob or a refusal shows before streaming.
    func start() async throws {
        try await open()
    }

    func next() async throws -> [UInt8]? {
        while true {
            if body == nil { try await open() }
            do {
                guard var chunk = try await body?.next() else { return nil }
                if skip > 0 {
                    let dropped = Int(min(skip, Int64(chunk.count)))
                    chunk.removeFirst(dropped)
                    skip -= Int64(dropped)
                    if chunk.isEmpty { continue }
                }
                offset += Int64(chunk.count)
                return chunk
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                body = nil
                let failure = RegistryError.transport(
                    method: "GET", url: repository.url("blobs/\(descriptor.digest)").absoluteString,
                    reason: "the blob broke off after \(offset) bytes: \(error)")
                let policy = repository.client.options.retry
                guard retries < policy.maxRetries else { throw failure }
                retries += 1
                try await Task.sleep(for: policy.delay(forRetry: retries, retryAfter: nil, using: &generator))
            }
        }
    }

    private func open() async throws {
        var headers = HTTPHeaders()
        if offset > 0 { headers.add(name: "Range", value: "bytes=\(offset)-") }
        let request = repository.request(.GET, repository.url("blobs/\(descriptor.digest)"), headers: headers)
        let response = try await repository.client.withRetries {
            let response = try await repository.client.send(request)
            try await repository.requireFound(response, descriptor.digest.description)
            guard response.status == 200 || response.status == 206 else {
                throw await repository.client.failure(of: response, for: request)
            }
            return response
        }
        if response.status == 206 {
            let start = response.header("Content-Range").flatMap(Self.rangeStart)
            guard start == offset else {
                await repository.client.discard(response)
                throw RegistryError.invalidResponse(
                    url: response.url.absoluteString, reason: "asked for bytes from \(offset), got Content-Range \(response.header("Content-Range") ?? "none")")
            }
            skip = 0
        } else {
            skip = offset
        }
        body = response.body.makeAsyncIterator()
    }

    /// The first byte of `bytes <first>-<last>/<total>`.
    static func rangeStart(_ value: String) -> Int64? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes ") else { return nil }
        return trimmed.dropFirst(6).split(separator: "-").first.flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
    }
}
