import OCIModel

extension ImageSourceSpec {
    /// Opens a local source: ``OCIDirectory`` (checked now), ``OCIArchive`` (indexed now) or
    /// ``DockerArchive`` (indexed now); `nil` for a registry, which the caller opens.
    /// Resolve ``tag`` if given, else ``LocalImageSource/resolveDefault()``.
    public func openLocalSource() throws -> (any LocalImageSource)? {
        switch self {
        case .registry: nil
        case .ociDirectory(let path, _): try OCIDirectory(readingAt: path)
        case .ociArchive(let path, _): try OCIArchive(path: path)
        case .dockerArchive(let path, _): try DockerArchive(path: path)
        }
    }

    /// Opens a local destination: ``OCIDirectory`` (created now) or ``OCIArchiveWriter``; `nil` for
    /// a registry. Throws ``ImageSourceSpecError/readOnly(_:)`` for `docker-archive:`.
    /// Only tagged manifests get an `index.json` entry, so give `putManifest` a tag
    /// (``tag``, or a default) for the image being written.
    public func openLocalDestination() throws -> (any ContentDestination)? {
        switch self {
        case .registry: return nil
        case .ociDirectory(let path, _): return try OCIDirectory(writingAt: path)
        case .ociArchive(let path, _): return try OCIArchiveWriter(path: path)
        case .dockerArchive: throw ImageSourceSpecError.readOnly(description)
        }
    }
}
