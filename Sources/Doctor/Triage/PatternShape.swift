/// Checks that a triage pattern cannot backtrack without bound on a long line, the
/// two shapes that make regular expressions slow (ICU, like most engines, backtracks):
///
/// - a quantified group holding a quantifier, `(a+)+` or `(\s*x)*`: exponential;
/// - an unbounded wildcard, `.*` or `.+` (or `.{n,}`): quadratic when what follows
///   it is missing, `platform .* not found` took 38 s on a 128 KiB line. Write the
///   longest gap you mean instead, `platform .{0,80} not found`.
///
/// Other unbounded repeats (`\S+`, `[0-9a-f]+`) stop at the first character outside
/// their class, and lines are examined up to ``LogClassifier/maxExaminedLineLength``.
enum PatternShape {
    /// Why `pattern` may backtrack without bound, or nil if it cannot.
    static func problem(in pattern: String) -> String? {
        var scanner = Scanner(Array(pattern.unicodeScalars))
        return scanner.run()
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        /// Per open group: whether a repeat (other than `?`) occurred inside it.
        var groups: [Bool] = [false]

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func run() -> String? {
            while index < scalars.count {
                let atomStart = index
                var wildcard = false
                var closedGroupRepeats = false
                switch scalars[index] {
                case "\\":
                    index += 2
                case "[":
                    skipClass()
                case "(":
                    groups.append(false)
                    index += 1
                    continue
                case ")":
                    closedGroupRepeats = groups.count > 1 ? groups.removeLast() : false
                    index += 1
                case ".":
                    wildcard = true
                    index += 1
                default:
                    index += 1
                }
                let repeatKind = quantifier()
                guard let repeatKind, repeatKind != .optional else {
                    // A group's inner repeats count for the group that holds it.
                    if closedGroupRepeats { groups[groups.count - 1] = true }
                    continue
                }
                if closedGroupRepeats {
                    return "a repeated group holds a repeat (at offset \(atomStart)), which backtracks exponentially; repeat only single characters or classes"
                }
                if wildcard, repeatKind == .unbounded {
                    return "an unbounded wildcard (.* or .+ at offset \(atomStart)) backtracks quadratically on long lines; bound it, e.g. .{0,80}"
                }
                groups[groups.count - 1] = true
            }
            return nil
        }

        enum Repeat { case optional, bounded, unbounded }

        /// Reads a quantifier after an atom, if one follows (with a lazy or possessive suffix).
        mutating func quantifier() -> Repeat? {
            guard index < scalars.count else { return nil }
            let kind: Repeat
            switch scalars[index] {
            case "*", "+":
                kind = .unbounded
                index += 1
            case "?":
                kind = .optional
                index += 1
            case "{":
                guard let close = scalars[index...].firstIndex(of: "}") else { return nil }
                let body = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                let bounds = body.split(separator: ",", omittingEmptySubsequences: false)
                guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0.allSatisfy(\.isNumber) }), !bounds[0].isEmpty else { return nil }
                index = close + 1
                if bounds.count == 2, bounds[1].isEmpty { kind = .unbounded }
                else { kind = (Int(bounds.last ?? "") ?? 0) <= 1 ? .optional : .bounded }
            default:
                return nil
            }
            if index < scalars.count, scalars[index] == "?" || scalars[index] == "+" { index += 1 }
            return kind
        }

        /// Moves past a character class `[...]` (a `]` right after `[` or `[^` is literal).
        mutating func skipClass() {
            index += 1
            if index < scalars.count, scalars[index] == "^" { index += 1 }
            if index < scalars.count, scalars[index] == "]" { index += 1 }
            while index < scalars.count, scalars[index] != "]" {
                index += scalars[index] == "\\" ? 2 : 1
            }
            index += 1
        }
    }
}
