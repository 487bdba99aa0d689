/// A tag, manifest or blob the source does not have. Sources throw this (and
/// only this) for "not there", so callers can tell absence from failure.
public struct ContentNotFound: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was looked for: a tag, or a digest string.
    public let what: String
    /// The source it was looked for in.
    public let source: String

    public init(_ what: String, in source: String) {
        self.what = what
        self.source = source
    }

    public var description: String { "\(what) not found in \(source)" }
}
