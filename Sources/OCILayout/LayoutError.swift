/// Why an image layout or archive could not be read or written. Each case names
/// the layout (or the file inside it) it is about. Absent tags, manifests and
/// blobs are ``OCIModel/ContentNotFound`` instead, and malformed JSON is
/// ``OCIModel/InputError``.
public enum LayoutError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The location is not an image layout of a version this reader knows.
    case notALayout(String, reason: String)
    /// No tag was given and the layout has no image to default to.
    case noImages(String)
    /// No tag was given and the layout has several images; `names` are the tags to choose from.
    case ambiguousImage(String, count: Int, names: [String])
    /// A JSON document (index, manifest, config) over the size limit.
    case documentTooLarge(String, size: Int64, limit: Int)
    /// A `docker save` `manifest.json` names a file the archive does not have.
    case missingEntry(String, entry: String, field: String)
    /// Scanning for referrers met more manifests than the scan limit (10,000).
    case tooManyManifests(String, limit: Int)
    /// A file-system call failed.
    case fileSystem(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case .notALayout(let location, let reason):
            "\(location) is not an OCI image layout: \(reason)"
        case .noImages(let location):
            "\(location) holds no images"
        case .ambiguousImage(let location, let count, let names):
            "\(location) holds \(count) images; name one with :TAG (available: \(names.isEmpty ? "none is tagged" : names.joined(separator: ", ")))"
        case .documentTooLarge(let location, let size, let limit):
            "\(location) is \(size) bytes, over the \(limit)-byte limit for JSON documents"
        case .missingEntry(let location, let entry, let field):
            "\(location): field '\(field)' names '\(entry)', which the archive does not contain"
        case .tooManyManifests(let location, let limit):
            "\(location): more than \(limit) manifests to scan for referrers"
        case .fileSystem(let path, let operation, let reason):
            "cannot \(operation) \(path): \(reason)"
        }
    }
}
