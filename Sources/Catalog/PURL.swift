/// A package URL per the package-url specification:
/// `pkg:type/namespace/name@version?qualifiers#subpath`, with the spec's
/// percent-encoding, lowercase type and qualifier keys, and qualifiers sorted by key.
public struct PURL: Hashable, Sendable, Codable, CustomStringConvertible {
    public var type: String
    public var namespace: String?
    public var name: String
    public var version: String?
    public var qualifiers: [String: String]
    public var subpath: String?

    public init(type: String, namespace: String? = nil, name: String, version: String? = nil,
                qualifiers: [String: String] = [:], subpath: String? = nil) {
        self.type = type.lowercased()
        self.namespace = namespace.flatMap { $0.isEmpty ? nil : $0 }
        self.name = name
        self.version = version.flatMap { $0.isEmpty ? nil : $0 }
        self.qualifiers = qualifiers.filter { !$0.value.isEmpty }
        self.subpath = subpath.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The canonical string form.
    public var description: String {
        var text = "pkg:" + type + "/"
        if let namespace {
            text += namespace.split(separator: "/").map { Self.encode(String($0)) }.joined(separator: "/") + "/"
        }
        text += Self.encode(name)
        if let version { text += "@" + Self.encode(version) }
        if !qualifiers.isEmpty {
            text += "?" + qualifiers.keys.sorted().map { key in key.lowercased() + "=" + Self.encode(qualifiers[key]!) }.joined(separator: "&")
        }
        if let subpath {
            text += "#" + subpath.split(separator: "/").filter { $0 != "." && $0 != ".." }.map { Self.encode(String($0)) }.joined(separator: "/")
        }
        return text
    }

    /// Parses a PURL string.
    public init(parsing text: String) throws(PURLError) {
        guard text.hasPrefix("pkg:") else { throw PURLError(text: text, reason: "must start with 'pkg:'") }
        var rest = Substring(text.dropFirst(4))
        while rest.hasPrefix("/") { rest = rest.dropFirst() }
        var subpath: String?
        if let hash = rest.firstIndex(of: "#") {
            subpath = Self.decode(String(rest[rest.index(after: hash)...]))
            rest = rest[..<hash]
        }
        var qualifiers: [String: String] = [:]
        if let question = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { throw PURLError(text: text, reason: "qualifier '\(pair)' is not key=value") }
                qualifiers[parts[0].lowercased()] = Self.decode(String(parts[1]))
            }
            rest = rest[..<question]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw PURLError(text: text, reason: "missing type or name") }
        let type = String(rest[..<slash])
        guard !type.isEmpty, type.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "+" || $0 == "-" }),
              !(type.first?.isNumber ?? true)
        else { throw PURLError(text: text, reason: "invalid type '\(type)'") }
        rest = rest[rest.index(after: slash)...]
        var version: String?
        if let at = rest.lastIndex(of: "@") {
            version = Self.decode(String(rest[rest.index(after: at)...]))
            rest = rest[..<at]
        }
        var segments = rest.split(separator: "/").map { Self.decode(String($0)) }
        guard let name = segments.popLast(), !name.isEmpty else { throw PURLError(text: text, reason: "missing name") }
        self.init(type: type, namespace: segments.isEmpty ? nil : segments.joined(separator: "/"), name: name,
                  version: version, qualifiers: qualifiers, subpath: subpath)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try PURL(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Percent-encodes everything but unreserved characters (and ':' as the spec allows).
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(UnicodeScalar(byte))
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
                || c == "-" || c == "." || c == "_" || c == "~" || c == ":" {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var i = 0
        while i < input.count {
            if input[i] == UInt8(ascii: "%"), i + 2 < input.count,
               let value = UInt8(String(decoding: input[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                i += 3
            } else {
                bytes.append(input[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A PURL string that does not follow the package-url grammar.
public struct PURLError: Error, Sendable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "invalid package URL '\(text)': \(reason)" }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
