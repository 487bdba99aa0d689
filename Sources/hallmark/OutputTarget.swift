import Foundation

/// Where a command's output goes: stdout, or a file written atomically (a temporary
/// file beside it, renamed into place only when complete).
enum OutputTarget: Sendable {
    case standardOutput
    case file(String)

    init(_ path: String?) {
        self = path.map { $0 == "-" ? .standardOutput : .file($0) } ?? .standardOutput
    }

    /// Writes `bytes` in full, or nothing at all.
    func write(_ bytes: [UInt8]) throws {
        switch self {
        case .standardOutput:
            Terminal.write(bytes)
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
            do {
                try Data(bytes).write(to: temporary)
                guard rename(temporary.path, url.path) == 0 else {
                    throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))")
                }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
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
