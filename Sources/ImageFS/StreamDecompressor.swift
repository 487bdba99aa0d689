/// One streaming decompressor (gzip or zstd) driven over raw buffers by ``LayerByteStream``.
protocol StreamDecompressor: AnyObject {
    /// Decompresses from the start of `input` into the start of `output`, returning
    /// how many bytes it consumed and produced. A concatenated member (gzip) or frame
    /// (zstd) simply continues the output.
    func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer) throws(LayerReadError.Reason)
        -> (consumed: Int, produced: Int)

    /// Whether the input consumed so far ends exactly at the end of a member or frame,
    /// so that the end of input there is a proper end and not a truncation.
    var atStreamBoundary: Bool { get }
}
