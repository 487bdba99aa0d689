/// A version string a scheme does not accept, and why.
public struct VersionParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let scheme: VersionScheme
    public let version: String
    public let reason: String

    public init(_ scheme: VersionScheme, _ version: String, _ reason: String) {
        self.scheme = scheme
        self.version = version
        self.reason = reason
    }

    public var description: String { "invalid \(scheme.rawValue) version '\(version.prefix(100))': \(reason)" }
}
