/// One member of a tar stream, with GNU long names and PAX records already applied.
struct TarStreamEntry: Sendable {
    enum Kind: Sendable {
        case regular
        case hardLink
        case symbolicLink
        case directory
        /// Devices, FIFOs and types Hallmark does not read.
        case other
    }

    /// The member's name as archived (relative, may start with `./`).
    var name: String
    /// The link target of a hard or symbolic link.
    var linkName: String
    var kind: Kind
    /// The content size in bytes (0 for links, directories and devices).
    var size: Int64
}
