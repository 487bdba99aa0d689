import CZlib

/// gzip (or zlib) decompression with zlib's `inflate`, window bits `15 + 32` so the
/// header kind is detected; concatenated gzip members (as `pigz` and `cat a.gz b.gz`
/// produce) are decompressed one after the other into one stream.
final class GzipDecompressor: StreamDecompressor {
    private let stream: UnsafeMutablePointer<z_stream>
    private(set) var atStreamBoundary = true

    init() throws(LayerReadError.Reason) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw .corruptCompression("zlib inflateInit2 failed (\(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer) throws(LayerReadError.Reason)
        -> (consumed: Int, produced: Int) {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress, !input.isEmpty, !output.isEmpty else {
            return (0, 0)
        }
        if atStreamBoundary {
            inflateReset(stream)
            atStreamBoundary = false
        }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(min(input.count, Int(UInt32.max)))
        stream.pointee.next_out = outBase.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(min(output.count, Int(UInt32.max)))
        let availIn = Int(stream.pointee.avail_in), availOut = Int(stream.pointee.avail_out)
        let status = inflate(stream, Z_NO_FLUSH)
        let consumed = availIn - Int(stream.pointee.avail_in)
        let produced = availOut - Int(stream.pointee.avail_out)
        switch status {
        case Z_OK, Z_BUF_ERROR:
            return (consumed, produced)
        case Z_STREAM_END:
            atStreamBoundary = true
            return (consumed, produced)
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw .corruptCompression(message)
        }
    }
}
