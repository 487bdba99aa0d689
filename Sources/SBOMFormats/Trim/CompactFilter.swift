/// Drops whitespace outside strings from a JSON byte stream fed in pieces.
struct CompactFilter {
    private var inString = false
    private var escaped = false

    /// The bytes of `chunk` that remain, written to `out`.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, to out: BufferedWriter) throws {
        var kept: [UInt8] = []
        kept.reserveCapacity(chunk.count)
        for byte in chunk {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                kept.append(byte)
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                kept.append(byte)
            } else if !(byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09) {
                kept.append(byte)
            }
        }
        try out.write(kept)
    }
}
