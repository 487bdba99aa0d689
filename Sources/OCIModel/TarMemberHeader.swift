/// One tar member as its header block and the metadata members before it (GNU long
/// names, PAX records) describe it: what both tar readers hand on.
public struct TarMemberHeader: Sendable, Equatable {
    /// The name as archived (PAX `path`, else a GNU long name, else ustar `prefix/name`);
    /// not normalised, may start with `./` or `/` or hold `..`.
    public var name: String
    /// The link target (PAX `linkpath`, else a GNU long link, else the `linkname` field).
    public var linkName: String
    /// The type flag (``TarHeader/Flag``).
    public var typeflag: UInt8
    /// The bytes of content after the header (PAX `size` applied; 0 for links,
    /// directories, devices and FIFOs, whatever their size field says).
    public var size: Int64
    /// The `mode` field.
    public var mode: Int64

    /// The content and its padding: where the next header starts, after this one's block.
    public var paddedSize: Int64 { TarHeader.padded(size) }
}
