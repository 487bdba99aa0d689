/// The precedence SemVer and NuGet share: numeric parts by value, then pre-release
/// labels, where a version without labels is above one with them, identifiers compare
/// numeric (by value) below alphanumeric (as text), and fewer identifiers sort first.
enum PrereleaseOrder {
    static func compare(numbers a: [Substring], _ b: [Substring], labels x: [Substring], _ y: [Substring], ignoringCase: Bool) -> Int {
        for (left, right) in zip(a, b) {
            let order = NumericString.compare(left, right)
            if order != 0 { return order }
        }
        switch (x.isEmpty, y.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): break
        }
        for (left, right) in zip(x, y) {
            let order: Int
            switch (left.allSatisfy(\.isASCIIDigit), right.allSatisfy(\.isASCIIDigit)) {
            case (true, true): order = NumericString.compare(left, right)
            case (true, false): order = -1
            case (false, true): order = 1
            case (false, false): order = ignoringCase ? NumericString.order(left.lowercased(), right.lowercased()) : NumericString.order(left, right)
            }
            if order != 0 { return order }
        }
        return NumericString.order(x.count, y.count)
    }
}
