import ArgumentParser

/// A duration on the command line: `90s`, `2m`, `1h`, `500ms`, or plain seconds.
struct DurationArgument: ExpressibleByArgument, Sendable {
    let duration: Duration
    /// As given on the command line.
    let text: String

    /// A duration of `seconds`.
    init(seconds: Int64) {
        duration = .seconds(seconds)
        text = seconds % 86_400 == 0 ? "\(seconds / 86_400)d" : "\(seconds)s"
    }

    /// The duration in seconds.
    var seconds: Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    init?(argument: String) {
        text = argument
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400)]
        for (suffix, scale) in units where argument.hasSuffix(suffix) {
            guard let value = Double(argument.dropLast(suffix.count)), value >= 0 else { return nil }
            duration = .milliseconds(Int64(value * scale * 1000))
            return
        }
        guard let seconds = Double(argument), seconds >= 0 else { return nil }
        duration = .milliseconds(Int64(seconds * 1000))
    }

    static var defaultValueDescription: String { "e.g. 90s, 5m, 7d" }
}
