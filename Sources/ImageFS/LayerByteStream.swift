import OCIModel

/// The decompressed bytes of one layer blob, pulled in chunks of ``chunkSize``:
/// each call of ``next()`` pulls only as much compressed input as it needs, so
/// memory stays at a few chunks whatever the layer's size. Counts bytes both
/// sides, and refuses output past the per-layer and total limits.
final class LayerByteStream {
    /// The size of the chunks handed out (and the largest one held).
    static let chunkSize = 1 << 20

    private var input: ByteChunks.AsyncIterator
    private let mediaType: String
    private let layerIndex: Int
    private let layer: Digest?
    private let limits: DecompressionLimits
    private let decompressedBefore: Int64
    private let onInput: (Int) -> Void

    private var decompressor: (any StreamDecompressor)?
    private var started = false
    private var finished = false
    private var inputEnded = false
    private var pending: [UInt8] = []
    private var pendingOffset = 0

    /// Decompressed bytes handed out so far.
    private(set) var decompressedBytes: Int64 = 0

    /// `decompressedBefore` is what earlier layers of the same walk produced (for the total limit);
    /// `onInput` is told the size of every compressed chunk pulled.
    init(blob: ByteChunks, mediaType: String, layerIndex: Int, layer: Digest?, limits: DecompressionLimits,
         decompressedBefore: Int64, onInput: @escaping (Int) -> Void) {
        self.input = blob.makeAsyncIterator()
        self.mediaType = mediaType
        self.layerIndex = layerIndex
        self.layer = layer
        self.limits = limits
        self.decompressedBefore = decompressedBefore
        self.onInput = onInput
    }

    /// The next decompressed chunk (never empty), or `nil` at the proper end.
    /// Throws ``LayerReadError``, ``ImageFSError/totalLimitExceeded(limit:layerIndex:layer:)``
    /// or ``SourceReadError``.
    func next() async throws -> [UInt8]? {
        if finished { return nil }
        if !started { try await start() }
        guard let decompressor else {
            let chunk: [UInt8]
            if pendingOffset < pending.count {
                chunk = pending
                pending = []
                pendingOffset = 0
            } else {
                guard let next = try await pull() else { return finish() }
                chunk = next
            }
            try account(chunk.count)
            return chunk
        }
        var output: [UInt8] = []
        var produced = 0
        while produced == 0 {
            if pendingOffset == pending.count {
                guard let chunk = try await pull() else {
                    guard decompressor.atStreamBoundary else { throw reason(.truncatedCompression) }
                    return finish()
                }
                pending = chunk
                pendingOffset = 0
            }
            let step: (consumed: Int, produced: Int)
            do {
                step = try Self.run(decompressor, input: pending, from: pendingOffset, into: &output)
            } catch {
                throw reason(error)
            }
            if step.consumed == 0 && step.produced == 0 {
                throw reason(.corruptCompression("the decompressor made no progress"))
            }
            pendingOffset += step.consumed
            produced = step.produced
        }
        try account(produced)
        return output
    }

    /// Reads the rest of the compressed blob without decoding it, so the source
    /// still verifies the blob's digest after a layer failed to decode.
    func drainInput() async throws {
        guard !finished else { return }
        finished = true
        while try await pull() != nil {}
    }

    private func start() async throws {
        started = true
        guard let first = try await pull() else { return }
        pending = first
        switch LayerCompression.detect(mediaType: mediaType, head: first.prefix(4)) {
        case .none: decompressor = nil
        case .gzip: decompressor = try make { () throws(LayerReadError.Reason) in try GzipDecompressor() }
        case .zstd: decompressor = try make { () throws(LayerReadError.Reason) in try ZstdDecompressor() }
        }
    }

    private func make(_ body: () throws(LayerReadError.Reason) -> any StreamDecompressor) throws(LayerReadError) -> any StreamDecompressor {
        do { return try body() } catch { throw reason(error) }
    }

    /// Decompresses into `output` until it is full or the pending input is used up.
    private static func run(_ decompressor: any StreamDecompressor, input: [UInt8], from offset: Int, into output: inout [UInt8])
        throws(LayerReadError.Reason) -> (consumed: Int, produced: Int) {
        var consumed = 0
        var produced = 0
        var failure: LayerReadError.Reason?
        input.withUnsafeBytes { inBytes in
            output = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
                let out = UnsafeMutableRawBufferPointer(buffer)
                while consumed < inBytes.count - offset, produced < out.count {
                    do throws(LayerReadError.Reason) {
                        let step = try decompressor.step(
                            input: UnsafeRawBufferPointer(rebasing: inBytes[(offset + consumed)...]),
                            output: UnsafeMutableRawBufferPointer(rebasing: out[produced...]))
                        consumed += step.consumed
                        produced += step.produced
                        if step.consumed == 0 && step.produced == 0 { break }
                    } catch {
                        failure = error
                        break
                    }
                }
                count = produced
            }
        }
        if let failure { throw failure }
        return (consumed, produced)
    }

    private func pull() async throws -> [UInt8]? {
        guard !inputEnded else { return nil }
        let chunk: [UInt8]?
        do { chunk = try await input.next() } catch { throw SourceReadError(underlying: error) }
        if let chunk { onInput(chunk.count) } else { inputEnded = true }
        return chunk
    }

    private func account(_ count: Int) throws {
        decompressedBytes += Int64(count)
        if decompressedBytes > limits.perLayer { throw reason(.perLayerLimitExceeded(limit: limits.perLayer)) }
        if decompressedBefore + decompressedBytes > limits.total {
            throw ImageFSError.totalLimitExceeded(limit: limits.total, layerIndex: layerIndex, layer: layer)
        }
    }

    private func finish() -> [UInt8]? {
        finished = true
        return nil
    }

    private func reason(_ reason: LayerReadError.Reason) -> LayerReadError {
        LayerReadError(layerIndex: layerIndex, layer: layer, reason: reason)
    }
}
