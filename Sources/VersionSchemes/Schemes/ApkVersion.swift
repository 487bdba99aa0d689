/// An Alpine package version, `digit{.digit}…{letter}{_suffix{number}}…{~hash}{-rN}`,
/// validated and ordered as apk-tools does: components compared pairwise while they
/// are of the same kind; numbers by value, except that a component with a leading zero
/// compares as text; suffixes in the order `_alpha` `_beta` `_pre` `_rc` (no suffix)
/// `_cvs` `_svn` `_git` `_hg` `_p`; when one version runs out, the longer one is higher
/// unless what follows is a pre-release suffix.
public struct ApkVersion: Sendable, Equatable {
    enum Kind: Int, Comparable {
        case initialDigit, digit, letter, suffix, suffixNumber, commitHash, revision, end

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    struct Token: Sendable, Equatable {
        var kind: Kind
        var text: Substring
        /// For suffixes, the rank in ``suffixes``.
        var suffix: Int = 0
    }

    /// The suffixes in order; `""` (none) is the pivot between pre- and post-release.
    static let suffixes = ["alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"]
    static let noSuffix = 4

    let tokens: [Token]

    public init(_ text: String) throws(VersionParseError) {
        var rest = Substring(text)
        var tokens: [Token] = []
        let digits = Self.take(&rest, while: \.isASCIIDigit)
        guard !digits.isEmpty else { throw VersionParseError(.apk, text, "must start with a digit") }
        tokens.append(Token(kind: .initialDigit, text: digits))
        var previous = Kind.initialDigit
        while let first = rest.first {
            let token: Token
            switch first {
            case "a"..."z":
                guard previous <= .digit else { throw VersionParseError(.apk, text, "letter '\(first)' after a suffix or revision") }
                token = Token(kind: .letter, text: rest.prefix(1))
                rest = rest.dropFirst()
            case ".", "0"..."9":
                if first == "." {
                    guard previous <= .digit else { throw VersionParseError(.apk, text, "'.' after a letter or suffix") }
                    rest = rest.dropFirst()
                }
                let kind: Kind
                switch previous {
                case .initialDigit, .digit: kind = .digit
                case .suffix: kind = .suffixNumber
                default: throw VersionParseError(.apk, text, "digits after \(previous)")
                }
                let number = Self.take(&rest, while: \.isASCIIDigit)
                guard !number.isEmpty else { throw VersionParseError(.apk, text, "'.' not followed by digits") }
                token = Token(kind: kind, text: number)
            case "_":
                guard previous <= .suffixNumber else { throw VersionParseError(.apk, text, "suffix after a commit hash or revision") }
                rest = rest.dropFirst()
                let name = Self.take(&rest) { $0 >= "a" && $0 <= "z" }
                guard !name.isEmpty, let rank = Self.suffixes.firstIndex(of: String(name)), rank != Self.noSuffix else {
                    throw VersionParseError(.apk, text, "unknown suffix '_\(name)'")
                }
                token = Token(kind: .suffix, text: name, suffix: rank)
            case "~":
                guard previous < .commitHash else { throw VersionParseError(.apk, text, "a second '~' commit hash") }
                rest = rest.dropFirst()
                let hash = Self.take(&rest) { $0.isHexDigit }
                guard !hash.isEmpty else { throw VersionParseError(.apk, text, "'~' not followed by a hex commit hash") }
                token = Token(kind: .commitHash, text: hash)
            case "-":
                guard previous < .revision, rest.hasPrefix("-r") else { throw VersionParseError(.apk, text, "'-' must start the revision '-rN'") }
                rest = rest.dropFirst(2)
                let number = Self.take(&rest, while: \.isASCIIDigit)
                guard !number.isEmpty else { throw VersionParseError(.apk, text, "'-r' not followed by a number") }
                token = Token(kind: .revision, text: number)
            default:
                throw VersionParseError(.apk, text, "unexpected character '\(first)'")
            }
            tokens.append(token)
            previous = token.kind
        }
        self.tokens = tokens
    }

    /// -1, 0 or 1, as apk orders the versions.
    public func compare(to other: ApkVersion) -> Int {
        var index = 0
        while index < tokens.count, index < other.tokens.count, tokens[index].kind == other.tokens[index].kind {
            let order = Self.compare(tokens[index], other.tokens[index])
            if order != 0 { return order }
            index += 1
        }
        let a = index < tokens.count ? tokens[index] : Token(kind: .end, text: "")
        let b = index < other.tokens.count ? other.tokens[index] : Token(kind: .end, text: "")
        if a.kind == b.kind { return 0 }
        if a.kind == .suffix && a.suffix < Self.noSuffix { return -1 }
        if b.kind == .suffix && b.suffix < Self.noSuffix { return 1 }
        return a.kind > b.kind ? -1 : 1
    }

    static func compare(_ a: Token, _ b: Token) -> Int {
        switch a.kind {
        case .digit where a.text.first == "0" || b.text.first == "0":
            return NumericString.order(a.text, b.text)
        case .initialDigit, .digit, .suffixNumber, .revision:
            return NumericString.compare(a.text, b.text)
        case .suffix:
            return NumericString.order(a.suffix, b.suffix)
        case .letter, .commitHash, .end:
            return NumericString.order(a.text, b.text)
        }
    }

    /// The longest prefix of `rest` whose characters satisfy `predicate`, removed from it.
    static func take(_ rest: inout Substring, while predicate: (Character) -> Bool) -> Substring {
        let taken = rest.prefix(while: predicate)
        rest = rest.dropFirst(taken.count)
        return taken
    }
}
