import Foundation

/// Reads files of the local filesystem for `dir:` and `file:` sources with plain
/// POSIX calls; failures come back as `errno` values.
enum LocalFileReader {
    /// Up to `count` first bytes of the file.
    static func head(_ path: String, count: Int) -> Result<[UInt8], LocalReadFailure> {
        read(path, limit: count)
    }

    /// The file's content, at most `limit` bytes.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], LocalReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .failure(.current) }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: min(max(limit, 1), 1 << 20))
        while out.count < limit {
            let wanted = min(buffer.count, limit - out.count)
            let got = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, wanted) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.current)
            }
            if got == 0 { break }
            out += buffer[..<got]
        }
        return .success(out)
    }

    /// The target of the symbolic link at `path`.
    static func linkTarget(_ path: String) -> Result<String, LocalReadFailure> {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return .failure(.current) }
        return .success(String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Reads one regular file into `store` if a consumer selects it: `path` is its path in the
    /// source's view, `location` on disk, `size` from `lstat`. Returns the bytes read.
    @discardableResult
    static func capture(_ location: String, as path: String, size: Int64, selection: FileSelection, store: CaptureStore) -> Int {
        var matches = selection.pathMatches(path)
        if size > 0, selection.needsHead(besides: matches) {
            switch head(location, count: selection.magicLength) {
            case .success(let head): matches += selection.magicMatches(head[...], besides: matches)
            case .failure(let code): store.warn(path, "cannot be read: \(code.description)")
            }
        }
        guard !matches.isEmpty else { return 0 }
        var content: [UInt8]?
        if size <= Int64(FileSelection.readLimit(matches)) {
            switch read(location, limit: FileSelection.readLimit(matches)) {
            case .success(let bytes): content = bytes
            case .failure(let code):
                store.warn(path, "cannot be read: \(code.description)")
                return 0
            }
        }
        let capture = FileSelection.capture(path: path, size: Int64(content?.count ?? Int(size)), content: content, matches: matches)
        for problem in capture.problems { store.warn(path, problem) }
        store.addFile(path, layer: 0, contents: capture.contents)
        return content?.count ?? 0
    }
}
