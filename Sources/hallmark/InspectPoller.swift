import Attestations
import OCIModel

/// Runs an inspection again, with backoff, until every platform has the expected
/// attestations or the time is up: attestations can become visible only some time
/// after a successful push.
struct InspectPoller {
    let wait: Duration?
    let expected: [PredicateKind]
    let inspect: () async throws -> InspectReport

    func run() async throws -> InspectReport {
        guard let wait, !expected.isEmpty else { return try await inspect() }
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        var delay = Duration.seconds(1)
        while true {
            let attempt: InspectReport?
            do { attempt = try await inspect() } catch is ContentNotFound { attempt = nil }
            if let report = attempt, report.missing(expected).isEmpty { return report }
            let now = clock.now
            guard now < deadline else {
                if let report = attempt { return report }
                return try await inspect()
            }
            Terminal.progress("waiting for \(expected.map(\.rawValue).joined(separator: ", ")) attestations…")
            try await Task.sleep(until: min(now + delay, deadline), clock: clock)
            delay = min(delay * 2, .seconds(15))
        }
    }
}
