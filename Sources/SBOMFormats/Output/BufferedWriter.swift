/// Gathers small writes into large chunks before handing them to a sink.
final class BufferedWriter {
    private let sink: any SBOMOutputSink
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Bytes written through this writer so far.
    private(set) var count = 0

    init(sink: any SBOMOutputSink, capacity: Int = 1 << 18) {
        self.sink = sink
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    func write(_ byte: UInt8) throws {
        buffer.append(byte)
        count += 1
        if buffer.count >= capacity { try flush() }
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        count += bytes.count
        if buffer.count + bytes.count > capacity {
            try flush()
            if bytes.count >= capacity {
                try sink.write(bytes)
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Hands everything buffered to the sink.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
