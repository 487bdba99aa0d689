/// CPE 2.3 formatted strings as SPDX validators want them: every character of
/// an attribute outside `[A-Za-z0-9._-]` escaped with a backslash (catalogers
/// often write `1.0~rc1` where the CPE 2.3 grammar requires `1.0\~rc1`).
enum SPDXCPE {
    /// The escaped form of `cpe`, or nil when it is not a 13-part `cpe:2.3:` string.
    static func formatted(_ cpe: String) -> String? {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for character in cpe {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == ":" {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        guard parts.count == 13, parts[0] == "cpe", parts[1] == "2.3", ["a", "o", "h", "*", "-"].contains(parts[2]) else { return nil }
        return (parts[..<3] + parts[3...].map(escape)).joined(separator: ":")
    }

    private static func escape(_ attribute: String) -> String {
        guard attribute != "*", attribute != "-", !attribute.isEmpty else { return attribute.isEmpty ? "*" : attribute }
        var out = ""
        var escaped = false
        for character in attribute {
            if escaped {
                out.append(character)
                escaped = false
            } else if character == "\\" {
                out.append(character)
                escaped = true
            } else if character.isASCII && (character.isLetter || character.isNumber || character == "." || character == "_" || character == "-") {
                out.append(character)
            } else {
                out.append("\\")
                out.append(character)
            }
        }
        return out
    }
}
