import Foundation

/// A `file:PATH` source: one file, seen at its own absolute path (so selectors match
/// it as they would inside an image).
public struct SingleFileWalker: Sendable {
    /// The file, as given.
    public let path: String

    /// The file at `path` (the `PATH` of `file:PATH`), read when cataloged.
    public init(path: String) {
        self.path = path
    }
}

extension SingleFileWalker: SourceWalking {
    func walk(_ selection: FileSelection, options: WalkOptions) async throws -> WalkResult {
        guard let resolved = realpath(path, nil) else { throw ImageFSError.unreadablePath(path, errno: errno) }
        let absolute = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(absolute, &info) == 0 else { throw ImageFSError.unreadablePath(path, errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw ImageFSError.unreadablePath(path, errno: EINVAL) }
        let store = CaptureStore()
        let read = LocalFileReader.capture(absolute, as: absolute, size: Int64(info.st_size), selection: selection, store: store)
        options.progress?(WalkProgress(bytesRead: Int64(read), layersDone: 1, layerCount: 1))
        return WalkResult(description: "file:\(path)", captured: store.snapshot(layers: [nil]), warnings: store.warnings,
                          layers: [], platform: nil)
    }
}
