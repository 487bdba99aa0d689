import CZlib

/// Bounded zlib decompression: the output may not grow past a caller-given limit, so a
/// small compressed input cannot expand into unbounded memory (a zip or zlib bomb).
enum Inflater {
    /// How the deflate data is wrapped.
    enum Wrapping: Sendable {
        /// Bare deflate data, as in ZIP entries (`inflateInit2` with window bits -15).
        case raw
        /// A zlib stream with its header and Adler-32 trailer (window bits 15).
        case zlib
    }

    /// The size of each output chunk taken from zlib.
    private static let chunkSize = 64 << 10

    /// Decompresses `input`; fails if the output would exceed `limit` bytes or the data
    /// is corrupt or truncated.
    static func decompress(_ input: ArraySlice<UInt8>, wrapping: Wrapping, limit: Int) throws(FileFormatError) -> [UInt8] {
        var inflated = 0
        return try decompress(input, wrapping: wrapping, limit: limit, inflated: &inflated)
    }

    /// ``decompress(_:wrapping:limit:)``, adding to `inflated` every byte zlib produced,
    /// also when it then fails, so a caller's budget counts the work done.
    static func decompress(_ input: ArraySlice<UInt8>, wrapping: Wrapping, limit: Int, inflated: inout Int) throws(FileFormatError) -> [UInt8] {
        guard input.count <= Int(UInt32.max) else { throw FileFormatError("compressed data of \(input.count) bytes is too large") }
        var stream = z_stream()
        let windowBits: Int32 = wrapping == .raw ? -15 : 15
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw FileFormatError("zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        let failure: String? = input.withUnsafeBufferPointer { source -> String? in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunkSize - Int(stream.avail_out)
                inflated += produced
                if output.count + produced > limit {
                    return "decompressed size exceeds the limit of \(limit) bytes"
                }
                output += chunk[..<produced]
                switch status {
                case Z_STREAM_END:
                    return nil
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return "compressed data is truncated"
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                    return "corrupt compressed data: \(message)"
                }
            }
        }
        if let failure { throw FileFormatError(failure) }
        return output
    }
}
