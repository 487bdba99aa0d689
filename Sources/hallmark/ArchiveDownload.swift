import Foundation
import OCIRegistry

/// Downloads a URL to a file, streaming, failing on any status but 200. Redirects are
/// followed only to `https`, or to plain `http` on loopback hosts.
enum ArchiveDownload {
    /// The largest download accepted.
    static let maxSize: Int64 = 4 << 30

    /// Whether `url` may be downloaded from: `https`, or `http` on a loopback host.
    static func isAllowed(_ url: URL) -> Bool {
        guard let origin = HTTPOrigin(url) else { return false }
        return origin.scheme == "https" || RegistryEndpoint.isLoopback(host: origin.host)
    }

    static func fetch(_ url: URL, to path: String) async throws {
        let transport = AsyncHTTPTransport()
        do {
            try await fetch(url, to: path, through: transport)
            try await transport.shutdown()
        } catch {
            try? await transport.shutdown()
            throw error
        }
    }

    private static func fetch(_ url: URL, to path: String, through transport: AsyncHTTPTransport) async throws {
        let response: HTTPResponse
        do {
            response = try await transport.followRedirects(HTTPRequest(method: .GET, url: url)) { hop in
                guard isAllowed(hop.url) else {
                    throw RegistryError.invalidResponse(
                        url: url.absoluteString, reason: "refusing the redirect to \(hop.url.absoluteString): plain http only for loopback hosts")
                }
            }
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryError.transport(method: "GET", url: url.absoluteString, reason: "\(error)")
        }
        guard response.status == 200 else {
            throw RegistryError.invalidResponse(url: url.absoluteString, reason: "HTTP \(response.status); expected 200")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw UsageError("cannot write \(path)")
        }
        defer { try? handle.close() }
        var written: Int64 = 0
        for try await chunk in response.body {
            written += Int64(chunk.count)
            guard written <= maxSize else { throw UsageError("\(url): larger than \(maxSize) bytes") }
            try handle.write(contentsOf: chunk)
        }
    }
}
