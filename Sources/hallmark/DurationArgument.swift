import ArgumentParser

/// A duration on the command line: `90s`, `2m`, `1h`, `500ms`, or plain seconds.
struct DurationArgument: ExpressibleByArgument, Sendable {
    let duration: Duration

    init?(argument: String) {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where argument.hasSuffix(suffix) {
            guard let value = Double(argument.dropLast(suffix.count)), value >= 0 else { return nil }
            duration = .milliseconds(Int64(value * scale * 1000))
            return
        }
        guard let seconds = Double(argument), seconds >= 0 else { return nil }
        duration = .milliseconds(Int64(seconds * 1000))
    }

    static var defaultValueDescription: String { "e.g. 90s, 5m" }
}
