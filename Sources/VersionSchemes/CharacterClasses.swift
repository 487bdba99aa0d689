extension Character {
    /// `0`–`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
    /// ASCII letters only.
    var isASCIILetter: Bool { isASCII && isLetter }
    /// ASCII letters and digits.
    var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }
}

/// The whitespace each reference implementation trims from a version before parsing it.
enum Whitespace {
    /// C's `isblank`: space and tab (dpkg).
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// ASCII space, tab, line feed, vertical tab, form feed and carriage return
    /// (Ruby's `\s` and `strip`, and the C-like parsers).
    static func isASCIISpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0d) }

    /// Python's `str.isspace` (what `\s` matches in a `str` pattern): Unicode
    /// `White_Space` plus the information separators U+001C–U+001F.
    static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (scalar.value >= 0x1c && scalar.value <= 0x1f)
    }
}

extension String {
    /// Without leading and trailing scalars that satisfy `isSpace`.
    func trimming(_ isSpace: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }

    /// With ASCII `A`–`Z` lowercased and every other character kept (Python's ASCII-only
    /// case-insensitive matching; `lowercased()` would also fold `K` KELVIN SIGN to `k`).
    var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5a }) else { return self }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5a ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
