/// A pull-based stream of byte chunks: the next chunk is produced only when the
/// consumer asks for it, so a blob streamed from a registry into a file or an
/// upload never piles up in memory.
public struct ByteChunks: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    /// Produces the next chunk, or `nil` at the end.
    public typealias Next = @Sendable () async throws -> [UInt8]?

    private let makeNext: @Sendable () -> Next

    /// A stream whose iterator pulls from the closure `makeNext` returns; each
    /// call of `makeNext` starts one pass over the content.
    public init(_ makeNext: @escaping @Sendable () -> Next) {
        self.makeNext = makeNext
    }

    /// A stream of one in-memory buffer.
    public init(bytes: [UInt8]) {
        self.makeNext = {
            let box = OneShot(bytes)
            return { box.take() }
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let next: Next
        public mutating func next() async throws -> [UInt8]? { try await next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(next: makeNext()) }

    /// The same stream, checked as it passes: it throws at the end when the bytes
    /// do not hash to `descriptor.digest` or do not add up to `descriptor.size`,
    /// and as soon as they exceed the size.
    public func verifying(_ descriptor: Descriptor) -> ByteChunks {
        let inner = self
        return ByteChunks {
            let state = VerifyState(descriptor: descriptor, iterator: inner.makeAsyncIterator())
            return { try await state.next() }
        }
    }

    /// Reads the whole stream into memory, refusing more than `limit` bytes.
    public func collect(limit: Int) async throws -> [UInt8] {
        var out: [UInt8] = []
        for try await chunk in self {
            guard out.count + chunk.count <= limit else { throw ByteLimitError(limit: limit) }
            out += chunk
        }
        return out
    }
}

/// More bytes arrived than the caller allowed.
public struct ByteLimitError: Error, Sendable, CustomStringConvertible {
    public let limit: Int
    public var description: String { "content exceeds the \(limit)-byte limit" }
}

private final class OneShot: @unchecked Sendable {
    private var bytes: [UInt8]?
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    // Iterators are used by one task at a time (AsyncIteratorProtocol), so no lock is needed.
    func take() -> [UInt8]? {
        defer { bytes = nil }
        return bytes
    }
}

private final class VerifyState: @unchecked Sendable {
    let descriptor: Descriptor
    var iterator: ByteChunks.AsyncIterator
    var hasher: DigestHasher

    init(descriptor: Descriptor, iterator: ByteChunks.AsyncIterator) {
        self.descriptor = descriptor
        self.iterator = iterator
        self.hasher = DigestHasher(algorithm: descriptor.digest.algorithm)
    }

    func next() async throws -> [UInt8]? {
        if let chunk = try await iterator.next() {
            hasher.update(chunk)
            if hasher.count > descriptor.size {
                throw DigestError.sizeMismatch(digest: descriptor.digest, expected: descriptor.size, actual: hasher.count)
            }
            return chunk
        }
        guard hasher.count == descriptor.size else {
            throw DigestError.sizeMismatch(digest: descriptor.digest, expected: descriptor.size, actual: hasher.count)
        }
        let actual = hasher.finalize()
        guard actual == descriptor.digest else { throw DigestError.mismatch(expected: descriptor.digest, actual: actual) }
        return nil
    }
}
