import Foundation
import TestSupport

/// The `hallmark` executable the hostile cases run: the one built beside the test
/// bundle (the test target depends on it), or `HALLMARK_UNDER_TEST` when set (to run the
/// suite against a release or static build, or an older one).
enum Hallmark {
    /// The bounds every hostile case must stay within unless it says otherwise.
    static let limits = BoundedRun.Limits(seconds: 5, megabytes: 200)

    /// The executable's path.
    static var executable: String {
        get throws {
            if let chosen = ProcessInfo.processInfo.environment["HALLMARK_UNDER_TEST"] { return chosen }
            return try BuiltProduct.path("hallmark")
        }
    }

    /// Runs `hallmark arguments` within `limits`, and prints what it took (the suite's measurements).
    static func run(_ arguments: [String], limits: BoundedRun.Limits = Self.limits) async throws -> BoundedRun.Outcome {
        let outcome = try await BoundedRun(executable: try executable, arguments: arguments, limits: limits).run()
        let took = String(format: "%.2f s, %.1f MB", outcome.seconds, outcome.peakMegabytes)
        print("bounded: hallmark \(arguments.prefix(2).joined(separator: " ")): \(took) (limits \(limits))")
        return outcome
    }
}
