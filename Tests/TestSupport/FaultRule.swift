/// One scripted fault of a ``FaultInjectingProxy``: the first `times` requests
/// whose method and path match get `fault` instead of normal forwarding.
public struct FaultRule: Sendable {
    /// What happens to a matching request.
    public enum Fault: Sendable {
        /// The proxy answers itself; the request never reaches the registry.
        case respond(CannedResponse)
        /// The request is forwarded, and the response's head and its first `bytes`
        /// body bytes are passed on before the proxy closes the client connection.
        case resetResponseBody(afterBytes: Int)
    }

    /// The method to match (`GET`, `PUT`, …), or any when `nil`.
    public var method: String?
    /// A substring of the request path (and query) to match.
    public var pathContains: String
    /// How many matching requests get the fault.
    public var times: Int
    public var fault: Fault

    public init(method: String? = nil, pathContains: String, times: Int, fault: Fault) {
        self.method = method
        self.pathContains = pathContains
        self.times = times
        self.fault = fault
    }

    /// An error status with an OCI error body, e.g. 503 or 429 with `Retry-After`.
    public static func status(
        _ status: Int, method: String? = nil, pathContains: String, times: Int, headers: [(String, String)] = []
    ) -> FaultRule {
        let body = #"{"errors":[{"code":"UNAVAILABLE","message":"injected fault"}]}"#
        return FaultRule(method: method, pathContains: pathContains, times: times, fault: .respond(.json(body, status: status, headers: headers)))
    }

    func matches(method: String, uri: String) -> Bool {
        times > 0 && (self.method == nil || self.method == method) && uri.contains(pathContains)
    }
}
