import ArgumentParser
import Foundation

/// The `hallmark` command: the root of every subcommand, and the one place that
/// turns errors into messages and exit codes.
@main
struct Hallmark: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "hallmark",
        abstract: "Inspect, copy, attest and verify container images and their supply-chain metadata.",
        discussion: """
            Image sources: registry:REF (the default for a bare reference), oci-dir:PATH[:TAG], \
            oci-archive:FILE[:TAG], docker-archive:FILE[:TAG].

            \(ExitStatus.help)
            """,
        version: version,
        subcommands: [InspectCommand.self, CopyCommand.self, SBOMCommand.self, KeyCommand.self, AttestCommand.self, VerifyCommand.self, ScanCommand.self, DBCommand.self, IgnoresCommand.self, DoctorCommand.self, TriageCommand.self]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            finish(with: error)
        }
    }

    /// Prints what `error` means and exits with its documented code.
    static func finish(with error: any Error) -> Never {
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
        if let status = ExitStatus(classifying: error) {
            Terminal.error("error: \(ExitStatus.message(for: error))")
            Foundation.exit(status.rawValue)
        }
        let parserCode = exitCode(for: error)
        if parserCode == .success { exit(withError: error) }
        Terminal.error(fullMessage(for: error))
        Terminal.error("Run 'hallmark --help' for usage.")
        Foundation.exit(ExitStatus.usage.rawValue)
    }
}
