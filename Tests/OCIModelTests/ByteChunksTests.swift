import OCIModel
import Testing

/// Records how many chunks a stream handed out, across passes.
actor PullLog {
    private(set) var pulls = 0
    private(set) var passes = 0
    func pulled() { pulls += 1 }
    func started() { passes += 1 }
}

/// One pass over fixed chunks.
private actor Cursor {
    private var remaining: ArraySlice<[UInt8]>
    init(_ chunks: [[UInt8]]) { remaining = chunks[...] }
    func next() -> [UInt8]? { remaining.popFirst() }
}

/// A stream of `chunks` that logs every chunk it hands out; every pass starts over.
func loggedStream(_ chunks: [[UInt8]], log: PullLog) -> ByteChunks {
    ByteChunks {
        let cursor = Cursor(chunks)
        let started = StartOnce(log)
        return {
            await started.markStarted()
            guard let chunk = await cursor.next() else { return nil }
            await log.pulled()
            return chunk
        }
    }
}

private actor StartOnce {
    let log: PullLog
    var done = false
    init(_ log: PullLog) { self.log = log }
    func markStarted() async {
        guard !done else { return }
        done = true
        await log.started()
    }
}

/// Splits `bytes` into chunks of `size` (the last may be shorter).
func chunked(_ bytes: [UInt8], size: Int) -> [[UInt8]] {
    stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
}

func descriptor(for bytes: [UInt8], algorithm: Digest.Algorithm = .sha256, size: Int? = nil) -> Descriptor {
    Descriptor(mediaType: MediaType.ociLayerGzip, digest: Digest.compute(bytes, algorithm: algorithm), size: Int64(size ?? bytes.count))
}

@Suite("ByteChunks")
struct ByteChunksTests {
    static let content: [UInt8] = {
        var generator = SplitMix64(seed: 42)
        return (0..<10_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }()

    // MARK: verifying

    @Test("content matching its descriptor passes through unchanged", arguments: Digest.Algorithm.allCases, [1, 7, 1000, 4096, 10_000, 20_000])
    func verifiedGoodContent(algorithm: Digest.Algorithm, chunkSize: Int) async throws {
        let log = PullLog()
        let stream = loggedStream(chunked(Self.content, size: chunkSize), log: log).verifying(descriptor(for: Self.content, algorithm: algorithm))
        var received: [[UInt8]] = []
        for try await chunk in stream { received.append(chunk) }
        #expect(received == chunked(Self.content, size: chunkSize), "chunks are passed on as they came")
        #expect(received.flatMap { $0 } == Self.content)
    }

    @Test("empty content verifies against the empty digest")
    func emptyContent() async throws {
        let empty = ByteChunks(bytes: []).verifying(descriptor(for: []))
        #expect(try await empty.collect(limit: 0) == [])
        let noChunks = ByteChunks { { nil } }.verifying(descriptor(for: []))
        #expect(try await noChunks.collect(limit: 10) == [])
    }

    @Test("one flipped byte is a digest mismatch at the end", arguments: [0, 1, 4999, 9999])
    func flippedByte(at offset: Int) async throws {
        var tampered = Self.content
        tampered[offset] ^= 0x01
        let expected = descriptor(for: Self.content)
        let stream = ByteChunks(bytes: tampered).verifying(expected)
        await #expect(throws: DigestError.mismatch(expected: expected.digest, actual: Digest.compute(tampered))) {
            _ = try await stream.collect(limit: .max)
        }
    }

    @Test("the mismatch is raised when the stream ends, after every chunk was delivered")
    func mismatchAtEnd() async throws {
        var tampered = Self.content
        tampered[0] ^= 0xFF
        let chunks = chunked(tampered, size: 1000)
        let log = PullLog()
        var iterator = loggedStream(chunks, log: log).verifying(descriptor(for: Self.content)).makeAsyncIterator()
        for expected in chunks {
            #expect(try await iterator.next() == expected)
        }
        await #expect(throws: DigestError.self) { _ = try await iterator.next() }
        #expect(await log.pulls == chunks.count)
    }

