/// One challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1), such as
/// `Bearer realm="https://auth.docker.io/token",service="registry.docker.io"`.
public struct AuthChallenge: Sendable, Equatable {
    /// The scheme, lowercased (`bearer`, `basic`).
    public let scheme: String
    /// The parameters, names lowercased, quoted values unescaped.
    public let parameters: [String: String]

    public init(scheme: String, parameters: [String: String]) {
        self.scheme = scheme.lowercased()
        self.parameters = parameters
    }

    /// The `realm` parameter: for Bearer, the token endpoint.
    public var realm: String? { parameters["realm"] }
    /// The `service` parameter of a Bearer challenge.
    public var service: String? { parameters["service"] }
    /// The `scope` parameter of a Bearer challenge.
    public var scope: String? { parameters["scope"] }

    /// Every challenge in the values of all `WWW-Authenticate` headers; unparsable parts are skipped.
    public static func parse(headers values: [String]) -> [AuthChallenge] {
        values.flatMap(parse)
    }

    /// Every challenge in one header value (several may be comma-separated).
    public static func parse(_ value: String) -> [AuthChallenge] {
        var scanner = Scanner(Array(value.utf8))
        var challenges: [AuthChallenge] = []
        scanner.skip { $0 == .comma || $0.isWhitespace }
        while let scheme = scanner.token() {
            var parameters: [String: String] = [:]
            while true {
                scanner.skip { $0 == .comma || $0.isWhitespace }
                let mark = scanner.position
                guard let name = scanner.token() else { break }
                scanner.skip(\.isWhitespace)
                guard scanner.consume(.equals) else {
                    scanner.position = mark  // a bare token: the next challenge's scheme
                    break
                }
                scanner.skip(\.isWhitespace)
                if scanner.peek == .quote {
                    parameters[name.lowercased()] = scanner.quotedString()
                } else if let token = scanner.token() {
                    parameters[name.lowercased()] = token
                } else {
                    // token68 such as `abc==`: keep the padding as its value
                    var padding = "="
                    while scanner.consume(.equals) { padding += "=" }
                    parameters[name.lowercased()] = padding
                }
            }
            challenges.append(AuthChallenge(scheme: scheme, parameters: parameters))
        }
        return challenges
    }
}

private extension UInt8 {
    static let comma = UInt8(ascii: ","), equals = UInt8(ascii: "="), quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    var isWhitespace: Bool { self == 0x20 || self == 0x09 }
    /// RFC 9110 `tchar`.
    var isTokenCharacter: Bool {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: Array("!#$%&'*+-.^_`|~/:".utf8).contains(self)
        }
    }
}

private struct Scanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skip(_ predicate: (UInt8) -> Bool) {
        while let byte = peek, predicate(byte) { position += 1 }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    mutating func token() -> String? {
        let start = position
        skip(\.isTokenCharacter)
        return position > start ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
    }

    /// A quoted string starting at the opening quote; `\x` stands for `x`. An unterminated one runs to the end.
    mutating func quotedString() -> String {
        position += 1
        var out: [UInt8] = []
        while let byte = peek {
            position += 1
            if byte == .quote { break }
            if byte == .backslash, let escaped = peek {
                position += 1
                out.append(escaped)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
