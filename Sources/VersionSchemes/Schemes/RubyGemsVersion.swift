/// A RubyGems version ordered as `Gem::Version#<=>`: `-` means `.pre.`; segments are
/// runs of digits (by value) or letters (prerelease, below any number); trailing
/// zeros of the numeric part and of the string part are ignored.
public struct RubyGemsVersion: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case number(Substring)
        case text(Substring)
    }

    let segments: [Segment]

    public init(_ text: String) throws(VersionParseError) {
        var version = text.trimming(Whitespace.isASCIISpace)
        if version.isEmpty { version = "0" }
        guard Self.isValid(version) else { throw VersionParseError(.rubygems, text, "malformed version number string") }
        version = version.split(separator: "-", omittingEmptySubsequences: false).joined(separator: ".pre.")
        var segments: [Segment] = []
        var rest = Substring(version)
        while let first = rest.first {
            if first.isASCIIDigit {
                let run = rest.prefix(while: \.isASCIIDigit)
                segments.append(.number(run))
                rest = rest.dropFirst(run.count)
            } else if first.isASCIILetter {
                let run = rest.prefix(while: \.isASCIILetter)
                segments.append(.text(run))
                rest = rest.dropFirst(run.count)
            } else {
                rest = rest.dropFirst()
            }
        }
        // Canonical segments: trailing zeros dropped from the numeric part and from the rest.
        let stringStart = segments.firstIndex { if case .text = $0 { true } else { false } } ?? segments.count
        self.segments = Self.droppingTrailingZeros(segments[..<stringStart]) + Self.droppingTrailingZeros(segments[stringStart...])
    }

    /// Gem::Version's pattern: digits, then `.`-separated alphanumerics, then an optional `-` part.
    static func isValid(_ version: String) -> Bool {
        var rest = Substring(version)
        let leading = rest.prefix(while: \.isASCIIDigit)
        guard !leading.isEmpty else { return false }
        rest = rest.dropFirst(leading.count)
        while rest.first == "." {
            let part = rest.dropFirst().prefix(while: \.isASCIIAlphanumeric)
            guard !part.isEmpty else { return false }
            rest = rest.dropFirst(1 + part.count)
        }
        guard rest.first == "-" else { return rest.isEmpty }
        let tail = rest.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        return !tail.isEmpty && tail.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" } }
    }

    static func droppingTrailingZeros(_ segments: ArraySlice<Segment>) -> [Segment] {
        var result = Array(segments)
        while case .number(let digits)? = result.last, digits.allSatisfy({ $0 == "0" }) { result.removeLast() }
        return result
    }

    /// -1, 0 or 1, as `Gem::Version#<=>` orders the versions.
    public func compare(to other: RubyGemsVersion) -> Int {
        for index in 0..<max(segments.count, other.segments.count) {
            let a = index < segments.count ? segments[index] : .number("0")
            let b = index < other.segments.count ? other.segments[index] : .number("0")
            switch (a, b) {
            case (.number(let x), .number(let y)):
                let order = NumericString.compare(x, y)
                if order != 0 { return order }
            case (.text(let x), .text(let y)):
                let order = NumericString.order(x, y)
                if order != 0 { return order }
            case (.text, .number): return -1
            case (.number, .text): return 1
            }
        }
        return 0
    }
}
