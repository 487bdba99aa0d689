import ArgumentParser
import Attestations
import OCIModel
import Reporting

/// `hallmark inspect`: an image's platforms and the attestations each carries.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show an image's manifests, platforms and the attestations attached to each platform.",
        discussion: """
            Attestations are found wherever they are stored: BuildKit attestation manifests in the index, \
            OCI 1.1 referrers (through the referrers API or its sha256-<hex> tag fallback) and cosign \
            .att/.sig tags. A platform that lacks the provenance or SBOM another platform has is flagged.

            With --wait, inspect polls (with backoff) until every platform has the attestations named by \
            --expect, for registries that make attestations visible only some time after the push.

            The JSON form (--format json) is documented in docs/inspect-json.md.

            \(ExitStatus.help)
            """
    )

    @Argument(help: "The image: REF, registry:REF, oci-dir:PATH[:TAG], oci-archive:FILE[:TAG], docker-archive:FILE[:TAG].")
    var image: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Print the root manifest's bytes exactly as served.")
    var raw = false

    @Option(help: "Only this platform of an index (os/arch[/variant]).")
    var platform: String?

    @Option(help: "Attestation kinds every platform must have (provenance, sbom, vuln); exit 1 when one is missing.")
    var expect: String?

    @Option(help: "Poll until the expected attestations appear or this much time has passed (e.g. 90s, 5m).")
    var wait: DurationArgument?

    @OptionGroup var registryOptions: RegistryOptions

    func run() async throws {
        let location = try await ImageLocation.openSource(image, options: registryOptions)
        defer { location.close() }
        if raw {
            let document = try await location.source.manifest(try await location.source.resolve(location.tagOrDigest))
            Terminal.write(document.bytes)
            return
        }
        let expected = try expectedKinds()
        let filter = try platform.map { text in try Platform(parsing: text) }
        let discovery = AttestationDiscovery(source: location.source)
        let report = try await InspectPoller(wait: wait?.duration, expected: expected) {
            try await discovery.inspect(location.tagOrDigest, name: location.name, platform: filter)
        }.run()
        switch format {
        case .json: Terminal.print(try JSONOutput.render(report))
        case .text: Terminal.print(InspectText.render(report, expected: expected))
        }
        if !report.missing(expected).isEmpty { throw ExitCode(ExitStatus.failed.rawValue) }
    }

    func expectedKinds() throws -> [PredicateKind] {
        let names = expect ?? (wait != nil ? "provenance" : "")
        return try names.split(separator: ",").map { name in
            guard let kind = PredicateKind(expectation: String(name).trimmingCharacters(in: .whitespaces)) else {
                throw UsageError("--expect: unknown attestation kind '\(name)'; use provenance, sbom or vuln")
            }
            return kind
        }
    }
}
