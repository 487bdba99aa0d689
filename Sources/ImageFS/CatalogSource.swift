/// What ``SBOMCataloging`` reads.
public enum CatalogSource: Sendable {
    /// An image (one platform) from a registry, layout or archive.
    case image(ImageSourceWalker)
    /// `dir:PATH`: a directory tree on the local disk.
    case directory(DirectoryWalker)
    /// `file:PATH`: one file.
    case file(SingleFileWalker)

    var walker: any SourceWalking {
        switch self {
        case .image(let walker): walker
        case .directory(let walker): walker
        case .file(let walker): walker
        }
    }
}
