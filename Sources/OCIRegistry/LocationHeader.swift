import Foundation

/// `Location` headers of upload sessions: relative (`/v2/…`) or absolute, often with
/// a query string (`?_state=…`) that later parameters must be added to.
public enum LocationHeader {
    /// `value` resolved against the URL of the request it answered.
    public static func resolve(_ value: String, against base: URL) -> URL? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: base) else { return nil }
        return url.absoluteURL
    }

    /// `url` with `name=value` added to its query, keeping any query it has.
    public static func appendingQuery(_ url: URL, name: String, value: String) -> URL {
        FormEncoding.appending([(name, value)], to: url)
    }
}
