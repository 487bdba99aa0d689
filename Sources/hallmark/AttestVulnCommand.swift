import ArgumentParser
import Foundation
import InToto
import OCIModel
import VulnMatch

/// `hallmark attest vuln IMAGE`: each platform's scan result as an in-toto
/// vulnerability predicate (`https://in-toto.io/attestation/vulns/v0.2`).
struct AttestVulnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vuln",
        abstract: "Attest the vulnerability scan of each platform of an image.",
        discussion: """
            Each platform is cataloged and matched against the advisory database as 'hallmark scan' does, \
            under the same policy: findings that --vex statements or the ignore rules (--config, else \
            .grype.yaml or .hallmark.yaml here) set aside are left out, and --only-fixed keeps only findings \
            with a fix. The predicate lists each remaining advisory with its severity and CVSS score.

            \(ExitStatus.help)
            """
    )

    @OptionGroup var options: AttestOptions

    @OptionGroup var database: AdvisoryDatabaseOptions

    @OptionGroup var policyOptions: ScanPolicyOptions

    func validate() throws {
        if options.subject == .index { throw ValidationError("--subject index: a scan describes a platform's packages; attest platforms only") }
    }

    func run() async throws {
        let matcher = VulnerabilityMatcher(database: try database.open(requireContent: true))
        let status = try matcher.database.status(maxAge: database.maxDBAge.seconds)
        let policy = try policyOptions.policy()
        try await AttestationRun(options: options).run { target, location in
            let started = Date()
            let report = try await PlatformCataloging.report(for: target, location: location)
            let findings = policy.apply(try matcher.match(report.packages)).findings
            let predicate = VulnerabilityPredicate.make(findings: findings, database: status, started: started, finished: Date())
            return (PredicateType.vulnerabilities, try predicate.jsonData())
        }
    }
}
