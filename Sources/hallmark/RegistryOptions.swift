import ArgumentParser
import OCIModel

/// Options every command that talks to registries takes.
struct RegistryOptions: ParsableArguments {
    @Option(name: .customLong("insecure-registry"), help: ArgumentHelp(
        "Allow plain HTTP for this registry host[:port] (repeatable). Loopback registries always may use HTTP.",
        valueName: "host"))
    var insecureRegistries: [String] = []

    @Option(help: "How often a failed registry request is retried (connection errors, 429, 5xx).")
    var retries: Int = 3

    /// The retry policy of registry requests and of whole blob transfers.
    var retryPolicy: RetryPolicy { RetryPolicy(maxRetries: retries) }

    func validate() throws {
        guard (0...20).contains(retries) else { throw ValidationError("--retries must be between 0 and 20") }
    }
}
