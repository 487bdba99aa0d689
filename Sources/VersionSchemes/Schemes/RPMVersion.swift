/// An RPM `[epoch:]version[-release]`, ordered as rpm's `labelCompare` does:
/// epoch by value (absent = 0), then version and release with `rpmvercmp`
/// (alphanumeric segments, digits above letters, `~` below everything, `^` above
/// the end). RPM accepts any string, so this never fails.
public struct RPMVersion: Sendable, Equatable {
    public let epoch: Substring
    public let version: Substring
    public let release: Substring?

    public init(_ text: String) {
        var rest = Substring(text)
        if let colon = rest.firstIndex(of: ":"), rest[..<colon].allSatisfy(\.isASCIIDigit) {
            epoch = rest[..<colon]
            rest = rest[rest.index(after: colon)...]
        } else {
            epoch = "0"
        }
        if let dash = rest.lastIndex(of: "-") {
            version = rest[..<dash]
            release = rest[rest.index(after: dash)...]
        } else {
            version = rest
            release = nil
        }
    }

    /// -1, 0 or 1. A version without a release is below the same version with one (even an empty one).
    public func compare(to other: RPMVersion) -> Int {
        let byEpoch = NumericString.compare(epoch.isEmpty ? "0" : epoch, other.epoch.isEmpty ? "0" : other.epoch)
        if byEpoch != 0 { return byEpoch }
        let byVersion = Self.rpmvercmp(version, other.version)
        if byVersion != 0 { return byVersion }
        switch (release, other.release) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let release?, let otherRelease?): return Self.rpmvercmp(release, otherRelease)
        }
    }

    /// rpm's `rpmvercmp`.
    static func rpmvercmp(_ a: Substring, _ b: Substring) -> Int {
        if a == b { return 0 }
        let x = Array(a.utf8), y = Array(b.utf8)
        var i = 0, j = 0
        func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        let tilde = UInt8(ascii: "~"), caret = UInt8(ascii: "^")
        while i < x.count || j < y.count {
            while i < x.count && !isAlnum(x[i]) && x[i] != tilde && x[i] != caret { i += 1 }
            while j < y.count && !isAlnum(y[j]) && y[j] != tilde && y[j] != caret { j += 1 }
            let c1 = i < x.count ? x[i] : nil, c2 = j < y.count ? y[j] : nil
            if c1 == tilde || c2 == tilde {
                if c1 != tilde { return 1 }
                if c2 != tilde { return -1 }
                i += 1
                j += 1
                continue
            }
            if c1 == caret || c2 == caret {
                if c1 == nil { return -1 }
                if c2 == nil { return 1 }
                if c1 != caret { return 1 }
                if c2 != caret { return -1 }
                i += 1
                j += 1
                continue
            }
            guard let first = c1, c2 != nil else { break }
            let numeric = isDigit(first)
            let startX = i, startY = j
            let belongs: (UInt8) -> Bool = numeric ? isDigit : { isAlnum($0) && !isDigit($0) }
            while i < x.count && belongs(x[i]) { i += 1 }
            while j < y.count && belongs(y[j]) { j += 1 }
            if startY == j { return numeric ? 1 : -1 }
            let left = String(decoding: x[startX..<i], as: UTF8.self), right = String(decoding: y[startY..<j], as: UTF8.self)
            let order = numeric ? NumericString.compare(Substring(left), Substring(right)) : NumericString.order(left, right)
            if order != 0 { return order }
        }
        if i >= x.count && j >= y.count { return 0 }
        return i < x.count ? 1 : -1
    }
}
