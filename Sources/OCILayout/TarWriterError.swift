/// A tar entry could not be written as declared.
public enum TarWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A streamed file delivered another number of bytes than its header declared.
    case sizeMismatch(entry: String, declared: Int64, actual: Int64)

    public var description: String {
        switch self {
        case .sizeMismatch(let entry, let declared, let actual):
            "tar entry '\(entry)': declared \(declared) bytes, the content stream delivered \(actual)"
        }
    }
}
