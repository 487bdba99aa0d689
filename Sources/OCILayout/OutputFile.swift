#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import OCIModel

/// A new file being written; it exists only under a temporary name until
/// ``AtomicFile`` renames it into place.
final class OutputFile {
    let path: String
    private var descriptor: Int32

    /// Creates `path`, which must not exist yet.
    init(creating path: String) throws(LayoutError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LayoutError.fileSystem(path: path, operation: "create", reason: SystemError.text(errno)) }
        self.path = path
        self.descriptor = fd
    }

    deinit { if descriptor >= 0 { _ = posixClose(descriptor) } }

    /// Appends `bytes`.
    func write(_ bytes: some DataProtocolBytes) throws(LayoutError) {
        var failure: Int32 = 0
        bytes.withBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = posixWrite(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno; return }
                done += n
            }
        }
        guard failure == 0 else { throw LayoutError.fileSystem(path: path, operation: "write", reason: SystemError.text(failure)) }
    }

    /// Flushes the file to disk and closes it; closing again does nothing.
    func close() throws(LayoutError) {
        guard descriptor >= 0 else { return }
        let fd = descriptor
        descriptor = -1
        guard fsync(fd) == 0 else {
            let code = errno
            _ = posixClose(fd)
            throw LayoutError.fileSystem(path: path, operation: "sync", reason: SystemError.text(code))
        }
        guard posixClose(fd) == 0 else { throw LayoutError.fileSystem(path: path, operation: "close", reason: SystemError.text(errno)) }
    }
}

// `OutputFile` has `write` and `close` methods, which hide the C functions inside it.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
private func posixClose(_ fd: Int32) -> Int32 { close(fd) }
