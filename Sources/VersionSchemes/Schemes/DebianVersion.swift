/// A Debian package version, `[epoch:]upstream[-revision]`, ordered as dpkg orders
/// it (`verrevcmp`: `~` before everything, even the end; letters before other
/// characters; digit runs by value) and validated as `dpkg --compare-versions` does.
public struct DebianVersion: Sendable, Equatable {
    public let epoch: Int
    public let upstream: Substring
    public let revision: Substring

    public init(_ text: String) throws(VersionParseError) {
        guard !text.isEmpty else { throw VersionParseError(.dpkg, text, "version string is empty") }
        let trimmed = text.trimming(Whitespace.isBlank)
        guard !trimmed.isEmpty else { throw VersionParseError(.dpkg, text, "version string is empty") }
        guard !trimmed.unicodeScalars.contains(where: Whitespace.isBlank) else {
            throw VersionParseError(.dpkg, text, "version string has embedded spaces")
        }
        var rest = Substring(trimmed)
        if let colon = rest.firstIndex(of: ":") {
            epoch = try Self.epoch(rest[..<colon], in: text)
            rest = rest[rest.index(after: colon)...]
            guard !rest.isEmpty else { throw VersionParseError(.dpkg, text, "nothing after colon in version number") }
        } else {
            epoch = 0
        }
        if let dash = rest.lastIndex(of: "-") {
            upstream = rest[..<dash]
            revision = rest[rest.index(after: dash)...]
            guard !revision.isEmpty else { throw VersionParseError(.dpkg, text, "revision number is empty") }
        } else {
            upstream = rest
            revision = ""
        }
        guard !upstream.isEmpty else { throw VersionParseError(.dpkg, text, "version number is empty") }
        guard upstream.first?.isASCIIDigit == true else { throw VersionParseError(.dpkg, text, "version number does not start with digit") }
        guard upstream.allSatisfy({ $0.isASCIIAlphanumeric || ".-+~:".contains($0) }) else {
            throw VersionParseError(.dpkg, text, "invalid character in version number")
        }
        guard revision.allSatisfy({ $0.isASCIIAlphanumeric || ".+~".contains($0) }) else {
            throw VersionParseError(.dpkg, text, "invalid character in revision number")
        }
    }

    /// The epoch before the first `:`, read as dpkg's `strtol` reads it: leading
    /// whitespace skipped, an optional sign, then digits, a value from 0 to `INT_MAX`
    /// (`-0` and `+1` are valid).
    static func epoch(_ text: Substring, in version: String) throws(VersionParseError) -> Int {
        let unsigned = Substring(text.unicodeScalars.drop(while: Whitespace.isASCIISpace))
        let sign = unsigned.first == "-" || unsigned.first == "+" ? unsigned.prefix(1) : ""
        let digits = unsigned.dropFirst(sign.count)
        guard let first = digits.first, first.isASCIIDigit else { throw VersionParseError(.dpkg, version, "epoch in version is empty") }
        guard digits.allSatisfy(\.isASCIIDigit) else { throw VersionParseError(.dpkg, version, "epoch in version is not number") }
        let significant = digits.drop { $0 == "0" }
        if sign == "-" && !significant.isEmpty { throw VersionParseError(.dpkg, version, "epoch in version is negative") }
        guard significant.count <= 10, let value = Int(significant.isEmpty ? "0" : significant), value <= Int(Int32.max) else {
            throw VersionParseError(.dpkg, version, "epoch in version is too big")
        }
        return value
    }

    /// -1, 0 or 1, as dpkg orders the two versions.
    public func compare(to other: DebianVersion) -> Int {
        if epoch != other.epoch { return epoch < other.epoch ? -1 : 1 }
        let upstreamOrder = Self.verrevcmp(upstream, other.upstream)
        return upstreamOrder != 0 ? upstreamOrder : Self.verrevcmp(revision, other.revision)
    }

    /// dpkg's weight of a character in a non-digit run: `~` lowest (below the end of
    /// the string), then the end and digits, then letters, then everything else.
    static func order(_ character: UInt8?) -> Int {
        guard let character else { return 0 }
        if character >= 0x30 && character <= 0x39 { return 0 }
        if (character >= 0x41 && character <= 0x5a) || (character >= 0x61 && character <= 0x7a) { return Int(character) }
        if character == UInt8(ascii: "~") { return -1 }
        return Int(character) + 256
    }

    /// dpkg's `verrevcmp`: alternating non-digit runs (by ``order(_:)``) and digit runs (by value).
    static func verrevcmp(_ a: Substring, _ b: Substring) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        var i = 0, j = 0
        func isDigit(_ bytes: [UInt8], _ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        while i < x.count || j < y.count {
            while (i < x.count && !isDigit(x, i)) || (j < y.count && !isDigit(y, j)) {
                let left = order(i < x.count ? x[i] : nil), right = order(j < y.count ? y[j] : nil)
                if left != right { return left < right ? -1 : 1 }
                i += 1
                j += 1
            }
            while i < x.count && x[i] == 0x30 { i += 1 }
            while j < y.count && y[j] == 0x30 { j += 1 }
            var firstDifference = 0
            while isDigit(x, i) && isDigit(y, j) {
                if firstDifference == 0 { firstDifference = Int(x[i]) - Int(y[j]) }
                i += 1
                j += 1
            }
            if isDigit(x, i) { return 1 }
            if isDigit(y, j) { return -1 }
            if firstDifference != 0 { return firstDifference < 0 ? -1 : 1 }
        }
        return 0
    }
}
