/// Why a tar archive was refused: which archive, which entry (when known), at
/// which byte offset, and what was wrong.
public struct TarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Equatable {
        /// The header's checksum does not match its bytes (not a tar, or corrupt).
        case badChecksum(stored: Int64, computed: Int64)
        /// A numeric header field is neither octal nor positive base-256.
        case invalidNumber(field: String)
        /// The file ends inside a header block.
        case truncatedHeader
        /// The entry claims more bytes than the file has after its header.
        case sizePastEnd(size: Int64, available: Int64)
        /// More entries than the reader's limit.
        case tooManyEntries(limit: Int)
        /// A GNU long-name or PAX header larger than ``TarReader/maxExtendedHeaderSize``.
        case extendedHeaderTooLarge(size: Int64, limit: Int)
        /// A PAX record that does not parse.
        case malformedPAX(String)
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
        case .badChecksum(let stored, let computed): "header checksum is \(stored) but the header sums to \(computed) (not a tar archive, or corrupt)"
        case .invalidNumber(let field): "the \(field) field is not a valid number"
        case .truncatedHeader: "the file ends inside a header"
        case .sizePastEnd(let size, let available): "entry size \(size) runs past the end of the file (\(available) bytes left)"
        case .tooManyEntries(let limit): "more than \(limit) entries"
        case .extendedHeaderTooLarge(let size, let limit): "extended header of \(size) bytes is over the \(limit)-byte limit"
        case .malformedPAX(let why): "malformed PAX header: \(why)"
        case .unsafeName: "the name has a '..' component"
        case .badLink(let why): why
        }
        return "\(place): \(what)"
    }
}
