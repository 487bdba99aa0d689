/// An error thrown by the blob stream itself (network, digest or size mismatch), kept
/// apart from decoding errors so the walk rethrows it instead of treating it as a bad layer.
struct SourceReadError: Error {
    let underlying: any Error
}
