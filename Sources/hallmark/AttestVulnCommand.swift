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
            Each platform is cataloged and matched against the advisory database as 'hallmark scan' does; \
            findings its ignore rules (--config, else .grype.yaml or .hallmark.yaml here) ignore are left \
            out. The predicate lists each remaining advisory with its severity and CVSS score.

            \(ExitStatus.help)
            """
    )

    @OptionGroup var options: AttestOptions

    @OptionGroup var database: AdvisoryDatabaseOptions

    @Option(help: "Ignore rules (.grype.yaml schema).")
    var config: String?

    func validate() throws {
        if options.subject == .index { throw ValidationError("--subject index: a scan describes a platform's packages; attest platforms only") }
    }

    func run() async throws {
        let matcher = VulnerabilityMatcher(database: try database.open(requireContent: true))
        let status = try matcher.database.status(maxAge: database.maxDBAge.seconds)
        let configPath = config ?? IgnoreConfig.defaultPath(in: FileManager.default.currentDirectoryPath)
        let ignores = IgnoreMatcher(rules: try configPath.map { try IgnoreConfig.load(path: $0) }?.rules ?? [])
        try await AttestationRun(options: options).run { target, location in
            let started = Date()
            let report = try await PlatformCataloging.report(for: target, location: location)
            let findings = try matcher.match(report.packages).findings.filter { ignores.rule(ignoring: $0) == nil }
            let predicate = VulnerabilityPredicate.make(findings: findings, database: status, started: started, finished: Date())
            return (PredicateType.vulnerabilities, try predicate.jsonData())
        }
    }
}
