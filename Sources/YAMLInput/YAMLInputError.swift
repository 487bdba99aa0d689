/// YAML that cannot be read safely or at all, with the line it concerns when known.
public struct YAMLInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { (line.map { "line \($0): " } ?? "") + message }
}
