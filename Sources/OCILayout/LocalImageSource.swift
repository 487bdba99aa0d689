import OCIModel

/// A content source on local disk (`oci-dir:`, `oci-archive:`, `docker-archive:`),
/// which can say what image it means when no tag was given.
public protocol LocalImageSource: ContentSource {
    /// The image a source named without a tag means: its only image. Throws
    /// ``LayoutError/ambiguousImage(_:count:names:)`` (listing the tags to choose
    /// from) when there are several, ``LayoutError/noImages(_:)`` when there is none.
    func resolveDefault() async throws -> Descriptor
}
