#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import OCIModel

/// Writes files so that readers see either the old file or the complete new one:
/// content goes to a temporary file in the same directory, which is renamed over
/// the target only when it was written completely (and verified, for blobs), and
/// removed on any failure.
enum AtomicFile {
    /// Writes `path` with what `produce` writes into the temporary file.
    static func replace(_ path: String, produce: (OutputFile) async throws -> Void) async throws {
        let temporary = temporaryPath(beside: path)
        do {
            let output = try OutputFile(creating: temporary)
            try await produce(output)
            try install(output, at: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes `path` with `bytes`.
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let temporary = temporaryPath(beside: path)
        do {
            let output = try OutputFile(creating: temporary)
            try output.write(bytes)
            try install(output, at: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Closes the complete temporary file and renames it over `path`.
    private static func install(_ output: OutputFile, at path: String) throws(LayoutError) {
        try output.close()
        guard rename(output.path, path) == 0 else {
            throw LayoutError.fileSystem(path: path, operation: "rename into place", reason: SystemError.text(errno))
        }
    }

    /// Writes `path` with `content`, which is verified as it streams when it comes from `.verifying(_:)`.
    static func replace(_ path: String, with content: ByteChunks) async throws {
        try await replace(path) { output in
            for try await chunk in content { try output.write(chunk) }
        }
    }

    /// A hidden, unique name in the directory of `path`.
    static func temporaryPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = ".\(url.lastPathComponent).hallmark-tmp-\(UUID().uuidString)"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Creates `path` and its missing parents.
    static func makeDirectory(_ path: String) throws(LayoutError) {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw LayoutError.fileSystem(path: path, operation: "create directory", reason: "\(error.localizedDescription)")
        }
    }
}
