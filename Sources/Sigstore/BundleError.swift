/// Why a Sigstore bundle could not be read, and where: the source (a file
/// name or other label), the line for JSONL input, and the field.
public struct BundleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The source could not be read at all (I/O error).
        case unreadable(String)
        /// The document is larger than the reader's cap.
        case tooLarge(size: Int, limit: Int)
        /// The bytes are not one complete JSON document (truncated, corrupt, not JSON).
        case malformedJSON(String)
        /// `field` (normally `mediaType`) is missing (nil) or names no bundle version Hallmark reads.
        case unsupportedMediaType(field: String, mediaType: String?)
        /// A required field is absent.
        case missingField(String)
        /// A field is present but has the wrong type, encoding or shape.
        case invalidField(String, problem: String)
        /// The input holds no bundle at all (e.g. an empty JSONL file).
        case noBundles
    }

    /// The file name or label the caller gave for the input.
    public var source: String
    /// The 1-based line of a JSONL input, else nil.
    public var line: Int?
    /// What went wrong.
    public var reason: Reason

    public init(source: String, line: Int? = nil, reason: Reason) {
        self.source = source
        self.line = line
        self.reason = reason
    }

    public var description: String {
        let location = line.map { "\(source) line \($0)" } ?? source
        switch reason {
        case .unreadable(let detail):
            return "\(location): cannot read the bundle: \(detail)"
        case .tooLarge(let size, let limit):
            return "\(location): the document is \(size) bytes or more, over the \(limit)-byte limit for a Sigstore bundle"
        case .malformedJSON(let detail):
            return "\(location): not valid JSON (truncated or corrupt): \(detail)"
        case .unsupportedMediaType(let field, let mediaType?):
            return "\(location): \(field): unsupported bundle media type '\(mediaType)': Hallmark reads Sigstore bundle v0.1–v0.3"
        case .unsupportedMediaType(let field, nil):
            return "\(location): \(field) is missing: Hallmark reads Sigstore bundle v0.1–v0.3"
        case .missingField(let field):
            return "\(location): required field \(field) is missing"
        case .invalidField(let field, let problem):
            return "\(location): \(field): \(problem)"
        case .noBundles:
            return "\(location): contains no Sigstore bundle"
        }
    }
}
