/// A Python version per PEP 440, parsed with the specification's own pattern and
/// ordered by the sort key `packaging.version` uses: epoch, release (trailing zeros
/// ignored), pre-release (a dev-only release sorts before any pre-release), post
/// release, dev release, then the local version (numeric segments above strings).
public struct PEP440Version: Sendable, Equatable {
    public let epoch: Substring
    public let release: [Substring]
    /// `a`, `b` or `rc`, and its number.
    public let pre: (label: Substring, number: Substring)?
    public let post: Substring?
    public let dev: Substring?
    public let local: [Substring]?

    public static func == (a: PEP440Version, b: PEP440Version) -> Bool { a.compare(to: b) == 0 }

    /// The longest version string parsed (the pattern backtracks).
    static let maxLength = 1024

    public init(_ text: String) throws(VersionParseError) {
        // Most versions are a plain release (`1.2.3`): no pattern needed.
        if let first = text.utf8.first, let last = text.utf8.last, first != UInt8(ascii: "."), last != UInt8(ascii: "."),
           text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }), !text.contains("..") {
            epoch = "0"
            release = Substring(text).split(separator: ".")
            (pre, post, dev, local) = (nil, nil, nil, nil)
            return
        }
        // `packaging` matches `\s*VERSION\s*` case-insensitively for ASCII letters only.
        let trimmed = text.trimming(Whitespace.isPythonSpace).asciiLowercased
        guard trimmed.unicodeScalars.count <= Self.maxLength else { throw VersionParseError(.pep440, text, "longer than \(Self.maxLength) characters") }
        guard let match = try? Self.pattern.wholeMatch(in: trimmed) else {
            throw VersionParseError(.pep440, text, "not a PEP 440 version")
        }
        let groups = match.output
        epoch = groups.epoch ?? "0"
        release = groups.release.split(separator: ".")
        if let label = groups.pre_l {
            let normal: Substring = switch label {
            case "alpha", "a": "a"
            case "beta", "b": "b"
            default: "rc"
            }
            pre = (normal, groups.pre_n ?? "0")
        } else {
            pre = nil
        }
        if groups.post_n1 != nil || groups.post_l != nil {
            post = groups.post_n1 ?? groups.post_n2 ?? "0"
        } else {
            post = nil
        }
        dev = groups.dev_l != nil ? (groups.dev_n ?? "0") : nil
        local = groups.local.map { $0.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }) }
    }

    /// -1, 0 or 1, as `packaging` orders the versions.
    public func compare(to other: PEP440Version) -> Int {
        var order = NumericString.compare(epoch, other.epoch)
        if order != 0 { return order }
        order = Self.compareRelease(release, other.release)
        if order != 0 { return order }
        order = Self.compareOptional(preKey, other.preKey)
        if order != 0 { return order }
        order = Self.compareOptional(post.map { Rank.value($0) } ?? .negativeInfinity, other.post.map { Rank.value($0) } ?? .negativeInfinity)
        if order != 0 { return order }
        order = Self.compareOptional(dev.map { Rank.value($0) } ?? .positiveInfinity, other.dev.map { Rank.value($0) } ?? .positiveInfinity)
        if order != 0 { return order }
        return Self.compareLocal(local, other.local)
    }

    /// A value with packaging's infinities around it.
    enum Rank {
        case negativeInfinity
        case value(Substring)
        case label(Substring, Substring)
        case positiveInfinity

        var weight: Int {
            switch self {
            case .negativeInfinity: 0
            case .value, .label: 1
            case .positiveInfinity: 2
            }
        }
    }

    /// Pre-release key: a dev release without pre or post sorts first; no pre-release sorts last.
    private var preKey: Rank {
        if let pre { return .label(pre.label, pre.number) }
        if post == nil, dev != nil { return .negativeInfinity }
        return .positiveInfinity
    }

    static func compareOptional(_ a: Rank, _ b: Rank) -> Int {
        if a.weight != b.weight { return a.weight < b.weight ? -1 : 1 }
        switch (a, b) {
        case (.value(let x), .value(let y)): return NumericString.compare(x, y)
        case (.label(let l1, let n1), .label(let l2, let n2)):
            return l1 != l2 ? (l1 < l2 ? -1 : 1) : NumericString.compare(n1, n2)
        default: return 0
        }
    }

    static func compareRelease(_ a: [Substring], _ b: [Substring]) -> Int {
        let count = max(a.count, b.count)
        for index in 0..<count {
            let order = NumericString.compare(index < a.count ? a[index] : "0", index < b.count ? b[index] : "0")
            if order != 0 { return order }
        }
        return 0
    }

    /// No local version sorts first; segments compare numeric (by value) above alphanumeric (as text).
    static func compareLocal(_ a: [Substring]?, _ b: [Substring]?) -> Int {
        guard let a, let b else { return a == nil ? (b == nil ? 0 : -1) : 1 }
        for (x, y) in zip(a, b) {
            let xNumeric = x.allSatisfy(\.isASCIIDigit), yNumeric = y.allSatisfy(\.isASCIIDigit)
            let order: Int
            switch (xNumeric, yNumeric) {
            case (true, true): order = NumericString.compare(x, y)
            case (true, false): order = 1
            case (false, true): order = -1
            case (false, false): order = NumericString.order(x, y)
            }
            if order != 0 { return order }
        }
        return NumericString.order(a.count, b.count)
    }

    /// PEP 440's "VERSION_PATTERN" (lowercased input), as `packaging` uses it, matched
    /// scalar by scalar as Python does (not by grapheme cluster). A regex value is
    /// immutable once built; `Regex` is just not marked `Sendable` yet.
    nonisolated(unsafe) static let pattern = #/v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)(?<pre>[-_\.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\.]?(?<pre_n>[0-9]+)?)?(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_\.]?(?<post_l>post|rev|r)[-_\.]?(?<post_n2>[0-9]+)?))?(?<dev>[-_\.]?(?<dev_l>dev)[-_\.]?(?<dev_n>[0-9]+)?)?(?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?/#.matchingSemantics(.unicodeScalar)
}
