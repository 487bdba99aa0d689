import Foundation

/// Import times, written and read as RFC 3339 UTC.
enum ImportClock {
    static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func date(from text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }
}
