import Foundation

/// Where a command's output goes: stdout, or a file written atomically (a temporary
/// file beside it, renamed into place only when complete).
enum OutputTarget: Sendable {
    case standardOutput
    case file(String)

    init(_ path: String?) {
        self = path.map { $0 == "-" ? .standardOutput : .file($0) } ?? .standardOutput
    }

    /// Writes `bytes` in full, or nothing at all. A file is created with `permissions`
    /// (before any byte is written, so a private key is never readable by others).
    func write(_ bytes: [UInt8], permissions: mode_t = 0o644) throws {
        switch self {
        case .standardOutput:
            Terminal.write(bytes)
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)").path
            do {
                try Self.create(temporary, bytes: bytes, permissions: permissions)
                guard rename(temporary, url.path) == 0 else {
                    throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))")
                }
            } catch {
                unlink(temporary)
                throw error
            }
        }
    }

    /// Creates the new file `path` with `permissions` and writes all of `bytes` to it.
    private static func create(_ path: String, bytes: [UInt8], permissions: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard fd >= 0 else { throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))") }
            written += count
        }
    }

    /// The same target for one of several platforms: `sbom.json` → `sbom.linux-arm64-v8.json`.
    func forPlatform(_ platform: String) -> OutputTarget {
        guard case .file(let path) = self else { return self }
        let url = URL(fileURLWithPath: path)
        let suffix = platform.replacingOccurrences(of: "/", with: "-")
        let ext = url.pathExtension
        let stem = ext.isEmpty ? url.lastPathComponent : String(url.lastPathComponent.dropLast(ext.count + 1))
        let name = ext.isEmpty ? "\(stem).\(suffix)" : "\(stem).\(suffix).\(ext)"
        return .file(url.deletingLastPathComponent().appendingPathComponent(name).path)
    }
}
