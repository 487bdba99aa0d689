import ArgumentParser
import Foundation
import Reporting
import SBOMFormats
import VulnMatch

/// `hallmark ignores`: the vulnerability ignore list.
struct IgnoresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ignores",
        abstract: "Check the vulnerability ignore rules of a .grype.yaml or .hallmark.yaml.",
        subcommands: [IgnoresLintCommand.self]
    )
}

/// `hallmark ignores lint [FILE]`: every ignore must carry the runbook's justification.
struct IgnoresLintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check that every ignore rule documents why, for what, until when (the runbook's 'Managing CVE Ignores').",
        discussion: """
            Each rule of Grype's ignore: list (vulnerability, package, fix-state, vex-status, …) must carry, in \
            the comment block right above it (the runbook's format) or in fields: the advisory id and a \
            description, an impact assessment (or reason:/vex-justification:), the affected component (or a \
            package: block), an upstream tracking link, and a removal criterion (TODO, or expires: YYYY-MM-DD). \
            Expired rules are reported too. FILE defaults to .grype.yaml or .hallmark.yaml in the working directory.

            \(ExitStatus.help)
            """
    )

    @Argument(help: "The configuration file (default: .grype.yaml or .hallmark.yaml here).")
    var file: String?

    @Option(help: "Also flag rules that match no finding of this SBOM (stale), scanned against the advisory database.")
    var sbom: String?

    @OptionGroup var database: AdvisoryDatabaseOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        guard let path = file ?? IgnoreConfig.defaultPath(in: FileManager.default.currentDirectoryPath) else {
            throw UsageError("no .grype.yaml or .hallmark.yaml in this directory; name the file: hallmark ignores lint FILE")
        }
        let config = try IgnoreConfig.load(path: path)
        let findings = IgnoreLinter().lint(config, unmatchedRuleLines: try staleRuleLines(config))
        switch format {
        case .json:
            Terminal.print(try JSONOutput.render(IgnoreLintReport(path: path, rules: config.rules.count, findings: findings)))
        case .text:
            for finding in findings { Terminal.print("\(finding.path):\(finding.line): \(finding.rule): \(finding.message)") }
            let rules = Set(findings.map(\.line)).count
            Terminal.print(findings.isEmpty
                ? "\(path): \(config.rules.count) ignore rules, each justified."
                : "\(path): \(rules) of \(config.rules.count) ignore rules lack what the runbook requires (\(findings.count) findings).")
        }
        if !findings.isEmpty { throw ExitCode(ExitStatus.failed.rawValue) }
    }
}

extension IgnoresLintCommand {
    /// With `--sbom`: the lines of rules that ignore none of the SBOM's findings.
    func staleRuleLines(_ config: IgnoreConfig) throws -> Set<Int>? {
        guard let sbom else { return nil }
        let packages = try SBOMReader().read(path: sbom).packages
        let findings = try VulnerabilityMatcher(database: try database.open(requireContent: true)).match(packages).findings
        let matcher = IgnoreMatcher(rules: config.rules)
        return Set(config.rules.filter { rule in !findings.contains { matcher.applies(rule, to: $0) } }.map(\.line))
    }
}

/// The JSON form of `hallmark ignores lint`.
struct IgnoreLintReport: Encodable {
    let path: String
    let rules: Int
    let findings: [IgnoreLinter.Finding]
}
