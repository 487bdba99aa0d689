import OCIModel

/// Why a tar archive was refused: which archive, which entry (when known), at
/// which byte offset, and what was wrong.
public struct TarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Equatable {
        /// A header or metadata member refused by ``TarMetadata`` (checksum, numbers, sizes, PAX records).
        case malformedHeader(TarFormatError)
        /// The file ends inside a header block.
        case truncatedHeader
        /// The entry claims more bytes than the file has after its header.
        case sizePastEnd(size: Int64, available: Int64)
        /// More entries than the reader's limit.
        case tooManyEntries(limit: Int)
        /// A name with a `..` component, refused where names locate content.
        case unsafeName
        /// A symbolic or hard link that loops, leaves the archive, or ends at a non-file.
        case badLink(String)
    }

    /// The archive file.
    public let archive: String
    /// The entry's name, when the header got far enough to have one.
    public let entry: String?
    /// Where the entry's header starts.
    public let offset: Int64
    public let reason: Reason

    public init(archive: String, entry: String?, offset: Int64, reason: Reason) {
        self.archive = archive
        self.entry = entry
        self.offset = offset
        self.reason = reason
    }

    public var description: String {
        let place = entry.map { "\(archive): entry '\($0)' at offset \(offset)" } ?? "\(archive): header at offset \(offset)"
        let what: String = switch reason {
        case .malformedHeader(let error): error.description
        case .truncatedHeader: "the file ends inside a header"
        case .sizePastEnd(let size, let available): "entry size \(size) runs past the end of the file (\(available) bytes left)"
        case .tooManyEntries(let limit): "more than \(limit) entries"
        case .unsafeName: "the name has a '..' component"
        case .badLink(let why): why
        }
        return "\(place): \(what)"
    }
}
