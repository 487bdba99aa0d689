/// Turns the license strings catalogers found into one SPDX license expression.
///
/// Known SPDX identifiers (case-insensitive) keep their canonical spelling; a
/// string that is a well-formed expression of known identifiers stays one;
/// anything else becomes a `LicenseRef-…` recorded in ``extracted``, so the
/// result always validates (`pyspdxtools`).
struct SPDXLicenseExpression {
    /// `LicenseRef-…` identifier → the original license text, for `hasExtractedLicensingInfos`.
    private(set) var extracted: [String: String] = [:]
    private var references: [String: String] = [:]

    /// The expression for `licenses` (joined with `AND`), or nil when there are none.
    mutating func expression(for licenses: [String]) -> String? {
        let parts = licenses.map { $0.trimmingSpaces }.filter { !$0.isEmpty }.map { expression(forOne: $0) }
        guard !parts.isEmpty else { return nil }
        if parts.count == 1 { return parts[0].text }
        return parts.map { $0.compound ? "(" + $0.text + ")" : $0.text }.joined(separator: " AND ")
    }

    private mutating func expression(forOne license: String) -> (text: String, compound: Bool) {
        if let parsed = Self.parse(license) { return parsed }
        return (reference(for: license), false)
    }

    /// The `LicenseRef-` identifier for a name outside the SPDX list.
    mutating func reference(for name: String) -> String {
        if let known = references[name] { return known }
        let base = "LicenseRef-" + SPDXIdentifiers.sanitise(name)
        var candidate = base
        var counter = 2
        while extracted[candidate] != nil {
            candidate = base + "-\(counter)"
            counter += 1
        }
        references[name] = candidate
        extracted[candidate] = name
        return candidate
    }

    /// The canonical SPDX identifier for `word`, mapping the deprecated `GPL-2.0+`/`GPL-2.0`
    /// forms to `-or-later`/`-only`.
    static func canonicalIdentifier(_ word: some StringProtocol) -> String? {
        let lower = word.lowercased()
        if let id = SPDXLicenseList.licenses[lower] { return id }
        if lower.hasSuffix("+"), let id = SPDXLicenseList.licenses[lower.dropLast() + "-or-later"] { return id }
        return SPDXLicenseList.licenses[lower + "-only"]
    }

    /// Parses `text` as an expression of known identifiers joined by AND/OR (with
    /// optional parentheses and `WITH exception`); nil when it is not one.
    static func parse(_ text: String) -> (text: String, compound: Bool)? {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character == "(" || character == ")" || character == " " || character == "\t" {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                if character != " " && character != "\t" { tokens.append(String(character)) }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        var output: [String] = []
        var depth = 0
        var expectOperand = true
        var afterWith = false
        for token in tokens {
            let upper = token.uppercased()
            if token == "(" {
                guard expectOperand else { return nil }
                depth += 1
                output.append("(")
            } else if token == ")" {
                guard !expectOperand, depth > 0 else { return nil }
                depth -= 1
                output.append(")")
            } else if upper == "AND" || upper == "OR" || upper == "WITH" {
                guard !expectOperand else { return nil }
                output.append(upper)
                expectOperand = true
                afterWith = upper == "WITH"
            } else {
                guard expectOperand else { return nil }
                if afterWith {
                    guard let exception = SPDXLicenseList.exceptions[token.lowercased()] else { return nil }
                    output.append(exception)
                } else {
                    guard let id = canonicalIdentifier(token) else { return nil }
                    output.append(id)
                }
                expectOperand = false
                afterWith = false
            }
        }
        guard !expectOperand, depth == 0 else { return nil }
        let joined = output.joined(separator: " ").replacing("( ", with: "(").replacing(" )", with: ")")
        return (joined, output.contains("AND") || output.contains("OR"))
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
