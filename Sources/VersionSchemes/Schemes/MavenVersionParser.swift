/// ComparableVersion's parser: one pass over the (lowercased) version with a stack of
/// open lists, each list normalised when it is closed.
struct MavenVersionParser {
    /// The most sub-lists a version may open. Real versions open a handful; each level
    /// costs a stack frame when compared, so hostile ones are refused rather than crash.
    static let maxDepth = 64

    private var stack: [[MavenVersion.Item]] = [[]]
    private(set) var items: [MavenVersion.Item] = []
    /// Whether the version opened more than ``maxDepth`` sub-lists (``items`` is then incomplete).
    private(set) var isTooDeep = false

    init(_ version: String) {
        let characters = Array(version)
        var isDigit = false
        var isCombination = false
        var start = 0
        var index = 0
        while index < characters.count, !isTooDeep {
            let character = characters[index]
            let text = { String(characters[start..<index]) }
            if character == "." {
                append(index == start ? .number("0") : Self.item(text(), combination: isCombination, digits: isDigit))
                isCombination = false
                start = index + 1
            } else if character == "-" {
                if index == start {
                    append(.number("0"))
                } else {
                    // X-1 is read as X1.
                    if !isDigit, index + 1 < characters.count, characters[index + 1].isASCIIDigit {
                        isCombination = true
                        index += 1
                        continue
                    }
                    append(Self.item(text(), combination: isCombination, digits: isDigit))
                }
                start = index + 1
                if !(stack.last?.isEmpty ?? true) { openList() }
                isCombination = false
            } else if character.isASCIIDigit {
                if !isDigit && index > start {
                    isCombination = true
                    if !(stack.last?.isEmpty ?? true) { openList() }
                }
                isDigit = true
            } else {
                if isDigit && index > start {
                    append(Self.item(text(), combination: isCombination, digits: true))
                    start = index
                    openList()
                    isCombination = false
                }
                isDigit = false
            }
            index += 1
        }
        if characters.count > start, !isTooDeep {
            // A qualifier after `.` is treated as after `-`: 1.0.0.X1 < 1.0.0-X2.
            if !isDigit && !(stack.last?.isEmpty ?? true) { openList() }
            append(Self.item(String(characters[start...]), combination: isCombination, digits: isDigit))
        }
        while stack.count > 1 {
            let inner = Self.normalize(stack.removeLast())
            stack[stack.count - 1].append(.list(inner))
        }
        items = Self.normalize(stack[0])
    }

    private mutating func append(_ item: MavenVersion.Item) {
        stack[stack.count - 1].append(item)
    }

    /// Opens a sub-list; it is appended to its parent when closed.
    private mutating func openList() {
        if stack.count > Self.maxDepth { isTooDeep = true }
        stack.append([])
    }

    static func item(_ text: String, combination: Bool, digits: Bool) -> MavenVersion.Item {
        if combination {
            let compact = text.filter { $0 != "-" }
            let letters = compact.prefix { !$0.isASCIIDigit }
            let number = compact.dropFirst(letters.count)
            return .combination(MavenVersion.qualifier(String(letters), followedByDigit: true), Substring(number.drop { $0 == "0" }))
        }
        if digits { return .number(Substring(text.drop { $0 == "0" })) }
        return .qualifier(MavenVersion.qualifier(text, followedByDigit: false))
    }

    static func isNull(_ item: MavenVersion.Item) -> Bool {
        switch item {
        case .number(let digits): digits.allSatisfy { $0 == "0" }
        case .qualifier(let value): value.isEmpty
        case .combination: false
        case .list(let items): items.isEmpty
        }
    }

    /// Removes null items that end the list or precede a qualifier (directly, or as the
    /// first item of the next sub-list).
    static func normalize(_ list: [MavenVersion.Item]) -> [MavenVersion.Item] {
        var items = list
        var index = items.count - 1
        while index >= 0 {
            if isNull(items[index]) {
                if index == items.count - 1 {
                    items.remove(at: index)
                } else {
                    switch items[index + 1] {
                    case .qualifier:
                        items.remove(at: index)
                    case .list(let next):
                        switch next.first {
                        case .combination?, .qualifier?: items.remove(at: index)
                        default: break
                        }
                    default:
                        break
                    }
                }
            }
            index -= 1
        }
        return items
    }
}
