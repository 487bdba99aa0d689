import ArgumentParser
import Attestations
import Foundation
import InToto
import OCIModel
import Reporting
import Sigstore

/// `hallmark verify`: are the attestations of every platform signed, about that
/// platform, and of the required predicate type?
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the signed attestations of each platform of an image, or of a file with --bundle.",
        discussion: """
            For an image, attestations are found wherever they are stored (OCI referrers through the API or \
            the tag fallback, cosign .att tags, BuildKit attestation manifests). Each is checked in order: \
            its format (a Sigstore bundle v0.1-v0.3 or DSSE envelope), a signature by one of the --key \
            public keys over the DSSE PAE, the payload as an in-toto statement, its predicate type, and a \
            subject whose digest is the platform manifest's. A platform passes when one attestation passes \
            every check; a platform without one fails the command (exit 1), with each check that failed.

            For a file, --bundle FILE (a bundle JSON, a JSON-lines file as 'gh attestation download' writes, \
            or a GitHub attestations API response) gives the bundles, and the subject digest is the \
            file's SHA-256.

            --predicate-type takes a URI or provenance (the default, https://slsa.dev/provenance/v1), \
            spdx, cyclonedx or vuln. --format json prints the verified statements.

            \(ExitStatus.help)
            """
    )

    @Argument(help: "The image (REF, registry:REF, oci-dir:PATH[:TAG], oci-archive:FILE[:TAG], docker-archive:FILE[:TAG]), or a file with --bundle.")
    var target: String

    @Option(help: "PEM public key to accept signatures from (repeatable).")
    var key: [String] = []

    @Option(name: .customLong("predicate-type"), help: "Required predicate type: a URI, or provenance, spdx, cyclonedx, vuln.")
    var predicateType = "provenance"

    @Option(help: "Verify the file TARGET against the bundles in this file instead of an image.")
    var bundle: String?

    @Option(help: "Only this platform of an index (os/arch[/variant]).")
    var platform: String?

    @Option(help: "platforms (the default) or index (the index must be attested too).")
    var subject: SubjectScope = .platforms

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var registryOptions: RegistryOptions

    func validate() throws {
        if key.isEmpty { throw ValidationError("--key PUB is required: Hallmark verifies key-signed attestations") }
    }

    func run() async throws {
        let policy = VerificationPolicy(keys: try SigningKeyLoader.verificationKeys(paths: key), predicateType: try Self.predicateTypeURI(predicateType))
        let report: VerificationReport
        if let bundle {
            report = try FileVerification(path: target, bundlePath: bundle, policy: policy).verify()
        } else {
            let location = try await ImageLocation.openSource(target, options: registryOptions)
            defer { location.close() }
            let filter = try platform.map { try Platform(parsing: $0) }
            report = try await AttestationVerifier(source: location.source, policy: policy)
                .verify(location.tagOrDigest, name: location.name, platform: filter, includeIndex: subject == .index)
        }
        switch format {
        case .json: Terminal.print(try JSONOutput.render(report))
        case .text: Terminal.print(VerifyText.render(report))
        }
        if !report.passed { throw ExitCode(ExitStatus.failed.rawValue) }
    }

    /// The URI for `--predicate-type`'s short names; anything with a scheme is taken as given.
    static func predicateTypeURI(_ text: String) throws -> String {
        switch text.lowercased() {
        case "provenance", "slsa": return PredicateType.slsaProvenanceV1
        case "spdx": return PredicateType.spdx
        case "cyclonedx": return PredicateType.cycloneDX
        case "vuln", "vulnerability": return PredicateType.vulnerabilities
        default:
            guard text.contains("://") else {
                throw UsageError("--predicate-type \(text): use a URI such as https://slsa.dev/provenance/v1, or provenance, spdx, cyclonedx, vuln")
            }
            return text
        }
    }
}
