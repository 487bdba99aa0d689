/// Why a tar header block or metadata member was refused: which field, and what was wrong.
/// Readers add where (archive, layer, offset) when they report it.
public struct TarFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Equatable {
        /// The header's checksum does not match its bytes (not a tar, or corrupt).
        case badChecksum(stored: Int64, computed: Int64)
        /// A numeric header field (`size`, `mode`, `checksum`) is neither octal nor positive base-256.
        case invalidNumber(field: String)
        /// A size (the header's `size` field or a PAX `size` record) over ``TarHeader/maxMemberSize``.
        case sizeTooLarge(field: String, size: Int64)
        /// A GNU long-name or PAX header larger than ``TarMetadata/maxMetadataSize``.
        case metadataTooLarge(size: Int64, limit: Int64)
        /// A PAX record that does not parse, or a PAX `size` that is not a number.
        case malformedPAX(String)
    }

    public let reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .badChecksum(let stored, let computed):
            "header checksum is \(stored) but the header sums to \(computed) (not a tar archive, or corrupt)"
        case .invalidNumber(let field):
            "the \(field) field is not a valid number"
        case .sizeTooLarge(let field, let size):
            "the \(field) field says \(size) bytes, over the \(TarHeader.maxMemberSize)-byte limit of a tar member (corrupt or hostile)"
        case .metadataTooLarge(let size, let limit):
            "extended header of \(size) bytes is over the \(limit)-byte limit"
        case .malformedPAX(let why):
            "malformed PAX header: \(why)"
        }
    }
}
