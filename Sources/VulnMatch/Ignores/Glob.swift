/// Path globs as Grype's ignore `location` uses them: `**` any number of path
/// segments, `*` any characters within one segment, `?` one character.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        matches(Array(pattern), 0, Array(path), 0)
    }

    private static func matches(_ p: [Character], _ i: Int, _ s: [Character], _ j: Int) -> Bool {
        var i = i, j = j
        while i < p.count {
            if p[i] == "*" {
                let doubleStar = i + 1 < p.count && p[i + 1] == "*"
                let next = doubleStar ? i + 2 : i + 1
                var k = j
                while true {
                    if matches(p, next, s, k) { return true }
                    guard k < s.count, doubleStar || s[k] != "/" else { return false }
                    k += 1
                }
            }
            guard j < s.count, p[i] == "?" ? s[j] != "/" : p[i] == s[j] else { return false }
            i += 1
            j += 1
        }
        return j == s.count
    }
}
