/// zstd decompression through ``ZstdLibrary``; concatenated frames continue the output.
final class ZstdDecompressor: StreamDecompressor {
    private let library: ZstdLibrary
    private let stream: OpaquePointer
    /// `ZSTD_inBuffer` and `ZSTD_outBuffer`: (pointer, size, pos) each.
    private let inBuffer = UnsafeMutablePointer<Int>.allocate(capacity: 3)
    private let outBuffer = UnsafeMutablePointer<Int>.allocate(capacity: 3)
    private(set) var atStreamBoundary = true

    init() throws(LayerReadError.Reason) {
        library = try ZstdLibrary.shared.get()
        guard let stream = library.create() else {
            inBuffer.deallocate()
            outBuffer.deallocate()
            throw .zstdUnavailable("ZSTD_createDStream failed")
        }
        self.stream = stream
    }

    deinit {
        _ = library.free(stream)
        inBuffer.deallocate()
        outBuffer.deallocate()
    }

    func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer) throws(LayerReadError.Reason)
        -> (consumed: Int, produced: Int) {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress, !input.isEmpty, !output.isEmpty else {
            return (0, 0)
        }
        inBuffer[0] = Int(bitPattern: inBase)
        inBuffer[1] = input.count
        inBuffer[2] = 0
        outBuffer[0] = Int(bitPattern: outBase)
        outBuffer[1] = output.count
        outBuffer[2] = 0
        let result = library.decompress(stream, outBuffer, inBuffer)
        if library.isError(result) != 0 {
            throw .corruptCompression(library.errorName(result).map { String(cString: $0) } ?? "zstd error")
        }
        // 0 means a frame was completely decoded and flushed.
        atStreamBoundary = result == 0
        return (inBuffer[2], outBuffer[2])
    }
}
