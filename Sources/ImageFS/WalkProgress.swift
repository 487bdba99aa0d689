/// How far a walk is, for a progress line.
public struct WalkProgress: Hashable, Sendable {
    /// Bytes read from the source so far (compressed layer bytes; file bytes for `dir:`).
    public var bytesRead: Int64
    /// The compressed size of all layers (0 when unknown, as for `dir:`).
    public var bytesTotal: Int64
    /// Layers read to their end (or given up on).
    public var layersDone: Int
    /// How many layers the walk reads (1 for `dir:` and `file:`).
    public var layerCount: Int

    /// A progress state.
    public init(bytesRead: Int64 = 0, bytesTotal: Int64 = 0, layersDone: Int = 0, layerCount: Int = 0) {
        self.bytesRead = bytesRead
        self.bytesTotal = bytesTotal
        self.layersDone = layersDone
        self.layerCount = layerCount
    }
}
