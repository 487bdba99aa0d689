import OCIModel

/// Why a copy could not go ahead.
public enum CopyError: Error, Sendable, CustomStringConvertible {
    /// The index has no manifest for the requested platform.
    case platformNotFound(Platform, available: [String], source: String)

    public var description: String {
        switch self {
        case .platformNotFound(let p, let available, let source):
            "\(source) has no manifest for platform \(p); available: \(available.joined(separator: ", ")). Pick one with --platform or copy all with --all"
        }
    }
}
