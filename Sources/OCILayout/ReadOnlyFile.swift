#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import OCIModel

/// A file opened for positionless reads (`pread`), so any number of streams can
/// read different parts of it at once; closed when the last user lets go.
final class ReadOnlyFile: Sendable {
    let path: String
    /// The size when the file was opened.
    let size: Int64
    private let descriptor: Int32

    private init(path: String, descriptor: Int32, size: Int64) {
        self.path = path
        self.descriptor = descriptor
        self.size = size
    }

    deinit { close(descriptor) }

    /// Opens `path`; `nil` when there is no such file. Anything but a regular file (a FIFO,
    /// a device, a directory, a socket) is refused before it is opened, as opening a FIFO
    /// blocks until a writer comes; the file is opened non-blocking and checked again, in
    /// case it was swapped in between.
    static func openIfPresent(_ path: String) throws(LayoutError) -> ReadOnlyFile? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw LayoutError.fileSystem(path: path, operation: "stat", reason: SystemError.text(errno))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw notRegular(path, info) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw LayoutError.fileSystem(path: path, operation: "open", reason: SystemError.text(errno))
        }
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw LayoutError.fileSystem(path: path, operation: "stat", reason: SystemError.text(code))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw notRegular(path, info)
        }
        return ReadOnlyFile(path: path, descriptor: fd, size: Int64(info.st_size))
    }

    private static func notRegular(_ path: String, _ info: stat) -> LayoutError {
        let kind = switch info.st_mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFDIR: "a directory"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
        return LayoutError.fileSystem(path: path, operation: "open",
                                      reason: "not a regular file (\(kind)); an image layout holds only regular files, replace it with one")
    }

    /// Up to `count` bytes at `offset`; fewer only at the end of the file.
    func read(at offset: Int64, count: Int) throws(LayoutError) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let n = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset) + off_t(done))
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno; break }
                if n == 0 { break }
                done += n
            }
            initialized = done
        }
        guard failure == 0 else { throw LayoutError.fileSystem(path: path, operation: "read", reason: SystemError.text(failure)) }
        return bytes
    }
}
