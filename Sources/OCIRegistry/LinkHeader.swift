import Foundation

/// RFC 8288 `Link` headers, as registries use them for pagination:
/// `</v2/test/app/tags/list?last=b&n=2>; rel="next"`.
public enum LinkHeader {
    /// The target of the `rel="next"` link among `values`, resolved against `base`.
    public static func next(in values: [String], relativeTo base: URL) -> URL? {
        for value in values {
            for link in split(value) {
                guard let open = link.firstIndex(of: "<"), let close = link[open...].firstIndex(of: ">") else { continue }
                let target = String(link[link.index(after: open)..<close])
                let parameters = link[link.index(after: close)...].split(separator: ";")
                let isNext = parameters.contains { parameter in
                    let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard pair.count == 2, pair[0].lowercased() == "rel" else { return false }
                    let relations = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
                    return relations.split(separator: " ").contains("next")
                }
                if isNext, let url = URL(string: target, relativeTo: base) { return url.absoluteURL }
            }
        }
        return nil
    }

    /// The links of one header value: split at commas outside `<…>` and quotes.
    private static func split(_ value: String) -> [Substring] {
        var links: [Substring] = []
        var start = value.startIndex
        var inTarget = false, inQuotes = false
        for index in value.indices {
            switch value[index] {
            case "<" where !inQuotes: inTarget = true
            case ">" where !inQuotes: inTarget = false
            case "\"" where !inTarget: inQuotes.toggle()
            case "," where !inTarget && !inQuotes:
                links.append(value[start..<index])
                start = value.index(after: index)
            default: break
            }
        }
        links.append(value[start...])
        return links
    }
}
