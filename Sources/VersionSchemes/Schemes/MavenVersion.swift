/// A Maven version ordered as `org.apache.maven.artifact.versioning.ComparableVersion`
/// of Maven 3.9 and 4.0 orders it: items split at `.`, `-` and letter/digit
/// transitions; a letter run followed by digits (`rc1`, `rc-1`) is one combined item;
/// numbers by value above qualifiers; known qualifiers `alpha < beta < milestone <
/// rc = cr < snapshot < "" = ga = final = release < sp`, others after them in text
/// order; `-` (and a qualifier after `.`) opens a sub-list; null items (0, "", empty
/// lists) removed where they do not separate anything. Maven accepts any string; only
/// versions nesting more than ``MavenVersionParser/maxDepth`` sub-lists are refused here.
public struct MavenVersion: Sendable, Equatable {
    indirect enum Item: Sendable, Equatable {
        case number(Substring)
        case qualifier(String)
        case combination(String, Substring)
        case list([Item])
    }

    static let qualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"]
    static let releaseQualifiers: Set<String> = ["ga", "final", "release"]
    /// The rank of the release qualifier `""`.
    static let releaseRank = "5"

    let items: [Item]

    public init(_ text: String) throws(VersionParseError) {
        let parser = MavenVersionParser(text.lowercased())
        guard !parser.isTooDeep else {
            throw VersionParseError(.maven, text, "more than \(MavenVersionParser.maxDepth) nested sub-versions ('-' or letter-digit changes)")
        }
        items = parser.items
    }

    /// -1, 0 or 1, as ComparableVersion orders the versions.
    public func compare(to other: MavenVersion) -> Int {
        Self.compare(.list(items), .list(other.items))
    }

    /// A letter run as a qualifier; single `a`, `b`, `m` before a digit mean alpha, beta, milestone.
    static func qualifier(_ value: String, followedByDigit: Bool) -> String {
        if followedByDigit && value.count == 1 {
            switch value {
            case "a": return "alpha"
            case "b": return "beta"
            case "m": return "milestone"
            default: break
            }
        }
        return value == "cr" ? "rc" : value
    }

    /// ComparableVersion's `comparableQualifier`: the index among the known qualifiers
    /// (release aliases rank as ""), else `"7-<qualifier>"`; compared as text.
    static func rank(_ qualifier: String) -> String {
        if releaseQualifiers.contains(qualifier) { return releaseRank }
        return qualifiers.firstIndex(of: qualifier).map(String.init) ?? "\(qualifiers.count)-\(qualifier)"
    }

    /// `a` against `b`; nil stands for a missing item.
    static func compare(_ a: Item?, _ b: Item?) -> Int {
        guard let a else { return b.map { -compare($0, nil) } ?? 0 }
        switch a {
        case .number(let x):
            switch b {
            case nil: return x.allSatisfy { $0 == "0" } ? 0 : 1
            case .number(let y): return NumericString.compare(x, y)
            case .qualifier, .combination, .list: return 1
            }
        case .qualifier(let x):
            switch b {
            case nil: return NumericString.order(rank(x), releaseRank)
            case .number, .list: return -1
            case .qualifier(let y): return NumericString.order(rank(x), rank(y))
            case .combination(let y, _):
                let order = NumericString.order(rank(x), rank(y))
                return order == 0 ? -1 : order
            }
        case .combination(let x, let digits):
            switch b {
            case nil: return NumericString.order(rank(x), releaseRank)
            case .number, .list: return -1
            case .qualifier(let y):
                let order = NumericString.order(rank(x), rank(y))
                return order == 0 ? 1 : order
            case .combination(let y, let otherDigits):
                let order = NumericString.order(rank(x), rank(y))
                return order == 0 ? NumericString.compare(digits, otherDigits) : order
            }
        case .list(let x):
            switch b {
            case nil:
                for item in x {
                    let order = compare(item, nil)
                    if order != 0 { return order }
                }
                return 0
            case .number: return -1
            case .qualifier, .combination: return 1
            case .list(let y):
                for index in 0..<max(x.count, y.count) {
                    let order = compare(index < x.count ? x[index] : nil, index < y.count ? y[index] : nil)
                    if order != 0 { return order }
                }
                return 0
            }
        }
    }
}
