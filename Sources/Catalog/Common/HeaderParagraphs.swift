/// One paragraph of `Field: value` lines, as in dpkg status files, DEP-5 copyright
/// files, Python core metadata (RFC 822 style) and Alpine's installed database.
struct HeaderParagraph: Sendable {
    /// The fields in file order; names are lowercased for RFC 822 syntax, kept as written for apk.
    var fields: [(name: String, value: String)] = []
    /// The 1-based line the paragraph starts on.
    var line: Int

    /// The first value of field `name`.
    func value(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of field `name`, in file order.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }
}

/// The two header syntaxes catalogers meet.
enum HeaderSyntax: Sendable {
    /// `Name: value`, case-insensitive names, continuation lines starting with a space or tab.
    case rfc822
    /// Alpine's `K:value`: case-sensitive names, no continuation lines.
    case apk
}

/// Splits text into header paragraphs separated by empty lines. A line of only spaces is
/// not a separator but an (empty) continuation line, as in folded Python metadata headers.
enum HeaderParser {
    /// The paragraphs in `lines`; with `firstOnly` (Python metadata, whose body follows
    /// the first blank line) parsing stops after the first paragraph. Malformed lines are
    /// reported to `parsed` and skipped.
    static func paragraphs(in lines: [Substring], syntax: HeaderSyntax, firstOnly: Bool = false,
                           problems parsed: inout ParsedFile) -> [HeaderParagraph] {
        var paragraphs: [HeaderParagraph] = []
        var current: HeaderParagraph?
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            if line.isEmpty {
                if let paragraph = current {
                    paragraphs.append(paragraph)
                    current = nil
                    if firstOnly { return paragraphs }
                }
                continue
            }
            if syntax == .rfc822, line.first == " " || line.first == "\t" {
                guard var paragraph = current, !paragraph.fields.isEmpty else {
                    parsed.problem("line \(number): continuation line outside a field")
                    continue
                }
                paragraph.fields[paragraph.fields.count - 1].value += "\n" + line.dropFirst()
                current = paragraph
                continue
            }
            guard let colon = line.firstIndex(of: ":"), colon > line.startIndex,
                  !line[..<colon].contains(where: { $0 == " " || $0 == "\t" })
            else {
                parsed.problem("line \(number): expected 'Field:value', found '\(line.prefix(40))'")
                continue
            }
            let name = syntax == .rfc822 ? line[..<colon].lowercased() : String(line[..<colon])
            let rest = line[line.index(after: colon)...]
            let value = syntax == .rfc822 ? rest.trimmed : String(rest)
            if current == nil { current = HeaderParagraph(line: number) }
            current?.fields.append((name, value))
        }
        if let paragraph = current { paragraphs.append(paragraph) }
        return paragraphs
    }
}
