import AsyncHTTPClient
import Foundation
import NIOCore
import OCIRegistry

/// Downloads a URL to a file, streaming, failing on any status but 200.
enum ArchiveDownload {
    /// The largest download accepted.
    static let maxSize: Int64 = 4 << 30

    static func fetch(_ url: String, to path: String) async throws {
        let request = HTTPClientRequest(url: url)
        let response: HTTPClientResponse
        do {
            response = try await HTTPClient.shared.execute(request, timeout: .minutes(10))
        } catch {
            throw RegistryError.transport(method: "GET", url: url, reason: "\(error)")
        }
        guard response.status == .ok else {
            throw RegistryError.invalidResponse(url: url, reason: "HTTP \(response.status.code); expected 200")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw UsageError("cannot write \(path)")
        }
        defer { try? handle.close() }
        var written: Int64 = 0
        for try await chunk in response.body {
            written += Int64(chunk.readableBytes)
            guard written <= maxSize else { throw UsageError("\(url): larger than \(maxSize) bytes") }
            try handle.write(contentsOf: Data(chunk.readableBytesView))
        }
    }
}