    @Test("sha512 descriptors are verified with sha512")
    func sha512Mismatch() async throws {
        let expected = descriptor(for: Self.content, algorithm: .sha512)
        let other = Array(Self.content.reversed())
        await #expect(throws: DigestError.mismatch(expected: expected.digest, actual: Digest.compute(other, algorithm: .sha512))) {
            _ = try await ByteChunks(bytes: other).verifying(expected).collect(limit: .max)
        }
    }

    @Test("too much content is a size mismatch as soon as the size is exceeded")
    func tooLong() async throws {
        let log = PullLog()
        // Three 4-byte chunks against a 5-byte descriptor: the second chunk oversteps.
        let chunks: [[UInt8]] = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
        let expected = descriptor(for: [1, 2, 3, 4, 5])
        var iterator = loggedStream(chunks, log: log).verifying(expected).makeAsyncIterator()
        #expect(try await iterator.next() == [1, 2, 3, 4])
        await #expect(throws: DigestError.sizeMismatch(digest: expected.digest, expected: 5, actual: 8)) {
            _ = try await iterator.next()
        }
        #expect(await log.pulls == 2, "the third chunk is never requested")
    }

    @Test("an endless stream is cut off once it passes the descriptor's size")
    func endlessStream() async throws {
        let endless = ByteChunks { { [UInt8](repeating: 0, count: 4) } }
        let expected = descriptor(for: [UInt8](repeating: 0, count: 10))
        await #expect(throws: DigestError.sizeMismatch(digest: expected.digest, expected: 10, actual: 12)) {
            _ = try await endless.verifying(expected).collect(limit: .max)
        }
    }

    @Test("content that is one byte too long is refused even if the prefix hashes right")
    func oneByteTooLong() async throws {
        let expected = descriptor(for: Self.content)
        await #expect(throws: DigestError.sizeMismatch(digest: expected.digest, expected: 10_000, actual: 10_001)) {
            _ = try await ByteChunks(bytes: Self.content + [0]).verifying(expected).collect(limit: .max)
        }
    }

    @Test("too little content is a size mismatch at the end", arguments: [0, 1, 9_999])
    func tooShort(length: Int) async throws {
        let expected = descriptor(for: Self.content)
        let short = Array(Self.content.prefix(length))
        await #expect(throws: DigestError.sizeMismatch(digest: expected.digest, expected: 10_000, actual: Int64(length))) {
            _ = try await ByteChunks(bytes: short).verifying(expected).collect(limit: .max)
        }
    }

    @Test("a descriptor with the wrong size fails even for the right bytes")
    func wrongSizeRightBytes() async throws {
        let expected = descriptor(for: Self.content, size: 10_001)
        await #expect(throws: DigestError.sizeMismatch(digest: expected.digest, expected: 10_001, actual: 10_000)) {
            _ = try await ByteChunks(bytes: Self.content).verifying(expected).collect(limit: .max)
        }
    }

    @Test("errors from the underlying stream propagate through verifying")
    func upstreamErrors() async throws {
        struct Broken: Error, Equatable {}
        let failing = ByteChunks { { throw Broken() } }
        await #expect(throws: Broken()) { _ = try await failing.verifying(descriptor(for: [])).collect(limit: 10) }
    }

    // MARK: collect

    @Test("collect(limit:) allows exactly the limit and refuses one byte more", arguments: [1, 3, 100, 10_000])
    func collectLimit(chunkSize: Int) async throws {
        let stream = loggedStream(chunked(Self.content, size: chunkSize), log: PullLog())
        #expect(try await stream.collect(limit: Self.content.count) == Self.content)
        #expect(try await stream.collect(limit: Self.content.count + 1) == Self.content)
        let error = try await #require(throws: ByteLimitError.self) { _ = try await stream.collect(limit: Self.content.count - 1) }
        #expect(error.limit == Self.content.count - 1)
        #expect(error.description.contains("\(Self.content.count - 1)-byte limit"))
    }

    @Test("collect(limit:) stops pulling once the limit is passed")
    func collectStopsEarly() async throws {
        let log = PullLog()
        let stream = loggedStream(chunked(Self.content, size: 100), log: log)
        await #expect(throws: ByteLimitError.self) { _ = try await stream.collect(limit: 250) }
        #expect(await log.pulls == 3)
        let endless = ByteChunks { { [0, 0, 0] } }
        await #expect(throws: ByteLimitError.self) { _ = try await endless.collect(limit: 1_000) }
    }

    @Test func collectZeroLimit() async throws {
        #expect(try await ByteChunks(bytes: []).collect(limit: 0) == [])
        await #expect(throws: ByteLimitError.self) { _ = try await ByteChunks(bytes: [1]).collect(limit: 0) }
    }

    // MARK: re-iteration

    @Test("an in-memory stream can be iterated more than once")
    func inMemoryTwice() async throws {
        let stream = ByteChunks(bytes: Self.content)
        #expect(try await stream.collect(limit: .max) == Self.content)
        #expect(try await stream.collect(limit: .max) == Self.content)
        // Two iterators at once are independent passes.
        var a = stream.makeAsyncIterator()
        var b = stream.makeAsyncIterator()
        #expect(try await a.next() == Self.content)
        #expect(try await b.next() == Self.content)
        #expect(try await a.next() == nil)
        #expect(try await b.next() == nil)
        #expect(try await a.next() == nil, "an exhausted iterator stays exhausted")
    }

    @Test("each pass calls makeNext again, and a verifying stream re-verifies each pass")
    func verifyingTwice() async throws {
        let log = PullLog()
        let chunks = chunked(Self.content, size: 3000)
        let stream = loggedStream(chunks, log: log).verifying(descriptor(for: Self.content))
        #expect(try await stream.collect(limit: .max) == Self.content)
        #expect(try await stream.collect(limit: .max) == Self.content)
        #expect(await log.passes == 2)
        #expect(await log.pulls == 2 * chunks.count)

        var tampered = Self.content
        tampered[42] ^= 1
        let bad = ByteChunks(bytes: tampered).verifying(descriptor(for: Self.content))
        for _ in 0..<2 {
            await #expect(throws: DigestError.self) { _ = try await bad.collect(limit: .max) }
        }
    }
}
