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
        var out: [UInt8] = []
        return stream(path, limit: Int64(limit)) { out += $0 }.map { out }
    }

    /// The size and digests of the whole file, read in 1 MiB pieces.
    static func digest(_ path: String) -> Result<FileDigest, LocalReadFailure> {
        var hasher = FileDigestHasher()
        return stream(path, limit: .max) { hasher.update($0) }.map { hasher.finalize() }
    }

    /// Hands up to `limit` bytes of the file to `body`, a buffer at a time.
    private static func stream(_ path: String, limit: Int64, _ body: (ArraySlice<UInt8>) -> Void) -> Result<Void, LocalReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .failure(.current) }
        defer { close(fd) }
        var done: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: Int(min(max(limit, 1), 1 << 20)))
        while done < limit {
            let wanted = Int(min(Int64(buffer.count), limit - done))
            let got = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, wanted) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.current)
            }
            if got == 0 { break }
            body(buffer[..<got])
            done += Int64(got)
        }
        return .success(())
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
        let hashing = selection.digestConsumer != nil
        guard !matches.isEmpty || hashing else { return 0 }
        var content: [UInt8]?
        var digest: FileDigest?
        if !matches.isEmpty, size <= Int64(selection.readLimit(matches)) {
            switch read(location, limit: selection.readLimit(matches)) {
            case .success(let bytes): content = bytes
            case .failure(let code):
                store.warn(path, "cannot be read: \(code.description)")
                return 0
            }
            digest = hashing ? content.map(FileDigest.init(of:)) : nil
        } else if hashing {
            switch Self.digest(location) {
            case .success(let value): digest = value
            case .failure(let code):
                store.warn(path, "cannot be read: \(code.description)")
                return 0
            }
        }
        let capture = selection.capture(path: path, size: Int64(content?.count ?? Int(size)), content: content, matches: matches,
                                        digest: digest)
        for problem in capture.problems { store.warn(path, problem) }
        store.addFile(path, layer: 0, contents: capture.contents)
        return Int(digest?.size ?? Int64(content?.count ?? 0))
    }
}
