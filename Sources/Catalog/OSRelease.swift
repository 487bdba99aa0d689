/// Reads `os-release(5)` files (`/etc/os-release`, `/usr/lib/os-release`): `KEY=VALUE`
/// lines, values optionally in double or single quotes, backslash escapes (`\"`, `\\`,
/// `\$`, `` \` ``) outside single quotes, `#` comment lines.
public enum OSReleaseParser {
    /// The assignments of `text`; later ones win, malformed lines are skipped.
    public static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = String(trimmed[..<equals])
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { continue }
            fields[key] = value(trimmed[trimmed.index(after: equals)...])
        }
        return fields
    }

    /// The distro described by `content`; `ID` defaults to `linux` as the specification says,
    /// `nil` when the file has neither `ID` nor `NAME`.
    public static func distro(from content: [UInt8]) -> Distro? {
        let fields = fields(String(decoding: content, as: UTF8.self))
        guard fields["ID"] != nil || fields["NAME"] != nil else { return nil }
        return Distro(
            id: (fields["ID"].map { $0.lowercased() }).flatMap { $0.isEmpty ? nil : $0 } ?? "linux",
            versionID: fields["VERSION_ID"].flatMap { $0.isEmpty ? nil : $0 },
            codename: fields["VERSION_CODENAME"].flatMap { $0.isEmpty ? nil : $0 },
            idLike: (fields["ID_LIKE"] ?? "").split(separator: " ").map { $0.lowercased() },
            prettyName: fields["PRETTY_NAME"])
    }

    /// A shell-style value: quoted parts joined, escapes resolved, trailing blanks dropped.
    private static func value(_ raw: Substring) -> String {
        var out = ""
        var quote: Character?
        var escaped = false
        var trailingBlanks = 0
        for character in raw {
            if escaped {
                out.append(character)
                escaped = false
                trailingBlanks = 0
                continue
            }
            switch (quote, character) {
            case (nil, "\"" ), (nil, "'"):
                quote = character
            case (let open?, _) where character == open:
                quote = nil
            case (let open, "\\") where open != "'":
                escaped = true
            case (nil, "#") where out.isEmpty:
                return ""
            default:
                out.append(character)
                trailingBlanks = quote == nil && (character == " " || character == "\t") ? trailingBlanks + 1 : 0
            }
        }
        return String(out.dropLast(trailingBlanks))
    }
}
