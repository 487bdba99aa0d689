import ArgumentParser
import Foundation
import InToto
import OCIModel

/// `hallmark attest provenance IMAGE`: SLSA provenance v1 from the CI environment.
struct AttestProvenanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provenance",
        abstract: "Attest SLSA provenance v1 for each platform of an image.",
        discussion: """
            On GitHub Actions the predicate has the layout actions/attest-build-provenance writes, filled \
            from the GITHUB_* and RUNNER_* variables; elsewhere a local builder id. --predicate FILE gives \
            a JSON object merged over the generated predicate (its values win).

            \(ExitStatus.help)
            """
    )

    @OptionGroup var options: AttestOptions

    @Option(help: "A JSON object merged over the generated predicate (its values win).")
    var predicate: String?

    func run() async throws {
        let user = try predicate.map { path -> JSONValue in
            let bytes = try FileInput.read(path, limit: 16 << 20)
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)), value.object != nil else {
                throw UsageError("\(path): --predicate must hold one JSON object")
            }
            return value
        }
        let value: JSONValue
        do {
            value = try ProvenanceBuilder(environment: ProcessInfo.processInfo.environment).predicate(mergingUserPredicate: user)
        } catch {
            throw UsageError("provenance: \(error)")
        }
        let json = try value.jsonData()
        try await AttestationRun(options: options).run { _, _ in (PredicateType.slsaProvenanceV1, json) }
    }
}
