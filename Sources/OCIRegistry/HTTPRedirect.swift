import Foundation
import NIOHTTP1
import OCIModel

/// Redirects, followed by the caller rather than the transport, so that the caller
/// decides at every hop what goes along (``HTTPTransport/followRedirects(_:preparing:)``).
public enum HTTPRedirect {
    /// The most redirects followed for one request.
    public static let maxRedirects = 10
    /// The statuses that redirect to their `Location`.
    public static let statuses: Set<Int> = [301, 302, 303, 307, 308]

    /// The request to send after `response` answered `request`, or `nil` when the
    /// response is not a redirect. Like browsers, 303 (and 301/302 after a `POST`)
    /// becomes a `GET` without a body; 307 and 308 repeat the method and the body.
    /// Headers are kept; credentials are never part of `request` (the caller adds
    /// them per hop). Throws when the target is not `http`/`https` or would go from
    /// `https` to plain `http`.
    public static func next(after response: HTTPResponse, to request: HTTPRequest) throws(RegistryError) -> HTTPRequest? {
        guard statuses.contains(response.status), let location = response.header("Location") else { return nil }
        let from = request.url.absoluteString
        guard let target = LocationHeader.resolve(location, against: request.url), let origin = HTTPOrigin(target) else {
            throw .invalidResponse(url: from, reason: "the redirect (\(response.status)) has no usable http or https Location")
        }
        if request.url.scheme?.lowercased() == "https", origin.scheme == "http" {
            throw .invalidResponse(url: from, reason: "refusing the redirect from https to plain http (\(Self.display(target)))")
        }
        var next = request
        next.url = target
        let becomesGet = response.status == 303 ? request.method != .HEAD : [301, 302].contains(response.status) && request.method == .POST
        if becomesGet {
            next.method = .GET
            next.body = nil
            next.headers.remove(name: "Content-Type")
            next.headers.remove(name: "Content-Length")
        }
        return next
    }

    /// `url` without its query, which may hold a signature (pre-signed storage URLs), for messages.
    static func display(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url.absoluteString }
        components.query = nil
        return components.string ?? url.absoluteString
    }
}

extension HTTPTransport {
    /// Sends `request`, following up to ``HTTPRedirect/maxRedirects`` redirects.
    /// `prepare` is called with each hop's request just before it is sent (the first
    /// one too): it adds what belongs to that hop's origin only, such as
    /// `Authorization`, or throws to refuse the hop. What it adds never carries over
    /// to the next hop.
    public func followRedirects(
        _ request: HTTPRequest, preparing prepare: (inout HTTPRequest) throws -> Void = { _ in }
    ) async throws -> HTTPResponse {
        var hop = request
        var redirects = 0
        while true {
            var outgoing = hop
            try prepare(&outgoing)
            let response = try await send(outgoing)
            guard let next = try HTTPRedirect.next(after: response, to: hop) else { return response }
            _ = try? await response.body.collect(limit: RegistryClient.maxErrorBodySize)
            redirects += 1
            guard redirects <= HTTPRedirect.maxRedirects else {
                throw RegistryError.invalidResponse(url: request.url.absoluteString, reason: "more than \(HTTPRedirect.maxRedirects) redirects")
            }
            hop = next
        }
    }
}
