import NIOCore
import NIOHTTP1

/// A complete HTTP response a test server or the fault-injecting proxy sends as is.
public struct CannedResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON answer.
    public static func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> CannedResponse {
        CannedResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
    }

    /// An HTML page, as a captive portal or a misconfigured proxy answers.
    public static func html(status: Int = 200) -> CannedResponse {
        CannedResponse(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8")],
            body: Array("<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>".utf8))
    }

    /// The response as HTTP parts, with `Content-Length` set.
    func parts() -> [HTTPServerResponsePart] {
        var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status))
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        head.headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
        return [.head(head), .body(.byteBuffer(ByteBuffer(bytes: body))), .end(nil)]
    }
}
