/// Compares runs of ASCII digits of any length by value, without converting them
/// to fixed-width integers (versions such as `20240101000000000000` overflow Int).
enum NumericString {
    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b` by value.
    static func compare(_ a: Substring, _ b: Substring) -> Int {
        let x = a.drop { $0 == "0" }, y = b.drop { $0 == "0" }
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        if x == y { return 0 }
        return x < y ? -1 : 1
    }

    /// -1, 0 or 1 for two comparable values (text in code-point order, counts).
    static func order<T: Comparable>(_ a: T, _ b: T) -> Int {
        a < b ? -1 : (a == b ? 0 : 1)
    }
}
