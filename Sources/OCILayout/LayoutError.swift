/// Why an image layout could not be read or written.
public struct LayoutError: Error, Sendable, CustomStringConvertible {
    /// The layout (or archive) path.
    public let path: String
    /// What went wrong.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
