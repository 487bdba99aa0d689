import Foundation

/// A `dir:PATH` source: a directory tree on the local disk, walked with `opendir`
/// without following symbolic links (they are recorded and resolved inside PATH, as
/// in an image). For `/`, the pseudo-filesystems `/proc`, `/sys` and `/dev` are
/// skipped. Unreadable directories and files become warnings.
public struct DirectoryWalker: Sendable {
    /// Directories skipped when the root is `/`.
    public static let skippedSystemDirectories: Set<String> = ["/proc", "/sys", "/dev"]

    /// The directory, as given.
    public let root: String

    /// The tree at `root` (the `PATH` of `dir:PATH`), read when cataloged.
    public init(root: String) {
        self.root = root
    }
}

extension DirectoryWalker: SourceWalking {
    func walk(_ selection: FileSelection, options: WalkOptions) async throws -> WalkResult {
        let base = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        var info = stat()
        guard stat(base, &info) == 0 else { throw ImageFSError.unreadablePath(base, errno: errno) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw ImageFSError.unreadablePath(base, errno: ENOTDIR) }
        let store = CaptureStore()
        let isSystemRoot = realpath(base, nil).map { path in defer { free(path) }; return String(cString: path) == "/" } ?? false
        var progress = WalkProgress(layerCount: 1)
        var pending = ["/"]
        while let directory = pending.popLast() {
            let location = base == "/" ? directory : base + (directory == "/" ? "" : directory)
            guard let handle = opendir(location) else {
                store.warn(directory, "cannot be read: \(LocalReadFailure.current)")
                continue
            }
            defer { closedir(handle) }
            var children: [String] = []
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = ImagePath.child(directory, name)
                let fullPath = base == "/" ? path : base + path
                var entryType = entry.pointee.d_type
                var size: Int64 = -1
                if entryType == UInt8(DT_UNKNOWN) || entryType == UInt8(DT_REG) {
                    var entryInfo = stat()
                    guard lstat(fullPath, &entryInfo) == 0 else {
                        store.warn(path, "cannot be read: \(LocalReadFailure.current)")
                        continue
                    }
                    entryType = Self.direntType(entryInfo.st_mode)
                    size = Int64(entryInfo.st_size)
                }
                switch Int32(entryType) {
                case Int32(DT_DIR):
                    if isSystemRoot, Self.skippedSystemDirectories.contains(path) { continue }
                    children.append(path)
                case Int32(DT_LNK):
                    switch LocalFileReader.linkTarget(fullPath) {
                    case .success(let target): store.addSymlink(path, layer: 0, target: target)
                    case .failure(let code): store.warn(path, "cannot be read: \(code.description)")
                    }
                case Int32(DT_REG):
                    let read = LocalFileReader.capture(fullPath, as: path, size: size, selection: selection, store: store)
                    if read > 0 {
                        progress.bytesRead += Int64(read)
                        options.progress?(progress)
                    }
                default:
                    break
                }
            }
            pending += children.reversed()
        }
        progress.layersDone = 1
        options.progress?(progress)
        return WalkResult(description: "dir:\(root)", captured: store.snapshot(layers: [nil]), warnings: store.warnings,
                          layers: [], platform: nil)
    }

    private static func direntType(_ mode: mode_t) -> UInt8 {
        switch mode & S_IFMT {
        case S_IFDIR: UInt8(DT_DIR)
        case S_IFLNK: UInt8(DT_LNK)
        case S_IFREG: UInt8(DT_REG)
        default: UInt8(DT_UNKNOWN)
        }
    }
}
