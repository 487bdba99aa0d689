import Foundation

/// Where encoded or trimmed SBOM bytes go, chunk by chunk, so a document with
/// hundreds of thousands of files is never held in memory as one buffer.
public protocol SBOMOutputSink: AnyObject {
    /// Appends `chunk`.
    func write(_ chunk: UnsafeRawBufferPointer) throws
}

/// Collects the output in memory (for small documents and tests).
public final class MemoryOutputSink: SBOMOutputSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ chunk: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: chunk)
    }
}

/// Writes the output to a file descriptor it owns.
public final class FileOutputSink: SBOMOutputSink {
    private var descriptor: Int32
    /// The path written to.
    public let path: String

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws(SBOMIOError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SBOMIOError(path: path, operation: "create", code: errno) }
        self.descriptor = descriptor
        self.path = path
    }

    public func write(_ chunk: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < chunk.count {
            let written = Foundation.write(descriptor, chunk.baseAddress! + offset, chunk.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw SBOMIOError(path: path, operation: "write", code: errno)
            }
            offset += written
        }
    }

    /// Closes the file; reports a failing close (e.g. a full disk on NFS).
    public func close() throws(SBOMIOError) {
        guard descriptor >= 0 else { return }
        let result = Foundation.close(descriptor)
        descriptor = -1
        guard result == 0 else { throw SBOMIOError(path: path, operation: "close", code: errno) }
    }

    deinit {
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
    }
}

/// A file operation failed.
public struct SBOMIOError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let operation: String
    public let code: Int32

    public init(path: String, operation: String, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    public var description: String { "cannot \(operation) \(path): \(String(cString: strerror(code)))" }
}
